/**
 * The meeting pack read back by python-docx (cover, contents, summary table, each document with its review,
 * fonts including eastAsia, margins, comments with authors), its Excel summary by openpyxl, and one LibreOffice
 * conversion to PDF.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildMeetingPack,
  buildMeetingSummaryWorkbook,
  ExportCancelled,
  orderForMeeting,
  type MeetingPackDocument,
  type MeetingPackOptions,
} from '../../electron/core/export';
import type { Report } from '../../electron/core/common/schemas/report';
import { templateSchema, type Template } from '../../electron/core/common/schemas/template';
import { docxToPdf, fontsConfPath, makeTempDir, officeTools, pdfPageCount, pdfToText, removeDir, runPython, writeTempFile } from '../helpers/office';

const template: Template = templateSchema.parse({
  id: 'market-analysis',
  version: 1,
  name: '市场分析报告',
  kind: 'market-analysis',
  cadence: 'monthly',
  titlePattern: '{{片区}}{{报告期}}卷烟市场分析报告',
  metadataFields: [],
  sections: [
    { id: 'overview', title: '总体运行情况', kind: 'richtext' },
    {
      id: 'prices',
      title: '分价类销售情况',
      kind: 'table',
      table: {
        totalsRow: true,
        columns: [
          { key: '价类', label: '价类', type: 'text' },
          { key: '销量', label: '销量', type: 'integer', unit: '箱' },
          { key: '库存', label: '库存', type: 'integer', unit: '箱' },
          { key: '存销比', label: '存销比', type: 'decimal', decimals: 2, formula: '库存 / 销量' },
        ],
      },
    },
    { id: 'measures', title: '下阶段工作措施', kind: 'richtext' },
  ],
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'system',
});

const paragraph = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

function report(id: string, author: string, region: string, overview: string, withTable = true): Report {
  return {
    id,
    templateId: 'market-analysis',
    templateVersion: 1,
    kind: 'market-analysis',
    title: `${region}2026年10月卷烟市场分析报告`,
    authorId: `u-${id}`,
    authorName: author,
    region,
    period: '2026-10',
    metadata: {},
    sections: {
      overview: { type: 'richtext', doc: paragraph(overview) },
      ...(withTable
        ? { prices: { type: 'table' as const, rows: [{ id: `${id}-r1`, cells: { 价类: '一类', 销量: 120, 库存: 60 } }] } }
        : {}),
    },
    status: 'approved',
    rev: 3,
    revision: 1,
    createdAt: '2026-10-28T02:00:00.000Z',
    updatedAt: '2026-11-02T02:00:00.000Z',
  };
}

const documents: MeetingPackDocument[] = [
  {
    // A critique first in the input: the pack puts praise first.
    report: report('west', '王强', '城西片区', '本月销量下降，原因待查。', false),
    template,
    meetingFlag: 'critique',
    reviewSummary: { grade: '需改进', reason: '只罗列现象，缺少原因分析。', meetingFlag: '会上讲评', reviewer: '陈主任', reviewedAt: '2026-11-04T02:00:00.000Z' },
    comments: [
      {
        id: 'c3',
        sectionId: 'overview',
        anchor: { kind: 'text', quote: '原因待查' },
        author: '陈主任',
        date: '2026-11-04T01:00:00.000Z',
        kindLabel: '问题',
        text: '原因要写清楚。',
        replies: [{ author: '王强', date: '2026-11-05T01:00:00.000Z', text: '【已整改】已补充节前备货的原因' }],
        statusLabel: '已整改',
      },
    ],
  },
  {
    report: report('central', '张伟', '城关片区', '本月销售卷烟158.6箱，同比增长1.8%，单条均价稳中有升。'),
    template,
    meetingFlag: 'praise',
    reviewSummary: { grade: '优秀', overall: '分析到位。', meetingFlag: '会上表扬', reviewer: '陈主任', reviewedAt: '2026-11-04T02:00:00.000Z' },
    comments: [
      {
        id: 'c1',
        sectionId: 'overview',
        anchor: { kind: 'text', quote: '同比增长1.8%' },
        author: '陈主任',
        date: '2026-11-03T02:00:00.000Z',
        kindLabel: '表扬',
        text: '数据翔实。',
        replies: [],
        statusLabel: '待整改',
      },
      {
        id: 'c2',
        sectionId: 'prices',
        anchor: { kind: 'cell', rowId: 'central-r1', columnKey: '存销比' },
        author: '李科长',
        date: '2026-11-03T03:00:00.000Z',
        kindLabel: '建议',
        text: '存销比偏低，注意断货。',
        replies: [],
        statusLabel: '待整改',
      },
    ],
  },
  {
    // A document with missing optional parts: no comments, no review summary, an empty section.
    report: { ...report('east', '李娜', '城东片区', ''), title: '' },
    template,
    meetingFlag: 'none',
  },
];

const options: MeetingPackOptions = {
  layout: 'official',
  meetingName: '十月工作例会',
  meetingDate: '2026-11-05',
  organiser: '营销部',
  officeName: '青山县烟草专卖局（营销部）',
  documents: orderForMeeting(documents),
};

interface PackDump {
  paragraphs: { text: string; eastAsia: string[]; sizes: number[]; pageBreakBefore: boolean }[];
  tables: string[][][];
  margins: { top: number; bottom: number; left: number; right: number };
  titlePage: boolean;
  firstFooter: string;
  comments: { id: string; author: string; text: string }[];
  ranges: Record<string, string>;
}

const DUMP = String.raw`
import json, sys, zipfile
import xml.etree.ElementTree as ET
from docx import Document
from docx.oxml.ns import qn
path = sys.argv[1]
doc = Document(path)
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
def east(run):
    rpr = run._element.find(W + 'rPr')
    f = rpr.find(W + 'rFonts') if rpr is not None else None
    return f.get(W + 'eastAsia') if f is not None else None
paras = []
for p in doc.paragraphs:
    ppr = p._p.pPr
    paras.append({'text': p.text,
                  'eastAsia': sorted({east(r) for r in p.runs if east(r)}),
                  'sizes': sorted({r.font.size.pt for r in p.runs if r.font.size is not None}),
                  'pageBreakBefore': ppr is not None and ppr.find(qn('w:pageBreakBefore')) is not None})
sec = doc.sections[0]
z = zipfile.ZipFile(path)
comments = []
root = ET.fromstring(z.read('word/comments.xml'))
for c in root.findall(W + 'comment'):
    comments.append({'id': c.get(W + 'id'), 'author': c.get(W + 'author'),
                     'text': '\n'.join(''.join(t.text or '' for t in p.iter(W + 't')) for p in c.findall(W + 'p'))})
body = ET.fromstring(z.read('word/document.xml')).find(W + 'body')
open_ids, ranges = [], {}
for el in body.iter():
    if el.tag == W + 'commentRangeStart':
        open_ids.append(el.get(W + 'id')); ranges.setdefault(el.get(W + 'id'), '')
    elif el.tag == W + 'commentRangeEnd':
        open_ids.remove(el.get(W + 'id'))
    elif el.tag == W + 't':
        for i in open_ids: ranges[i] += el.text or ''
print(json.dumps({
    'paragraphs': paras,
    'tables': [[[c.text for c in row.cells] for row in t.rows] for t in doc.tables],
    'margins': {'top': round(sec.top_margin.mm), 'bottom': round(sec.bottom_margin.mm), 'left': round(sec.left_margin.mm), 'right': round(sec.right_margin.mm)},
    'titlePage': sec.different_first_page_header_footer,
    'firstFooter': ''.join(p.text for p in sec.first_page_footer.paragraphs),
    'comments': comments,
    'ranges': ranges,
}, ensure_ascii=False))
`;

const SUMMARY_DUMP = String.raw`
import json, sys
from openpyxl import load_workbook
path = sys.argv[1]
wb = load_workbook(path)
cached = load_workbook(path, data_only=True)
print(json.dumps([{'title': ws.title, 'freeze': ws.freeze_panes, 'filter': ws.auto_filter.ref,
  'values': [[c.value for c in row] for row in ws.iter_rows()],
  'cached': [[c.value for c in row] for row in cached[ws.title].iter_rows()]} for ws in wb.worksheets], ensure_ascii=False, default=str))
`;

describe('meeting order', () => {
  it('puts praise first, then critique, then the rest, keeping the order within each', () => {
    expect(orderForMeeting(documents).map((document) => document.report.id)).toEqual(['central', 'west', 'east']);
  });
});

const canRead = officeTools.python;
if (!canRead) console.warn('python3 with python-docx is missing: meeting pack reader tests are skipped');

describe.skipIf(!canRead)('the meeting pack read back by python-docx', () => {
  let dir: string;
  let path: string;
  let dump: PackDump;
  const texts = () => dump.paragraphs.map((item) => item.text);
  const find = (text: string) => {
    const found = dump.paragraphs.find((item) => item.text === text);
    if (!found) throw new Error(`no paragraph "${text}" among: ${texts().join(' | ')}`);
    return found;
  };

  beforeAll(async () => {
    dir = makeTempDir();
    const steps: string[] = [];
    const bytes = await buildMeetingPack(options, { checkpoint: async (done, total, message) => void steps.push(`${done}/${total} ${message ?? ''}`) });
    expect(steps).toEqual(['0/4 城关片区2026年10月卷烟市场分析报告', '1/4 城西片区2026年10月卷烟市场分析报告', '2/4 市场分析报告', '3/4 会议材料', '4/4 ']);
    path = writeTempFile(dir, '十月工作例会_2026年11月5日.docx', bytes);
    dump = runPython<PackDump>(DUMP, [path]);
  }, 60_000);
  afterAll(() => removeDir(dir));

  it('opens with a cover: office, meeting name in 小标宋, 会议材料, date and organiser; no page number on it', () => {
    expect(texts().slice(0, 5)).toEqual(['青山县烟草专卖局（营销部）', '十月工作例会', '会议材料', '会议日期：2026年11月5日', '主办：营销部']);
    expect(find('十月工作例会')).toMatchObject({ eastAsia: ['方正小标宋简体'], sizes: [22] });
    expect(dump.titlePage).toBe(true);
    expect(dump.firstFooter).toBe('');
    expect(dump.margins).toEqual({ top: 37, bottom: 35, left: 28, right: 26 });
  });

  it('lists the contents grouped by 会上表扬 / 会上讲评, then a summary table', () => {
    expect(find('目　录').pageBreakBefore).toBe(true);
    const start = texts().indexOf('目　录');
    expect(texts().slice(start + 1, start + 7)).toEqual([
      '一、会上表扬',
      '材料一　城关片区2026年10月卷烟市场分析报告（张伟，优秀）',
      '二、会上讲评',
      '材料二　城西片区2026年10月卷烟市场分析报告（王强，需改进）',
      '三、其他材料',
      '材料三　市场分析报告（李娜）',
    ]);
    expect(find('一、会上表扬').eastAsia).toEqual(['黑体']);
    expect(dump.tables[0]).toEqual([
      ['序号', '文稿', '客户经理', '片区', '评定等级', '会上安排', '点评（条）'],
      ['1', '城关片区2026年10月卷烟市场分析报告', '张伟', '城关片区', '优秀', '会上表扬', '2'],
      ['2', '城西片区2026年10月卷烟市场分析报告', '王强', '城西片区', '需改进', '会上讲评', '1'],
      ['3', '市场分析报告', '李娜', '城东片区', '', '', '0'],
    ]);
  });

  it('puts each document on a new page with its number, flag and grade, its text, and its 审阅意见', () => {
    const kickers = dump.paragraphs.filter((item) => item.text.startsWith('材料') && item.pageBreakBefore).map((item) => item.text);
    expect(kickers).toEqual(['材料一　会上表扬　优秀', '材料二　会上讲评　需改进', '材料三']);
    expect(find('城关片区2026年10月卷烟市场分析报告')).toMatchObject({ eastAsia: ['方正小标宋简体'] });
    expect(find('本月销售卷烟158.6箱，同比增长1.8%，单条均价稳中有升。').eastAsia).toEqual(['仿宋_GB2312']);
    expect(texts().filter((text) => text === '审阅意见')).toHaveLength(3);
    expect(texts()).toContain('评定等级：需改进');
    expect(texts()).toContain('评定理由：只罗列现象，缺少原因分析。');
    expect(texts()).toContain('总体评价：分析到位。');
    // The document with missing parts still has its sections and the 无点评 line.
    expect(texts()).toContain('（无点评）');
    // Comment tables: one per document with comments.
    const commentTables = dump.tables.filter((table) => table[0][0] === '序号' && table[0][2] === '原文');
    expect(commentTables.map((table) => table.length - 1)).toEqual([2, 1]);
    expect(commentTables[0][2].slice(2, 5)).toEqual(['一类／存销比', '建议', '李科长']);
  });

  it('carries every comment as a Word comment with its author, anchored on its passage, ids unique in the file', () => {
    expect(dump.comments.map((comment) => [comment.id, comment.author])).toEqual([
      ['0', '陈主任'],
      ['1', '李科长'],
      ['2', '陈主任'],
    ]);
    expect(dump.comments[0].text).toBe('【表扬】数据翔实。');
    expect(dump.comments[2].text).toBe('【问题】原因要写清楚。\n王强（2026年11月5日）：【已整改】已补充节前备货的原因');
    expect(dump.ranges).toEqual({ '0': '同比增长1.8%', '1': '0.50', '2': '原因待查' });
  });

  it.skipIf(!officeTools.libreoffice || !officeTools.poppler)('converts to PDF in LibreOffice without error', () => {
    const pdf = docxToPdf(path, join(dir, 'pdf'), fontsConfPath);
    expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(5);
    const text = pdfToText(pdf).replace(/\s+/g, '');
    for (const expected of ['十月工作例会', '目录', '材料汇总表', '材料一会上表扬优秀', '城西片区2026年10月卷烟市场分析报告', '审阅意见']) {
      expect(text).toContain(expected);
    }
  }, 120_000);
});

describe.skipIf(!canRead)('the meeting pack’s Excel summary read back by openpyxl', () => {
  let dir: string;
  let sheets: { title: string; freeze: string; filter: string; values: unknown[][]; cached: unknown[][] }[];

  beforeAll(async () => {
    dir = makeTempDir();
    const path = writeTempFile(dir, 'summary.xlsx', await buildMeetingSummaryWorkbook(options));
    sheets = runPython(SUMMARY_DUMP, [path]);
  }, 60_000);
  afterAll(() => removeDir(dir));

  it('has a 材料汇总 row per document with grade, reason and a live comment count, and every comment', () => {
    expect(sheets.map((sheet) => [sheet.title, sheet.freeze, sheet.filter])).toEqual([
      ['材料汇总', 'A2', 'A1:L4'],
      ['点评明细', 'A2', 'A1:K4'],
    ]);
    const [summary, comments] = sheets;
    expect(summary.values[1].slice(0, 11)).toEqual([
      1,
      '城关片区2026年10月卷烟市场分析报告',
      '市场分析报告',
      '张伟',
      '城关片区',
      '2026-10',
      '已通过',
      '优秀',
      '会上表扬',
      null,
      '分析到位。',
    ]);
    expect(summary.values[2][11]).toBe(`=COUNTIF('点评明细'!$B$2:$B$4,$A3)`);
    expect(summary.cached.slice(1).map((row) => row[11])).toEqual([2, 1, 0]);
    expect(comments.values[2].slice(1, 10)).toEqual([1, '城关片区2026年10月卷烟市场分析报告', '分价类销售情况', '一类／存销比', '李科长', '2026-11-03 11:00:00', '建议', '待整改', '存销比偏低，注意断货。']);
  });
});

describe('cancelling a meeting pack', () => {
  it('stops between documents', async () => {
    await expect(
      buildMeetingPack(options, {
        checkpoint: async (done) => {
          if (done === 1) throw new ExportCancelled();
        },
      }),
    ).rejects.toBeInstanceOf(ExportCancelled);
  });
});
