/**
 * The sample row of a table's live preview in the editor: sample input values and the computed cells the
 * formula engine gives for them. Pure functions, unit-tested in node.
 */
import { evaluateTable, type ComputedCell } from '../../../electron/core/common/formula';
import type { CellValue, ColumnDef } from '../../../electron/core/common/schemas/template';
import { cleanTable, type DraftTable } from './draft-model';

const sampleNumbers = [120, 100, 80, 150, 60, 90, 110, 70];

/**
 * Sample text of an input column for the live preview: a number per numeric column (percent columns a
 * percentage), a date; text from the first starter row, else the first option, else the label.
 */
export function sampleValue(column: ColumnDef, numericIndex: number, starterRow?: Record<string, CellValue>): string {
  switch (column.type) {
    case 'text': {
      const starter = starterRow?.[column.key];
      return typeof starter === 'string' && starter.trim() ? starter : (column.options?.[0] ?? column.label);
    }
    case 'date':
      return '2026-01-15';
    case 'percent':
      return `${5 + numericIndex}%`;
    default:
      return String(sampleNumbers[numericIndex % sampleNumbers.length]);
  }
}

/** The sample text of every input column of a table, by column uid. */
export function sampleInputs(table: DraftTable): Record<string, string> {
  const samples: Record<string, string> = {};
  let numericIndex = 0;
  for (const column of table.columns) {
    if (isComputed(column)) continue;
    samples[column.uid] = sampleValue(column, numericIndex, table.starterRows?.[0]);
    if (column.type !== 'text' && column.type !== 'date') numericIndex += 1;
  }
  return samples;
}

/** Whether the column is computed (has a formula). */
export function isComputed(column: { formula?: string }): boolean {
  return !!column.formula?.trim();
}

/**
 * One sample row computed with the table's formulas: input cells from `overrides` (by column uid) or a
 * sample value, computed cells as the formula engine gives them.
 */
export function evaluateSample(table: DraftTable, overrides: Record<string, string> = {}): Record<string, ComputedCell> {
  const cells: Record<string, CellValue> = {};
  const samples = sampleInputs(table);
  for (const column of table.columns) {
    if (!isComputed(column)) cells[column.key.trim()] = overrides[column.uid] ?? samples[column.uid];
  }
  const result = evaluateTable(cleanTable(table), [{ id: 'sample', cells }]);
  return result.rows[0]?.cells ?? {};
}
