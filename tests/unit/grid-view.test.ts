import { describe, expect, it } from 'vitest';
import type { TableRow } from '../../electron/core/common/schemas/report';
import type { TableDef } from '../../electron/core/common/schemas/template';
import { buildGridView, cellKey, overlayRows } from '../../renderer/features/reports/grid/grid-view';

const table: TableDef = {
  columns: [
    { key: '价类', label: '价类', type: 'text' },
    { key: '销量', label: '销量', type: 'decimal', unit: '箱', decimals: 2 },
    { key: '上年同期', label: '上年同期', type: 'decimal', unit: '箱', decimals: 2 },
    { key: '同比', label: '同比', type: 'percent', decimals: 1, formula: '(销量 - 上年同期) / 上年同期' },
    { key: '占比', label: '占比', type: 'percent', decimals: 1, formula: '销量 / sum(销量)' },
    { key: '增长', label: '增长', type: 'percent', decimals: 1 },
  ],
  totalsRow: true,
};

const rows: TableRow[] = [
  { id: 'a', cells: { 价类: '一类', 销量: 1286, 上年同期: 1100, 增长: 0.032 } },
  { id: 'b', cells: { 价类: '二类', 销量: 50, 上年同期: 0 } },
  { id: 'c', cells: { 价类: '三类' } },
];

const texts = (view: ReturnType<typeof buildGridView>, column: number) => view.rows.map((row) => row.cells[column].text);

describe('buildGridView', () => {
  it('formats inputs and computed columns, with — and a marker when there is no value', () => {
    const view = buildGridView(table, rows, new Map(), null);
    expect(texts(view, 1)).toEqual(['1,286.00', '50.00', '']);
    expect(texts(view, 3)).toEqual(['16.9%', '—', '—']);
    expect(view.rows.map((row) => row.cells[3].marker)).toEqual([undefined, 'div0', 'empty']);
    expect(texts(view, 5)).toEqual(['3.2%', '', '']);
    expect(view.totals.map((cell) => cell.text)).toEqual(['', '1,336.00', '1,100.00', '21.5%', '100.0%', '']);
    for (const row of view.rows) for (const cell of row.cells) expect(cell.text).not.toMatch(/NaN|Infinity/);
  });

  it('recomputes with the text being typed, parsed as it will be stored', () => {
    const view = buildGridView(table, rows, new Map(), { rowId: 'b', key: '上年同期', text: '40' });
    expect(texts(view, 3)).toEqual(['16.9%', '25.0%', '—']);
    // What is typed is not in the stored rows yet.
    expect(rows[1].cells.上年同期).toBe(0);
  });

  it('an invalid text shows as typed, flagged, and makes dependent formulas error', () => {
    const invalid = new Map([[cellKey('c', '销量'), '很多']]);
    const view = buildGridView(table, rows, invalid, null);
    expect(view.rows[2].cells[1]).toEqual({ text: '很多', problem: 'number' });
    expect(view.rows[2].cells[3]).toMatchObject({ text: '—' });
    expect(view.rows[0].cells[4]).toMatchObject({ text: '—', marker: 'error' });
  });

  it('a stored value hides a kept invalid text', () => {
    const invalid = new Map([[cellKey('a', '销量'), 'abc']]);
    const view = buildGridView(table, rows, invalid, null);
    expect(view.rows[0].cells[1]).toEqual({ text: '1,286.00' });
  });

  it('an unreadable stored value (an old document) is shown and flagged', () => {
    const view = buildGridView(table, [{ id: 'x', cells: { 销量: '约3000' } }], new Map(), null);
    expect(view.rows[0].cells[1]).toEqual({ text: '约3000', problem: 'number' });
  });

  it('keeps the previous object of an unchanged row so memoised rows skip rendering', () => {
    const first = buildGridView(table, rows, new Map(), null);
    const previous = new Map(first.rows.map((row) => [row.id, row]));
    const edited = rows.map((row) => (row.id === 'c' ? { ...row, cells: { ...row.cells, 上年同期: 5 } } : row));
    const second = buildGridView(table, edited, new Map(), null, previous);
    expect(second.rows[0]).toBe(first.rows[0]);
    expect(second.rows[1]).toBe(first.rows[1]);
    expect(second.rows[2]).not.toBe(first.rows[2]);
  });
});

describe('overlayRows', () => {
  it('passes rows through untouched when nothing is pending', () => {
    expect(overlayRows(table, rows, new Map(), null)).toBe(rows);
  });

  it('only copies rows that have something pending', () => {
    const result = overlayRows(table, rows, new Map(), { rowId: 'a', key: '增长', text: '5' });
    expect(result[0].cells.增长).toBe(0.05);
    expect(result[1]).toBe(rows[1]);
  });
});
