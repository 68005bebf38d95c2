/**
 * File names for exported documents: 模板名_片区_[店名_]报告期_作者.ext, safe on Windows, macOS and Linux.
 */
import type { Report } from '../common/schemas/report';
import type { Template } from '../common/schemas/template';
import { formatPeriod } from '../common/text/placeholders';

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
/** Characters Windows refuses in file names, plus control characters. */
const ILLEGAL = /[<>:"/\\|?*\p{Cc}]/gu;
/** Keep names well below the 255-character limit, leaving room for the folder path. */
const MAXIMUM_BASE_LENGTH = 100;

/** One part of a file name: illegal characters become _, white space collapses, no dots or spaces at the ends. */
export function sanitizeFileNamePart(text: string): string {
  return text
    .replace(ILLEGAL, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '')
    // A run of underscores (a blank to fill in, or characters replaced above) reads as one.
    .replace(/_{2,}/g, '_')
    .replace(/^_+|_+$/g, '');
}

/**
 * e.g. 市场分析报告_城关片区_2026年10月_张三.docx; a guidance booklet adds the retailer's 店名 after the
 * territory, a research report its 调研主题 after the template's name; `suffix` (e.g. 公文 or 普通 for the two
 * Word layouts) comes last. Empty parts are left out; `ext` may be given with or without its dot.
 */
export function exportFileName(report: Report, template: Template, ext: string, suffix = ''): string {
  const retailer = report.metadata['店名'] ?? '';
  const topic = (report.metadata['调研主题'] ?? '').slice(0, 30);
  return fileNameFromParts([template.name, topic, report.region, retailer, formatPeriod(report.period.trim()), report.authorName, suffix], ext, report.title);
}

/**
 * A safe file name from parts joined by `_` (empty parts left out), e.g. 文稿台账_2026年10月_市场分析报告.xlsx;
 * `fallback` when every part is empty.
 */
export function fileNameFromParts(parts: string[], ext: string, fallback = 'report'): string {
  const kept = parts.map(sanitizeFileNamePart).filter((part) => part !== '');
  let base = kept.join('_') || sanitizeFileNamePart(fallback) || 'report';
  base = Array.from(base).slice(0, MAXIMUM_BASE_LENGTH).join('').replace(/[.\s]+$/, '');
  if (WINDOWS_RESERVED.test(base)) base = `${base}_`;
  const extension = sanitizeFileNamePart(ext.replace(/^\.+/, ''));
  return extension ? `${base}.${extension}` : base;
}
