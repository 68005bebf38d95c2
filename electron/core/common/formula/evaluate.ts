/**
 * Evaluation of computed columns over a table's rows, plus the 合计 (totals) row.
 * Never produces NaN or Infinity: every arithmetic result is checked and turned into a marker.
 */
import type { ColumnDef, TableDef } from '../schemas/template';
import type { TableRow } from '../schemas/report';
import { compileTable } from './check';
import { MAXIMUM_MAGNITUDE, isNumericColumnType, parseCellNumber, roundHalfAwayFromZero, storedDecimals } from './format';
import type { AggregateName, FormulaNode } from './parser';
import type { ComputedCell, FormulaMarker } from './types';

/** Result of evaluating a node: a number, or the reason there is none. */
export type Outcome = { ok: true; value: number } | { ok: false; marker: FormulaMarker };

/** Where a formula reads its inputs: the current row's cells and whole-column aggregates. */
export interface EvaluationContext {
  readColumn(key: string): Outcome;
  aggregate(name: AggregateName, key: string): Outcome;
}

/** Relative tolerance for == and != so that 0.1 + 0.2 == 0.3 holds, as it does on paper. */
const EQUALITY_TOLERANCE = 1e-9;

/** When two operands both fail, the reported marker is the most serious one. */
const SEVERITY: Record<FormulaMarker, number> = { div0: 0, empty: 1, error: 2 };

function number(value: number): Outcome {
  if (!Number.isFinite(value) || Math.abs(value) > MAXIMUM_MAGNITUDE) return { ok: false, marker: 'error' };
  return { ok: true, value: value + 0 };
}

function worse(left: Outcome, right: Outcome): Outcome {
  if (left.ok) return right;
  if (right.ok) return left;
  return SEVERITY[left.marker] >= SEVERITY[right.marker] ? left : right;
}

function nearlyEqual(left: number, right: number): boolean {
  return Math.abs(left - right) <= EQUALITY_TOLERANCE * Math.max(1, Math.abs(left), Math.abs(right));
}

function compare(operator: string, left: number, right: number): boolean {
  const equal = nearlyEqual(left, right);
  switch (operator) {
    case '==':
      return equal;
    case '!=':
      return !equal;
    case '>':
      return !equal && left > right;
    case '<':
      return !equal && left < right;
    case '>=':
      return equal || left > right;
    default:
      return equal || left < right;
  }
}

/**
 * Evaluate a parsed formula. Operands are evaluated eagerly, except that `if` only evaluates the
 * branch it takes, so `if(上年同期 == 0, 0, (本期 - 上年同期) / 上年同期)` avoids the division.
 */
export function evaluateNode(node: FormulaNode, context: EvaluationContext): Outcome {
  switch (node.kind) {
    case 'number':
      return number(node.value);
    case 'column':
      return context.readColumn(node.key);
    case 'aggregate':
      return context.aggregate(node.name, node.column);
    case 'unary': {
      const operand = evaluateNode(node.operand, context);
      if (!operand.ok) return operand;
      return number(node.operator === '-' ? -operand.value : operand.value);
    }
    case 'binary': {
      const left = evaluateNode(node.left, context);
      const right = evaluateNode(node.right, context);
      if (!left.ok || !right.ok) return worse(left, right);
      switch (node.operator) {
        case '+':
          return number(left.value + right.value);
        case '-':
          return number(left.value - right.value);
        case '*':
          return number(left.value * right.value);
        case '/':
          if (right.value === 0) return { ok: false, marker: 'div0' };
          return number(left.value / right.value);
      }
      break;
    }
    case 'compare': {
      const left = evaluateNode(node.left, context);
      const right = evaluateNode(node.right, context);
      if (!left.ok || !right.ok) return worse(left, right);
      return number(compare(node.operator, left.value, right.value) ? 1 : 0);
    }
    case 'call': {
      if (node.name === 'if') {
        const condition = evaluateNode(node.args[0], context);
        if (!condition.ok) return condition;
        return evaluateNode(condition.value !== 0 ? node.args[1] : node.args[2], context);
      }
      const value = evaluateNode(node.args[0], context);
      if (!value.ok) return value;
      if (node.name === 'abs') return number(Math.abs(value.value));
      let digits = 0;
      if (node.args.length > 1) {
        const requested = evaluateNode(node.args[1], context);
        if (!requested.ok) return requested;
        digits = Math.trunc(requested.value);
        if (Math.abs(digits) > 10) return { ok: false, marker: 'error' };
      }
      return number(roundHalfAwayFromZero(value.value, digits));
    }
  }
  return { ok: false, marker: 'error' };
}

/** Turn a stored cell into an outcome for a formula to use. */
function cellOutcome(cell: ComputedCell | undefined): Outcome {
  if (!cell) return { ok: false, marker: 'error' };
  if (cell.marker) return { ok: false, marker: cell.marker };
  if (cell.value === null) return { ok: false, marker: 'empty' };
  if (typeof cell.value === 'string') return { ok: false, marker: 'error' };
  return { ok: true, value: cell.value };
}

function inputCell(column: ColumnDef, raw: unknown): ComputedCell {
  if (!isNumericColumnType(column.type)) {
    if (raw === null || raw === undefined || raw === '') return { value: null };
    return { value: typeof raw === 'string' || typeof raw === 'number' ? raw : String(raw) };
  }
  const parsed = parseCellNumber(raw);
  if (parsed.invalid) {
    // Keep what was typed so the user sees it, flagged so no formula uses it as a number.
    return { value: typeof raw === 'string' ? raw : null, marker: 'error' };
  }
  return { value: parsed.value };
}

function outcomeCell(outcome: Outcome, column: ColumnDef): ComputedCell {
  if (!outcome.ok) return { value: null, marker: outcome.marker };
  return { value: roundHalfAwayFromZero(outcome.value, storedDecimals(column)) };
}

/**
 * Columns whose 合计 is a plain sum. Percent columns and per-unit figures (a unit with a slash, such
 * as 元/条 or 条/户) are not additive: adding up prices or rates gives a meaningless number.
 */
function isAdditive(column: ColumnDef): boolean {
  return (
    (column.type === 'integer' || column.type === 'decimal' || column.type === 'money') &&
    !(column.unit ?? '').includes('/')
  );
}

/** Sum of the numeric cells of a column; an error cell makes the whole sum an error; no numbers at all gives null. */
function sumCells(cells: ComputedCell[]): Outcome {
  let total = 0;
  let count = 0;
  for (const cell of cells) {
    if (cell.marker === 'error') return { ok: false, marker: 'error' };
    if (typeof cell.value === 'number') {
      total += cell.value;
      count += 1;
    }
  }
  if (count === 0) return { ok: false, marker: 'empty' };
  // Cut float noise from long sums (0.1 + 0.2) before it reaches display or comparisons.
  return number(Number(total.toPrecision(15)));
}

/**
 * Evaluate all computed columns of every row, plus a totals row.
 * Every column of the table appears in each row's cells: input numbers parsed ("1,286" → 1286),
 * text and dates passed through, computed values rounded to the column's decimals or marked
 * (`empty` when a referenced input is blank, `div0` on division by zero, `error` otherwise).
 * Totals: additive numeric input columns are summed; computed columns are evaluated over the totals
 * (so 存销比 of the totals is total stock ÷ total sales); a computed column that cannot be evaluated
 * there because it needs a non-additive column (e.g. 毛利 from prices) falls back to the sum of the
 * column when the column is additive itself.
 */
export function evaluateTable(
  table: TableDef,
  rows: TableRow[],
): { rows: { id: string; cells: Record<string, ComputedCell> }[]; totals: Record<string, ComputedCell> } {
  const compiled = compileTable(table);
  const computedKeys = new Set(
    compiled.columns.filter((column) => column.formula !== undefined && column.formula.trim() !== '').map((column) => column.key),
  );

  const rowCells: Record<string, ComputedCell>[] = rows.map((row) => {
    const cells: Record<string, ComputedCell> = {};
    for (const column of compiled.columns) {
      if (computedKeys.has(column.key)) {
        cells[column.key] = compiled.broken.has(column.key) ? { value: null, marker: 'error' } : { value: null };
      } else {
        cells[column.key] = inputCell(column, row.cells[column.key]);
      }
    }
    return cells;
  });

  const aggregateCache = new Map<string, Outcome>();
  const aggregate = (name: AggregateName, key: string): Outcome => {
    const cacheKey = `${name}\u0000${key}`;
    const cached = aggregateCache.get(cacheKey);
    if (cached) return cached;
    const cells = rowCells.map((cells) => cells[key]);
    let result: Outcome;
    if (cells.some((cell) => cell?.marker === 'error')) {
      result = { ok: false, marker: 'error' };
    } else {
      const values = cells.map((cell) => cell?.value).filter((value): value is number => typeof value === 'number');
      if (name === 'count') result = number(values.length);
      else if (name === 'sum') result = values.length ? sumCells(cells) : number(0);
      else if (values.length === 0) result = { ok: false, marker: 'empty' };
      else if (name === 'avg') {
        const sum = sumCells(cells);
        result = sum.ok ? number(sum.value / values.length) : sum;
      } else if (name === 'min') result = number(Math.min(...values));
      else result = number(Math.max(...values));
    }
    aggregateCache.set(cacheKey, result);
    return result;
  };

  for (const key of compiled.order) {
    const node = compiled.formulas.get(key) as FormulaNode;
    const column = compiled.columnsByKey.get(key) as ColumnDef;
    rowCells.forEach((cells) => {
      cells[key] = outcomeCell(evaluateNode(node, { readColumn: (name) => cellOutcome(cells[name]), aggregate }), column);
    });
  }

  const totals: Record<string, ComputedCell> = {};
  for (const column of compiled.columns) {
    if (computedKeys.has(column.key)) {
      totals[column.key] = compiled.broken.has(column.key) ? { value: null, marker: 'error' } : { value: null };
    } else if (isAdditive(column)) {
      const sum = sumCells(rowCells.map((cells) => cells[column.key]));
      totals[column.key] = sum.ok ? { value: sum.value } : sum.marker === 'error' ? { value: null, marker: 'error' } : { value: null };
    } else {
      totals[column.key] = { value: null };
    }
  }
  for (const key of compiled.order) {
    const node = compiled.formulas.get(key) as FormulaNode;
    const column = compiled.columnsByKey.get(key) as ColumnDef;
    let outcome = evaluateNode(node, { readColumn: (name) => cellOutcome(totals[name]), aggregate });
    if (!outcome.ok && outcome.marker === 'empty' && isAdditive(column)) {
      const fallback = sumCells(rowCells.map((cells) => cells[key]));
      if (fallback.ok) outcome = fallback;
    }
    totals[key] = outcomeCell(outcome, column);
  }

  return { rows: rows.map((row, index) => ({ id: row.id, cells: rowCells[index] })), totals };
}
