import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomIds, systemClock, type Clock, type IdGenerator } from '../core/shared/ports';
import type { CoreServices, StoreProblem } from '../core/shared/services';
import { KeyedQueue } from './keyed-queue';
import { acquireDataLock } from './lock';
import { Quarantine } from './quarantine';
import { FileReportRepository } from './report-repository';
import { FileReadStateRepository, FileReviewRepository, nodeHasher } from './review-repository';
import { defaultSeedsDir, loadBuiltInTemplates, loadDemoSeed } from './seeds';
import { FileProfileRepository, FileSettingsRepository } from './small-repositories';
import { FileTemplateRepository } from './template-repository';

export interface OpenStoreOptions {
  dataDir: string;
  seedsDir?: string;
  clock?: Clock;
  ids?: IdGenerator;
}

export interface Store {
  services: CoreServices;
  dataDir: string;
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
      clock: options.clock ?? systemClock,
      ids: options.ids ?? randomIds,
      hash: nodeHasher,
      locks: new KeyedQueue(),
      loadDemoData: () => loadDemoSeed(seedsDir),
    };
    let closed = false;
    return {
      services,
      dataDir,
      close: async () => {
        if (closed) return;
        closed = true;
        await reports.close();
        await lock.release();
      },
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}
