/**
 * The whole service bag, assembled above every capability: each capability names the narrow services it uses in
 * its own `ports.ts` (core/<capability>/ports.ts); this module puts them together for the API, the store (which
 * implements the ports and builds the bag in electron/store/open-store.ts) and the hosts. No capability imports
 * it (checked by .dependency-cruiser.cjs).
 */
import type { Context } from './common/context';
import type { Clock, Hasher, IdGenerator, Locks } from './common/ports';
import type { StoreProblem } from './common/schemas/health';
import type { BackupPort } from './backup/ports';
import type { DemoData } from './seeds/demo-schema';
import type { ExchangeRepository } from './exchange/ports';
import type { InsightRepository } from './insight/ports';
import type { ProfileRepository, Signer } from './profiles/ports';
import type { ReportRepository } from './reports/ports';
import type { ReadStateRepository, ReviewRepository } from './review/ports';
import type { SettingsRepository } from './settings/ports';
import type { SyncPort } from './sync/ports';
import type { TemplateRepository } from './templates/ports';

export type { Context, CommonServices } from './common/context';
export type { BackupPort } from './backup/ports';
export type { ExchangeRepository } from './exchange/ports';
export type { InsightRepository, ReviewLogReader } from './insight/ports';
export type { ProfileRepository, Signer, TrustedPeople, UnlockedKeys } from './profiles/ports';
export type { ReportRepository } from './reports/ports';
export type { ChainCheck, ReadStateRepository, ReviewRepository, VerifyProblem, VerifyReport } from './review/ports';
export type { SettingsRepository } from './settings/ports';
export type { SyncPort } from './sync/ports';
export type { TemplateRepository } from './templates/ports';
export type { StoreProblem } from './common/schemas/health';

export interface StoreHealth {
  problems(): Promise<StoreProblem[]>;
  dataDir(): string;
}

/** Everything a use case may touch. Built by the store for production, by fakes in tests. */
export interface CoreServices {
  profiles: ProfileRepository;
  templates: TemplateRepository;
  reports: ReportRepository;
  settings: SettingsRepository;
  reviews: ReviewRepository;
  readState: ReadStateRepository;
  insight: InsightRepository;
  exchange: ExchangeRepository;
  signer: Signer;
  health: StoreHealth;
  clock: Clock;
  ids: IdGenerator;
  hash: Hasher;
  /** One act per document at a time: permission and state checks, then the writes, without interleaving. */
  locks: Locks;
  /** Built-in demo data, parsed by the core schemas; null where no seeds are shipped. */
  loadDemoData(): Promise<DemoData | null>;
  /** Backups, restore and moving the data folder: set by the host of a running app (absent in plain stores). */
  backup?: BackupPort;
  /** Office sync through a shared folder (absent where the program runs without it, e.g. core tests). */
  sync?: SyncPort;
}

/** Who is calling: the active profile, or null before one is chosen, with the whole service bag. */
export type CallContext = Context<CoreServices>;
