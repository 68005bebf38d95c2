/**
 * Pure helpers of the template editor: the editable draft (a Template whose list items carry a stable
 * `uid` so that renaming a key never remounts its inputs), conversion back to a Template, reordering,
 * key generation, validation with issue paths that mirror the Template's own paths, and the sample row
 * of the live table preview. No React, no DOM: unit-tested in node.
 */
import { checkFormula, checkTableFormulas, collectReferences, evaluateTable, parseFormula, type ComputedCell } from '../../../electron/core/common/formula';
import type {
  CellValue,
  ColumnDef,
  ColumnType,
  FieldDef,
  SectionDef,
  SectionKind,
  TableDef,
  Template,
} from '../../../electron/core/common/schemas/template';
import { periodKey } from '../../../electron/api/domain';
import { templateKeyPattern, templateLimits } from '../../../electron/core/common/schemas/template';
import { templateFileFormat, templateFileVersion } from '../../../electron/api/domain';
import { placeholderKeys } from '../../../electron/core/common/text/placeholders';

/** The template schema's limits and key form (electron/core/common/schemas/template.ts), checked before a save. */
export const limits = templateLimits;
const keyPattern = templateKeyPattern;

export { periodKey, templateFileFormat, templateFileVersion };

export interface DraftField extends FieldDef {
  uid: string;
}

export interface DraftColumn extends ColumnDef {
  uid: string;
}

export interface DraftTable extends Omit<TableDef, 'columns'> {
  columns: DraftColumn[];
}

/**
 * A section being edited. A section keeps its table and its fields while its kind changes, so switching
 * kind and back loses nothing; only the part matching the kind is saved.
 */
export interface DraftSection extends Omit<SectionDef, 'table' | 'fields'> {
  table?: DraftTable;
  fields?: DraftField[];
}

export interface DraftTemplate extends Omit<Template, 'metadataFields' | 'sections'> {
  metadataFields: DraftField[];
  sections: DraftSection[];
}

let uidCounter = 0;

/** A stable identity for a list item in the editor (React key); never saved. */
export function newUid(): string {
  uidCounter += 1;
  return `draft-${uidCounter}`;
}

function fieldToDraft(field: FieldDef): DraftField {
  return { ...field, options: field.options ? [...field.options] : undefined, uid: newUid() };
}

function tableToDraft(table: TableDef): DraftTable {
  return { ...table, columns: table.columns.map((column) => ({ ...column, uid: newUid() })) };
}

/** The editable copy of a template. */
export function templateToDraft(template: Template): DraftTemplate {
  return {
    ...template,
    metadataFields: template.metadataFields.map(fieldToDraft),
    sections: template.sections.map((section) => ({
      ...section,
      table: section.table ? tableToDraft(section.table) : undefined,
      fields: section.fields ? section.fields.map(fieldToDraft) : undefined,
    })),
  };
}

function optionalText(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function cleanOptions(options: string[] | undefined): string[] | undefined {
  const cleaned = [...new Set((options ?? []).map((option) => option.trim()).filter(Boolean))];
  return cleaned.length ? cleaned : undefined;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}

/*
 * The clean* functions start from the item itself (minus its uid) so that properties this editor does not
 * show (e.g. a section's carryForwardFrom, a template's subjectKey) are kept as they are, never dropped.
 */

function cleanField(field: DraftField): FieldDef {
  const { uid: _uid, ...rest } = field;
  return withoutUndefined<FieldDef>({
    ...rest,
    key: field.key.trim(),
    label: field.label.trim(),
    required: !!field.required,
    options: field.type === 'select' ? cleanOptions(field.options) : undefined,
    source: field.source ?? undefined,
  });
}

function cleanColumn(column: DraftColumn): ColumnDef {
  const { uid: _uid, ...rest } = column;
  return withoutUndefined<ColumnDef>({
    ...rest,
    key: column.key.trim(),
    label: column.label.trim(),
    unit: optionalText(column.unit),
    decimals: column.decimals ?? undefined,
    formula: optionalText(column.formula),
    options: column.type === 'text' ? cleanOptions(column.options) : undefined,
  });
}

/**
 * A draft table as the schema's table (uids dropped, blanks removed). Starter rows keep their number and
 * their values, but only in input columns: a document saving a cell of a removed or computed column is
 * rejected (electron/core/reports/check-content.ts), so such cells must not be handed to new documents.
 */
export function cleanTable(table: DraftTable): TableDef {
  const columns = table.columns.map(cleanColumn);
  const inputKeys = new Set(columns.filter((column) => !column.formula).map((column) => column.key));
  const starterRows = table.starterRows?.map((row) => Object.fromEntries(Object.entries(row).filter(([key]) => inputKeys.has(key))));
  return withoutUndefined<TableDef>({ ...table, columns, starterRows });
}

function cleanSection(section: DraftSection): SectionDef {
  return withoutUndefined<SectionDef>({
    ...section,
    title: section.title.trim(),
    guidance: section.guidance ?? '',
    required: !!section.required,
    minLength: section.minLength ?? undefined,
    analysis: section.analysis || undefined,
    starterText: section.starterText ? section.starterText : undefined,
    table: section.kind === 'table' && section.table ? cleanTable(section.table) : undefined,
    fields: section.kind === 'fields' && section.fields ? section.fields.map(cleanField) : undefined,
  });
}

/** The Template a draft saves as: uids dropped, text trimmed, empty optional values removed, unknown properties kept. */
export function draftToTemplate(draft: DraftTemplate): Template {
  return withoutUndefined<Template>({
    ...draft,
    name: draft.name.trim(),
    description: draft.description ?? '',
    builtIn: false,
    titlePattern: draft.titlePattern.trim(),
    metadataFields: draft.metadataFields.map(cleanField),
    sections: draft.sections.map(cleanSection),
  });
}

/** Comparable content of a draft (what a save would store, without the version stamp). */
export function draftSignature(draft: DraftTemplate): string {
  return JSON.stringify({ ...draftToTemplate(draft), version: 0, createdAt: '', createdBy: '' });
}

/** A template in the file format `templates:import` accepts. */
export function templateFileText(template: Template): string {
  return `${JSON.stringify({ format: templateFileFormat, formatVersion: templateFileVersion, template }, null, 2)}\n`;
}

/** The items with the one at `index` moved by `delta` places; unchanged (a copy) when it would leave the list. */
export function moveItem<T>(items: readonly T[], index: number, delta: number): T[] {
  const target = index + delta;
  const copy = [...items];
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return copy;
  const [item] = copy.splice(index, 1);
  copy.splice(target, 0, item);
  return copy;
}

export function replaceItem<T>(items: readonly T[], index: number, item: T): T[] {
  return items.map((current, position) => (position === index ? item : current));
}

export function removeItem<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, position) => position !== index);
}

/** The first of `prefix1`, `prefix2`, … not in `existing`. */
export function nextKey(prefix: string, existing: Iterable<string>): string {
  const taken = new Set(existing);
  for (let number = 1; ; number++) {
    const candidate = `${prefix}${number}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** A section id not used yet: `section-1`, `section-2`, … (ids are never shown and never change). */
export function nextSectionId(existing: Iterable<string>): string {
  return nextKey('section-', existing);
}

/** A new text field with a fresh key, its label the same as its key. */
export function newField(prefix: string, existing: readonly { key: string }[]): DraftField {
  const key = nextKey(prefix, existing.map((field) => field.key));
  return { uid: newUid(), key, label: key, type: 'text', required: false };
}

/** A new number column (decimal, 2 digits) with a fresh key. */
export function newColumn(prefix: string, existing: readonly { key: string }[], type: ColumnType = 'decimal'): DraftColumn {
  const key = nextKey(prefix, existing.map((column) => column.key));
  return { uid: newUid(), key, label: key, type, ...(type === 'decimal' ? { decimals: 2 } : {}) };
}

/** A new rich-text section. */
export function newSection(id: string, title: string): DraftSection {
  return { id, title, kind: 'richtext', guidance: '', required: false };
}

/** Default names of what a kind change creates, in the user's language. */
export interface KindDefaults {
  columnPrefix: string;
  fieldPrefix: string;
}

/** The section with another kind; a table or a field list is created when the new kind needs one. */
export function setSectionKind(section: DraftSection, kind: SectionKind, defaults: KindDefaults): DraftSection {
  const next: DraftSection = { ...section, kind };
  if (kind === 'table' && !next.table?.columns.length) {
    next.table = { columns: [{ ...newColumn(defaults.columnPrefix, [], 'text') }], totalsRow: false };
  }
  if (kind === 'fields' && !next.fields?.length) next.fields = [newField(defaults.fieldPrefix, [])];
  return next;
}

/** A new template's starting point: one rich-text section and the period field documents are listed by. */
export function blankTemplate(options: {
  id: string;
  name: string;
  now: Date;
  createdBy: string;
  sectionTitle: string;
  periodLabel: string;
}): Template {
  return {
    id: options.id,
    version: 1,
    name: options.name.trim(),
    kind: 'custom',
    cadence: 'none',
    description: '',
    builtIn: false,
    titlePattern: `{{${periodKey}}}${options.name.trim()}`,
    metadataFields: [{ key: periodKey, label: options.periodLabel, type: 'month', required: true, source: 'this-month' }],
    sections: [{ id: 'section-1', title: options.sectionTitle, kind: 'richtext', guidance: '', required: true }],
    createdAt: options.now.toISOString(),
    createdBy: options.createdBy,
  };
}

/**
 * Rename references to a column inside the table's formulas and starter rows (after the user renamed its
 * key). Formulas that do not parse are left alone; nothing happens when either key is shared or invalid.
 */
export function renameColumnReferences(table: DraftTable, from: string, to: string): DraftTable {
  if (from === to || !keyPattern.test(from) || !keyPattern.test(to)) return table;
  const owners = (key: string) => table.columns.filter((column) => column.key === key).length;
  if (owners(to) !== 1 || owners(from) !== 0) return table;
  const columns = table.columns.map((column) => {
    if (!column.formula) return column;
    let references;
    try {
      references = collectReferences(parseFormula(column.formula)).filter((reference) => reference.key === from);
    } catch {
      return column;
    }
    if (!references.length) return column;
    const characters = Array.from(column.formula);
    // Positions are 1-based code points; replace from the end so earlier positions stay valid.
    for (const reference of [...references].sort((a, b) => b.position - a.position)) {
      characters.splice(reference.position - 1, Array.from(from).length, to);
    }
    return { ...column, formula: characters.join('') };
  });
  const starterRows = table.starterRows?.map((row) => {
    if (!(from in row)) return row;
    const { [from]: value, ...rest } = row;
    return { ...rest, [to]: value };
  });
  return { ...table, columns, ...(starterRows ? { starterRows } : {}) };
}

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

const sampleNumbers = [120, 100, 80, 150, 60, 90, 110, 70];

/**
 * Sample text of an input column for the live preview: a number per numeric column (percent columns a
 * percentage), a date; text from the first starter row, else the first option, else the label.
 */
export function sampleValue(column: ColumnDef, numericIndex: number, starterRow?: Record<string, CellValue>): string {
  switch (column.type) {
    case 'text': {
      const starter = starterRow?.[column.key];
      return typeof starter === 'string' && starter.trim() ? starter : (column.options?.[0] ?? column.label);
    }
    case 'date':
      return '2026-01-15';
    case 'percent':
      return `${5 + numericIndex}%`;
    default:
      return String(sampleNumbers[numericIndex % sampleNumbers.length]);
  }
}

/** The sample text of every input column of a table, by column uid. */
export function sampleInputs(table: DraftTable): Record<string, string> {
  const samples: Record<string, string> = {};
  let numericIndex = 0;
  for (const column of table.columns) {
    if (isComputed(column)) continue;
    samples[column.uid] = sampleValue(column, numericIndex, table.starterRows?.[0]);
    if (column.type !== 'text' && column.type !== 'date') numericIndex += 1;
  }
  return samples;
}

/** Whether the column is computed (has a formula). */
export function isComputed(column: { formula?: string }): boolean {
  return !!column.formula?.trim();
}

/**
 * One sample row computed with the table's formulas: input cells from `overrides` (by column uid) or a
 * sample value, computed cells as the formula engine gives them.
 */
export function evaluateSample(table: DraftTable, overrides: Record<string, string> = {}): Record<string, ComputedCell> {
  const cells: Record<string, CellValue> = {};
  const samples = sampleInputs(table);
  for (const column of table.columns) {
    if (!isComputed(column)) cells[column.key.trim()] = overrides[column.uid] ?? samples[column.uid];
  }
  const result = evaluateTable(cleanTable(table), [{ id: 'sample', cells }]);
  return result.rows[0]?.cells ?? {};
}
