import { describe, expect, it } from 'vitest';
import { isBlock, parseTsv, toTsv } from '../../renderer/features/reports/grid/tsv';

describe('parseTsv', () => {
  it('splits rows and cells, with Windows, Unix and old Mac line ends', () => {
    expect(parseTsv('a\tb\r\nc\td\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseTsv('a\tb\nc\td')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseTsv('a\rb\r')).toEqual([['a'], ['b']]);
  });

  it('keeps empty cells and empty lines inside the block', () => {
    expect(parseTsv('a\t\tc\r\n\r\nx\t\r\n')).toEqual([['a', '', 'c'], [''], ['x', '']]);
  });

  it('reads quoted cells with line breaks, tabs and doubled quotes', () => {
    const text = '中华(软)\t"第一行\r\n第二行"\t3\r\n"他说""好""\tok"\t"x"\t\r\n';
    expect(parseTsv(text)).toEqual([
      ['中华(软)', '第一行\r\n第二行', '3'],
      ['他说"好"\tok', 'x', ''],
    ]);
  });

  it('treats a quote that does not open a quoted cell as text', () => {
    expect(parseTsv('"abc\tdef')).toEqual([['"abc', 'def']]);
    expect(parseTsv('12"\t5')).toEqual([['12"', '5']]);
    expect(parseTsv('"a"b\tc')).toEqual([['"a"b', 'c']]);
  });

  it('a single value is one cell; nothing is nothing', () => {
    expect(parseTsv('1,286')).toEqual([['1,286']]);
    expect(parseTsv('1,286\r\n')).toEqual([['1,286']]);
    expect(parseTsv('')).toEqual([]);
  });

  it('round-trips with toTsv', () => {
    const rows = [
      ['a', 'b "c"', ''],
      ['line\nbreak', 'tab\there', '1,286'],
    ];
    expect(parseTsv(toTsv(rows))).toEqual(rows);
  });
});

describe('isBlock', () => {
  it('tells a block from a single value', () => {
    expect(isBlock('1,286')).toBe(false);
    expect(isBlock('1,286\r\n')).toBe(false);
    expect(isBlock('a\tb')).toBe(true);
    expect(isBlock('a\nb')).toBe(true);
  });
});
