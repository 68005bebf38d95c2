/**
 * What each cell of the grid shows, derived from the stored rows, the formula engine's evaluation, the
 * cell being edited and the invalid texts kept for the user to fix. Pure (no React), so unit-tested.
 */
import { evaluateTable, formatCell, type ComputedCell, type FormulaMarker } from '../../../../electron/core/common/formula';
import type { TableRow } from '../../../../electron/core/common/schemas/report';
import type { CellValue, ColumnDef, TableDef } from '../../../../electron/core/common/schemas/template';
import { isComputedColumn, isNumericColumn, parseInput, type InputProblem } from './grid-model';

/** One displayed cell: its text, why a computed cell has no value, or why an input cell's text is wrong. */
export interface CellView {
  text: string;
  marker?: FormulaMarker;
  problem?: InputProblem;
}

export interface RowView {
  id: string;
  cells: CellView[];
  /** Equal signatures mean equal views; used to keep unchanged rows from re-rendering. */
  signature: string;
}

/** Text typed into a cell that is being edited, or kept after an invalid entry. */
export interface PendingText {
  rowId: string;
  key: string;
  text: string;
}

/** Key of a cell in maps of pending texts. */
export function cellKey(rowId: string, key: string): string {
  return `${rowId}\u0001${key}`;
}

/** A value no number parser accepts, so formulas reading an invalid cell show an error, not a stale number. */
const INVALID_SENTINEL = '#invalid';

function isBlank(value: CellValue | undefined): boolean {
  return value === null || value === undefined || value === '';
}

/**
 * Rows as the formula engine should see them: the edited cell with what is typed so far (parsed as the
 * grid will store it), and cells with an invalid text as invalid. Rows without either are passed as is.
 */
export function overlayRows(table: TableDef, rows: TableRow[], invalid: ReadonlyMap<string, string>, editing: PendingText | null): TableRow[] {
  if (invalid.size === 0 && !editing) return rows;
  const numeric = table.columns.filter((column) => !isComputedColumn(column) && isNumericColumn(column));
  return rows.map((row) => {
    let cells: Record<string, CellValue> | null = null;
    for (const column of numeric) {
      let text: string | undefined;
      if (editing && editing.rowId === row.id && editing.key === column.key) text = editing.text;
      else if (isBlank(row.cells[column.key])) text = invalid.get(cellKey(row.id, column.key));
      if (text === undefined) continue;
      const parsed = parseInput(column, text);
      cells ??= { ...row.cells };
      cells[column.key] = parsed.ok ? parsed.value : INVALID_SENTINEL;
    }
    return cells ? { ...row, cells } : row;
  });
}

function computedView(column: ColumnDef, cell: ComputedCell | undefined): CellView {
  if (!cell) return { text: '' };
  if (cell.marker) return { text: '—', marker: cell.marker };
  return { text: formatCell(column, cell) };
}

function inputView(column: ColumnDef, stored: CellValue | undefined, cell: ComputedCell | undefined, invalidText: string | undefined): CellView {
  if (invalidText !== undefined && isBlank(stored)) {
    const parsed = parseInput(column, invalidText);
    return parsed.ok ? { text: invalidText } : { text: invalidText, problem: parsed.problem };
  }
  if (cell?.marker === 'error') {
    // A stored value the column cannot read (an old document, a hand-edited file): show it, flagged.
    const parsed = parseInput(column, String(stored ?? ''));
    return { text: String(stored ?? ''), problem: parsed.ok ? 'number' : parsed.problem };
  }
  if (column.type === 'text' && typeof stored === 'string') return { text: stored };
  return { text: cell ? formatCell(column, cell) : '' };
}

function signatureOf(cells: CellView[]): string {
  return cells.map((cell) => `${cell.text}\u0001${cell.marker ?? ''}\u0001${cell.problem ?? ''}`).join('\u0002');
}

export interface GridView {
  rows: RowView[];
  totals: CellView[];
}

/**
 * Evaluate the table (with the overlay) and describe every cell. `previous` is the last result's rows by
 * id: a row whose signature is unchanged keeps its previous object, so memoised rows skip re-rendering.
 */
export function buildGridView(
  table: TableDef,
  rows: TableRow[],
  invalid: ReadonlyMap<string, string>,
  editing: PendingText | null,
  previous?: ReadonlyMap<string, RowView>,
): GridView {
  const evaluated = evaluateTable(table, overlayRows(table, rows, invalid, editing));
  const columns = table.columns;
  const rowViews = rows.map((row, index) => {
    const computed = evaluated.rows[index].cells;
    const cells = columns.map((column) =>
      isComputedColumn(column)
        ? computedView(column, computed[column.key])
        : inputView(column, row.cells[column.key], computed[column.key], invalid.get(cellKey(row.id, column.key))),
    );
    const signature = signatureOf(cells);
    const before = previous?.get(row.id);
    return before && before.signature === signature ? before : { id: row.id, cells, signature };
  });
  const totals = columns.map((column) => {
    const cell = evaluated.totals[column.key];
    if (!cell) return { text: '' };
    if (!isComputedColumn(column) && !isNumericColumn(column)) return { text: '' };
    if (cell.marker) return { text: '—', marker: cell.marker };
    return { text: formatCell(column, cell) };
  });
  return { rows: rowViews, totals };
}
