import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract, type ChannelInput, type ChannelName, type ChannelOutput } from '../../electron/api/contract';
import type { Result } from '../../electron/api/result';
import type { ErrorCode } from '../../electron/core/shared/errors';
import { templateSchema, type Template } from '../../electron/core/templates/schema';
import { templateToFile } from '../../electron/core/templates/template-file';
import { richTextToPlain } from '../../electron/core/text/rich-text';
import { fixtureSeedsDir, hashFolder, office, openTempStore, testIdentity, type TempStore } from '../helpers/temp-store';
import { httpCall, ipcCall, type Call } from '../helpers/transports';

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

/** A small workbook, as the browser would send a picked file. */
async function sampleWorkbookBase64(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('走访');
  sheet.addRow(['店名', '销量']);
  sheet.addRow(['便民超市', 120]);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

const workbookBase64 = await sampleWorkbookBase64();

const fixtureTemplate: Template = templateSchema.parse(
  JSON.parse(readFileSync(path.join(fixtureSeedsDir, 'templates', `${office.templateId}.json`), 'utf8')),
);

/** A custom copy of the fixture template, made through the transport under test. */
async function duplicateFixture(call: Call): Promise<Template> {
  return value<Template>(call, 'templates:duplicate', 'manager', { id: office.templateId, name: '我的工作日志' });
}

function paragraph(text: string) {
  return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
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
      expect(settings).toMatchObject({ language: 'zh-CN', lastProfileId: null, officeName: '县局（分公司）营销部' });
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
    as: 'manager',
    input: { id: office.templateId, name: '我的工作日志' },
    expectValue: async (copy, { call }) => {
      expect(copy).toMatchObject({ name: '我的工作日志', version: 1, builtIn: false, createdBy: office.manager });
      expect(copy.id).not.toBe(office.templateId);
      expect(copy.sections).toEqual(fixtureTemplate.sections);
      const list = await value<{ id: string }[]>(call, 'templates:list', 'manager', {});
      expect(list.map((item) => item.id).sort()).toEqual([copy.id, office.templateId].sort());
    },
    wrongType: { field: 'name', value: 5 },
  },
  'templates:save': {
    as: 'manager',
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
    as: 'manager',
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
  'tables:read-xlsx': {
    as: 'manager',
    input: { fileName: '走访记录.xlsx', dataBase64: workbookBase64 },
    expectValue: (read) => {
      expect(read).toEqual({ sheets: [{ name: '走访', rows: [['店名', '销量'], ['便民超市', '120']] }] });
    },
    wrongType: { field: 'dataBase64', value: 123 },
  },
};

const transports: { name: string; connect: (store: TempStore) => Call | Promise<Call> }[] = [
  { name: 'IPC', connect: (store) => ipcCall(store.dispatcher) },
  { name: 'HTTP', connect: (store) => httpCall(store.dispatcher) },
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

describe.each(transports)('every channel over $name', ({ connect }) => {
  async function setUp(row: Row<ChannelName>): Promise<{ store: TempStore; call: Call }> {
    const store = await openTempStore({ seed: !row.empty });
    return { store, call: await connect(store) };
  }

  describe.each(rows)('%s', (channel, row) => {
    it('answers a valid call', async () => {
      const env = await setUp(row);
      const result = await env.call(channel, profileIds[row.as], await inputFor(row, env));
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
