/**
 * 生成描述: draft sentences from a data table's figures, by wording rules kept in the template
 * (`table.sentenceRules`). Deterministic and local: no network, no model — a small template language.
 *
 * A rule's text is ordinary Chinese with placeholders `{{reference}}` or `{{reference:format}}`:
 *
 * - reference
 *   - `列` — a column (key or label) of the current row (`when: 'row'`), of the 合计 row (`'totals'`), or, in a
 *     `'table'` rule, of the 合计 row;
 *   - `行.列` — the cell in column `列` of the row labelled `行` (the first text column; a unit in brackets may be
 *     left out: `销量` finds 销量（箱）); `合计.列` is the totals row;
 *   - `报告期` (2026年10月), `报告期月` (10月), `报告期年` (2026年), `报告期日` (5日), `表名`, and any metadata field
 *     of the document (`片区`, `客户经理` …).
 * - format (several may follow, `:abs:1`)
 *   - none — as the table shows it (1,286.00 / 3.2% / 0.45);
 *   - `0`…`6` — that many decimals (of the percentage for percent columns): `{{销量.本期:0}}` → 1,286;
 *   - `abs` — without its sign: 下降 `{{环比:abs}}` → 1.5%;
 *   - `增长/下降` (any two words, optionally a third for zero) — the word for a positive / negative / zero value
 *     (zero: 持平 unless given; an `abs` of the same figure in the same clause then disappears: 同比持平).
 *
 * The text is cut into clauses after ，；。 (and , ;). A clause with a figure that is blank, not a number where
 * a number is needed, or not computable (a division by zero) is left out, and the punctuation closes up; a
 * sentence left with no figure at all is not proposed. No value ever prints as NaN or Infinity.
 */
import { evaluateTable, formatNumber, isNumericColumnType, type ComputedCell } from '../common/formula';
import { displayDecimals } from '../common/formula/format';
import type { TableRow } from '../common/schemas/report';
import { formatPeriod } from '../common/text/placeholders';
import type { ColumnDef, SentenceRule, TableDef } from '../common/schemas/template';
import type { SentenceProposal } from './schema';

/** What a rule may mention besides the table: the document's metadata and period. */
export interface SentenceContext {
  /** `YYYY-MM`, `YYYY-MM-DD`, `YYYY-Qn` or free text. */
  period?: string;
  metadata?: Record<string, string>;
  /** The table's title (表名). */
  tableTitle?: string;
}

export type { SentenceProposal } from './schema';

interface Resolved {
  /** A number (cells of numeric columns), a text, or nothing. */
  value: number | string | null;
  column?: ColumnDef;
}

const placeholderPattern = /\{\{\s*([^{}]+?)\s*\}\}/g;
const clauseEnd = /[，,；;。]/;
const strength: Record<string, number> = { '，': 1, ',': 1, '；': 2, ';': 2, '。': 3 };

/** Strip a bracketed unit from a row label: 销量（箱） → 销量. */
function bareLabel(label: string): string {
  return label.replace(/\s*[（(][^（）()]*[)）]\s*$/u, '').trim();
}

function findColumn(table: TableDef, name: string): ColumnDef | undefined {
  return table.columns.find((column) => column.key === name) ?? table.columns.find((column) => column.label === name);
}

/** The column that names a row: the first text column without a formula. */
function labelColumn(table: TableDef): ColumnDef | undefined {
  return table.columns.find((column) => column.type === 'text' && !column.formula);
}

function periodParts(period: string | undefined): Record<string, string> {
  const trimmed = (period ?? '').trim();
  if (!trimmed) return {};
  const parts: Record<string, string> = { 报告期: formatPeriod(trimmed) };
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(trimmed);
  if (match) {
    parts['报告期年'] = `${match[1]}年`;
    parts['报告期月'] = `${Number(match[2])}月`;
    if (match[3]) parts['报告期日'] = `${Number(match[3])}日`;
  }
  const quarter = /^(\d{4})-Q([1-4])$/i.exec(trimmed);
  if (quarter) {
    parts['报告期年'] = `${quarter[1]}年`;
    parts['报告期季'] = `第${'一二三四'[Number(quarter[2]) - 1]}季度`;
  }
  return parts;
}

function cellValue(cell: ComputedCell | undefined, column: ColumnDef): Resolved {
  if (!cell || cell.marker) return { value: null, column };
  const value = cell.value;
  if (value === null || value === undefined) return { value: null, column };
  if (typeof value === 'number') return Number.isFinite(value) ? { value, column } : { value: null, column };
  const text = String(value).trim();
  return { value: text === '' ? null : text, column };
}

/** Digits a number shows with a format's explicit decimals, or the column's. */
function decimalsOf(column: ColumnDef | undefined, explicit: number | undefined): number {
  if (explicit !== undefined) return explicit;
  return column ? displayDecimals(column) : 2;
}

function isPercent(column: ColumnDef | undefined): boolean {
  return column?.type === 'percent';
}

/** The number as the clause prints it; null when it has no finite value. */
function formatValue(value: number, column: ColumnDef | undefined, decimals: number | undefined, absolute: boolean): string {
  const shown = absolute ? Math.abs(value) : value;
  if (isPercent(column)) return `${formatNumber(shown * 100, decimalsOf(column, decimals))}%`;
  if (column && !isNumericColumnType(column.type)) return formatNumber(shown, decimalsOf(undefined, decimals));
  return formatNumber(shown, decimalsOf(column, decimals));
}

/** Whether a value shows as zero at the digits it is printed with (3.2% vs 0.0%). */
function showsAsZero(value: number, column: ColumnDef | undefined, decimals: number | undefined): boolean {
  const scaled = isPercent(column) ? value * 100 : value;
  return Number(formatNumber(Math.abs(scaled), decimalsOf(column, decimals)).replace(/,/g, '')) === 0;
}

interface Format {
  absolute: boolean;
  decimals?: number;
  words?: [string, string, string];
}

function parseFormat(parts: string[]): Format | null {
  const format: Format = { absolute: false };
  for (const part of parts) {
    const text = part.trim();
    if (text === 'abs') format.absolute = true;
    else if (/^[0-6]$/.test(text)) format.decimals = Number(text);
    else if (text.includes('/')) {
      const words = text.split('/').map((word) => word.trim());
      if (words.length < 2 || words.length > 3 || words.some((word) => word === '' && words.length === 2)) return null;
      format.words = [words[0], words[1], words[2] || '持平'];
    } else return null;
  }
  return format;
}

/** Where placeholders look things up for one rule application. */
interface Scope {
  table: TableDef;
  /** The row a bare column name means (a row, or the totals). */
  current?: Record<string, ComputedCell>;
  rowsByLabel: Map<string, Record<string, ComputedCell>>;
  totals?: Record<string, ComputedCell>;
  variables: Record<string, string>;
}

function resolve(reference: string, scope: Scope): Resolved | undefined {
  const name = reference.trim();
  const bareColumn = findColumn(scope.table, name);
  if (bareColumn) return scope.current ? cellValue(scope.current[bareColumn.key], bareColumn) : { value: null, column: bareColumn };
  const dot = name.lastIndexOf('.');
  if (dot > 0) {
    const rowName = name.slice(0, dot).trim();
    const column = findColumn(scope.table, name.slice(dot + 1).trim());
    if (column) {
      const row = rowName === '合计' ? scope.totals : (scope.rowsByLabel.get(rowName) ?? scope.rowsByLabel.get(bareLabel(rowName)));
      return row ? cellValue(row[column.key], column) : { value: null, column };
    }
  }
  if (name in scope.variables) {
    const value = scope.variables[name].trim();
    return { value: value === '' ? null : value };
  }
  return undefined;
}

/** Split a rule's text into clauses, each keeping the punctuation that ends it. */
function clauses(text: string): { body: string; end: string }[] {
  const result: { body: string; end: string }[] = [];
  let body = '';
  let depth = 0;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (text.startsWith('{{', index)) depth++;
    if (text.startsWith('}}', index) && depth > 0) depth--;
    if (depth === 0 && clauseEnd.test(character)) {
      result.push({ body, end: character });
      body = '';
    } else {
      body += character;
    }
  }
  if (body.trim() !== '') result.push({ body, end: '' });
  return result;
}

interface ClauseOutcome {
  text: string | null;
  /** Whether the clause printed at least one cell of the table (a date or a name alone is not worth a sentence). */
  hasValue: boolean;
}

function renderClause(body: string, scope: Scope): ClauseOutcome {
  const placeholders = [...body.matchAll(placeholderPattern)];
  if (placeholders.length === 0) return { text: body, hasValue: false };
  // References whose sign word came out as the zero word: their abs prints nothing (同比持平, not 同比持平0.0%).
  const flat = new Set<string>();
  const parsed = placeholders.map((match) => {
    const [reference, ...formatParts] = match[1].split(':');
    return { match: match[0], reference: reference.trim(), format: parseFormat(formatParts) };
  });
  for (const item of parsed) {
    if (!item.format?.words) continue;
    const resolved = resolve(item.reference, scope);
    if (resolved && typeof resolved.value === 'number' && showsAsZero(resolved.value, resolved.column, item.format.decimals)) flat.add(item.reference);
  }
  let text = body;
  let fromTable = false;
  for (const item of parsed) {
    if (!item.format) return { text: null, hasValue: false };
    const resolved = resolve(item.reference, scope);
    if (!resolved || resolved.value === null) return { text: null, hasValue: false };
    if (resolved.column) fromTable = true;
    let printed: string;
    if (typeof resolved.value === 'string') {
      if (item.format.words || item.format.absolute || item.format.decimals !== undefined) {
        return { text: null, hasValue: false };
      }
      printed = resolved.value;
    } else if (item.format.words) {
      const [up, down, level] = item.format.words;
      printed = showsAsZero(resolved.value, resolved.column, item.format.decimals) ? level : resolved.value > 0 ? up : down;
    } else if (item.format.absolute && flat.has(item.reference)) {
      // 同比持平, 与均值持平: the zero figure and a short unit right after it (比均值持平, not 持平条) go.
      const at = text.indexOf(item.match);
      const rest = text.slice(at + item.match.length);
      if (at >= 0 && !rest.includes('{{') && [...rest.trim()].length <= 3) text = text.slice(0, at + item.match.length);
      printed = '';
    } else {
      printed = formatValue(resolved.value, resolved.column, item.format.decimals, item.format.absolute);
      if (printed === '' || /NaN|Infinity/.test(printed)) return { text: null, hasValue: false };
    }
    text = text.replace(item.match, () => printed);
  }
  return { text, hasValue: fromTable };
}

/**
 * One sentence from a rule in a scope, or null when nothing in it has a value. Dropped clauses hand their
 * (stronger) closing punctuation to the clause before them; the sentence never starts or ends with a comma.
 */
function renderRule(text: string, scope: Scope): string | null {
  const kept: { text: string; end: string }[] = [];
  let anyValue = false;
  for (const clause of clauses(text)) {
    const outcome = renderClause(clause.body, scope);
    if (outcome.text === null) {
      const last = kept[kept.length - 1];
      if (last && (strength[clause.end] ?? 0) > (strength[last.end] ?? 0)) last.end = clause.end;
      continue;
    }
    anyValue ||= outcome.hasValue;
    kept.push({ text: outcome.text, end: clause.end });
  }
  if (!anyValue) return null;
  while (kept.length && kept[0].text.trim() === '') kept.shift();
  if (!kept.length) return null;
  const last = kept[kept.length - 1];
  if (strength[last.end] === 1 || strength[last.end] === 2) last.end = '';
  return kept
    .map((clause) => `${clause.text}${clause.end}`)
    .join('')
    .trim();
}

/** The row label of each row (first text column), for `行.列` references. */
function rowsByLabel(table: TableDef, rows: { id: string; cells: Record<string, ComputedCell> }[]): Map<string, Record<string, ComputedCell>> {
  const map = new Map<string, Record<string, ComputedCell>>();
  const label = labelColumn(table);
  if (!label) return map;
  for (const row of rows) {
    const value = row.cells[label.key]?.value;
    if (typeof value !== 'string' || !value.trim()) continue;
    const full = value.trim();
    if (!map.has(full)) map.set(full, row.cells);
    const bare = bareLabel(full);
    if (bare && !map.has(bare)) map.set(bare, row.cells);
  }
  return map;
}

function matchesRow(rule: SentenceRule, table: TableDef, cells: Record<string, ComputedCell>): boolean {
  if (!rule.rowMatch) return true;
  const column = findColumn(table, rule.rowMatch.column);
  if (!column) return false;
  const value = cells[column.key]?.value;
  if (value === null || value === undefined) return false;
  const text = String(value).trim();
  const wanted = rule.rowMatch.equals.trim();
  return text === wanted || bareLabel(text) === wanted;
}

/** A row with nothing typed in it (a blank line at the end of a grid) is not described. */
function isBlankRow(row: TableRow): boolean {
  return Object.values(row.cells).every((value) => value === null || String(value).trim() === '');
}

/**
 * Draft sentences for a table: every rule applied where it applies (each row for row rules, the 合计 row, or
 * the table once), in rule order, then row order. Rows that are blank, and sentences without any figure, are
 * skipped; the same sentence is proposed once.
 */
export function proposeSentences(table: TableDef, rows: TableRow[], context: SentenceContext = {}): SentenceProposal[] {
  const rules = table.sentenceRules ?? [];
  if (rules.length === 0) return [];
  const filled = rows.filter((row) => !isBlankRow(row));
  const evaluated = evaluateTable(table, filled);
  const hasRows = evaluated.rows.length > 0;
  const variables: Record<string, string> = {
    ...(context.metadata ?? {}),
    ...periodParts(context.period ?? context.metadata?.['报告期']),
    ...(context.tableTitle ? { 表名: context.tableTitle.replace(/^表\s*\d+\s*/u, '') } : {}),
  };
  const base = { table, rowsByLabel: rowsByLabel(table, evaluated.rows), totals: hasRows ? evaluated.totals : undefined, variables };
  const proposals: SentenceProposal[] = [];
  const seen = new Set<string>();
  const add = (rule: number, rowId: string, text: string | null) => {
    if (!text || seen.has(text)) return;
    seen.add(text);
    proposals.push({ rule, rowId, text });
  };
  rules.forEach((rule, index) => {
    if (rule.when === 'table') {
      add(index, 'table', renderRule(rule.text, { ...base, current: base.totals }));
    } else if (rule.when === 'totals') {
      if (base.totals) add(index, 'totals', renderRule(rule.text, { ...base, current: base.totals }));
    } else {
      for (const row of evaluated.rows) {
        if (!matchesRow(rule, table, row.cells)) continue;
        add(index, row.id, renderRule(rule.text, { ...base, current: row.cells }));
      }
    }
  });
  return proposals;
}

/** A problem with a rule, for the template editor: a placeholder that names nothing, or a format it cannot read. */
export interface SentenceRuleProblem {
  rule: number;
  message: string;
}

const knownVariables = ['报告期', '报告期月', '报告期年', '报告期日', '报告期季', '表名'];

/** Check rules against their table (metadata keys of the template count as known references). */
export function checkSentenceRules(table: TableDef, rules: SentenceRule[], metadataKeys: string[] = []): SentenceRuleProblem[] {
  const problems: SentenceRuleProblem[] = [];
  rules.forEach((rule, index) => {
    if (rule.rowMatch && !findColumn(table, rule.rowMatch.column)) {
      problems.push({ rule: index, message: `“${rule.rowMatch.column}”不是本表的列` });
    }
    for (const match of rule.text.matchAll(placeholderPattern)) {
      const [reference, ...formatParts] = match[1].split(':');
      const name = reference.trim();
      if (!parseFormat(formatParts)) problems.push({ rule: index, message: `{{${match[1]}}} 的格式无法识别（可用：abs、0–6、增长/下降）` });
      const dot = name.lastIndexOf('.');
      const known =
        !!findColumn(table, name) ||
        (dot > 0 && !!findColumn(table, name.slice(dot + 1))) ||
        knownVariables.includes(name) ||
        metadataKeys.includes(name);
      if (!known) problems.push({ rule: index, message: `{{${name}}} 既不是本表的列，也不是文稿的基本信息` });
    }
  });
  return problems;
}

/**
 * Rules as the template editor's text box shows them, one per line:
 * `表：…` (once per table), `合计：…` (the totals row), `行：…` (every row), `行[价类=一类]：…` (matching rows).
 */
export function formatSentenceRules(rules: SentenceRule[]): string {
  return rules
    .map((rule) => {
      if (rule.when === 'table') return `表：${rule.text}`;
      if (rule.when === 'totals') return `合计：${rule.text}`;
      return rule.rowMatch ? `行[${rule.rowMatch.column}=${rule.rowMatch.equals}]：${rule.text}` : `行：${rule.text}`;
    })
    .join('\n');
}

/** Parse the editor's text back into rules; `problems` name the lines it could not read (1-based). */
export function parseSentenceRules(text: string): { rules: SentenceRule[]; problems: { line: number; message: string }[] } {
  const rules: SentenceRule[] = [];
  const problems: { line: number; message: string }[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const match = /^(表|合计|行)(?:\[\s*([^=\]]+?)\s*=\s*([^\]]*?)\s*\])?\s*[：:]\s*(.+)$/u.exec(line);
    if (!match) {
      problems.push({ line: index + 1, message: '每行以“表：”“合计：”“行：”或“行[列=值]：”开头' });
      return;
    }
    const [, scope, column, equals, body] = match;
    if (scope !== '行' && column) {
      problems.push({ line: index + 1, message: '只有“行”可以加 [列=值] 条件' });
      return;
    }
    rules.push({
      when: scope === '表' ? 'table' : scope === '合计' ? 'totals' : 'row',
      ...(column ? { rowMatch: { column, equals: equals ?? '' } } : {}),
      text: body.trim(),
    });
  });
  return { rules, problems };
}
