/**
 * Translation of a column formula into an Excel formula for one row of an exported sheet.
 * The Excel formula must show what the app shows: an empty cell (not 0, not #DIV/0!) when an input
 * is blank or a divisor is zero.
 */
import { parseFormula, type FormulaNode } from './parser';

export interface ExcelFormulaOptions {
  /** Sheet column letter of a table column, e.g. `C`. */
  columnLetter: (key: string) => string;
  /** Sheet row the formula is written in. */
  row: number;
  /** First and last sheet rows of the table's data (aggregates run over these). */
  firstDataRow: number;
  lastDataRow: number;
  /**
   * What a cell shows when the formula cannot be computed (a zero denominator, invalid input): "" by default;
   * the exports write the app's "—" so that Word and Excel show the same. A blank input always gives "".
   */
  errorText?: string;
}

const EXCEL_AGGREGATE = { sum: 'SUM', avg: 'AVERAGE', min: 'MIN', max: 'MAX', count: 'COUNT' } as const;
const EXCEL_COMPARISON = { '>': '>', '<': '<', '>=': '>=', '<=': '<=', '==': '=', '!=': '<>' } as const;

/** Binding strength for deciding where parentheses are needed. */
const PRECEDENCE = { comparison: 1, additive: 2, multiplicative: 3, unary: 4, primary: 5 } as const;

interface Printed {
  text: string;
  precedence: number;
}

/**
 * Cell references a node always reads (outside of if branches, which Excel and the app evaluate
 * lazily). Only these may be guarded up front; a branch guards its own references.
 */
function strictReferences(node: FormulaNode, into: string[] = []): string[] {
  switch (node.kind) {
    case 'column':
      if (!into.includes(node.key)) into.push(node.key);
      break;
    case 'unary':
      strictReferences(node.operand, into);
      break;
    case 'binary':
    case 'compare':
      strictReferences(node.left, into);
      strictReferences(node.right, into);
      break;
    case 'call':
      strictReferences(node.args[0], into);
      if (node.name !== 'if') node.args.slice(1).forEach((argument) => strictReferences(argument, into));
      break;
    case 'number':
    case 'aggregate':
      break;
  }
  return into;
}

/** A blank test for each reference: `C5=""` is true for an empty cell and for a formula showing "". */
function blankTest(keys: string[], cell: (key: string) => string): string {
  const tests = keys.map((key) => `${cell(key)}=""`);
  return tests.length === 1 ? tests[0] : `OR(${tests.join(',')})`;
}

/**
 * Translate a formula to an Excel formula for one row, given each column's letter, the row number,
 * and the data row range (for aggregates: sum(销量) → SUM(C$2:C$11)).
 * Blank inputs give "" through an up-front test (`=IF(OR(C5="",D5=""),"",…)`), because Excel would
 * otherwise read a blank as 0. Anything that can fail — division, avg/min/max of an empty column, an if
 * branch that yields "" — is wrapped in IFERROR(…,"") so Excel never shows #DIV/0! or #VALUE!.
 * Comparisons used as values become IF(a>b,1,0), matching the app's 1/0.
 * @throws FormulaError when the formula does not parse (check it with checkFormula first).
 */
export function toExcelFormula(formula: string, options: ExcelFormulaOptions): string {
  const root = parseFormula(formula);
  const cell = (key: string): string => `${options.columnLetter(key)}${options.row}`;
  const range = (key: string): string => {
    const letter = options.columnLetter(key);
    return `${letter}$${options.firstDataRow}:${letter}$${options.lastDataRow}`;
  };
  let canFail = false;

  const wrap = (printed: Printed, minimum: number): string =>
    printed.precedence < minimum ? `(${printed.text})` : printed.text;

  const print = (node: FormulaNode, guarded: string[], asCondition = false): Printed => {
    switch (node.kind) {
      case 'number':
        return { text: String(node.value), precedence: PRECEDENCE.primary };
      case 'column':
        return { text: cell(node.key), precedence: PRECEDENCE.primary };
      case 'aggregate': {
        const call = `${EXCEL_AGGREGATE[node.name]}(${range(node.column)})`;
        if (node.name === 'avg') canFail = true;
        if (node.name === 'min' || node.name === 'max') {
          // Excel's MIN/MAX of no numbers is 0; the app has no value, so show "".
          canFail = true;
          return { text: `IF(COUNT(${range(node.column)})=0,"",${call})`, precedence: PRECEDENCE.primary };
        }
        return { text: call, precedence: PRECEDENCE.primary };
      }
      case 'unary': {
        const operand = print(node.operand, guarded);
        if (node.operator === '+') return operand;
        return { text: `-${wrap(operand, PRECEDENCE.unary)}`, precedence: PRECEDENCE.unary };
      }
      case 'binary': {
        const precedence = node.operator === '+' || node.operator === '-' ? PRECEDENCE.additive : PRECEDENCE.multiplicative;
        if (node.operator === '/') canFail = true;
        const left = wrap(print(node.left, guarded), precedence);
        // a-(b-c) and a/(b*c) keep their parentheses: the right operand binds to the left otherwise.
        const rightMinimum = node.operator === '-' || node.operator === '/' ? precedence + 1 : precedence;
        const right = wrap(print(node.right, guarded), rightMinimum);
        return { text: `${left}${node.operator}${right}`, precedence };
      }
      case 'compare': {
        const left = wrap(print(node.left, guarded), PRECEDENCE.additive);
        const right = wrap(print(node.right, guarded), PRECEDENCE.additive);
        const text = `${left}${EXCEL_COMPARISON[node.operator]}${right}`;
        if (asCondition) return { text, precedence: PRECEDENCE.comparison };
        return { text: `IF(${text},1,0)`, precedence: PRECEDENCE.primary };
      }
      case 'call': {
        if (node.name === 'if') {
          const condition = print(node.args[0], guarded, true).text;
          const branch = (argument: FormulaNode): string => {
            const own = strictReferences(argument).filter((key) => !guarded.includes(key));
            const text = print(argument, [...guarded, ...own]).text;
            if (own.length === 0) return text;
            canFail = true;
            return `IF(${blankTest(own, cell)},"",${text})`;
          };
          return { text: `IF(${condition},${branch(node.args[1])},${branch(node.args[2])})`, precedence: PRECEDENCE.primary };
        }
        const value = print(node.args[0], guarded).text;
        if (node.name === 'abs') return { text: `ABS(${value})`, precedence: PRECEDENCE.primary };
        const digits = node.args.length > 1 ? print(node.args[1], guarded).text : '0';
        return { text: `ROUND(${value},${digits})`, precedence: PRECEDENCE.primary };
      }
    }
  };

  const strict = strictReferences(root);
  let body = print(root, strict).text;
  if (canFail) body = `IFERROR(${body},"${(options.errorText ?? '').replace(/"/g, '""')}")`;
  if (strict.length > 0) body = `IF(${blankTest(strict, cell)},"",${body})`;
  return `=${body}`;
}
