/**
 * Validation of a template draft: every problem a save would hit (errors) or that looks unintended
 * (warnings), at paths that mirror the Template's own paths, and where each path sits in the editor.
 * Pure functions, unit-tested in node.
 */
import { checkFormula, checkTableFormulas } from '../../../electron/core/common/formula';
import type { Template } from '../../../electron/core/common/schemas/template';
import { templateKeyPattern as keyPattern } from '../../../electron/core/common/schemas/template';
import { placeholderKeys } from '../../../electron/core/common/text/placeholders';
import { cleanOptions, cleanTable, limits, type DraftField, type DraftTable, type DraftTemplate } from './draft-model';

export type IssueCode =
  | 'required'
  | 'tooLong'
  | 'invalidKey'
  | 'duplicateKey'
  | 'noOptions'
  | 'noColumns'
  | 'tooMany'
  | 'noFields'
  | 'formula'
  | 'outOfRange'
  | 'unknownPlaceholder'
  | 'subjectKeyMissing'
  | 'carryForwardMissing'
  /** A message from the backend, shown as it came (`params.message`). */
  | 'server';

/** A problem of the draft at a path of the Template (`sections.2.table.columns.1.formula`). */
export interface DraftIssue {
  path: string;
  code: IssueCode;
  severity: 'error' | 'warning';
  params?: Record<string, string | number>;
}

function error(path: string, code: IssueCode, params?: DraftIssue['params']): DraftIssue {
  return { path, code, severity: 'error', ...(params ? { params } : {}) };
}

function checkText(issues: DraftIssue[], path: string, value: string | undefined, max: number, required: boolean): void {
  const text = value?.trim() ?? '';
  if (required && !text) issues.push(error(path, 'required'));
  else if (Array.from(text).length > max) issues.push(error(path, 'tooLong', { max }));
}

function checkKeys(issues: DraftIssue[], prefix: string, items: readonly { key: string }[]): void {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.key.trim(), (counts.get(item.key.trim()) ?? 0) + 1);
  items.forEach((item, index) => {
    const key = item.key.trim();
    const path = `${prefix}.${index}.key`;
    if (!key) issues.push(error(path, 'required'));
    else if (Array.from(key).length > limits.key) issues.push(error(path, 'tooLong', { max: limits.key }));
    else if (!keyPattern.test(key)) issues.push(error(path, 'invalidKey'));
    else if ((counts.get(key) ?? 0) > 1) issues.push(error(path, 'duplicateKey', { key }));
  });
}

function checkFields(issues: DraftIssue[], prefix: string, fields: readonly DraftField[]): void {
  if (fields.length > limits.fields) issues.push(error(prefix, 'tooMany', { max: limits.fields }));
  checkKeys(issues, prefix, fields);
  fields.forEach((field, index) => {
    checkText(issues, `${prefix}.${index}.label`, field.label, limits.label, true);
    if (field.type === 'select' && !cleanOptions(field.options)) issues.push(error(`${prefix}.${index}.options`, 'noOptions'));
  });
}

function checkPlaceholders(issues: DraftIssue[], path: string, text: string | undefined, known: Set<string>): void {
  for (const key of placeholderKeys(text ?? '')) {
    if (!known.has(key)) issues.push({ path, code: 'unknownPlaceholder', severity: 'warning', params: { key } });
  }
}

/**
 * Problems of each computed column's formula, by column uid: first the formula alone against the
 * table's keys (syntax, unknown column), then what only the whole table shows (a text column used in
 * arithmetic, a formula on a text column, a cycle). Messages are the formula engine's (Chinese).
 */
export function columnFormulaProblems(table: DraftTable): Map<string, string[]> {
  const keys = table.columns.map((column) => column.key.trim());
  const tableProblems = checkTableFormulas(cleanTable(table));
  const problems = new Map<string, string[]>();
  for (const column of table.columns) {
    const formula = column.formula?.trim();
    if (!formula) continue;
    const own = checkFormula(formula, keys).map((problem) => problem.message);
    const found = own.length
      ? own
      : tableProblems.filter((problem) => problem.column === column.key.trim()).map((problem) => problem.message);
    if (found.length) problems.set(column.uid, found);
  }
  return problems;
}

function checkTable(issues: DraftIssue[], prefix: string, table: DraftTable | undefined): void {
  const columns = table?.columns ?? [];
  if (!columns.length) {
    issues.push(error(`${prefix}.columns`, 'noColumns'));
    return;
  }
  if (columns.length > limits.columns) issues.push(error(`${prefix}.columns`, 'tooMany', { max: limits.columns }));
  checkKeys(issues, `${prefix}.columns`, columns);
  const formulaProblems = columnFormulaProblems(table as DraftTable);
  columns.forEach((column, index) => {
    const path = `${prefix}.columns.${index}`;
    checkText(issues, `${path}.label`, column.label, limits.label, true);
    checkText(issues, `${path}.unit`, column.unit, limits.unit, false);
    checkText(issues, `${path}.formula`, column.formula, limits.formula, false);
    if (column.decimals !== undefined && (column.decimals < 0 || column.decimals > limits.decimals)) {
      issues.push(error(`${path}.decimals`, 'outOfRange', { min: 0, max: limits.decimals }));
    }
    for (const message of formulaProblems.get(column.uid) ?? []) issues.push(error(`${path}.formula`, 'formula', { message }));
  });
}

/** Everything that would make a save fail (errors) or that looks unintended (warnings). */
export function validateDraft(draft: DraftTemplate): DraftIssue[] {
  const issues: DraftIssue[] = [];
  checkText(issues, 'name', draft.name, limits.name, true);
  checkText(issues, 'description', draft.description, limits.description, false);
  checkText(issues, 'titlePattern', draft.titlePattern, limits.titlePattern, false);
  const metadataKeys = new Set(draft.metadataFields.map((field) => field.key.trim()));
  checkPlaceholders(issues, 'titlePattern', draft.titlePattern, metadataKeys);
  checkFields(issues, 'metadataFields', draft.metadataFields);
  if (draft.subjectKey && !metadataKeys.has(draft.subjectKey)) {
    issues.push({ path: 'metadataFields', code: 'subjectKeyMissing', severity: 'warning', params: { key: draft.subjectKey } });
  }
  const sectionIds = new Set(draft.sections.map((section) => section.id));
  if (!draft.sections.length) issues.push(error('sections', 'required'));
  if (draft.sections.length > limits.sections) issues.push(error('sections', 'tooMany', { max: limits.sections }));
  draft.sections.forEach((section, index) => {
    const prefix = `sections.${index}`;
    checkText(issues, `${prefix}.title`, section.title, limits.title, true);
    checkText(issues, `${prefix}.guidance`, section.guidance, limits.guidance, false);
    checkText(issues, `${prefix}.starterText`, section.starterText, limits.starterText, false);
    if (section.minLength !== undefined && (section.minLength < 0 || section.minLength > limits.minLength)) {
      issues.push(error(`${prefix}.minLength`, 'outOfRange', { min: 0, max: limits.minLength }));
    }
    if (section.kind === 'richtext') checkPlaceholders(issues, `${prefix}.starterText`, section.starterText, metadataKeys);
    if (section.carryForwardFrom && !sectionIds.has(section.carryForwardFrom)) {
      issues.push({ path: `${prefix}.carryForwardFrom`, code: 'carryForwardMissing', severity: 'warning', params: { id: section.carryForwardFrom } });
    }
    if (section.kind === 'table') checkTable(issues, `${prefix}.table`, section.table);
    if (section.kind === 'fields') {
      if (!section.fields?.length) issues.push(error(`${prefix}.fields`, 'noFields'));
      else checkFields(issues, `${prefix}.fields`, section.fields);
    }
  });
  return issues;
}

/** Where an issue path points: which tab of the editor, and which section (by index). */
export function issueArea(path: string): { area: 'basics' | 'metadata' | 'sections'; section?: number } {
  if (path.startsWith('metadataFields')) return { area: 'metadata' };
  const section = /^sections\.(\d+)/.exec(path);
  if (section) return { area: 'sections', section: Number(section[1]) };
  if (path === 'sections') return { area: 'sections' };
  return { area: 'basics' };
}

/**
 * The editor path of an issue the backend returned: zod paths come prefixed with `template.`, and the
 * formula check names a column by key (`sections.3.table.同比`) where the editor uses its index.
 */
export function serverIssuePath(path: string, template: Template): string {
  const bare = path.replace(/^template\./, '');
  const tableColumn = /^sections\.(\d+)\.table\.(.+)$/.exec(bare);
  if (tableColumn && !/^(columns|starterRows|totalsRow|minRows)(\.|$)/.test(tableColumn[2])) {
    const columns = template.sections[Number(tableColumn[1])]?.table?.columns ?? [];
    const index = columns.findIndex((column) => column.key === tableColumn[2]);
    if (index >= 0) return `sections.${tableColumn[1]}.table.columns.${index}.formula`;
    return `sections.${tableColumn[1]}.table.columns`;
  }
  return bare;
}
