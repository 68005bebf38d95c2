import type { Profile, Role } from '../profiles/schema';
import { DomainError } from './errors';
import type { CallContext } from './services';

const roleNames: Record<Role, string> = { manager: '客户经理', supervisor: '主管' };

/** The calling profile, or a `no-profile` error when none is chosen yet. */
export function requireProfile(ctx: CallContext): Profile {
  if (!ctx.profile) throw new DomainError('no-profile', '请先选择或创建一个用户身份');
  return ctx.profile;
}

/** The calling profile if it has the role; `forbidden` otherwise. */
export function requireRole(ctx: CallContext, role: Role): Profile {
  const profile = requireProfile(ctx);
  if (profile.role !== role) {
    throw new DomainError('forbidden', `只有${roleNames[role]}可以执行此操作`);
  }
  return profile;
}

export function roleName(role: Role): string {
  return roleNames[role];
}
