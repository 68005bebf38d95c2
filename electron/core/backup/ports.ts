import type { BackupPreview, BackupRecord, BackupStatus, MoveDataResult, RestoreResult } from './schema';

export type { BackupPreview, BackupRecord, BackupStatus, MoveDataResult, RestoreResult } from './schema';

export type RestoreRequest = { file: string; mode: 'new-folder'; target: string } | { file: string; mode: 'replace' };

/** Backups, restore and moving the data folder: implemented by the host that owns the open store. */
export interface BackupPort {
  status(): Promise<BackupStatus>;
  backupNow(): Promise<BackupRecord>;
  setFolder(folder: string | null): Promise<BackupStatus>;
  inspect(file: string): Promise<BackupPreview>;
  restore(request: RestoreRequest): Promise<RestoreResult>;
  moveData(target: string): Promise<MoveDataResult>;
}
