import { richTextToPlain, visibleLength } from '../text/rich-text';
import type { Template } from '../templates/schema';
import type { Report } from './schema';

/** One thing that blocks submission, with where to jump to fix it. */
export interface CompletenessIssue {
  kind: 'metadata' | 'empty-section' | 'too-short' | 'empty-table' | 'empty-field' | 'placeholder';
  /** Section id, or `metadata` for the details form. */
  target: string;
  /** Field key or column key inside the target, when relevant. */
  field?: string;
  message: string;
}

const placeholderPattern = /\{\{\s*[^{}\s]+\s*\}\}/;

function rowHasInput(cells: Record<string, unknown>): boolean {
  return Object.values(cells).some((value) => value !== null && value !== undefined && String(value).trim() !== '');
}

/**
 * What blocks submission: missing required details, empty required sections, analysis shorter than its
 * minimum, tables without data, fields left empty, and unfilled {{placeholders}}.
 */
export function checkCompleteness(template: Template, report: Pick<Report, 'metadata' | 'sections'>): CompletenessIssue[] {
  const issues: CompletenessIssue[] = [];
  for (const field of template.metadataFields) {
    if (field.required && !(report.metadata[field.key] ?? '').trim()) {
      issues.push({ kind: 'metadata', target: 'metadata', field: field.key, message: `基本信息“${field.label}”未填写` });
    }
  }
  for (const section of template.sections) {
    const content = report.sections[section.id];
    if (section.kind === 'richtext') {
      const text = content?.type === 'richtext' ? richTextToPlain(content.doc) : '';
      const length = visibleLength(text);
      if (section.required && length === 0) {
        issues.push({ kind: 'empty-section', target: section.id, message: `“${section.title}”未填写` });
      } else if (section.minLength && length < section.minLength && (section.required || length > 0)) {
        issues.push({
          kind: 'too-short',
          target: section.id,
          message: `“${section.title}”仅 ${length} 字，至少需要 ${section.minLength} 字`,
        });
      }
      if (placeholderPattern.test(text)) {
        issues.push({ kind: 'placeholder', target: section.id, message: `“${section.title}”中还有未替换的占位符` });
      }
    } else if (section.kind === 'table') {
      const rows = content?.type === 'table' ? content.rows : [];
      const filled = rows.filter((row) => rowHasInput(row.cells)).length;
      const needed = Math.max(section.required ? 1 : 0, section.table?.minRows ?? 0);
      if (filled < needed) {
        issues.push({
          kind: 'empty-table',
          target: section.id,
          message: filled === 0 ? `表格“${section.title}”没有数据` : `表格“${section.title}”至少需要 ${needed} 行数据，现有 ${filled} 行`,
        });
      }
    } else if (section.kind === 'fields') {
      const values = content?.type === 'fields' ? content.values : {};
      for (const field of section.fields ?? []) {
        if ((field.required || section.required) && !(values[field.key] ?? '').trim()) {
          issues.push({ kind: 'empty-field', target: section.id, field: field.key, message: `“${section.title}”的“${field.label}”未填写` });
        }
      }
    }
  }
  return issues;
}
