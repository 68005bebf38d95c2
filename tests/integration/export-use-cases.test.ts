/**
 * Export use cases on the fixture office: what each person may export, which text (working copy or frozen
 * revision), which comments and how their threads are flattened, the register's rows and the meeting pack
 * preset; that exports write nothing; and the job runner's progress, cancel and hand-over.
 */
import { describe, expect, it } from 'vitest';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../electron/api/contract';
import { ExportJobs, isExportCancelled, type ExportFile } from '../../electron/core/export';
import {
  exportDocumentExcel,
  exportDocumentWord,
  exportMeetingPack,
  exportRegister,
  runExport,
} from '../../electron/core/export/use-cases';
import { anchorText, makeTextAnchor } from '../../electron/core/review/anchors';
import type { Clock } from '../../electron/core/common/ports';
import type { CallContext } from '../../electron/core/services';
import { officeTools, makeTempDir as makeOfficeDir, removeDir, runPython, writeTempFile } from '../helpers/office';
import { hashFolder, office, openTempStore, type TempStore } from '../helpers/temp-store';

async function as<K extends ChannelName>(store: TempStore, profileId: string, channel: K, input: ChannelInput<K>): Promise<ChannelOutput<K>> {
  const result = await store.dispatcher.dispatch(channel, profileId, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as ChannelOutput<K>;
}

/** A clock that moves one minute on every reading, so records keep the order they were made in. */
function tickingClock(iso: string): Clock {
  let time = new Date(iso).getTime();
  return { now: () => new Date((time += 60_000)) };
}

async function ctxOf(store: TempStore, profileId: string): Promise<CallContext> {
  return { profile: await store.services.profiles.get(profileId), services: store.services };
}

/** 王主任's review of 张明's submitted log: a passage comment with a thread, a cell comment, a withdrawn one. */
async function reviewSubmitted(store: TempStore): Promise<void> {
  const { report } = await as(store, office.supervisor, 'review:revision', { id: office.submitted, revision: 1 });
  const summary = report.sections['summary'];
  if (summary?.type !== 'richtext') throw new Error('fixture summary is rich text');
  const { text } = anchorText(summary.doc);
  const quote = '库存偏高';
  const start = text.indexOf(quote);
  const passage = await as(store, office.supervisor, 'review:comment', {
    id: office.submitted,
    anchor: makeTextAnchor('summary', text, start, start + quote.length),
    kind: 'problem',
    text: '偏高多少？原因是什么？',
  });
  await as(store, office.manager, 'review:reply', { id: office.submitted, commentId: passage.id, text: '比上周多 80 条。' });
  await as(store, office.manager, 'review:mark-fixed', { id: office.submitted, commentId: passage.id, note: '已补充原因：节前备货' });
  await as(store, office.supervisor, 'review:comment', {
    id: office.submitted,
    anchor: { kind: 'cell', sectionId: 'visits', rowId: 'rpt-zhang-submitted-row1', columnKey: '库存', quote: '300' },
    kind: 'suggestion',
    text: '库存数请核对。',
  });
  const withdrawn = await as(store, office.supervisor, 'review:comment', { id: office.submitted, anchor: { kind: 'document' }, kind: 'note', text: '这条会撤回。' });
  await as(store, office.supervisor, 'review:retract-comment', { id: office.submitted, commentId: withdrawn.id });
}

const COMMENTS = String.raw`
import json, sys, zipfile
import xml.etree.ElementTree as ET
from docx import Document
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
z = zipfile.ZipFile(sys.argv[1])
out = {'paragraphs': [p.text for p in Document(sys.argv[1]).paragraphs], 'comments': []}
if 'word/comments.xml' in z.namelist():
    for c in ET.fromstring(z.read('word/comments.xml')).findall(W + 'comment'):
        out['comments'].append({'author': c.get(W + 'author'), 'lines': [''.join(t.text or '' for t in p.iter(W + 't')) for p in c.findall(W + 'p')]})
print(json.dumps(out, ensure_ascii=False))
`;

const REGISTER = String.raw`
import json, sys
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1], data_only=True)
print(json.dumps({ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in wb.worksheets}, ensure_ascii=False, default=str))
`;

function readDocx(file: ExportFile): { paragraphs: string[]; comments: { author: string; lines: string[] }[] } {
  const dir = makeOfficeDir();
  try {
    return runPython(COMMENTS, [writeTempFile(dir, file.fileName, file.bytes)]);
  } finally {
    removeDir(dir);
  }
}

function readXlsx(file: ExportFile): Record<string, unknown[][]> {
  const dir = makeOfficeDir();
  try {
    return runPython(REGISTER, [writeTempFile(dir, file.fileName, file.bytes)]);
  } finally {
    removeDir(dir);
  }
}

describe.skipIf(!officeTools.python)('exporting a document', () => {
  it('a supervisor gets the frozen revision with live comments, threads flattened, withdrawn ones left out; nothing is written', async () => {
    const store = await openTempStore({ seed: true, clock: tickingClock('2026-11-05T02:00:00.000Z') });
    await reviewSubmitted(store);
    const before = await hashFolder(store.dataDir);
    const file = await exportDocumentWord(await ctxOf(store, office.supervisor), { id: office.submitted, layout: 'official', includeReviewAppendix: true });
    expect(await hashFolder(store.dataDir)).toEqual(before);
    // The layout is in the name: the 公文 and the plain export of one document never overwrite each other.
    expect(file.fileName).toBe('测试工作日志_城关片区_东街烟酒店_2026年11月4日_张明_公文.docx');
    const docx = readDocx(file);
    expect(docx.comments).toEqual([
      {
        author: office.supervisorName,
        lines: ['【问题】偏高多少？原因是什么？', '张明（2026年11月5日）：比上周多 80 条。', '张明（2026年11月5日）：【已整改】已补充原因：节前备货'],
      },
      { author: office.supervisorName, lines: ['【建议】库存数请核对。'] },
    ]);
    expect(docx.paragraphs).toContain('审阅记录');
    expect(docx.paragraphs).toContain('走访东街烟酒店，库存偏高，建议控制进货。');
  });

  it('after a return the author exports the working copy, the supervisor still the revision they graded', async () => {
    const store = await openTempStore({ seed: true });
    await as(store, office.supervisor, 'review:decide', { id: office.submitted, decision: 'return', grade: '需改进', reason: '缺少原因', meetingFlag: 'critique' });
    const { report } = await as(store, office.manager, 'reports:get', { id: office.submitted });
    await as(store, office.manager, 'reports:save-draft', {
      id: office.submitted,
      baseRev: report.rev,
      metadata: {},
      sections: { summary: { type: 'richtext', doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '改过的内容：原因是节前备货。' }] }] } } },
    });
    const mine = readDocx(await exportDocumentWord(await ctxOf(store, office.manager), { id: office.submitted, layout: 'plain' }));
    expect(mine.paragraphs).toContain('改过的内容：原因是节前备货。');
    const theirs = await exportDocumentWord(await ctxOf(store, office.supervisor), { id: office.submitted, layout: 'plain', includeReviewAppendix: true });
    const read = readDocx(theirs);
    expect(read.paragraphs).toContain('走访东街烟酒店，库存偏高，建议控制进货。');
    expect(read.paragraphs).toContain('评定等级：需改进');
    expect(read.paragraphs).toContain('会议安排：会上讲评');
    // An explicitly chosen earlier revision says so in its file name.
    const earlier = await exportDocumentExcel(await ctxOf(store, office.manager), { id: office.submitted, revision: 1 });
    expect(earlier.fileName).toBe('测试工作日志_城关片区_东街烟酒店_2026年11月4日_张明_第1稿.xlsx');
  });

  it('refuses what the caller may not read, and a revision that was never submitted', async () => {
    const store = await openTempStore({ seed: true });
    await expect(exportDocumentWord(await ctxOf(store, office.manager), { id: office.otherDraft, layout: 'official' })).rejects.toMatchObject({ code: 'not-found' });
    await expect(exportDocumentExcel(await ctxOf(store, office.supervisor), { id: office.draft })).rejects.toMatchObject({ code: 'not-found' });
    await expect(exportDocumentExcel(await ctxOf(store, office.manager), { id: office.submitted, revision: 5 })).rejects.toMatchObject({ code: 'not-found' });
    await expect(exportDocumentExcel({ profile: null, services: store.services }, { id: office.submitted })).rejects.toMatchObject({ code: 'no-profile' });
  });

  it('a draft with empty optional parts still exports', async () => {
    const store = await openTempStore({ seed: true });
    const created = await as(store, office.manager, 'reports:create', { templateId: office.templateId, metadata: { 片区: '城关片区', 报告期: '2026-11-06' } });
    for (const layout of ['official', 'plain'] as const) {
      const read = readDocx(await exportDocumentWord(await ctxOf(store, office.manager), { id: created.id, layout }));
      expect(read.paragraphs[0]).toBe('城关片区2026年11月6日工作日志');
    }
    expect((await exportDocumentExcel(await ctxOf(store, office.manager), { id: created.id })).bytes.byteLength).toBeGreaterThan(1000);
  });
});

describe.skipIf(!officeTools.python)('settings used by exports', () => {
  const FONTS = String.raw`
import json, sys
from docx import Document
from docx.oxml.ns import qn
doc = Document(sys.argv[1])
fonts = set()
for p in doc.paragraphs:
    for r in p.runs:
        rpr = r._element.rPr
        f = rpr.find(qn('w:rFonts')) if rpr is not None else None
        if f is not None and f.get(qn('w:eastAsia')): fonts.add(f.get(qn('w:eastAsia')))
print(json.dumps(sorted(fonts), ensure_ascii=False))
`;

  it('设置 → 导出: the Windows font names and an override go into Word; the office clock of the on-time rule into the 台账', async () => {
    const store = await openTempStore({ seed: true });
    const official = await exportDocumentWord(await ctxOf(store, office.supervisor), { id: office.submitted, layout: 'official' });
    const dir = makeOfficeDir();
    try {
      expect(runPython<string[]>(FONTS, [writeTempFile(dir, 'a.docx', official.bytes)])).toEqual(['仿宋_GB2312', '方正小标宋简体', '黑体']);
      await as(store, office.supervisor, 'settings:update', {
        exportFonts: { names: 'windows', overrides: { heading1: '微软雅黑' } },
        // 张明's log of 4 November was submitted at 09:00 UTC: 17:00 in Beijing, 19:00 on a UTC+10 office clock.
        onTimeRule: { dailyGraceDays: 0, monthlyDueDay: 5, utcOffsetMinutes: 600 },
      });
      const windows = await exportDocumentWord(await ctxOf(store, office.supervisor), { id: office.submitted, layout: 'official' });
      expect(runPython<string[]>(FONTS, [writeTempFile(dir, 'b.docx', windows.bytes)])).toEqual(['仿宋', '宋体', '微软雅黑']);
    } finally {
      removeDir(dir);
    }
    const register = readXlsx(await exportRegister(await ctxOf(store, office.supervisor), { period: '2026-11-04' }));
    expect(register['台账'][1].slice(7, 9)).toEqual(['2026-11-04 19:00:00', '是']);
  });
});

describe.skipIf(!officeTools.python)('the register', () => {
  it('a supervisor’s register lists every submitted document, the roster, comments and on-time figures', async () => {
    const store = await openTempStore({ seed: true });
    await reviewSubmitted(store);
    const before = await hashFolder(store.dataDir);
    const file = await exportRegister(await ctxOf(store, office.supervisor), { period: '2026-11' });
    expect(await hashFolder(store.dataDir)).toEqual(before);
    expect(file.fileName).toBe('文稿台账_2026年11月.xlsx');
    const sheets = readXlsx(file);
    // Drafts are not the supervisor's to see; by period, then author.
    expect(sheets['台账'].slice(1).map((row) => [row[2], row[3], row[6], row[8], row[9]])).toEqual([
      ['城南片区2026年11月3日工作日志', '李娜', '已通过', '是', '良好'],
      ['城关片区2026年11月4日工作日志', '张明', '已提交', '是', null],
    ]);
    // Comment counts: 张明's log has a problem (已整改) and a suggestion; the withdrawn note is not counted.
    expect(sheets['台账'][2].slice(11)).toEqual([0, 1, 1, 0, 1, 0]);
    expect(sheets['点评明细'].slice(1).map((row) => [row[2], row[7], row[8]])).toEqual([
      // A 表扬 asks for no fix: never 待整改.
      ['城南片区2026年11月3日工作日志', '表扬', '无需整改'],
      // Reading order: the whole-document note first, then by section.
      ['城关片区2026年11月4日工作日志', '备注', '已撤回'],
      ['城关片区2026年11月4日工作日志', '问题', '已整改'],
      ['城关片区2026年11月4日工作日志', '建议', '待整改'],
    ]);
    expect(sheets['统计'].map((row) => row[0])).toEqual(['客户经理', '张明', '李娜', '合计']);
  });

  it('a manager’s register holds only their own documents, drafts included; filters apply', async () => {
    const store = await openTempStore({ seed: true });
    const sheets = readXlsx(await exportRegister(await ctxOf(store, office.manager), {}));
    expect(sheets['台账'].slice(1).map((row) => [row[3], row[6]])).toEqual([
      ['张明', '已提交'],
      ['张明', '草稿'],
    ]);
    expect(sheets['统计'].map((row) => row[0])).toEqual(['客户经理', '张明', '合计']);
    const drafts = await exportRegister(await ctxOf(store, office.manager), { status: 'draft', kind: 'work-log' });
    expect(drafts.fileName).toBe('文稿台账_工作日志_草稿.xlsx');
    expect(readXlsx(drafts)['台账']).toHaveLength(2);
  });
});

describe.skipIf(!officeTools.python)('the meeting pack', () => {
  it('the preset takes the period’s documents flagged 会上表扬 or 会上讲评; none flagged is a clear error', async () => {
    const store = await openTempStore({ seed: true });
    const ctx = await ctxOf(store, office.supervisor);
    const input = { period: '2026-11', meetingName: '十一月例会', meetingDate: '2026-12-03', organiser: '营销部', layout: 'official' as const };
    await expect(exportMeetingPack(ctx, input)).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringContaining('没有标记为“会上表扬”或“会上讲评”的文稿') });
    await as(store, office.supervisor, 'review:decide', { id: office.submitted, decision: 'approve', grade: '优秀', meetingFlag: 'praise' });
    const before = await hashFolder(store.dataDir);
    const pack = await exportMeetingPack(ctx, input);
    expect(await hashFolder(store.dataDir)).toEqual(before);
    expect(pack.fileName).toBe('十一月例会_2026年12月3日.docx');
    const read = readDocx(pack);
    expect(read.paragraphs).toContain('材料一　会上表扬　优秀');
    expect(read.paragraphs.filter((text) => text.startsWith('材料') && text.includes('工作日志'))).toEqual(['材料一　城关片区2026年11月4日工作日志（张明，优秀）']);
    const summary = await exportMeetingPack(ctx, { ...input, layout: 'excel' });
    expect(summary.fileName).toBe('十一月例会_汇总_2026年12月3日.xlsx');
    expect(readXlsx(summary)['材料汇总']).toHaveLength(2);
  });

  it('chosen documents must be readable by the caller', async () => {
    const store = await openTempStore({ seed: true });
    const input = { ids: [office.otherApproved], meetingName: '例会', meetingDate: '2026-12-03', organiser: '', layout: 'plain' as const };
    await expect(exportMeetingPack(await ctxOf(store, office.manager), input)).rejects.toMatchObject({ code: 'not-found' });
    const pack = readDocx(await exportMeetingPack(await ctxOf(store, office.supervisor), input));
    expect(pack.paragraphs).toContain('城南片区2026年11月3日工作日志');
  });
});

describe('export jobs', () => {
  const file: ExportFile = { fileName: 'a.docx', bytes: new Uint8Array([1, 2, 3]) };

  async function settled(jobs: ExportJobs, owner: string, jobId: string) {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const status = jobs.status(owner, jobId);
      if (status.state !== 'running') return status;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error('job did not finish');
  }

  it('reports progress, hands the file over once, and belongs to whoever started it', async () => {
    const jobs = new ExportJobs();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const jobId = jobs.start('owner', async (monitor) => {
      await monitor.checkpoint(1, 4, '第一篇');
      await gate;
      await monitor.checkpoint(3, 4, '第三篇');
      await monitor.checkpoint(4, 4, '收尾');
      return file;
    });
    expect(jobs.status('owner', jobId)).toMatchObject({ state: 'running', done: 0, percent: 0 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(jobs.status('owner', jobId)).toMatchObject({ state: 'running', done: 1, total: 4, percent: 25, message: '第一篇' });
    expect(() => jobs.status('someone-else', jobId)).toThrow(expect.objectContaining({ code: 'not-found' }));
    expect(() => jobs.take('owner', jobId)).toThrow(expect.objectContaining({ code: 'conflict' }));
    release();
    expect(await settled(jobs, 'owner', jobId)).toMatchObject({ state: 'done', done: 4, total: 4, percent: 100, fileName: 'a.docx' });
    expect(() => jobs.take('someone-else', jobId)).toThrow(expect.objectContaining({ code: 'not-found' }));
    expect(jobs.take('owner', jobId)).toBe(file);
    expect(() => jobs.take('owner', jobId)).toThrow(expect.objectContaining({ code: 'not-found' }));
  });

  it('the percent is one number for bar and text: never 100 while the job still runs, 100 once the file is made', async () => {
    const jobs = new ExportJobs();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const jobId = jobs.start('owner', async (monitor) => {
      // Every step reported, the file not yet made (the last writes of a workbook).
      await monitor.checkpoint(200, 200, '写入文件');
      await gate;
      return file;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(jobs.status('owner', jobId)).toMatchObject({ state: 'running', done: 200, total: 200, percent: 99 });
    release();
    expect(await settled(jobs, 'owner', jobId)).toMatchObject({ state: 'done', percent: 100 });
  });

  it('cancel stops the job at its next checkpoint; no file is kept', async () => {
    const jobs = new ExportJobs({ yieldEveryMs: 0 });
    let reached = 0;
    let stoppedBy: unknown;
    const jobId = jobs.start('owner', async (monitor) => {
      try {
        for (let step = 0; step < 1000; step += 1) {
          reached = step;
          await monitor.checkpoint(step, 1000);
        }
      } catch (error) {
        stoppedBy = error;
        throw error;
      }
      return file;
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(jobs.cancel('owner', jobId).state).toBe('running');
    expect(await settled(jobs, 'owner', jobId)).toMatchObject({ state: 'cancelled' });
    expect(isExportCancelled(stoppedBy)).toBe(true);
    expect(reached).toBeLessThan(999);
    expect(() => jobs.take('owner', jobId)).toThrow(expect.objectContaining({ code: 'conflict', message: expect.stringContaining('取消') }));
  });

  it('a failure keeps its error code and message; finished jobs nobody collects expire; running jobs are limited', async () => {
    let now = 1_000_000;
    const jobs = new ExportJobs({ now: () => now, keepFinishedMs: 60_000, maxRunningPerOwner: 1 });
    const failing = jobs.start('owner', async () => {
      throw Object.assign(new Error('找不到该文稿'), { name: 'DomainError' });
    });
    expect(await settled(jobs, 'owner', failing)).toMatchObject({ state: 'failed', code: 'internal', message: expect.stringContaining('找不到该文稿') });
    let release: (() => void) | undefined;
    const blocked = jobs.start('owner', () => new Promise<ExportFile>((resolve) => (release = () => resolve(file))));
    expect(() => jobs.start('owner', async () => file)).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(jobs.start('other', async () => file)).toBeTruthy();
    // The task starts on a later turn than start().
    while (!release) await new Promise((resolve) => setTimeout(resolve, 1));
    release();
    await settled(jobs, 'owner', blocked);
    now += 61_000;
    expect(jobs.size).toBe(0);
    expect(() => jobs.status('owner', blocked)).toThrow(expect.objectContaining({ code: 'not-found' }));
  });

  it('runExport dispatches every kind through the same use cases', async () => {
    const store = await openTempStore({ seed: true });
    const ctx = await ctxOf(store, office.supervisor);
    const names = await Promise.all([
      runExport(ctx, { kind: 'word', id: office.submitted, layout: 'plain' }),
      runExport(ctx, { kind: 'excel', id: office.submitted }),
      runExport(ctx, { kind: 'register', documentKind: 'work-log', period: '2026-11' }),
      runExport(ctx, { kind: 'meeting-pack', ids: [office.submitted], meetingName: '例会', meetingDate: '2026-11-05', organiser: '营销部', layout: 'excel' }),
    ]);
    expect(names.map((item) => item.fileName)).toEqual([
      '测试工作日志_城关片区_东街烟酒店_2026年11月4日_张明_普通.docx',
      '测试工作日志_城关片区_东街烟酒店_2026年11月4日_张明.xlsx',
      '文稿台账_2026年11月_工作日志.xlsx',
      '例会_汇总_2026年11月5日.xlsx',
    ]);
  });
});
