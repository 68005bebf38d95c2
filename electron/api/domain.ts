/**
 * The capability code the renderer shares with the core, re-exported here so the renderer imports only
 * electron/core/common and the API (checked by .dependency-cruiser.cjs, rule renderer-sees-common-and-api-only).
 * Pure functions and types only: anything that reads or writes goes through the contract and the dispatcher.
 */
export { type OfficeCalendar } from '../core/calendar/office-calendar';
export { defaultOnTimeRule, type OnTimeRule } from '../core/calendar/on-time';
export { trustSource } from '../core/exchange/schema';
export { type FontRole, resolveFonts } from '../core/export/fonts';
export { chartOption, tableChartData } from '../core/insight/chart';
export { defaultInsightSettings, type InsightSettings } from '../core/insight/schema';
export { checkSentenceRules, formatSentenceRules, parseSentenceRules } from '../core/insight/sentences';
export { checkCompleteness, type CompletenessIssue } from '../core/reports/completeness';
export { type MergeOverlap } from '../core/reports/merge';
export { periodKey } from '../core/reports/new-report';
export { anchorText, locateQuote, makeTextAnchor } from '../core/review/anchors';
export { type TextPart } from '../core/review/diff';
export { findingWords, type IntegrityFinding, type IntegrityLanguage, integrityText } from '../core/review/integrity-messages';
export { defaultStockToSalesRange, type StockToSalesRange } from '../core/settings/schema';
export { templateFileFormat, templateFileVersion } from '../core/templates/template-file';
