import type { Context, CommonServices } from '../common/context';
import type { SyncStatus } from './schema';

export type { SyncStatus, SyncthingView } from './schema';

export interface SyncSettingsInput {
  folder: string;
  syncthing?: { address: string; apiKey: string } | null;
  batchSeconds?: number;
  scanSeconds?: number;
}

/** Office sync as the core sees it; implemented by electron/store/sync-service.ts. */
export interface SyncPort {
  status(profileId: string): Promise<SyncStatus>;
  /** One pass now: export what is new, import what arrived, acknowledge, prune. */
  runNow(profileId: string): Promise<SyncStatus>;
  configure(profileId: string, input: SyncSettingsInput): Promise<SyncStatus>;
  disable(profileId: string): Promise<SyncStatus>;
  /** Manager: join the office by the supervisor's fingerprint (checked by hand). */
  join(profileId: string, fingerprint: string): Promise<SyncStatus>;
  /** Supervisor: put someone who asked to join on the roster, by the fingerprint they read out. */
  admit(profileId: string, fingerprint: string): Promise<SyncStatus>;
  /** A successful call on a channel: submit, reply, comment… starts (or batches) a pass. */
  notify(channel: string, profileId: string | null): void;
}

export interface SyncServices extends CommonServices {
  /** Office sync through a shared folder (absent where the program runs without it, e.g. core tests). */
  sync?: SyncPort;
}

export type CallContext = Context<SyncServices>;
