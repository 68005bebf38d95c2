/**
 * Export of reports to Word and Excel. Pure: builders take data and return the file's bytes.
 */
export {
  buildWordDocument,
  WordComposer,
  type CommentAnchor,
  type DocumentBlockOptions,
  type ExportComment,
  type ReviewSummary,
  type TextTable,
  type WordDocumentPart,
  type WordExportOptions,
  type WordLayout,
  type WordStyleOptions,
} from './word';
export { buildExcelWorkbook, columnLetter, excelNumberFormat, sanitizeSheetName, type ExcelExportOptions } from './excel';
export { exportFileName, fileNameFromParts, sanitizeFileNamePart } from '../reports/file-names';
export {
  defaultFontSettings,
  fallbackFont,
  fontFallbacks,
  fontSettingsSchema,
  officialFonts,
  plainFonts,
  resolveFonts,
  resolvePlainFonts,
  runFonts,
  type FontRole,
  type FontSet,
  type FontSettings,
  type FontSettingsInput,
  type RunFonts,
} from './fonts';
export { commentStatusLabel, defaultExportLabels, englishExportLabels, fillLabel, resolveLabels, type ExportLabels } from './labels';
export {
  buildRegisterWorkbook,
  commentKindOrder,
  documentKindOrder,
  registerRows,
  type RegisterComment,
  type RegisterCommentStatus,
  type RegisterData,
  type RegisterDocument,
} from './register';
export {
  buildMeetingPack,
  buildMeetingSummaryWorkbook,
  commentTarget,
  meetingFlagOrder,
  orderForMeeting,
  type MeetingPackDocument,
  type MeetingPackOptions,
} from './meeting-pack';
export { deadlineFor, defaultOnTimeRule, isOnTime, officeWallClock, onTimeRuleSchema, type OnTimeRule } from '../calendar/on-time';
export { ExportCancelled, isExportCancelled, phaseMonitor, silentMonitor, type ExportMonitor } from './progress';
export { ExportJobs, type ExportFile, type ExportJobState, type ExportJobStatus, type ExportJobsOptions } from './jobs';
export { layoutSpec, mmToTwip } from './word-layout';
