import { defaultOnTimeRule } from './on-time';
import type { CallContext } from './ports';
import type { RosterEntry } from './schema';
import { officeDay } from './office-calendar';

/**
 * The office day each person joined: a profile of this machine from its creation, a manager met through
 * exchange from the day their key was first seen (the roster date). Nothing is owed for periods before it.
 */
export async function joinDates(ctx: CallContext): Promise<Map<string, string>> {
  const settings = await ctx.services.settings.get();
  const offset = (settings.onTimeRule ?? defaultOnTimeRule).utcOffsetMinutes;
  const dates = new Map<string, string>();
  for (const entry of await ctx.services.exchange.trusted()) {
    const day = officeDay(entry.firstSeen, offset);
    if (day) dates.set(entry.profileId, day);
  }
  for (const profile of await ctx.services.profiles.list()) {
    const day = officeDay(profile.createdAt, offset);
    if (day) dates.set(profile.id, day);
  }
  return dates;
}

/** Managers on this supervisor's roster: local manager profiles and managers met through packages. */
export async function rosterManagers(ctx: CallContext): Promise<RosterEntry[]> {
  const local = (await ctx.services.profiles.list()).filter((profile) => profile.role === 'manager');
  const ids = new Set(local.map((profile) => profile.id));
  const remote = (await ctx.services.exchange.trusted()).filter((entry) => entry.role === 'manager' && !ids.has(entry.profileId));
  return [
    ...local.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map((profile) => ({ id: profile.id, name: profile.name, unit: profile.unit, remote: false })),
    ...remote.map((entry) => ({ id: entry.profileId, name: entry.name, unit: entry.unit, remote: true })),
  ];
}
