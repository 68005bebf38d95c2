import { describe, expect, it } from 'vitest';
import type { TableRow } from '../../electron/core/common/schemas/report';
import type { ColumnDef, TableDef } from '../../electron/core/common/schemas/template';
import { copyText, hasContent, importBase, pasteSummary, planPaste } from '../../renderer/features/reports/grid/grid-clipboard';
import { beginEditing, endEditing, storedText, type Editing } from '../../renderer/features/reports/grid/grid-editing';
import { applyPaste } from '../../renderer/features/reports/grid/grid-model';
import { cellKey } from '../../renderer/features/reports/grid/grid-view';

const sales: ColumnDef = { key: '销量', label: '销量', type: 'decimal', unit: '箱' };
const share: ColumnDef = { key: '占比', label: '占比', type: 'percent' };
const way: ColumnDef = { key: '方式', label: '方式', type: 'text', options: ['实地', '电话'] };
const ratio: ColumnDef = { key: '比', label: '比', type: 'decimal', formula: '销量 / 2' };
const table: TableDef = { columns: [{ key: '品规', label: '品规', type: 'text' }, sales, ratio, share, way] };

function ids(): () => string {
  let next = 0;
  return () => `new-${++next}`;
}

describe('editing a cell', () => {
  const row: TableRow = { id: 'r1', cells: { 销量: 1286, 占比: 0.032 } };

  it('starts with the stored value as edit text, a kept invalid text, or what was typed', () => {
    expect(beginEditing(row, sales, 'edit', undefined)).toEqual({ rowId: 'r1', key: '销量', text: '1286', mode: 'edit' });
    expect(beginEditing(row, share, 'edit', undefined).text).toBe('3.2%');
    expect(beginEditing({ id: 'r2', cells: {} }, sales, 'edit', '12箱x').text).toBe('12箱x');
    expect(beginEditing(row, sales, 'replace', 'ignored', '7')).toEqual({ rowId: 'r1', key: '销量', text: '7', mode: 'replace' });
    // A kept text only stands for a blank cell.
    expect(storedText(sales, 5, 'abc')).toBe('5');
  });

  it('ends by storing a valid entry, keeping an invalid one open from the keyboard or kept when leaving', () => {
    const typing = (key: string, text: string): Editing => ({ rowId: 'r1', key, text, mode: 'replace' });
    expect(endEditing(table.columns, typing('销量', '1,286箱'), 'keyboard')).toEqual({ kind: 'store', value: 1286 });
    expect(endEditing(table.columns, typing('销量', ''), 'keyboard')).toEqual({ kind: 'store', value: null });
    expect(endEditing(table.columns, typing('销量', 'abc'), 'keyboard')).toEqual({ kind: 'keep-open' });
    expect(endEditing(table.columns, typing('销量', 'abc'), 'leave')).toEqual({ kind: 'keep-invalid', text: 'abc' });
    expect(endEditing(table.columns, typing('方式', '实'), 'keyboard')).toEqual({ kind: 'close' });
    expect(endEditing(table.columns, typing('gone', '1'), 'leave')).toEqual({ kind: 'close' });
  });
});

describe('copy', () => {
  const rows: TableRow[] = [{ id: 'r1', cells: { 销量: 1286 } }, { id: 'r2', cells: {} }];

  it('gives an input cell’s edit text (or its kept invalid text) and a computed cell’s shown value', () => {
    const invalid = new Map([[cellKey('r2', '销量'), '12x']]);
    expect(copyText(table, rows, { row: 0, col: 1 }, undefined, invalid)).toBe('1286');
    expect(copyText(table, rows, { row: 1, col: 1 }, undefined, invalid)).toBe('12x');
    expect(copyText(table, rows, { row: 0, col: 2 }, { text: '643' }, invalid)).toBe('643');
    expect(copyText(table, rows, { row: 0, col: 2 }, { text: '—', marker: 'div0' }, invalid)).toBe('');
    expect(copyText(table, rows, { row: 5, col: 1 }, undefined, invalid)).toBe('');
  });
});

describe('paste planning', () => {
  const rows: TableRow[] = [{ id: 'r1', cells: {} }];

  it('ignores an empty clipboard and refuses one value on a computed cell', () => {
    expect(planPaste(table, rows, { row: 0, col: 1 }, '', 5000, ids())).toEqual({ kind: 'empty' });
    expect(planPaste(table, rows, { row: 0, col: 2 }, '5', 5000, ids())).toEqual({ kind: 'computed', col: 2 });
  });

  it('refuses a block that would pass the row limit whole', () => {
    expect(planPaste(table, rows, { row: 0, col: 1 }, '1\n2\n3\n4', 3, ids())).toEqual({ kind: 'too-many', rows: 4, needed: 4 });
    expect(planPaste(table, rows, { row: 0, col: 1 }, '1\n2\n3', 3, ids()).kind).toBe('apply');
  });

  it('writes a TSV block right and down, adding rows, and lists the cells it covers', () => {
    const plan = planPaste(table, rows, { row: 0, col: 1 }, '1\t5%\n2\tx\n', 5000, ids());
    expect(plan.kind).toBe('apply');
    if (plan.kind !== 'apply') return;
    expect(plan.result.rows).toEqual([
      { id: 'r1', cells: { 销量: 1, 占比: 0.05 } },
      { id: 'new-1', cells: { 销量: 2 } },
    ]);
    expect(plan.written).toEqual([cellKey('r1', '销量'), cellKey('r1', '占比'), cellKey('new-1', '销量'), cellKey('new-1', '占比')]);
    expect(plan.result.rejected).toEqual([{ rowId: 'new-1', key: '占比', text: 'x', problem: 'percent' }]);
  });

  it('sums up what a paste did', () => {
    const clean = applyPaste(table, rows, 0, 1, [['1']], ids());
    expect(pasteSummary(clean)).toEqual({ phrases: [{ key: 'grid.pasted', params: { count: 1 } }], warn: false });
    const messy = applyPaste(table, rows, 0, 3, [['x', '实地', 'beyond'], ['1%', '电话', '']], ids());
    expect(pasteSummary(messy)).toEqual({
      phrases: [
        { key: 'grid.pastedRejected', params: { count: 3, rejected: 1 } },
        { key: 'grid.rowsAdded', params: { count: 1 } },
        { key: 'grid.pasteSkipped', params: { count: 1 } },
      ],
      warn: true,
    });
  });
});

describe('import', () => {
  const rows: TableRow[] = [
    { id: 'a', cells: { 品规: 'A' } },
    { id: 'b', cells: {} },
    { id: 'c', cells: { 品规: '  ' } },
  ];

  it('appends after the rows with content, dropping blank rows at the end; replacing starts empty', () => {
    expect(hasContent(rows[0])).toBe(true);
    expect(hasContent(rows[2])).toBe(false);
    expect(importBase(rows, 'append').map((row) => row.id)).toEqual(['a']);
    expect(importBase([{ id: 'x', cells: {} }], 'append')).toEqual([]);
    expect(importBase(rows, 'replace')).toEqual([]);
  });
});
