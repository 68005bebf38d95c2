import { cp } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ChannelInput, ChannelName } from '../../electron/api/contract';
import { createDispatcher, type Dispatcher } from '../../electron/api/dispatcher';
import { canonicalJson } from '../../electron/core/common/canonical';
import { forgetHeldLocksForTests } from '../../electron/store/lock';
import { openStore, type Store } from '../../electron/store/open-store';
import { testPassphrase, unlockSupervisors } from '../helpers/unlock';
import { SimulatedCrash, setWriteSeam, type WriteStep } from '../../electron/store/write-seam';
import { fixedClock, fixtureSeedsDir, makeTempDir, office, seedOffice, sequentialIds, testIdentity } from '../helpers/temp-store';
import { docFigure, recordFigures } from '../helpers/reliability-doc';

/**
 * Crash-point enumeration (issue 12, item 1). For every workflow act, a reference run lists the act's write
 * steps (each temporary file written, each rename, each append). Then for every step k the act is run on a fresh
 * copy of the same folder and the process "dies" right after step k — and, for an append, also in the middle of
 * it (a torn line): the write seam throws and refuses every later write, the store is abandoned unclosed. The
 * folder is reopened as a new process would, and must be exactly as before the act or exactly as after it,
 * verify must be clean, and from "before" the act must go through when retried.
 */

interface Opened {
  store: Store;
  dispatcher: Dispatcher;
}

const clockAt = '2026-11-05T02:00:00.000Z';
/** The office is prepared an hour before the acts (records of one instant are ordered by id, not by writing). */
const prepClockAt = '2026-11-05T01:00:00.000Z';

async function open(dataDir: string, idPrefix: string): Promise<Opened> {
  const store = await openStore({ dataDir, seedsDir: fixtureSeedsDir, clock: fixedClock(idPrefix === 'prep' ? prepClockAt : clockAt), ids: sequentialIds(idPrefix), backgroundCheck: false });
  // A supervisor's key is unlocked as after choosing the profile (protected with the test passphrase the first time).
  await unlockSupervisors(store.services);
  return { store, dispatcher: createDispatcher(store.services, { identity: testIdentity, logError: () => undefined }) };
}

async function call<K extends ChannelName>(on: Opened, as: string | null, channel: K, input: ChannelInput<K>): Promise<unknown> {
  const result = await on.dispatcher.dispatch(channel, as, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** The seam: counts the act's steps; dies after step `crashAfter`, or in the middle of append number `tearAt`. */
const seam = {
  counting: false,
  dead: false,
  steps: [] as { step: WriteStep; file: string }[],
  crashAfter: 0,
  tearAt: 0,
  reset(crashAfter = 0, tearAt = 0) {
    this.counting = false;
    this.dead = false;
    this.steps = [];
    this.crashAfter = crashAfter;
    this.tearAt = tearAt;
  },
};

setWriteSeam({
  before(step, file) {
    if (seam.dead) throw new SimulatedCrash(`(dead) ${step}`, file);
  },
  after(step, file) {
    if (!seam.counting) return;
    seam.steps.push({ step, file });
    if (seam.crashAfter && seam.steps.length === seam.crashAfter) {
      seam.dead = true;
      throw new SimulatedCrash(step, file);
    }
  },
  tearAppend(file, text) {
    if (!seam.counting || !seam.tearAt || seam.steps.length + 1 !== seam.tearAt) return undefined;
    seam.steps.push({ step: 'append', file });
    seam.dead = true;
    return text.slice(0, Math.max(1, Math.floor(text.length / 2)));
  },
});
afterAll(() => setWriteSeam(null));
afterEach(() => seam.reset());

interface Act {
  name: string;
  /** Which data folder it runs on. */
  base: 'office' | 'receiver';
  /** The document it changes (null: learnt from the reference run's answer, for create and import). */
  docId: string | null;
  run(on: Opened, ctx: { c1: string; c2: string; withdrawable: string; pkg: { fileName: string; dataBase64: string } }): Promise<unknown>;
}

const paragraph = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

const acts: Act[] = [
  { name: 'create', base: 'office', docId: null, run: (on) => call(on, office.manager, 'reports:create', { templateId: office.templateId, metadata: {} }) },
  {
    name: 'save',
    base: 'office',
    docId: office.draft,
    run: (on) =>
      call(on, office.manager, 'reports:save-draft', { id: office.draft, baseRev: 1, metadata: {}, sections: { summary: { type: 'richtext', doc: paragraph('下午走访东街烟酒店，细支烟动销较快，建议增加订货。') } } } as ChannelInput<'reports:save-draft'>),
  },
  { name: 'submit', base: 'office', docId: office.draft, run: (on) => call(on, office.manager, 'reports:submit', { id: office.draft, baseRev: 1 }) },
  {
    name: 'comment',
    base: 'office',
    docId: office.submitted,
    run: (on) => call(on, office.supervisor, 'review:comment', { id: office.submitted, anchor: { kind: 'document' }, kind: 'suggestion', text: '请补充下周计划。' }),
  },
  { name: 'reply', base: 'office', docId: office.submitted, run: (on, { c1 }) => call(on, office.manager, 'review:reply', { id: office.submitted, commentId: c1, text: '已补充。' }) },
  {
    name: 'edit',
    base: 'office',
    docId: office.submitted,
    run: (on, { c1 }) => call(on, office.supervisor, 'review:edit-comment', { id: office.submitted, commentId: c1, kind: 'problem', text: '库存数据与台账不一致，请核对。' }),
  },
  { name: 'retract', base: 'office', docId: office.submitted, run: (on, { c1 }) => call(on, office.supervisor, 'review:retract-comment', { id: office.submitted, commentId: c1, reason: '看错了' }) },
  { name: 'mark fixed', base: 'office', docId: office.submitted, run: (on, { c1 }) => call(on, office.manager, 'review:mark-fixed', { id: office.submitted, commentId: c1, note: '已核对并修改。' }) },
  { name: 'resolve', base: 'office', docId: office.submitted, run: (on, { c2 }) => call(on, office.supervisor, 'review:settle', { id: office.submitted, commentId: c2, action: 'resolve' }) },
  {
    name: 'decide (return)',
    base: 'office',
    docId: office.submitted,
    run: (on) => call(on, office.supervisor, 'review:decide', { id: office.submitted, decision: 'return', grade: '需改进', reason: '分析不足。', meetingFlag: 'critique' }),
  },
  {
    name: 'decide (approve)',
    base: 'office',
    docId: office.submitted,
    run: (on) => call(on, office.supervisor, 'review:decide', { id: office.submitted, decision: 'approve', grade: '优秀', meetingFlag: 'praise' }),
  },
  // A submission the supervisor has not opened yet, taken back by its author (the document is learnt from the answer).
  { name: 'withdraw', base: 'office', docId: null, run: (on, { withdrawable }) => call(on, office.manager, 'review:withdraw', { id: withdrawable, reason: '数据填错了，改后再交。' }) },
  { name: 'reopen', base: 'office', docId: office.otherApproved, run: (on) => call(on, office.supervisor, 'review:reopen', { id: office.otherApproved, reason: '台账需要再核对' }) },
  { name: 'import of a package', base: 'receiver', docId: null, run: (on, { pkg }) => call(on, receiverId, 'exchange:apply', { ...pkg, trustSender: true }) },
];

/** The supervisor profile on the receiving machine (made with the base's sequential ids). */
let receiverId = '';

/** Everything a person can observe of a document, read through a freshly opened store. */
async function observe(on: Opened, docId: string, people: string[]) {
  const services = on.store.services;
  const report = await services.reports.get(docId);
  const listed = (await services.reports.list()).find((summary) => summary.id === docId) ?? null;
  const records = (await services.reviews.records(docId)).map((record) => canonicalJson(record));
  const revisions = await services.reviews.revisions(docId);
  const frozen = await Promise.all(revisions.map(async (number) => canonicalJson(await services.reviews.getRevision(docId, number))));
  const seen: Record<string, number> = {};
  for (const person of people) seen[person] = (await services.readState.get(person))[docId] ?? 0;
  // What this machine knows of other people's keys (an import adds the sender's).
  const trusted = (await services.exchange.trusted()).map((entry) => [entry.profileId, entry.role, entry.publicKey]);
  return canonicalJson({ report, listed, records, revisions, frozen, seen, trusted });
}

async function verifyClean(on: Opened, as: string): Promise<void> {
  const all = (await call(on, as, 'review:verify-all', {})) as { checked: number; problems: unknown[] };
  expect(all.problems).toEqual([]);
}

/** Abandon a store whose process "died": nothing is closed or flushed; its lock is left behind. */
function abandon(): void {
  forgetHeldLocksForTests();
}

describe('crash-point enumeration over every workflow act', () => {
  it('reopens every crash point exactly before or after the act, verify clean, and the act can be retried', { timeout: 600_000 }, async () => {
    // The office: the fixture's documents, a comment to reply to / edit / retract / mark fixed (c1) and a
    // comment marked fixed to resolve (c2). Signing keys are made here, so every run signs with the same keys.
    const officeBase = await makeTempDir('reportdesk-crash-office-');
    const prep = await open(officeBase, 'prep');
    await seedOffice(prep.store.services);
    await unlockSupervisors(prep.store.services);
    const c1 = ((await call(prep, office.supervisor, 'review:comment', { id: office.submitted, anchor: { kind: 'document' }, kind: 'problem', text: '库存偏高。' })) as { id: string }).id;
    const c2 = ((await call(prep, office.supervisor, 'review:comment', { id: office.submitted, anchor: { kind: 'document' }, kind: 'note', text: '格式。' })) as { id: string }).id;
    await call(prep, office.manager, 'review:mark-fixed', { id: office.submitted, commentId: c2, note: '已改。' });
    await call(prep, office.manager, 'review:get', { id: office.submitted });
    await call(prep, office.supervisor, 'review:get', { id: office.submitted });
    // A second submission of the manager's that the supervisor has not opened: the one withdrawn.
    const fresh = (await call(prep, office.manager, 'reports:create', { templateId: office.templateId, metadata: { 店名: '东关便民店' } })) as { id: string; rev: number };
    const freshSaved = (await call(prep, office.manager, 'reports:save-draft', {
      id: fresh.id,
      baseRev: fresh.rev,
      metadata: {},
      sections: { summary: { type: 'richtext', doc: paragraph('东关便民店库存正常，本周新增两个品规。') } },
    } as ChannelInput<'reports:save-draft'>)) as { rev: number };
    await call(prep, office.manager, 'reports:submit', { id: fresh.id, baseRev: freshSaved.rev });
    const withdrawable = fresh.id;
    await prep.store.close();

    // A manager's machine writes and submits a document and exports it; the receiving supervisor's machine
    // is the base of the import act.
    const senderDir = await makeTempDir('reportdesk-crash-sender-');
    const sender = await open(senderDir, 'sender');
    const manager = ((await call(sender, null, 'profiles:create', { name: '张明', role: 'manager', unit: '城关片区' })) as { id: string }).id;
    const created = (await call(sender, manager, 'reports:create', { templateId: office.templateId, metadata: { 店名: '北关综合商店' } })) as { id: string; rev: number };
    const saved = (await call(sender, manager, 'reports:save-draft', {
      id: created.id,
      baseRev: created.rev,
      metadata: {},
      sections: { summary: { type: 'richtext', doc: paragraph('上午走访北关综合商店，库存偏高，细支烟动销慢。') } },
    } as ChannelInput<'reports:save-draft'>)) as { rev: number };
    await call(sender, manager, 'reports:submit', { id: created.id, baseRev: saved.rev });
    const exported = (await call(sender, manager, 'exchange:export-submissions', { sinceLast: true })) as { fileName: string; dataBase64: string };
    const pkg = { fileName: exported.fileName, dataBase64: exported.dataBase64 };
    await sender.store.close();
    const receiverBase = await makeTempDir('reportdesk-crash-receiver-');
    const receiver = await open(receiverBase, 'recv');
    receiverId = ((await call(receiver, null, 'profiles:create', { name: '王主任', role: 'supervisor', unit: '营销部', passphrase: testPassphrase })) as { id: string }).id;
    await call(receiver, receiverId, 'exchange:identity', {});
    await receiver.store.close();

    const ctx = { c1, c2, withdrawable, pkg };
    const figures: { act: string; steps: number; points: number; before: number; after: number }[] = [];
    for (const act of acts) {
      const baseDir = act.base === 'office' ? officeBase : receiverBase;
      const people = act.base === 'office' ? [office.manager, office.supervisor, office.otherManager] : [receiverId, manager];
      const verifier = act.base === 'office' ? office.supervisor : receiverId;

      // Reference: the act without a crash; the steps it takes and the state after it.
      const referenceDir = await makeTempDir('reportdesk-crash-ref-');
      await cp(baseDir, referenceDir, { recursive: true });
      const reference = await open(referenceDir, 'act');
      seam.reset();
      seam.counting = true;
      const answer = await act.run(reference, ctx);
      seam.counting = false;
      const steps = seam.steps.slice();
      await reference.store.close();
      const docId = act.docId ?? (answer as { id?: string }).id ?? (answer as { preview: { documents: { id: string }[] } }).preview.documents[0].id;
      expect(docId, `${act.name}: the document`).toBeTruthy();
      const afterOpen = await open(referenceDir, 'check');
      const after = await observe(afterOpen, docId, people);
      await afterOpen.store.close();
      const beforeCopy = await makeTempDir('reportdesk-crash-before-');
      await cp(baseDir, beforeCopy, { recursive: true });
      const beforeOpen = await open(beforeCopy, 'check');
      const before = await observe(beforeOpen, docId, people);
      await beforeOpen.store.close();
      expect(after, `${act.name} changes the document`).not.toBe(before);
      expect(steps.length, `${act.name} writes`).toBeGreaterThan(0);

      const points: { crashAfter: number; tearAt: number; label: string }[] = [];
      steps.forEach((step, index) => {
        points.push({ crashAfter: index + 1, tearAt: 0, label: `after ${step.step} #${index + 1} (${path.basename(step.file)})` });
        if (step.step === 'append') points.push({ crashAfter: 0, tearAt: index + 1, label: `torn append #${index + 1} (${path.basename(step.file)})` });
      });
      const figure = { act: act.name, steps: steps.length, points: points.length, before: 0, after: 0 };
      for (const point of points) {
        const dir = await makeTempDir('reportdesk-crash-run-');
        await cp(baseDir, dir, { recursive: true });
        const victim = await open(dir, 'act');
        seam.reset(point.crashAfter, point.tearAt);
        seam.counting = true;
        const outcome = await act.run(victim, ctx).then(
          () => 'finished',
          (error: unknown) => (error instanceof Error ? error.message : String(error)),
        );
        seam.counting = false;
        // The act must have died where it was told to (a crash at the last step may still answer "finished").
        expect(seam.dead, `${act.name} ${point.label}: ${outcome}`).toBe(true);
        abandon();
        seam.reset();

        const reopened = await open(dir, 'act');
        const state = await observe(reopened, docId, people);
        const where = state === before ? 'before' : state === after ? 'after' : 'neither';
        expect(where, `${act.name}, crash ${point.label}: the state is exactly before or after`).not.toBe('neither');
        await verifyClean(reopened, verifier);
        if (where === 'before') {
          figure.before++;
          // Retried, the act goes through and ends exactly where the uncrashed act did.
          await act.run(reopened, ctx);
          await reopened.store.close();
          const again = await open(dir, 'check');
          expect(await observe(again, docId, people), `${act.name}, crash ${point.label}: the retry`).toBe(after);
          await verifyClean(again, verifier);
          await again.store.close();
        } else {
          figure.after++;
          await reopened.store.close();
        }
      }
      figures.push(figure);
    }

    const total = figures.reduce((sum, figure) => sum + figure.points, 0);
    const recovered = figures.reduce((sum, figure) => sum + figure.before + figure.after, 0);
    expect(recovered).toBe(total);
    await recordFigures('crash-points', { acts: figures, total, before: figures.reduce((s, f) => s + f.before, 0), after: figures.reduce((s, f) => s + f.after, 0) });
    // docs/reliability.md states these figures; they must be the ones this run measured.
    expect(docFigure('acts enumerated')).toBe(String(acts.length));
    expect(docFigure('crash points (acts × write steps, incl. torn appends)')).toBe(String(total));
    for (const figure of figures) expect(docFigure(`crash points: ${figure.act}`)).toBe(`${figure.points} (${figure.before} before / ${figure.after} after)`);
  });
});
