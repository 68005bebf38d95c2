import { z } from 'zod';

/**
 * The office calendar: 法定节假日 (public holidays, no work) and 调休 workdays (weekends worked). A day is a
 * workday when it is a 调休 workday, or a Monday–Friday that is not a holiday. Daily logs are expected on
 * workdays only, and a deadline falling on a day off moves to the next workday; 未提交, the dashboard and the
 * 台账 all count this way. Editable under 设置; seeded with the State Council's 2026 schedule.
 */
const isoDay = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '日期格式应为 YYYY-MM-DD')
  .refine((day) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day), '不是有效的日期');

export const officeCalendarSchema = z
  .object({
    /** Public holidays (放假): no daily log is expected. */
    holidays: z.array(isoDay).max(400),
    /** 调休 workdays: a Saturday or Sunday worked; a daily log is expected. */
    workdays: z.array(isoDay).max(200),
  })
  .strict()
  .superRefine((calendar, ctx) => {
    const holidays = new Set(calendar.holidays);
    calendar.workdays.forEach((day, index) => {
      if (holidays.has(day)) ctx.addIssue({ code: 'custom', path: ['workdays', index], message: `${day} 不能同时是节假日和调休工作日` });
    });
  });
export type OfficeCalendar = z.infer<typeof officeCalendarSchema>;

function range(from: string, days: number): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  return Array.from({ length: days }, (_, index) => new Date(start + index * 86_400_000).toISOString().slice(0, 10));
}

/** 国务院办公厅关于2026年部分节假日安排的通知 (国办发明电〔2025〕7号, 2025-11-04). */
export const calendar2026: Readonly<OfficeCalendar> = {
  holidays: [
    ...range('2026-01-01', 3), // 元旦
    ...range('2026-02-15', 9), // 春节
    ...range('2026-04-04', 3), // 清明节
    ...range('2026-05-01', 5), // 劳动节
    ...range('2026-06-19', 3), // 端午节
    ...range('2026-09-25', 3), // 中秋节
    ...range('2026-10-01', 7), // 国庆节
  ],
  workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
};

export function defaultOfficeCalendar(): OfficeCalendar {
  return { holidays: [...calendar2026.holidays], workdays: [...calendar2026.workdays] };
}

/** Whether a day (`YYYY-MM-DD`) is a workday of the office: 调休 workdays yes, holidays no, else Monday–Friday. */
export function isWorkday(day: string, calendar?: OfficeCalendar | null): boolean {
  if (calendar?.workdays.includes(day)) return true;
  if (calendar?.holidays.includes(day)) return false;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The first workday on or after a day (at most 60 days on; a calendar cannot hold longer breaks). */
export function workdayOnOrAfter(day: string, calendar?: OfficeCalendar | null): string {
  let current = day;
  for (let step = 0; step < 60 && !isWorkday(current, calendar); step++) {
    current = new Date(Date.parse(`${current}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  }
  return current;
}

/** The office's calendar day of an instant (`YYYY-MM-DD`), for a time zone given as minutes east of UTC. */
export function officeDay(at: string | Date, utcOffsetMinutes: number): string | null {
  const time = typeof at === 'string' ? Date.parse(at) : at.getTime();
  if (Number.isNaN(time)) return null;
  return new Date(time + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}
