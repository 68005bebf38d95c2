/**
 * Whether a document was submitted on time. The rule is a setting (设置 → 导出); by default a daily work log
 * is due by the end of its own day and a monthly report by the end of the 5th of the next month, in Beijing
 * time (UTC+8, the office's clock whatever the computer's time zone). Quarterly documents are due by the
 * same day of the month after the quarter. Weekly and irregular templates have no deadline.
 * "Submitted" means the first submission: a return and resubmission does not make a document late or on time.
 */
import { z } from 'zod';
import type { Cadence } from '../common/schemas/template';
import { workdayOnOrAfter, type OfficeCalendar } from './office-calendar';

export const onTimeRuleSchema = z
  .object({
    /** Days after its own day a daily document may still be submitted on time (0: by the end of that day). */
    dailyGraceDays: z.number().int().min(0).max(31),
    /** A monthly (or quarterly) document is on time when submitted by the end of this day of the next month. */
    monthlyDueDay: z.number().int().min(1).max(28),
    /** The office's time zone as minutes east of UTC (480: Beijing time). */
    utcOffsetMinutes: z.number().int().min(-720).max(840),
  })
  .strict();
export type OnTimeRule = z.infer<typeof onTimeRuleSchema>;

export const defaultOnTimeRule: Readonly<OnTimeRule> = { dailyGraceDays: 0, monthlyDueDay: 5, utcOffsetMinutes: 480 };

/** The end (exclusive) of an office calendar day `YYYY-MM-DD` as an instant. */
function endOfOfficeDay(day: string, rule: OnTimeRule): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000 - rule.utcOffsetMinutes * 60_000);
}

function dayText(year: number, monthIndex: number, day: number): string {
  return new Date(Date.UTC(year, monthIndex, day)).toISOString().slice(0, 10);
}

/**
 * The instant a document of this cadence and period must be submitted before, or null when it has no deadline.
 * With the office calendar, a due day that is not a workday (a weekend, a 法定节假日) moves to the next workday.
 */
export function deadlineFor(cadence: Cadence, period: string, rule: OnTimeRule = defaultOnTimeRule, calendar?: OfficeCalendar | null): Date | null {
  const trimmed = period.trim();
  let due: string | null = null;
  if (cadence === 'daily') {
    const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
    if (day) due = dayText(Number(day[1]), Number(day[2]) - 1, Number(day[3]) + rule.dailyGraceDays);
  } else if (cadence === 'monthly') {
    const month = /^(\d{4})-(\d{2})$/.exec(trimmed);
    // Month index of the next month is the 1-based month itself.
    if (month) due = dayText(Number(month[1]), Number(month[2]), rule.monthlyDueDay);
  } else if (cadence === 'quarterly') {
    const quarter = /^(\d{4})-Q([1-4])$/i.exec(trimmed);
    if (quarter) due = dayText(Number(quarter[1]), Number(quarter[2]) * 3, rule.monthlyDueDay);
  }
  if (!due) return null;
  return endOfOfficeDay(calendar ? workdayOnOrAfter(due, calendar) : due, rule);
}

/**
 * true / false for a document with a deadline: submitted (first submission) before it, or not. A document not
 * submitted yet is late once the deadline has passed and undecided (null) before; null without a deadline.
 */
export function isOnTime(
  cadence: Cadence,
  period: string,
  firstSubmittedAt: string | undefined,
  now: Date,
  rule: OnTimeRule = defaultOnTimeRule,
  calendar?: OfficeCalendar | null,
): boolean | null {
  const deadline = deadlineFor(cadence, period, rule, calendar);
  if (!deadline) return null;
  if (!firstSubmittedAt) return now.getTime() >= deadline.getTime() ? false : null;
  const submitted = new Date(firstSubmittedAt).getTime();
  if (Number.isNaN(submitted)) return null;
  return submitted < deadline.getTime();
}

/**
 * An instant as the office's wall-clock time, in a Date whose UTC fields carry it (what spreadsheet cells
 * store: a date without a zone).
 */
export function officeWallClock(iso: string, rule: OnTimeRule = defaultOnTimeRule): Date | null {
  const time = new Date(iso).getTime();
  if (Number.isNaN(time)) return null;
  return new Date(time + rule.utcOffsetMinutes * 60_000);
}
