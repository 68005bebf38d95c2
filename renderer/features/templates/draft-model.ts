/**
 * The editable draft of a template: a Template whose list items carry a stable `uid` (so that renaming a
 * key never remounts its inputs), its conversion back to a Template, its comparable signature and its file
 * text. No React, no DOM: unit-tested in node (tests/unit/template-editor-draft.test.ts).
 */
import type { ColumnDef, FieldDef, SectionDef, TableDef, Template } from '../../../electron/core/common/schemas/template';
import { periodKey, templateFileFormat, templateFileVersion } from '../../../electron/api/domain';
import { templateLimits } from '../../../electron/core/common/schemas/template';

/** The template schema's limits (electron/core/common/schemas/template.ts), checked before a save. */
export const limits = templateLimits;

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

export function cleanOptions(options: string[] | undefined): string[] | undefined {
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
