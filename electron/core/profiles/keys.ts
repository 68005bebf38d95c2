import type { DomainError } from '../common/errors';
import type { CallContext } from './ports';
import type { Profile } from '../common/schemas/profile';
import { coded, formatMessage } from '../common/messages';

/** The shortest passphrase a supervisor's key may have. */
export const minimumPassphraseLength = 8;

/** Why a call needs a passphrase: to unlock a protected key, or to set one (a new or an unprotected key). */
export type PassphraseMode = 'unlock' | 'set';

function passphraseRequired(profile: Profile, mode: PassphraseMode): DomainError {
  return mode === 'unlock'
    ? coded('locked', 'key.supervisorLocked', { name: profile.name }, { details: { reason: 'passphrase-required', mode, profileId: profile.id } })
    : coded('locked', 'key.supervisorUnprotected', { name: profile.name, minimum: minimumPassphraseLength }, { details: { reason: 'passphrase-required', mode, profileId: profile.id } });
}

/** A passphrase long enough to protect a supervisor's key; `invalid-input` otherwise. */
export function checkNewPassphrase(passphrase: string | undefined): string {
  if (!passphrase || [...passphrase].length < minimumPassphraseLength) {
    const message = formatMessage('key.supervisorNeedsPassphrase', { minimum: minimumPassphraseLength });
    throw coded('invalid-input', 'key.supervisorNeedsPassphrase', { minimum: minimumPassphraseLength }, { issues: [{ path: 'passphrase', message }] });
  }
  return passphrase;
}

/**
 * Before anything is signed as a supervisor (a comment, a grade, a decision, a review package): the key must be
 * protected by a passphrase and unlocked in this process. Managers' keys are not required to be (their records
 * can only ever be their own submissions, replies and fixes).
 */
export async function requireSigningKey(ctx: CallContext, profile: Profile): Promise<void> {
  if (profile.role !== 'supervisor') return;
  const state = await ctx.services.signer.keyState(profile.id);
  if (state === 'unlocked') return;
  throw passphraseRequired(profile, state === 'locked' ? 'unlock' : 'set');
}

/**
 * Make a supervisor's key usable with a passphrase: unlock it when it is protected, or protect it with this
 * passphrase when it is not yet (made now, or migrated from a key kept in clear — the same key pair). Without a
 * passphrase, a `locked` error says which of the two is needed.
 */
export async function unlockSupervisorKey(ctx: CallContext, profile: Profile, passphrase: string | undefined): Promise<void> {
  if (profile.role !== 'supervisor') return;
  const state = await ctx.services.signer.keyState(profile.id);
  if (state === 'unlocked') return;
  const mode: PassphraseMode = state === 'locked' ? 'unlock' : 'set';
  if (passphrase === undefined || passphrase === '') throw passphraseRequired(profile, mode);
  if (mode === 'unlock') await ctx.services.signer.unlock(profile.id, passphrase);
  else await ctx.services.signer.setPassphrase(profile.id, checkNewPassphrase(passphrase));
}
