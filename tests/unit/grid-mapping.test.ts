import { describe, expect, it } from 'vitest';
import type { TableDef } from '../../electron/core/common/schemas/template';
import {
  autoMatchColumns,
  buildImportRows,
  columnLetter,
  normalizeHeader,
  pickSheet,
  sheetWidth,
} from '../../renderer/features/reports/grid/column-mapping';

const table: TableDef = {
  columns: [
    { key: '品规', label: '品牌/规格', type: 'text' },
    { key: '销量', label: '销量', type: 'decimal', unit: '箱' },
    { key: '上年同期', label: '上年同期', type: 'decimal', unit: '箱' },
    { key: '同比', label: '同比', type: 'percent', formula: '(销量 - 上年同期) / 上年同期' },
    { key: '库存', label: '库存', type: 'decimal', unit: '箱' },
    { key: '方式', label: '方式', type: 'text', options: ['实地', '电话'] },
  ],
};

function ids(): () => string {
  let next = 0;
  return () => `id-${++next}`;
}

describe('helpers', () => {
  it('column letters', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('normalizes headers', () => {
    expect(normalizeHeader(' 销量（箱） ')).toBe('销量');
    expect(normalizeHeader('同比(%)')).toBe('同比');
    expect(normalizeHeader('库存：')).toBe('库存');
    expect(normalizeHeader('ＡＢＣ')).toBe('abc');
  });

  it('sheet width is the widest row', () => {
    expect(sheetWidth([['a'], ['a', 'b', 'c'], []])).toBe(3);
    expect(sheetWidth([])).toBe(0);
  });
});

describe('autoMatchColumns', () => {
  it('matches by label, key, unit-stripped and contained headers, each sheet column once', () => {
    const header = ['序号', '规格', '销量（箱）', '同比%', '上年同期销量', '品规', '期末库存(箱)'];
    expect(autoMatchColumns(table, header, header.length)).toEqual({
      品规: 5,
      销量: 2,
      上年同期: 4,
      库存: 6,
      方式: null,
    });
  });

  it('prefers an exact match over a partial one', () => {
    const header = ['上年同期销量', '销量', '品牌/规格'];
    expect(autoMatchColumns(table, header, 3)).toMatchObject({ 品规: 2, 销量: 1, 上年同期: 0 });
  });

  it('never maps computed columns', () => {
    expect(autoMatchColumns(table, ['同比'], 1)).not.toHaveProperty('同比');
  });

  it('without a header, maps input columns in order', () => {
    expect(autoMatchColumns(table, null, 3)).toEqual({ 品规: 0, 销量: 1, 上年同期: 2, 库存: null, 方式: null });
  });
});

describe('buildImportRows', () => {
  const sheet = [
    ['品规', '销量', '上年同期', '方式'],
    ['中华(软)', '1,286', '1,100', '实地'],
    ['', '', '', ''],
    ['玉溪', 'abc', '900', '上门'],
    ['黄鹤楼', '12.5', '', '电话'],
  ];
  const mapping = { 品规: 0, 销量: 1, 上年同期: 2, 库存: null, 方式: 3 };

  it('reads mapped cells like typed input, skipping blank rows and the header', () => {
    const result = buildImportRows(table, sheet, { hasHeader: true, mapping }, ids());
    expect(result.rows).toEqual([
      { id: 'id-1', cells: { 品规: '中华(软)', 销量: 1286, 上年同期: 1100, 方式: '实地' } },
      { id: 'id-2', cells: { 品规: '玉溪', 上年同期: 900 } },
      { id: 'id-3', cells: { 品规: '黄鹤楼', 销量: 12.5, 方式: '电话' } },
    ]);
    expect(result.rejected).toEqual([
      { rowId: 'id-2', key: '销量', text: 'abc', problem: 'number' },
      { rowId: 'id-2', key: '方式', text: '上门', problem: 'option' },
    ]);
    expect(result.blankRows).toBe(1);
  });

  it('limits rows for the preview and reads the first row as data without a header', () => {
    const preview = buildImportRows(table, sheet, { hasHeader: false, mapping: { 品规: 0 }, limit: 2 }, ids());
    expect(preview.rows.map((row) => row.cells.品规)).toEqual(['品规', '中华(软)']);
  });

  it('short rows read as blanks', () => {
    const result = buildImportRows(table, [['只有品规']], { hasHeader: false, mapping }, ids());
    expect(result.rows).toEqual([{ id: 'id-1', cells: { 品规: '只有品规' } }]);
  });
});

describe('pickSheet', () => {
  it('prefers the sheet whose header matches the table, then the longest', () => {
    const notes = { rows: [['本表为 11 月品规数据，销量单位为箱']] };
    const data = { rows: [['品规', '销量', '库存'], ['a', '1', '2']] };
    const other = { rows: [['x'], ['y'], ['z']] };
    expect(pickSheet(table, [notes, data, other])).toBe(1);
    expect(pickSheet(table, [notes, other])).toBe(1);
    expect(pickSheet(table, [])).toBe(0);
  });

  it('ignores long title rows when matching', () => {
    expect(autoMatchColumns(table, ['本表为 11 月品规数据，销量单位为箱'], 1).销量).toBeNull();
  });
});
