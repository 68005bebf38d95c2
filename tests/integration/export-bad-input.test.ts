/**
 * Bad input in tables (issue 11, "Bad input"): a table of 30 columns, a 200-character name, a 40-digit number,
 * an empty table and an all-numeric table each export readably — read back from the .docx XML and from the PDF
 * LibreOffice lays out (`pdftotext -raw`) — and a table that cannot be laid out is refused with a message naming
 * it, in Chinese and in English.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExcelWorkbook, buildWordDocument, englishExportLabels, WordComposer } from '../../electron/core/export';
import { fitTable, TableTooWideError } from '../../electron/core/export/table-fit';
import type { Report } from '../../electron/core/common/schemas/report';
import { isDomainError } from '../../electron/core/common/errors';
import { templateSchema, type Template } from '../../electron/core/common/schemas/template';
import { docxFilesToPdf, fontsConfPath, makeTempDir, officeTools, removeDir, runPython, writeTempFile } from '../helpers/office';
import { docxTableCells, pdfRawLines, printProblems } from '../helpers/print-check';

const LONG_NAME = '城关片区人民路与解放路交叉口东北角农贸市场二号门对面'.repeat(8).slice(0, 200);
const CODE_40 = '3411221003583411221003583411221003581234';
const NUMBER_40 = '1234567890123456789012345678901234567890';

const wideColumns = [{ key: '品规', label: '品规', type: 'text' as const }, ...Array.from({ length: 29 }, (_, index) => ({ key: `第${index + 1}周`, label: `第${index + 1}周`, type: 'decimal' as const, unit: '箱', decimals: 2 }))];

const template: Template = templateSchema.parse({
  id: 'bad-input',
  version: 1,
  name: '异常数据',
  kind: 'custom',
  cadence: 'none',
  titlePattern: '异常数据',
  metadataFields: [],
  sections: [
    { id: 'wide', title: '表1 三十列', kind: 'table', table: { columns: wideColumns } },
    { id: 'long-name', title: '表2 长名称', kind: 'table', table: { columns: [{ key: '客户名称', label: '客户名称', type: 'text' }, { key: '销量', label: '销量', type: 'integer', unit: '条' }] } },
    {
      id: 'long-number',
      title: '表3 长数字',
      kind: 'table',
      table: {
        columns: [
          { key: '许可证号', label: '许可证号', type: 'text' },
          { key: '销量', label: '销量', type: 'integer', unit: '条' },
          { key: '倍数', label: '倍数', type: 'decimal', formula: '销量 / 2' },
        ],
      },
    },
    { id: 'empty', title: '表4 空表', kind: 'table', table: { columns: [{ key: '品规', label: '品规', type: 'text' }, { key: '销量', label: '销量', type: 'integer' }] } },
    {
      id: 'numeric',
      title: '表5 全数字',
      kind: 'table',
      table: {
        totalsRow: true,
        columns: ['甲', '乙', '丙', '丁', '戊', '己'].map((key) => ({ key, label: `${key}项（箱）`, type: 'decimal' as const, decimals: 2 })),
      },
    },
  ],
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'test',
});

const report: Report = {
  id: 'bad-1',
  templateId: 'bad-input',
  templateVersion: 1,
  kind: 'custom',
  title: '异常数据',
  authorId: 'u1',
  authorName: '张伟',
  region: '城关片区',
  period: '2026-11',
  metadata: {},
  status: 'draft',
  rev: 1,
  revision: 1,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  sections: {
    wide: {
      type: 'table',
      rows: Array.from({ length: 6 }, (_, row) => ({
        id: `w${row}`,
        cells: Object.fromEntries(wideColumns.map((column, index) => [column.key, index === 0 ? ['利群(新版)', '七匹狼(软灰)', '黄山(硬一品)'][row % 3] : 1000 + row * 111.11 + index * 7.07])),
      })),
    },
    'long-name': { type: 'table', rows: [{ id: 'n1', cells: { 客户名称: LONG_NAME, 销量: 1286 } }, { id: 'n2', cells: { 客户名称: '惠民便利店', 销量: 24 } }] },
    'long-number': { type: 'table', rows: [{ id: 'l1', cells: { 许可证号: CODE_40, 销量: NUMBER_40 } }, { id: 'l2', cells: { 许可证号: '341122100358', 销量: 36 } }] },
    empty: { type: 'table', rows: [] },
    numeric: { type: 'table', rows: Array.from({ length: 4 }, (_, row) => ({ id: `x${row}`, cells: { 甲: 12876.35 + row, 乙: 9483.7, 丙: 16045.22, 丁: 763.18, 戊: 2210.05, 己: 88.4 } })) },
  },
};

/** Per table: the orientation of its section, its run sizes (pt) and its column widths (twips). */
const DUMP = String.raw`
import json, sys, zipfile
import xml.etree.ElementTree as ET
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
body = ET.fromstring(zipfile.ZipFile(sys.argv[1]).read('word/document.xml')).find(W + 'body')
tables, pending, paragraphs = [], [], []
for el in list(body):
    if el.tag == W + 'tbl':
        sizes = sorted({int(s.get(W + 'val')) / 2 for s in el.iter(W + 'sz')})
        widths = [int(g.get(W + 'w')) for g in el.find(W + 'tblGrid').findall(W + 'gridCol')]
        header = [''.join(t.text or '' for t in tc.iter(W + 't')) for tc in el.find(W + 'tr').findall(W + 'tc')]
        entry = {'header': header, 'sizes': sizes, 'widths': widths, 'orient': None}
        tables.append(entry); pending.append(entry)
    elif el.tag == W + 'p':
        paragraphs.append(''.join(t.text or '' for t in el.iter(W + 't')))
    sect = el.find(W + 'pPr/' + W + 'sectPr') if el.tag == W + 'p' else (el if el.tag == W + 'sectPr' else None)
    if sect is not None:
        orient = sect.find(W + 'pgSz').get(W + 'orient')
        for entry in pending: entry['orient'] = orient
        pending = []
print(json.dumps({'tables': tables, 'paragraphs': paragraphs}, ensure_ascii=False))
`;

interface Dump {
  tables: { header: string[]; sizes: number[]; widths: number[]; orient: string | null }[];
  paragraphs: string[];
}

const canRender = officeTools.python && officeTools.libreoffice && officeTools.poppler;

describe.skipIf(!canRender)('bad input in tables exports readably (docx XML and LibreOffice PDF)', () => {
  let dir = '';
  const dumps: Record<string, Dump> = {};
  const lines: Record<string, string[]> = {};
  const cells: Record<string, string[]> = {};

  beforeAll(async () => {
    dir = makeTempDir('reportdesk-bad-input-');
    const files: Record<string, string> = {};
    for (const layout of ['official', 'plain'] as const) {
      files[layout] = writeTempFile(dir, `${layout}.docx`, await buildWordDocument({ report, template, layout, charts: false }));
    }
    const pdfs = docxFilesToPdf(Object.values(files), join(dir, 'pdf'), fontsConfPath);
    for (const [layout, docx] of Object.entries(files)) {
      dumps[layout] = runPython<Dump>(DUMP, [docx]);
      lines[layout] = pdfRawLines(pdfs[docx]);
      cells[layout] = docxTableCells(docx);
    }
  }, 300_000);
  afterAll(() => removeDir(dir));

  it.each(['official', 'plain'])('%s: 30 columns go on landscape pages at the smallest size in parts (续表) that repeat the name column; every cell whole on one line', (layout) => {
    const parts = dumps[layout].tables.filter((table) => table.header[0] === '品规' && table.header.length > 2);
    expect(parts.length).toBeGreaterThan(1);
    // Every column once, the name column in every part.
    expect(parts.flatMap((table) => table.header.slice(1))).toEqual(wideColumns.slice(1).map((column) => `${column.label}（箱）`));
    // The full parts fill landscape pages at the smallest size; the last, narrower part may fit a portrait one.
    for (const table of parts.slice(0, -1)) {
      expect(table.orient).toBe('landscape');
      expect(table.sizes).toEqual([9]);
    }
    for (const table of parts) {
      // Never a column narrower than one character of 小五 (9 pt = 180 twips) plus its margins.
      expect(Math.min(...table.widths)).toBeGreaterThan(180);
    }
    expect(dumps[layout].paragraphs.filter((text) => text === '表1 三十列（续表）')).toHaveLength(parts.length - 1);
    // The tables of short texts stay on portrait pages.
    for (const header of ['客户名称|销量（条）', '品规|销量', '甲项（箱）|乙项（箱）|丙项（箱）|丁项（箱）|戊项（箱）|己项（箱）']) {
      expect(dumps[layout].tables.find((table) => table.header.join('|') === header)?.orient, header).toBe('portrait');
    }
    expect(printProblems(lines[layout], cells[layout], '')).toEqual([]);
  });

  it.each(['official', 'plain'])('%s: a 200-character name wraps inside its column and prints in full', (layout) => {
    const table = dumps[layout].tables.find((candidate) => candidate.header[0] === '客户名称')!;
    expect(table.widths[0]).toBeGreaterThan(table.widths[1]);
    expect(lines[layout].join('')).toContain(LONG_NAME);
    expect(lines[layout].some((line) => line.includes('1,286'))).toBe(true);
  });

  it.each(['official', 'plain'])('%s: a 40-digit code and a 40-digit number print whole, as typed (landscape when needed); what depends on the number says why', (layout) => {
    const table = dumps[layout].tables.find((candidate) => candidate.header[0] === '许可证号')!;
    expect(Math.min(...table.widths)).toBeGreaterThan(180);
    expect(lines[layout].some((line) => line.includes(CODE_40))).toBe(true);
    expect(lines[layout].some((line) => line.includes(NUMBER_40))).toBe(true);
    expect(dumps[layout].paragraphs).toContain('注：“—”表示无法计算（分母为零，或数据有误）；空白表示数据未填。');
  });

  it.each(['official', 'plain'])('%s: an empty table keeps its header and says it has no data', (layout) => {
    const empty = dumps[layout].tables.find((candidate) => candidate.header.join('|') === '品规|销量')!;
    expect(empty).toBeDefined();
    expect(dumps[layout].paragraphs).toContain('（本表无数据）');
    expect(lines[layout].join('')).toContain('（本表无数据）');
  });

  it.each(['official', 'plain'])('%s: an all-numeric table prints every figure and its 合计 whole', (layout) => {
    const numeric = dumps[layout].tables.find((candidate) => candidate.header[0] === '甲项（箱）')!;
    expect(numeric.orient).toBe('portrait');
    // The first column carries the 合计 label; 乙 sums to 4 × 9,483.70.
    for (const figure of ['12,876.35', '12,879.35', '37,934.80', '353.60']) expect(lines[layout].some((line) => line.includes(figure)), figure).toBe(true);
  });

  it('the Excel export writes the same rows: the 40-digit number as typed, — with its note for what depends on it', async () => {
    const xlsx = writeTempFile(dir, 'bad.xlsx', await buildExcelWorkbook({ report, template }));
    const sheets = runPython<Record<string, unknown[][]>>(
      String.raw`
import json, sys
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1])
print(json.dumps({ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in wb.worksheets}, ensure_ascii=False, default=str))
`,
      [xlsx],
    );
    const numbers = sheets['表3 长数字'];
    expect(numbers[1].slice(0, 2)).toEqual([CODE_40, NUMBER_40]);
    expect(numbers[1][2]).toBe('=IF(B2="","",IFERROR(B2/2,"—"))');
    expect(numbers.flat()).toContain('注：“—”表示无法计算（分母为零，或数据有误）；空白表示数据未填。');
    expect(sheets['表1 三十列'][0]).toHaveLength(30);
    expect(sheets['表4 空表']).toEqual([['品规', '销量']]);
  });
});

describe('a table that cannot be laid out is refused with its name', () => {
  const columns = Array.from({ length: 60 }, (_, index) => ({ header: `列${index + 1}`, texts: ['12,876.35'], kind: 'number' as const }));

  it('says so in Chinese by default, naming the table and its columns', () => {
    const attempt = () => fitTable(columns, { portraitWidth: 8845, landscapeWidth: 12756, sizes: [21, 18], cellPadding: () => 80, tableName: '表9 各周销量' });
    expect(attempt).toThrow(TableTooWideError);
    expect(attempt).toThrow('表格“表9 各周销量”有 60 列，横排页面用最小字号也放不下，请拆分表格');
  });

  it('says so in English with English labels, as a domain error the export job reports as is', () => {
    const composer = new WordComposer({ layout: 'official', labels: englishExportLabels });
    let caught: unknown;
    try {
      composer.textTable({ headers: columns.map((column) => column.header), rows: [columns.map(() => '12,876.35')], numericColumns: columns.map((_, index) => index) }, undefined, 'Table 9 weekly sales');
    } catch (error) {
      caught = error;
    }
    expect(isDomainError(caught)).toBe(true);
    expect((caught as Error).message).toBe('The table “Table 9 weekly sales” has 60 columns and does not fit even a landscape page at the smallest size; please split it');
  });
});
