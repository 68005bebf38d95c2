/**
 * Export of reports to Word and Excel. Pure: builders take data and return the file's bytes.
 */
export {
  buildWordDocument,
  type CommentAnchor,
  type ExportComment,
  type ReviewSummary,
  type WordExportOptions,
  type WordLayout,
} from './word';
export { buildExcelWorkbook, columnLetter, excelNumberFormat, sanitizeSheetName, type ExcelExportOptions } from './excel';
export { exportFileName, sanitizeFileNamePart } from './file-names';
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
export { defaultExportLabels, englishExportLabels, resolveLabels, type ExportLabels } from './labels';
export { layoutSpec, mmToTwip } from './word-layout';
