import { describe, expect, it } from 'vitest';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../electron/api/contract';
import type { ApiError } from '../../electron/api/result';
import type { RichNode } from '../../electron/core/common/schemas/report';
import { anchorText, makeTextAnchor } from '../../electron/core/review/anchors';
import { canonicalJson } from '../../electron/core/common/canonical';
import type { Clock } from '../../electron/core/common/ports';
import { hashFolder, office, openTempStore, type TempStore } from '../helpers/temp-store';
import { testPassphrase } from '../helpers/temp-store';

/** One clock for every machine, a minute further at each reading: records get distinct, realistic times. */
function steppingClock(start: string): Clock {
  let time = Date.parse(start);
  return { now: () => new Date((time += 60_000)) };
}

function paragraphs(...lines: string[]): RichNode {
  return { type: 'doc', content: lines.map((line) => ({ type: 'paragraph', content: [{ type: 'text', text: line }] })) };
}

interface Machine {
  name: string;
  store: TempStore;
  profileId: string;
  call<K extends ChannelName>(channel: K, input: ChannelInput<K>): Promise<ChannelOutput<K>>;
  /** A call that must be refused; the data folder must be byte for byte as before. */
  refused<K extends ChannelName>(channel: K, input: ChannelInput<K>): Promise<ApiError>;
}

/** A data folder of its own (another laptop), with one profile made there. */
async function machine(clock: Clock, profile: { name: string; role: 'manager' | 'supervisor'; unit: string }): Promise<Machine> {
  const store = await openTempStore({ clock });
  const created = await store.dispatcher.dispatch('profiles:create', null, profile.role === 'supervisor' ? { ...profile, passphrase: testPassphrase } : profile);
  if (!created.ok) throw new Error(created.error.message);
  const profileId = (created.value as { id: string }).id;
  return {
    name: profile.name,
    store,
    profileId,
    async call(channel, input) {
      const result = await store.dispatcher.dispatch(channel, profileId, input);
      if (!result.ok) throw new Error(`${channel} on ${profile.name}'s machine: ${result.error.code} ${result.error.message}`);
      return result.value as never;
    },
    async refused(channel, input) {
      const before = await hashFolder(store.dataDir);
      const result = await store.dispatcher.dispatch(channel, profileId, input);
      if (result.ok) throw new Error(`${channel} on ${profile.name}'s machine should have been refused`);
      expect(await hashFolder(store.dataDir), `${channel} was refused but wrote`).toEqual(before);
      return result.error;
    },
  };
}

type Package = ChannelOutput<'exchange:export-submissions'>;

function asFile(pkg: Package) {
  return { fileName: pkg.fileName, dataBase64: pkg.dataBase64 };
}

async function importPackage(on: Machine, pkg: Package, trustSender = true) {
  return on.call('exchange:apply', { ...asFile(pkg), trustSender });
}

/** Every record of a document as id → canonical JSON (signature included). */
async function recordSet(on: Machine, docId: string): Promise<Record<string, string>> {
  const records = await on.store.services.reviews.records(docId);
  return Object.fromEntries(records.map((record) => [record.id, canonicalJson(record)]));
}

/** The folder fingerprint without the import log (the one file a repeated import may add a line to). */
async function withoutImportLog(dataDir: string) {
  const hashes = await hashFolder(dataDir);
  delete hashes['exchange/imports.ndjson'];
  return hashes;
}

const firstText = ['上午走访北关综合商店和东街烟酒店，了解近期进销存情况。', '北关综合商店库存偏高，细支烟动销慢。'];
const revisedText = [...firstText, '库存偏高的原因是节前备货过多；下周控制进货，重点推荐动销快的品规。'];

async function writeAndSubmit(manager: Machine): Promise<string> {
  const created = await manager.call('reports:create', { templateId: office.templateId, metadata: { 店名: '北关综合商店' } });
  const saved = await manager.call('reports:save-draft', {
    id: created.id,
    baseRev: created.rev,
    metadata: {},
    sections: { summary: { type: 'richtext', doc: paragraphs(...firstText) } },
  });
  await manager.call('reports:submit', { id: created.id, baseRev: saved.rev });
  return created.id;
}

async function passage(on: Machine, id: string, revision: number, quote: string) {
  const { report } = await on.call('review:revision', { id, revision });
  const summary = report.sections['summary'];
  if (summary?.type !== 'richtext') throw new Error('summary is rich text');
  const { text } = anchorText(summary.doc);
  const start = text.indexOf(quote);
  return makeTextAnchor('summary', text, start, start + quote.length);
}

describe('exchange between two data folders', () => {
  it('submit, review, return, resubmit, approve — with duplicate and out-of-order imports — ends with identical records', async () => {
    const clock = steppingClock('2026-11-06T01:00:00.000Z');
    const manager = await machine(clock, { name: '张明', role: 'manager', unit: '城关片区' });
    const supervisor = await machine(clock, { name: '王主任', role: 'supervisor', unit: '营销部' });
    /** A second supervisor's machine that receives the packages late and in the wrong order. */
    const late = await machine(clock, { name: '赵科长', role: 'supervisor', unit: '营销部' });

    // Round 1: the manager writes and submits on the laptop, then exports everything new.
    const id = await writeAndSubmit(manager);
    const p1 = await manager.call('exchange:export-submissions', { sinceLast: true });
    expect(p1.fileName).toMatch(/^提交包_张明_\d{8}-\d{6}\.rdpkg$/);
    expect(p1.summary).toMatchObject({ kind: 'submissions', documents: [{ id, revisions: [1], records: 1 }], templates: 1, records: 1 });
    // Nothing new since: a second "since last" export has nothing to send.
    expect((await manager.refused('exchange:export-submissions', { sinceLast: true })).message).toContain('没有新的');

    // The supervisor previews it: first package from 张明, so the fingerprint must be confirmed.
    const managerKey = await manager.call('exchange:identity', {});
    const preview = await supervisor.call('exchange:preview', asFile(p1));
    expect(preview).toMatchObject({
      kind: 'submissions',
      sender: { name: '张明', role: 'manager', known: 'new', fingerprint: managerKey.fingerprint },
      needsTrust: true,
      documents: [{ id, effect: 'create', statusAfter: 'submitted', revisions: [{ revision: 1, isNew: true }], newRecords: 1 }],
      totals: { newDocuments: 1, newRevisions: 1, newRecords: 1, newTemplates: 0 },
      nothingNew: false,
    });
    expect(managerKey.fingerprint).toMatch(/^([0-9a-f]{4} ){7}[0-9a-f]{4}$/);
    // Without confirming the fingerprint, nothing is imported.
    const untrusted = await supervisor.refused('exchange:apply', { ...asFile(p1), trustSender: false });
    expect(untrusted).toMatchObject({ code: 'forbidden', details: { reason: 'untrusted-sender' } });
    expect(untrusted.message).toContain(managerKey.fingerprint);

    // Before the import 张明 is not on the roster; after it he is. 未提交 is fair to him: he joined on 11-06
    // (his key was first seen then), so 11-05 is not owed, and 11-06 is not due before the end of the day.
    expect((await supervisor.call('review:not-submitted', { period: '2026-11-05' }))[0].missing).toEqual([]);
    const applied = await importPackage(supervisor, p1);
    expect(applied.applied).toMatchObject({ newDocuments: 1, newRevisions: 1, newRecords: 1, trusted: ['张明'] });
    expect((await supervisor.call('exchange:roster', {})).map((entry) => [entry.name, entry.remote])).toEqual([['张明', true]]);
    expect((await supervisor.call('review:not-submitted', { period: '2026-11-05' }))[0]).toMatchObject({ state: 'due', missing: [] });
    expect((await supervisor.call('review:not-submitted', { period: '2026-11-06' }))[0]).toMatchObject({ state: 'not-due', missing: [] });
    const inbox = await supervisor.call('review:inbox', {});
    expect(inbox.entries.map((entry) => [entry.summary.id, entry.summary.status, entry.unread])).toEqual([[id, 'submitted', true]]);
    const copy = await supervisor.call('reports:get', { id });
    expect(copy.report).toMatchObject({ status: 'submitted', revision: 1, authorId: manager.profileId, authorName: '张明' });
    expect((await supervisor.call('review:verify', { id })).ok).toBe(true);

    // Importing it again changes nothing (only the import log grows).
    const before = await withoutImportLog(supervisor.store.dataDir);
    const again = await importPackage(supervisor, p1, false);
    expect(again.preview.nothingNew).toBe(true);
    expect(again.applied).toMatchObject({ newDocuments: 0, updatedDocuments: 0, newRevisions: 0, newRecords: 0 });
    expect(await withoutImportLog(supervisor.store.dataDir)).toEqual(before);

    // Round 2: the supervisor comments on a passage and returns it; the review package goes back.
    const comment = await supervisor.call('review:comment', {
      id,
      anchor: await passage(supervisor, id, 1, '库存偏高'),
      kind: 'problem',
      text: '库存偏高的原因是什么？下周怎么调？',
    });
    await supervisor.call('review:decide', { id, decision: 'return', grade: '需改进', reason: '缺少原因分析', meetingFlag: 'critique' });
    const r1 = await supervisor.call('exchange:export-reviews', { managerId: manager.profileId });
    expect(r1.fileName).toMatch(/^审阅包_王主任_致张明_/);
    const reviewPreview = await manager.call('exchange:preview', asFile(r1));
    expect(reviewPreview).toMatchObject({
      kind: 'reviews',
      sender: { name: '王主任', known: 'new' },
      documents: [{ id, effect: 'status', statusBefore: 'submitted', statusAfter: 'returned', revisionAfter: 2, newRecords: 2, duplicateRecords: 1, newRecordTypes: { comment: 1, decision: 1 } }],
    });
    await importPackage(manager, r1);
    const returned = await manager.call('reports:get', { id });
    expect(returned.report).toMatchObject({ status: 'returned', revision: 2 });
    // Seen on the manager's laptop exactly as if reviewed there.
    const managerView = await manager.call('review:get', { id });
    const supervisorView = await supervisor.call('review:get', { id, markRead: false });
    expect(managerView.state).toEqual(supervisorView.state);
    expect(managerView.unseen).toBe(2);
    expect((await manager.call('review:inbox', { unreadOnly: true })).entries).toEqual([]);

    // Round 3: the manager replies, fixes, revises and resubmits; exports what is new.
    await manager.call('review:reply', { id, commentId: comment.id, text: '主要是节前备货过多。' });
    await manager.call('review:mark-fixed', { id, commentId: comment.id, note: '已补充原因和下周订货计划' });
    const draft = await manager.call('reports:save-draft', {
      id,
      baseRev: (await manager.call('reports:get', { id })).report.rev,
      metadata: {},
      sections: { summary: { type: 'richtext', doc: paragraphs(...revisedText) } },
    });
    await manager.call('reports:submit', { id, baseRev: draft.rev });
    const supervisorKey = await supervisor.call('exchange:identity', {});
    const trustedOnLaptop = await manager.call('exchange:trusted', {});
    expect(trustedOnLaptop.map((entry) => [entry.name, entry.role, entry.fingerprint])).toEqual([['王主任', 'supervisor', supervisorKey.fingerprint]]);
    const p2 = await manager.call('exchange:export-submissions', { sinceLast: true, toSupervisor: supervisor.profileId });
    expect(p2.summary).toMatchObject({ recipients: ['王主任'], documents: [{ id, revisions: [1, 2], records: 6 }] });

    // The supervisor imports it (the old P1 once more first: nothing changes).
    expect((await importPackage(supervisor, p1)).applied.newRecords).toBe(0);
    const p2Applied = await importPackage(supervisor, p2);
    expect(p2Applied.applied).toMatchObject({ newRevisions: 1, newRecords: 3, updatedDocuments: 1 });
    expect((await supervisor.call('reports:get', { id })).report).toMatchObject({ status: 'submitted', revision: 2 });
    const compared = await supervisor.call('review:compare', { id, from: 1, to: 2 });
    expect(compared.sections.find((section) => section.sectionId === 'summary')?.changed).toBe(true);

    // Round 4: resolve and approve; the review package goes back, and an old one arrives after it.
    await supervisor.call('review:settle', { id, commentId: comment.id, action: 'resolve' });
    await supervisor.call('review:decide', { id, decision: 'approve', grade: '优秀', meetingFlag: 'praise', overall: '改得好' });
    const r2 = await supervisor.call('exchange:export-reviews', {});
    await importPackage(manager, r2);
    const managerBefore = await withoutImportLog(manager.store.dataDir);
    expect((await importPackage(manager, r1)).applied).toMatchObject({ newRecords: 0, updatedDocuments: 0 });
    expect(await withoutImportLog(manager.store.dataDir)).toEqual(managerBefore);
    expect((await manager.call('reports:get', { id })).report).toMatchObject({ status: 'approved', revision: 2, review: { grade: '优秀' } });

    // The same records, with the same content, on both sides; both logs verify.
    expect(await recordSet(manager, id)).toEqual(await recordSet(supervisor, id));
    expect(Object.keys(await recordSet(manager, id))).toHaveLength(8);
    for (const side of [manager, supervisor]) {
      expect(await side.call('review:verify-all', {})).toEqual({ checked: 1, problems: [] });
    }
    expect((await manager.call('review:get', { id })).state).toEqual((await supervisor.call('review:get', { id })).state);

    // Another supervisor's machine gets the packages out of order: the latest first, then the oldest. p2 carries
    // 王主任's comments and decision, vouched for by 张明 only: refused until 赵科长 checks 王主任's fingerprint.
    const unpinned = await late.refused('exchange:apply', { ...asFile(p2), trustSender: true });
    expect(unpinned).toMatchObject({ code: 'forbidden', details: { reason: 'unpinned-supervisor' } });
    expect(unpinned.message).toContain(supervisorKey.fingerprint);
    await late.call('exchange:apply', { ...asFile(p2), trustSender: true, confirmSupervisors: [supervisorKey.fingerprint] });
    expect((await late.call('reports:get', { id })).report).toMatchObject({ status: 'submitted', revision: 2 });
    const lateImport = await importPackage(late, p1);
    expect(lateImport.applied).toMatchObject({ newRecords: 0, newRevisions: 0, updatedDocuments: 0 });
    // p2 already carried every record p1 had, and 王主任's key, vouched for by 张明.
    const lateRecords = await recordSet(late, id);
    const managerRecords = await recordSet(manager, id);
    expect(Object.keys(lateRecords)).toHaveLength(6);
    for (const [recordId, content] of Object.entries(lateRecords)) expect(content).toBe(managerRecords[recordId]);
    expect((await late.call('exchange:trusted', {})).map((entry) => [entry.name, entry.introducedBy.senderName, entry.source])).toEqual([
      ['张明', '张明', 'package'],
      ['王主任', '张明', 'fingerprint'],
    ]);

    // The import log says what each import did.
    const log = await supervisor.call('exchange:log', {});
    expect(log.pending).toBeNull();
    expect(log.entries.map((entry) => [entry.kind, entry.newRecords])).toEqual([
      ['submissions', 3],
      ['submissions', 0],
      ['submissions', 0],
      ['submissions', 1],
    ]);
  });

  it('two supervisors decide differently: both decisions are kept and shown, and the local draft is never overwritten', async () => {
    const clock = steppingClock('2026-11-06T01:00:00.000Z');
    const manager = await machine(clock, { name: '张明', role: 'manager', unit: '城关片区' });
    const wang = await machine(clock, { name: '王主任', role: 'supervisor', unit: '营销部' });
    const zhao = await machine(clock, { name: '赵科长', role: 'supervisor', unit: '营销部' });
    const id = await writeAndSubmit(manager);
    const p1 = await manager.call('exchange:export-submissions', { ids: [id] });
    await importPackage(wang, p1);
    await importPackage(zhao, p1);

    // 王主任 returns it; 张明 gets it and starts revising.
    await wang.call('review:decide', { id, decision: 'return', grade: '需改进', reason: '缺少原因分析', meetingFlag: 'none' });
    await importPackage(manager, await wang.call('exchange:export-reviews', { managerId: manager.profileId }));
    const { report } = await manager.call('reports:get', { id });
    const draft = await manager.call('reports:save-draft', {
      id,
      baseRev: report.rev,
      metadata: {},
      sections: { summary: { type: 'richtext', doc: paragraphs(...revisedText) } },
    });

    // Later, on another machine, 赵科长 approves revision 1.
    await zhao.call('review:decide', { id, decision: 'approve', grade: '良好', meetingFlag: 'none' });
    const fromZhao = await zhao.call('exchange:export-reviews', {});
    const preview = await manager.call('exchange:preview', asFile(fromZhao));
    expect(preview.documents).toMatchObject([{ id, effect: 'conflict', statusBefore: 'returned', statusAfter: 'returned', revisionAfter: 2 }]);
    expect(preview.conflicts.map((conflict) => conflict.kind).sort()).toEqual(['decisions', 'status']);
    expect(preview.conflicts.find((conflict) => conflict.kind === 'status')?.message).toMatch(/保留本机文稿/);

    const result = await importPackage(manager, fromZhao);
    expect(result.conflicts).toHaveLength(2);
    // The draft being revised is untouched: same text, same status, still editable.
    const after = await manager.call('reports:get', { id });
    expect(after.report).toMatchObject({ status: 'returned', revision: 2, rev: draft.rev, sections: draft.sections });
    // Both decisions are there, side by side.
    const review = await manager.call('review:get', { id });
    expect(review.state.decisions.map((decision) => [decision.by.name, decision.decision, decision.grade])).toEqual([
      ['王主任', 'return', '需改进'],
      ['赵科长', 'approve', '良好'],
    ]);
    expect((await manager.call('review:verify', { id })).ok).toBe(true);
    // And the import log keeps the conflict for later.
    const log = await manager.call('exchange:log', {});
    expect(log.entries[0].conflicts.map((conflict) => conflict.kind).sort()).toEqual(['decisions', 'status']);
    // The writer can still resubmit; the supervisors merge it as usual.
    await manager.call('reports:submit', { id, baseRev: draft.rev });
    const p2 = await manager.call('exchange:export-submissions', { sinceLast: true });
    // 赵科长's decision comes vouched for by 张明: 王主任 must check 赵科长's fingerprint before it is accepted.
    expect(await wang.refused('exchange:apply', { ...asFile(p2), trustSender: true })).toMatchObject({ details: { reason: 'unpinned-supervisor' } });
    const zhaoKey = await zhao.call('exchange:identity', {});
    await wang.call('exchange:apply', { ...asFile(p2), trustSender: true, confirmSupervisors: [zhaoKey.fingerprint] });
    expect((await wang.call('reports:get', { id })).report).toMatchObject({ status: 'submitted', revision: 2 });
  });

  it.each([
    ['in the order they were submitted', false],
    ['the copy first, the original a day late', true],
  ])('a copied submission that arrives by package is 疑似雷同 in the supervisor\'s inbox, as if submitted there: %s', async (_order, copyFirst) => {
    const clock = steppingClock('2026-11-07T01:00:00.000Z');
    const first = await machine(clock, { name: '张明', role: 'manager', unit: '城关片区' });
    const second = await machine(clock, { name: '李娜', role: 'manager', unit: '城西片区' });
    const supervisor = await machine(clock, { name: '王主任', role: 'supervisor', unit: '营销部' });
    // 李娜 writes her log on her own laptop by copying 张明's analysis word for word.
    const original = await writeAndSubmit(first);
    const copied = await writeAndSubmit(second);
    const other = await first.call('reports:create', { templateId: office.templateId, metadata: { 店名: '南街副食店' } });
    const otherSaved = await first.call('reports:save-draft', {
      id: other.id,
      baseRev: other.rev,
      metadata: {},
      sections: { summary: { type: 'richtext', doc: paragraphs('南街副食店新开业，陈列规范，已建议补充中档品规。', '店主对订货系统操作不熟，已现场演示。') } },
    });
    await first.call('reports:submit', { id: other.id, baseRev: otherSaved.rev });

    const fromFirst = await first.call('exchange:export-submissions', { sinceLast: true });
    const fromSecond = await second.call('exchange:export-submissions', { sinceLast: true });
    // Arrival order must not matter: the copy is the later submission, whenever the original arrives.
    for (const arriving of copyFirst ? [fromSecond, fromFirst] : [fromFirst, fromSecond]) await importPackage(supervisor, arriving);
    const inbox = await supervisor.call('review:inbox', {});
    const copy = (id: string) => inbox.entries.find((entry) => entry.summary.id === id)?.copy;
    expect(copy(copied)).toMatchObject({ flagged: true });
    expect(copy(copied)!.score).toBeGreaterThanOrEqual(0.9);
    // The first of the two and an unrelated log are checked too, and not flagged.
    expect(copy(original)).toMatchObject({ flagged: false });
    expect(copy(other.id)).toMatchObject({ flagged: false });
    // The supervisor's pane reads the stored result: the passages side by side name 张明's document.
    const view = await supervisor.call('insight:copy-check', { id: copied });
    expect(view).toMatchObject({ flagged: true, stored: true });
    expect(JSON.stringify(view.result)).toContain(original);
  });

  it('role rules: managers export submissions and import reviews; supervisors the other way round', async () => {
    const clock = steppingClock('2026-11-06T01:00:00.000Z');
    const manager = await machine(clock, { name: '张明', role: 'manager', unit: '城关片区' });
    const supervisor = await machine(clock, { name: '王主任', role: 'supervisor', unit: '营销部' });
    const id = await writeAndSubmit(manager);
    const p1 = await manager.call('exchange:export-submissions', { ids: [id] });
    expect(await supervisor.refused('exchange:export-submissions', { sinceLast: true })).toMatchObject({ code: 'forbidden' });
    expect(await manager.refused('exchange:export-reviews', {})).toMatchObject({ code: 'forbidden' });
    // A manager cannot import a submission package (even their own).
    expect(await manager.refused('exchange:apply', { ...asFile(p1), trustSender: true })).toMatchObject({ code: 'forbidden', details: { reason: 'wrong-importer-role' } });
    await importPackage(supervisor, p1);
    const r1 = await supervisor.call('exchange:export-reviews', {});
    expect(await supervisor.refused('exchange:apply', { ...asFile(r1), trustSender: true })).toMatchObject({ code: 'forbidden', details: { reason: 'wrong-importer-role' } });
    // Neither ids nor "since last": refused with a message saying what to choose.
    expect((await manager.refused('exchange:export-submissions', {})).message).toContain('二选一');
    // A draft that was never submitted cannot be sent.
    const created = await manager.call('reports:create', { templateId: office.templateId, metadata: {} });
    expect((await manager.refused('exchange:export-submissions', { ids: [created.id] })).message).toContain('尚未提交');
  });
});
