/**
 * Word export read back by independent readers: python-docx (and the raw XML parts through Python's
 * zipfile), LibreOffice (docx → PDF) and poppler's pdftotext.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildWordDocument,
  englishExportLabels,
  type ExportComment,
  type ReviewSummary,
} from '../../electron/core/export';
import { fastAttributes } from '../../electron/core/export/docx-attributes';
import { readZip } from '../../electron/core/exchange/zip';
import type { Report, RichNode } from '../../electron/core/common/schemas/report';
import { templateSchema, type Template } from '../../electron/core/common/schemas/template';
import {
  docxToPdf,
  fontsConfPath,
  makeTempDir,
  officeTools,
  pdfPageCount,
  pdfToPng,
  pdfToText,
  removeDir,
  runPython,
  writeTempFile,
} from '../helpers/office';

const template: Template = templateSchema.parse({
  id: 'market-analysis',
  version: 3,
  name: '市场分析报告',
  kind: 'market-analysis',
  cadence: 'monthly',
  titlePattern: '{{片区}}{{报告期}}卷烟市场分析报告',
  metadataFields: [
    { key: '许可证号', label: '许可证号', type: 'text' },
    { key: '店名', label: '店名', type: 'text' },
    { key: '档位', label: '档位', type: 'select', options: ['一档', '二档'] },
    { key: '填报日期', label: '填报日期', type: 'date' },
  ],
  sections: [
    { id: 'overview', title: '总体运行情况', kind: 'richtext', analysis: true },
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
          { key: '社会库存', label: '社会库存', type: 'integer', unit: '箱' },
          { key: '存销比', label: '存销比', type: 'decimal', decimals: 2, formula: '社会库存 / 销量' },
        ],
      },
    },
    {
      id: 'brands',
      title: '重点品规动销',
      kind: 'table',
      table: { columns: [{ key: '品规', label: '品牌/规格', type: 'text' }, { key: '动销率', label: '动销率', type: 'percent' }] },
    },
    {
      id: 'opinion',
      title: '客户意见',
      kind: 'fields',
      fields: [
        { key: '意见', label: '客户意见', type: 'text' },
        { key: '签字日期', label: '签字日期', type: 'date' },
      ],
    },
    { id: 'problems', title: '存在的主要问题', kind: 'richtext' },
    { id: 'next', title: '下阶段工作措施', kind: 'richtext' },
  ],
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'admin',
});

const text = (value: string, marks: string[] = []): RichNode => ({
  type: 'text',
  text: value,
  ...(marks.length ? { marks: marks.map((type) => ({ type })) } : {}),
});
const para = (...content: RichNode[]): RichNode => ({ type: 'paragraph', content });
const heading = (level: number, value: string): RichNode => ({ type: 'heading', attrs: { level }, content: [text(value)] });
const item = (value: string, nested?: RichNode): RichNode => ({ type: 'listItem', content: [para(text(value)), ...(nested ? [nested] : [])] });

/** 70 CJK characters without punctuation: line breaking depends only on the character pitch. */
const LONG_PARAGRAPH = '卷烟市场总体平稳运行销量结构持续优化'.repeat(4);

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
  metadata: { 许可证号: '430102100001', 店名: '城关便民烟酒店', 档位: '一档', 填报日期: '2026-11-05' },
  status: 'submitted',
  rev: 4,
  revision: 1,
  createdAt: '2026-10-28T09:00:00.000Z',
  updatedAt: '2026-11-01T09:00:00.000Z',
  sections: {
    overview: {
      type: 'richtext',
      doc: {
        type: 'doc',
        content: [
          para(text('本月全片区销售卷烟'), text('1,286箱', ['bold']), text('，同比增长'), text('3.2%', ['italic']), text('，单条均价'), text('稳中有升', ['underline']), text('。')),
          para(text(LONG_PARAGRAPH)),
          heading(2, '价格'),
          para(text('价格指数保持在合理区间。'), { type: 'hardBreak' }, text('第二行说明。')),
          heading(3, '高端烟'),
          para(text('高端烟价格坚挺。')),
          heading(4, '软中华'),
          para(text('软中华批零差价稳定。')),
          heading(2, '二、销量'),
          para(text('销量与计划进度基本同步。')),
        ],
      },
    },
    'price-classes': {
      type: 'table',
      rows: [
        { id: 'c1', cells: { 价类: '一类', 销量: 1200, 上年同期: 1000, 社会库存: 540 } },
        { id: 'c2', cells: { 价类: '二类', 销量: 3456, 上年同期: 3600, 社会库存: 1500 } },
        { id: 'c3', cells: { 价类: '三类', 销量: 800, 上年同期: 0, 社会库存: 300 } },
        { id: 'c4', cells: { 价类: '四类', 销量: '1,286', 上年同期: null, 社会库存: 600 } },
      ],
    },
    opinion: { type: 'fields', values: { 意见: '希望增加紧俏品规投放', 签字日期: '2026-11-03' } },
    problems: {
      type: 'richtext',
      doc: {
        type: 'doc',
        content: [
          {
            type: 'orderedList',
            attrs: { start: 1 },
            content: [item('部分品规断货', { type: 'bulletList', content: [item('中华（软）断货三天')] }), item('价格监测不到位')],
          },
          { type: 'bulletList', content: [item('零售户反映到货不及时')] },
        ],
      },
    },
  },
};

const comments: ExportComment[] = [
  {
    id: 'k1',
    sectionId: 'overview',
    // Spans a plain run and the bold run: the exporter must split both.
    anchor: { kind: 'text', quote: '卷烟1,286' },
    author: '李主任',
    initials: 'LZR',
    date: '2026-11-02T04:00:00.000Z',
    kindLabel: '表扬',
    text: '数据翔实，分析到位。',
    replies: [{ author: '张三', date: '2026-11-03T04:00:00.000Z', text: '谢谢主任，继续努力。' }],
    statusLabel: '已读',
  },
  {
    id: 'k2',
    sectionId: 'price-classes',
    anchor: { kind: 'cell', rowId: 'c3', columnKey: '同比' },
    author: '王经理',
    date: '2026-11-02T05:00:00.000Z',
    kindLabel: '问题',
    text: '上年同期为0，同比无法计算，请说明原因。',
    replies: [],
    statusLabel: '待整改',
  },
  {
    id: 'k3',
    sectionId: 'problems',
    anchor: { kind: 'section' },
    author: '李主任',
    date: '2026-11-02T06:00:00.000Z',
    kindLabel: '建议',
    text: '问题要写原因。',
    replies: [],
  },
  {
    id: 'k4',
    sectionId: 'overview',
    anchor: { kind: 'document' },
    author: '李主任',
    date: '2026-11-02T07:00:00.000Z',
    kindLabel: '备注',
    text: '整体良好。',
    replies: [],
  },
  {
    id: 'k5',
    sectionId: 'overview',
    anchor: { kind: 'text', quote: '这段文字已被作者删除' },
    author: '王经理',
    date: '2026-11-02T08:00:00.000Z',
    kindLabel: '问题',
    text: '原文已改动。',
    replies: [],
  },
  {
    id: 'k6',
    sectionId: 'overview',
    // 价格 occurs several times; the remembered context picks the one after 高端烟.
    anchor: { kind: 'text', quote: '价格', prefix: '…价格稳定。高端烟', suffix: '坚挺。' },
    author: '王经理',
    date: '2026-11-02T09:00:00.000Z',
    kindLabel: '建议',
    text: '补充价格数据。',
    replies: [],
  },
];

const reviewSummary: ReviewSummary = {
  grade: '良好',
  reason: '数据完整，分析有一定深度。',
  meetingFlag: '会上表扬',
  overall: '继续保持。',
  reviewer: '李主任',
  reviewedAt: '2026-11-04T04:00:00.000Z',
};

/** Everything the tests read from a .docx, gathered by python-docx and the raw XML parts. */
interface DocxDump {
  paragraphs: {
    text: string;
    style: string;
    alignment: string | null;
    firstLinePt: number | null;
    numbered: boolean;
    runs: { text: string; eastAsia: string | null; ascii: string | null; sizePt: number | null; bold: boolean | null; italic: boolean | null; underline: boolean }[];
  }[];
  tables: { rows: { header: boolean; cells: string[] }[]; sizes: number[]; fonts: string[] }[];
  section: { topMm: number; bottomMm: number; leftMm: number; rightMm: number; widthMm: number; heightMm: number; grid: Record<string, string> | null };
  oddEvenFooters: boolean;
  footers: { default: { text: string; alignment: string | null; fields: string[]; eastAsia: string[] }; even: { text: string; alignment: string | null; fields: string[] } | null };
  comments: { id: string; author: string; initials: string; date: string; paragraphs: string[] }[];
  ranges: Record<string, string>;
  rangeParagraphs: Record<string, string>;
  runsWithoutEastAsia: number;
  runsTotal: number;
  pageBreakBefore: string[];
}

const DUMP_DOCX = String.raw`
import json, sys, zipfile
import xml.etree.ElementTree as ET
from docx import Document
from docx.oxml.ns import qn

path = sys.argv[1]
doc = Document(path)
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'

def fonts_of(r_el):
    rpr = r_el.find(W + 'rPr')
    f = rpr.find(W + 'rFonts') if rpr is not None else None
    if f is None:
        return None, None
    return f.get(W + 'eastAsia'), f.get(W + 'ascii')

def run_info(run):
    east, ascii_font = fonts_of(run._element)
    return {'text': run.text, 'eastAsia': east, 'ascii': ascii_font,
            'sizePt': run.font.size.pt if run.font.size is not None else None,
            'bold': run.bold, 'italic': run.italic, 'underline': bool(run.underline)}

def para_info(p):
    ppr = p._p.pPr
    fli = p.paragraph_format.first_line_indent
    return {'text': p.text, 'style': p.style.name,
            'alignment': str(p.alignment) if p.alignment is not None else None,
            'firstLinePt': fli.pt if fli is not None else None,
            'numbered': ppr is not None and ppr.numPr is not None,
            'runs': [run_info(r) for r in p.runs]}

tables = []
for t in doc.tables:
    rows = []
    sizes, fonts = set(), set()
    for tr in t.rows:
        trpr = tr._tr.trPr
        flag = trpr.find(qn('w:tblHeader')) if trpr is not None else None
        rows.append({'header': flag is not None and flag.get(qn('w:val')) not in ('0', 'false'),
                     'cells': [c.text for c in tr.cells]})
        for c in tr.cells:
            for p in c.paragraphs:
                for r in p.runs:
                    if r.font.size is not None: sizes.add(r.font.size.pt)
                    east, _ = fonts_of(r._element)
                    if east: fonts.add(east)
    tables.append({'rows': rows, 'sizes': sorted(sizes), 'fonts': sorted(fonts)})

sec = doc.sections[0]
sect_pr = sec._sectPr
grid = sect_pr.find(W + 'docGrid')

def footer_info(footer):
    xml = footer._element
    fields = [el.text.strip() for el in xml.iter(W + 'instrText') if el.text]
    paras = footer.paragraphs
    east = sorted({fonts_of(r)[0] for r in xml.iter(W + 'r') if fonts_of(r)[0]})
    return {'text': ''.join(p.text for p in paras), 'alignment': str(paras[0].alignment) if paras and paras[0].alignment is not None else None,
            'fields': fields, 'eastAsia': east}

z = zipfile.ZipFile(path)
comments = []
if 'word/comments.xml' in z.namelist():
    root = ET.fromstring(z.read('word/comments.xml'))
    for c in root.findall(W + 'comment'):
        comments.append({'id': c.get(W + 'id'), 'author': c.get(W + 'author'), 'initials': c.get(W + 'initials'),
                         'date': c.get(W + 'date'),
                         'paragraphs': [''.join(t.text or '' for t in p.iter(W + 't')) for p in c.findall(W + 'p')]})

body = ET.fromstring(z.read('word/document.xml')).find(W + 'body')
open_ids, ranges = [], {}
for el in body.iter():
    if el.tag == W + 'commentRangeStart':
        open_ids.append(el.get(W + 'id')); ranges.setdefault(el.get(W + 'id'), '')
    elif el.tag == W + 'commentRangeEnd':
        open_ids.remove(el.get(W + 'id'))
    elif el.tag == W + 't':
        for i in open_ids: ranges[i] += el.text or ''

range_paragraphs = {}
for p in body.iter(W + 'p'):
    for start in p.iter(W + 'commentRangeStart'):
        range_paragraphs[start.get(W + 'id')] = ''.join(t.text or '' for t in p.iter(W + 't'))

runs_total, runs_missing = 0, 0
for part in [n for n in z.namelist() if n.startswith('word/') and n.endswith('.xml') and ('document' in n or 'footer' in n or 'comments' in n)]:
    root = ET.fromstring(z.read(part))
    for r in root.iter(W + 'r'):
        if r.find(W + 't') is None and r.find(W + 'instrText') is None:
            continue
        runs_total += 1
        east, _ = fonts_of(r)
        if not east: runs_missing += 1

page_breaks = [p.text for p in doc.paragraphs if p._p.pPr is not None and p._p.pPr.find(qn('w:pageBreakBefore')) is not None]

print(json.dumps({
    'paragraphs': [para_info(p) for p in doc.paragraphs],
    'tables': tables,
    'section': {'topMm': sec.top_margin.mm, 'bottomMm': sec.bottom_margin.mm, 'leftMm': sec.left_margin.mm,
                'rightMm': sec.right_margin.mm, 'widthMm': sec.page_width.mm, 'heightMm': sec.page_height.mm,
                'grid': {k.replace(W, ''): v for k, v in grid.attrib.items()} if grid is not None else None},
    'oddEvenFooters': doc.settings.odd_and_even_pages_header_footer,
    'footers': {'default': footer_info(sec.footer),
                'even': footer_info(sec.even_page_footer) if doc.settings.odd_and_even_pages_header_footer else None},
    'comments': comments,
    'ranges': ranges,
    'rangeParagraphs': range_paragraphs,
    'runsWithoutEastAsia': runs_missing,
    'runsTotal': runs_total,
    'pageBreakBefore': page_breaks,
}, ensure_ascii=False))
`;

const canRead = officeTools.python;
const canRender = officeTools.python && officeTools.libreoffice && officeTools.poppler;
if (!canRead) console.warn('python3 with python-docx is missing: Word export reader tests are skipped');

describe.skipIf(!canRead)('Word export, official layout (GB/T 9704), read back by python-docx', () => {
  let dir: string;
  let docxPath: string;
  let dump: DocxDump;
  const paragraph = (start: string) => {
    const found = dump.paragraphs.find((candidate) => candidate.text.startsWith(start));
    if (!found) throw new Error(`no paragraph starting with ${start}: ${dump.paragraphs.map((p) => p.text).join(' | ')}`);
    return found;
  };

  beforeAll(async () => {
    dir = makeTempDir();
    const bytes = await buildWordDocument({
      report,
      template,
      layout: 'official',
      comments,
      reviewSummary,
      includeReviewAppendix: true,
    });
    expect(bytes).toBeInstanceOf(Uint8Array);
    docxPath = writeTempFile(dir, 'official.docx', bytes);
    dump = runPython<DocxDump>(DUMP_DOCX, [docxPath]);
  }, 60_000);
  afterAll(() => removeDir(dir));

  it('writes the same XML with docx’s own attribute serialisation as with the faster one', async () => {
    const parts = async () => {
      const bytes = await buildWordDocument({ report, template, layout: 'official', comments, reviewSummary, includeReviewAppendix: true });
      // core.xml carries the time of the export; every part of the document itself must match.
      return readZip(bytes).filter((entry) => entry.name.startsWith('word/'));
    };
    fastAttributes(false);
    const slow = await parts().finally(() => fastAttributes(true));
    const fast = await parts();
    expect(fast.map((entry) => entry.name)).toEqual(slow.map((entry) => entry.name));
    expect(fast.map((entry) => entry.name)).toContain('word/comments.xml');
    fast.forEach((entry, index) => expect(Buffer.from(entry.data).equals(Buffer.from(slow[index].data)), entry.name).toBe(true));
  });

  it('writes the title centred in 2号 (22 pt) 方正小标宋简体', () => {
    const title = dump.paragraphs[0];
    expect(title.text).toBe('城关片区2026年10月卷烟市场分析报告');
    expect(title.alignment).toMatch(/CENTER/);
    for (const run of title.runs) {
      expect(run.sizePt).toBe(22);
      expect(run.eastAsia).toBe('方正小标宋简体');
      expect(run.ascii).toBe('Times New Roman');
    }
  });

  it('writes the metadata block with dates the Chinese way', () => {
    expect(paragraph('报告期').text).toBe('报告期：2026年10月');
    expect(paragraph('片区').text).toBe('片区：城关片区');
    expect(paragraph('客户经理').text).toBe('客户经理：张三');
    expect(paragraph('店名').text).toBe('店名：城关便民烟酒店');
    expect(paragraph('填报日期').text).toBe('填报日期：2026年11月5日');
  });

  it('numbers section headings 一、二、… in 黑体 and sub-headings （一） 1. （1） without doubling numbers', () => {
    const headings = dump.paragraphs.filter((candidate) => candidate.style === 'Heading 1').map((candidate) => candidate.text);
    expect(headings).toEqual([
      '一、总体运行情况',
      '二、分价类销售情况',
      '三、重点品规动销',
      '四、客户意见',
      '五、存在的主要问题',
      '六、下阶段工作措施',
      '审阅记录',
    ]);
    expect(paragraph('一、总体运行情况').runs.every((run) => run.eastAsia === '黑体' && run.sizePt === 16)).toBe(true);
    const sub = paragraph('（一）价格');
    expect(sub.style).toBe('Heading 2');
    expect(sub.runs.every((run) => run.eastAsia === '楷体_GB2312' && run.sizePt === 16)).toBe(true);
    expect(paragraph('1.高端烟').runs.every((run) => run.eastAsia === '仿宋_GB2312')).toBe(true);
    expect(paragraph('（1）软中华').runs.every((run) => run.eastAsia === '仿宋_GB2312')).toBe(true);
    // Already numbered by the writer: kept as is, and not numbered again.
    expect(dump.paragraphs.some((candidate) => candidate.text === '二、销量')).toBe(true);
    expect(dump.paragraphs.some((candidate) => candidate.text.includes('（二）二、销量'))).toBe(false);
  });

  it('writes body text in 3号 (16 pt) 仿宋 with a two-character first-line indent and keeps bold/italic/underline', () => {
    const body = paragraph('本月全片区销售卷烟');
    // Two characters of the 28-a-line grid (2 × 15.79 pt), a point short so no program rounds it to three.
    expect(body.firstLinePt).toBeGreaterThan(30);
    expect(body.firstLinePt).toBeLessThanOrEqual(31.6);
    for (const run of body.runs) {
      expect(run.sizePt).toBe(16);
      expect(run.eastAsia).toBe('仿宋_GB2312');
      expect(run.ascii).toBe('Times New Roman');
    }
    expect(body.runs.filter((run) => run.bold).map((run) => run.text).join('')).toBe('1,286箱');
    expect(body.runs.find((run) => run.text === '3.2%')?.italic).toBe(true);
    expect(body.runs.find((run) => run.text === '稳中有升')?.underline).toBe(true);
    expect(paragraph('价格指数').text).toBe('价格指数保持在合理区间。\n第二行说明。');
  });

  it('sets an East Asian font on every run of the document, footers and comments', () => {
    expect(dump.runsTotal).toBeGreaterThan(50);
    expect(dump.runsWithoutEastAsia).toBe(0);
  });

  it('writes lists as literal 1. （1） prefixes, not Word numbering', () => {
    expect(paragraph('1.部分品规断货')).toBeDefined();
    expect(paragraph('◦ 中华（软）断货三天')).toBeDefined();
    expect(paragraph('2.价格监测不到位')).toBeDefined();
    expect(paragraph('• 零售户反映到货不及时')).toBeDefined();
    expect(dump.paragraphs.some((candidate) => candidate.numbered)).toBe(false);
  });

  it('sets A4 paper, GB/T 9704 margins (37/35/28/26 mm) and a 22-line grid', () => {
    const { section } = dump;
    expect(section.widthMm).toBeCloseTo(210, 0);
    expect(section.heightMm).toBeCloseTo(297, 0);
    expect(Math.abs(section.topMm - 37)).toBeLessThan(0.5);
    expect(Math.abs(section.bottomMm - 35)).toBeLessThan(0.5);
    expect(Math.abs(section.leftMm - 28)).toBeLessThan(0.5);
    expect(Math.abs(section.rightMm - 26)).toBeLessThan(0.5);
    // Word's 公文 grid: lines and characters, 28 characters a line (16 pt + charSpace / 4096 pt ≈ 15.79 pt).
    expect(section.grid?.type).toBe('linesAndChars');
    const pitch = 16 + Number(section.grid?.charSpace) / 4096;
    expect(Math.floor((section.widthMm - section.leftMm - section.rightMm) / 25.4 * 72 / pitch)).toBe(28);
    expect(Number(section.grid?.linePitch)).toBeGreaterThanOrEqual(578);
    expect(Number(section.grid?.linePitch)).toBeLessThanOrEqual(580);
  });

  it('writes data tables with a repeating header, computed values, — and its note for a zero denominator, blank for a blank input, and a 合计 row', () => {
    const table = dump.tables[0];
    expect(table.rows[0].header).toBe(true);
    expect(table.rows.slice(1).some((row) => row.header)).toBe(false);
    expect(table.rows.map((row) => row.cells)).toEqual([
      ['价类', '销量（箱）', '上年同期（箱）', '同比', '社会库存（箱）', '存销比'],
      ['一类', '1,200', '1,000', '20.0%', '540', '0.45'],
      ['二类', '3,456', '3,600', '-4.0%', '1,500', '0.43'],
      ['三类', '800', '0', '—', '300', '0.38'],
      // A blank input leaves 同比 blank (Excel's formula gives "" too); a zero denominator shows — with the note.
      ['四类', '1,286', '', '', '600', '0.47'],
      ['合计', '6,742', '4,600', '46.6%', '2,940', '0.44'],
    ]);
    // 6 columns: 小四 (12 pt); 仿宋 for cells and 黑体 for the header.
    expect(table.sizes).toEqual([12]);
    expect(table.fonts).toEqual(['仿宋_GB2312', '黑体']);
    // The table without rows still has its header, and a note says there is no data.
    expect(dump.tables[1].rows.map((row) => row.cells)).toEqual([['品牌/规格', '动销率']]);
    expect(paragraph('（本表无数据）')).toBeDefined();
    expect(paragraph('注：“—”表示无法计算（分母为零，或数据有误）；空白表示数据未填。')).toBeDefined();
  });

  it('writes fields sections as label：value lines', () => {
    expect(paragraph('客户意见：').text).toBe('客户意见：希望增加紧俏品规投放');
    expect(paragraph('签字日期').text).toBe('签字日期：2026年11月3日');
  });

  it('writes native Word comments with author, initials, date, kind and flattened replies', () => {
    expect(dump.comments).toHaveLength(6);
    const [praise, cell, section, documentLevel, orphan] = dump.comments;
    expect(praise.author).toBe('李主任');
    expect(praise.initials).toBe('LZR');
    expect(praise.date).toMatch(/^2026-11-02T04:00:00/);
    expect(praise.paragraphs).toEqual(['【表扬】数据翔实，分析到位。', '张三（2026年11月3日）：谢谢主任，继续努力。']);
    expect(cell.author).toBe('王经理');
    expect(cell.initials).toBe('王');
    expect(cell.paragraphs).toEqual(['【问题】上年同期为0，同比无法计算，请说明原因。']);
    expect(section.paragraphs).toEqual(['【建议】问题要写原因。']);
    expect(documentLevel.paragraphs).toEqual(['【备注】整体良好。']);
    expect(orphan.paragraphs).toEqual(['【问题】原文已改动。']);
  });

  it('anchors each comment on its passage, cell, heading or the title', () => {
    expect(dump.ranges).toEqual({
      '0': '卷烟1,286',
      '1': '—',
      '2': '存在的主要问题',
      '3': '城关片区2026年10月卷烟市场分析报告',
      // The quote is no longer in the text: the comment sits on its section heading.
      '4': '总体运行情况',
      '5': '价格',
    });
    expect(dump.rangeParagraphs['5']).toBe('高端烟价格坚挺。');
    expect(dump.rangeParagraphs['0']).toBe('本月全片区销售卷烟1,286箱，同比增长3.2%，单条均价稳中有升。');
    // The quoted passage was split out of the plain run and the bold run, keeping the bold.
    const runs = paragraph('本月全片区销售卷烟').runs;
    expect(runs.map((run) => run.text).join('')).toBe('本月全片区销售卷烟1,286箱，同比增长3.2%，单条均价稳中有升。');
    expect(runs.find((run) => run.text === '1,286')?.bold).toBe(true);
    expect(runs.find((run) => run.text === '箱')?.bold).toBe(true);
  });

  it('puts page numbers — n — in 4号 宋体 in the footer: odd pages right, even pages left', () => {
    expect(dump.oddEvenFooters).toBe(true);
    const odd = dump.footers.default;
    expect(odd.fields).toEqual(['PAGE']);
    expect(odd.text.replace(/\s+/g, '')).toBe('——');
    expect(odd.alignment).toMatch(/RIGHT/);
    expect(odd.eastAsia).toEqual(['宋体']);
    expect(dump.footers.even?.fields).toEqual(['PAGE']);
    expect(dump.footers.even?.alignment).toMatch(/LEFT/);
  });

  it('appends the 审阅记录 on a new page with the summary and a table of every comment', () => {
    expect(dump.pageBreakBefore).toEqual(['审阅记录']);
    expect(paragraph('评定等级').text).toBe('评定等级：良好');
    expect(paragraph('会议安排').text).toBe('会议安排：会上表扬');
    expect(paragraph('审阅时间').text).toMatch(/^审阅时间：2026年11月4日 \d\d:\d\d$/);
    const table = dump.tables[dump.tables.length - 1];
    expect(table.rows[0].cells).toEqual(['序号', '章节', '原文', '类型', '点评人', '时间', '内容', '状态']);
    expect(table.rows[0].header).toBe(true);
    expect(table.rows).toHaveLength(7);
    expect(table.rows[1].cells.slice(0, 5)).toEqual(['1', '总体运行情况', '卷烟1,286', '表扬', '李主任']);
    expect(table.rows[1].cells[6]).toBe('数据翔实，分析到位。\n张三（2026年11月3日）：谢谢主任，继续努力。');
    expect(table.rows[1].cells[7]).toBe('已读');
    expect(table.rows[2].cells.slice(1, 3)).toEqual(['分价类销售情况', '三类／同比']);
    expect(table.rows[3].cells[2]).toBe('（整节）');
    expect(table.rows[4].cells.slice(1, 3)).toEqual(['（全文）', '（全文）']);
  });

  describe.skipIf(!canRender)('rendered by LibreOffice', () => {
    let pdfText: string;
    let pages: number;
    beforeAll(() => {
      const pdf = docxToPdf(docxPath, join(dir, 'pdf'), fontsConfPath);
      pdfText = pdfToText(pdf);
      pages = pdfPageCount(pdf);
    }, 120_000);

    it('converts to PDF with the title, the headings and — n — page numbers', () => {
      expect(pages).toBeGreaterThanOrEqual(2);
      expect(pdfText.replace(/\s+/g, '')).toContain('城关片区2026年10月卷烟市场分析报告');
      expect(pdfText).toMatch(/一、\s*总体运行情况/);
      expect(pdfText).toMatch(/—\s*1\s*—/);
      expect(pdfText).toMatch(/—\s*2\s*—/);
    });

    it('fits 28 characters on a full line of body text (26 after the indent)', () => {
      const lines = pdfText.split('\n').map((line) => line.trim());
      const start = lines.findIndex((line) => line.startsWith('卷烟市场总体平稳'));
      expect(start).toBeGreaterThan(0);
      expect(Array.from(lines[start])).toHaveLength(26);
      expect(Array.from(lines[start + 1])).toHaveLength(28);
    });
  });
});

describe.skipIf(!canRead)('Word export, plain layout and edge cases', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTempDir();
  });
  afterAll(() => removeDir(dir));

  it('plain layout: normal margins, 宋体 小四 body, real Word numbering, page x / y footer', async () => {
    const bytes = await buildWordDocument({ report, template, layout: 'plain', comments: comments.slice(0, 2) });
    const dump = runPython<DocxDump>(DUMP_DOCX, [writeTempFile(dir, 'plain.docx', bytes)]);
    expect(Math.abs(dump.section.topMm - 25.4)).toBeLessThan(0.5);
    expect(Math.abs(dump.section.leftMm - 31.7)).toBeLessThan(0.5);
    expect(dump.section.grid?.type).toBeUndefined();
    const body = dump.paragraphs.find((candidate) => candidate.text.startsWith('本月全片区'));
    expect(body?.runs.every((run) => run.eastAsia === '宋体' && run.sizePt === 12)).toBe(true);
    expect(body?.firstLinePt).toBe(24);
    expect(dump.paragraphs[0].runs[0].eastAsia).toBe('黑体');
    const numbered = dump.paragraphs.filter((candidate) => candidate.numbered).map((candidate) => candidate.text);
    expect(numbered).toEqual(['部分品规断货', '中华（软）断货三天', '价格监测不到位', '零售户反映到货不及时']);
    expect(dump.oddEvenFooters).toBe(false);
    expect(dump.footers.default.fields).toEqual(['PAGE', 'NUMPAGES']);
    expect(dump.footers.default.text).toBe('第  页 / 共  页');
    expect(dump.footers.default.alignment).toMatch(/CENTER/);
    expect(dump.comments).toHaveLength(2);
    expect(dump.runsWithoutEastAsia).toBe(0);
  });

  it('exports a report with no content, no metadata and no comments', async () => {
    const empty: Report = { ...report, title: '', region: '', authorName: '', period: '', metadata: {}, sections: {} };
    const bytes = await buildWordDocument({ report: empty, template, layout: 'official', includeReviewAppendix: true });
    const dump = runPython<DocxDump>(DUMP_DOCX, [writeTempFile(dir, 'empty.docx', bytes)]);
    expect(dump.paragraphs[0].text).toBe('市场分析报告');
    expect(dump.paragraphs.some((candidate) => candidate.text.startsWith('报告期'))).toBe(false);
    expect(dump.paragraphs.filter((candidate) => candidate.style === 'Heading 1')).toHaveLength(7);
    expect(dump.comments).toEqual([]);
    expect(dump.paragraphs.some((candidate) => candidate.text === '（无点评）')).toBe(true);
    expect(dump.tables[0].rows.map((row) => row.cells[0])).toEqual(['价类']);
  });

  it('writes the Windows font names when the user picks them, and English labels when given', async () => {
    const bytes = await buildWordDocument({
      report,
      template,
      layout: 'official',
      fonts: { names: 'windows', overrides: { heading1: 'Microsoft YaHei' } },
      labels: englishExportLabels,
      comments: comments.slice(0, 1),
    });
    const dump = runPython<DocxDump>(DUMP_DOCX, [writeTempFile(dir, 'windows.docx', bytes)]);
    expect(dump.paragraphs[0].runs[0].eastAsia).toBe('宋体');
    const body = dump.paragraphs.find((candidate) => candidate.text.startsWith('本月全片区'));
    expect(body?.runs[0].eastAsia).toBe('仿宋');
    const heading1 = dump.paragraphs.find((candidate) => candidate.text === '一、总体运行情况');
    expect(heading1?.runs[0].eastAsia).toBe('Microsoft YaHei');
    expect(dump.paragraphs.find((candidate) => candidate.text.startsWith('（一）'))?.runs[0].eastAsia).toBe('楷体');
    expect(dump.paragraphs.some((candidate) => candidate.text === 'Period: 2026年10月')).toBe(true);
    expect(dump.comments[0].paragraphs).toEqual(['[表扬] 数据翔实，分析到位。', '张三 (2026-11-3): 谢谢主任，继续努力。']);
    expect(dump.tables[0].rows[5].cells[0]).toBe('Total');
  });

  // Opt-in: REPORTDESK_SCREENSHOTS=1 renders the sample page shown in docs/screenshots.
  it.skipIf(!canRender || !process.env.REPORTDESK_SCREENSHOTS)(
    'renders an official sample with two comments to docs/screenshots',
    async () => {
      const bytes = await buildWordDocument({ report, template, layout: 'official', comments: comments.slice(0, 2) });
      const pdf = docxToPdf(writeTempFile(dir, 'export-official-sample.docx', bytes), join(dir, 'sample'), fontsConfPath);
      const [first] = pdfToPng(pdf, join(dir, 'sample', 'page'), 60, { first: 1, last: 1 });
      const target = resolve(__dirname, '../../docs/screenshots');
      mkdirSync(target, { recursive: true });
      copyFileSync(first, join(target, 'export-official-sample.png'));
    },
    120_000,
  );
});
