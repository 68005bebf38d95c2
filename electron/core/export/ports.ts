/** The services the export capability sees (it owns no stored port: jobs live in memory). */
import type { Context } from '../common/context';
import type { SettingsPort } from '../common/ports';
import type { CalendarSettings } from '../calendar/ports';
import type { InsightServices, InsightSettingsView } from '../insight/ports';
import type { ProfileSettings } from '../profiles/ports';
import type { FontSettings } from './fonts';

/** The settings the export capability reads. */
export interface ExportSettings {
  language: 'zh-CN' | 'en';
  officeName: string;
  exportFonts: FontSettings;
  stockToSalesRange: { low: number; high: number };
}

export interface ExportServices extends InsightServices {
  settings: SettingsPort<ProfileSettings & CalendarSettings & InsightSettingsView & ExportSettings>;
}

export type CallContext = Context<ExportServices>;
