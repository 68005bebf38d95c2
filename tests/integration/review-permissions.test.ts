import ExcelJS from 'exceljs';
import { unlockSupervisors } from '../helpers/unlock';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract, type ChannelInput, type ChannelName, type ChannelOutput } from '../../electron/api/contract';
import { templateSchema } from '../../electron/core/common/schemas/template';
import { templateToFile } from '../../electron/core/templates/template-file';
import { fixtureSeedsDir, hashFolder, makeTempDir, office, openTempStore, type TempStore } from '../helpers/temp-store';
import { adoptBackups } from '../helpers/backup-host';

/**
 * Who may do what, channel by channel, for the people around one of 张明's documents: the manager who wrote
 * it (`author`), another manager (`otherManager`, 李娜), the supervisor (王主任) and a second supervisor (赵科长).
 * `not-found` where the caller may not even see the document; `forbidden` where they see it but may not act.
 * Every refused call must leave the data folder byte for byte as it was.
 */
type Caller = 'author' | 'otherManager' | 'supervisor' | 'otherSupervisor';
type Outcome = 'ok' | 'forbidden' | 'not-found' | 'invalid-input' | 'unavailable';

const secondSupervisor = { id: 'sup-zhao', name: '赵科长', role: 'supervisor' as const, unit: '营销部', createdAt: '2026-01-02T04:00:00.000Z' };

const profileIds: Record<Caller, string> = {
  author: office.manager,
  otherManager: office.otherManager,
  supervisor: office.supervisor,
  otherSupervisor: secondSupervisor.id,
};
const callers = Object.keys(profileIds) as Caller[];

interface Env {
  store: TempStore;
  /** Call as someone and return the value; fails the test when the call fails (preparation must succeed). */
  as<K extends ChannelName>(caller: Caller, channel: K, input: ChannelInput<K>): Promise<ChannelOutput<K>>;
}

interface Case<K extends ChannelName> {
  /** The situation, e.g. "on the author's draft". */
  what: string;
  /** The input, or a step that prepares the data folder (through the dispatcher) and returns it. */
  input: ChannelInput<K> | ((env: Env) => Promise<ChannelInput<K>>);
  outcomes: Record<Caller, Outcome>;
  /** The call writes nothing even when allowed (checked): every caller runs on the same folder. */
  readOnly?: boolean;
}

function who(author: Outcome, otherManager: Outcome, supervisor: Outcome, otherSupervisor: Outcome = supervisor): Record<Caller, Outcome> {
  return { author, otherManager, supervisor, otherSupervisor };
}

const everyone = who('ok', 'ok', 'ok');
/** A manager's act on their own document: nobody else sees it (drafts) or may act on it. */
const onlyAuthor = who('ok', 'not-found', 'forbidden');
/** A supervisor's act: managers are refused by role before the document is even looked at. */
const supervisorsOnly = who('forbidden', 'forbidden', 'ok');

async function seedWorkbook(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('走访').addRow(['店名', '销量']);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}
const workbookBase64 = await seedWorkbook();

/** A valid submission package from another machine (周远), from the package corpus. */
const remotePackage = {
  fileName: 'valid-submissions.rdpkg',
  dataBase64: readFileSync(path.join(__dirname, '..', 'fixtures', 'packages', 'valid-submissions.rdpkg')).toString('base64'),
  // The package's earlier supervisor (孙主任, the corpus's fixed key) confirmed by fingerprint on this machine.
  confirmSupervisors: ['6a38 03d5 f059 902a 1c6d afbc 9ba4 7292'],
};

const fixtureTemplate = templateSchema.parse(JSON.parse(readFileSync(path.join(fixtureSeedsDir, 'templates', `${office.templateId}.json`), 'utf8')));

async function currentRev(env: Env, id: string): Promise<number> {
  const report = await env.store.services.reports.get(id);
  if (!report) throw new Error(`no document ${id}`);
  return report.rev;
}

function summaryEdit(text: string) {
  return { summary: { type: 'richtext' as const, doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } } };
}

/** 王主任's open comment on 张明's submitted document. */
async function openComment(env: Env): Promise<string> {
  const comment = await env.as('supervisor', 'review:comment', { id: office.submitted, anchor: { kind: 'document' }, kind: 'problem', text: '请补充原因' });
  return comment.id;
}

/** The same comment, marked 已整改 by 张明. */
async function fixedComment(env: Env): Promise<string> {
  const commentId = await openComment(env);
  await env.as('author', 'review:mark-fixed', { id: office.submitted, commentId, note: '已补充' });
  return commentId;
}

async function returned(env: Env): Promise<void> {
  await env.as('supervisor', 'review:decide', { id: office.submitted, decision: 'return', grade: '需改进', reason: '缺少原因', meetingFlag: 'none' });
}

async function approved(env: Env): Promise<void> {
  await env.as('supervisor', 'review:decide', { id: office.submitted, decision: 'approve', grade: '良好', meetingFlag: 'none' });
}

/** Returned, revised and submitted again: revisions 1 and 2 exist. */
async function resubmitted(env: Env): Promise<void> {
  await returned(env);
  const saved = await env.as('author', 'reports:save-draft', { id: office.submitted, baseRev: await currentRev(env, office.submitted), metadata: {}, sections: summaryEdit('走访东街烟酒店，库存偏高，原因是节前备货过多。') });
  await env.as('author', 'reports:submit', { id: office.submitted, baseRev: saved.rev });
}

/** An export job of the author's (a job belongs to whoever started it); finished when asked. */
async function exportJob(env: Env, finished = false): Promise<{ jobId: string }> {
  const { jobId } = await env.as('author', 'export:start', { kind: 'excel', id: office.draft });
  for (let attempt = 0; finished && attempt < 400; attempt += 1) {
    if ((await env.as('author', 'export:status', { jobId })).state !== 'running') break;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return { jobId };
}

const table: { [K in ChannelName]: Case<K>[] } = {
  'app:info': [{ what: 'anyone', input: {}, outcomes: everyone, readOnly: true }],
  'profiles:list': [{ what: 'anyone', input: {}, outcomes: everyone, readOnly: true }],
  'profiles:create': [{ what: 'anyone (profiles are local to the machine)', input: { name: '赵强', role: 'manager', unit: '城北片区' }, outcomes: everyone }],
  'profiles:select': [{ what: 'anyone', input: { id: office.manager }, outcomes: everyone }],
  'settings:get': [{ what: 'anyone', input: {}, outcomes: everyone, readOnly: true }],
  'settings:update': [{ what: 'anyone (machine settings)', input: { officeName: '青山县局营销部' }, outcomes: everyone }],
  'store:problems': [{ what: 'anyone', input: {}, outcomes: everyone, readOnly: true }],
  'demo:load': [{ what: 'anyone (idempotent: the office is already loaded)', input: {}, outcomes: everyone, readOnly: true }],
  'templates:list': [{ what: 'anyone', input: {}, outcomes: everyone, readOnly: true }],
  'templates:get': [{ what: 'anyone', input: { id: office.templateId }, outcomes: everyone, readOnly: true }],
  'templates:duplicate': [{ what: 'a copy becomes an office template the supervisor publishes', input: { id: office.templateId, name: '副本' }, outcomes: supervisorsOnly }],
  'templates:save': [
    {
      what: "an office template published by 王主任 (only its publisher publishes new versions; managers never change it)",
      input: async (env) => {
        const copy = await env.as('supervisor', 'templates:duplicate', { id: office.templateId, name: '我的日志' });
        return { template: { ...copy, description: '第二版' }, baseVersion: 1 };
      },
      outcomes: who('forbidden', 'forbidden', 'ok', 'forbidden'),
    },
    { what: 'a built-in template', input: { template: fixtureTemplate, baseVersion: 1 }, outcomes: who('forbidden', 'forbidden', 'forbidden') },
  ],
  'templates:export': [{ what: 'anyone', input: { id: office.templateId }, outcomes: everyone, readOnly: true }],
  'templates:import': [
    {
      what: 'a new office template',
      input: { fileName: 'a.rdtpl.json', text: templateToFile({ ...fixtureTemplate, id: 'imported-log', builtIn: false }) },
      outcomes: supervisorsOnly,
    },
    {
      what: 'a file replacing a built-in template',
      input: { fileName: 'a.rdtpl.json', text: templateToFile({ ...fixtureTemplate, name: '改过的', builtIn: false }) },
      outcomes: who('forbidden', 'forbidden', 'forbidden'),
    },
  ],
  'reports:list': [{ what: 'anyone (filtered to what they may read)', input: {}, outcomes: everyone, readOnly: true }],
  'reports:search': [{ what: 'anyone (filtered to what they may read)', input: { query: '超市' }, outcomes: everyone, readOnly: true }],
  'reports:get': [
    { what: "the author's draft", input: { id: office.draft }, outcomes: who('ok', 'not-found', 'not-found'), readOnly: true },
    { what: "the author's submitted document", input: { id: office.submitted }, outcomes: who('ok', 'not-found', 'ok'), readOnly: true },
  ],
  'reports:create': [{ what: 'a new draft', input: { templateId: office.templateId, metadata: {} }, outcomes: who('ok', 'ok', 'forbidden') }],
  'reports:previous': [
    { what: "the caller's previous document", input: { templateId: office.templateId, period: '2026-11-05' }, outcomes: who('ok', 'ok', 'forbidden'), readOnly: true },
  ],
  'reports:save-draft': [
    { what: "the author's draft", input: { id: office.draft, baseRev: 1, metadata: {}, sections: summaryEdit('改过的草稿内容，足够长。') }, outcomes: who('ok', 'not-found', 'not-found') },
    {
      what: 'a submitted revision (frozen)',
      input: { id: office.submitted, baseRev: 1, metadata: {}, sections: summaryEdit('改动已提交的内容') },
      outcomes: who('forbidden', 'not-found', 'forbidden'),
    },
    {
      what: 'a returned document',
      input: async (env) => {
        await returned(env);
        return { id: office.submitted, baseRev: await currentRev(env, office.submitted), metadata: {}, sections: summaryEdit('按点评修改') };
      },
      outcomes: onlyAuthor,
    },
    {
      what: 'an approved document',
      input: async (env) => {
        await approved(env);
        return { id: office.submitted, baseRev: await currentRev(env, office.submitted), metadata: {}, sections: summaryEdit('通过后再改') };
      },
      outcomes: who('forbidden', 'not-found', 'forbidden'),
    },
  ],
  'reports:delete': [
    { what: "the author's draft", input: { id: office.draft, baseRev: 1 }, outcomes: who('ok', 'not-found', 'not-found') },
    { what: 'a submitted document', input: { id: office.submitted, baseRev: 1 }, outcomes: who('forbidden', 'not-found', 'forbidden') },
  ],
  'reports:submit': [
    { what: "the author's complete draft", input: { id: office.draft, baseRev: 1 }, outcomes: onlyAuthor },
    { what: 'an already submitted document', input: { id: office.submitted, baseRev: 1 }, outcomes: who('forbidden', 'not-found', 'forbidden') },
    {
      what: 'a returned and revised document',
      input: async (env) => {
        await returned(env);
        return { id: office.submitted, baseRev: await currentRev(env, office.submitted) };
      },
      outcomes: onlyAuthor,
    },
  ],
  'review:get': [
    { what: 'a submitted document', input: { id: office.submitted }, outcomes: who('ok', 'not-found', 'ok') },
    { what: 'a draft', input: { id: office.draft }, outcomes: who('ok', 'not-found', 'not-found') },
  ],
  'review:decide': [
    { what: 'return with a grade', input: { id: office.submitted, decision: 'return', grade: '需改进', reason: '缺少原因', meetingFlag: 'critique' }, outcomes: supervisorsOnly },
    { what: 'approve with a grade', input: { id: office.submitted, decision: 'approve', grade: '优秀', meetingFlag: 'praise' }, outcomes: supervisorsOnly },
    { what: 'a draft nobody submitted', input: { id: office.draft, decision: 'approve', grade: '优秀', meetingFlag: 'none' }, outcomes: who('forbidden', 'forbidden', 'not-found') },
  ],
  'review:withdraw': [
    { what: 'a submission no supervisor has opened', input: { id: office.submitted }, outcomes: onlyAuthor },
    {
      what: 'a submission the supervisor has opened',
      input: async (env) => {
        await env.as('supervisor', 'review:get', { id: office.submitted });
        return { id: office.submitted };
      },
      outcomes: who('forbidden', 'not-found', 'forbidden'),
    },
    { what: 'a draft', input: { id: office.draft }, outcomes: who('forbidden', 'not-found', 'forbidden') },
  ],
  'profiles:sign-out': [{ what: 'anyone (ends the window\'s own profile)', input: {}, outcomes: everyone, readOnly: true }],
  'profiles:change-passphrase': [
    {
      what: 'the wrong current passphrase',
      input: { current: '不是这个口令-wrong', passphrase: '新的口令-new-2026', repeat: '新的口令-new-2026' },
      outcomes: who('forbidden', 'forbidden', 'forbidden'),
    },
  ],
  'review:reopen': [
    {
      what: 'an approved document',
      input: async (env) => {
        await approved(env);
        return { id: office.submitted, reason: '台账数据需要再核对' };
      },
      outcomes: supervisorsOnly,
    },
  ],
  'review:comment': [
    { what: 'a submitted document', input: { id: office.submitted, anchor: { kind: 'document' }, kind: 'note', text: '整体偏简略' }, outcomes: supervisorsOnly },
    { what: 'a draft', input: { id: office.draft, anchor: { kind: 'document' }, kind: 'note', text: '整体偏简略' }, outcomes: who('forbidden', 'forbidden', 'not-found') },
  ],
  'review:edit-comment': [
    {
      what: "王主任's comment",
      input: async (env) => ({ id: office.submitted, commentId: await openComment(env), kind: 'suggestion', text: '请补充原因和措施' }),
      outcomes: who('forbidden', 'forbidden', 'ok', 'forbidden'),
    },
  ],
  'review:retract-comment': [
    {
      what: "王主任's comment",
      input: async (env) => ({ id: office.submitted, commentId: await openComment(env), reason: '重复' }),
      outcomes: who('forbidden', 'forbidden', 'ok', 'forbidden'),
    },
  ],
  'review:reply': [
    {
      what: "a comment on the author's document",
      input: async (env) => ({ id: office.submitted, commentId: await openComment(env), text: '已补充原因' }),
      outcomes: who('ok', 'not-found', 'ok'),
    },
  ],
  'review:mark-fixed': [
    {
      what: "an open comment on the author's document",
      input: async (env) => ({ id: office.submitted, commentId: await openComment(env), note: '已补充原因' }),
      outcomes: onlyAuthor,
    },
  ],
  'review:settle': [
    {
      what: 'resolve a fixed comment',
      input: async (env) => ({ id: office.submitted, commentId: await fixedComment(env), action: 'resolve' }),
      outcomes: supervisorsOnly,
    },
    {
      what: 'reopen a fixed comment',
      input: async (env) => ({ id: office.submitted, commentId: await fixedComment(env), action: 'reopen', reason: '措施不具体' }),
      outcomes: supervisorsOnly,
    },
  ],
  'review:revision': [{ what: 'submitted revision 1', input: { id: office.submitted, revision: 1 }, outcomes: who('ok', 'not-found', 'ok'), readOnly: true }],
  'review:compare': [
    {
      what: 'revisions 1 and 2',
      input: async (env) => {
        await resubmitted(env);
        return { id: office.submitted, from: 1, to: 2 };
      },
      outcomes: who('ok', 'not-found', 'ok'),
      readOnly: true,
    },
  ],
  'review:verify': [{ what: 'a submitted document', input: { id: office.submitted }, outcomes: who('ok', 'not-found', 'ok'), readOnly: true }],
  'review:verify-all': [{ what: 'what the caller may see', input: {}, outcomes: everyone, readOnly: true }],
  'review:inbox': [{ what: "the caller's own inbox", input: {}, outcomes: everyone, readOnly: true }],
  'review:not-submitted': [{ what: 'the office roster', input: { period: '2026-11-05' }, outcomes: who('forbidden', 'forbidden', 'ok') }],
  'insight:dashboard': [{ what: 'the statistics (a manager gets their own row)', input: { period: '2026-11' }, outcomes: everyone, readOnly: true }],
  'insight:copy-check': [
    { what: "a submitted document's copy check", input: { id: office.submitted }, outcomes: who('forbidden', 'forbidden', 'ok'), readOnly: true },
    { what: 'a draft (never checked)', input: { id: office.draft }, outcomes: who('forbidden', 'forbidden', 'not-found'), readOnly: true },
  ],
  'insight:sentences': [
    { what: 'sentences from table figures', input: { templateId: office.templateId, sectionId: 'visits', rows: [{ id: 'r1', cells: { 店名: '东街', 销量: 10 } }] }, outcomes: everyone, readOnly: true },
  ],
  'tables:read-xlsx': [{ what: 'anyone', input: { fileName: '走访记录.xlsx', dataBase64: workbookBase64 }, outcomes: everyone, readOnly: true }],
  'export:start': [
    { what: "Word of the author's draft", input: { kind: 'word', id: office.draft, layout: 'official' }, outcomes: who('ok', 'not-found', 'not-found'), readOnly: true },
    { what: 'Excel of a submitted document', input: { kind: 'excel', id: office.submitted }, outcomes: who('ok', 'not-found', 'ok'), readOnly: true },
    { what: 'the 台账 (filtered to what each may read)', input: { kind: 'register', period: '2026-11' }, outcomes: everyone, readOnly: true },
    {
      what: 'a meeting pack of a submitted document',
      input: { kind: 'meeting-pack', ids: [office.submitted], meetingName: '例会', meetingDate: '2026-11-05', organiser: '营销部', layout: 'plain' },
      outcomes: who('ok', 'not-found', 'ok'),
      readOnly: true,
    },
  ],
  'export:status': [{ what: "the author's export job", input: (env) => exportJob(env), outcomes: who('ok', 'not-found', 'not-found'), readOnly: true }],
  'export:cancel': [{ what: "the author's export job", input: (env) => exportJob(env), outcomes: who('ok', 'not-found', 'not-found'), readOnly: true }],
  'export:open-file': [
    {
      what: 'a saved export, without the desktop app (browser mode): refused for everyone',
      input: { path: '/tmp/reportdesk-saved/工作日志_张明.docx' },
      outcomes: who('unavailable', 'unavailable', 'unavailable'),
      readOnly: true,
    },
  ],
  'export:result': [{ what: "the author's finished export job", input: (env) => exportJob(env, true), outcomes: who('ok', 'not-found', 'not-found'), readOnly: true }],
  'export:save': [
    {
      what: "the author's finished export job, without the desktop app (browser mode downloads it): refused for everyone",
      input: (env) => exportJob(env, true),
      outcomes: who('unavailable', 'unavailable', 'unavailable'),
      readOnly: true,
    },
  ],
  'exchange:identity': [{ what: "the caller's own key (made on first use)", input: {}, outcomes: everyone }],
  'exchange:trusted': [{ what: 'keys met on this machine', input: {}, outcomes: everyone, readOnly: true }],
  'exchange:roster': [{ what: "the supervisor's roster", input: {}, outcomes: supervisorsOnly, readOnly: true }],
  'exchange:export-submissions': [
    { what: "the author's submitted document", input: { ids: [office.submitted] }, outcomes: who('ok', 'not-found', 'forbidden') },
    { what: "the author's draft (never submitted)", input: { ids: [office.draft] }, outcomes: who('invalid-input', 'not-found', 'forbidden') },
  ],
  'exchange:export-reviews': [{ what: 'reviews for every manager', input: {}, outcomes: supervisorsOnly }],
  'exchange:preview': [{ what: 'a submission package from another machine', input: remotePackage, outcomes: supervisorsOnly, readOnly: true }],
  'exchange:apply': [{ what: 'a submission package from another machine', input: { ...remotePackage, trustSender: true }, outcomes: supervisorsOnly }],
  'exchange:log': [{ what: "the caller's own imports", input: {}, outcomes: everyone, readOnly: true }],
  'templates:retire': [
    {
      what: 'an office template published by 王主任',
      input: async (env) => {
        const copy = await env.as('supervisor', 'templates:duplicate', { id: office.templateId, name: '旧日志' });
        return { id: copy.id, baseVersion: copy.version };
      },
      outcomes: who('forbidden', 'forbidden', 'ok', 'forbidden'),
    },
  ],
  'reports:template-update': [{ what: "the author's draft", input: { id: office.draft }, outcomes: who('ok', 'not-found', 'forbidden'), readOnly: true }],
  'reports:move-to-version': [
    {
      what: "the author's draft of an office template that has a v2",
      input: async (env) => {
        const copy = await env.as('supervisor', 'templates:duplicate', { id: office.templateId, name: '城关日志' });
        const draft = await env.as('author', 'reports:create', { templateId: copy.id, metadata: {} });
        await env.as('supervisor', 'templates:save', { template: { ...copy, description: '第二版' }, baseVersion: 1 });
        return { id: draft.id, baseRev: draft.rev, version: 2 };
      },
      outcomes: who('ok', 'not-found', 'forbidden'),
    },
  ],
  'reports:existing-draft': [
    { what: "the caller's own drafts only", input: { templateId: office.templateId, period: '2026-11-05' }, outcomes: who('ok', 'ok', 'forbidden'), readOnly: true },
  ],
  // Backups belong to the machine, not to a role: anyone with a profile may back up, restore or move the data.
  'backup:status': [{ what: 'where backups go', input: async ({ store }) => ((await adoptBackups(store)), {}), outcomes: everyone, readOnly: true }],
  'backup:now': [{ what: 'a backup now', input: async ({ store }) => ((await adoptBackups(store)), {}), outcomes: everyone }],
  'backup:set-folder': [
    { what: 'another backup folder', input: async ({ store }) => ((await adoptBackups(store)), { folder: await makeTempDir() }), outcomes: everyone },
  ],
  'backup:inspect': [
    { what: 'a backup file', input: async ({ store }) => ({ file: (await (await adoptBackups(store)).backupNow()).file }), outcomes: everyone, readOnly: true },
  ],
  'backup:restore': [
    {
      what: 'a backup into a new folder',
      input: async ({ store }) => ({ file: (await (await adoptBackups(store)).backupNow()).file, mode: 'new-folder' as const, target: path.join(await makeTempDir(), 'restored') }),
      outcomes: everyone,
    },
  ],
  'data:move': [
    { what: 'the data folder to a new place', input: async ({ store }) => ((await adoptBackups(store)), { target: path.join(await makeTempDir(), 'moved') }), outcomes: everyone },
  ],
  'sync:status': [{ what: 'sync not set up on this machine', input: {}, outcomes: everyone, readOnly: true }],
  'sync:now': [{ what: 'sync not set up on this machine', input: {}, outcomes: who('not-found', 'not-found', 'not-found') }],
  'sync:configure': [{ what: 'an office folder (anyone, for their own subfolder)', input: async () => ({ folder: await makeTempDir('reportdesk-office-') }), outcomes: everyone }],
  'sync:disable': [{ what: 'sync not set up (nothing to stop)', input: {}, outcomes: everyone }],
  'sync:join': [{ what: "joining by a supervisor's fingerprint (managers only)", input: { fingerprint: 'ad9e 00cf 3a7a 96f7 0c94 3839 8557 8891' }, outcomes: who('not-found', 'not-found', 'forbidden') }],
  'sync:admit': [{ what: 'putting someone on the roster (supervisors only)', input: { fingerprint: 'ad9e 00cf 3a7a 96f7 0c94 3839 8557 8891' }, outcomes: who('forbidden', 'forbidden', 'not-found') }],
};

async function openOffice(): Promise<Env> {
  const store = await openTempStore({ seed: true });
  await store.services.profiles.save(secondSupervisor);
  // Every supervisor's key unlocked, as after choosing the profile (the second one is made after the helper ran).
  await unlockSupervisors(store.services);
  return {
    store,
    async as(caller, channel, input) {
      const result = await store.dispatcher.dispatch(channel, profileIds[caller], input);
      if (!result.ok) throw new Error(`preparing: ${channel} as ${caller} failed: ${result.error.code} ${result.error.message}`);
      return result.value as never;
    },
  };
}

async function prepare<K extends ChannelName>(item: Case<K>, env: Env): Promise<ChannelInput<K>> {
  return typeof item.input === 'function' ? (item.input as (env: Env) => Promise<ChannelInput<K>>)(env) : item.input;
}

const cases = (Object.entries(table) as [ChannelName, Case<ChannelName>[]][]).flatMap(([channel, list]) =>
  list.map((item) => ({ channel, item, name: `${channel} — ${item.what}` })),
);

describe('the permission table', () => {
  it('has cases for every channel of the contract, and no other', () => {
    expect(Object.keys(contract).filter((channel) => !table[channel as ChannelName]?.length), 'add a row to `table` in tests/integration/review-permissions.test.ts').toEqual([]);
    expect(Object.keys(table).filter((channel) => !(channel in contract))).toEqual([]);
  });

  it('covers the role rules of the review', () => {
    const outcome = (channel: ChannelName, caller: Caller, index = 0) => table[channel][index].outcomes[caller];
    // A manager cannot grade, return, approve, reopen, comment, edit, retract or settle.
    for (const channel of ['review:decide', 'review:reopen', 'review:comment', 'review:edit-comment', 'review:retract-comment', 'review:settle'] as const) {
      expect([outcome(channel, 'author'), outcome(channel, 'otherManager')], channel).toEqual(['forbidden', 'forbidden']);
    }
    // A supervisor cannot write, save, submit or mark fixed.
    for (const channel of ['reports:create', 'reports:save-draft', 'reports:submit', 'review:mark-fixed'] as const) {
      expect(table[channel].every((item) => item.outcomes.supervisor !== 'ok'), channel).toBe(true);
    }
    // Office templates are the supervisors': a manager cannot create, edit, copy, import or retire one.
    for (const channel of ['templates:duplicate', 'templates:save', 'templates:import', 'templates:retire'] as const) {
      expect(table[channel].every((item) => item.outcomes.author === 'forbidden' && item.outcomes.otherManager === 'forbidden'), channel).toBe(true);
    }
    // Only the author withdraws a submission, and only before a supervisor opened it.
    expect(table['review:withdraw'].map((item) => item.outcomes.author)).toEqual(['ok', 'forbidden', 'forbidden']);
    expect(table['review:withdraw'].every((item) => item.outcomes.supervisor === 'forbidden')).toBe(true);
    // Only the comment's own author edits or retracts it.
    expect(outcome('review:edit-comment', 'otherSupervisor')).toBe('forbidden');
    expect(outcome('review:retract-comment', 'otherSupervisor')).toBe('forbidden');
  });
});

describe.each(cases)('$name', ({ channel, item }) => {
  const refused = callers.filter((caller) => item.outcomes[caller] !== 'ok');
  const allowed = callers.filter((caller) => item.outcomes[caller] === 'ok');
  const summary = callers.map((caller) => `${caller}: ${item.outcomes[caller]}`).join(', ');

  const writes = item.readOnly ? '; writes nothing' : refused.length ? '; a refused call writes nothing' : '';
  it(`${summary}${writes}`, async () => {
    const env = await openOffice();
    const input = await prepare(item, env);
    const before = await hashFolder(env.store.dataDir);
    for (const caller of refused) {
      const result = await env.store.dispatcher.dispatch(channel, profileIds[caller], input);
      expect(result.ok ? 'ok' : result.error.code, `${channel} as ${caller}: ${JSON.stringify(result)}`).toBe(item.outcomes[caller]);
      if (!result.ok) expect(result.error.message).not.toBe('');
      expect(await hashFolder(env.store.dataDir), `${channel} as ${caller} changed the data folder`).toEqual(before);
    }
    // Allowed calls may write, so each runs on its own copy of the office (the first on this one), unless read-only.
    for (const [index, caller] of allowed.entries()) {
      const own = item.readOnly || index === 0 ? { env, input } : await openOffice().then(async (fresh) => ({ env: fresh, input: await prepare(item, fresh) }));
      const result = await own.env.store.dispatcher.dispatch(channel, profileIds[caller], own.input);
      expect(result.ok, `${channel} as ${caller}: ${JSON.stringify(result)}`).toBe(true);
      if (item.readOnly) expect(await hashFolder(env.store.dataDir), `${channel} as ${caller} changed the data folder`).toEqual(before);
    }
  });
});
