/** Why a computed cell has no value: a referenced input is blank, a division by zero, or anything else (bad input, broken formula, overflow). */
export type FormulaMarker = 'empty' | 'div0' | 'error';

/** One evaluated cell: input columns pass their (parsed) value through, computed columns carry the result or a marker. */
export interface ComputedCell {
  value: number | string | null;
  marker?: FormulaMarker;
}

/** A problem found in a formula; `column` is the computed column's key ('' when checking a lone formula). */
export interface FormulaProblem {
  column: string;
  message: string;
}
