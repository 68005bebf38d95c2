import { describe, expect, it } from 'vitest';
import { contract, type ChannelName } from '../../electron/api/contract';
import type { Result } from '../../electron/api/result';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fixtureSeedsDir, hashFolder, office, openTempStore } from '../helpers/temp-store';

const fixtureTemplate: unknown = JSON.parse(readFileSync(path.join(fixtureSeedsDir, 'templates', 'fixture-log.json'), 'utf8'));

function paragraph(text: string) {
  return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

function saveInput(id: string, baseRev = 1) {
  return { id, baseRev, metadata: {}, sections: { summary: { type: 'richtext', doc: paragraph('别人改的内容') } } };
}

/** A valid input for each channel that needs a profile, so only the missing profile can be the reason to refuse. */
const profileRequiredInputs: Partial<Record<ChannelName, unknown>> = {
  'templates:list': {},
  'templates:get': { id: office.templateId },
  'reports:list': {},
  'reports:search': { query: '便民超市' },
  'reports:previous': { templateId: office.templateId },
  'templates:duplicate': { id: office.templateId, name: '副本' },
  'templates:save': { template: fixtureTemplate, baseVersion: 1 },
  'templates:export': { id: office.templateId },
  'templates:import': { fileName: 'a.rdtpl.json', text: '{}' },
  'reports:get': { id: office.draft },
  'reports:create': { templateId: office.templateId, metadata: {} },
  'reports:save-draft': saveInput(office.draft),
  'reports:delete': { id: office.draft, baseRev: 1 },
  'tables:read-xlsx': { fileName: '走访记录.xlsx', dataBase64: 'UEsDBBQAAAAIAA==' },
  'export:start': { kind: 'register', period: '2026-11' },
  'export:status': { jobId: 'job-1' },
  'export:cancel': { jobId: 'job-1' },
  'export:result': { jobId: 'job-1' },
  'export:save': { jobId: 'job-1' },
  'export:open-file': { path: '/tmp/x.docx' },
  'reports:submit': { id: office.draft, baseRev: 1 },
  'review:get': { id: office.submitted },
  'review:decide': { id: office.submitted, decision: 'approve', grade: '优秀', meetingFlag: 'praise' },
  'review:reopen': { id: office.otherApproved, reason: '台账数据需要再核对' },
  'review:comment': { id: office.submitted, anchor: { kind: 'document' }, kind: 'note', text: '请补充原因' },
  'review:edit-comment': { id: office.submitted, commentId: 'comment-1', kind: 'note', text: '请补充原因和措施' },
  'review:retract-comment': { id: office.submitted, commentId: 'comment-1', reason: '重复' },
  'review:reply': { id: office.submitted, commentId: 'comment-1', text: '已补充' },
  'review:mark-fixed': { id: office.submitted, commentId: 'comment-1', note: '已补充原因' },
  'review:settle': { id: office.submitted, commentId: 'comment-1', action: 'resolve' },
  'review:revision': { id: office.submitted, revision: 1 },
  'review:compare': { id: office.submitted, from: 1, to: 1 },
  'review:verify': { id: office.submitted },
  'review:verify-all': {},
  'review:inbox': {},
  'review:not-submitted': { period: '2026-11' },
  'insight:dashboard': { period: '2026-11' },
  'insight:copy-check': { id: office.submitted },
  'insight:sentences': { templateId: office.templateId, sectionId: 'visits', rows: [] },
  'exchange:identity': {},
  'exchange:trusted': {},
  'exchange:roster': {},
  'exchange:export-submissions': { ids: [office.submitted] },
  'exchange:export-reviews': {},
  'exchange:preview': { fileName: 'a.rdpkg', dataBase64: 'UEsDBBQAAAAIAA==' },
  'exchange:apply': { fileName: 'a.rdpkg', dataBase64: 'UEsDBBQAAAAIAA==', trustSender: true },
  'exchange:log': {},
  'templates:retire': { id: office.templateId, baseVersion: 1 },
  'reports:template-update': { id: office.draft },
  'reports:move-to-version': { id: office.draft, baseRev: 1, version: 2 },
  'reports:existing-draft': { templateId: office.templateId, period: '2026-11-05' },
  'sync:status': {},
  'sync:now': {},
  'sync:configure': { folder: '/tmp' },
  'sync:disable': {},
  'sync:join': { fingerprint: 'ad9e 00cf 3a7a 96f7 0c94 3839 8557 8891' },
  'sync:admit': { fingerprint: 'ad9e 00cf 3a7a 96f7 0c94 3839 8557 8891' },
  'backup:status': {},
  'backup:now': {},
  'backup:set-folder': { folder: '/tmp/reportdesk-backups' },
  'backup:inspect': { file: '/tmp/reportdesk-backups/a.rdbackup' },
  'backup:restore': { file: '/tmp/reportdesk-backups/a.rdbackup', mode: 'new-folder', target: '/tmp/reportdesk-restored' },
  'data:move': { target: '/tmp/reportdesk-moved' },
  'review:withdraw': { id: 'rpt-any' },
  'profiles:change-passphrase': { current: 'old-passphrase', passphrase: 'new-passphrase-2026', repeat: 'new-passphrase-2026' },
};

function errorOf(result: Result<unknown>) {
  return result.ok ? { code: 'ok' } : result.error;
}

describe('without a profile', () => {
  const required = (Object.keys(contract) as ChannelName[]).filter((channel) => contract[channel].profile === 'required');

  it('every profile-required channel has an input in this test', () => {
    const missing = required.filter((channel) => !(channel in profileRequiredInputs));
    expect(missing, 'add a valid input to `profileRequiredInputs` in tests/integration/permissions.test.ts').toEqual([]);
    expect(Object.keys(profileRequiredInputs).sort()).toEqual([...required].sort());
  });

  it.each(required)('%s answers no-profile and writes nothing', async (channel) => {
    const { dispatcher, dataDir } = await openTempStore({ seed: true });
    const before = await hashFolder(dataDir);
    const result = await dispatcher.dispatch(channel, null, profileRequiredInputs[channel]);
    expect(errorOf(result)).toMatchObject({ code: 'no-profile', message: expect.stringMatching(/身份/) });
    expect(await hashFolder(dataDir)).toEqual(before);
  });

  it('a profile id that does not exist (a deleted or quarantined profile) is no-profile too', async () => {
    const { dispatcher } = await openTempStore({ seed: true });
    expect(errorOf(await dispatcher.dispatch('reports:list', 'deleted-profile', {}))).toMatchObject({ code: 'no-profile' });
  });
});

describe('a supervisor', () => {
  it('cannot create a document; nothing is written', async () => {
    const { dispatcher, dataDir } = await openTempStore({ seed: true });
    const before = await hashFolder(dataDir);
    const result = await dispatcher.dispatch('reports:create', office.supervisor, { templateId: office.templateId, metadata: {} });
    expect(errorOf(result)).toMatchObject({ code: 'forbidden', message: expect.stringContaining('客户经理') });
    expect(await hashFolder(dataDir)).toEqual(before);
  });

  it("cannot save a manager's document, even one it may read; nothing is written", async () => {
    const { dispatcher, dataDir } = await openTempStore({ seed: true });
    expect(await dispatcher.dispatch('reports:get', office.supervisor, { id: office.submitted })).toMatchObject({ ok: true });
    const before = await hashFolder(dataDir);
    for (const id of [office.submitted, office.draft]) {
      const result = await dispatcher.dispatch('reports:save-draft', office.supervisor, saveInput(id));
      expect(['forbidden', 'not-found']).toContain(errorOf(result).code);
    }
    expect(await hashFolder(dataDir)).toEqual(before);
  });

  it('does not see drafts in reports:list, and cannot open one', async () => {
    const { dispatcher } = await openTempStore({ seed: true });
    const result = await dispatcher.dispatch('reports:list', office.supervisor, {});
    expect(result.ok).toBe(true);
    const list = result.ok ? (result.value as { id: string; status: string }[]) : [];
    expect(list.map((item) => item.id).sort()).toEqual([office.submitted, office.otherApproved].sort());
    expect(list.every((item) => item.status !== 'draft')).toBe(true);
    // Asking for drafts explicitly does not reveal them either.
    expect(await dispatcher.dispatch('reports:list', office.supervisor, { status: 'draft' })).toEqual({ ok: true, value: [] });
    expect(errorOf(await dispatcher.dispatch('reports:get', office.supervisor, { id: office.draft }))).toMatchObject({ code: 'not-found' });
  });
});

describe('a manager', () => {
  it("cannot read another manager's documents: they are not listed and not found", async () => {
    const { dispatcher } = await openTempStore({ seed: true });
    const result = await dispatcher.dispatch('reports:list', office.manager, { authorId: office.otherManager });
    expect(result).toEqual({ ok: true, value: [] });
    for (const id of [office.otherDraft, office.otherApproved]) {
      expect(errorOf(await dispatcher.dispatch('reports:get', office.manager, { id }))).toMatchObject({ code: 'not-found' });
    }
  });

  it("cannot save or delete another manager's draft; nothing is written", async () => {
    const { dispatcher, dataDir } = await openTempStore({ seed: true });
    const before = await hashFolder(dataDir);
    const saved = await dispatcher.dispatch('reports:save-draft', office.manager, saveInput(office.otherDraft));
    expect(['forbidden', 'not-found']).toContain(errorOf(saved).code);
    const deleted = await dispatcher.dispatch('reports:delete', office.manager, { id: office.otherDraft, baseRev: 1 });
    expect(['forbidden', 'not-found']).toContain(errorOf(deleted).code);
    expect(await hashFolder(dataDir)).toEqual(before);
  });

  it('cannot change or delete their own document once submitted; nothing is written', async () => {
    const { dispatcher, dataDir } = await openTempStore({ seed: true });
    const before = await hashFolder(dataDir);
    expect(errorOf(await dispatcher.dispatch('reports:save-draft', office.manager, saveInput(office.submitted)))).toMatchObject({
      code: 'forbidden',
    });
    expect(errorOf(await dispatcher.dispatch('reports:delete', office.manager, { id: office.submitted, baseRev: 1 }))).toMatchObject({
      code: 'forbidden',
    });
    expect(await hashFolder(dataDir)).toEqual(before);
  });

  it('sees their own drafts', async () => {
    const { dispatcher } = await openTempStore({ seed: true });
    const result = await dispatcher.dispatch('reports:list', office.manager, { status: 'draft' });
    expect(result.ok && (result.value as { id: string }[]).map((item) => item.id)).toEqual([office.draft]);
  });
});
