/**
 * The 公文 rules of issue 11 item 2, read back from the .docx XML (Python's zipfile + ElementTree, independent of
 * the docx library) and from the PDF LibreOffice lays out: （一） lines typed as text (a template's starter text)
 * are level-2 headings in 楷体 and run-in ones have their heading part in 楷体; table titles are centred above the
 * table and not outline headings; the document ends with a 落款 (unit, author, date); the 审阅记录 page says 通过
 * or 退回 and when; comment times are on the office's clock (UTC+8), not the machine's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWordDocument, type ExportComment } from '../../electron/core/export';
import type { Report, RichNode } from '../../electron/core/common/schemas/report';
import { templateSchema, type Template } from '../../electron/core/common/schemas/template';
import { plainToRichText } from '../../electron/core/common/text/rich-text';
import { docxToPdf, fontsConfPath, makeTempDir, officeTools, pdfToText, removeDir, runPython, writeTempFile } from '../helpers/office';

const root = join(__dirname, '../..');
const template: Template = templateSchema.parse(JSON.parse(readFileSync(join(root, 'seeds/templates/market-analysis.json'), 'utf8')));
const starter = template.sections.find((section) => section.id === 'price-volume-stock')?.starterText ?? '';

const para = (value: string): RichNode => ({ type: 'paragraph', content: [{ type: 'text', text: value }] });

function report(): Report {
  const sections: Report['sections'] = {};
  for (const section of template.sections) {
    if (section.kind === 'richtext') sections[section.id] = { type: 'richtext', doc: { type: 'doc', content: [para(`${section.title}的正文。本月销量平稳。`)] } };
  }
  // The starter text as a new document gets it, with a line typed under each heading.
  const fromStarter = plainToRichText(starter.replace('（一）价格\n', '（一）价格\n价格总体稳定。\n'));
  sections['price-volume-stock'] = { type: 'richtext', doc: fromStarter };
  sections['key-brands'] = { type: 'richtext', doc: { type: 'doc', content: [para('（一）高端品规动销加快。利群（新版）订货户数增加12户，动销率升至86.4%。'), para('（二）新品表现一般。')] } };
  sections['price-class'] = {
    type: 'table',
    rows: [
      { id: 'p1', cells: { 价类: '一类烟', 销量: 420.5, 上年同期: 400, 销售额: 2100, 社会库存: 190 } },
      { id: 'p2', cells: { 价类: '五类烟', 销量: 12, 上年同期: 0, 销售额: 20, 社会库存: 6 } },
    ],
  };
  return {
    id: 'rules-1',
    templateId: template.id,
    templateVersion: template.version,
    kind: template.kind,
    title: '城关片区2026年11月卷烟市场分析报告',
    authorId: 'u-zhang',
    authorName: '张伟',
    region: '城关片区',
    period: '2026-11',
    metadata: { 报告期: '2026-11', 片区: '城关片区', 客户经理: '张伟' },
    sections,
    status: 'returned',
    rev: 3,
    revision: 1,
    // Submitted at 2026-12-01 23:30 UTC: 2 December on the office's clock.
    review: { count: 3, head: 'x', submittedAt: '2026-12-01T23:30:00.000Z' },
    createdAt: '2026-11-20T02:00:00.000Z',
    updatedAt: '2026-12-01T23:30:00.000Z',
  };
}

const comments: ExportComment[] = [
  // 2026-12-02 17:05 UTC is 2026-12-03 01:05 in Beijing.
  { id: 'c1', sectionId: 'overview', anchor: { kind: 'section' }, author: '陈主任', date: '2026-12-02T17:05:00.000Z', kindLabel: '问题', text: '同比口径要说明。', replies: [], statusLabel: '待整改' },
];

interface Dump {
  paragraphs: { text: string; style: string | null; jc: string | null; eastAsia: string[]; runs: { text: string; eastAsia: string | null }[]; rightIndent: number | null }[];
  tableCells: string[][];
}

/** Paragraphs of the body in order (tables' own paragraphs left out), with style, alignment and run fonts. */
const DUMP = String.raw`
import json, sys, zipfile
import xml.etree.ElementTree as ET
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
body = ET.fromstring(zipfile.ZipFile(sys.argv[1]).read('word/document.xml')).find(W + 'body')
def val(el, path):
    found = el.find(path)
    return found.get(W + 'val') if found is not None else None
paragraphs = []
for p in body.findall(W + 'p'):
    runs = []
    for r in p.iter(W + 'r'):
        text = ''.join(t.text or '' for t in r.findall(W + 't'))
        if not text: continue
        f = r.find(W + 'rPr/' + W + 'rFonts')
        runs.append({'text': text, 'eastAsia': f.get(W + 'eastAsia') if f is not None else None})
    ind = p.find(W + 'pPr/' + W + 'ind')
    right = ind.get(W + 'right') if ind is not None else None
    paragraphs.append({'text': ''.join(r['text'] for r in runs), 'style': val(p, W + 'pPr/' + W + 'pStyle'), 'jc': val(p, W + 'pPr/' + W + 'jc'),
                       'eastAsia': sorted({r['eastAsia'] for r in runs if r['eastAsia']}), 'runs': runs,
                       'rightIndent': int(right) if right is not None else None})
tables = []
for t in body.findall(W + 'tbl'):
    tables.append([''.join(x.text or '' for x in tc.iter(W + 't')) for tr in t.findall(W + 'tr') for tc in tr.findall(W + 'tc')])
print(json.dumps({'paragraphs': paragraphs, 'tableCells': tables}, ensure_ascii=False))
`;

describe.skipIf(!officeTools.python)('公文 rules read back from the .docx and the PDF', () => {
  let dir = '';
  let dump: Dump;
  let docx = '';
  const find = (text: string) => {
    const found = dump.paragraphs.find((candidate) => candidate.text === text);
    if (!found) throw new Error(`no paragraph “${text}”: ${dump.paragraphs.map((candidate) => candidate.text).join(' | ')}`);
    return found;
  };

  beforeAll(async () => {
    dir = makeTempDir('reportdesk-rules-');
    const bytes = await buildWordDocument({
      report: report(),
      template,
      layout: 'official',
      charts: false,
      comments,
      includeReviewAppendix: true,
      // Returned at 2026-12-02 16:30 UTC = 3 December 00:30 in Beijing.
      reviewSummary: { grade: '合格', reason: '分析不够深入', reviewer: '陈主任', reviewedAt: '2026-12-02T16:30:00.000Z', outcome: 'return' },
      utcOffsetMinutes: 480,
    });
    docx = writeTempFile(dir, 'rules.docx', bytes);
    dump = runPython<Dump>(DUMP, [docx]);
  }, 60_000);
  afterAll(() => removeDir(dir));

  it('makes the starter text’s （一）（二）（三） lines level-2 headings in 楷体, and keeps the typed text as body', () => {
    expect(starter).toContain('（一）价格');
    for (const text of ['（一）价格', '（二）销量', '（三）库存']) {
      const heading = find(text);
      expect(heading.style).toBe('Heading2');
      expect(heading.eastAsia).toEqual(['楷体_GB2312']);
    }
    expect(find('价格总体稳定。').eastAsia).toEqual(['仿宋_GB2312']);
    // 综合判断： is not an outline heading.
    expect(find('综合判断：').style).toBeNull();
  });

  it('sets a run-in （一） heading’s part up to its 。 in 楷体 and the rest in 仿宋; a short （二） line is a heading', () => {
    const runIn = find('（一）高端品规动销加快。利群（新版）订货户数增加12户，动销率升至86.4%。');
    expect(runIn.style).toBeNull();
    expect(runIn.runs.map((run) => [run.text, run.eastAsia])).toEqual([
      ['（一）高端品规动销加快。', '楷体_GB2312'],
      ['利群（新版）订货户数增加12户，动销率升至86.4%。', '仿宋_GB2312'],
    ]);
    expect(find('（二）新品表现一般').style).toBe('Heading2');
  });

  it('centres table titles above their tables in 黑体, not as outline headings; 一、 headings stay Heading1', () => {
    const tableTitles = template.sections.filter((section) => section.kind === 'table').map((section) => section.title);
    expect(tableTitles.length).toBeGreaterThan(2);
    for (const title of tableTitles) {
      const paragraph = find(title);
      expect(paragraph.jc, title).toBe('center');
      expect(paragraph.style, title).toBeNull();
      expect(paragraph.eastAsia, title).toEqual(['黑体']);
    }
    const overview = find('一、总体运行情况');
    expect(overview.style).toBe('Heading1');
    expect(overview.jc).toBe('left');
    // Each title is the paragraph right before its table in the body.
    const order = dump.paragraphs.map((paragraph) => paragraph.text);
    expect(order.indexOf('表2 分价类销售情况')).toBeGreaterThan(order.indexOf('二、销售结构分析'));
  });

  it('ends the text with a 落款: 片区 and author over the date (the submission day on the office clock), right-aligned', () => {
    const texts = dump.paragraphs.map((paragraph) => paragraph.text);
    const signed = texts.indexOf('城关片区\u3000张伟');
    expect(signed).toBeGreaterThan(texts.indexOf('七、下阶段工作措施'));
    expect(texts[signed + 1]).toBe('2026年12月2日');
    const date = dump.paragraphs[signed + 1];
    expect(date.jc).toBe('right');
    // The date four characters in from the right edge (GB/T 9704 §7.3.5.1), the signature centred over it.
    expect(date.rightIndent).toBeGreaterThan(4 * 300);
    expect(dump.paragraphs[signed].rightIndent).toBeGreaterThan(date.rightIndent ?? 0);
    expect(signed).toBeLessThan(texts.indexOf('审阅记录'));
  });

  it('says on the 审阅记录 page that the document was returned and when, with comment times on the office clock', () => {
    expect(dump.paragraphs.map((paragraph) => paragraph.text)).toContain('审阅结论：退回修改（2026年12月3日 00:30）');
    const commentTable = dump.tableCells.find((cells) => cells.includes('同比口径要说明。'));
    expect(commentTable).toContain('2026年12月3日 01:05');
  });

  it.skipIf(!officeTools.libreoffice || !officeTools.poppler)('LibreOffice prints the headings, titles, 落款, outcome and the comment time', () => {
    const text = pdfToText(docxToPdf(docx, join(dir, 'pdf'), fontsConfPath));
    const squeezed = text.replace(/[\s\u3000]+/g, '');
    for (const expected of ['（一）价格', '（三）库存', '表2分价类销售情况', '城关片区张伟', '2026年12月2日', '退回修改（2026年12月3日00:30）', '2026年12月3日01:05']) {
      expect(squeezed, expected).toContain(expected);
    }
  }, 60_000);
});
