/** Pure parts of the export module: fonts, file names, outline numbers, widths, dates, layout numbers. */
import { describe, expect, it } from 'vitest';
import {
  exportFileName,
  fontSettingsSchema,
  layoutSpec,
  mmToTwip,
  resolveFonts,
  resolveLabels,
  resolvePlainFonts,
  runFonts,
} from '../../electron/core/export';
import { chineseNumeral, displayWidth, formatDate, hasOutlineNumber, outlineNumber } from '../../electron/core/export/text';
import type { Report } from '../../electron/core/common/schemas/report';
import type { Template } from '../../electron/core/common/schemas/template';

describe('fonts', () => {
  it('writes the GB/T 9704 names by default', () => {
    expect(resolveFonts()).toEqual({
      title: '方正小标宋简体',
      body: '仿宋_GB2312',
      heading1: '黑体',
      heading2: '楷体_GB2312',
      pageNumber: '宋体',
      latin: 'Times New Roman',
    });
  });

  it('falls back to the fonts Windows ships when the user picks them, overrides win', () => {
    expect(resolveFonts({ names: 'windows' })).toMatchObject({ title: '宋体', body: '仿宋', heading2: '楷体', heading1: '黑体' });
    expect(resolveFonts({ names: 'windows', overrides: { body: 'FangSong', latin: 'Arial' } })).toMatchObject({ body: 'FangSong', latin: 'Arial' });
    expect(resolvePlainFonts({ overrides: { latin: 'Arial', body: 'ignored' } })).toMatchObject({ body: '宋体', latin: 'Arial' });
  });

  it('validates the settings', () => {
    expect(fontSettingsSchema.safeParse({ names: 'mac' }).success).toBe(false);
    expect(fontSettingsSchema.safeParse({ overrides: { body: '' } }).success).toBe(false);
    expect(fontSettingsSchema.safeParse({ overrides: { body: 'a"b' } }).success).toBe(false);
    expect(fontSettingsSchema.safeParse({ overrides: { colour: 'x' } }).success).toBe(false);
    expect(() => resolveFonts({ names: 'mac' } as never)).toThrow();
  });

  it('builds a docx run font with Latin and East Asian faces', () => {
    expect(runFonts('仿宋_GB2312', 'Times New Roman')).toEqual({
      ascii: 'Times New Roman',
      hAnsi: 'Times New Roman',
      eastAsia: '仿宋_GB2312',
      cs: 'Times New Roman',
      hint: 'eastAsia',
    });
  });
});

describe('official layout numbers', () => {
  it('converts GB/T 9704 margins to twips by rounding', () => {
    expect([37, 26, 35, 28].map(mmToTwip)).toEqual([2098, 1474, 1984, 1587]);
    const spec = layoutSpec('official');
    expect(spec.margin).toMatchObject({ top: 2098, right: 1474, bottom: 1984, left: 1587 });
    expect(spec.textWidth).toBe(8845);
    expect(spec.grid?.linePitch).toBe(579);
    // A linesAndChars grid of 28 characters: pitch 16 pt + charSpace / 4096 = 8845 / 20 / 28 ≈ 15.79 pt.
    expect(spec.grid).toMatchObject({ charactersPerLine: 28, charSpace: -842 });
    const pitch = 16 + (spec.grid?.charSpace ?? 0) / 4096;
    expect(28 * pitch * 20).toBeLessThanOrEqual(spec.textWidth);
    expect(29 * pitch * 20).toBeGreaterThan(spec.textWidth);
    // Text on the grid is scaled so that one character never needs two grid cells.
    expect((16 * (spec.characterScale ?? 100)) / 100).toBeLessThanOrEqual(pitch);
  });
});

describe('text helpers', () => {
  it('writes Chinese numerals and outline numbers', () => {
    expect([1, 2, 10, 11, 19, 20, 21, 99, 100].map(chineseNumeral)).toEqual(['一', '二', '十', '十一', '十九', '二十', '二十一', '九十九', '100']);
    expect(outlineNumber(1, 3)).toBe('三、');
    expect(outlineNumber(2, 12)).toBe('（十二）');
    expect(outlineNumber(3, 2)).toBe('2.');
    expect(outlineNumber(4, 5)).toBe('（5）');
  });

  it('recognises headings that already carry a number', () => {
    for (const numbered of ['一、总体运行情况', '十二、附件', '（三）库存', '(三)库存', '1.价格', '2、销量', '（4）品牌', '第一章 概述', '①断货']) {
      expect(hasOutlineNumber(numbered)).toBe(true);
    }
    for (const plain of ['总体运行情况', '2026年销售回顾', '1.5倍增长说明', '一类烟分析']) {
      expect(hasOutlineNumber(plain)).toBe(false);
    }
  });

  it('counts CJK characters as two columns', () => {
    expect(displayWidth('Remark')).toBe(6);
    expect(displayWidth('客户诉求')).toBe(8);
    expect(displayWidth('销量（箱）')).toBe(10);
    expect(displayWidth('ab\n客户诉求说明')).toBe(12);
  });

  it('writes dates without zero padding', () => {
    const labels = resolveLabels();
    expect(formatDate('2024-01-05', labels)).toBe('2024年1月5日');
    const local = new Date(2024, 0, 5, 9, 7);
    expect(formatDate(local.toISOString(), labels, true)).toBe('2024年1月5日 09:07');
    expect(formatDate('not a date', labels)).toBe('not a date');
  });
});

describe('export file names', () => {
  const template = { name: '市场分析报告' } as Template;
  const report = {
    region: '城关片区',
    period: '2026-10',
    authorName: '张三',
    title: '城关片区2026年10月卷烟市场分析报告',
    metadata: {},
  } as unknown as Report;

  it('joins template, territory, period and author', () => {
    expect(exportFileName(report, template, 'docx')).toBe('市场分析报告_城关片区_2026年10月_张三.docx');
    expect(exportFileName(report, template, '.xlsx')).toBe('市场分析报告_城关片区_2026年10月_张三.xlsx');
  });

  it('adds the retailer for booklets and leaves out empty parts', () => {
    const booklet = { ...report, metadata: { 店名: '便民烟酒店' }, region: '' } as Report;
    expect(exportFileName(booklet, { name: '经营指导书' } as Template, 'docx')).toBe('经营指导书_便民烟酒店_2026年10月_张三.docx');
  });

  it('removes characters Windows refuses and avoids reserved names', () => {
    const nasty = { ...report, region: 'A/B:C*?"<>|片区', authorName: ' 李四. ' } as Report;
    expect(exportFileName(nasty, { name: '周报\\草稿' } as Template, 'docx')).toBe('周报_草稿_A_B_C_片区_2026年10月_李四.docx');
    const reserved = { ...report, region: '', period: '', authorName: '', metadata: {} } as unknown as Report;
    expect(exportFileName(reserved, { name: 'CON' } as Template, 'docx')).toBe('CON_.docx');
    expect(exportFileName({ ...reserved, title: '' } as Report, { name: ' ' } as Template, 'docx')).toBe('report.docx');
  });
});
