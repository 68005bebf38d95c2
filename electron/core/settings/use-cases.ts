import type { CallContext } from './ports';
import { coded } from '../common/messages';
import type { Settings } from './schema';

export async function getSettings(ctx: CallContext): Promise<Settings> {
  return ctx.services.settings.get();
}

/** Change the given settings, keep the rest. */
export async function updateSettings(
  ctx: CallContext,
  input: Partial<Pick<Settings, 'language' | 'officeName' | 'gradeScale' | 'exportFonts' | 'onTimeRule' | 'insight' | 'officeCalendar' | 'stockToSalesRange'>>,
): Promise<Settings> {
  if (input.gradeScale && ctx.profile?.role !== 'supervisor') {
    throw coded('forbidden', 'settings.gradesSupervisorOnly');
  }
  if (input.insight && ctx.profile?.role !== 'supervisor') {
    throw coded('forbidden', 'settings.insightSupervisorOnly');
  }
  if (input.officeCalendar && ctx.profile?.role !== 'supervisor') throw coded('forbidden', 'calendar.supervisorOnly');
  if (input.stockToSalesRange && ctx.profile?.role !== 'supervisor') throw coded('forbidden', 'settings.stockRangeSupervisorOnly');
  const current = await ctx.services.settings.get();
  if (input.officeCalendar) {
    // Kept sorted and without repeats, so the file and the 设置 page read in order.
    input = { ...input, officeCalendar: { holidays: [...new Set(input.officeCalendar.holidays)].sort(), workdays: [...new Set(input.officeCalendar.workdays)].sort() } };
  }
  const next: Settings = { ...current, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) };
  await ctx.services.settings.save(next);
  return next;
}
