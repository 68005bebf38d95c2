import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract, type ChannelInput, type ChannelName, type ChannelOutput } from '../../electron/api/contract';
import type { DesktopActs } from '../../electron/api/handlers';
import type { Result } from '../../electron/api/result';
import { SavedFiles } from '../../electron/main/save-file';
import type { ErrorCode } from '../../electron/core/common/errors';
import type { Report } from '../../electron/core/common/schemas/report';
import { templateSchema, type Template } from '../../electron/core/common/schemas/template';
import { templateToFile } from '../../electron/core/templates/template-file';
import { anchorText, makeTextAnchor } from '../../electron/core/review/anchors';
import { richTextToPlain } from '../../electron/core/common/text/rich-text';
import { fixtureSeedsDir, hashFolder, makeTempDir, office, openTempStore, testIdentity, type TempStore } from '../helpers/temp-store';
import { httpCall, ipcCall, type Call } from '../helpers/transports';
import { adoptBackups } from '../helpers/backup-host';
import { testPassphrase } from '../helpers/unlock';
import { readBackupFile } from '../../electron/store/backup/backup-file';

type Caller = 'nobody' | 'manager' | 'otherManager' | 'supervisor';

const profileIds: Record<Caller, string | null> = {
  nobody: null,
  manager: office.manager,
  otherManager: office.otherManager,
  supervisor: office.supervisor,
};

interface Env {
  /** The same transport the row is being run through. */
  call: Call;
  store: TempStore;
}

interface Row<K extends ChannelName> {
  /** Who calls. */
  as: Caller;
  /** Start from an empty data folder instead of the fixture office. */
  empty?: boolean;
  /** The input, or a step that prepares the data folder through the same transport and returns the input. */
  input: ChannelInput<K> | ((env: Env) => Promise<ChannelInput<K>>);
  /** What the caller gets back, and what it changed. */
  expectValue: (value: ChannelOutput<K>, env: Env) => void | Promise<void>;
  /** The valid input with one field of the wrong type, or `root` for channels that take no fields. */
  wrongType: { field: string; value: unknown } | 'root';
  /** Channels only the desktop app answers: browser mode (HTTP) refuses a valid call with this code. */
  desktopOnly?: ErrorCode;
}

/**
 * The desktop acts the Electron main process gives the IPC dispatcher: a file saved through the save dialog
 * (recorded as the dialog does) may be opened; the opener only records what it was asked to open.
 */
const savedExport = path.join(os.tmpdir(), 'reportdesk-saved', '工作日志_张明.docx');
const openedFiles: string[] = [];
/** What `export:save` handed to the desktop's save dialog (the dialog itself is Electron's). */
const savedByMain: { fileName: string; bytes: Uint8Array }[] = [];
function desktopActs(): DesktopActs {
  const saved = new SavedFiles();
  saved.record(savedExport);
  return {
    openSavedFile: saved.opener(async (filePath) => {
      openedFiles.push(filePath);
      return '';
    }),
    saveExport: async (file) => {
      savedByMain.push(file);
      return { saved: true, path: path.join(os.tmpdir(), 'reportdesk-saved', file.fileName) };
    },
  };
}

/** Call a channel and return its value, failing the test with the error when it is not ok. */
async function value<T>(call: Call, channel: ChannelName, as: Caller, input: unknown): Promise<T> {
  const result = await call(channel, profileIds[as], input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

async function errorCode(call: Call, channel: ChannelName, as: Caller, input: unknown): Promise<ErrorCode | 'ok'> {
  const result = await call(channel, profileIds[as], input);
  return result.ok ? 'ok' : result.error.code;
}

/** Poll an export job until it is no longer running. */
async function exportFinished(call: Call, as: Caller, jobId: string): Promise<ChannelOutput<'export:status'>> {
  for (let attempt = 0; attempt < 400; attempt += 1) {
    const status = await value<ChannelOutput<'export:status'>>(call, 'export:status', as, { jobId });
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`export job ${jobId} did not finish`);
}

/** A small workbook, as the browser would send a picked file. */
async function sampleWorkbookBase64(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('走访');
  sheet.addRow(['店名', '销量']);
  sheet.addRow(['便民超市', 120]);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

const workbookBase64 = await sampleWorkbookBase64();

/**
 * A valid submission package from another machine (周远, with a comment by 孙主任), from the package corpus. A
 * manager's package never introduces a supervisor: 孙主任's fingerprint (the corpus's fixed key) is confirmed on
 * this machine, as a person does after checking it with him.
 */
const remotePackage = {
  fileName: 'valid-submissions.rdpkg',
  dataBase64: readFileSync(path.join(__dirname, '..', 'fixtures', 'packages', 'valid-submissions.rdpkg')).toString('base64'),
  confirmSupervisors: ['6a38 03d5 f059 902a 1c6d afbc 9ba4 7292'],
};

/** Import the remote package as the supervisor (trusting 周远 and 孙主任), through the transport under test. */
async function importRemote(call: Call): Promise<void> {
  await value(call, 'exchange:apply', 'supervisor', { ...remotePackage, trustSender: true });
}

const fixtureTemplate: Template = templateSchema.parse(
  JSON.parse(readFileSync(path.join(fixtureSeedsDir, 'templates', `${office.templateId}.json`), 'utf8')),
);

/** A custom copy of the fixture template, made through the transport under test. */
async function duplicateFixture(call: Call): Promise<Template> {
  return value<Template>(call, 'templates:duplicate', 'supervisor', { id: office.templateId, name: '我的工作日志' });
}

function paragraph(text: string) {
  return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

type CommentView = ChannelOutput<'review:comment'>;

/** A supervisor's comment on the whole of 张明's submitted document, through the transport under test. */
async function supervisorComment(call: Call, text = '请补充库存偏高的原因。'): Promise<CommentView> {
  return value<CommentView>(call, 'review:comment', 'supervisor', { id: office.submitted, anchor: { kind: 'document' }, kind: 'problem', text });
}

/** A text anchor on a passage of the frozen revision, as the review pane makes it from a selection. */
async function passageAnchor(call: Call, id: string, revision: number, quote: string) {
  const { report } = await value<ChannelOutput<'review:revision'>>(call, 'review:revision', 'supervisor', { id, revision });
  const summary = report.sections['summary'];
  if (summary?.type !== 'richtext') throw new Error('the fixture summary is rich text');
  const { text } = anchorText(summary.doc);
  const start = text.indexOf(quote);
  expect(start).toBeGreaterThanOrEqual(0);
  return makeTextAnchor('summary', text, start, start + quote.length);
}

/** Return 张明's submitted document, have him revise text and a table cell, and resubmit it as revision 2. */
async function resubmitRevised(call: Call): Promise<void> {
  await value(call, 'review:decide', 'supervisor', { id: office.submitted, decision: 'return', grade: '需改进', reason: '缺少原因分析', meetingFlag: 'critique' });
  const { report } = await value<ChannelOutput<'reports:get'>>(call, 'reports:get', 'manager', { id: office.submitted });
  const saved = await value<ChannelOutput<'reports:save-draft'>>(call, 'reports:save-draft', 'manager', {
    id: office.submitted,
    baseRev: report.rev,
    metadata: {},
    sections: {
      summary: { type: 'richtext', doc: paragraph('走访东街烟酒店，库存偏高，原因是节前备货过多，建议控制进货。') },
      visits: { type: 'table', rows: [{ id: 'rpt-zhang-submitted-row1', cells: { 店名: '东街烟酒店', 销量: 120, 库存: 200 } }] },
    },
  });
  await value(call, 'reports:submit', 'manager', { id: office.submitted, baseRev: saved.rev });
}

/**
 * One row per channel of the contract. A channel added to the contract without a row here fails the
 * "every channel has a row" test below (and the type check, since the table is keyed by ChannelName).
 */
const table: { [K in ChannelName]: Row<K> } = {
  'app:info': {
    as: 'nobody',
    input: {},
    expectValue: (info, { store }) => {
      expect(info).toEqual({
        name: testIdentity.name,
        version: testIdentity.version,
        dataDir: store.dataDir,
        problemCount: 0,
        profileCount: 3,
      });
    },
    wrongType: 'root',
  },
  'profiles:list': {
    as: 'nobody',
    input: {},
    expectValue: (profiles) => {
      expect(profiles.map((profile) => profile.name)).toEqual([office.managerName, office.otherManagerName, office.supervisorName]);
    },
    wrongType: 'root',
  },
  'profiles:create': {
    as: 'nobody',
    input: { name: '赵强', role: 'manager', unit: '城北片区' },
    expectValue: async (profile, { call }) => {
      expect(profile).toMatchObject({ name: '赵强', role: 'manager', unit: '城北片区' });
      const profiles = await value<{ id: string }[]>(call, 'profiles:list', 'nobody', {});
      expect(profiles.map((item) => item.id)).toContain(profile.id);
      // The new profile becomes the one the app opens with next time.
      expect((await value<{ lastProfileId: string | null }>(call, 'settings:get', 'nobody', {})).lastProfileId).toBe(profile.id);
    },
    wrongType: { field: 'name', value: 42 },
  },
  'profiles:select': {
    as: 'nobody',
    input: { id: office.supervisor },
    expectValue: async (profile, { call }) => {
      expect(profile).toMatchObject({ id: office.supervisor, role: 'supervisor' });
      expect((await value<{ lastProfileId: string | null }>(call, 'settings:get', 'nobody', {})).lastProfileId).toBe(office.supervisor);
    },
    wrongType: { field: 'id', value: 42 },
  },
  'settings:get': {
    as: 'nobody',
    input: {},
    expectValue: (settings) => {
      // The last profile a window chose (each caller's window chose its profile first, the supervisor last).
      expect(settings).toMatchObject({ language: 'zh-CN', lastProfileId: office.supervisor, officeName: '县局（分公司）营销部' });
    },
    wrongType: 'root',
  },
  'settings:update': {
    as: 'nobody',
    input: { officeName: '青山县局营销部' },
    expectValue: async (settings, { call }) => {
      expect(settings).toMatchObject({ officeName: '青山县局营销部', language: 'zh-CN' });
      expect(await value(call, 'settings:get', 'nobody', {})).toEqual(settings);
    },
    wrongType: { field: 'officeName', value: 123 },
  },
  'store:problems': {
    as: 'nobody',
    input: {},
    expectValue: (problems) => {
      expect(problems).toEqual([]);
    },
    wrongType: 'root',
  },
  'demo:load': {
    as: 'nobody',
    empty: true,
    input: {},
    expectValue: async (loaded, { call }) => {
      expect(loaded).toEqual({ profiles: 3, reports: 4, skipped: 0 });
      expect(await value<unknown[]>(call, 'profiles:list', 'nobody', {})).toHaveLength(3);
    },
    wrongType: 'root',
  },
  'templates:list': {
    as: 'manager',
    input: {},
    expectValue: (templates) => {
      expect(templates).toEqual([
        expect.objectContaining({ id: office.templateId, version: 1, builtIn: true, kind: 'work-log', sectionCount: 3 }),
      ]);
    },
    wrongType: 'root',
  },
  'templates:get': {
    as: 'supervisor',
    input: { id: office.templateId },
    expectValue: ({ template, versions }) => {
      expect(template.id).toBe(office.templateId);
      expect(template.sections.map((section) => section.id)).toEqual(['summary', 'visits', 'notes']);
      expect(versions).toEqual([1]);
    },
    wrongType: { field: 'version', value: 'latest' },
  },
  'templates:duplicate': {
    as: 'supervisor',
    input: { id: office.templateId, name: '我的工作日志' },
    expectValue: async (copy, { call }) => {
      expect(copy).toMatchObject({
        name: '我的工作日志',
        version: 1,
        builtIn: false,
        createdBy: office.supervisor,
        publisher: { profileId: office.supervisor, name: office.supervisorName },
        contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect(copy.id).not.toBe(office.templateId);
      expect(copy.sections).toEqual(fixtureTemplate.sections);
      const list = await value<{ id: string }[]>(call, 'templates:list', 'manager', {});
      expect(list.map((item) => item.id).sort()).toEqual([copy.id, office.templateId].sort());
    },
    wrongType: { field: 'name', value: 5 },
  },
  'templates:save': {
    as: 'supervisor',
    input: async ({ call }) => {
      const copy = await duplicateFixture(call);
      return { template: { ...copy, name: '改过的工作日志', description: '第二版' }, baseVersion: 1 };
    },
    expectValue: async (saved, { call }) => {
      expect(saved).toMatchObject({ name: '改过的工作日志', version: 2, builtIn: false });
      const { template, versions } = await value<ChannelOutput<'templates:get'>>(call, 'templates:get', 'manager', { id: saved.id });
      expect(versions).toEqual([1, 2]);
      expect(template.description).toBe('第二版');
      // The first version is kept for the documents made from it.
      const first = await value<ChannelOutput<'templates:get'>>(call, 'templates:get', 'manager', { id: saved.id, version: 1 });
      expect(first.template.name).toBe('我的工作日志');
    },
    wrongType: { field: 'baseVersion', value: 'v1' },
  },
  'templates:export': {
    as: 'supervisor',
    input: { id: office.templateId },
    expectValue: (file) => {
      expect(file.fileName).toMatch(/测试工作日志.*\.json$/);
      expect(JSON.parse(file.text)).toMatchObject({ template: { id: office.templateId, version: 1 } });
    },
    wrongType: { field: 'version', value: 'x' },
  },
  'templates:import': {
    as: 'supervisor',
    input: {
      fileName: '导入的日志.rdtpl.json',
      text: templateToFile({ ...fixtureTemplate, id: 'imported-log', name: '导入的日志', builtIn: false }),
    },
    expectValue: async (imported, { call }) => {
      expect(imported).toMatchObject({ created: true, template: { id: 'imported-log', name: '导入的日志', version: 1, builtIn: false } });
      const list = await value<{ id: string }[]>(call, 'templates:list', 'manager', {});
      expect(list.map((item) => item.id)).toContain('imported-log');
    },
    wrongType: { field: 'text', value: 42 },
  },
  'reports:list': {
    as: 'manager',
    input: {},
    expectValue: (list) => {
      // Newest first; only the caller's own documents.
      expect(list.map((item) => item.id)).toEqual([office.draft, office.submitted]);
    },
    wrongType: { field: 'status', value: 5 },
  },
  'reports:search': {
    as: 'manager',
    input: { query: '便民超市' },
    expectValue: async (hits, { call }) => {
      expect(hits.map((hit) => hit.summary.id)).toEqual([office.draft]);
      expect(hits[0].snippet).toContain('便民超市');
      // Only documents the caller may read are searched: 李娜's draft mentions 细支烟.
      expect(await value(call, 'reports:search', 'manager', { query: '细支烟' })).toEqual([]);
    },
    wrongType: { field: 'query', value: 7 },
  },
  'reports:previous': {
    as: 'manager',
    input: { templateId: office.templateId, period: '2026-11-05' },
    expectValue: (previous) => {
      // 张明's latest document of this template before 5 November.
      expect(previous).toMatchObject({ id: office.submitted, period: '2026-11-04' });
    },
    wrongType: { field: 'period', value: 20261105 },
  },
  'reports:get': {
    as: 'manager',
    input: { id: office.draft },
    expectValue: ({ report, template }) => {
      expect(report).toMatchObject({ id: office.draft, status: 'draft', rev: 1, authorId: office.manager });
      expect(template).toMatchObject({ id: office.templateId, version: 1 });
    },
    wrongType: { field: 'id', value: ['x'] },
  },
  'reports:create': {
    as: 'manager',
    input: { templateId: office.templateId, metadata: { 店名: '北关综合商店' } },
    expectValue: async (report, { call }) => {
      expect(report).toMatchObject({
        templateId: office.templateId,
        status: 'draft',
        rev: 1,
        authorId: office.manager,
        region: '城关片区',
        metadata: expect.objectContaining({ 片区: '城关片区', 店名: '北关综合商店' }),
      });
      const list = await value<{ id: string }[]>(call, 'reports:list', 'manager', {});
      expect(list.map((item) => item.id)).toContain(report.id);
    },
    wrongType: { field: 'metadata', value: 'x' },
  },
  'reports:save-draft': {
    as: 'manager',
    input: {
      id: office.draft,
      baseRev: 1,
      metadata: { 店名: '城关便民超市（新店）' },
      sections: { summary: { type: 'richtext', doc: paragraph('下午补充：已联系配送，周三到货。') } },
    },
    expectValue: async (saved, { call }) => {
      expect(saved).toMatchObject({ id: office.draft, rev: 2 });
      const { report } = await value<ChannelOutput<'reports:get'>>(call, 'reports:get', 'manager', { id: office.draft });
      expect(report.rev).toBe(2);
      expect(report.metadata['店名']).toBe('城关便民超市（新店）');
      const summary = report.sections['summary'];
      expect(summary.type === 'richtext' && richTextToPlain(summary.doc)).toBe('下午补充：已联系配送，周三到货。');
      // Sections not sent are kept.
      expect(report.sections['visits']).toMatchObject({ type: 'table' });
    },
    wrongType: { field: 'baseRev', value: '1' },
  },
  'reports:delete': {
    as: 'manager',
    input: { id: office.draft, baseRev: 1 },
    expectValue: async (deleted, { call }) => {
      expect(deleted).toEqual({ deleted: true });
      expect(await errorCode(call, 'reports:get', 'manager', { id: office.draft })).toBe('not-found');
      const list = await value<{ id: string }[]>(call, 'reports:list', 'manager', {});
      expect(list.map((item) => item.id)).not.toContain(office.draft);
    },
    wrongType: { field: 'baseRev', value: '1' },
  },
  'reports:submit': {
    as: 'manager',
    input: { id: office.draft, baseRev: 1, note: '请王主任审阅' },
    expectValue: async (submitted, { call }) => {
      expect(submitted).toMatchObject({ id: office.draft, status: 'submitted', revision: 1, review: { count: 1 } });
      // Revision 1 is frozen and readable, with the text as submitted.
      const frozen = await value<ChannelOutput<'review:revision'>>(call, 'review:revision', 'supervisor', { id: office.draft, revision: 1 });
      expect(frozen.report).toMatchObject({ id: office.draft, revision: 1, status: 'submitted' });
      expect(frozen.report.sections).toEqual(submitted.sections);
      const summary = frozen.report.sections['summary'];
      expect(summary.type === 'richtext' && richTextToPlain(summary.doc)).toBe('上午走访城关便民超市，中华系列到货不足。');
      const review = await value<ChannelOutput<'review:get'>>(call, 'review:get', 'manager', { id: office.draft });
      expect(review.revisions).toEqual([1]);
      expect(review.state.workflow).toEqual([expect.objectContaining({ type: 'submit', revision: 1, note: '请王主任审阅', by: expect.objectContaining({ id: office.manager }) })]);
      // It is now the supervisor's to read, and no longer the writer's to change.
      const list = await value<{ id: string }[]>(call, 'reports:list', 'supervisor', { status: 'submitted' });
      expect(list.map((item) => item.id)).toContain(office.draft);
      expect(await errorCode(call, 'reports:save-draft', 'manager', { id: office.draft, baseRev: submitted.rev, metadata: {}, sections: {} })).toBe('forbidden');
    },
    wrongType: { field: 'baseRev', value: '1' },
  },
  'review:get': {
    as: 'supervisor',
    input: { id: office.submitted },
    expectValue: async (review, { call }) => {
      expect(review.revisions).toEqual([1]);
      expect(review.state).toMatchObject({ status: 'submitted', lastSubmittedRevision: 1, comments: [], decisions: [], currentDecision: null });
      expect(review.state.workflow).toEqual([expect.objectContaining({ type: 'submit', revision: 1, by: { id: office.manager, name: office.managerName, role: 'manager' } })]);
      // The submission was new to the supervisor; reading it marked it read.
      expect(review.unseen).toBe(1);
      expect((await value<ChannelOutput<'review:get'>>(call, 'review:get', 'supervisor', { id: office.submitted })).unseen).toBe(0);
    },
    wrongType: { field: 'markRead', value: 'yes' },
  },
  'review:decide': {
    as: 'supervisor',
    input: { id: office.submitted, decision: 'return', grade: '需改进', reason: '分析缺少原因，请补充。', meetingFlag: 'critique' },
    expectValue: async (returned, { call }) => {
      expect(returned).toMatchObject({ id: office.submitted, status: 'returned', revision: 2, review: { grade: '需改进', meetingFlag: 'critique' } });
      const { report } = await value<ChannelOutput<'reports:get'>>(call, 'reports:get', 'manager', { id: office.submitted });
      expect(report).toMatchObject({ status: 'returned', revision: 2 });
      const review = await value<ChannelOutput<'review:get'>>(call, 'review:get', 'manager', { id: office.submitted });
      expect(review.state.currentDecision).toMatchObject({ decision: 'return', grade: '需改进', reason: '分析缺少原因，请补充。', revision: 1 });
      // The writer may revise it again.
      const saved = await value<ChannelOutput<'reports:save-draft'>>(call, 'reports:save-draft', 'manager', { id: office.submitted, baseRev: report.rev, metadata: {}, sections: {} });
      expect(saved.status).toBe('returned');
    },
    wrongType: { field: 'decision', value: 1 },
  },
  'review:reopen': {
    as: 'supervisor',
    input: { id: office.otherApproved, reason: '台账数据需要再核对' },
    expectValue: async (reopened, { call }) => {
      expect(reopened).toMatchObject({ id: office.otherApproved, status: 'submitted', revision: 1 });
      const review = await value<ChannelOutput<'review:get'>>(call, 'review:get', 'otherManager', { id: office.otherApproved });
      expect(review.state.status).toBe('submitted');
      expect(review.state.currentDecision).toBeNull();
      expect(review.state.workflow.map((event) => event.type)).toEqual(['submit', 'approve', 'reopen']);
      expect(review.state.workflow.at(-1)).toMatchObject({ note: '台账数据需要再核对', by: { id: office.supervisor } });
      // The earlier approval stays on record.
      expect(review.state.decisions).toEqual([expect.objectContaining({ decision: 'approve' })]);
    },
    wrongType: { field: 'reason', value: 5 },
  },
  'review:comment': {
    as: 'supervisor',
    input: async ({ call }) => {
      // Both have read everything so far.
      await value(call, 'review:get', 'manager', { id: office.submitted });
      await value(call, 'review:get', 'supervisor', { id: office.submitted });
      return { id: office.submitted, anchor: await passageAnchor(call, office.submitted, 1, '库存偏高'), kind: 'problem', text: '库存偏高的原因是什么？' };
    },
    expectValue: async (comment, { call }) => {
      expect(comment).toMatchObject({
        revision: 1,
        anchor: { kind: 'text', sectionId: 'summary', quote: '库存偏高', prefix: '走访东街烟酒店，', suffix: '，建议控制进货。\n' },
        kind: 'problem',
        text: '库存偏高的原因是什么？',
        status: 'open',
        retracted: null,
        by: { id: office.supervisor, role: 'supervisor' },
      });
      // The writer sees it on their document, new to them; to the supervisor who wrote it, it is not news.
      const review = await value<ChannelOutput<'review:get'>>(call, 'review:get', 'manager', { id: office.submitted });
      expect(review.state.comments).toEqual([comment]);
      expect(review.unseen).toBe(1);
      expect((await value<ChannelOutput<'review:get'>>(call, 'review:get', 'supervisor', { id: office.submitted, markRead: false })).unseen).toBe(0);
      const { report } = await value<ChannelOutput<'reports:get'>>(call, 'reports:get', 'manager', { id: office.submitted });
      expect(report.review).toMatchObject({ count: 2, openComments: 1 });
    },
    wrongType: { field: 'text', value: 5 },
  },
  'review:edit-comment': {
    as: 'supervisor',
    input: async ({ call }) => {
      const comment = await supervisorComment(call, '原因？');
      return { id: office.submitted, commentId: comment.id, kind: 'suggestion', text: '请说明库存偏高的原因，并给出控制措施。' };
    },
    expectValue: async (edited, { call }) => {
      expect(edited).toMatchObject({ kind: 'suggestion', text: '请说明库存偏高的原因，并给出控制措施。' });
      const [comment] = (await value<ChannelOutput<'review:get'>>(call, 'review:get', 'manager', { id: office.submitted })).state.comments;
      expect(comment.versions.map((version) => [version.kind, version.text])).toEqual([
        ['problem', '原因？'],
        ['suggestion', '请说明库存偏高的原因，并给出控制措施。'],
      ]);
    },
    wrongType: { field: 'commentId', value: 5 },
  },
  'review:retract-comment': {
    as: 'supervisor',
    input: async ({ call }) => {
      const comment = await supervisorComment(call);
      return { id: office.submitted, commentId: comment.id, reason: '看错了表格' };
    },
    expectValue: async (retracted, { call }) => {
      expect(retracted.retracted).toMatchObject({ reason: '看错了表格', by: { id: office.supervisor } });
      // Still there for everyone to see, marked as withdrawn, with its text.
      const [comment] = (await value<ChannelOutput<'review:get'>>(call, 'review:get', 'manager', { id: office.submitted })).state.comments;
      expect(comment).toMatchObject({ id: retracted.id, text: '请补充库存偏高的原因。', retracted: { reason: '看错了表格' } });
      const { report } = await value<ChannelOutput<'reports:get'>>(call, 'reports:get', 'manager', { id: office.submitted });
      expect(report.review?.openComments).toBe(0);
    },
    wrongType: { field: 'reason', value: 5 },
  },
  'review:reply': {
    as: 'manager',
    input: async ({ call }) => {
      const comment = await supervisorComment(call);
      return { id: office.submitted, commentId: comment.id, text: '主要是节前备货过多。' };
    },
    expectValue: async (replied, { call }) => {
      expect(replied.replies).toEqual([expect.objectContaining({ text: '主要是节前备货过多。', by: { id: office.manager, name: office.managerName, role: 'manager' } })]);
      const review = await value<ChannelOutput<'review:get'>>(call, 'review:get', 'supervisor', { id: office.submitted });
      expect(review.state.comments[0].replies.map((reply) => reply.text)).toEqual(['主要是节前备货过多。']);
    },
    wrongType: { field: 'text', value: 5 },
  },
  'review:mark-fixed': {
    as: 'manager',
    input: async ({ call }) => {
      const comment = await supervisorComment(call);
      return { id: office.submitted, commentId: comment.id, note: '已补充原因分析' };
    },
    expectValue: async (fixed, { call }) => {
      expect(fixed).toMatchObject({ status: 'fixed', fixNote: '已补充原因分析' });
      const review = await value<ChannelOutput<'review:get'>>(call, 'review:get', 'supervisor', { id: office.submitted });
      expect(review.state.comments[0]).toMatchObject({ status: 'fixed', fixNote: '已补充原因分析' });
      // Marking it twice is refused.
      expect(await errorCode(call, 'review:mark-fixed', 'manager', { id: office.submitted, commentId: fixed.id, note: '再次' })).toBe('forbidden');
    },
    wrongType: { field: 'note', value: 5 },
  },
  'review:settle': {
    as: 'supervisor',
    input: async ({ call }) => {
      const comment = await supervisorComment(call);
      await value(call, 'review:mark-fixed', 'manager', { id: office.submitted, commentId: comment.id, note: '已补充' });
      return { id: office.submitted, commentId: comment.id, action: 'resolve' };
    },
    expectValue: async (resolved, { call }) => {
      expect(resolved.status).toBe('resolved');
      expect(resolved.events.map((event) => event.type)).toEqual(['mark-fixed', 'resolve']);
      const { report } = await value<ChannelOutput<'reports:get'>>(call, 'reports:get', 'manager', { id: office.submitted });
      expect(report.review?.openComments).toBe(0);
      // Reopening it needs a reason, then it is open again.
      expect(await errorCode(call, 'review:settle', 'supervisor', { id: office.submitted, commentId: resolved.id, action: 'reopen' })).toBe('invalid-input');
      const reopened = await value<CommentView>(call, 'review:settle', 'supervisor', { id: office.submitted, commentId: resolved.id, action: 'reopen', reason: '措施不具体' });
      expect(reopened.status).toBe('open');
    },
    wrongType: { field: 'action', value: 5 },
  },
  'review:revision': {
    as: 'supervisor',
    input: { id: office.submitted, revision: 1 },
    expectValue: async ({ report, template }, { call }) => {
      expect(report).toMatchObject({ id: office.submitted, revision: 1, status: 'submitted' });
      expect(template).toMatchObject({ id: office.templateId, version: 1 });
      const current = await value<ChannelOutput<'reports:get'>>(call, 'reports:get', 'supervisor', { id: office.submitted });
      expect(report.sections).toEqual(current.report.sections);
      expect(await errorCode(call, 'review:revision', 'supervisor', { id: office.submitted, revision: 2 })).toBe('not-found');
    },
    wrongType: { field: 'revision', value: '1' },
  },
  'review:compare': {
    as: 'supervisor',
    input: async ({ call }) => {
      await supervisorComment(call, '原因？');
      await resubmitRevised(call);
      return { id: office.submitted, from: 1, to: 2 };
    },
    expectValue: ({ sections, comments }) => {
      const summary = sections.find((section) => section.sectionId === 'summary')!;
      expect(summary.changed).toBe(true);
      expect(summary.text!.filter((part) => part.change === 'added').map((part) => part.value).join('')).toContain('原因是节前备货过多');
      const visits = sections.find((section) => section.sectionId === 'visits')!;
      expect(visits.rows).toEqual([{ rowId: 'rpt-zhang-submitted-row1', change: 'changed', label: '东街烟酒店', cells: [{ columnKey: '库存', before: '300', after: '200' }] }]);
      expect(sections.find((section) => section.sectionId === 'notes')!.changed).toBe(false);
      // The comments made on revision 1, for the side pane.
      expect(comments.map((comment) => [comment.revision, comment.text])).toEqual([[1, '原因？']]);
    },
    wrongType: { field: 'from', value: '1' },
  },
  'review:verify': {
    as: 'manager',
    input: { id: office.submitted },
    expectValue: (report) => {
      expect(report).toEqual({ docId: office.submitted, ok: true, records: 1, problems: [] });
    },
    wrongType: { field: 'id', value: 5 },
  },
  'review:verify-all': {
    as: 'supervisor',
    input: {},
    expectValue: (result) => {
      // Every document the supervisor may see: the submitted and the approved one.
      expect(result).toEqual({ checked: 2, problems: [] });
    },
    wrongType: 'root',
  },
  'review:inbox': {
    as: 'supervisor',
    input: {},
    expectValue: async (inbox, { call }) => {
      expect(inbox.entries.map((entry) => [entry.summary.id, entry.summary.status, entry.unread])).toEqual([[office.submitted, 'submitted', true]]);
      expect(inbox.counts).toEqual({ unread: 1, submitted: 1, approved: 1 });
      await value(call, 'review:get', 'supervisor', { id: office.submitted });
      const read = await value<ChannelOutput<'review:inbox'>>(call, 'review:inbox', 'supervisor', {});
      expect(read.entries.map((entry) => entry.unread)).toEqual([false]);
      expect(read.counts['unread']).toBe(0);
    },
    wrongType: { field: 'unreadOnly', value: 'yes' },
  },
  'review:not-submitted': {
    as: 'supervisor',
    input: { period: '2026-11-05' },
    expectValue: async (missing, { call }) => {
      // Both managers only have drafts for 5 November.
      expect(missing).toEqual([
        {
          templateId: office.templateId,
          templateName: '测试工作日志',
          period: '2026-11-05',
          missing: [
            { id: office.manager, name: office.managerName, unit: '城关片区' },
            { id: office.otherManager, name: office.otherManagerName, unit: '城南片区' },
          ],
          // Due by the end of 5 November, Beijing time.
          state: 'due',
          dueAt: '2026-11-05T16:00:00.000Z',
        },
      ]);
      const fourth = await value<ChannelOutput<'review:not-submitted'>>(call, 'review:not-submitted', 'supervisor', { period: '2026-11-04' });
      expect(fourth[0].missing.map((manager) => manager.id)).toEqual([office.otherManager]);
    },
    wrongType: { field: 'period', value: 20261105 },
  },
  'insight:dashboard': {
    as: 'supervisor',
    input: { period: '2026-11' },
    expectValue: async (view, { call }) => {
      // Every manager on the roster, with the documents of November the store holds (drafts do not count).
      expect(view.rows.map((row) => [row.managerName, row.documents, row.documentIds])).toEqual([
        [office.managerName, 1, [office.submitted]],
        [office.otherManagerName, 1, [office.otherApproved]],
      ]);
      const [zhang, li] = view.rows;
      expect(zhang).toMatchObject({ byKind: { 'work-log': 1 }, onTime: 1, late: 0, grades: { 优秀: 0, 良好: 0 }, ungraded: 1, goodShare: null, copyFlagged: 0 });
      expect(li).toMatchObject({ onTime: 1, grades: { 良好: 1 }, goodShare: 1, comments: { open: 1, fixed: 0, resolved: 0 } });
      expect(view.totals).toMatchObject({ documents: 2, onTime: 2 });
      // A manager sees their own row only; a month without documents has no rates (无数据), never NaN.
      const own = await value<ChannelOutput<'insight:dashboard'>>(call, 'insight:dashboard', 'manager', { period: '2026-11' });
      expect(own.rows.map((row) => row.managerName)).toEqual([office.managerName]);
      expect(own.rows[0].copyFlagged).toBeNull();
      const empty = await value<ChannelOutput<'insight:dashboard'>>(call, 'insight:dashboard', 'supervisor', { period: '2031-02' });
      expect(empty.rows.map((row) => [row.documents, row.onTimeRate, row.goodShare])).toEqual([
        [0, null, null],
        [0, null, null],
      ]);
    },
    wrongType: { field: 'period', value: 202611 },
  },
  'insight:copy-check': {
    as: 'supervisor',
    input: { id: office.submitted },
    expectValue: async (check, { call }) => {
      // Checked when the fixture office was loaded: nothing in it repeats anything.
      expect(check).toMatchObject({ stored: true, flagged: false, threshold: 0.4, result: { docId: office.submitted, revision: 1, score: 0, matches: [] } });
      expect(check.result.sections.map((section) => section.sectionId)).toEqual(['summary']);
      // 李娜 copies 张明's submitted analysis with small edits and submits it: the check runs on submission.
      const { report } = await value<ChannelOutput<'reports:get'>>(call, 'reports:get', 'otherManager', { id: office.otherDraft });
      const saved = await value<ChannelOutput<'reports:save-draft'>>(call, 'reports:save-draft', 'otherManager', {
        id: office.otherDraft,
        baseRev: report.rev,
        metadata: {},
        sections: { summary: { type: 'richtext', doc: paragraph('今天走访南街烟酒店，库存偏高，建议店主控制进货。') } },
      });
      await value(call, 'reports:submit', 'otherManager', { id: office.otherDraft, baseRev: saved.rev });
      const copied = await value<ChannelOutput<'insight:copy-check'>>(call, 'insight:copy-check', 'supervisor', { id: office.otherDraft });
      expect(copied).toMatchObject({ stored: true, flagged: true });
      expect(copied.result.matches.map((match) => [match.category, match.source.docId, match.source.text])).toEqual([
        ['peer', office.submitted, '走访东街烟酒店，库存偏高，建议控制进货。'],
      ]);
      const inbox = await value<ChannelOutput<'review:inbox'>>(call, 'review:inbox', 'supervisor', {});
      expect(inbox.entries.find((entry) => entry.summary.id === office.otherDraft)?.copy).toMatchObject({ flagged: true });
      // Managers never see copy checks, nor scores in their inbox.
      expect(await errorCode(call, 'insight:copy-check', 'manager', { id: office.submitted })).toBe('forbidden');
      expect(await errorCode(call, 'insight:copy-check', 'supervisor', { id: office.draft })).toBe('not-found');
    },
    wrongType: { field: 'id', value: 42 },
  },
  'insight:sentences': {
    as: 'manager',
    input: async ({ call }) => {
      // A custom log template whose table carries wording rules.
      const copy = await duplicateFixture(call);
      const sections = copy.sections.map((section) =>
        section.id === 'visits' && section.table
          ? {
              ...section,
              table: {
                ...section.table,
                sentenceRules: [
                  { when: 'row' as const, text: '{{店名}}销量{{销量}}条，库存{{库存}}条，存销比{{存销比}}' },
                  { when: 'totals' as const, text: '合计销量{{销量}}条，存销比{{存销比}}' },
                ],
              },
            }
          : section,
      );
      const saved = await value<Template>(call, 'templates:save', 'supervisor', { template: { ...copy, sections }, baseVersion: copy.version });
      return {
        templateId: saved.id,
        sectionId: 'visits',
        rows: [
          { id: 'a', cells: { 店名: '东街烟酒店', 销量: 120, 库存: 54 } },
          { id: 'b', cells: { 店名: '南门小卖部', 销量: 0, 库存: 10 } },
        ],
        metadata: { 报告期: '2026-11-05' },
      };
    },
    expectValue: (output) => {
      expect(output).toEqual({
        ruleCount: 2,
        proposals: [
          { rule: 0, rowId: 'a', text: '东街烟酒店销量120条，库存54条，存销比0.45' },
          { rule: 0, rowId: 'b', text: '南门小卖部销量0条，库存10条' },
          { rule: 1, rowId: 'totals', text: '合计销量120条，存销比0.53' },
        ],
      });
    },
    wrongType: { field: 'rows', value: 'not rows' },
  },
  'tables:read-xlsx': {
    as: 'manager',
    input: { fileName: '走访记录.xlsx', dataBase64: workbookBase64 },
    expectValue: (read) => {
      expect(read).toEqual({ sheets: [{ name: '走访', rows: [['店名', '销量'], ['便民超市', '120']] }], notices: [] });
    },
    wrongType: { field: 'dataBase64', value: 123 },
  },
  'export:start': {
    as: 'supervisor',
    input: { kind: 'word', id: office.submitted, layout: 'official', includeReviewAppendix: true },
    expectValue: async ({ jobId }, { call, store }) => {
      expect(jobId).toMatch(/\S/);
      const before = await hashFolder(store.dataDir);
      const status = await exportFinished(call, 'supervisor', jobId);
      expect(status).toMatchObject({ jobId, state: 'done', fileName: expect.stringMatching(/^测试工作日志_.*张明_公文\.docx$/) });
      const file = await value<ChannelOutput<'export:result'>>(call, 'export:result', 'supervisor', { jobId });
      expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(Buffer.from(file.dataBase64, 'base64').subarray(0, 2).toString('latin1')).toBe('PK');
      // Exporting reads only: not even a read marker is written.
      expect(await hashFolder(store.dataDir)).toEqual(before);
      // A document the caller may not read is refused before a job starts.
      expect(await errorCode(call, 'export:start', 'supervisor', { kind: 'excel', id: office.draft })).toBe('not-found');
    },
    wrongType: { field: 'layout', value: 5 },
  },
  'export:status': {
    as: 'supervisor',
    input: async ({ call }) => value<{ jobId: string }>(call, 'export:start', 'supervisor', { kind: 'register', period: '2026-11' }),
    expectValue: async (status, { call }) => {
      expect(['running', 'done']).toContain(status.state);
      expect(status.total).toBeGreaterThanOrEqual(1);
      const finished = await exportFinished(call, 'supervisor', status.jobId);
      expect(finished).toMatchObject({ state: 'done', done: finished.total, fileName: '文稿台账_2026年11月.xlsx' });
      // Another profile's job is not theirs to see.
      expect(await errorCode(call, 'export:status', 'manager', { jobId: status.jobId })).toBe('not-found');
    },
    wrongType: { field: 'jobId', value: 42 },
  },
  'export:cancel': {
    as: 'manager',
    input: async ({ call }) => value<{ jobId: string }>(call, 'export:start', 'manager', { kind: 'register' }),
    expectValue: async (status, { call }) => {
      expect(['running', 'cancelled', 'done']).toContain(status.state);
      const finished = await exportFinished(call, 'manager', status.jobId);
      // Cancelled at its next checkpoint, unless it had already finished.
      if (status.state !== 'done') {
        expect(finished.state).toBe('cancelled');
        expect(await errorCode(call, 'export:result', 'manager', { jobId: status.jobId })).toBe('conflict');
      }
    },
    wrongType: { field: 'jobId', value: ['x'] },
  },
  'export:open-file': {
    as: 'manager',
    input: { path: savedExport },
    desktopOnly: 'unavailable',
    expectValue: async (value, { call }) => {
      expect(value).toEqual({ opened: true });
      expect(openedFiles.at(-1)).toBe(savedExport);
      // Only files this run saved through the save dialog: never another path or a program.
      const other = await call('export:open-file', profileIds.manager, { path: '/usr/bin/xterm' });
      expect(other.ok ? 'ok' : other.error.code).toBe('forbidden');
      expect(openedFiles.at(-1)).toBe(savedExport);
      // A relative path is refused by the contract.
      expect(await errorCode(call, 'export:open-file', 'manager', { path: 'x.docx' })).toBe('invalid-input');
    },
    wrongType: { field: 'path', value: 7 },
  },
  'export:result': {
    as: 'manager',
    input: async ({ call }) => {
      const { jobId } = await value<{ jobId: string }>(call, 'export:start', 'manager', { kind: 'excel', id: office.draft });
      await exportFinished(call, 'manager', jobId);
      return { jobId };
    },
    expectValue: async (file, { call }) => {
      expect(file.fileName).toMatch(/^测试工作日志_.*张明\.xlsx$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toContain('基本信息');
      // Handed over once, then dropped.
      const jobId = (await value<{ jobId: string }>(call, 'export:start', 'manager', { kind: 'excel', id: office.draft })).jobId;
      await exportFinished(call, 'manager', jobId);
      expect(await errorCode(call, 'export:result', 'manager', { jobId })).toBe('ok');
      expect(await errorCode(call, 'export:result', 'manager', { jobId })).toBe('not-found');
    },
    wrongType: { field: 'jobId', value: null },
  },
  'export:save': {
    as: 'manager',
    input: async ({ call }) => {
      const { jobId } = await value<{ jobId: string }>(call, 'export:start', 'manager', { kind: 'excel', id: office.draft });
      await exportFinished(call, 'manager', jobId);
      return { jobId };
    },
    desktopOnly: 'unavailable',
    expectValue: async (outcome, { call }) => {
      // The main process got the job's bytes and saved them; the page got only where.
      const file = savedByMain.at(-1)!;
      expect(outcome).toEqual({ saved: true, path: path.join(os.tmpdir(), 'reportdesk-saved', file.fileName) });
      expect(file.fileName).toMatch(/^测试工作日志_.*张明\.xlsx$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(file.bytes) as unknown as ArrayBuffer);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toContain('基本信息');
      // Handed over once, then dropped: the job cannot be saved or downloaded again.
      const jobId = (await value<{ jobId: string }>(call, 'export:start', 'manager', { kind: 'excel', id: office.draft })).jobId;
      await exportFinished(call, 'manager', jobId);
      expect(await errorCode(call, 'export:save', 'manager', { jobId })).toBe('ok');
      expect(await errorCode(call, 'export:result', 'manager', { jobId })).toBe('not-found');
    },
    wrongType: { field: 'jobId', value: null },
  },
  'exchange:identity': {
    as: 'manager',
    input: {},
    expectValue: async (identity, { call }) => {
      expect(identity).toMatchObject({ profileId: office.manager, name: office.managerName, role: 'manager' });
      expect(identity.publicKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
      expect(identity.fingerprint).toMatch(/^([0-9a-f]{4} ){7}[0-9a-f]{4}$/);
      // Made once, then the same key every time.
      expect(await value(call, 'exchange:identity', 'manager', {})).toEqual(identity);
      expect((await value<typeof identity>(call, 'exchange:identity', 'supervisor', {})).publicKey).not.toBe(identity.publicKey);
    },
    wrongType: 'root',
  },
  'exchange:trusted': {
    as: 'supervisor',
    input: async ({ call }) => {
      await importRemote(call);
      return {};
    },
    expectValue: (trusted) => {
      expect(trusted.map((entry) => [entry.name, entry.role, entry.introducedBy.senderName])).toEqual([
        ['周远', 'manager', '周远'],
        ['孙主任', 'supervisor', '周远'],
      ]);
      expect(trusted[0].fingerprint).toMatch(/^([0-9a-f]{4} ){7}[0-9a-f]{4}$/);
    },
    wrongType: 'root',
  },
  'exchange:roster': {
    as: 'supervisor',
    input: async ({ call }) => {
      await importRemote(call);
      return {};
    },
    expectValue: (roster) => {
      expect(roster.map((entry) => [entry.name, entry.remote])).toEqual([
        [office.managerName, false],
        [office.otherManagerName, false],
        ['周远', true],
      ]);
    },
    wrongType: 'root',
  },
  'exchange:export-submissions': {
    as: 'manager',
    input: { ids: [office.submitted] },
    expectValue: async (exported, { call }) => {
      expect(exported.fileName).toMatch(/^提交包_张明_\d{8}-\d{6}\.rdpkg$/);
      expect(Buffer.from(exported.dataBase64, 'base64').subarray(0, 2).toString('latin1')).toBe('PK');
      expect(exported.summary).toMatchObject({ kind: 'submissions', documents: [{ id: office.submitted, revisions: [1], records: 1 }], templates: 1 });
      // On this same machine everything in it is here already.
      const preview = await value<ChannelOutput<'exchange:preview'>>(call, 'exchange:preview', 'supervisor', { fileName: exported.fileName, dataBase64: exported.dataBase64 });
      expect(preview).toMatchObject({ sender: { name: office.managerName, known: 'local' }, needsTrust: false, nothingNew: true });
    },
    wrongType: { field: 'ids', value: 5 },
  },
  'exchange:export-reviews': {
    as: 'supervisor',
    input: { managerId: office.manager },
    expectValue: (exported) => {
      expect(exported.fileName).toMatch(/^审阅包_王主任_致张明_\d{8}-\d{6}\.rdpkg$/);
      expect(exported.summary).toMatchObject({ kind: 'reviews', recipients: [office.managerName], documents: [{ id: office.submitted }] });
    },
    wrongType: { field: 'managerId', value: 5 },
  },
  'exchange:preview': {
    as: 'supervisor',
    input: remotePackage,
    expectValue: async (preview, { store }) => {
      expect(preview).toMatchObject({
        kind: 'submissions',
        sender: { name: '周远', known: 'new' },
        people: [{ name: '孙主任', known: 'new' }],
        needsTrust: true,
        documents: [{ id: 'rpt-zhou-1', effect: 'create', newRecords: 3 }],
        templates: [{ id: 'corpus-log', status: 'new' }],
        nothingNew: false,
      });
      // Previewing writes nothing, not even the key.
      expect(await store.services.reports.get('rpt-zhou-1')).toBeNull();
    },
    wrongType: { field: 'dataBase64', value: 5 },
  },
  'exchange:apply': {
    as: 'supervisor',
    input: { ...remotePackage, trustSender: true },
    expectValue: async (result, { call }) => {
      expect(result.applied).toEqual({ newDocuments: 1, updatedDocuments: 0, newRevisions: 1, newRecords: 3, newTemplates: 1, trusted: ['周远', '孙主任'] });
      const list = await value<ChannelOutput<'reports:list'>>(call, 'reports:list', 'supervisor', { authorId: 'mgr-zhou' });
      expect(list.map((summary) => [summary.id, summary.status, summary.reviewCount])).toEqual([['rpt-zhou-1', 'submitted', 3]]);
      // Again: nothing new.
      const again = await value<ChannelOutput<'exchange:apply'>>(call, 'exchange:apply', 'supervisor', { ...remotePackage, trustSender: false });
      expect(again.preview.nothingNew).toBe(true);
    },
    wrongType: { field: 'trustSender', value: 'yes' },
  },
  'exchange:log': {
    as: 'supervisor',
    input: async ({ call }) => {
      await importRemote(call);
      return {};
    },
    expectValue: (log) => {
      expect(log.pending).toBeNull();
      expect(log.entries).toEqual([
        expect.objectContaining({ fileName: 'valid-submissions.rdpkg', kind: 'submissions', newRecords: 3, newDocuments: 1, by: { profileId: office.supervisor, name: office.supervisorName } }),
      ]);
    },
    wrongType: 'root',
  },
  'templates:retire': {
    as: 'supervisor',
    input: async ({ call }) => {
      const copy = await duplicateFixture(call);
      return { id: copy.id, baseVersion: copy.version };
    },
    expectValue: async (retired, { call }) => {
      expect(retired).toMatchObject({ version: 2, retired: true, name: '我的工作日志' });
      expect(await errorCode(call, 'reports:create', 'manager', { templateId: retired.id, metadata: {} })).toBe('invalid-input');
    },
    wrongType: { field: 'baseVersion', value: 'v1' },
  },
  'reports:template-update': {
    as: 'manager',
    input: async ({ call }) => {
      const copy = await duplicateFixture(call);
      const draft = await value<Report>(call, 'reports:create', 'manager', { templateId: copy.id, metadata: {} });
      const sections = copy.sections.map((section) => (section.id === 'notes' ? { ...section, title: '备忘与打算' } : section));
      await value(call, 'templates:save', 'supervisor', { template: { ...copy, sections }, baseVersion: 1 });
      return { id: draft.id };
    },
    expectValue: (update) => {
      expect(update).toMatchObject({ current: 1, latest: 2, changes: { sectionsRenamed: [{ to: '备忘与打算' }], sectionsAdded: [], sectionsRemoved: [] }, lost: [] });
    },
    wrongType: { field: 'id', value: 7 },
  },
  'reports:move-to-version': {
    as: 'manager',
    input: async ({ call }) => {
      const copy = await duplicateFixture(call);
      const draft = await value<Report>(call, 'reports:create', 'manager', { templateId: copy.id, metadata: {} });
      const saved = await value<Report>(call, 'reports:save-draft', 'manager', {
        id: draft.id,
        baseRev: draft.rev,
        metadata: {},
        sections: { summary: { type: 'richtext', doc: paragraph('今天走访了东街烟酒店。') } },
      });
      await value(call, 'templates:save', 'supervisor', { template: { ...copy, sections: copy.sections.filter((section) => section.id !== 'notes') }, baseVersion: 1 });
      return { id: draft.id, baseRev: saved.rev, version: 2 };
    },
    expectValue: ({ report, lost }) => {
      expect(report.templateVersion).toBe(2);
      expect(JSON.stringify(report.sections['summary'])).toContain('今天走访了东街烟酒店。');
      expect(report.sections['notes']).toBeUndefined();
      expect(lost).toEqual([]);
    },
    wrongType: { field: 'version', value: 'v2' },
  },
  'reports:existing-draft': {
    as: 'manager',
    input: async ({ call }) => {
      const { report } = await value<ChannelOutput<'reports:get'>>(call, 'reports:get', 'manager', { id: office.draft });
      return { templateId: report.templateId, period: report.period };
    },
    expectValue: (existing) => {
      expect(existing?.id).toBe(office.draft);
    },
    wrongType: { field: 'period', value: 2026 },
  },
  'backup:status': {
    as: 'manager',
    input: async ({ store }) => {
      await adoptBackups(store);
      return {};
    },
    expectValue: (status, { store }) => {
      expect(status.dataDir).toBe(store.dataDir);
      expect(status.last).toBeNull();
      expect(status.backups).toEqual([]);
    },
    wrongType: 'root',
  },
  'backup:now': {
    as: 'supervisor',
    input: async ({ store }) => {
      await adoptBackups(store);
      return {};
    },
    expectValue: async (record) => {
      const backup = await readBackupFile(record.file);
      expect(backup.summary.people.map((person) => person.name).sort()).toEqual([office.managerName, office.otherManagerName, office.supervisorName].sort());
      expect(backup.summary.documents).toBe(4);
    },
    wrongType: 'root',
  },
  'backup:set-folder': {
    as: 'manager',
    input: async ({ store }) => {
      await adoptBackups(store);
      return { folder: await makeTempDir('reportdesk-chosen-') };
    },
    expectValue: (status) => {
      expect(status.folder).toContain('reportdesk-chosen-');
      expect(status.folder).not.toBe(status.defaultFolder);
    },
    wrongType: { field: 'folder', value: 5 },
  },
  'backup:inspect': {
    as: 'manager',
    input: async ({ store }) => ({ file: (await (await adoptBackups(store)).backupNow()).file }),
    expectValue: (preview) => {
      expect(preview.summary.documents).toBe(4);
      expect(preview.summary.byStatus).toMatchObject({ draft: 2, submitted: 1, approved: 1 });
      expect(preview.fileCount).toBeGreaterThan(5);
    },
    wrongType: { field: 'file', value: 7 },
  },
  'backup:restore': {
    as: 'manager',
    input: async ({ store }) => ({
      file: (await (await adoptBackups(store)).backupNow()).file,
      mode: 'new-folder' as const,
      target: path.join(await makeTempDir('reportdesk-restore-'), 'restored'),
    }),
    expectValue: async (result) => {
      expect(result.switched).toBe(false);
      const reopened = await openTempStore({ dataDir: result.target });
      expect((await reopened.services.reports.list()).length).toBe(4);
    },
    wrongType: { field: 'target', value: 5 },
  },
  'data:move': {
    as: 'manager',
    input: async ({ store }) => {
      await adoptBackups(store);
      return { target: path.join(await makeTempDir('reportdesk-move-'), 'moved') };
    },
    expectValue: async (result, { store }) => {
      expect(result.from).toBe(store.dataDir);
      const listed = await (store.services.backup as NonNullable<typeof store.services.backup>).status();
      expect(listed.dataDir).toBe(result.to);
    },
    wrongType: { field: 'target', value: 5 },
  },
  'sync:status': {
    as: 'manager',
    input: {},
    expectValue: (status) => expect(status).toMatchObject({ configured: false, state: 'off', people: [], refused: [] }),
    wrongType: 'root',
  },
  'sync:now': {
    as: 'supervisor',
    input: async ({ call }) => {
      await value(call, 'sync:configure', 'supervisor', { folder: await makeTempDir('reportdesk-office-') });
      return {};
    },
    expectValue: (status) => expect(status).toMatchObject({ configured: true, state: 'ok', role: 'supervisor', rosterSerial: 1 }),
    wrongType: 'root',
  },
  'sync:configure': {
    as: 'supervisor',
    input: async () => ({ folder: await makeTempDir('reportdesk-office-') }),
    expectValue: async (status) => {
      expect(status).toMatchObject({ configured: true, state: 'ok', onRoster: true, pendingToSend: 0 });
      const hex = status.myFingerprint!.replace(/ /g, '');
      const roster = JSON.parse(readFileSync(path.join(status.folder!, hex, 'roster.json'), 'utf8')) as { body: { supervisor: { name: string } } };
      expect(roster.body.supervisor.name).toBe(office.supervisorName);
    },
    wrongType: { field: 'folder', value: 5 },
  },
  'sync:disable': {
    as: 'manager',
    input: async ({ call }) => {
      await value(call, 'sync:configure', 'manager', { folder: await makeTempDir('reportdesk-office-') });
      return {};
    },
    expectValue: (status) => expect(status).toMatchObject({ configured: false, state: 'off' }),
    wrongType: 'root',
  },
  'sync:join': {
    as: 'manager',
    input: async ({ call }) => {
      const folder = await makeTempDir('reportdesk-office-');
      // The supervisor's own machine publishes the roster in the same folder.
      const other = await openTempStore({ seed: true });
      const published = await other.dispatcher.dispatch('sync:configure', office.supervisor, { folder });
      if (!published.ok) throw new Error(published.error.message);
      await value(call, 'sync:configure', 'manager', { folder });
      return { fingerprint: (published.value as { myFingerprint: string }).myFingerprint };
    },
    // 张明's submitted document goes out at once: one package waiting for the supervisor's acknowledgement.
    expectValue: (status) => expect(status).toMatchObject({ state: 'pending', pendingToSend: 1, supervisor: { name: office.supervisorName }, people: [expect.objectContaining({ name: office.supervisorName, role: 'supervisor' })] }),
    wrongType: { field: 'fingerprint', value: 7 },
  },
  'sync:admit': {
    as: 'supervisor',
    input: async ({ call }) => {
      const folder = await makeTempDir('reportdesk-office-');
      await value(call, 'sync:configure', 'supervisor', { folder });
      // A manager's own machine announces them in the same folder.
      const other = await openTempStore({ seed: true });
      const announced = await other.dispatcher.dispatch('sync:configure', office.otherManager, { folder });
      if (!announced.ok) throw new Error(announced.error.message);
      return { fingerprint: (announced.value as { myFingerprint: string }).myFingerprint };
    },
    expectValue: (status) => expect(status).toMatchObject({ rosterSerial: 2, people: [expect.objectContaining({ name: office.otherManagerName, role: 'manager' })] }),
    wrongType: { field: 'fingerprint', value: 7 },
  },
  'review:withdraw': {
    as: 'manager',
    input: { id: office.submitted },
    expectValue: async (withdrawn, { call }) => {
      expect(withdrawn).toMatchObject({ id: office.submitted, status: 'draft', revision: 2 });
      const review = await value<ChannelOutput<'review:get'>>(call, 'review:get', 'manager', { id: office.submitted });
      expect(review.state.workflow.map((event) => event.type)).toEqual(['submit', 'withdraw']);
      expect(review.state.status).toBe('draft');
      const inbox = await value<ChannelOutput<'review:inbox'>>(call, 'review:inbox', 'supervisor', {});
      expect(inbox.entries.map((entry) => entry.summary.id)).not.toContain(office.submitted);
    },
    wrongType: { field: 'id', value: 7 },
  },
  'profiles:sign-out': {
    as: 'manager',
    input: {},
    expectValue: (value) => {
      expect(value).toEqual({ signedOut: true });
    },
    wrongType: 'root',
  },
  'profiles:change-passphrase': {
    as: 'supervisor',
    input: { current: testPassphrase, passphrase: '新的口令-changed-2026', repeat: '新的口令-changed-2026' },
    expectValue: async (value, { store }) => {
      expect(value).toEqual({ changed: true });
      const key = await readFile(path.join(store.dataDir, 'keys', `${office.supervisor}.json`), 'utf8');
      expect(key).not.toContain('PRIVATE KEY');
      store.services.signer.lock(office.supervisor);
      await expect(store.services.signer.unlock(office.supervisor, testPassphrase)).rejects.toThrow('口令不正确');
      await store.services.signer.unlock(office.supervisor, '新的口令-changed-2026');
    },
    wrongType: { field: 'current', value: 7 },
  },
};

const transports: { name: string; desktop: boolean; connect: (store: TempStore) => Call | Promise<Call> }[] = [
  { name: 'IPC', desktop: true, connect: (store) => ipcCall(store.dispatcher) },
  { name: 'HTTP', desktop: false, connect: (store) => httpCall(store.dispatcher) },
];

const rows = Object.entries(table) as [ChannelName, Row<ChannelName>][];

function inputFor(row: Row<ChannelName>, env: Env): Promise<unknown> {
  return typeof row.input === 'function' ? row.input(env) : Promise.resolve(row.input);
}

function asObject(input: unknown): Record<string, unknown> {
  return { ...(input as Record<string, unknown>) };
}

function expectInvalidInput(result: Result<unknown>, field: string): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe('invalid-input');
  expect(result.error.message).not.toBe('');
  const named = (result.error.issues ?? []).some((issue) => issue.path === field || issue.message.includes(field));
  expect(named, `issues should name ${field}: ${JSON.stringify(result.error.issues)}`).toBe(true);
}

describe('the channel table', () => {
  it('has a row for every channel of the contract, and no other', () => {
    const missing = Object.keys(contract).filter((channel) => !(channel in table));
    expect(missing, 'channels without a row: add one to `table` in tests/integration/channels.test.ts').toEqual([]);
    const extra = Object.keys(table).filter((channel) => !(channel in contract));
    expect(extra, 'rows for channels that are not in the contract').toEqual([]);
  });
});

describe.each(transports)('every channel over $name', ({ connect, desktop }) => {
  async function setUp(row: Row<ChannelName>): Promise<{ store: TempStore; call: Call }> {
    const store = await openTempStore({ seed: !row.empty, ...(desktop ? { desktop: desktopActs() } : {}) });
    const call = await connect(store);
    // Each caller's window chooses its profile first (as the page does), so only the call under test writes.
    for (const profileId of Object.values(profileIds)) await call('app:info', profileId, {});
    return { store, call };
  }

  describe.each(rows)('%s', (channel, row) => {
    it('answers a valid call', async () => {
      const env = await setUp(row);
      const result = await env.call(channel, profileIds[row.as], await inputFor(row, env));
      if (row.desktopOnly && !desktop) {
        // Browser mode refuses plainly, in the person's words (zh-CN here), and writes nothing.
        expect(result, JSON.stringify(result)).toMatchObject({ ok: false, error: { code: row.desktopOnly } });
        if (!result.ok) expect(result.error.message).toMatch(/只有桌面版/);
        return;
      }
      expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
      if (result.ok) await row.expectValue(result.value as never, env);
    });

    it('refuses a field of the wrong type, naming it, and writes nothing', async () => {
      const env = await setUp(row);
      const { store, call } = env;
      const valid = await inputFor(row, env);
      const before = await hashFolder(store.dataDir);
      const input = row.wrongType === 'root' ? 'not an object' : { ...asObject(valid), [row.wrongType.field]: row.wrongType.value };
      const result = await call(channel, profileIds[row.as], input);
      expectInvalidInput(result, row.wrongType === 'root' ? '(root)' : row.wrongType.field);
      expect(await hashFolder(store.dataDir)).toEqual(before);
    });

    it('refuses an unknown extra key, naming it, and writes nothing', async () => {
      const env = await setUp(row);
      const { store, call } = env;
      const valid = await inputFor(row, env);
      const before = await hashFolder(store.dataDir);
      const result = await call(channel, profileIds[row.as], { ...asObject(valid), unexpectedKey: true });
      expectInvalidInput(result, 'unexpectedKey');
      expect(await hashFolder(store.dataDir)).toEqual(before);
    });
  });
});
