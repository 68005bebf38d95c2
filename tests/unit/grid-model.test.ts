import { describe, expect, it } from 'vitest';
import type { TableRow } from '../../electron/core/common/schemas/report';
import type { ColumnDef, TableDef } from '../../electron/core/common/schemas/template';
import {
  applyPaste,
  editText,
  inputColumns,
  insertRowAt,
  moveRow,
  nextInputColumn,
  normalizeDate,
  parseInput,
  pasteTargets,
  removeRowAt,
  withCell,
} from '../../renderer/features/reports/grid/grid-model';

const integer: ColumnDef = { key: '销量', label: '销量', type: 'integer', unit: '箱' };
const decimal: ColumnDef = { key: '库存', label: '库存', type: 'decimal', decimals: 2 };
const percent: ColumnDef = { key: '增长', label: '增长', type: 'percent', decimals: 1 };
const money: ColumnDef = { key: '金额', label: '金额', type: 'money', unit: '元' };
const date: ColumnDef = { key: '日期', label: '日期', type: 'date' };
const text: ColumnDef = { key: '品规', label: '品规', type: 'text' };
const choice: ColumnDef = { key: '方式', label: '方式', type: 'text', options: ['实地', '电话'] };

describe('parseInput: numbers', () => {
  it.each([
    ['1,286', 1286],
    ['1，286', 1286],
    [' 16005 ', 16005],
    ['-12', -12],
    ['－12', -12],
    ['1,286箱', 1286],
    ['', null],
    ['—', null],
    ['/', null],
  ])('integer column reads %j as %j', (input, expected) => {
    expect(parseInput(integer, input)).toEqual({ ok: true, value: expected });
  });

  it.each(['abc', '12a', '1.5', '3%', '1e5', '1..2', 'NaN', 'Infinity', '1'.repeat(20)])('integer column rejects %j', (input) => {
    expect(parseInput(integer, input)).toEqual({ ok: false, problem: 'integer' });
  });

  it('decimal and money columns keep fractions, money accepts ¥ and 元', () => {
    expect(parseInput(decimal, '7,155.25')).toEqual({ ok: true, value: 7155.25 });
    expect(parseInput(decimal, '.5')).toEqual({ ok: true, value: 0.5 });
    expect(parseInput(money, '¥1,234.50')).toEqual({ ok: true, value: 1234.5 });
    expect(parseInput(money, '1234.5元')).toEqual({ ok: true, value: 1234.5 });
    expect(parseInput(decimal, '12%')).toEqual({ ok: false, problem: 'number' });
    expect(parseInput(money, '一千')).toEqual({ ok: false, problem: 'number' });
  });

  it('percent columns store fractions, with or without the % sign', () => {
    expect(parseInput(percent, '3.2%')).toEqual({ ok: true, value: 0.032 });
    expect(parseInput(percent, '3.2％')).toEqual({ ok: true, value: 0.032 });
    expect(parseInput(percent, '3.2')).toEqual({ ok: true, value: 0.032 });
    expect(parseInput(percent, '-12.5%')).toEqual({ ok: true, value: -0.125 });
    expect(parseInput(percent, '100%')).toEqual({ ok: true, value: 1 });
    expect(parseInput(percent, '')).toEqual({ ok: true, value: null });
    expect(parseInput(percent, '3.2%%')).toEqual({ ok: false, problem: 'percent' });
    expect(parseInput(percent, '很多')).toEqual({ ok: false, problem: 'percent' });
  });

  it('reads full-width digits and signs from a Chinese input method', () => {
    expect(parseInput(integer, '２４０５')).toEqual({ ok: true, value: 2405 });
    expect(parseInput(decimal, '１，２８６．５')).toEqual({ ok: true, value: 1286.5 });
    expect(parseInput(percent, '３．２％')).toEqual({ ok: true, value: 0.032 });
    expect(parseInput(integer, '－１２')).toEqual({ ok: true, value: -12 });
    expect(parseInput(date, '２０２６－１１－０５')).toEqual({ ok: true, value: '2026-11-05' });
  });

  it('never yields NaN or Infinity', () => {
    for (const input of ['1e400', '9'.repeat(400), 'Infinity', '-', '+']) {
      const parsed = parseInput(decimal, input);
      if (parsed.ok) expect(parsed.value === null || Number.isFinite(parsed.value)).toBe(true);
    }
  });
});

describe('parseInput: text, choices, dates', () => {
  it('text is trimmed; blank is null; very long text is refused', () => {
    expect(parseInput(text, '  中华(软)  ')).toEqual({ ok: true, value: '中华(软)' });
    expect(parseInput(text, '   ')).toEqual({ ok: true, value: null });
    expect(parseInput(text, 'x'.repeat(2001))).toEqual({ ok: false, problem: 'too-long' });
    expect(parseInput(text, '第一行\r\n第二行\r第三行')).toEqual({ ok: true, value: '第一行\n第二行\n第三行' });
  });

  it('choice columns accept only their options', () => {
    expect(parseInput(choice, '电话')).toEqual({ ok: true, value: '电话' });
    expect(parseInput(choice, ' 实地 ')).toEqual({ ok: true, value: '实地' });
    expect(parseInput(choice, '上门')).toEqual({ ok: false, problem: 'option' });
    expect(parseInput(choice, '')).toEqual({ ok: true, value: null });
  });

  it.each([
    ['2026-11-05', '2026-11-05'],
    ['2026/11/5', '2026-11-05'],
    ['2026.1.9', '2026-01-09'],
    ['2026年11月5日', '2026-11-05'],
    ['2024-02-29', '2024-02-29'],
  ])('date %j is stored as %j', (input, expected) => {
    expect(parseInput(date, input)).toEqual({ ok: true, value: expected });
  });

  it.each(['2026-13-01', '2025-02-29', '2026-11-31', '11/05/2026', '明天', '20261105'])('date %j is refused', (input) => {
    expect(parseInput(date, input)).toEqual({ ok: false, problem: 'date' });
    expect(normalizeDate(input)).toBeNull();
  });
});

describe('editText', () => {
  it('gives editable text for stored values', () => {
    expect(editText(integer, 1286)).toBe('1286');
    expect(editText(percent, 0.032)).toBe('3.2%');
    expect(editText(percent, 0.07)).toBe('7%');
    expect(editText(decimal, 0.1 + 0.2)).toBe('0.3');
    expect(editText(text, '中华')).toBe('中华');
    expect(editText(text, null)).toBe('');
    expect(editText(text, undefined)).toBe('');
  });

  it('round-trips through parseInput', () => {
    for (const [column, value] of [
      [percent, 0.032],
      [percent, -0.125],
      [integer, 16005],
      [decimal, 7155.25],
    ] as const) {
      expect(parseInput(column, editText(column, value))).toEqual({ ok: true, value });
    }
  });
});

describe('row operations', () => {
  const rows: TableRow[] = [
    { id: 'a', cells: { 品规: 'A' } },
    { id: 'b', cells: { 品规: 'B' } },
    { id: 'c', cells: { 品规: 'C' } },
  ];
  const ids = (list: TableRow[]) => list.map((row) => row.id).join('');

  it('inserts, removes and moves without touching the input', () => {
    expect(ids(insertRowAt(rows, 1, { id: 'x', cells: {} }))).toBe('axbc');
    expect(ids(insertRowAt(rows, 99, { id: 'x', cells: {} }))).toBe('abcx');
    expect(ids(removeRowAt(rows, 1))).toBe('ac');
    expect(removeRowAt(rows, 5)).toBe(rows);
    expect(ids(moveRow(rows, 0, 1))).toBe('bac');
    expect(ids(moveRow(rows, 2, 1))).toBe('acb');
    expect(moveRow(rows, 0, -1)).toBe(rows);
    expect(ids(rows)).toBe('abc');
  });

  it('withCell sets a value and drops a blank one', () => {
    expect(withCell(rows[0], '销量', 5).cells).toEqual({ 品规: 'A', 销量: 5 });
    expect(withCell(rows[0], '品规', null).cells).toEqual({});
    expect(rows[0].cells).toEqual({ 品规: 'A' });
  });
});

/** 分价类-like table: 价类 | 销量 | 上年同期 | 同比 (computed) | 库存 | 存销比 (computed) */
const table: TableDef = {
  columns: [
    { key: '价类', label: '价类', type: 'text' },
    { key: '销量', label: '销量', type: 'decimal', unit: '箱' },
    { key: '上年同期', label: '上年同期', type: 'decimal', unit: '箱' },
    { key: '同比', label: '同比', type: 'percent', formula: '(销量 - 上年同期) / 上年同期' },
    { key: '库存', label: '库存', type: 'decimal', unit: '箱' },
    { key: '存销比', label: '存销比', type: 'decimal', formula: '库存 / 销量' },
  ],
  totalsRow: true,
};

function ids(): () => string {
  let next = 0;
  return () => `new-${++next}`;
}

describe('navigation over input columns', () => {
  it('Tab skips computed columns and stops at the edges', () => {
    expect(inputColumns(table).map((column) => column.key)).toEqual(['价类', '销量', '上年同期', '库存']);
    expect(nextInputColumn(table.columns, 2, 1)).toBe(4);
    expect(nextInputColumn(table.columns, 4, 1)).toBeNull();
    expect(nextInputColumn(table.columns, 4, -1)).toBe(2);
    expect(nextInputColumn(table.columns, 0, -1)).toBeNull();
    expect(nextInputColumn(table.columns, -1, 1)).toBe(0);
  });
});

describe('paste placement', () => {
  const rows: TableRow[] = [
    { id: 'r1', cells: { 价类: '一类' } },
    { id: 'r2', cells: { 价类: '二类' } },
  ];

  it('fills input columns to the right, skipping computed ones', () => {
    const targets = pasteTargets(table, 1, 3).map((target) => (typeof target === 'object' ? target.key : target));
    expect(targets).toEqual(['销量', '上年同期', '库存']);
  });

  it('starting on a computed column begins at the next input column', () => {
    const targets = pasteTargets(table, 3, 2).map((target) => (typeof target === 'object' ? target.key : target));
    expect(targets).toEqual(['库存', 'outside']);
  });

  it('a block laid out like the whole table goes by position, dropping computed columns', () => {
    const targets = pasteTargets(table, 0, 6).map((target) => (typeof target === 'object' ? target.key : target));
    expect(targets).toEqual(['价类', '销量', '上年同期', 'computed', '库存', 'computed']);
  });

  it('a block narrower than the whole rest of the table fills input columns (overflow is dropped)', () => {
    const targets = pasteTargets(table, 1, 4).map((target) => (typeof target === 'object' ? target.key : target));
    expect(targets).toEqual(['销量', '上年同期', '库存', 'outside']);
  });

  it('a ragged block never goes by position', () => {
    const targets = pasteTargets(table, 0, 6, false).map((target) => (typeof target === 'object' ? target.key : target));
    expect(targets).toEqual(['价类', '销量', '上年同期', '库存', 'outside', 'outside']);
  });

  it('onto a computed cell, always fills input columns from the next one', () => {
    const targets = pasteTargets(table, 3, 3).map((target) => (typeof target === 'object' ? target.key : target));
    expect(targets).toEqual(['库存', 'outside', 'outside']);
  });

  it('a block wider than the whole rest of the table fills input columns and drops the overflow', () => {
    const targets = pasteTargets(table, 4, 3).map((target) => (typeof target === 'object' ? target.key : target));
    expect(targets).toEqual(['库存', 'outside', 'outside']);
  });

  it('writes values, adds rows and reports rejected cells', () => {
    const block = [
      ['1,286', '1,100', '7,155'],
      ['abc', '900', ''],
      ['500', '400', '300'],
    ];
    const result = applyPaste(table, rows, 0, 1, block, ids());
    expect(result.rows).toHaveLength(3);
    expect(result.addedRows).toBe(1);
    expect(result.rows[0]).toEqual({ id: 'r1', cells: { 价类: '一类', 销量: 1286, 上年同期: 1100, 库存: 7155 } });
    expect(result.rows[1]).toEqual({ id: 'r2', cells: { 价类: '二类', 上年同期: 900 } });
    expect(result.rows[2]).toEqual({ id: 'new-1', cells: { 销量: 500, 上年同期: 400, 库存: 300 } });
    expect(result.rejected).toEqual([{ rowId: 'r2', key: '销量', text: 'abc', problem: 'number' }]);
    expect(result.pasted).toBe(8);
    expect(result.skipped).toBe(0);
    expect(result.columnKeys).toEqual(['销量', '上年同期', '库存']);
    expect(result.firstRow).toBe(0);
    expect(result.lastRow).toBe(2);
    // The input rows are untouched.
    expect(rows[0].cells).toEqual({ 价类: '一类' });
  });

  it('counts non-blank cells beyond the right edge as skipped', () => {
    const result = applyPaste(table, rows, 0, 4, [['10', '20', ''], ['30']], ids());
    expect(result.rows[0].cells).toEqual({ 价类: '一类', 库存: 10 });
    expect(result.rows[1].cells).toEqual({ 价类: '二类', 库存: 30 });
    expect(result.skipped).toBe(1);
  });

  it('never writes computed columns, even for a same-layout block', () => {
    const block = [['三类', '10', '8', '25%', '4', '0.4']];
    const result = applyPaste(table, rows, 1, 0, block, ids());
    expect(result.rows[1].cells).toEqual({ 价类: '三类', 销量: 10, 上年同期: 8, 库存: 4 });
    expect(result.skipped).toBe(0);
    expect(result.rejected).toEqual([]);
  });

  it('a paste below the last row appends', () => {
    const result = applyPaste(table, rows, 2, 0, [['四类']], ids());
    expect(result.rows.map((row) => row.id)).toEqual(['r1', 'r2', 'new-1']);
    expect(result.rows[2].cells).toEqual({ 价类: '四类' });
  });
});
