import { z } from 'zod';
import { defaultFontSettings, fontSettingsSchema } from '../export/fonts';
import { defaultOnTimeRule, onTimeRuleSchema } from '../calendar/on-time';
import { defaultGradeScale, gradeSchema } from '../common/schemas/review';
import { defaultInsightSettings, insightSettingsSchema } from '../insight/schema';
import { defaultOfficeCalendar, officeCalendarSchema } from '../calendar/office-calendar';

export const stockToSalesRangeSchema = z
  .object({ low: z.number().min(0).max(100), high: z.number().min(0).max(100) })
  .strict()
  .refine((range) => range.low <= range.high, { message: '存销比合理区间的下限不能高于上限' });
export type StockToSalesRange = z.infer<typeof stockToSalesRangeSchema>;
export const defaultStockToSalesRange: StockToSalesRange = { low: 0.4, high: 0.8 };

export const languageSchema = z.enum(['zh-CN', 'en']);
export type Language = z.infer<typeof languageSchema>;

export const settingsSchema = z
  .object({
    language: languageSchema.default('zh-CN'),
    /** The profile chosen last on this machine; the UI opens with it. */
    lastProfileId: z.string().nullable().default(null),
    /** Office name used on covers and in registers. */
    officeName: z.string().max(60).default('县局（分公司）营销部'),
    /** The grade scale supervisors choose from, best first; grades marked needsReason require a reason. */
    gradeScale: z.array(gradeSchema).min(2).max(10).default(defaultGradeScale),
    /** Font names written into Word exports (GB/T 9704 names or the ones Windows ships, per-role overrides). */
    exportFonts: fontSettingsSchema.default(() => structuredClone(defaultFontSettings)),
    /** When a document counts as submitted on time in the 台账 (see core/calendar/on-time.ts). */
    onTimeRule: onTimeRuleSchema.default(() => ({ ...defaultOnTimeRule })),
    /** 疑似雷同 threshold and the dashboard's targets (see core/insight). */
    insight: insightSettingsSchema.default(() => ({ ...defaultInsightSettings })),
    /** 法定节假日 and 调休 workdays (see core/calendar/office-calendar.ts); seeded with the 2026 schedule. */
    officeCalendar: officeCalendarSchema.default(defaultOfficeCalendar),
    /** The 存销比 合理区间 of the office: the tables' 存销比 columns are read against it (exports state it). */
    stockToSalesRange: stockToSalesRangeSchema.default(() => ({ ...defaultStockToSalesRange })),
  })
  .strict();
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = settingsSchema.parse({});
