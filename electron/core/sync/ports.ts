import type { Context, CommonServices } from '../common/context';
import type { Role } from '../common/schemas/profile';

/** The state of office sync, as the header indicator, 设置 → 同步, and `sync status` show it. */
export interface SyncStatus {
  configured: boolean;
  /** The office folder, when configured. */
  folder: string | null;
  /** The profile whose subfolder this machine writes (the one who set sync up). */
  profileId: string | null;
  /** off: not set up; ok: nothing waiting; pending: packages not yet acknowledged; problem: see `problem`; not-joined: a manager who has not checked the supervisor's fingerprint yet. */
  state: 'off' | 'ok' | 'pending' | 'problem' | 'not-joined';
  problem: { code: string; message: string } | null;
  role: Role | null;
  myFingerprint: string | null;
  /** A manager's pinned supervisor. */
  supervisor: { profileId: string; name: string; fingerprint: string } | null;
  /** Whether the supervisor's roster lists this manager (always true for a supervisor). */
  onRoster: boolean;
  rosterSerial: number | null;
  pendingToSend: number;
  lastPassAt: string | null;
  lastReceivedAt: string | null;
  people: {
    profileId: string;
    name: string;
    role: Role;
    fingerprint: string;
    /** When their last package to me was merged here. */
    lastPackageAt: string | null;
    /** When their acknowledgement of my packages last moved (they merged something of mine). */
    lastAckAt: string | null;
    /** My packages to them not acknowledged yet. */
    unacknowledged: number;
  }[];
  /** Supervisor: people who put their identity in the office folder and are not on the roster yet. */
  joinRequests: { profileId: string; name: string; role: Role; unit: string; fingerprint: string }[];
  refused: { senderName: string; fingerprint: string; file: string; reason: string; message: string; key?: string; params?: Record<string, string | number>; at: string }[];
  syncthing: SyncthingView | null;
}

/** What a Syncthing on this machine says about the office folder (REST API, with the API key given in 设置). */
export interface SyncthingView {
  ok: boolean;
  message: string | null;
  folder: { id: string; label: string; state: string; needFiles: number } | null;
  devices: { id: string; name: string; connected: boolean }[];
}

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
