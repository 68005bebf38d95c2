/**
 * Recursive-descent parser for column formulas.
 *
 * Grammar (lowest precedence first):
 *   formula        := comparison END
 *   comparison     := additive [ ('>' | '<' | '>=' | '<=' | '==' | '!=') additive ]
 *   additive       := multiplicative { ('+' | '-') multiplicative }
 *   multiplicative := unary { ('*' | '/') unary }
 *   unary          := ('-' | '+') unary | primary
 *   primary        := number | identifier | identifier '(' arguments ')' | '(' comparison ')'
 *
 * A comparison yields 1 (true) or 0 (false); comparisons do not chain (`a < b < c` is an error) because
 * that almost always means something other than what it computes.
 */
import { FormulaError, tokenize, type Token } from './lexer';

export { FormulaError };

export type ArithmeticOperator = '+' | '-' | '*' | '/';
export type ComparisonOperator = '>' | '<' | '>=' | '<=' | '==' | '!=';
/** Functions over a whole column of the table (the "table totals"). */
export type AggregateName = 'sum' | 'avg' | 'min' | 'max' | 'count';
/** Functions over values of the current row. */
export type ScalarFunctionName = 'abs' | 'round' | 'if';

export type FormulaNode =
  | { kind: 'number'; value: number; position: number }
  | { kind: 'column'; key: string; position: number }
  | { kind: 'unary'; operator: '-' | '+'; operand: FormulaNode; position: number }
  | { kind: 'binary'; operator: ArithmeticOperator; left: FormulaNode; right: FormulaNode; position: number }
  | { kind: 'compare'; operator: ComparisonOperator; left: FormulaNode; right: FormulaNode; position: number }
  | { kind: 'aggregate'; name: AggregateName; column: string; columnPosition: number; position: number }
  | { kind: 'call'; name: ScalarFunctionName; args: FormulaNode[]; position: number };

const AGGREGATES: readonly AggregateName[] = ['sum', 'avg', 'min', 'max', 'count'];
const SCALAR_FUNCTIONS: readonly ScalarFunctionName[] = ['abs', 'round', 'if'];
const COMPARISONS: readonly string[] = ['>', '<', '>=', '<=', '==', '!='];
const FUNCTION_LIST = [...AGGREGATES, ...SCALAR_FUNCTIONS].join('、');

/** Allowed argument counts per scalar function: [minimum, maximum]. */
const ARITY: Record<ScalarFunctionName, [number, number]> = {
  abs: [1, 1],
  round: [1, 2],
  if: [3, 3],
};

function describe(token: Token): string {
  return token.kind === 'end' ? '公式结尾' : `“${token.text}”`;
}

class Parser {
  private index = 0;

  constructor(private readonly tokens: Token[]) {}

  parseFormula(): FormulaNode {
    if (this.peek().kind === 'end') {
      throw new FormulaError(1, '公式为空');
    }
    const node = this.parseComparison();
    const token = this.peek();
    if (token.kind !== 'end') this.failUnexpected(token);
    return node;
  }

  private peek(): Token {
    return this.tokens[this.index];
  }

  private advance(): Token {
    const token = this.tokens[this.index];
    if (token.kind !== 'end') this.index += 1;
    return token;
  }

  private isOperator(...texts: string[]): boolean {
    const token = this.peek();
    return token.kind === 'operator' && texts.includes(token.text);
  }

  /** A token that cannot follow a complete operand: explain what is most likely missing. */
  private failUnexpected(token: Token): never {
    const position = token.position;
    if (token.kind === 'rightParen') {
      throw new FormulaError(position, `第 ${position} 个字符处多了一个右括号`);
    }
    if (token.kind === 'comma') {
      throw new FormulaError(position, `第 ${position} 个字符处的逗号只能用在函数的参数之间`);
    }
    if (token.kind === 'operator' && COMPARISONS.includes(token.text)) {
      throw new FormulaError(position, `第 ${position} 个字符处不能连续比较，请改用 if 嵌套`);
    }
    throw new FormulaError(position, `第 ${position} 个字符处的${describe(token)}前缺少运算符`);
  }

  private expectRightParen(): void {
    const token = this.peek();
    if (token.kind !== 'rightParen') {
      throw new FormulaError(token.position, `第 ${token.position} 个字符处缺少右括号`);
    }
    this.advance();
  }

  private parseComparison(): FormulaNode {
    const left = this.parseAdditive();
    const token = this.peek();
    if (token.kind === 'operator' && COMPARISONS.includes(token.text)) {
      this.advance();
      const right = this.parseAdditive();
      return {
        kind: 'compare',
        operator: token.text as ComparisonOperator,
        left,
        right,
        position: token.position,
      };
    }
    return left;
  }

  private parseAdditive(): FormulaNode {
    let node = this.parseMultiplicative();
    while (this.isOperator('+', '-')) {
      const token = this.advance();
      const right = this.parseMultiplicative();
      node = { kind: 'binary', operator: token.text as ArithmeticOperator, left: node, right, position: token.position };
    }
    return node;
  }

  private parseMultiplicative(): FormulaNode {
    let node = this.parseUnary();
    while (this.isOperator('*', '/')) {
      const token = this.advance();
      const right = this.parseUnary();
      node = { kind: 'binary', operator: token.text as ArithmeticOperator, left: node, right, position: token.position };
    }
    return node;
  }

  private parseUnary(): FormulaNode {
    if (this.isOperator('-', '+')) {
      const token = this.advance();
      const operand = this.parseUnary();
      return { kind: 'unary', operator: token.text as '-' | '+', operand, position: token.position };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): FormulaNode {
    const token = this.peek();
    switch (token.kind) {
      case 'number':
        this.advance();
        return { kind: 'number', value: token.value as number, position: token.position };
      case 'identifier':
        this.advance();
        if (this.peek().kind === 'leftParen') return this.parseCall(token);
        return { kind: 'column', key: token.text, position: token.position };
      case 'leftParen': {
        this.advance();
        const inner = this.parseComparison();
        this.expectRightParen();
        return inner;
      }
      case 'end':
        throw new FormulaError(token.position, `第 ${token.position} 个字符处缺少运算数，公式不完整`);
      default:
        throw new FormulaError(token.position, `第 ${token.position} 个字符处的“${token.text}”前缺少运算数`);
    }
  }

  private parseCall(nameToken: Token): FormulaNode {
    const name = nameToken.text.toLowerCase();
    const position = nameToken.position;
    const isAggregate = (AGGREGATES as readonly string[]).includes(name);
    if (!isAggregate && !(SCALAR_FUNCTIONS as readonly string[]).includes(name)) {
      throw new FormulaError(position, `第 ${position} 个字符处的函数“${nameToken.text}”不存在，可用的函数：${FUNCTION_LIST}`);
    }
    this.advance(); // the left parenthesis
    const args: FormulaNode[] = [];
    if (this.peek().kind !== 'rightParen') {
      args.push(this.parseComparison());
      while (this.peek().kind === 'comma') {
        this.advance();
        args.push(this.parseComparison());
      }
    }
    this.expectRightParen();

    if (isAggregate) {
      const argument = args[0];
      if (args.length !== 1 || argument.kind !== 'column') {
        throw new FormulaError(position, `第 ${position} 个字符处的函数 ${name} 只接受一个列名作参数，例如 ${name}(销量)`);
      }
      return { kind: 'aggregate', name: name as AggregateName, column: argument.key, columnPosition: argument.position, position };
    }

    const scalarName = name as ScalarFunctionName;
    const [minimum, maximum] = ARITY[scalarName];
    if (args.length < minimum || args.length > maximum) {
      const expected = minimum === maximum ? `${minimum}` : `${minimum} 到 ${maximum}`;
      throw new FormulaError(position, `第 ${position} 个字符处的函数 ${scalarName} 需要 ${expected} 个参数，这里有 ${args.length} 个`);
    }
    return { kind: 'call', name: scalarName, args, position };
  }
}

/**
 * Parse a formula into an AST.
 * @throws FormulaError with a 1-based position and a Chinese message on the first syntax error.
 */
export function parseFormula(formula: string): FormulaNode {
  return new Parser(tokenize(formula)).parseFormula();
}

/** Every reference in the formula, in order of appearance: the row's own cells and whole-column aggregates. */
export function collectReferences(node: FormulaNode): { key: string; position: number; aggregate: boolean }[] {
  const references: { key: string; position: number; aggregate: boolean }[] = [];
  const walk = (current: FormulaNode): void => {
    switch (current.kind) {
      case 'column':
        references.push({ key: current.key, position: current.position, aggregate: false });
        break;
      case 'aggregate':
        references.push({ key: current.column, position: current.columnPosition, aggregate: true });
        break;
      case 'unary':
        walk(current.operand);
        break;
      case 'binary':
      case 'compare':
        walk(current.left);
        walk(current.right);
        break;
      case 'call':
        current.args.forEach(walk);
        break;
      case 'number':
        break;
    }
  };
  walk(node);
  return references;
}
