/**
 * Copy, paste and import planning for the grid, pure: the text a copied cell gives, what a pasted TSV block
 * does (refused on a computed cell, refused whole when the table would overflow, else written), the summary
 * told afterwards, and the rows an import appends to.
 */
import type { TableRow } from '../../../../electron/core/common/schemas/report';
import type { TableDef } from '../../../../electron/core/common/schemas/template';
import { storedText } from './grid-editing';
import { applyPaste, isComputedColumn, type PasteResult } from './grid-model';
import type { Position } from './grid-keys';
import { cellKey, type CellView } from './grid-view';
import { parseTsv } from './tsv';

/** The text Ctrl+C gives for a cell: a computed cell's shown value (blank behind a marker), an input cell's edit text. */
export function copyText(
  table: TableDef,
  rows: TableRow[],
  at: Position,
  shown: CellView | undefined,
  invalid: ReadonlyMap<string, string>,
): string {
  const column = table.columns[at.col];
  const row = rows[at.row];
  if (!row || !column) return '';
  if (isComputedColumn(column)) return shown && !shown.marker ? shown.text : '';
  return storedText(column, row.cells[column.key], invalid.get(cellKey(row.id, column.key)));
}

export type PastePlan =
  | { kind: 'empty' }
  /** One value pasted onto a computed cell. */
  | { kind: 'computed'; col: number }
  /** The block does not fit under the row limit: refused whole, nothing changes. */
  | { kind: 'too-many'; rows: number; needed: number }
  /** `written` are the cell keys the block covers (their old invalid texts go). */
  | { kind: 'apply'; result: PasteResult; written: string[] };

export function planPaste(
  table: TableDef,
  rows: TableRow[],
  anchor: Position,
  clipboard: string,
  maxRows: number,
  newId: () => string,
): PastePlan {
  const block = parseTsv(clipboard);
  if (block.length === 0) return { kind: 'empty' };
  if (block.length === 1 && block[0].length === 1 && isComputedColumn(table.columns[anchor.col])) return { kind: 'computed', col: anchor.col };
  const needed = Math.min(anchor.row, rows.length) + block.length;
  if (needed > maxRows) return { kind: 'too-many', rows: block.length, needed };
  const result = applyPaste(table, rows, anchor.row, anchor.col, block, newId);
  const written: string[] = [];
  for (let index = result.firstRow; index <= result.lastRow; index += 1) {
    const id = result.rows[index]?.id;
    if (id) for (const key of result.columnKeys) written.push(cellKey(id, key));
  }
  return { kind: 'apply', result, written };
}

/** A message to translate: its i18n key and parameters. */
export interface Phrase {
  key: string;
  params: Record<string, number>;
}

/** What a paste did, as phrases joined with '；'; `warn` when cells were refused or dropped. */
export function pasteSummary(result: PasteResult): { phrases: Phrase[]; warn: boolean } {
  const phrases: Phrase[] = [
    result.rejected.length
      ? { key: 'grid.pastedRejected', params: { count: result.pasted, rejected: result.rejected.length } }
      : { key: 'grid.pasted', params: { count: result.pasted } },
  ];
  if (result.addedRows) phrases.push({ key: 'grid.rowsAdded', params: { count: result.addedRows } });
  if (result.skipped) phrases.push({ key: 'grid.pasteSkipped', params: { count: result.skipped } });
  return { phrases, warn: result.rejected.length > 0 || result.skipped > 0 };
}

export function hasContent(row: TableRow): boolean {
  return Object.values(row.cells).some((value) => value !== null && value !== undefined && String(value).trim() !== '');
}

/**
 * The rows imported rows go after: none when replacing; when appending, the current rows without the blank rows
 * at their end (a new document starts with blank rows that would sit above the imported ones).
 */
export function importBase(rows: TableRow[], mode: 'append' | 'replace'): TableRow[] {
  if (mode === 'replace') return [];
  let end = rows.length;
  while (end > 0 && !hasContent(rows[end - 1])) end -= 1;
  return rows.slice(0, end);
}
