/**
 * A data table as both exporters need it: evaluated through the formula engine, with header texts,
 * display texts per cell, and which columns are computed or summed.
 */
import { evaluateTable, formatCell, isNumericColumnType, type ComputedCell } from '../common/formula';
import type { Report, TableRow } from '../common/schemas/report';
import type { ColumnDef, SectionDef, TableDef } from '../common/schemas/template';
import { fillLabel, type ExportLabels } from './labels';

export interface PreparedCell {
  computed: ComputedCell;
  /** What the app shows: formatted per column type, the no-value sign for a marked cell. */
  text: string;
}

export interface PreparedTable {
  table: TableDef;
  columns: ColumnDef[];
  headers: string[];
  rows: { id: string; cells: Record<string, PreparedCell> }[];
  /** Present when the template asks for a 合计 row and there are rows to total. */
  totals?: Record<string, PreparedCell>;
}

/** A computed column: one with a non-blank formula. */
export function isComputedColumn(column: ColumnDef): boolean {
  return column.formula !== undefined && column.formula.trim() !== '';
}

/**
 * Columns whose 合计 is a plain sum; mirrors the rule of the formula engine's evaluateTable (per-unit
 * figures such as 元/条 and percentages are not additive).
 */
export function isAdditiveColumn(column: ColumnDef): boolean {
  return (
    (column.type === 'integer' || column.type === 'decimal' || column.type === 'money') &&
    !(column.unit ?? '').includes('/')
  );
}

/** Header text: the label with its unit, e.g. 销量（箱）; percent columns show % in the cells instead. */
export function columnHeader(column: ColumnDef): string {
  const unit = column.unit?.trim();
  if (!unit || column.type === 'percent' || column.label.includes(unit)) return column.label;
  return `${column.label}（${unit}）`;
}

/**
 * What a cell shows: a value that cannot be computed (a zero denominator, invalid input) shows `noValue` (—),
 * explained by the table's note (labels.noValueNote); a value that only waits for a blank input is blank — the
 * same in Word and in Excel, whose formulas give "—" and "" for the same cases.
 */
function prepareCell(column: ColumnDef, cell: ComputedCell | undefined, labels: ExportLabels): PreparedCell {
  const computed = cell ?? { value: null };
  if (computed.marker === 'empty') return { computed, text: '' };
  // An input that is not a usable number (e.g. 40 digits) prints as it was typed, as the app shows it.
  if (computed.marker === 'error' && typeof computed.value === 'string' && computed.value.trim()) return { computed, text: computed.value.trim() };
  if (computed.marker) return { computed, text: labels.noValue };
  return { computed, text: formatCell(column, computed) };
}

/** The office's ranges that exports state under a table (设置): the 存销比 合理区间. */
export interface OfficeRanges {
  stockToSales?: { low: number; high: number };
}

/**
 * The legend lines under a table: what "—" means when a cell shows it, and the office's 合理区间 of each column
 * that is read against one (the template's `officeRange`).
 */
export function tableNotes(prepared: PreparedTable, labels: ExportLabels, ranges: OfficeRanges = {}): string[] {
  const notes: string[] = [];
  if (hasNoValueCell(prepared, labels)) notes.push(labels.noValueNote);
  const range = ranges.stockToSales;
  if (range) {
    for (const column of prepared.columns.filter((candidate) => candidate.officeRange === 'stock-to-sales')) {
      const digits = column.decimals ?? 2;
      notes.push(fillLabel(labels.stockToSalesNote, { column: column.label, low: range.low.toFixed(digits), high: range.high.toFixed(digits) }));
    }
  }
  return notes;
}

/** Whether a table shows `noValue` somewhere (and so needs its note). */
export function hasNoValueCell(prepared: PreparedTable, labels: ExportLabels): boolean {
  const all = [...prepared.rows.map((row) => row.cells), ...(prepared.totals ? [prepared.totals] : [])];
  return all.some((cells) => Object.values(cells).some((cell) => cell.computed.marker !== undefined && cell.computed.marker !== 'empty' && cell.text === labels.noValue));
}

/** The rows of a table section, or none when the report has no (or other) content for it. */
export function tableRows(report: Report, section: SectionDef): TableRow[] {
  const content = report.sections[section.id];
  return content?.type === 'table' ? content.rows : [];
}

export function prepareTable(table: TableDef, rows: TableRow[], labels: ExportLabels): PreparedTable {
  const evaluated = evaluateTable(table, rows);
  const columns = table.columns;
  const prepared = evaluated.rows.map((row) => {
    const cells: Record<string, PreparedCell> = {};
    for (const column of columns) cells[column.key] = prepareCell(column, row.cells[column.key], labels);
    return { id: row.id, cells };
  });
  let totals: Record<string, PreparedCell> | undefined;
  if (table.totalsRow && prepared.length > 0) {
    totals = {};
    for (const column of columns) {
      const cell = evaluated.totals[column.key];
      // A totals cell the engine leaves empty is simply not totalled: show nothing rather than "—".
      totals[column.key] = cell && cell.value === null && !cell.marker ? { computed: cell, text: '' } : prepareCell(column, cell, labels);
    }
    // The first column carries the 合计 label.
    const first = columns[0];
    totals[first.key] = { computed: { value: labels.total }, text: labels.total };
  }
  return { table, columns, headers: columns.map(columnHeader), rows: prepared, totals };
}

export { isNumericColumnType };
