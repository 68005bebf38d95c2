/**
 * Pure logic of the data-table grid: reading what a customer manager types or pastes into a cell,
 * the text an editor starts with, and row operations. No React, no DOM, so it is unit-tested in node.
 */
import { parseCellNumber } from '../../../../electron/core/common/formula/format';
import type { CellValue, ColumnDef, TableDef } from '../../../../electron/core/common/schemas/template';
import type { TableRow } from '../../../../electron/core/common/schemas/report';

/** Longest text a cell may hold (the core's cell schema allows 2,000 characters). */
export const MAXIMUM_TEXT_LENGTH = 2000;

/** Why typed text cannot be stored in a cell. */
export type InputProblem = 'number' | 'integer' | 'percent' | 'date' | 'option' | 'too-long';

export type ParsedInput = { ok: true; value: CellValue } | { ok: false; problem: InputProblem };

/** A computed column has a (non-blank) formula; its cells are never stored. */
export function isComputedColumn(column: ColumnDef): boolean {
  return column.formula !== undefined && column.formula.trim() !== '';
}

/** The columns a user fills in, in table order. */
export function inputColumns(table: TableDef): ColumnDef[] {
  return table.columns.filter((column) => !isComputedColumn(column));
}

export function isNumericColumn(column: ColumnDef): boolean {
  return column.type === 'integer' || column.type === 'decimal' || column.type === 'money' || column.type === 'percent';
}

/** Whether a column is a choice among fixed options (shown as a select). */
export function isChoiceColumn(column: ColumnDef): boolean {
  return column.type === 'text' && !!column.options && column.options.length > 0;
}

const CURRENCY_SIGNS = /^[¥￥$]|[¥￥]$/gu;

/**
 * Read text typed or pasted into an input cell. Blank (and "—", "/") gives null.
 * Numbers accept thousands separators ("1,286", "1，286") and the column's unit written after the
 * number ("1,286箱"); money accepts ¥. Percent columns store fractions: "3.2%" and "3.2" both give 0.032
 * (a bare number in a percent column means percentage points, as in a percent-formatted Excel cell).
 * Full-width digits and signs typed in a Chinese input method's full-width mode are read as usual.
 * Integer columns refuse fractions; other columns refuse a % sign. Dates accept 2026-11-05, 2026/11/5,
 * 2026.11.5 and 2026年11月5日 and are stored as YYYY-MM-DD. Choice columns accept only their options.
 */
export function parseInput(column: ColumnDef, text: string): ParsedInput {
  const trimmed = text.trim();
  if (column.type === 'text') {
    if (trimmed === '') return { ok: true, value: null };
    if (isChoiceColumn(column)) {
      const options = column.options ?? [];
      const match = options.find((option) => option === trimmed) ?? options.find((option) => option.trim() === trimmed);
      return match === undefined ? { ok: false, problem: 'option' } : { ok: true, value: match };
    }
    // Line breaks inside a cell (Alt+Enter in Excel) arrive as \r\n from some programs: keep one kind.
    const value = trimmed.replace(/\r\n?/g, '\n');
    if (value.length > MAXIMUM_TEXT_LENGTH) return { ok: false, problem: 'too-long' };
    return { ok: true, value };
  }
  // Full-width digits and signs (２４０５．５％) come from a Chinese input method in full-width mode.
  const halfWidth = trimmed.normalize('NFKC');
  if (column.type === 'date') {
    if (halfWidth === '' || /^[-—/]+$/u.test(halfWidth)) return { ok: true, value: null };
    const date = normalizeDate(halfWidth);
    return date === null ? { ok: false, problem: 'date' } : { ok: true, value: date };
  }
  return parseNumberInput(column, halfWidth);
}

function parseNumberInput(column: ColumnDef, trimmed: string): ParsedInput {
  const failure: ParsedInput = {
    ok: false,
    problem: column.type === 'percent' ? 'percent' : column.type === 'integer' ? 'integer' : 'number',
  };
  let text = trimmed;
  const unit = column.unit?.trim();
  if (unit && text.endsWith(unit) && text.length > unit.length) text = text.slice(0, -unit.length).trim();
  if (column.type === 'money') text = text.replace(CURRENCY_SIGNS, '').replace(/元$/u, '').trim();
  const hasPercentSign = /[%％]$/u.test(text);
  if (hasPercentSign && column.type !== 'percent') return failure;
  const parsed = parseCellNumber(text);
  if (parsed.invalid) return failure;
  if (parsed.value === null) return { ok: true, value: null };
  let value = parsed.value;
  if (column.type === 'percent' && !hasPercentSign) value = Number((value / 100).toPrecision(15)) + 0;
  if (column.type === 'integer' && !Number.isInteger(value)) return failure;
  return { ok: true, value };
}

/** A calendar date in the usual Chinese office spellings, as YYYY-MM-DD; null when it is not a real date. */
export function normalizeDate(text: string): string | null {
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/u.exec(text.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The text an editor starts with for a stored value: numbers without thousands separators so they
 * can be edited ("1286"), percent fractions as percentages ("3.2%"), text as is, null as ''.
 */
export function editText(column: ColumnDef, value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return '';
  if (column.type === 'percent') return `${Number((value * 100).toPrecision(12)) + 0}%`;
  return String(Number(value.toPrecision(15)) + 0);
}

/** A copy of `row` with one cell set; null removes the cell (a blank cell is simply absent). */
export function withCell(row: TableRow, key: string, value: CellValue): TableRow {
  const cells = { ...row.cells };
  if (value === null) delete cells[key];
  else cells[key] = value;
  return { ...row, cells };
}

export function emptyRow(id: string): TableRow {
  return { id, cells: {} };
}

/** Rows with `row` inserted at `index` (clamped to the ends). */
export function insertRowAt(rows: TableRow[], index: number, row: TableRow): TableRow[] {
  const at = Math.max(0, Math.min(rows.length, index));
  return [...rows.slice(0, at), row, ...rows.slice(at)];
}

export function removeRowAt(rows: TableRow[], index: number): TableRow[] {
  if (index < 0 || index >= rows.length) return rows;
  return [...rows.slice(0, index), ...rows.slice(index + 1)];
}

/** Rows with the row at `from` moved to `to`; unchanged when either is out of range. */
export function moveRow(rows: TableRow[], from: number, to: number): TableRow[] {
  if (from === to || from < 0 || to < 0 || from >= rows.length || to >= rows.length) return rows;
  const next = [...rows];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved);
  return next;
}

/**
 * The next column index a Tab (step 1) or Shift+Tab (step -1) lands on, skipping computed columns;
 * null at the edge of the row.
 */
export function nextInputColumn(columns: ColumnDef[], from: number, step: 1 | -1): number | null {
  for (let index = from + step; index >= 0 && index < columns.length; index += step) {
    if (!isComputedColumn(columns[index])) return index;
  }
  return null;
}

/** A cell of a paste or import that could not be stored; its text is kept for the user to fix. */
export interface RejectedCell {
  rowId: string;
  key: string;
  text: string;
  problem: InputProblem;
}

export interface PasteResult {
  rows: TableRow[];
  /** Cells written (including blanks that cleared a cell). */
  pasted: number;
  rejected: RejectedCell[];
  /** Cells that fell beyond the last input column and were dropped. */
  skipped: number;
  addedRows: number;
  /** The rectangle written, for selecting it afterwards: first/last row index and column keys. */
  firstRow: number;
  lastRow: number;
  columnKeys: string[];
}

/** Where one source column of a pasted block goes: an input column, under a computed column (dropped), or beyond the table (dropped). */
export type PasteTarget = ColumnDef | 'computed' | 'outside';

/**
 * Where the columns of a pasted block go, starting at the column `anchorColumn` (an index into
 * table.columns). Source columns fill the input columns from the anchor rightwards, skipping computed
 * ones, so a block of raw figures copied from one's own Excel lands in the input columns.
 * One exception: pasted onto an input cell, a rectangular block exactly as wide as all the columns from
 * the anchor to the right edge (and wider than the input columns there) was copied from a table laid
 * out like this one, its own 同比 or 存销比 included; its columns go by position and the values under
 * computed columns are dropped.
 */
export function pasteTargets(table: TableDef, anchorColumn: number, width: number, rectangular = true): PasteTarget[] {
  const rest = table.columns.slice(Math.max(0, anchorColumn));
  const inputs = rest.filter((column) => !isComputedColumn(column));
  const anchoredOnInput = rest.length > 0 && !isComputedColumn(rest[0]);
  if (anchoredOnInput && rectangular && width > inputs.length && width === rest.length) {
    return rest.map((column) => (isComputedColumn(column) ? 'computed' : column));
  }
  return Array.from({ length: width }, (_, index) => inputs[index] ?? 'outside');
}

/**
 * Write a pasted block into the rows from (anchorRow, anchorColumn) right and down over input columns,
 * adding rows as needed. Valid values are stored; invalid ones store nothing (the cell is cleared) and
 * come back in `rejected` with their text.
 */
export function applyPaste(
  table: TableDef,
  rows: TableRow[],
  anchorRow: number,
  anchorColumn: number,
  block: string[][],
  newId: () => string,
): PasteResult {
  const width = block.reduce((widest, line) => Math.max(widest, line.length), 0);
  const targets = pasteTargets(table, anchorColumn, width, block.every((line) => line.length === width));
  const next = [...rows];
  const start = Math.max(0, Math.min(anchorRow, rows.length));
  let pasted = 0;
  let skipped = 0;
  let addedRows = 0;
  const rejected: RejectedCell[] = [];
  block.forEach((line, lineIndex) => {
    const rowIndex = start + lineIndex;
    if (rowIndex >= next.length) {
      next.push(emptyRow(newId()));
      addedRows += 1;
    }
    let row = next[rowIndex];
    line.forEach((text, sourceColumn) => {
      const target = targets[sourceColumn];
      if (target === 'computed') return;
      if (target === 'outside') {
        if (text.trim() !== '') skipped += 1;
        return;
      }
      const parsed = parseInput(target, text);
      if (parsed.ok) {
        row = withCell(row, target.key, parsed.value);
        pasted += 1;
      } else {
        row = withCell(row, target.key, null);
        rejected.push({ rowId: row.id, key: target.key, text, problem: parsed.problem });
      }
    });
    next[rowIndex] = row;
  });
  return {
    rows: next,
    pasted,
    rejected,
    skipped,
    addedRows,
    firstRow: start,
    lastRow: start + Math.max(0, block.length - 1),
    columnKeys: targets.filter((target): target is ColumnDef => typeof target === 'object').map((column) => column.key),
  };
}
