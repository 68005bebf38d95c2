import { describe, expect, it } from 'vitest';
import { isComputed, sampleInputs, sampleValue } from '../../renderer/features/templates/draft-sample';
import { cleanOptions, type DraftTable } from '../../renderer/features/templates/draft-model';

describe('preview sample values', () => {
  it('gives numbers in turn, a percentage for percent columns and a fixed date', () => {
    expect(sampleValue({ key: 'a', label: 'A', type: 'decimal' }, 0)).toBe('120');
    expect(sampleValue({ key: 'a', label: 'A', type: 'integer' }, 1)).toBe('100');
    expect(sampleValue({ key: 'a', label: 'A', type: 'money' }, 8)).toBe('120');
    expect(sampleValue({ key: 'p', label: 'P', type: 'percent' }, 2)).toBe('7%');
    expect(sampleValue({ key: 'd', label: 'D', type: 'date' }, 0)).toBe('2026-01-15');
  });

  it('takes a text column from the first starter row, else its first option, else its label', () => {
    const column = { key: '品牌', label: '品牌名', type: 'text' as const, options: ['中华', '玉溪'] };
    expect(sampleValue(column, 0, { 品牌: '云烟' })).toBe('云烟');
    expect(sampleValue(column, 0, { 品牌: '  ' })).toBe('中华');
    expect(sampleValue({ ...column, options: undefined }, 0)).toBe('品牌名');
  });

  it('samples input columns only, counting numbers across numeric columns', () => {
    const table: DraftTable = {
      columns: [
        { uid: 'u1', key: '品牌', label: '品牌', type: 'text' },
        { uid: 'u2', key: '本期', label: '本期', type: 'decimal' },
        { uid: 'u3', key: '日期', label: '日期', type: 'date' },
        { uid: 'u4', key: '同期', label: '同期', type: 'decimal' },
        { uid: 'u5', key: '同比', label: '同比', type: 'percent', formula: '(本期 - 同期) / 同期' },
      ],
    };
    expect(sampleInputs(table)).toEqual({ u1: '品牌', u2: '120', u3: '2026-01-15', u4: '100' });
  });

  it('calls a column computed only when its formula has text', () => {
    expect(isComputed({ formula: 'a + b' })).toBe(true);
    expect(isComputed({ formula: '  ' })).toBe(false);
    expect(isComputed({})).toBe(false);
  });
});

describe('choice options', () => {
  it('trims, drops blanks and duplicates, and gives undefined when none is left', () => {
    expect(cleanOptions([' 是 ', '否', '是', ''])).toEqual(['是', '否']);
    expect(cleanOptions(['  '])).toBeUndefined();
    expect(cleanOptions(undefined)).toBeUndefined();
  });
});
