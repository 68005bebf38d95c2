/**
 * An office of machines for the sync tests and the sync bench: each person has their own data folder, store,
 * dispatcher and sync service, and an office folder (shared, or their own replica that an engine keeps equal).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../electron/api/contract';
import { createDispatcher, type Dispatcher } from '../../electron/api/dispatcher';
import type { RichNode } from '../../electron/core/common/schemas/report';
import { anchorText, makeTextAnchor } from '../../electron/core/review/anchors';
import { canonicalJson } from '../../electron/core/common/canonical';
import type { Clock } from '../../electron/core/common/ports';
import { openStore, type Store } from '../../electron/store/open-store';
import { testPassphrase, unlockSupervisors } from './unlock';
import type { SyncServiceOptions } from '../../electron/store/sync-service';

// No vitest import here: the sync bench (scripts/bench/sync-bench.ts) runs these helpers outside the test runner.
export const fixtureSeedsDir = path.resolve(__dirname, '..', 'fixtures', 'seeds');
const testIdentity = { name: 'ReportDesk 报告台', version: '0.0.0-test' };
const office = { templateId: 'fixture-log' } as const;

export interface Machine {
  name: string;
  role: 'manager' | 'supervisor';
  dataDir: string;
  store: Store;
  dispatcher: Dispatcher;
  profileId: string;
  call<K extends ChannelName>(channel: K, input: ChannelInput<K>): Promise<ChannelOutput<K>>;
  close(): Promise<void>;
}

/** Whoever acts: a machine's profile, or one profile of a shared single-machine store. */
export type Actor = Pick<Machine, 'name' | 'call'>;

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

/** A data folder of its own with one profile made there (a person's laptop). */
export async function openMachine(
  person: { name: string; role: 'manager' | 'supervisor'; unit?: string },
  options: { clock?: Clock; sync?: SyncServiceOptions; dataDir?: string; seedsDir?: string } = {},
): Promise<Machine> {
  const dataDir = options.dataDir ?? (await tempDir('reportdesk-sync-data-'));
  const store = await openStore({ dataDir, seedsDir: options.seedsDir ?? fixtureSeedsDir, clock: options.clock, backgroundCheck: false, sync: options.sync });
  const dispatcher = createDispatcher(store.services, { identity: testIdentity, logError: (channel, error) => console.error(channel, error) });
  // A supervisor's profile is created with a passphrase protecting their signing key (as in the UI).
  const passphrase = person.role === 'supervisor' ? { passphrase: testPassphrase } : {};
  const created = await dispatcher.dispatch('profiles:create', null, { name: person.name, role: person.role, unit: person.unit ?? '营销部', ...passphrase });
  if (!created.ok) throw new Error(created.error.message);
  const profileId = (created.value as { id: string }).id;
  // A supervisor's key is unlocked as after choosing the profile (protected with the test passphrase).
  await unlockSupervisors(store.services);
  return {
    name: person.name,
    role: person.role,
    dataDir,
    store,
    dispatcher,
    profileId,
    async call(channel, input) {
      const result = await dispatcher.dispatch(channel, profileId, input);
      if (!result.ok) throw new Error(`${channel} on ${person.name}'s machine: ${result.error.code} ${result.error.message}`);
      return result.value as never;
    },
    async close() {
      await store.close();
    },
  };
}

/** Remove machines' data folders (after closing them). */
export async function discard(machines: Machine[]): Promise<void> {
  for (const machine of machines) {
    await machine.close().catch(() => undefined);
    await rm(machine.dataDir, { recursive: true, force: true });
  }
}

export function paragraphs(...lines: string[]): RichNode {
  return { type: 'doc', content: lines.map((line) => ({ type: 'paragraph', content: [{ type: 'text', text: line }] })) };
}

/** Write a log and submit it; returns its id. */
export async function writeAndSubmit(manager: Actor, shop: string, text: string[], templateId: string = office.templateId): Promise<string> {
  const created = await manager.call('reports:create', { templateId, metadata: { 店名: shop } });
  const saved = await manager.call('reports:save-draft', {
    id: created.id,
    baseRev: created.rev,
    metadata: {},
    sections: { summary: { type: 'richtext', doc: paragraphs(...text, '今日按计划走访客户，了解经营情况并做好记录。') } },
  });
  await manager.call('reports:submit', { id: created.id, baseRev: saved.rev });
  return created.id;
}

/** Revise a returned document and submit it again. */
export async function reviseAndResubmit(manager: Actor, id: string, text: string[]): Promise<void> {
  const current = await manager.call('reports:get', { id });
  const saved = await manager.call('reports:save-draft', { id, baseRev: current.report.rev, metadata: {}, sections: { summary: { type: 'richtext', doc: paragraphs(...text) } } });
  await manager.call('reports:submit', { id, baseRev: saved.rev });
}

/** Set up an office: everyone chooses their folder, managers join by the supervisor's fingerprint, the supervisor admits them. */
export async function formOffice(supervisor: Machine, managers: Machine[], folderOf: (machine: Machine) => string, settle: () => Promise<void> = async () => undefined, input: { batchSeconds?: number; scanSeconds?: number } = {}): Promise<void> {
  const sup = await supervisor.call('sync:configure', { folder: folderOf(supervisor), ...input });
  for (const manager of managers) await manager.call('sync:configure', { folder: folderOf(manager), ...input });
  await settle();
  for (const manager of managers) await manager.call('sync:join', { fingerprint: sup.myFingerprint! });
  for (const manager of managers) {
    const identity = await manager.call('exchange:identity', {});
    await supervisor.call('sync:admit', { fingerprint: identity.fingerprint });
  }
  await settle();
}

/** Every record of every document on a machine, as id → canonical JSON (signatures included). */
export async function recordsOf(machine: Machine, docIds: string[]): Promise<Record<string, string>> {
  const all: Record<string, string> = {};
  for (const id of docIds) {
    for (const record of await machine.store.services.reviews.records(id)) all[record.id] = canonicalJson(record);
  }
  return all;
}

/** How many times each record id occurs in a document's log (a doubled record shows as 2). */
export async function recordCounts(machine: Machine, docId: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const record of await machine.store.services.reviews.records(docId)) counts.set(record.id, (counts.get(record.id) ?? 0) + 1);
  return counts;
}

/** Poll `probe` until it returns a value (not undefined/false), at most `timeoutMs`; the message names what was awaited. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 30_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** An anchor on a quoted passage of a revision's summary, as the supervisor selects it. */
export async function passage(on: Actor, id: string, revision: number, quote: string) {
  const { report } = await on.call('review:revision', { id, revision });
  const summary = report.sections['summary'];
  if (summary?.type !== 'richtext') throw new Error('summary is rich text');
  const { text } = anchorText(summary.doc);
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`quote not found: ${quote}`);
  return makeTextAnchor('summary', text, start, start + quote.length);
}

/** Wait until a condition holds: the caller decides how (passes by hand, or just polling while engines run). */
export type Until = <T>(what: string, probe: () => Promise<T | undefined | false>) => Promise<T>;

const firstText = ['上午走访北关综合商店和东街烟酒店，了解近期进销存情况。', '北关综合商店库存偏高，细支烟动销慢。'];
const revisedText = [...firstText, '库存偏高的原因是节前备货过多；下周控制进货，重点推荐动销快的品规。'];

async function statusOf(on: Machine, id: string): Promise<{ status: string; revision: number } | null> {
  const report = await on.store.services.reports.get(id);
  return report ? { status: report.status, revision: report.revision } : null;
}

/**
 * The round trip through the office folder, every step arriving by itself: submit → comment → return →
 * reply and 已整改 → resubmit → approve. `until` waits for each arrival. Returns the document id.
 */
export async function roundTrip(supervisor: Machine, manager: Machine, until: Until, shop = '北关综合商店'): Promise<string> {
  const id = await writeAndSubmit(manager, shop, firstText);
  await until(`${manager.name}'s submission in ${supervisor.name}'s inbox`, async () => {
    const inbox = await supervisor.call('review:inbox', {});
    return inbox.entries.some((entry) => entry.summary.id === id && entry.summary.status === 'submitted');
  });
  const comment = await supervisor.call('review:comment', { id, anchor: await passage(supervisor, id, 1, '库存偏高'), kind: 'problem', text: '库存偏高的原因是什么？下周怎么调？' });
  await supervisor.call('review:decide', { id, decision: 'return', grade: '需改进', reason: '缺少原因分析', meetingFlag: 'critique' });
  await until(`the return at ${manager.name}`, async () => (await statusOf(manager, id))?.status === 'returned');
  const review = await manager.call('review:get', { id });
  if (!review.state.comments.some((item) => item.id === comment.id)) throw new Error('the comment did not arrive with the return');
  await manager.call('review:reply', { id, commentId: comment.id, text: '主要是节前备货过多。' });
  await manager.call('review:mark-fixed', { id, commentId: comment.id, note: '已补充原因和下周订货计划' });
  await reviseAndResubmit(manager, id, revisedText);
  await until(`revision 2 at ${supervisor.name}`, async () => {
    const state = await statusOf(supervisor, id);
    if (state?.status !== 'submitted' || state.revision !== 2) return false;
    const records = await supervisor.store.services.reviews.records(id);
    return records.some((record) => record.body.type === 'reply') && records.some((record) => record.body.type === 'mark-fixed');
  });
  await supervisor.call('review:decide', { id, decision: 'approve', grade: '优秀', meetingFlag: 'praise', overall: '改得好' });
  await until(`the approval at ${manager.name}`, async () => (await statusOf(manager, id))?.status === 'approved');
  return id;
}
