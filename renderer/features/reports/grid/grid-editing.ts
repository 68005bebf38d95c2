/**
 * The editing state of the grid's active cell as pure transitions: the text an editor starts with, and what
 * ending an edit does (store the value, keep the editor open on an invalid entry, or keep the invalid text).
 */
import type { TableRow } from '../../../../electron/core/common/schemas/report';
import type { CellValue, ColumnDef } from '../../../../electron/core/common/schemas/template';
import { editText, isChoiceColumn, parseInput } from './grid-model';

/** The cell being edited. 'replace' began by typing (←/→ leave the cell); 'edit' by Enter, F2 or a click (←/→ move the caret). */
export interface Editing {
  rowId: string;
  key: string;
  text: string;
  mode: 'replace' | 'edit';
}

/** What a cell's text is for editing or copying: an invalid text kept over a blank cell, else the stored value's edit text. */
export function storedText(column: ColumnDef, stored: CellValue | undefined, kept: string | undefined): string {
  return kept !== undefined && (stored === null || stored === undefined) ? kept : editText(column, stored);
}

/** The edit of a cell of `row` that starts with what was typed or, without it, the cell's text. */
export function beginEditing(row: TableRow, column: ColumnDef, mode: Editing['mode'], kept: string | undefined, typed?: string): Editing {
  return { rowId: row.id, key: column.key, text: typed ?? storedText(column, row.cells[column.key], kept), mode };
}

/**
 * How an edit ends. A choice cell (or a vanished column) just closes. A valid entry is stored. An invalid one
 * keeps the editor open from the keyboard; when the user leaves the cell another way, the cell stores nothing
 * and the text is kept, marked red.
 */
export type EditEnd =
  | { kind: 'close' }
  | { kind: 'store'; value: CellValue }
  | { kind: 'keep-open' }
  | { kind: 'keep-invalid'; text: string };

export function endEditing(columns: ColumnDef[], editing: Editing, how: 'keyboard' | 'leave'): EditEnd {
  const column = columns.find((candidate) => candidate.key === editing.key);
  if (!column || isChoiceColumn(column)) return { kind: 'close' };
  const parsed = parseInput(column, editing.text);
  if (parsed.ok) return { kind: 'store', value: parsed.value };
  return how === 'keyboard' ? { kind: 'keep-open' } : { kind: 'keep-invalid', text: editing.text };
}
