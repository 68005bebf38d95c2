/** How many backups are kept: the newest of each of the last `daily` days and of the last `weekly` weeks. */
export interface RetentionPolicy {
  daily: number;
  weekly: number;
  /** The office's offset from UTC in minutes (days and weeks are the office's). */
  utcOffsetMinutes: number;
}

export const defaultRetention: RetentionPolicy = { daily: 14, weekly: 8, utcOffsetMinutes: 480 };

export interface DatedBackup {
  name: string;
  at: Date;
}

function officeDay(at: Date, offsetMinutes: number): string {
  return new Date(at.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** The Monday (office time) starting the week `at` falls in, as YYYY-MM-DD. */
function officeWeek(at: Date, offsetMinutes: number): string {
  const local = new Date(at.getTime() + offsetMinutes * 60_000);
  const weekday = (local.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - weekday)).toISOString().slice(0, 10);
}

/**
 * Which backups to keep and which to prune. Kept: the newest backup of each of the `daily` most recent days
 * that have backups, and the newest of each of the `weekly` most recent weeks that have backups (a backup can
 * count for both). Every backup of the newest backup's day is kept too (a backup taken by hand this morning is
 * still there after the one at exit). Everything else is pruned.
 */
export function planRetention(backups: DatedBackup[], policy: RetentionPolicy = defaultRetention): { keep: string[]; prune: string[] } {
  const newestFirst = [...backups].sort((a, b) => b.at.getTime() - a.at.getTime() || b.name.localeCompare(a.name));
  const keep = new Set<string>();
  const days = new Set<string>();
  const weeks = new Set<string>();
  for (const backup of newestFirst) {
    const day = officeDay(backup.at, policy.utcOffsetMinutes);
    if (!days.has(day) && days.size < policy.daily) {
      days.add(day);
      keep.add(backup.name);
    } else days.add(day);
    const week = officeWeek(backup.at, policy.utcOffsetMinutes);
    if (!weeks.has(week) && weeks.size < policy.weekly) {
      weeks.add(week);
      keep.add(backup.name);
    } else weeks.add(week);
  }
  if (newestFirst[0]) {
    const today = officeDay(newestFirst[0].at, policy.utcOffsetMinutes);
    for (const backup of newestFirst) if (officeDay(backup.at, policy.utcOffsetMinutes) === today) keep.add(backup.name);
  }
  return {
    keep: newestFirst.filter((backup) => keep.has(backup.name)).map((backup) => backup.name),
    prune: newestFirst.filter((backup) => !keep.has(backup.name)).map((backup) => backup.name),
  };
}

/** Has the office day of `now` already got a backup (the daily backup is due when not)? */
export function hasBackupOnDay(last: Date | null, now: Date, utcOffsetMinutes: number): boolean {
  return last !== null && officeDay(last, utcOffsetMinutes) === officeDay(now, utcOffsetMinutes);
}
