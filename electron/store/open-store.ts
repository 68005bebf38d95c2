import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomIds, systemClock, type Clock, type IdGenerator } from '../core/shared/ports';
import type { CoreServices, StoreProblem } from '../core/shared/services';
import { FileExchangeRepository } from './exchange-repository';
import { FileInsightRepository } from './insight-repository';
import { KeyedQueue } from './keyed-queue';
import { FileKeyStore } from './key-store';
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
  try {
    const seedsDir = options.seedsDir ?? defaultSeedsDir();
    const quarantine = new Quarantine(dataDir);
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
      signer: new FileKeyStore(dataDir, options.clock ?? systemClock),
      clock: options.clock ?? systemClock,
      ids: options.ids ?? randomIds,
      hash: nodeHasher,
      locks: new KeyedQueue(),
      loadDemoData: () => loadDemoSeed(seedsDir),
    };
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
        await reports.close();
        await lock.release();
      },
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}
