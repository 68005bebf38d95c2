import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormulaMarker } from '../../../../electron/core/common/formula';
import type { ColumnDef } from '../../../../electron/core/common/schemas/template';
import { MAXIMUM_TEXT_LENGTH, type InputProblem } from './grid-model';
import type { CellView } from './grid-view';

/** Localised texts the rows need, built once per language so memoised rows keep their props. */
export interface GridText {
  headers: string[];
  marker: Record<FormulaMarker, string>;
  problem: (column: ColumnDef, problem: InputProblem) => string;
  cell: (row: number, header: string, value: string, note?: string) => string;
  total: (header: string, value: string, note?: string) => string;
}

const PROBLEM_KEYS: Record<InputProblem, string> = {
  number: 'grid.invalidNumber',
  integer: 'grid.invalidInteger',
  percent: 'grid.invalidPercent',
  date: 'grid.invalidDate',
  option: 'grid.invalidOption',
  'too-long': 'grid.tooLong',
};

export function useGridText(columns: ColumnDef[]): GridText {
  const { t, i18n } = useTranslation();
  return useMemo<GridText>(
    () => ({
      headers: columns.map((column) => columnHeader(column, t)),
      marker: { div0: t('grid.markerDiv0'), empty: t('grid.markerEmpty'), error: t('grid.markerError') },
      problem: (column, problem) => t(PROBLEM_KEYS[problem], { options: (column.options ?? []).join('、'), max: MAXIMUM_TEXT_LENGTH }),
      cell: (row, header, value, note) =>
        t('grid.cellLabel', { row, column: header, value: value || t('grid.emptyValue') }) + (note ? `（${note}）` : ''),
      total: (header, value, note) => t('grid.totalsLabel', { column: header, value: value || t('grid.emptyValue') }) + (note ? `（${note}）` : ''),
    }),
    // i18n.language is a dependency: the texts change with the language even when `t` keeps its identity.
    [t, i18n.language, columns],
  );
}

/** Why a cell shows no value (a formula marker) or why its text is refused; undefined when all is well. */
export function explanationOf(cell: CellView, column: ColumnDef, text: GridText): string | undefined {
  if (cell.marker) return text.marker[cell.marker];
  if (cell.problem) return text.problem(column, cell.problem);
  return undefined;
}

export function classNames(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}

/** "销量（箱）": a column's label with its unit. */
export function columnHeader(column: ColumnDef, t: (key: string, options?: Record<string, unknown>) => string): string {
  return column.unit ? t('grid.headerWithUnit', { label: column.label, unit: column.unit }) : column.label;
}
