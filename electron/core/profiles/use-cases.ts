import type { CallContext } from './ports';
import { checkNewPassphrase, unlockSupervisorKey } from './keys';
import type { NewProfile, Profile } from '../common/schemas/profile';
import { coded } from '../common/messages';

/** Every local profile, for the "who are you" screen. Needs no active profile. */
export async function listProfiles(ctx: CallContext): Promise<Profile[]> {
  const profiles = await ctx.services.profiles.list();
  return profiles.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** Create a local profile (first run, or another person on the same machine). */
export async function createProfile(ctx: CallContext, input: NewProfile): Promise<Profile> {
  const existing = await ctx.services.profiles.list();
  if (existing.some((profile) => profile.name === input.name && profile.role === input.role)) {
    throw coded('conflict', 'profile.duplicate', { name: input.name });
  }
  // Someone this machine trusts (met through exchange) is never silently doubled by a local profile.
  const trusted = (await ctx.services.exchange.trusted()).find((entry) => entry.name === input.name && entry.role === input.role);
  if (trusted && !input.confirmSameName) {
    throw coded(
      'conflict',
      input.role === 'supervisor' ? 'profile.sameAsTrustedSupervisor' : 'profile.sameAsTrustedManager',
      { name: trusted.name, fingerprint: trusted.fingerprint },
      { details: { reason: 'same-name-as-trusted', fingerprint: trusted.fingerprint } },
    );
  }
  const passphrase = input.role === 'supervisor' ? checkNewPassphrase(input.passphrase) : undefined;
  const profile: Profile = {
    id: ctx.services.ids.newId(),
    name: input.name,
    role: input.role,
    unit: input.unit,
    createdAt: ctx.services.clock.now().toISOString(),
  };
  await ctx.services.profiles.save(profile);
  // A supervisor's key is made protected by the passphrase from the start (and is unlocked for this session).
  if (passphrase) await ctx.services.signer.setPassphrase(profile.id, passphrase);
  await rememberProfile(ctx, profile.id);
  return profile;
}

/** Switch the active profile on this machine; remembered for the next start. */
export async function selectProfile(ctx: CallContext, id: string, passphrase?: string): Promise<Profile> {
  const profile = await ctx.services.profiles.get(id);
  if (!profile) throw coded('not-found', 'profile.notFound');
  // A supervisor's key must be unlocked (or, the first time, protected) before the profile is used.
  await unlockSupervisorKey(ctx, profile, passphrase);
  await rememberProfile(ctx, id);
  return profile;
}

async function rememberProfile(ctx: CallContext, id: string): Promise<void> {
  const settings = await ctx.services.settings.get();
  if (settings.lastProfileId !== id) await ctx.services.settings.save({ ...settings, lastProfileId: id });
}
