import type { TFunction } from 'i18next';

/** "2 分钟前" / "2 minutes ago", from an ISO time (a future time, from clock skew, reads as "just now"). */
export function ago(t: TFunction, iso: string | null, now = Date.now()): string {
  if (!iso) return t('sync.never');
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 60) return t('sync.justNow');
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return t('sync.minutesAgo', { count: minutes });
  const hours = Math.round(minutes / 60);
  if (hours < 48) return t('sync.hoursAgo', { count: hours });
  return t('sync.daysAgo', { count: Math.round(hours / 24) });
}
