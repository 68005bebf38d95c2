/**
 * Static checks of formulas: syntax, unknown or non-numeric columns, and cycles between computed
 * columns. `compileTable` is shared with evaluation so both agree on which columns are broken.
 */
import type { ColumnDef, TableDef } from '../schemas/template';
import { isNumericColumnType } from './format';
import { FormulaError, collectReferences, parseFormula, type FormulaNode } from './parser';
import type { FormulaProblem } from './types';

/** A table's computed columns after parsing, in an order where each column comes after those it uses. */
export interface CompiledTable {
  columns: ColumnDef[];
  columnsByKey: Map<string, ColumnDef>;
  /** Parsed formulas of usable computed columns. */
  formulas: Map<string, FormulaNode>;
  /** Computed columns that cannot be evaluated (bad formula, cycle); their cells are errors. */
  broken: Set<string>;
  /** Usable computed columns, dependencies first. */
  order: string[];
  problems: FormulaProblem[];
}

function hasFormula(column: ColumnDef): boolean {
  return column.formula !== undefined && column.formula.trim() !== '';
}

function parseProblems(formula: string, column: string): { node?: FormulaNode; problems: FormulaProblem[] } {
  try {
    return { node: parseFormula(formula), problems: [] };
  } catch (error) {
    if (error instanceof FormulaError) return { problems: [{ column, message: error.message }] };
    throw error;
  }
}

function isLiteralZero(node: FormulaNode): boolean {
  if (node.kind === 'number') return node.value === 0;
  return node.kind === 'unary' && isLiteralZero(node.operand);
}

/** Divisions by a written 0 (`销售额 / 0`): the column would always be empty, which is never what was meant. */
function zeroDenominators(node: FormulaNode): FormulaProblem[] {
  const found: FormulaProblem[] = [];
  const walk = (current: FormulaNode): void => {
    if (current.kind === 'binary' || current.kind === 'compare') {
      if (current.kind === 'binary' && current.operator === '/' && isLiteralZero(current.right)) {
        found.push({ column: '', message: `第 ${current.position} 个字符处除以 0：这一列将永远为空，请改为除以某一列` });
      }
      walk(current.left);
      walk(current.right);
    } else if (current.kind === 'unary') {
      walk(current.operand);
    } else if (current.kind === 'call') {
      current.args.forEach(walk);
    }
  };
  walk(node);
  return found;
}

/** Parse and check a formula against the table's column keys; returns problems (empty array = fine). */
export function checkFormula(formula: string, columnKeys: string[]): FormulaProblem[] {
  const { node, problems } = parseProblems(formula, '');
  if (!node) return problems;
  const known = new Set(columnKeys);
  return [
    ...collectReferences(node)
      .filter((reference) => !known.has(reference.key))
      .map((reference) => ({
        column: '',
        message: `第 ${reference.position} 个字符处引用了不存在的列“${reference.key}”`,
      })),
    ...zeroDenominators(node),
  ];
}

/** Compile every computed column of a table; never throws, problems are collected. */
export function compileTable(table: TableDef): CompiledTable {
  const problems: FormulaProblem[] = [];
  const columnsByKey = new Map<string, ColumnDef>();
  for (const column of table.columns) {
    if (columnsByKey.has(column.key)) {
      problems.push({ column: column.key, message: `列名“${column.key}”重复，公式无法确定引用哪一列` });
      continue;
    }
    columnsByKey.set(column.key, column);
  }

  const formulas = new Map<string, FormulaNode>();
  const broken = new Set<string>();
  const dependencies = new Map<string, string[]>();

  for (const column of columnsByKey.values()) {
    if (!hasFormula(column)) continue;
    const key = column.key;
    if (!isNumericColumnType(column.type)) {
      problems.push({ column: key, message: `列“${key}”是${column.type === 'text' ? '文本' : '日期'}列，不能设置公式` });
      broken.add(key);
      continue;
    }
    const parsed = parseProblems(column.formula as string, key);
    if (!parsed.node) {
      problems.push(...parsed.problems.map((problem) => ({ ...problem, message: `列“${key}”的公式：${problem.message}` })));
      broken.add(key);
      continue;
    }
    let usable = true;
    const uses: string[] = [];
    for (const reference of collectReferences(parsed.node)) {
      const target = columnsByKey.get(reference.key);
      if (!target) {
        problems.push({ column: key, message: `列“${key}”的公式：第 ${reference.position} 个字符处引用了不存在的列“${reference.key}”` });
        usable = false;
      } else if (!isNumericColumnType(target.type)) {
        problems.push({
          column: key,
          message: `列“${key}”的公式：第 ${reference.position} 个字符处引用的“${reference.key}”不是数字列，不能参与计算`,
        });
        usable = false;
      } else if (!uses.includes(reference.key)) {
        uses.push(reference.key);
      }
    }
    if (!usable) {
      broken.add(key);
      continue;
    }
    formulas.set(key, parsed.node);
    dependencies.set(key, uses);
  }

  // Depth-first search over computed columns: post-order gives dependencies first, and a dependency
  // still on the stack closes a cycle. Aggregates count as dependencies too: sum(占比) inside 占比
  // would need the column before it exists.
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const order: string[] = [];
  const cyclic = new Set<string>();
  const reportedCycles = new Set<string>();
  const visit = (key: string): void => {
    state.set(key, 'visiting');
    stack.push(key);
    for (const dependency of dependencies.get(key) ?? []) {
      if (!dependencies.has(dependency)) continue; // an input column or an already broken one
      const seen = state.get(dependency);
      if (seen === 'visiting') {
        const cycle = stack.slice(stack.indexOf(dependency));
        cycle.forEach((member) => cyclic.add(member));
        const signature = [...cycle].sort().join('\u0000');
        if (!reportedCycles.has(signature)) {
          reportedCycles.add(signature);
          // Every column of the cycle is marked, each read from itself (A → B → A, B → A → B).
          cycle.forEach((member, index) => {
            const turn = [...cycle.slice(index), ...cycle.slice(0, index)];
            problems.push({ column: member, message: `列“${member}”的公式存在循环引用：${[...turn, member].join(' → ')}` });
          });
        }
      } else if (seen === undefined) {
        visit(dependency);
      }
    }
    stack.pop();
    state.set(key, 'done');
    order.push(key);
  };
  for (const key of dependencies.keys()) {
    if (!state.has(key)) visit(key);
  }
  for (const key of cyclic) {
    broken.add(key);
    formulas.delete(key);
  }

  return {
    columns: [...columnsByKey.values()],
    columnsByKey,
    formulas,
    broken,
    order: order.filter((key) => !cyclic.has(key)),
    problems,
  };
}

/** Check every computed column of a table (syntax, unknown columns, cycles). */
export function checkTableFormulas(table: TableDef): FormulaProblem[] {
  return compileTable(table).problems;
}
