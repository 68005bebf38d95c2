/** The services the calendar capability (office days, deadlines, the roster of people) sees. */
import type { Context } from '../common/context';
import type { SettingsPort } from '../common/ports';
import type { ProfileSettings, ProfilesServices } from '../profiles/ports';
import type { OfficeCalendar } from './office-calendar';
import type { OnTimeRule } from './on-time';

/** The settings the calendar capability reads. */
export interface CalendarSettings {
  onTimeRule: OnTimeRule;
  officeCalendar: OfficeCalendar;
}

export interface CalendarServices extends ProfilesServices {
  settings: SettingsPort<ProfileSettings & CalendarSettings>;
}

export type CallContext = Context<CalendarServices>;
