/**
 * Edits of a template draft: reordering and replacing list items, fresh keys and ids, new fields, columns
 * and sections, a section's kind change, a new template's starting point, and renaming a column's
 * references. Pure functions, unit-tested in node.
 */
import { collectReferences, parseFormula } from '../../../electron/core/common/formula';
import { periodKey } from '../../../electron/api/domain';
import type { ColumnType, SectionKind, Template } from '../../../electron/core/common/schemas/template';
import { templateKeyPattern as keyPattern } from '../../../electron/core/common/schemas/template';
import { newUid, type DraftColumn, type DraftField, type DraftSection, type DraftTable } from './draft-model';

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
