import { DomainError } from '../shared/errors';
import type { CallContext } from '../shared/services';
import type { NewProfile, Profile } from './schema';

/** Every local profile, for the "who are you" screen. Needs no active profile. */
export async function listProfiles(ctx: CallContext): Promise<Profile[]> {
  const profiles = await ctx.services.profiles.list();
  return profiles.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** Create a local profile (first run, or another person on the same machine). */
export async function createProfile(ctx: CallContext, input: NewProfile): Promise<Profile> {
  const existing = await ctx.services.profiles.list();
  if (existing.some((profile) => profile.name === input.name && profile.role === input.role)) {
    throw new DomainError('conflict', `已存在同名同角色的身份：${input.name}`);
  }
  const profile: Profile = {
    id: ctx.services.ids.newId(),
    name: input.name,
    role: input.role,
    unit: input.unit,
    createdAt: ctx.services.clock.now().toISOString(),
  };
  await ctx.services.profiles.save(profile);
  await rememberProfile(ctx, profile.id);
  return profile;
}

/** Switch the active profile on this machine; remembered for the next start. */
export async function selectProfile(ctx: CallContext, id: string): Promise<Profile> {
  const profile = await ctx.services.profiles.get(id);
  if (!profile) throw new DomainError('not-found', '找不到该用户身份');
  await rememberProfile(ctx, id);
  return profile;
}

async function rememberProfile(ctx: CallContext, id: string): Promise<void> {
  const settings = await ctx.services.settings.get();
  if (settings.lastProfileId !== id) await ctx.services.settings.save({ ...settings, lastProfileId: id });
}
