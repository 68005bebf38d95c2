/**
 * Import of a worksheet into a data table: matching the table's input columns to sheet columns by
 * header, and turning sheet rows into table rows. Pure, so it is unit-tested in node.
 */
import type { ColumnDef, TableDef } from '../../../../electron/core/common/schemas/template';
import type { TableRow } from '../../../../electron/core/common/schemas/report';
import { emptyRow, inputColumns, parseInput, withCell, type RejectedCell } from './grid-model';

/** For each input column key, the index of the sheet column it takes its values from, or null (不导入). */
export type ColumnMapping = Record<string, number | null>;

/** Spreadsheet letters for a zero-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  let rest = index + 1;
  while (rest > 0) {
    const remainder = (rest - 1) % 26;
    letters = String.fromCharCode(65 + remainder) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}

/**
 * A header reduced to what identifies it: no spaces, no unit in brackets ("销量（箱）" → "销量"),
 * no %, colons or asterisks, full-width letters and digits folded, lower case.
 */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/[(（[【][^)）\]】]*[)）\]】]/gu, '')
    .replace(/[\s%:：*＊]/gu, '')
    .toLowerCase();
}

/** Number of columns in the widest row. */
export function sheetWidth(rows: string[][]): number {
  return rows.reduce((widest, row) => Math.max(widest, row.length), 0);
}

/**
 * Propose a mapping. With a header row, each input column takes the sheet column whose header equals
 * its label or key (exactly, then after normalisation, then one containing the other); each sheet column
 * is used once. Without a header row, input columns take sheet columns in order.
 */
export function autoMatchColumns(table: TableDef, header: string[] | null, width: number): ColumnMapping {
  const columns = inputColumns(table);
  const mapping: ColumnMapping = {};
  if (!header) {
    columns.forEach((column, index) => {
      mapping[column.key] = index < width ? index : null;
    });
    return mapping;
  }
  const used = new Set<number>();
  const headers = header.map((text) => text ?? '');
  const normalized = headers.map(normalizeHeader);
  const tests: ((column: ColumnDef, index: number) => boolean)[] = [
    (column, index) => headers[index].trim() === column.label || headers[index].trim() === column.key,
    (column, index) =>
      normalized[index] !== '' && (normalized[index] === normalizeHeader(column.label) || normalized[index] === normalizeHeader(column.key)),
    (column, index) => {
      const label = normalizeHeader(column.label);
      const text = normalized[index];
      // Short headers only: a sentence such as a sheet's title row mentions column names in passing.
      return label.length >= 2 && text.length >= 2 && text.length <= 12 && (text.includes(label) || label.includes(text));
    },
  ];
  for (const column of columns) mapping[column.key] = null;
  for (const test of tests) {
    for (const column of columns) {
      if (mapping[column.key] !== null) continue;
      const found = headers.findIndex((_, index) => !used.has(index) && test(column, index));
      if (found !== -1) {
        mapping[column.key] = found;
        used.add(found);
      }
    }
  }
  return mapping;
}

export interface ImportResult {
  rows: TableRow[];
  rejected: RejectedCell[];
  /** Sheet rows left out because every mapped cell was blank. */
  blankRows: number;
}

/**
 * Table rows from sheet rows (after the header when `hasHeader`), reading each mapped cell like typed
 * input. Rows with nothing in any mapped column are skipped. `limit` stops after that many rows (preview).
 */
export function buildImportRows(
  table: TableDef,
  sheetRows: string[][],
  options: { hasHeader: boolean; mapping: ColumnMapping; limit?: number },
  newId: () => string,
): ImportResult {
  const columns = inputColumns(table).filter((column) => options.mapping[column.key] !== null && options.mapping[column.key] !== undefined);
  const rows: TableRow[] = [];
  const rejected: RejectedCell[] = [];
  let blankRows = 0;
  const body = options.hasHeader ? sheetRows.slice(1) : sheetRows;
  for (const line of body) {
    if (options.limit !== undefined && rows.length >= options.limit) break;
    const texts = columns.map((column) => line[options.mapping[column.key] as number] ?? '');
    if (texts.every((text) => text.trim() === '')) {
      blankRows += 1;
      continue;
    }
    let row = emptyRow(newId());
    columns.forEach((column, index) => {
      const parsed = parseInput(column, texts[index]);
      if (parsed.ok) row = withCell(row, column.key, parsed.value);
      else rejected.push({ rowId: row.id, key: column.key, text: texts[index], problem: parsed.problem });
    });
    rows.push(row);
  }
  return { rows, rejected, blankRows };
}

/**
 * The sheet to offer first: the one whose header row matches the most input columns, then the one with
 * the most rows (a workbook often starts with a notes sheet). Returns an index into `sheets`.
 */
export function pickSheet(table: TableDef, sheets: { rows: string[][] }[]): number {
  let best = 0;
  let bestScore = -1;
  let bestRows = -1;
  sheets.forEach((sheet, index) => {
    const mapping = autoMatchColumns(table, sheet.rows[0] ?? [], sheetWidth(sheet.rows));
    const score = Object.values(mapping).filter((value) => value !== null).length;
    if (score > bestScore || (score === bestScore && sheet.rows.length > bestRows)) {
      best = index;
      bestScore = score;
      bestRows = sheet.rows.length;
    }
  });
  return best;
}
