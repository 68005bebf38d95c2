import { mkdir, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomIds, systemClock, type Clock, type IdGenerator } from '../core/common/ports';
import type { CoreServices, StoreProblem } from '../core/services';
import { FileExchangeRepository } from './exchange-repository';
import { FileInsightRepository } from './insight-repository';
import { resumePendingImport } from '../core/exchange/use-cases';
import { DomainError } from '../core/common/errors';
import { rebuildFromReviewRecord, reconcileAll } from '../core/review/recover';
import { registerTornTailSink, repairTornTail } from './append-log';
import { KeyedQueue } from './keyed-queue';
import { FileKeyStore, type OsKeySealer } from './key-store';
import { acquireDataLock } from './lock';
import { Quarantine } from './quarantine';
import { FileReportRepository, type CheckResult } from './report-repository';
import { FileReadStateRepository, FileReviewRepository, nodeHasher } from './review-repository';
import { defaultSeedsDir, loadBuiltInTemplates, loadDemoSeed } from './seeds';
import { FileProfileRepository, FileSettingsRepository } from './small-repositories';
import { FileTemplateRepository } from './template-repository';
import { SyncService, type SyncServiceOptions } from './sync-service';

export interface OpenStoreOptions {
  dataDir: string;
  /**
   * Check every document file in the background after opening (default true); benchmarks measuring a
   * warm open turn it off.
   */
  backgroundCheck?: boolean;
  seedsDir?: string;
  clock?: Clock;
  ids?: IdGenerator;
  /** The operating system's secret store (the desktop app's safeStorage): keys kept in clear are sealed by it. */
  keySealer?: OsKeySealer | null;
  /** Office sync timings and whether it watches in the background once started (docs/sync.md). */
  sync?: SyncServiceOptions;
}

export interface Store {
  services: CoreServices;
  dataDir: string;
  /** Settles when the background check of every document file has finished (or was skipped). */
  checked: Promise<CheckResult>;
  /** Office sync: idle until `start()` (the app) or a pass run by hand (`sync now`). */
  sync: SyncService;
  /** Flush the index, mark it clean and release the folder lock. */
  close(): Promise<void>;
}

/** The data folder for browser mode and the CLI: REPORTDESK_DATA_DIR, else ~/.reportdesk. */
export function defaultDataDir(): string {
  return process.env.REPORTDESK_DATA_DIR || path.join(os.homedir(), '.reportdesk');
}

/**
 * Open the data folder: take the writer lock, load profiles, settings and templates, load or rebuild the
 * document index, and return the services the core runs on.
 */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const dataDir = path.resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const lock = await acquireDataLock(dataDir);
  const quarantine = new Quarantine(dataDir);
  const unregisterSink = registerTornTailSink(dataDir, async (file, cut) => {
    await quarantine.keepBytes(file, cut, `日志文件末尾有一条写入不完整的记录（${cut.length} 字节，可能是断电或程序异常退出所致），已截去并保存在隔离区`);
  });
  try {
    const seedsDir = options.seedsDir ?? defaultSeedsDir();
    const seeds = await loadBuiltInTemplates(seedsDir);
    const [profiles, settings, templates, reports] = await Promise.all([
      FileProfileRepository.open(dataDir, quarantine),
      FileSettingsRepository.open(dataDir, quarantine),
      FileTemplateRepository.open(dataDir, seeds.templates, quarantine),
      FileReportRepository.open(dataDir, quarantine),
    ]);
    const seedProblems: StoreProblem[] = seeds.problems;
    const services: CoreServices = {
      profiles,
      settings,
      templates,
      reports,
      health: {
        problems: async () => [...seedProblems, ...(await quarantine.list())],
        dataDir: () => dataDir,
      },
      reviews: new FileReviewRepository(dataDir),
      readState: new FileReadStateRepository(dataDir),
      insight: new FileInsightRepository(dataDir, quarantine),
      exchange: new FileExchangeRepository(dataDir, quarantine),
      signer: new FileKeyStore(dataDir, options.clock ?? systemClock, { sealer: options.keySealer }),
      clock: options.clock ?? systemClock,
      ids: options.ids ?? randomIds,
      hash: nodeHasher,
      locks: new KeyedQueue(),
      loadDemoData: () => loadDemoSeed(seedsDir),
    };
    // A quarantined document whose review log and frozen revisions are intact is rebuilt from them (it stays in
    // the inbox); the damaged file stays in quarantine and is reported.
    const rebuilding = new Set<Promise<unknown>>();
    reports.onQuarantined((id) => {
      const work = services.locks
        .run(id, () => rebuildFromReviewRecord(services, id))
        .then((rebuilt) => {
          if (rebuilt) console.warn(`[store] rebuilt document ${id} from its submitted revisions and review log`);
        })
        .catch((error: unknown) => console.error(`[store] could not rebuild document ${id}`, error))
        .finally(() => rebuilding.delete(work));
      rebuilding.add(work);
    });
    // After a crash (the index was not closed cleanly) finish or roll back whatever was half-done: torn log
    // tails are cut and kept in quarantine, documents whose cache is behind their review log are folded in.
    if (reports.rebuiltAtOpen) await recoverAfterCrash(dataDir, services);
    else await resumeImport(services);
    const sync = new SyncService(dataDir, services, options.sync);
    services.sync = sync;
    let closed = false;
    const checked =
      options.backgroundCheck === false
        ? Promise.resolve({ checked: 0, unchanged: 0, quarantined: 0, reindexed: 0 })
        : new Promise<void>((resolve) => setTimeout(resolve, 200))
            .then(() => reports.checkAll({ shouldStop: () => closed }))
            .catch((error: unknown) => {
              console.error('[store] background check failed', error);
              return { checked: 0, unchanged: 0, quarantined: 0, reindexed: 0 };
            });
    return {
      services,
      dataDir,
      checked,
      sync,
      close: async () => {
        if (closed) return;
        closed = true;
        await sync.stop();
        await checked;
        await Promise.all([...rebuilding]);
        try {
          await reports.close();
        } catch (error) {
          // A folder whose lock was taken away is not written to any more, not even at close.
          if (!(error instanceof DomainError && error.code === 'locked')) throw error;
        } finally {
          unregisterSink();
          await lock.release();
        }
      },
    };
  } catch (error) {
    unregisterSink();
    await lock.release();
    throw error;
  }
}

/** Files directly in each shard folder of `folder` (`<folder>/<xx>/<name>`) whose name ends with `suffix`. */
async function shardedFiles(folder: string, suffix: string): Promise<string[]> {
  const files: string[] = [];
  for (const shard of await readdir(folder).catch(() => [] as string[])) {
    for (const name of await readdir(path.join(folder, shard)).catch(() => [] as string[])) {
      if (name.endsWith(suffix) && !name.startsWith('.')) files.push(path.join(folder, shard, name));
    }
  }
  return files;
}

/** Finish an import a crash interrupted; a failure leaves its mark for the import log to show. */
async function resumeImport(services: CoreServices): Promise<void> {
  try {
    if (await resumePendingImport(services)) console.warn('[store] finished an import a crash had interrupted');
  } catch (error) {
    console.error('[store] an interrupted import could not be finished; import the package again', error);
  }
}

/** The repair pass of an open after a crash (see openStore). */
async function recoverAfterCrash(dataDir: string, services: CoreServices): Promise<void> {
  const logs = await shardedFiles(path.join(dataDir, 'reviews'), '.ndjson');
  const journals = (await readdir(path.join(dataDir, 'state')).catch(() => [] as string[]))
    .filter((name) => name.endsWith('.ndjson'))
    .map((name) => path.join(dataDir, 'state', name));
  for (const file of [...logs, ...journals]) await repairTornTail(file);
  // An interrupted import is finished first: it writes the documents it brings as the import would have.
  await resumeImport(services);
  const ids = logs.map((file) => path.basename(file, '.ndjson'));
  const outcome = await reconcileAll(services, ids);
  if (outcome.folded) console.warn(`[store] finished ${outcome.folded} review act(s) a crash had interrupted`);
}
