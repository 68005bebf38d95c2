/**
 * A month of a county office, played twice with the same acts: on one machine (everyone a local profile) and
 * as an office of one machine per person whose replicas of the office folder a simulated engine keeps equal.
 * The test compares the supervisor's inbox and 台账; the bench times the office's imports.
 */
import { testPassphrase } from './unlock';
import ExcelJS from 'exceljs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { createDispatcher } from '../../electron/api/dispatcher';
import { exportRegister } from '../../electron/core/export/use-cases';
import type { Clock } from '../../electron/core/shared/ports';
import { openStore } from '../../electron/store/open-store';
import { seededRandom, SimulatedEngine, type EngineStats } from './sync-engine';
import { discard, fixtureSeedsDir, formOffice, openMachine, passage, reviseAndResubmit, tempDir, writeAndSubmit, type Actor, type Machine } from './sync-office';

const testIdentity = { name: 'ReportDesk 报告台', version: '0.0.0-test' };

export interface MonthOptions {
  people: number;
  workdays: number;
  /** Chance that a manager writes a log on a given day. */
  writeChance: number;
  seed: number;
}

export interface MonthResult {
  /** Supervisor's documents: "manager/shop" → status, revision, records. */
  inbox: Record<string, string>;
  /** The 台账 sheet rows (without time columns). */
  register: string[][];
  documents: number;
  records: number;
  /** Office run only: packages imported, time spent in passes, engine effects. */
  imported?: number;
  passMs?: number;
  engine?: EngineStats;
  lostOrDoubled?: string[];
}

/** One simulated clock for everyone: a working day at a time. */
function monthClock(): { clock: Clock; day(index: number): void; tick(): void } {
  const start = Date.parse('2026-11-02T01:00:00.000Z');
  let time = start;
  return {
    clock: { now: () => new Date(time) },
    day(index) {
      const week = Math.floor(index / 5);
      time = start + (week * 7 + (index % 5)) * 86_400_000;
    },
    tick() {
      time += 1000;
    },
  };
}

const managerNames = (count: number) => Array.from({ length: count }, (_, index) => `客户经理${String(index + 1).padStart(2, '0')}`);

function shouldReturn(key: string): boolean {
  let hash = 0;
  for (const char of key) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % 4 === 0;
}

interface Cast {
  supervisor: Actor;
  managers: Actor[];
  /** Deliver everything in flight (no-op on one machine). */
  deliver(): Promise<void>;
  reportOf(on: 'supervisor' | number, id: string): Promise<{ status: string; revision: number } | null>;
}

async function play(cast: Cast, options: MonthOptions, time: ReturnType<typeof monthClock>): Promise<void> {
  const random = seededRandom(options.seed);
  const shops = new Map<string, string>();
  /** Per manager, their documents (id → shop). */
  const mine = cast.managers.map(() => new Map<string, string>());
  for (let day = 0; day < options.workdays; day++) {
    time.day(day);
    // Morning: some managers write and submit the day's log.
    for (const [index, manager] of cast.managers.entries()) {
      if (random() >= options.writeChance) continue;
      time.tick();
      const shop = `第${day + 1}天${index + 1}号店`;
      const id = await writeAndSubmit(manager, shop, [`${shop}库存偏高，细支烟动销慢。`, '与店主沟通了订货计划。']);
      shops.set(id, shop);
      mine[index]!.set(id, shop);
    }
    await cast.deliver();
    // The supervisor reviews what is waiting, in a fixed order: a quarter of first revisions go back with a comment.
    const waiting: { id: string; key: string; revision: number }[] = [];
    for (const [index, docs] of mine.entries()) {
      for (const [id] of docs) {
        const state = await cast.reportOf('supervisor', id);
        if (state?.status === 'submitted') waiting.push({ id, key: `${index}/${shops.get(id)}`, revision: state.revision });
      }
    }
    for (const item of waiting) {
      time.tick();
      if (item.revision === 1 && shouldReturn(item.key)) {
        await cast.supervisor.call('review:comment', { id: item.id, anchor: await passage(cast.supervisor, item.id, 1, '库存偏高'), kind: 'problem', text: '库存偏高的原因？' });
        await cast.supervisor.call('review:decide', { id: item.id, decision: 'return', grade: '需改进', reason: '缺少原因分析', meetingFlag: 'none' });
      } else {
        await cast.supervisor.call('review:decide', { id: item.id, decision: 'approve', grade: '良好', meetingFlag: 'none' });
      }
    }
    await cast.deliver();
    // Managers answer what came back: reply, 已整改, revise and submit again.
    for (const [index, manager] of cast.managers.entries()) {
      for (const [id, shop] of mine[index]!) {
        if ((await cast.reportOf(index, id))?.status !== 'returned') continue;
        time.tick();
        const review = await manager.call('review:get', { id });
        const open = review.state.comments.find((comment) => comment.status === 'open');
        if (open) {
          await manager.call('review:reply', { id, commentId: open.id, text: '节前备货过多。' });
          await manager.call('review:mark-fixed', { id, commentId: open.id, note: '已补充原因分析' });
        }
        await reviseAndResubmit(manager, id, [`${shop}库存偏高，细支烟动销慢。`, '原因是节前备货过多，下周控制进货。']);
      }
    }
    await cast.deliver();
  }
}

async function summarize(supervisor: Actor & { dataDir: string }, services: Machine['store']['services'], profileId: string): Promise<Pick<MonthResult, 'inbox' | 'register' | 'documents' | 'records'>> {
  const inbox: Record<string, string> = {};
  let records = 0;
  for (const summary of await services.reports.list()) {
    const report = await services.reports.get(summary.id);
    if (!report || report.status === 'draft') continue;
    const log = await services.reviews.records(summary.id);
    records += log.length;
    const types = log.map((record) => record.body.type).sort().join(',');
    inbox[`${summary.authorName}/${String(report.metadata['店名'])}`] = `${report.status} r${report.revision} ${types}`;
  }
  const profile = (await services.profiles.get(profileId))!;
  const file = await exportRegister({ profile, services }, {});
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.bytes) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).map(String);
  const keep = header.map((name, column) => ({ name, column })).filter(({ name }) => name && name !== 'undefined' && !/时间|按时/.test(name));
  const register: string[][] = [];
  sheet.eachRow((row) => {
    register.push(keep.map(({ column }) => {
      const value = row.getCell(column).value as unknown;
      return value && typeof value === 'object' && 'result' in value ? String((value as { result: unknown }).result) : String(value ?? '');
    }));
  });
  return { inbox, register, documents: Object.keys(inbox).length, records };
}

/** The same month on one machine: the supervisor and every manager are local profiles of one store. */
export async function singleMachineMonth(options: MonthOptions): Promise<MonthResult> {
  const time = monthClock();
  const dataDir = await tempDir('reportdesk-month-single-');
  const store = await openStore({ dataDir, seedsDir: fixtureSeedsDir, clock: time.clock, backgroundCheck: false });
  try {
    const dispatcher = createDispatcher(store.services, { identity: testIdentity, logError: () => undefined });
    const actor = async (name: string, role: 'manager' | 'supervisor'): Promise<Actor & { id: string }> => {
      const created = await dispatcher.dispatch('profiles:create', null, { name, role, unit: '营销部', ...(role === 'supervisor' ? { passphrase: testPassphrase } : {}) });
      if (!created.ok) throw new Error(created.error.message);
      const id = (created.value as { id: string }).id;
      return {
        id,
        name,
        async call(channel, input) {
          const result = await dispatcher.dispatch(channel, id, input);
          if (!result.ok) throw new Error(`${channel} as ${name}: ${result.error.message}`);
          return result.value as never;
        },
      };
    };
    const supervisor = await actor('陈主任', 'supervisor');
    const managers = [];
    for (const name of managerNames(options.people - 1)) managers.push(await actor(name, 'manager'));
    const reportOf = async (_on: 'supervisor' | number, id: string) => {
      const report = await store.services.reports.get(id);
      return report ? { status: report.status, revision: report.revision } : null;
    };
    await play({ supervisor, managers, deliver: async () => undefined, reportOf }, options, time);
    return await summarize({ ...supervisor, dataDir }, store.services, supervisor.id);
  } finally {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The month as an office: one machine per person, replicas of the office folder kept equal by the simulated engine. */
export async function officeMonth(options: MonthOptions): Promise<MonthResult> {
  const time = monthClock();
  const root = await tempDir('reportdesk-month-office-');
  const machines: Machine[] = [];
  try {
    const supervisor = await openMachine({ name: '陈主任', role: 'supervisor' }, { clock: time.clock });
    machines.push(supervisor);
    for (const name of managerNames(options.people - 1)) machines.push(await openMachine({ name, role: 'manager' }, { clock: time.clock }));
    const managers = machines.slice(1);
    const replicaOf = new Map(machines.map((machine, index) => [machine, path.join(root, `replica-${index}`)]));
    for (const replica of replicaOf.values()) await mkdir(replica, { recursive: true });
    const engine = new SimulatedEngine([...replicaOf.values()], seededRandom(options.seed + 1));
    let passMs = 0;
    const passAll = async () => {
      for (const machine of machines) {
        const started = performance.now();
        await machine.call('sync:now', {});
        passMs += performance.now() - started;
      }
    };
    const deliver = async () => {
      for (let round = 0; round < 40; round++) {
        const settled = await engine.step();
        await passAll();
        if (settled && round > 0) {
          let pending = 0;
          for (const machine of machines) pending += (await machine.call('sync:status', {})).pendingToSend;
          if (pending === 0 && (await engine.step())) return;
        }
      }
      throw new Error('the office did not settle in 40 rounds');
    };
    await formOffice(
      supervisor,
      managers,
      (machine) => replicaOf.get(machine)!,
      async () => {
        for (const machine of machines) engine.own((await machine.call('sync:status', {})).myFingerprint!.replace(/ /g, ''), replicaOf.get(machine)!);
        for (let round = 0; round < 40 && !(await engine.step()); round++);
      },
    );
    await deliver();
    passMs = 0;
    const reportOf = async (on: 'supervisor' | number, id: string) => {
      const machine = on === 'supervisor' ? supervisor : managers[on]!;
      const report = await machine.store.services.reports.get(id);
      return report ? { status: report.status, revision: report.revision } : null;
    };
    await play({ supervisor, managers, deliver, reportOf }, options, time);
    const summary = await summarize({ ...supervisor, dataDir: supervisor.dataDir }, supervisor.store.services, supervisor.profileId);
    // Every record on each manager's machine equals the supervisor's copy of it: none lost, none doubled.
    const lostOrDoubled: string[] = [];
    for (const manager of managers) {
      for (const report of await manager.store.services.reports.list()) {
        const theirs = (await manager.store.services.reviews.records(report.id)).map((record) => record.id);
        const ours = (await supervisor.store.services.reviews.records(report.id)).map((record) => record.id);
        if (new Set(theirs).size !== theirs.length || new Set(ours).size !== ours.length) lostOrDoubled.push(`${report.id}: doubled`);
        if ([...theirs].sort().join() !== [...ours].sort().join()) lostOrDoubled.push(`${report.id}: ${theirs.length} at ${manager.name}, ${ours.length} at the supervisor`);
      }
    }
    const imported = (await supervisor.store.services.exchange.imports()).length + (await Promise.all(managers.map(async (manager) => (await manager.store.services.exchange.imports()).length))).reduce((a, b) => a + b, 0);
    return { ...summary, imported, passMs, engine: engine.stats, lostOrDoubled };
  } finally {
    await discard(machines);
    await rm(root, { recursive: true, force: true });
  }
}
