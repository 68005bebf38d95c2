import { describe, expect, it } from 'vitest';
import {
  checkFormula,
  checkTableFormulas,
  evaluateTable,
  formatCell,
  parseCellNumber,
  roundHalfAwayFromZero,
  toExcelFormula,
  type ComputedCell,
} from '../../electron/core/common/formula';
import type { TableRow } from '../../electron/core/common/schemas/report';
import type { ColumnDef, TableDef } from '../../electron/core/common/schemas/template';

/** Evaluate one row of a table built from `columns` and return its cells. */
function evaluateRow(columns: ColumnDef[], cells: TableRow['cells']): Record<string, ComputedCell> {
  return evaluateTable({ columns }, [{ id: 'r1', cells }]).rows[0].cells;
}

function messages(formula: string, keys: string[] = ['销量', '库存', 'a', 'b', 'c']): string[] {
  return checkFormula(formula, keys).map((problem) => problem.message);
}

describe('parser errors', () => {
  it.each([
    ['(销量 + 库存', '第 9 个字符处缺少右括号'],
    ['round(销量, 2', '第 12 个字符处缺少右括号'],
    ['(销量 + 库存 * 2 销量', '第 14 个字符处缺少右括号'],
    ['销量 + ', '第 6 个字符处缺少运算数，公式不完整'],
    ['销量 * * 2', '第 6 个字符处的“*”前缺少运算数'],
    ['()', '第 2 个字符处的“)”前缺少运算数'],
    ['销量 库存', '第 4 个字符处的“库存”前缺少运算符'],
    ['2销量', '第 2 个字符处的“销量”前缺少运算符'],
    ['销量)', '第 3 个字符处多了一个右括号'],
    ['销量, 库存', '第 3 个字符处的逗号只能用在函数的参数之间'],
    ['销量 # 2', '第 4 个字符处有无法识别的字符“#”'],
    ['同比 > 5%', '第 7 个字符处的“%”不能用在公式里，百分比请写成小数（如 5% 写作 0.05）'],
    ['销量 = 2', '第 4 个字符处的“=”应写作“==”（比较是否相等）'],
    ['销量 ! 2', '第 4 个字符处的“!”应写作“!=”（比较是否不等）'],
    ['1.2.3 + a', '第 1 个字符处的数字“1.2.3”格式不正确'],
    ['a < b < c', '第 7 个字符处不能连续比较，请改用 if 嵌套'],
    ['foo(销量)', '第 1 个字符处的函数“foo”不存在，可用的函数：sum、avg、min、max、count、abs、round、if'],
    ['a + if(a > 1, 2)', '第 5 个字符处的函数 if 需要 3 个参数，这里有 2 个'],
    ['round(a, 1, 2)', '第 1 个字符处的函数 round 需要 1 到 2 个参数，这里有 3 个'],
    ['sum(销量 * 2)', '第 1 个字符处的函数 sum 只接受一个列名作参数，例如 sum(销量)'],
    ['count()', '第 1 个字符处的函数 count 只接受一个列名作参数，例如 count(销量)'],
    ['', '公式为空'],
    ['   ', '公式为空'],
  ])('%s → %s', (formula, message) => {
    expect(messages(formula)).toEqual([message]);
  });

  it('reports every unknown column with its position', () => {
    expect(checkFormula('销量 / 库存 + sum(上年同期)', ['销量'])).toEqual([
      { column: '', message: '第 6 个字符处引用了不存在的列“库存”' },
      { column: '', message: '第 15 个字符处引用了不存在的列“上年同期”' },
    ]);
  });

  it('accepts the whole grammar, full-width punctuation, a leading = and upper-case functions', () => {
    const keys = ['销量', '库存', '上年同期', 'stock_2'];
    for (const formula of [
      '库存 / 销量',
      '-(销量 - 上年同期) / 上年同期 * 100',
      '销量 / sum(销量)',
      'avg(销量) + min(库存) - max(库存) + count(销量)',
      'abs(销量 - 上年同期)',
      'round(销量 / 3, 2) + round(库存)',
      'if(上年同期 == 0, 0, (销量 - 上年同期) / 上年同期)',
      'if(销量 >= 10, 1, if(销量 != 0, 2, 3)) + (销量 < 库存) + (stock_2 <= .5) + (库存 > 0)',
      '（销量－上年同期）÷上年同期×１００',
      '=SUM(销量) / Count(销量)',
      '--销量 + +库存',
    ]) {
      expect(checkFormula(formula, keys), formula).toEqual([]);
    }
  });
});

describe('table checks', () => {
  it('flags a division by a written zero at the formula', () => {
    expect(checkFormula('销售额 / 0', ['销售额'])).toEqual([{ column: '', message: '第 5 个字符处除以 0：这一列将永远为空，请改为除以某一列' }]);
    expect(checkFormula('销售额 / -0.0 + 1', ['销售额']).map((problem) => problem.message)).toEqual([expect.stringContaining('除以 0')]);
    expect(checkFormula('销售额 / 销量', ['销售额', '销量'])).toEqual([]);
    expect(checkFormula('0 / 销量', ['销量'])).toEqual([]);
  });

  it('finds cycles, including a column aggregating itself', () => {
    const table: TableDef = {
      columns: [
        { key: '销量', label: '销量', type: 'integer' },
        { key: 'A', label: 'A', type: 'decimal', formula: 'B + 1' },
        { key: 'B', label: 'B', type: 'decimal', formula: 'C * 2' },
        { key: 'C', label: 'C', type: 'decimal', formula: 'A - 销量' },
        { key: '占比', label: '占比', type: 'percent', formula: '销量 / sum(占比)' },
        { key: 'D', label: 'D', type: 'decimal', formula: 'A + 1' },
        { key: 'E', label: 'E', type: 'decimal', formula: '销量 * 2' },
      ],
    };
    expect(checkTableFormulas(table)).toEqual([
      // Every column of a cycle is marked, not only the first.
      { column: 'A', message: '列“A”的公式存在循环引用：A → B → C → A' },
      { column: 'B', message: '列“B”的公式存在循环引用：B → C → A → B' },
      { column: 'C', message: '列“C”的公式存在循环引用：C → A → B → C' },
      { column: '占比', message: '列“占比”的公式存在循环引用：占比 → 占比' },
    ]);
    const result = evaluateTable(table, [{ id: 'r1', cells: { 销量: 5 } }]);
    const cells = result.rows[0].cells;
    for (const key of ['A', 'B', 'C', '占比', 'D']) expect(cells[key], key).toEqual({ value: null, marker: 'error' });
    expect(cells.E).toEqual({ value: 10 });
    expect(result.totals.E).toEqual({ value: 10 });
  });

  it('reports syntax, unknown columns, text references, formulas on text columns and duplicate keys', () => {
    const table: TableDef = {
      columns: [
        { key: '品规', label: '品规', type: 'text' },
        { key: '销量', label: '销量', type: 'integer' },
        { key: '销量', label: '销量2', type: 'integer' },
        { key: 'x', label: 'x', type: 'decimal', formula: '(销量 + 1' },
        { key: 'y', label: 'y', type: 'decimal', formula: '销量 / 库存' },
        { key: 'z', label: 'z', type: 'decimal', formula: 'count(品规)' },
        { key: '备注', label: '备注', type: 'text', formula: '销量 * 2' },
      ],
    };
    expect(checkTableFormulas(table)).toEqual([
      { column: '销量', message: '列名“销量”重复，公式无法确定引用哪一列' },
      { column: 'x', message: '列“x”的公式：第 8 个字符处缺少右括号' },
      { column: 'y', message: '列“y”的公式：第 6 个字符处引用了不存在的列“库存”' },
      { column: 'z', message: '列“z”的公式：第 7 个字符处引用的“品规”不是数字列，不能参与计算' },
      { column: '备注', message: '列“备注”是文本列，不能设置公式' },
    ]);
  });

  it('lets computed columns use other computed columns in any order', () => {
    const columns: ColumnDef[] = [
      { key: '毛利率', label: '毛利率', type: 'percent', formula: '毛利 / 销售额' },
      { key: '毛利', label: '毛利', type: 'money', formula: '(零售价 - 批发价) * 销售' },
      { key: '销售额', label: '销售额', type: 'money', formula: '零售价 * 销售' },
      { key: '批发价', label: '批发价', type: 'money', unit: '元/条' },
      { key: '零售价', label: '零售价', type: 'money', unit: '元/条' },
      { key: '销售', label: '销售', type: 'integer', unit: '条' },
    ];
    expect(checkTableFormulas({ columns })).toEqual([]);
    const cells = evaluateRow(columns, { 批发价: 200, 零售价: 230, 销售: 10 });
    expect(cells.毛利).toEqual({ value: 300 });
    expect(cells.销售额).toEqual({ value: 2300 });
    expect(cells.毛利率).toEqual({ value: 0.13 }); // 13.04% rounded to 13.0%
  });
});

describe('built-in indicators', () => {
  it('存销比 = 库存 ÷ 销量: 7,155 ÷ 16,005 → 0.45', () => {
    const columns: ColumnDef[] = [
      { key: '社会库存', label: '社会库存', type: 'integer', unit: '箱' },
      { key: '销量', label: '销量', type: 'integer', unit: '箱' },
      { key: '存销比', label: '存销比', type: 'decimal', decimals: 2, formula: '社会库存 / 销量' },
    ];
    const cells = evaluateRow(columns, { 社会库存: '7,155', 销量: 16005 });
    expect(cells.社会库存).toEqual({ value: 7155 });
    expect(cells.存销比).toEqual({ value: 0.45 });
    expect(formatCell(columns[2], cells.存销比)).toBe('0.45');
  });

  it('同比 and 环比 = (this − that) ÷ that, as fractions', () => {
    const columns: ColumnDef[] = [
      { key: '本期', label: '本期', type: 'decimal' },
      { key: '上年同期', label: '上年同期', type: 'decimal' },
      { key: '同比', label: '同比', type: 'percent', decimals: 1, formula: '(本期 - 上年同期) / 上年同期' },
      { key: '上期', label: '上期', type: 'decimal' },
      { key: '环比', label: '环比', type: 'percent', decimals: 1, formula: '(本期 - 上期) / 上期' },
    ];
    const cells = evaluateRow(columns, { 本期: 16005, 上年同期: 15500, 上期: 16800 });
    expect(cells.同比).toEqual({ value: 0.033 }); // 3.258% → 3.3%
    expect(cells.环比).toEqual({ value: -0.047 }); // −4.732% → −4.7%
    expect(formatCell(columns[2], cells.同比)).toBe('3.3%');
    expect(formatCell(columns[4], cells.环比)).toBe('-4.7%');
  });

  it('占比 = x ÷ sum(x), and 100% on the totals row', () => {
    const table: TableDef = {
      columns: [
        { key: '价类', label: '价类', type: 'text' },
        { key: '销量', label: '销量', type: 'decimal', unit: '箱' },
        { key: '占比', label: '占比', type: 'percent', decimals: 1, formula: '销量 / sum(销量)' },
      ],
    };
    const rows: TableRow[] = [
      { id: 'r1', cells: { 价类: '一类', 销量: 1200 } },
      { id: 'r2', cells: { 价类: '二类', 销量: 2400 } },
      { id: 'r3', cells: { 价类: '三类', 销量: 4400 } },
      { id: 'r4', cells: { 价类: '四类', 销量: '' } },
    ];
    const result = evaluateTable(table, rows);
    expect(result.rows.map((row) => row.cells.占比)).toEqual([
      { value: 0.15 },
      { value: 0.3 },
      { value: 0.55 },
      { value: null, marker: 'empty' },
    ]);
    expect(result.totals.销量).toEqual({ value: 8000 });
    expect(result.totals.占比).toEqual({ value: 1 });
    expect(result.totals.价类).toEqual({ value: null });
  });

  it('单条均价 = 销售额 ÷ 条, 单箱值 = 销售额 ÷ 箱', () => {
    const columns: ColumnDef[] = [
      { key: '销售额', label: '销售额', type: 'money', unit: '万元' },
      { key: '销量', label: '销量', type: 'decimal', unit: '箱' },
      { key: '单箱值', label: '单箱值', type: 'money', unit: '元/箱', decimals: 0, formula: '销售额 * 10000 / 销量' },
      { key: '单条均价', label: '单条均价', type: 'money', unit: '元/条', formula: '销售额 * 10000 / (销量 * 250)' },
    ];
    const cells = evaluateRow(columns, { 销售额: 3258.6, 销量: 1600 });
    expect(cells.单箱值).toEqual({ value: 20366 }); // 20,366.25
    expect(cells.单条均价).toEqual({ value: 81.47 }); // 81.465 rounds half away from zero
    expect(formatCell(columns[2], cells.单箱值)).toBe('20,366');
    expect(formatCell(columns[3], cells.单条均价)).toBe('81.47');
  });

  it('毛利 = (零售价 − 批发价) × 销售条数, summed on the totals row although prices are not', () => {
    const table: TableDef = {
      columns: [
        { key: '品规', label: '品规', type: 'text' },
        { key: '批发价', label: '批发价', type: 'money', unit: '元/条' },
        { key: '零售价', label: '零售价', type: 'money', unit: '元/条' },
        { key: '销售', label: '销售', type: 'integer', unit: '条' },
        { key: '毛利', label: '毛利', type: 'money', unit: '元', formula: '(零售价 - 批发价) * 销售' },
      ],
    };
    const result = evaluateTable(table, [
      { id: 'r1', cells: { 品规: '利群（新版）', 批发价: 201.4, 零售价: 230, 销售: 12 } },
      { id: 'r2', cells: { 品规: '黄山（红方印）', 批发价: 106, 零售价: 120, 销售: 20 } },
    ]);
    expect(result.rows.map((row) => row.cells.毛利.value)).toEqual([343.2, 280]);
    expect(result.totals.批发价).toEqual({ value: null });
    expect(result.totals.销售).toEqual({ value: 32 });
    expect(result.totals.毛利).toEqual({ value: 623.2 });
  });

  it('订货率 = 订货户数 ÷ 户数, evaluated over the totals too', () => {
    const table: TableDef = {
      columns: [
        { key: '档位', label: '档位', type: 'text' },
        { key: '户数', label: '户数', type: 'integer' },
        { key: '订货户数', label: '订货户数', type: 'integer' },
        { key: '订货率', label: '订货率', type: 'percent', decimals: 1, formula: '订货户数 / 户数' },
      ],
    };
    const result = evaluateTable(table, [
      { id: 'r1', cells: { 档位: '1—10档', 户数: 84, 订货户数: 61 } },
      { id: 'r2', cells: { 档位: '11—20档', 户数: 52, 订货户数: 50 } },
    ]);
    expect(result.rows.map((row) => row.cells.订货率.value)).toEqual([0.726, 0.962]);
    expect(result.totals.订货率).toEqual({ value: 0.816 }); // 111 ÷ 136
  });

  it('动销率 = 本期订货户数 ÷ 前三期订货户数', () => {
    const columns: ColumnDef[] = [
      { key: '本期订货户数', label: '本期订货户数', type: 'integer' },
      { key: '前三期订货户数', label: '前三期订货户数', type: 'integer' },
      { key: '动销率', label: '动销率', type: 'percent', formula: '本期订货户数 / 前三期订货户数' },
    ];
    expect(evaluateRow(columns, { 本期订货户数: 118, 前三期订货户数: 146 }).动销率).toEqual({ value: 0.808 });
  });

  it('动销比 = (上期库存 + 本期购进 − 本期库存) ÷ (上期库存 + 本期购进)', () => {
    const columns: ColumnDef[] = [
      { key: '上期库存', label: '上期库存', type: 'integer' },
      { key: '本期购进', label: '本期购进', type: 'integer' },
      { key: '本期库存', label: '本期库存', type: 'integer' },
      {
        key: '动销比',
        label: '动销比',
        type: 'percent',
        formula: '(上期库存 + 本期购进 - 本期库存) / (上期库存 + 本期购进)',
      },
    ];
    expect(evaluateRow(columns, { 上期库存: 8, 本期购进: 20, 本期库存: 6 }).动销比).toEqual({ value: 0.786 });
  });
});

describe('blanks, zeros and bad input', () => {
  const columns: ColumnDef[] = [
    { key: '库存', label: '库存', type: 'integer' },
    { key: '销量', label: '销量', type: 'integer' },
    { key: '存销比', label: '存销比', type: 'decimal', formula: '库存 / 销量' },
    { key: '同比', label: '同比', type: 'percent', formula: 'if(销量 == 0, 0, (库存 - 销量) / 销量)' },
  ];

  it('a zero denominator gives div0, a blank gives empty, never NaN', () => {
    expect(evaluateRow(columns, { 库存: 5, 销量: 0 }).存销比).toEqual({ value: null, marker: 'div0' });
    expect(evaluateRow(columns, { 库存: 0, 销量: 0 }).存销比).toEqual({ value: null, marker: 'div0' });
    expect(evaluateRow(columns, { 库存: 5, 销量: null }).存销比).toEqual({ value: null, marker: 'empty' });
    expect(evaluateRow(columns, { 库存: '', 销量: 0 }).存销比).toEqual({ value: null, marker: 'empty' });
    expect(evaluateRow(columns, { 库存: 5 }).存销比).toEqual({ value: null, marker: 'empty' });
    expect(evaluateRow(columns, { 库存: '—', 销量: 3 }).存销比).toEqual({ value: null, marker: 'empty' });
  });

  it('if evaluates only the branch it takes', () => {
    expect(evaluateRow(columns, { 库存: 5, 销量: 0 }).同比).toEqual({ value: 0 });
  });

  it('text in a number column is an error, kept for display', () => {
    const cells = evaluateRow(columns, { 库存: '约50', 销量: 10 });
    expect(cells.库存).toEqual({ value: '约50', marker: 'error' });
    expect(cells.存销比).toEqual({ value: null, marker: 'error' });
  });

  it('overflow is an error, not Infinity', () => {
    const big: ColumnDef[] = [
      { key: 'a', label: 'a', type: 'decimal' },
      { key: 'b', label: 'b', type: 'decimal', formula: 'a * a * a' },
      { key: 'c', label: 'c', type: 'decimal', formula: 'a / 0.0000001' },
    ];
    const cells = evaluateRow(big, { a: 1e9 });
    expect(cells.b).toEqual({ value: null, marker: 'error' });
    expect(cells.c).toEqual({ value: null, marker: 'error' });
  });

  it('aggregates of blank columns: sum 0, count 0, avg/min/max empty', () => {
    const table: TableDef = {
      columns: [
        { key: 'a', label: 'a', type: 'decimal' },
        { key: 's', label: 's', type: 'decimal', formula: 'sum(a)' },
        { key: 'n', label: 'n', type: 'integer', formula: 'count(a)' },
        { key: 'm', label: 'm', type: 'decimal', formula: 'avg(a) + min(a) + max(a)' },
      ],
    };
    const cells = evaluateTable(table, [{ id: 'r1', cells: {} }]).rows[0].cells;
    expect(cells.s).toEqual({ value: 0 });
    expect(cells.n).toEqual({ value: 0 });
    expect(cells.m).toEqual({ value: null, marker: 'empty' });
  });

  it('no cell of a random table is ever NaN or infinite', () => {
    const table: TableDef = {
      columns: [
        { key: 'a', label: 'a', type: 'decimal' },
        { key: 'b', label: 'b', type: 'integer' },
        { key: 'p', label: 'p', type: 'percent' },
        { key: 'x', label: 'x', type: 'decimal', formula: '(a - b) / b + a / sum(a) + p * avg(b) / min(a) - max(p) / count(b)' },
        { key: 'y', label: 'y', type: 'percent', formula: 'if(a >= b, round(x / a, 3), abs(b / (a - a)))' },
        { key: 'z', label: 'z', type: 'money', formula: 'x * y * 1000000' },
      ],
    };
    const samples: TableRow['cells'][string][] = [0, 1, -1, 0.5, 1e15, -1e15, 1e-12, '', null, 'abc', '1,000', '3%', '—'];
    let seed = 7;
    const pick = (): TableRow['cells'][string] => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return samples[seed % samples.length];
    };
    for (let round = 0; round < 200; round += 1) {
      const rows: TableRow[] = Array.from({ length: 4 }, (_, index) => ({
        id: `r${index}`,
        cells: { a: pick(), b: pick(), p: pick() },
      }));
      const result = evaluateTable(table, rows);
      for (const cells of [...result.rows.map((row) => row.cells), result.totals]) {
        for (const cell of Object.values(cells)) {
          if (typeof cell.value === 'number') expect(Number.isFinite(cell.value)).toBe(true);
          if (cell.marker) expect(cell.value === null || typeof cell.value === 'string').toBe(true);
        }
      }
    }
  });
});

describe('numbers and rounding', () => {
  it('rounds half away from zero without float artefacts', () => {
    expect(roundHalfAwayFromZero(1.005, 2)).toBe(1.01);
    expect(roundHalfAwayFromZero(2.675, 2)).toBe(2.68);
    expect(roundHalfAwayFromZero(-2.5, 0)).toBe(-3);
    expect(roundHalfAwayFromZero(0.0324, 3)).toBe(0.032);
    expect(roundHalfAwayFromZero(1250, -2)).toBe(1300);
    expect(Object.is(roundHalfAwayFromZero(-0.001, 2), 0)).toBe(true);
  });

  it('stores percent values as fractions rounded to the percentage decimals', () => {
    const columns: ColumnDef[] = [
      { key: 'a', label: 'a', type: 'decimal' },
      { key: 'p1', label: 'p1', type: 'percent', decimals: 1, formula: 'a' },
      { key: 'p0', label: 'p0', type: 'percent', decimals: 0, formula: 'a' },
      { key: 'i', label: 'i', type: 'integer', formula: 'a * 100' },
      { key: 'r', label: 'r', type: 'decimal', decimals: 3, formula: 'round(a, 2)' },
    ];
    const cells = evaluateRow(columns, { a: 0.0324 });
    expect(cells.p1).toEqual({ value: 0.032 });
    expect(cells.p0).toEqual({ value: 0.03 });
    expect(cells.i).toEqual({ value: 3 });
    expect(cells.r).toEqual({ value: 0.03 });
  });

  it('parses what people type into number cells', () => {
    expect(parseCellNumber('1,286')).toEqual({ value: 1286, invalid: false });
    expect(parseCellNumber(' 1，286.5 ')).toEqual({ value: 1286.5, invalid: false });
    expect(parseCellNumber('－12')).toEqual({ value: -12, invalid: false });
    expect(parseCellNumber('3.2%')).toEqual({ value: 0.032, invalid: false });
    expect(parseCellNumber('')).toEqual({ value: null, invalid: false });
    expect(parseCellNumber('—')).toEqual({ value: null, invalid: false });
    expect(parseCellNumber('12箱')).toEqual({ value: null, invalid: true });
    expect(parseCellNumber(1e300)).toEqual({ value: null, invalid: true });
  });
});

describe('formatCell', () => {
  const column = (type: ColumnDef['type'], decimals?: number): ColumnDef => ({
    key: 'k',
    label: 'k',
    type,
    ...(decimals === undefined ? {} : { decimals }),
  });

  it.each<[ColumnDef, ComputedCell, string]>([
    [column('integer'), { value: 16005 }, '16,005'],
    [column('integer'), { value: -1234567.5 }, '-1,234,568'],
    [column('decimal', 2), { value: 0.447 }, '0.45'],
    [column('decimal'), { value: 12345.6 }, '12,345.60'],
    [column('decimal', 0), { value: 0.4 }, '0'],
    [column('percent', 1), { value: 0.032 }, '3.2%'],
    [column('percent', 1), { value: 0.0324 }, '3.2%'],
    [column('percent'), { value: -0.0475 }, '-4.8%'],
    [column('percent', 2), { value: 1 }, '100.00%'],
    [column('money'), { value: 1234.5 }, '1,234.50'],
    [column('money'), { value: 1.005 }, '1.01'],
    [column('money'), { value: -0.001 }, '0.00'],
    [column('text'), { value: '利群（新版）' }, '利群（新版）'],
    [column('date'), { value: '2026-11-20' }, '2026-11-20'],
    [column('decimal'), { value: null, marker: 'div0' }, ''],
    [column('integer'), { value: null }, ''],
    [column('integer'), { value: '约50', marker: 'error' }, '约50'],
  ])('%j %j → %s', (definition, cell, expected) => {
    expect(formatCell(definition, cell)).toBe(expected);
  });
});

describe('toExcelFormula', () => {
  const letters: Record<string, string> = { 指标: 'A', 本期: 'B', 上年同期: 'C', 同比: 'D', 社会库存: 'E', 销量: 'F', 占比: 'G' };
  const options = { columnLetter: (key: string) => letters[key], row: 5, firstDataRow: 2, lastDataRow: 11 };

  it.each([
    ['社会库存 / 销量', '=IF(OR(E5="",F5=""),"",IFERROR(E5/F5,""))'],
    ['(本期 - 上年同期) / 上年同期', '=IF(OR(B5="",C5=""),"",IFERROR((B5-C5)/C5,""))'],
    ['销量 / sum(销量)', '=IF(F5="","",IFERROR(F5/SUM(F$2:F$11),""))'],
    ['本期 - 上年同期', '=IF(OR(B5="",C5=""),"",B5-C5)'],
    ['本期 - (上年同期 - 销量)', '=IF(OR(B5="",C5="",F5=""),"",B5-(C5-F5))'],
    ['本期 - (上年同期 + 销量) * 2', '=IF(OR(B5="",C5="",F5=""),"",B5-(C5+F5)*2)'],
    ['社会库存 / (销量 * 250)', '=IF(OR(E5="",F5=""),"",IFERROR(E5/(F5*250),""))'],
    ['-(本期 - 上年同期)', '=IF(OR(B5="",C5=""),"",-(B5-C5))'],
    ['avg(销量) + count(销量)', '=IFERROR(AVERAGE(F$2:F$11)+COUNT(F$2:F$11),"")'],
    ['max(销量) - min(销量)', '=IFERROR(IF(COUNT(F$2:F$11)=0,"",MAX(F$2:F$11))-IF(COUNT(F$2:F$11)=0,"",MIN(F$2:F$11)),"")'],
    ['round(abs(本期), 1)', '=IF(B5="","",ROUND(ABS(B5),1))'],
    ['round(本期)', '=IF(B5="","",ROUND(B5,0))'],
    [
      'if(上年同期 == 0, 0, (本期 - 上年同期) / 上年同期)',
      '=IF(C5="","",IFERROR(IF(C5=0,0,IF(B5="","",(B5-C5)/C5)),""))',
    ],
    ['if(本期 != 上年同期, 本期, 上年同期)', '=IF(OR(B5="",C5=""),"",IF(B5<>C5,B5,C5))'],
    ['(本期 > 上年同期) * 100', '=IF(OR(B5="",C5=""),"",IF(B5>C5,1,0)*100)'],
    ['=SUM(销量)', '=SUM(F$2:F$11)'],
  ])('%s → %s', (formula, expected) => {
    expect(toExcelFormula(formula, options)).toBe(expected);
  });

  it('refuses a formula that does not parse', () => {
    expect(() => toExcelFormula('(销量', options)).toThrow('第 4 个字符处缺少右括号');
  });
});
