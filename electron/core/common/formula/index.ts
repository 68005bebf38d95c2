/**
 * Safe expression engine for computed table columns: a hand-written lexer and recursive-descent parser
 * to an AST, an evaluator over that AST (no eval, no Function), display formatting and Excel export.
 */
export type { ComputedCell, FormulaMarker, FormulaProblem } from './types';
export { checkFormula, checkTableFormulas } from './check';
export { evaluateTable } from './evaluate';
export { formatCell, formatNumber, isNumericColumnType, parseCellNumber, roundHalfAwayFromZero } from './format';
export { toExcelFormula, type ExcelFormulaOptions } from './excel';
export { FormulaError, collectReferences, parseFormula, type FormulaNode } from './parser';
