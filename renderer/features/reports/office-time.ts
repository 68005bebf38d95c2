import { defaultOnTimeRule } from '../../../electron/api/domain';
import { useChannel } from '../../api/hooks';

/** An instant as the office's wall-clock time (settings → utcOffsetMinutes), `YYYY-MM-DD HH:mm:ss`. */
export function formatOfficeTime(at: string | Date, utcOffsetMinutes: number, withDate = true): string {
  const time = (typeof at === 'string' ? new Date(at) : at).getTime();
  if (Number.isNaN(time)) return typeof at === 'string' ? at : '';
  const text = new Date(time + utcOffsetMinutes * 60_000).toISOString().slice(0, 19).replace('T', ' ');
  return withDate ? text : text.slice(11);
}

/** The office's offset from UTC in minutes, from the settings (Beijing time until they load). */
export function useOfficeOffset(): number {
  const settings = useChannel('settings:get', {}, { staleTime: 60_000 });
  return settings.data?.onTimeRule.utcOffsetMinutes ?? defaultOnTimeRule.utcOffsetMinutes;
}
