/**
 * Excel export read back by independent readers: openpyxl (values, formulas, formats, layout) and
 * LibreOffice Calc, which recalculates every formula on load and writes what it shows to csv.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExcelWorkbook, columnLetter, excelNumberFormat, sanitizeSheetName } from '../../electron/core/export';
import { evaluateTable, formatCell, type ComputedCell } from '../../electron/core/common/formula';
import type { Report } from '../../electron/core/common/schemas/report';
import { templateSchema, type Template } from '../../electron/core/common/schemas/template';
import { makeTempDir, officeTools, removeDir, runPython, writeTempFile, xlsxToCsvSheets } from '../helpers/office';

const LONG_TITLE = '重点品牌/规格[动销]分析:2026年*10月?全市各片区汇总明细表（含新品及省产烟）';

const template: Template = templateSchema.parse({
  id: 'market-analysis',
  version: 3,
  name: '市场分析报告',
  kind: 'market-analysis',
  cadence: 'monthly',
  titlePattern: '{{片区}}{{报告期}}卷烟市场分析报告',
  metadataFields: [
    { key: '店名', label: '店名', type: 'text' },
    { key: '填报日期', label: '填报日期', type: 'date' },
  ],
  sections: [
    { id: 'overview', title: '总体运行情况', kind: 'richtext' },
    {
      id: 'price-classes',
      title: '分价类销售情况',
      kind: 'table',
      table: {
        totalsRow: true,
        columns: [
          { key: '价类', label: '价类', type: 'text' },
          { key: '销量', label: '销量', type: 'integer', unit: '箱' },
          { key: '上年同期', label: '上年同期', type: 'integer', unit: '箱' },
          { key: '同比', label: '同比', type: 'percent', decimals: 1, formula: '(销量 - 上年同期) / 上年同期' },
          { key: '社会库存', label: '社会库存', type: 'decimal', unit: '箱', decimals: 1 },
          { key: '存销比', label: '存销比', type: 'decimal', decimals: 2, formula: '社会库存 / 销量' },
          { key: '占比', label: '占比', type: 'percent', decimals: 1, formula: '销量 / sum(销量)' },
          { key: '均价', label: '单条均价', type: 'money', unit: '元/条' },
          { key: '金额', label: '销售额', type: 'money', unit: '元', formula: '销量 * 250 * 均价' },
        ],
      },
    },
    {
      id: 'brands',
      title: LONG_TITLE,
      kind: 'table',
      table: {
        columns: [
          { key: 'Remark', label: 'Remark', type: 'text' },
          { key: '说明', label: '客户诉求说明', type: 'text' },
          { key: '动销率', label: '动销率', type: 'percent' },
        ],
      },
    },
    {
      id: 'brands-2',
      title: LONG_TITLE,
      kind: 'table',
      table: { columns: [{ key: '品规', label: '品规', type: 'text' }] },
    },
    { id: 'opinion', title: '客户意见', kind: 'fields', fields: [{ key: '意见', label: '客户意见', type: 'text' }] },
  ],
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'admin',
});

const priceRows = [
  { id: 'c1', cells: { 价类: '一类', 销量: 1200, 上年同期: 1000, 社会库存: 540, 均价: 412.5 } },
  { id: 'c2', cells: { 价类: '二类', 销量: 3456, 上年同期: 3600, 社会库存: 1500.5, 均价: 180 } },
  { id: 'c3', cells: { 价类: '三类', 销量: 800, 上年同期: 0, 社会库存: 300, 均价: null } },
  { id: 'c4', cells: { 价类: '四类', 销量: '1,286', 上年同期: null, 社会库存: 600, 均价: 95.25 } },
  { id: 'c5', cells: { 价类: '五类', 销量: 0, 上年同期: 10, 社会库存: 50, 均价: 60 } },
];

const report: Report = {
  id: 'r-2026-10',
  templateId: 'market-analysis',
  templateVersion: 3,
  kind: 'market-analysis',
  title: '城关片区2026年10月卷烟市场分析报告',
  authorId: 'u1',
  authorName: '张三',
  region: '城关片区',
  period: '2026-10',
  metadata: { 店名: '城关便民烟酒店', 填报日期: '2026-11-05' },
  status: 'submitted',
  rev: 4,
  revision: 1,
  createdAt: '2026-10-28T04:00:00.000Z',
  updatedAt: '2026-11-01T04:00:00.000Z',
  sections: {
    'price-classes': { type: 'table', rows: priceRows },
    brands: { type: 'table', rows: [{ id: 'b1', cells: { Remark: null, 说明: null, 动销率: 0.875 } }] },
    opinion: { type: 'fields', values: { 意见: '希望增加紧俏品规投放' } },
  },
};

interface SheetDump {
  title: string;
  freeze: string | null;
  cells: { coordinate: string; value: unknown; cached: unknown; format: string }[][];
  widths: Record<string, number>;
  orientation: string | null;
  paperSize: number | null;
  fitToPage: boolean;
  fitToWidth: number | null;
  fitToHeight: number | null;
  printTitleRows: string | null;
}

const DUMP_XLSX = String.raw`
import json, sys
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

path = sys.argv[1]
wb = load_workbook(path)
cached = load_workbook(path, data_only=True)
out = []
for ws in wb.worksheets:
    wc = cached[ws.title]
    cells = []
    for row in ws.iter_rows():
        cells.append([{'coordinate': c.coordinate, 'value': c.value, 'cached': wc[c.coordinate].value, 'format': c.number_format} for c in row])
    widths = {}
    for i in range(1, ws.max_column + 1):
        letter = get_column_letter(i)
        widths[letter] = ws.column_dimensions[letter].width
    ps = ws.page_setup
    out.append({
        'title': ws.title,
        'freeze': ws.freeze_panes,
        'cells': cells,
        'widths': widths,
        'orientation': ps.orientation,
        'paperSize': int(ps.paperSize) if ps.paperSize is not None else None,
        'fitToPage': bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
        'fitToWidth': int(ps.fitToWidth) if ps.fitToWidth is not None else None,
        'fitToHeight': int(ps.fitToHeight) if ps.fitToHeight is not None else None,
        'printTitleRows': ws.print_title_rows,
    })
print(json.dumps(out, ensure_ascii=False, default=str))
`;

const canRead = officeTools.python;
const canRecalculate = officeTools.libreoffice;
if (!canRead) console.warn('python3 with openpyxl is missing: Excel export reader tests are skipped');

const priceTable = template.sections[1].table!;

describe('sheet names and number formats', () => {
  it('sanitises sheet names: forbidden characters, 31 characters, unique, not History', () => {
    const taken = new Set<string>(['基本信息']);
    const first = sanitizeSheetName(LONG_TITLE, taken);
    expect(first).toBe('重点品牌规格动销分析2026年10月全市各片区汇总明细表（含新');
    expect(Array.from(first)).toHaveLength(31);
    const second = sanitizeSheetName(LONG_TITLE, taken);
    expect(second).toBe('重点品牌规格动销分析2026年10月全市各片区汇总明细表(2)');
    expect(Array.from(second).length).toBeLessThanOrEqual(31);
    expect(sanitizeSheetName('基本信息', taken)).toBe('基本信息(2)');
    expect(sanitizeSheetName("'History'", taken)).toBe('表格');
    expect(sanitizeSheetName('[]:*?/\\', taken)).toBe('表格(2)');
  });

  it('maps column types to Excel number formats', () => {
    const byKey = Object.fromEntries(priceTable.columns.map((column) => [column.key, excelNumberFormat(column)]));
    expect(byKey).toEqual({
      价类: undefined,
      销量: '#,##0',
      上年同期: '#,##0',
      同比: '0.0%',
      社会库存: '#,##0.0',
      存销比: '#,##0.00',
      占比: '0.0%',
      均价: '#,##0.00',
      金额: '#,##0.00',
    });
    expect(excelNumberFormat({ key: 'p', label: 'p', type: 'percent', decimals: 0 })).toBe('0%');
    expect([0, 25, 26, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
  });
});

describe.skipIf(!canRead)('Excel export read back by openpyxl and LibreOffice Calc', () => {
  let dir: string;
  let xlsxPath: string;
  let sheets: SheetDump[];
  const sheet = (title: string): SheetDump => {
    const found = sheets.find((candidate) => candidate.title === title);
    if (!found) throw new Error(`no sheet ${title}: ${sheets.map((candidate) => candidate.title).join(', ')}`);
    return found;
  };
  const evaluated = evaluateTable(priceTable, priceRows);

  beforeAll(async () => {
    dir = makeTempDir();
    const bytes = await buildExcelWorkbook({ report, template });
    expect(bytes).toBeInstanceOf(Uint8Array);
    xlsxPath = writeTempFile(dir, 'report.xlsx', bytes);
    sheets = runPython<SheetDump[]>(DUMP_XLSX, [xlsxPath]);
  }, 60_000);
  afterAll(() => removeDir(dir));

  it('has a 基本信息 sheet and one sheet per data table with sanitised, unique names', () => {
    expect(sheets.map((candidate) => candidate.title)).toEqual([
      '基本信息',
      '分价类销售情况',
      '重点品牌规格动销分析2026年10月全市各片区汇总明细表（含新',
      '重点品牌规格动销分析2026年10月全市各片区汇总明细表(2)',
    ]);
  });

  it('writes title, template, author, territory, period, status and metadata on 基本信息', () => {
    const info = sheet('基本信息');
    const rows = info.cells.map((row) => row.map((cell) => cell.value));
    expect(rows[0]).toEqual(['项目', '内容']);
    const byLabel = Object.fromEntries(rows.slice(1).map(([label, value]) => [label, value]));
    expect(byLabel).toMatchObject({
      标题: '城关片区2026年10月卷烟市场分析报告',
      模板: '市场分析报告（第3版）',
      客户经理: '张三',
      片区: '城关片区',
      报告期: '2026年10月',
      状态: '已提交',
      店名: '城关便民烟酒店',
      填报日期: '2026年11月5日',
      '客户意见·客户意见': '希望增加紧俏品规投放',
    });
    expect(info.freeze).toBe('A2');
  });

  it('writes a frozen header row with units and CJK-aware column widths', () => {
    const prices = sheet('分价类销售情况');
    expect(prices.freeze).toBe('A2');
    expect(prices.cells[0].map((cell) => cell.value)).toEqual([
      '价类',
      '销量（箱）',
      '上年同期（箱）',
      '同比',
      '社会库存（箱）',
      '存销比',
      '占比',
      '单条均价（元/条）',
      '销售额（元）',
    ]);
    for (const width of Object.values(prices.widths)) expect(width).toBeGreaterThan(0);
    // 单条均价（元/条）: 6 CJK characters and 3 narrow ones, 15 columns wide, plus padding.
    expect(prices.widths.H).toBeGreaterThanOrEqual(15);
    const brands = sheet('重点品牌规格动销分析2026年10月全市各片区汇总明细表（含新');
    // Same number of characters, but 客户诉求说明 is CJK and twice as wide as Remark.
    expect(brands.widths.B).toBeGreaterThan(brands.widths.A);
    expect(brands.widths.B).toBeGreaterThanOrEqual(12);
  });

  it('writes inputs as numbers, computed columns as live formulas with the app value cached, and SUM totals', () => {
    const prices = sheet('分价类销售情况');
    const row2 = prices.cells[1];
    expect(row2[1].value).toBe(1200);
    expect(prices.cells[4][1].value).toBe(1286); // '1,286' typed by the writer is stored as a number
    expect(prices.cells[4][2].value).toBeNull();
    for (const index of [3, 5, 6, 8]) {
      for (const row of prices.cells.slice(1, 7)) expect(String(row[index].value)).toMatch(/^=/);
    }
    // A zero denominator shows — as in Word (a blank input gives "" through the blank test).
    expect(row2[5].value).toBe('=IF(OR(E2="",B2=""),"",IFERROR(E2/B2,"—"))');
    expect(row2[6].value).toBe('=IF(B2="","",IFERROR(B2/SUM(B$2:B$6),"—"))');
    // Cached results are the app's values.
    evaluated.rows.forEach((row, index) => {
      for (const key of ['同比', '存销比', '占比', '金额']) {
        const columnIndex = priceTable.columns.findIndex((column) => column.key === key);
        const expected = row.cells[key].value;
        const cached = prices.cells[index + 1][columnIndex].cached;
        if (typeof expected === 'number') expect(cached).toBeCloseTo(expected, 9);
        else if (row.cells[key].marker && row.cells[key].marker !== 'empty') expect(cached).toBe('—');
        else expect(cached === null || cached === '').toBe(true);
      }
    });
    const totals = prices.cells[6].map((cell) => cell.value);
    expect(totals[0]).toBe('合计');
    expect(totals[1]).toBe('=SUM(B2:B6)');
    expect(totals[2]).toBe('=SUM(C2:C6)');
    expect(String(totals[3])).toMatch(/^=IF\(/); // 同比 of the totals, as the app computes it
    expect(totals[4]).toBe('=SUM(E2:E6)');
    expect(totals[6]).toMatch(/^=IF\(/);
    expect(totals[7]).toBeNull(); // 元/条 is not additive
    expect(totals[8]).toBe('=SUM(I2:I6)'); // 销售额 needs 单条均价, which has no total: summed instead
    expect(prices.cells[6][1].cached).toBe(evaluated.totals['销量'].value);
  });

  it('sets number formats per column type', () => {
    const formats = sheet('分价类销售情况').cells[1].map((cell) => cell.format);
    expect(formats).toEqual(['General', '#,##0', '#,##0', '0.0%', '#,##0.0', '#,##0.00', '0.0%', '#,##0.00', '#,##0.00']);
  });

  it('sets up printing: A4, landscape beyond 6 columns, fit to one page wide, header row repeated', () => {
    const prices = sheet('分价类销售情况');
    expect(prices.paperSize).toBe(9);
    expect(prices.orientation).toBe('landscape');
    expect(prices.fitToPage).toBe(true);
    expect(prices.fitToWidth).toBe(1);
    expect(prices.fitToHeight).toBe(0);
    expect(prices.printTitleRows).toMatch(/^\$?1:\$?1$/);
    expect(sheet('重点品牌规格动销分析2026年10月全市各片区汇总明细表（含新').orientation).toBe('portrait');
  });

  it('writes no formula for a column the app cannot compute (a cycle), only for the sound ones', async () => {
    const cyclic: Template = {
      ...template,
      sections: [
        {
          ...template.sections[1],
          title: '循环公式',
          table: {
            columns: [
              { key: '甲', label: '甲', type: 'integer' },
              { key: '乙', label: '乙', type: 'integer', formula: '丙 + 1' },
              { key: '丙', label: '丙', type: 'integer', formula: '乙 + 1' },
              { key: '丁', label: '丁', type: 'integer', formula: '甲 * 2' },
            ],
          },
        },
      ],
    };
    const withRows: Report = { ...report, sections: { 'price-classes': { type: 'table', rows: [{ id: 'x', cells: { 甲: 3 } }] } } };
    const bytes = await buildExcelWorkbook({ report: withRows, template: cyclic });
    const [, cycle] = runPython<SheetDump[]>(DUMP_XLSX, [writeTempFile(dir, 'cyclic.xlsx', bytes)]);
    // The app cannot compute the cycle either: both show —, with the note under the table.
    expect(cycle.cells[1].map((cell) => cell.value)).toEqual([3, '—', '—', '=IF(A2="","",A2*2)']);
    expect(cycle.cells[3][0].value).toBe('注：“—”表示无法计算（分母为零，或数据有误）；空白表示数据未填。');
    expect(cycle.cells[1][3].cached).toBe(6);
  });

  it.skipIf(!canRecalculate)(
    'LibreOffice Calc recalculates the formulas to what the app shows',
    () => {
      const csv = xlsxToCsvSheets(xlsxPath, join(dir, 'csv'));
      const prices = csv['分价类销售情况'];
      expect(prices).toBeDefined();
      // What the app shows, cell by cell: a blank input leaves the cell empty, a zero denominator shows — (as in Word).
      const shown = (cells: Record<string, ComputedCell>) =>
        priceTable.columns.map((column) => {
          const marker = cells[column.key].marker;
          return marker === 'empty' ? '' : marker ? '—' : formatCell(column, cells[column.key]);
        });
      const expected = evaluated.rows.map((row) => shown(row.cells));
      const totals = shown(evaluated.totals);
      totals[0] = '合计';
      expect(prices.slice(1, 6)).toEqual(expected);
      expect(prices[6]).toEqual(totals);
      // Spot checks against hand arithmetic.
      expect(prices[1][3]).toBe('20.0%');
      expect(prices[3][3]).toBe('—');
      expect(prices[8][0]).toBe('注：“—”表示无法计算（分母为零，或数据有误）；空白表示数据未填。');
      expect(prices[2][5]).toBe('0.43');
      expect(prices[6][5]).toBe((2990.5 / 6742).toFixed(2));
      expect(prices[1][8]).toBe('123,750,000.00');
      expect(csv['基本信息'][1]).toEqual(['标题', '城关片区2026年10月卷烟市场分析报告']);
    },
    120_000,
  );
});
