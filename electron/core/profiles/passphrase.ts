import { isDomainError } from '../common/errors';
import { coded } from '../common/messages';
import { requireProfile } from '../common/permissions';
import type { CallContext } from './ports';
import { minimumPassphraseLength } from './keys';

export interface PassphraseChange {
  current: string;
  passphrase: string;
  repeat: string;
}

/**
 * A supervisor changes the passphrase of their own signing key (the active profile's): the current passphrase,
 * the new one twice. The same key pair is re-encrypted under the new passphrase and written atomically (a
 * temporary file, then a rename), so the key file holds the old or the new ciphertext, never the key in clear.
 */
export async function changePassphrase(ctx: CallContext, input: PassphraseChange): Promise<{ changed: true }> {
  const profile = requireProfile(ctx);
  if (profile.role !== 'supervisor') throw coded('forbidden', 'session.passphraseSupervisorOnly');
  if ([...input.passphrase].length < minimumPassphraseLength) {
    const params = { minimum: minimumPassphraseLength };
    throw coded('invalid-input', 'session.passphraseTooShort', params, {
      issues: [{ path: 'passphrase', message: `口令至少 ${minimumPassphraseLength} 个字符` }],
    });
  }
  if (input.repeat !== input.passphrase) {
    throw coded('invalid-input', 'session.passphraseRepeat', undefined, { issues: [{ path: 'repeat', message: '两次输入的新口令不一致' }] });
  }
  if (input.passphrase === input.current) {
    throw coded('invalid-input', 'session.passphraseSame', undefined, { issues: [{ path: 'passphrase', message: '新口令与原口令相同' }] });
  }
  const state = await ctx.services.signer.keyState(profile.id);
  if (state !== 'locked' && state !== 'unlocked') throw coded('conflict', 'session.passphraseNotSet', { name: profile.name });
  try {
    await ctx.services.signer.setPassphrase(profile.id, input.passphrase, input.current);
  } catch (error) {
    if (isDomainError(error) && (error.details as { reason?: string } | undefined)?.reason === 'wrong-passphrase') {
      throw coded('forbidden', 'session.passphraseWrong', undefined, {
        issues: [{ path: 'current', message: '原口令不正确' }],
        details: { reason: 'wrong-passphrase' },
      });
    }
    throw error;
  }
  return { changed: true };
}
