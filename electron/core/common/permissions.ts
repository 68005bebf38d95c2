import type { Profile, Role } from './schemas/profile';
import { coded } from './messages';
import type { Context } from './context';

const roleNames: Record<Role, string> = { manager: '客户经理', supervisor: '主管' };

/** The calling profile, or a `no-profile` error when none is chosen yet. */
export function requireProfile(ctx: Context<unknown>): Profile {
  if (!ctx.profile) throw coded('no-profile', 'profile.required');
  return ctx.profile;
}

/** The calling profile if it has the role; `forbidden` otherwise. */
export function requireRole(ctx: Context<unknown>, role: Role): Profile {
  const profile = requireProfile(ctx);
  if (profile.role !== role) {
    throw coded('forbidden', role === 'manager' ? 'profile.managerOnly' : 'profile.supervisorOnly');
  }
  return profile;
}

export function roleName(role: Role): string {
  return roleNames[role];
}
