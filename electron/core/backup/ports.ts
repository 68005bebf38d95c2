import type { BackupSummary } from './schema';

export interface BackupRecord {
  file: string;
  at: string;
  size: number;
  files: number;
}

export interface BackupStatus {
  dataDir: string;
  /** Where backups go now, and the default beside the data folder. */
  folder: string;
  defaultFolder: string;
  last: BackupRecord | null;
  /** The last backup that failed (cleared by the next one that succeeds). */
  lastError: { at: string; reason: string; message: string; params: Record<string, string | number> } | null;
  /** Backups in the folder, newest first. */
  backups: { name: string; file: string; at: string; size: number }[];
  running: boolean;
  /** How the data folder was chosen: the default, an environment variable, or a move recorded in a pointer file. */
  location: { source: 'default' | 'environment' | 'moved'; pointerFile: string | null };
}

export interface BackupPreview {
  file: string;
  createdAt: string;
  reason: string;
  appVersion: string;
  source: string;
  size: number;
  totalSize: number;
  fileCount: number;
  summary: BackupSummary;
}

export type RestoreRequest = { file: string; mode: 'new-folder'; target: string } | { file: string; mode: 'replace' };

/** Backups, restore and moving the data folder: implemented by the host that owns the open store. */
export interface BackupPort {
  status(): Promise<BackupStatus>;
  backupNow(): Promise<BackupRecord>;
  setFolder(folder: string | null): Promise<BackupStatus>;
  inspect(file: string): Promise<BackupPreview>;
  restore(request: RestoreRequest): Promise<{ target: string; files: number; safetyBackup: string | null; switched: boolean }>;
  moveData(target: string): Promise<{ from: string; to: string; files: number }>;
}
