import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildRegisterWorkbook } from '../../electron/core/export/register';
import { buildWordDocument } from '../../electron/core/export/word';
import { tableChartData } from '../../electron/core/insight/chart';
import { renderChartImage, tableChartImages } from '../../electron/core/insight/chart-image';
import { drawChartPng } from '../../electron/core/insight/chart-png';
import { computeDashboard } from '../../electron/core/insight/dashboard';
import { dashboardSheet, dashboardSheetLabels } from '../../electron/core/export/dashboard-sheet';
import { defaultInsightSettings } from '../../electron/core/insight/schema';
import { defaultOnTimeRule } from '../../electron/core/calendar/on-time';
import { demoDataSchema } from '../../electron/core/seeds/demo-schema';
import { templateSchema, type TableDef, type Template } from '../../electron/core/common/schemas/template';
import { makeTempDir, officeTools, removeDir, runPython, writeTempFile } from '../helpers/office';

function readJson(relative: string): unknown {
  return JSON.parse(readFileSync(fileURLToPath(new URL(relative, import.meta.url)), 'utf8'));
}

const market: Template = templateSchema.parse(readJson('../../seeds/templates/market-analysis.json'));
const demo = demoDataSchema.parse(readJson('../../seeds/demo/demo.json'));
const analysis = demo.reports.find((report) => report.id === 'demo-ma-chengguan-2026-10')!;
const priceClass = market.sections.find((section) => section.id === 'price-class')!.table as TableDef;

/** Width and height from a PNG's IHDR. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('charts of data tables', () => {
  it('plots the table’s figures: categories from the label column, gaps for blanks, nothing for an empty table', () => {
    const rows = analysis.sections['price-class'];
    const data = tableChartData(priceClass, rows.type === 'table' ? rows.rows : [], '表2 分价类销售情况');
    expect(data).toMatchObject({ type: 'pie', title: '分价类销量结构', categories: ['一类', '二类', '三类', '四类', '五类'] });
    expect(data?.series.map((series) => series.key)).toEqual(['销量']);
    const trend = tableChartData(
      { ...priceClass, chart: { type: 'line', category: '价类', series: ['销量', '同比'] } },
      [
        { id: 'a', cells: { 价类: '一类', 销量: 10, 上年同期: 8 } },
        { id: 'b', cells: { 价类: '二类', 销量: '', 上年同期: 0 } },
        { id: 'c', cells: { 价类: '', 销量: 5 } },
      ],
      '表2 分价类销售情况',
    );
    expect(trend).toMatchObject({ title: '分价类销售情况', categories: ['一类'] });
    expect(trend?.series.map((series) => series.values)).toEqual([[10], [25]]);
    expect(tableChartData(priceClass, [], 'x')).toBeNull();
    expect(tableChartData(priceClass, [{ id: 'a', cells: { 价类: '一类', 销量: 0 } }], 'x')).toBeNull();
  });

  // ECharts' server renderer and resvg: well under a second alone, several seconds on a busy machine.
  it('draws an SVG with ECharts on the server and its PNG fallback, words included, without a browser', { timeout: 60_000 }, async () => {
    const data = tableChartData(priceClass, analysis.sections['price-class'].type === 'table' ? analysis.sections['price-class'].rows : [], '分价类')!;
    const image = await renderChartImage(data, 560, 300);
    const svg = new TextDecoder().decode(image.svg);
    expect(svg).toMatch(/^<svg[^>]+width="560"[^>]+height="300"/);
    expect(svg).toContain('一类');
    expect(pngSize(image.png)).toEqual({ width: 1120, height: 600 });
    // The PNG is the same chart with its words: renaming a category changes the picture.
    const renamed = await renderChartImage({ ...data, categories: data.categories.map((name, index) => (index === 0 ? '甲类卷烟' : name)) }, 560, 300);
    expect(Buffer.from(renamed.png).equals(Buffer.from(image.png))).toBe(false);
    expect(Buffer.from(drawChartPng({ ...data, categories: data.categories.map((name, index) => (index === 0 ? '甲类卷烟' : name)) }, 1120, 600)).equals(Buffer.from(drawChartPng(data, 1120, 600)))).toBe(true);
    const bars = drawChartPng({ type: 'bar', title: '', categories: ['甲', '乙'], series: [{ key: 'v', name: 'v', values: [3, -1.5], percent: true, unit: '%', decimals: 1 }] }, 400, 200);
    expect(pngSize(bars)).toEqual({ width: 400, height: 200 });
  });

  it('puts each declared chart under its table in the Word export, as SVG with a PNG fallback', { timeout: 60_000 }, async () => {
    expect(Object.keys(await tableChartImages(analysis, market))).toEqual(['key-indicators', 'price-class']);
    const bytes = await buildWordDocument({ report: analysis, template: market, layout: 'official' });
    const text = Buffer.from(bytes).toString('latin1');
    expect(text).toContain('word/media/');
    if (!officeTools.python) return;
    const dir = makeTempDir();
    try {
      const file = writeTempFile(dir, 'chart.docx', bytes);
      const found = runPython<{ media: string[]; svgBlips: number; captions: string[] }>(
        `
import json, sys, zipfile, docx
path = sys.argv[1]
with zipfile.ZipFile(path) as archive:
    media = sorted(name for name in archive.namelist() if name.startswith('word/media/'))
    xml = archive.read('word/document.xml').decode('utf-8')
document = docx.Document(path)
captions = [p.text for p in document.paragraphs if p.text in ('主要指标同比、环比变化', '分价类销量结构')]
print(json.dumps({'media': media, 'svgBlips': xml.count('svgBlip'), 'captions': captions}))
`,
        [file],
      );
      expect(found.media).toEqual(['word/media/image1.png', 'word/media/image1.svg', 'word/media/image2.png', 'word/media/image2.svg']);
      expect(found.svgBlips).toBe(2);
      expect(found.captions).toEqual(['主要指标同比、环比变化', '分价类销量结构']);
    } finally {
      removeDir(dir);
    }
  });

  it('writes the dashboard as the 台账’s 统计看板 sheet, 无数据 for rates with nothing to count', async () => {
    const view = computeDashboard({
      period: '2026-11',
      now: new Date('2026-11-27T02:00:00.000Z'),
      rule: defaultOnTimeRule,
      settings: { ...defaultInsightSettings },
      grades: ['优秀', '良好', '合格', '需改进'],
      managers: [
        { id: 'zhang', name: '张伟', unit: '城关片区' },
        { id: 'zhao', name: '赵强', unit: '城北片区' },
      ],
      templates: [{ id: 'ma', kind: 'market-analysis', cadence: 'monthly' }],
      documents: [
        {
          id: 'z1',
          templateId: 'ma',
          kind: 'market-analysis',
          authorId: 'zhang',
          authorName: '张伟',
          period: '2026-11',
          status: 'approved',
          firstSubmittedAt: '2026-11-26T01:00:00.000Z',
          grade: '优秀',
          comments: { open: 1, fixed: 0, resolved: 2 },
        },
      ],
      withCopyFlags: true,
    });
    const sheet = dashboardSheet(view, dashboardSheetLabels['zh-CN']);
    const bytes = await buildRegisterWorkbook({ documents: [], comments: [], managers: [], grades: view.grades, title: '台账', creator: '陈主任', extraSheets: [sheet] });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const added = workbook.getWorksheet('统计看板');
    expect(added).toBeDefined();
    const values = (row: number) => (added!.getRow(row).values as unknown[]).slice(1);
    const header = values(1) as string[];
    expect(header.slice(0, 3)).toEqual(['客户经理', '片区', '文稿数']);
    const column = (name: string) => header.indexOf(name);
    const zhang = values(2);
    expect([zhang[0], zhang[column('按时')], zhang[column('优良率')], zhang[column('点评已解决')], zhang[column('未达目标')] ?? '']).toEqual(['张伟', 1, 1, 2, '']);
    // Nothing due yet in November for 赵强 (the report is due 5 December) and nothing graded: no rates.
    const zhao = values(3);
    expect([zhao[0], zhao[column('文稿数')], zhao[column('按时率')], zhao[column('优良率')]]).toEqual(['赵强', 0, '无数据', '无数据']);
    expect(values(4)[0]).toBe('合计');
  });
});
