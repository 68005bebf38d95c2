import { formatMessage, type MessageKey, type MessageParams } from '../common/messages';
import { richTextToPlain, visibleLength } from '../common/text/rich-text';
import type { SectionDef, TableDef, Template } from '../common/schemas/template';
import type { Report } from '../common/schemas/report';

/** One thing that blocks submission, with where to jump to fix it. */
export interface CompletenessIssue {
  kind: 'metadata' | 'empty-section' | 'too-short' | 'empty-table' | 'empty-field' | 'placeholder' | 'blank';
  /** Section id, or `metadata` for the details form. */
  target: string;
  /** Field key or column key inside the target, when relevant. */
  field?: string;
  /** The message in zh-CN (the default); `key` and `params` render it in the person's language. */
  message: string;
  key: MessageKey;
  params: MessageParams;
}

const placeholderPattern = /\{\{\s*[^{}\s]+\s*\}\}/;
/** A starter blank left empty: 「（ ）」 (full- or half-width brackets with nothing but spaces inside). */
const blankPattern = /[（(][ \t\u3000\u00a0]*[）)]/g;

function issue(kind: CompletenessIssue['kind'], target: string, key: MessageKey, params: MessageParams, field?: string): CompletenessIssue {
  return { kind, target, ...(field ? { field } : {}), message: formatMessage(key, params), key, params };
}

/**
 * Whether a section's text is still only its starter text: the starter's words with its placeholders
 * filled in any way and its blanks left as they were. Such a section counts as not written.
 */
function onlyStarterText(section: SectionDef, text: string): boolean {
  if (!section.starterText) return false;
  const squeeze = (value: string) => value.replace(/\s+/g, '');
  const pattern = squeeze(section.starterText)
    .split(/(\{\{[^{}]+\}\})/)
    .map((part) => (part.startsWith('{{') ? '.*?' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${pattern}$`, 'u').test(squeeze(text));
}

/**
 * The columns a writer fills with figures: not computed, and not the printed row labels (columns the
 * template's starter rows fill in, such as 指标 or 价类). A table without starter rows has no printed labels.
 */
export function inputColumns(table: TableDef): string[] {
  const labels = new Set((table.starterRows ?? []).flatMap((row) => Object.keys(row).filter((key) => row[key] !== null && row[key] !== '')));
  return table.columns.filter((column) => !column.formula && !labels.has(column.key)).map((column) => column.key);
}

function hasValue(value: unknown): boolean {
  return value !== null && value !== undefined && String(value).trim() !== '';
}

/**
 * What blocks submission: missing required details, empty required sections (starter text alone is empty),
 * analysis shorter than its minimum, starter blanks 「（ ）」 and {{placeholders}} left unfilled, tables
 * without figures in their input columns (printed row labels alone are not data), fields left empty.
 */
export function checkCompleteness(template: Template, report: Pick<Report, 'metadata' | 'sections'>): CompletenessIssue[] {
  const issues: CompletenessIssue[] = [];
  for (const field of template.metadataFields) {
    if (field.required && !(report.metadata[field.key] ?? '').trim()) {
      issues.push(issue('metadata', 'metadata', 'completeness.metadata', { label: field.label }, field.key));
    }
  }
  for (const section of template.sections) {
    const content = report.sections[section.id];
    if (section.kind === 'richtext') {
      const text = content?.type === 'richtext' ? richTextToPlain(content.doc) : '';
      const length = onlyStarterText(section, text) ? 0 : visibleLength(text);
      if (section.required && length === 0) {
        issues.push(issue('empty-section', section.id, 'completeness.emptySection', { section: section.title }));
      } else if (section.minLength && length < section.minLength && (section.required || length > 0)) {
        issues.push(issue('too-short', section.id, 'completeness.tooShort', { section: section.title, length, min: section.minLength }));
      }
      if (length > 0 || !section.required) {
        if (placeholderPattern.test(text)) issues.push(issue('placeholder', section.id, 'completeness.placeholder', { section: section.title }));
        const blanks = text.match(blankPattern)?.length ?? 0;
        if (blanks > 0) issues.push(issue('blank', section.id, 'completeness.blanks', { section: section.title, count: blanks }));
      }
    } else if (section.kind === 'table' && section.table) {
      const rows = content?.type === 'table' ? content.rows : [];
      const columns = inputColumns(section.table);
      const filled = rows.filter((row) => columns.some((key) => hasValue(row.cells[key]))).length;
      const needed = Math.max(section.required ? 1 : 0, section.table.minRows ?? 0);
      if (filled < needed) {
        issues.push(
          filled === 0
            ? issue('empty-table', section.id, 'completeness.emptyTable', { section: section.title })
            : issue('empty-table', section.id, 'completeness.tableRows', { section: section.title, needed, filled }),
        );
      }
    } else if (section.kind === 'fields') {
      const values = content?.type === 'fields' ? content.values : {};
      for (const field of section.fields ?? []) {
        if ((field.required || section.required) && !(values[field.key] ?? '').trim()) {
          issues.push(issue('empty-field', section.id, 'completeness.emptyField', { section: section.title, field: field.label }, field.key));
        }
      }
    }
  }
  return issues;
}
