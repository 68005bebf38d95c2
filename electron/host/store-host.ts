import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { ChangeEvent } from '../api/channels';
import { createDispatcher, type Dispatcher, type ErrorLogger } from '../api/dispatcher';
import type { AppIdentity, DesktopActs } from '../api/handlers';
import type { Result } from '../api/result';
import { backupError, backupFailureReason } from '../core/backup/errors';
import type { BackupPort, BackupRecord, BackupStatus, RestoreRequest } from '../core/backup/ports';
import { defaultRetention, hasBackupOnDay, planRetention } from '../core/backup/retention';
import { backupTimeFromName, type BackupReason } from '../core/backup/schema';
import { isDomainError } from '../core/common/errors';
import { appRoot } from '../store/app-root';
import { writeFileAtomic } from '../store/atomic-write';
import { ActGate } from '../store/backup/act-gate';
import { listBackups, readBackupFile, writeBackupFile } from '../store/backup/backup-file';
import { recordMove, resolveDataDir } from '../store/backup/data-location';
import { replaceFolderContents, restoreIntoNewFolder } from '../store/backup/restore';
import { readDataFiles } from '../store/backup/snapshot';
import { openStore, type OpenStoreOptions, type Store } from '../store/open-store';

/** Kept in the data folder, left out of backups: where backups go and how the last one went. */
interface BackupState {
  folder: string | null;
  last: BackupRecord | null;
  lastError: BackupStatus['lastError'];
}
const stateName = 'backup-state.json';

async function readState(dataDir: string): Promise<BackupState> {
  try {
    const value = JSON.parse(await readFile(path.join(dataDir, stateName), 'utf8')) as Partial<BackupState>;
    return { folder: typeof value.folder === 'string' ? value.folder : null, last: value.last ?? null, lastError: value.lastError ?? null };
  } catch {
    return { folder: null, last: null, lastError: null };
  }
}

/**
 * Browser mode and the CLI remember a moved data folder in a pointer file in the app's folder (the desktop app
 * keeps its own in Electron's userData); REPORTDESK_LOCATION_FILE overrides it (tests).
 */
export function browserModePointerFile(): string {
  return process.env.REPORTDESK_LOCATION_FILE || path.join(appRoot(), 'data-location.json');
}

/** The default backup folder: beside the data folder, named after it (`~/.reportdesk-backups`). */
export function defaultBackupFolder(dataDir: string): string {
  const resolved = path.resolve(dataDir);
  return path.join(path.dirname(resolved), `${path.basename(resolved)}-backups`);
}

export interface StoreHostOptions {
  /** The folder the app starts from (REPORTDESK_DATA_DIR, ~/.reportdesk, userData), before a recorded move. */
  startDir: string;
  /** The pointer file recording moves of the data folder; null to neither follow nor record moves. */
  pointerFile: string | null;
  locationSource: 'default' | 'environment';
  identity: AppIdentity;
  logError?: ErrorLogger;
  /** Acts only the desktop app can do (open a saved export); browser mode leaves it out. */
  desktop?: DesktopActs;
  openOptions?: Omit<OpenStoreOptions, 'dataDir'>;
  /** Take the daily backup when the app is used (default true). */
  dailyBackups?: boolean;
  /** Start office sync's background watch on every store this host opens (the running apps; default false). */
  startSync?: boolean;
  now?: () => Date;
}

/**
 * Owns the open store and its dispatcher for a running app (desktop or browser mode) and the CLI: every call
 * goes through the act gate, so a backup, a move or a replacing restore sees the data folder between acts,
 * never in the middle of one. Implements the backup port the `backup:*` channels use.
 */
export class StoreHost implements Dispatcher, BackupPort {
  readonly gate = new ActGate();
  private current!: Store;
  private dispatcher!: Dispatcher;
  /** Change listeners of the transports; they stay subscribed across a move of the data folder. */
  private readonly changeListeners = new Set<(event: ChangeEvent) => void>();
  private unsubscribeChanges: (() => void) | null = null;
  private state: BackupState = { folder: null, last: null, lastError: null };
  private running: Promise<BackupRecord> | null = null;
  private daily: Promise<unknown> | null = null;
  private actsSinceBackup = 0;
  private closed = false;
  private moved = false;

  private constructor(private readonly options: StoreHostOptions) {}

  static async open(options: StoreHostOptions): Promise<StoreHost> {
    const host = new StoreHost(options);
    const { dataDir, moved } = resolveDataDir(options.startDir, options.pointerFile);
    host.moved = moved;
    await host.attach(dataDir);
    return host;
  }

  /** A host around a store that is already open (tests, tools): same behaviour, no pointer file. */
  static async adopt(store: Store, options: Omit<StoreHostOptions, 'startDir' | 'pointerFile' | 'locationSource'>): Promise<StoreHost> {
    const host = new StoreHost({ ...options, startDir: store.dataDir, pointerFile: null, locationSource: 'environment' });
    store.services.backup = host;
    host.current = store;
    host.useDispatcher(createDispatcher(store.services, { identity: options.identity, logError: options.logError, desktop: options.desktop }));
    host.state = await readState(store.dataDir);
    return host;
  }

  get store(): Store {
    return this.current;
  }

  get dataDir(): string {
    return this.current.dataDir;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private async attach(dataDir: string): Promise<void> {
    const store = await openStore({ ...this.options.openOptions, dataDir });
    store.services.backup = this;
    this.current = store;
    this.useDispatcher(createDispatcher(store.services, { identity: this.options.identity, logError: this.options.logError, desktop: this.options.desktop }));
    this.state = await readState(store.dataDir);
    if (this.options.startSync) void store.sync.start();
  }

  private async saveState(): Promise<void> {
    await writeFileAtomic(path.join(this.dataDir, stateName), `${JSON.stringify(this.state, null, 2)}\n`).catch(() => undefined);
  }

  private useDispatcher(dispatcher: Dispatcher): void {
    this.unsubscribeChanges?.();
    this.dispatcher = dispatcher;
    this.unsubscribeChanges = dispatcher.onChange((event) => {
      for (const listener of this.changeListeners) listener(event);
    });
  }

  /** Documents changed by a call, whichever store is open now (the transports forward them to every window). */
  onChange(listener: (event: ChangeEvent) => void): () => void {
    this.changeListeners.add(listener);
    return () => {
      this.changeListeners.delete(listener);
    };
  }

  /** One API call. Backup channels manage the gate themselves; every other call is an act. */
  async dispatch(channel: string, profileId: string | null, input: unknown): Promise<Result<unknown>> {
    if (channel.startsWith('backup:') || channel.startsWith('data:')) return this.dispatcher.dispatch(channel, profileId, input);
    const result = await this.gate.act(() => this.dispatcher.dispatch(channel, profileId, input));
    this.actsSinceBackup += 1;
    this.maybeDaily();
    return result;
  }

  /** Start the day's backup in the background when today (office time) has none yet. */
  private maybeDaily(): void {
    if (this.options.dailyBackups === false || this.closed || this.running || this.daily) return;
    const last = this.state.last ? new Date(this.state.last.at) : null;
    if (hasBackupOnDay(last, this.now(), defaultRetention.utcOffsetMinutes)) return;
    // A failed daily backup is recorded (设置 shows why) and tried again on the next act of a later hour.
    const failedAt = this.state.lastError ? new Date(this.state.lastError.at).getTime() : 0;
    if (this.now().getTime() - failedAt < 60 * 60_000) return;
    this.daily = this.backup('daily')
      .catch(() => undefined)
      .finally(() => {
        this.daily = null;
      });
  }

  /** Settles when a background backup in progress has finished (tests, and the exit path). */
  async idle(): Promise<void> {
    await this.daily;
    await this.running?.catch(() => undefined);
  }

  private backupFolder(): string {
    return this.state.folder ?? defaultBackupFolder(this.dataDir);
  }

  /**
   * Take a backup now: a snapshot of the data folder between acts (the gate), then compress and write it
   * without holding anything up, then prune by the retention policy. Failures are recorded and rethrown.
   */
  backup(reason: BackupReason, intoFolder?: string): Promise<BackupRecord> {
    if (this.running) return this.running;
    const work = (async () => {
      const folder = intoFolder ? path.resolve(intoFolder) : this.backupFolder();
      try {
        if (!intoFolder && !this.state.folder) await mkdir(folder, { recursive: true }).catch(() => undefined);
        const files = await this.gate.exclusive(() => readDataFiles(this.dataDir));
        this.actsSinceBackup = 0;
        const written = await writeBackupFile({ files, folder, source: this.dataDir, reason, app: this.options.identity, now: this.now() });
        const record: BackupRecord = { file: written.file, at: written.at, size: written.size, files: written.files };
        this.state = { ...this.state, last: record, lastError: null };
        await this.saveState();
        await this.prune(folder);
        return record;
      } catch (error) {
        const reasonCode = backupFailureReason(error) ?? 'io';
        const message = isDomainError(error) ? error.message : String(error);
        const params = ((isDomainError(error) ? (error.details as { params?: Record<string, string | number> })?.params : undefined) ?? {});
        this.state = { ...this.state, lastError: { at: this.now().toISOString(), reason: reasonCode, message, params } };
        await this.saveState();
        throw error;
      }
    })();
    this.running = work;
    void work.then(
      () => (this.running = null),
      () => (this.running = null),
    );
    return work;
  }

  private async prune(folder: string): Promise<void> {
    const listing = await listBackups(folder);
    const settings = await this.current.services.settings.get().catch(() => null);
    const { prune } = planRetention(
      listing.map((item) => ({ name: item.name, at: backupTimeFromName(item.name) ?? new Date(item.at) })),
      { ...defaultRetention, utcOffsetMinutes: settings?.onTimeRule.utcOffsetMinutes ?? defaultRetention.utcOffsetMinutes },
    );
    for (const name of prune) await rm(path.join(folder, name), { force: true }).catch(() => undefined);
  }

  async status(): Promise<BackupStatus> {
    const folder = this.backupFolder();
    return {
      dataDir: this.dataDir,
      folder,
      defaultFolder: defaultBackupFolder(this.dataDir),
      last: this.state.last,
      lastError: this.state.lastError,
      backups: await listBackups(folder),
      running: this.running !== null,
      location: { source: this.moved ? 'moved' : this.options.locationSource, pointerFile: this.options.pointerFile },
    };
  }

  backupNow(): Promise<BackupRecord> {
    return this.backup('manual');
  }

  async setFolder(folder: string | null): Promise<BackupStatus> {
    if (folder !== null && !path.isAbsolute(folder)) {
      throw backupError('folder-missing', 'backupFile.folderPath', { place: folder });
    }
    this.state = { ...this.state, folder: folder === null ? null : path.resolve(folder) };
    await this.saveState();
    return this.status();
  }

  async inspect(file: string) {
    const backup = await readBackupFile(file);
    return {
      file: backup.file,
      createdAt: backup.manifest.createdAt,
      reason: backup.manifest.reason,
      appVersion: backup.manifest.app.version,
      source: backup.manifest.source,
      size: backup.size,
      totalSize: backup.manifest.totalSize,
      fileCount: backup.files.length,
      summary: backup.summary,
    };
  }

  /** Close the open store, run `work` on the closed folder, then open `next()` (or the same folder again). */
  private async reopenAround<T>(work: () => Promise<T>, next: (result: T) => string): Promise<T> {
    const previous = this.dataDir;
    // The person stays unlocked: their keys go with them to the reopened folder (where the key pair matches).
    const unlocked = this.current.services.signer.unlockedKeys();
    await this.current.close();
    let result: T;
    try {
      result = await work();
    } catch (error) {
      await this.attach(previous);
      await this.current.services.signer.adoptUnlocked(unlocked);
      throw error;
    }
    await this.attach(next(result));
    await this.current.services.signer.adoptUnlocked(unlocked);
    return result;
  }

  async restore(request: RestoreRequest) {
    // The whole backup is read and checked before anything changes.
    const backup = await readBackupFile(request.file);
    if (request.mode === 'new-folder') {
      const result = await restoreIntoNewFolder(backup.files, request.target, { source: this.dataDir });
      return { ...result, safetyBackup: null, switched: false };
    }
    if (this.restoring) throw backupError('restore-running', 'backupFile.restoreRunning', {}, 'locked');
    this.restoring = true;
    try {
      // Replace: a backup of the current folder first (refused if that fails), then swap between acts.
      const safety = await this.backup('before-restore');
      const result = await this.gate.exclusive(() =>
        this.reopenAround(
          () => replaceFolderContents(backup.files, this.dataDir),
          (done) => done.target,
        ),
      );
      return { ...result, safetyBackup: safety.file, switched: false };
    } finally {
      this.restoring = false;
    }
  }

  private restoring = false;

  async moveData(target: string) {
    if (!path.isAbsolute(target)) throw backupError('folder-missing', 'backupFile.folderPath', { place: target });
    const from = this.dataDir;
    if (path.resolve(target) === path.resolve(from)) throw backupError('same-folder', 'backupFile.sameFolder', { place: target });
    return this.gate.exclusive(async () => {
      const files = await readDataFiles(from);
      const result = await restoreIntoNewFolder(files, target, { source: from });
      await writeFileAtomic(path.join(result.target, stateName), `${JSON.stringify(this.state, null, 2)}\n`).catch(() => undefined);
      await this.reopenAround(
        async () => {
          if (this.options.pointerFile) await recordMove(this.options.pointerFile, this.options.startDir, result.target);
        },
        () => result.target,
      );
      this.moved = true;
      return { from, to: result.target, files: result.files };
    });
  }

  /**
   * Close: a backup at exit when anything was done since the last one (a failure is recorded, never blocks
   * exit), then the store.
   */
  async close(options: { backupAtExit?: boolean } = {}): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.idle();
    if (options.backupAtExit && this.actsSinceBackup > 0) {
      await this.backup('exit').catch((error: unknown) => this.options.logError?.('backup:exit', error));
    }
    await this.current.close();
  }
}
