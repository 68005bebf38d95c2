/**
 * Number handling shared by evaluation and display: reading what people type into cells, rounding the
 * way a calculator (and a supervisor checking by hand) does, and formatting per column type.
 */
import type { ColumnDef, ColumnType } from '../schemas/template';
import type { ComputedCell } from './types';

/** Largest magnitude a cell may hold; beyond it doubles stop representing whole 元 exactly. */
export const MAXIMUM_MAGNITUDE = 1e15;

const DEFAULT_DECIMALS: Record<ColumnType, number> = {
  integer: 0,
  decimal: 2,
  money: 2,
  percent: 1,
  text: 0,
  date: 0,
};

/** Column types whose cells hold numbers (percent cells hold fractions: 0.032 is 3.2%). */
export function isNumericColumnType(type: ColumnType): boolean {
  return type === 'integer' || type === 'decimal' || type === 'money' || type === 'percent';
}

/** Digits shown for a column: its `decimals`, or the type's default (integer 0, decimal/money 2, percent 1). */
export function displayDecimals(column: ColumnDef): number {
  return column.decimals ?? DEFAULT_DECIMALS[column.type];
}

/**
 * Digits a column's stored value is rounded to. For percent columns `decimals` counts digits of the
 * percentage, and the value is a fraction, hence two more (1 → 0.0324 becomes 0.032, shown 3.2%).
 */
export function storedDecimals(column: ColumnDef): number {
  return displayDecimals(column) + (column.type === 'percent' ? 2 : 0);
}

/**
 * Round half away from zero to `digits` places (negative digits round to tens, hundreds…).
 * Scaled values are first cut to 15 significant digits so that binary artefacts such as
 * 1.005 × 100 = 100.49999999999999 round as the decimal the user typed (1.005 → 1.01).
 */
export function roundHalfAwayFromZero(value: number, digits: number): number {
  if (!Number.isFinite(value)) return value;
  const sign = value < 0 ? -1 : 1;
  const magnitude = Math.abs(value);
  let result: number;
  if (digits >= 0) {
    const factor = 10 ** digits;
    result = Math.round(Number((magnitude * factor).toPrecision(15))) / factor;
  } else {
    const factor = 10 ** -digits;
    result = Math.round(Number((magnitude / factor).toPrecision(15))) * factor;
  }
  // Adding zero turns -0 into 0 so that nothing ever displays as "-0.00".
  return sign * result + 0;
}

/** Cell texts that mean "no figure" in Chinese statistical tables (—, /, -), treated like a blank. */
const NO_FIGURE = new Set(['-', '—', '——', '－', '/', '／']);

/**
 * Read a cell as a number. Accepts numbers and numeric strings with thousands separators
 * ("1,286", "1，286"), a full-width minus, and a trailing % (divided by 100, since percent values
 * are fractions). Blank, null and "—" give `null`; anything else is `invalid`.
 */
export function parseCellNumber(raw: unknown): { value: number | null; invalid: boolean } {
  if (raw === null || raw === undefined) return { value: null, invalid: false };
  if (typeof raw === 'number') {
    return Number.isFinite(raw) && Math.abs(raw) <= MAXIMUM_MAGNITUDE
      ? { value: raw, invalid: false }
      : { value: null, invalid: true };
  }
  if (typeof raw !== 'string') return { value: null, invalid: true };
  let text = raw.trim();
  if (text === '' || NO_FIGURE.has(text)) return { value: null, invalid: false };
  text = text.replace(/[,，\s]/gu, '').replace(/^－/, '-').replace(/^＋/, '+');
  let percent = false;
  if (text.endsWith('%') || text.endsWith('％')) {
    percent = true;
    text = text.slice(0, -1);
  }
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return { value: null, invalid: true };
  let value = Number(text);
  if (percent) value = Number((value / 100).toPrecision(15));
  if (!Number.isFinite(value) || Math.abs(value) > MAXIMUM_MAGNITUDE) return { value: null, invalid: true };
  return { value: value + 0, invalid: false };
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Fixed-point text with thousands separators, rounded half away from zero. */
export function formatNumber(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return '';
  const rounded = roundHalfAwayFromZero(value, decimals);
  if (Math.abs(rounded) >= 1e21) return String(rounded);
  const [whole, fraction] = Math.abs(rounded).toFixed(decimals).split('.');
  const sign = rounded < 0 ? '-' : '';
  return `${sign}${groupThousands(whole)}${fraction === undefined ? '' : `.${fraction}`}`;
}

/**
 * Format a cell for display per column type: integer "16,005", decimal with `decimals` ("0.45"),
 * percent from a fraction ("3.2%"), money "1,234.50". Text passes through; null gives ''.
 * Units are not appended (the column header carries them).
 */
export function formatCell(column: ColumnDef, cell: ComputedCell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return '';
  const decimals = displayDecimals(column);
  switch (column.type) {
    case 'integer':
    case 'decimal':
    case 'money':
      return formatNumber(value, decimals);
    case 'percent':
      return `${formatNumber(value * 100, decimals)}%`;
    case 'text':
    case 'date':
      return String(value);
  }
}
