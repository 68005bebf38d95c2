import { defaultOnTimeRule } from '../export/on-time';
import type { CallContext } from '../shared/services';
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
