/**
 * A month of a county office, played twice with the same acts: on one machine (everyone a local profile) and
 * as an office of one machine per person whose replicas of the office folder a simulated engine keeps equal.
 * The test compares the supervisor's inbox and 台账; the bench times the office's imports.
 */
import { testPassphrase } from './unlock';
import ExcelJS from 'exceljs';
import { mkdir, mkdtemp, readFile, rm, statfs, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createDispatcher } from '../../electron/api/dispatcher';
import { exportRegister } from '../../electron/core/export/use-cases';
import type { Clock } from '../../electron/core/common/ports';
import { openStore } from '../../electron/store/open-store';
import { changeConcerns } from '../../electron/core/sync/layout';
import { seededRandom, SimulatedEngine, type EngineStats } from './sync-engine';
import { discard, fixtureSeedsDir, formOffice, openMachine, passage, reviseAndResubmit, tempDir, writeAndSubmit, type Actor, type Machine } from './sync-office';

const testIdentity = { name: 'ReportDesk 报告台', version: '0.0.0-test' };

export interface MonthOptions {
  people: number;
  workdays: number;
  /** Chance that a manager writes a log on a given day. */
  writeChance: number;
  seed: number;
  /** Keep the data folders on the ordinary temp folder's disk even when a RAM disk has room (the bench: real fsyncs). */
  onDisk?: boolean;
}

export interface MonthResult {
  /** The supervisor's `review:inbox` (every status), per document "manager/template/shop": the summary without local ids and write times. */
  inbox: Record<string, unknown>;
  /** Per document, its status, revision and grade on the supervisor's machine. */
  statuses: Record<string, string>;
  /** Per document, its review records in log order, without ids and signatures (the acts, their authors and times). */
  records: Record<string, string[]>;
  /** Every sheet of the 台账 workbook: sheet name → rows of cell values. */
  workbook: Record<string, string[][]>;
  documents: number;
  recordCount: number;
  /** Office run only: packages imported, time spent in passes, engine effects. */
  imported?: number;
  passMs?: number;
  /** Office run only: passes run (one machine each). */
  passes?: number;
  engine?: EngineStats;
  lostOrDoubled?: string[];
  /** Office run only: documents of the held-back manager the supervisor did not have until the week's packages arrived. */
  arrivedLate?: number;
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

/**
 * A scratch folder on a RAM disk (/dev/shm) when it has room, else the temp folder: 30 data folders' durable
 * writes (each an fsync) cost nothing there, which keeps the month fast; what the app does is the same.
 */
async function scratchDir(prefix: string, onDisk = false): Promise<string> {
  if (onDisk) return tempDir(prefix);
  try {
    const info = await statfs('/dev/shm');
    if (info.bavail * info.bsize > 2 * 1024 ** 3) return await mkdtemp(path.join('/dev/shm', prefix));
  } catch {
    // No /dev/shm (or no room): the ordinary temp folder.
  }
  return tempDir(prefix);
}

export const monthlyTemplateId = 'fixture-month';

/** The test's seeds plus a monthly report template (the fixture log's sections, monthly cadence, another kind). */
export async function monthSeedsDir(onDisk = false): Promise<string> {
  const dir = await scratchDir('reportdesk-month-seeds-', onDisk);
  await mkdir(path.join(dir, 'templates'), { recursive: true });
  const log = JSON.parse(await readFile(path.join(fixtureSeedsDir, 'templates', 'fixture-log.json'), 'utf8')) as Record<string, unknown>;
  await writeFile(path.join(dir, 'templates', 'fixture-log.json'), JSON.stringify(log));
  const monthly = { ...log, id: monthlyTemplateId, name: '测试月度市场分析', kind: 'market-analysis', cadence: 'monthly', titlePattern: '{{片区}}{{报告期}}月度市场分析', description: '测试用的月度报告模板。' };
  await writeFile(path.join(dir, 'templates', `${monthlyTemplateId}.json`), JSON.stringify(monthly));
  return dir;
}

/** The month's fixed events (the same in both runs). */
export function monthPlan(options: MonthOptions) {
  return {
    /** A manager whose machine is away for the second week: nothing of theirs travels, in either direction. */
    held: options.people > 4 && options.workdays >= 12 ? { manager: 3, from: 5, until: 10 } : null,
    /** The day a manager withdraws a submission the supervisor has not opened. */
    withdrawDay: Math.min(1, options.workdays - 1),
    /** The day every manager also writes the monthly report. */
    monthlyDay: options.workdays - 1,
  };
}

interface Cast {
  supervisor: Actor;
  managers: Actor[];
  /** Deliver everything in flight (no-op on one machine). */
  deliver(): Promise<void>;
  /** A manager's machine goes away (true) or comes back (false) (no-op on one machine). */
  hold(manager: number, away: boolean): Promise<void>;
  reportOf(on: 'supervisor' | number, id: string): Promise<{ status: string; revision: number } | null>;
}

async function play(cast: Cast, options: MonthOptions, time: ReturnType<typeof monthClock>): Promise<void> {
  const random = seededRandom(options.seed);
  const plan = monthPlan(options);
  const shops = new Map<string, string>();
  /** Per manager, their documents (id → shop). */
  const mine = cast.managers.map(() => new Map<string, string>());
  const away = (index: number, day: number) => !!plan.held && index === plan.held.manager && day >= plan.held.from && day < plan.held.until;
  for (let day = 0; day < options.workdays; day++) {
    time.day(day);
    if (plan.held && day === plan.held.from) await cast.hold(plan.held.manager, true);
    if (plan.held && day === plan.held.until) await cast.hold(plan.held.manager, false);
    // Morning: some managers write and submit the day's log (everyone the monthly report on the last day).
    for (const [index, manager] of cast.managers.entries()) {
      if (random() < options.writeChance) {
        time.tick();
        const shop = `第${day + 1}天${index + 1}号店`;
        const id = await writeAndSubmit(manager, shop, [`${shop}库存偏高，细支烟动销慢。`, '与店主沟通了订货计划。']);
        shops.set(id, shop);
        mine[index]!.set(id, shop);
      }
      if (day === plan.monthlyDay) {
        time.tick();
        const shop = `${index + 1}号片区月报`;
        const id = await writeAndSubmit(manager, shop, [`本月${shop}：库存偏高，细支烟动销慢。`, '下月控制进货。'], monthlyTemplateId);
        shops.set(id, shop);
        mine[index]!.set(id, shop);
      }
    }
    await cast.deliver();
    // 撤回: the first manager who submitted today takes it back before the supervisor opens it.
    if (day === plan.withdrawDay) {
      const index = mine.findIndex((docs, at) => !away(at, day) && [...docs.values()].some((shop) => shop.startsWith(`第${day + 1}天`)));
      if (index >= 0) {
        const id = [...mine[index]!].find(([, shop]) => shop.startsWith(`第${day + 1}天`))![0];
        time.tick();
        await cast.managers[index]!.call('review:withdraw', { id, reason: '数据填错了' });
        await cast.deliver();
      }
    }
    // The supervisor reviews what is waiting (not what is still on an away machine), in a fixed order: a
    // quarter of first revisions go back with a comment.
    const waiting: { id: string; key: string; revision: number }[] = [];
    for (const [index, docs] of mine.entries()) {
      if (away(index, day)) continue;
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
    // Managers answer what came back (reply, 已整改, revise and submit again) and resubmit what they withdrew.
    for (const [index, manager] of cast.managers.entries()) {
      for (const [id, shop] of mine[index]!) {
        const state = await cast.reportOf(index, id);
        if (state?.status !== 'returned' && !(state?.status === 'draft' && state.revision > 1)) continue;
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

const cellText = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if ('result' in value) return `=${String((value as { formula?: unknown }).formula ?? '')}→${cellText((value as { result: unknown }).result)}`;
    if ('richText' in value) return (value as { richText: { text: string }[] }).richText.map((part) => part.text).join('');
    return JSON.stringify(value);
  }
  return String(value);
};

async function summarize(services: Machine['store']['services'], profileId: string, call: Actor['call']): Promise<Pick<MonthResult, 'inbox' | 'statuses' | 'records' | 'workbook' | 'documents' | 'recordCount'>> {
  const keyOf = new Map<string, string>();
  for (const summary of await services.reports.list()) {
    const report = await services.reports.get(summary.id);
    if (report) keyOf.set(summary.id, `${summary.authorName}/${report.templateId}/${String(report.metadata['店名'])}`);
  }
  // The supervisor's inbox as the channel answers it, every status; local ids, write counters and write times left out.
  const inbox: Record<string, unknown> = {};
  for (const entry of (await call('review:inbox', { includeAll: true })).entries) {
    const { id, authorId: _authorId, rev: _rev, updatedAt: _updatedAt, ...summary } = entry.summary;
    inbox[keyOf.get(id)!] = { ...entry, summary };
  }
  const statuses: Record<string, string> = {};
  const records: Record<string, string[]> = {};
  let recordCount = 0;
  for (const [id, key] of keyOf) {
    const report = (await services.reports.get(id))!;
    statuses[key] = `${report.status} r${report.revision} ${report.review?.grade ?? '-'}`;
    const log = await services.reviews.records(id);
    recordCount += log.length;
    const commentIndex = new Map(log.filter((record) => record.body.type === 'comment').map((record, index) => [record.id, index]));
    records[key] = log.map((record) => {
      const body: Record<string, unknown> = { ...record.body };
      if (typeof body['commentId'] === 'string') body['commentId'] = `comment ${commentIndex.get(body['commentId'])}`;
      return `${record.authorName} ${record.role} r${record.revision} ${record.at} ${JSON.stringify(body)}`;
    });
  }
  const profile = (await services.profiles.get(profileId))!;
  const file = await exportRegister({ profile, services }, {});
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(file.bytes) as unknown as ArrayBuffer);
  const workbook: Record<string, string[][]> = {};
  for (const sheet of book.worksheets) {
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      const cells: string[] = [];
      for (let column = 1; column <= sheet.columnCount; column++) cells.push(cellText(row.getCell(column).value));
      rows.push(cells);
    });
    workbook[sheet.name] = rows;
  }
  return { inbox, statuses, records, workbook, documents: keyOf.size, recordCount };
}

/** The same month on one machine: the supervisor and every manager are local profiles of one store. */
export async function singleMachineMonth(options: MonthOptions): Promise<MonthResult> {
  const time = monthClock();
  const dataDir = await scratchDir('reportdesk-month-single-', options.onDisk);
  const seedsDir = await monthSeedsDir(options.onDisk);
  const store = await openStore({ dataDir, seedsDir, clock: time.clock, backgroundCheck: false });
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
    await play({ supervisor, managers, deliver: async () => undefined, hold: async () => undefined, reportOf }, options, time);
    return await summarize(store.services, supervisor.id, supervisor.call);
  } finally {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
    await rm(seedsDir, { recursive: true, force: true });
  }
}

/** The month as an office: one machine per person, replicas of the office folder kept equal by the simulated engine. */
export async function officeMonth(options: MonthOptions): Promise<MonthResult> {
  const time = monthClock();
  const root = await scratchDir('reportdesk-month-office-', options.onDisk);
  const seedsDir = await monthSeedsDir(options.onDisk);
  const machines: Machine[] = [];
  try {
    const dataDirOf = async (index: number) => {
      const dir = path.join(root, `data-${index}`);
      await mkdir(dir, { recursive: true });
      return dir;
    };
    const supervisor = await openMachine({ name: '陈主任', role: 'supervisor' }, { clock: time.clock, seedsDir, dataDir: await dataDirOf(0) });
    machines.push(supervisor);
    for (const [index, name] of managerNames(options.people - 1).entries()) machines.push(await openMachine({ name, role: 'manager' }, { clock: time.clock, seedsDir, dataDir: await dataDirOf(index + 1) }));
    const managers = machines.slice(1);
    const replicaOf = new Map(machines.map((machine, index) => [machine, path.join(root, `replica-${index}`)]));
    for (const replica of replicaOf.values()) await mkdir(replica, { recursive: true });
    // A manager's subfolder travels to the supervisor's replica only (no manager reads another's); the supervisor's to everyone.
    // A machine that is away: nothing of its subfolder leaves it, nothing reaches its replica.
    const supervisorReplica = replicaOf.get(supervisor)!;
    let supervisorFolder = '';
    const folderOf = new Map<Machine, string>();
    const away = new Set<Machine>();
    const awayFolders = () => new Set([...away].map((machine) => folderOf.get(machine)));
    const awayReplicas = () => new Set([...away].map((machine) => replicaOf.get(machine)));
    const engine = new SimulatedEngine(
      [...replicaOf.values()],
      seededRandom(options.seed + 1),
      (owner, replica) => (owner === supervisorFolder || replica === supervisorReplica) && !awayFolders().has(owner) && !awayReplicas().has(replica),
    );
    let passMs = 0;
    let passes = 0;
    /** Machines where a person acted since their last pass (the app's notify after an act). */
    const acted = new Set<Machine>();
    const acting = (machine: Machine): Machine => ({
      ...machine,
      call: (channel, input) => {
        acted.add(machine);
        return machine.call(channel, input);
      },
    });
    // The machines run their passes at the same time, as an office's do (each its own data folder and replica).
    const passSome = async (some: Machine[]) => {
      const started = performance.now();
      await Promise.all(some.map((machine) => machine.store.sync.runPass()));
      passMs += performance.now() - started;
      passes += some.length;
    };
    /**
     * Deliver everything in flight, as the app does: a pass on a machine after an act there, or after the engine
     * changed a file in its replica (its file-system watcher); when nothing is left to copy but something is still
     * unacknowledged, every machine scans (the periodic scan). Returns when all is acknowledged and copied.
     */
    const deliver = async () => {
      for (let round = 0; round < 80; round++) {
        const settled = await engine.step();
        // The app's watcher ignores packages addressed to others and half-arrived files (`changeConcerns`).
        const due = machines.filter((machine) => acted.has(machine) || [...(engine.touched.get(replicaOf.get(machine)!) ?? [])].some((name) => changeConcerns(name, folderOf.get(machine)!)));
        acted.clear();
        if (due.length) {
          await passSome(due);
          continue;
        }
        if (!settled) continue;
        // Settled: everything acknowledged, except what waits for (or on) a machine that is away.
        let pending = 0;
        for (const machine of machines) {
          if (away.has(machine)) continue;
          const status = await machine.store.sync.status(machine.profileId);
          pending += status.people.filter((person) => ![...away].some((gone) => gone.profileId === person.profileId)).reduce((sum, person) => sum + person.unacknowledged, 0);
        }
        if (pending === 0) return;
        await passSome(machines);
      }
      throw new Error('the office did not settle in 80 rounds');
    };
    await formOffice(
      supervisor,
      managers,
      (machine) => replicaOf.get(machine)!,
      async () => {
        supervisorFolder = (await supervisor.call('sync:status', {})).myFingerprint!.replace(/ /g, '');
        for (const machine of machines) {
          folderOf.set(machine, (await machine.call('sync:status', {})).myFingerprint!.replace(/ /g, ''));
          engine.own(folderOf.get(machine)!, replicaOf.get(machine)!);
        }
        for (let round = 0; round < 40 && !(await engine.step()); round++);
      },
    );
    for (const machine of machines) acted.add(machine);
    await deliver();
    passMs = 0;
    passes = 0;
    const reportOf = async (on: 'supervisor' | number, id: string) => {
      const machine = on === 'supervisor' ? supervisor : managers[on]!;
      const report = await machine.store.services.reports.get(id);
      return report ? { status: report.status, revision: report.revision } : null;
    };
    // The away week: what the supervisor lacks of that manager's documents when the machine comes back.
    let arrivedLate = 0;
    const hold = async (index: number, gone: boolean) => {
      const machine = managers[index]!;
      if (gone) {
        away.add(machine);
        return;
      }
      for (const report of await machine.store.services.reports.list()) {
        if (report.status !== 'draft' && (await supervisor.store.services.reports.get(report.id))?.revision !== report.revision) arrivedLate++;
      }
      away.delete(machine);
      acted.add(machine);
      acted.add(supervisor);
      await deliver();
    };
    await play({ supervisor: acting(supervisor), managers: managers.map(acting), deliver, hold, reportOf }, options, time);
    const summary = await summarize(supervisor.store.services, supervisor.profileId, supervisor.call);
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
    return { ...summary, imported, passMs, passes, engine: engine.stats, lostOrDoubled, arrivedLate };
  } finally {
    await discard(machines);
    await rm(root, { recursive: true, force: true });
    await rm(seedsDir, { recursive: true, force: true });
  }
}
