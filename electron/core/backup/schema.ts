import { z } from 'zod';
import { documentKindSchema } from '../common/schemas/template';
import { reportStatusSchema } from '../common/schemas/report';
import { roleSchema } from '../common/schemas/profile';

/** What a backup file says it is; a zip without this manifest is not a ReportDesk backup. */
export const backupFormat = 'reportdesk-backup';
/** The manifest version this build writes and the newest it can read. */
export const backupFormatVersion = 1;
/** The manifest's name inside the backup zip (always its first entry). */
export const manifestName = 'manifest.json';
/** Where the data folder's files sit inside the zip. */
export const dataPrefix = 'data/';

/**
 * The top-level entries of a data folder that a backup holds: every file the store writes except caches it
 * rebuilds (`index/`), the writer lock (`.lock`) and temporary files. Keys are copied byte for byte (a
 * passphrase-protected key stays encrypted). A unit test checks this list against the folders the store names.
 */
export const backedUpEntries = [
  'profiles',
  'settings.json',
  'templates',
  'reports',
  'revisions',
  'reviews',
  'state',
  'keys',
  'exchange',
  'insight',
  'quarantine',
  // Office sync's settings and what it has sent and merged (the office folder itself is not in the data folder).
  'sync',
] as const;

/** Top-level entries of a data folder that are deliberately left out of a backup. */
export const excludedEntries = ['index', '.lock', 'backup-state.json'] as const;

export const backupFileSchema = z
  .object({
    /** Relative to the data folder, `/`-separated. */
    path: z.string().min(1),
    size: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export type BackupFile = z.infer<typeof backupFileSchema>;

/** What the backup holds, for the preview before a restore (counted from the files when the backup is read). */
export const backupSummarySchema = z
  .object({
    people: z.array(z.object({ name: z.string(), role: roleSchema, unit: z.string() }).strict()),
    documents: z.number().int().nonnegative(),
    byKind: z.partialRecord(documentKindSchema, z.number().int().nonnegative()),
    byStatus: z.partialRecord(reportStatusSchema, z.number().int().nonnegative()),
    reviewRecords: z.number().int().nonnegative(),
    reviewLogs: z.number().int().nonnegative(),
    templates: z.number().int().nonnegative(),
    keys: z.number().int().nonnegative(),
  })
  .strict();
export type BackupSummary = z.infer<typeof backupSummarySchema>;

/** A backup taken: its file, when, its size and how many files it holds. */
export const backupRecordSchema = z.object({ file: z.string(), at: z.string(), size: z.number(), files: z.number() }).strict();
export type BackupRecord = z.infer<typeof backupRecordSchema>;

/** The data folder, where backups go, the last backup (or why it failed) and the backups kept. */
export const backupStatusSchema = z
  .object({
    dataDir: z.string(),
    /** Where backups go now, and the default beside the data folder. */
    folder: z.string(),
    defaultFolder: z.string(),
    last: backupRecordSchema.nullable(),
    /** The last backup that failed (cleared by the next one that succeeds). */
    lastError: z
      .object({ at: z.string(), reason: z.string(), message: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) })
      .strict()
      .nullable(),
    /** Backups in the folder, newest first. */
    backups: z.array(z.object({ name: z.string(), file: z.string(), at: z.string(), size: z.number() }).strict()),
    running: z.boolean(),
    /** How the data folder was chosen: the default, an environment variable, or a move recorded in a pointer file. */
    location: z.object({ source: z.enum(['default', 'environment', 'moved']), pointerFile: z.string().nullable() }).strict(),
  })
  .strict();
export type BackupStatus = z.infer<typeof backupStatusSchema>;

/** A backup file checked completely, before a restore. */
export const backupPreviewSchema = z
  .object({
    file: z.string(),
    createdAt: z.string(),
    reason: z.string(),
    appVersion: z.string(),
    source: z.string(),
    size: z.number(),
    totalSize: z.number(),
    fileCount: z.number(),
    summary: backupSummarySchema,
  })
  .strict();
export type BackupPreview = z.infer<typeof backupPreviewSchema>;

/** A restore done: where to, how many files, the safety backup of the replaced data, whether the app switched to it. */
export const restoreResultSchema = z
  .object({ target: z.string(), files: z.number(), safetyBackup: z.string().nullable(), switched: z.boolean() })
  .strict();
export type RestoreResult = z.infer<typeof restoreResultSchema>;

/** The data folder moved: from, to, and how many files were copied and verified. */
export const moveDataResultSchema = z.object({ from: z.string(), to: z.string(), files: z.number() }).strict();
export type MoveDataResult = z.infer<typeof moveDataResultSchema>;

/** Only the fields every manifest version keeps: checked first, so a newer backup is told apart from junk. */
export const manifestHeadSchema = z
  .object({
    format: z.literal(backupFormat),
    version: z.number().int().positive(),
  })
  .passthrough();

export const backupManifestSchema = z
  .object({
    format: z.literal(backupFormat),
    version: z.literal(backupFormatVersion),
    createdAt: z.string().datetime(),
    app: z.object({ name: z.string(), version: z.string() }).strict(),
    /** The data folder the backup was taken from (informative only; a restore goes where the person says). */
    source: z.string(),
    /** Why it was taken: by hand, daily, at exit, before a restore replaced the folder, before a move. */
    reason: z.enum(['manual', 'daily', 'exit', 'before-restore', 'cli']),
    files: z.array(backupFileSchema),
    totalSize: z.number().int().nonnegative(),
  })
  .strict();
export type BackupManifest = z.infer<typeof backupManifestSchema>;
export type BackupReason = BackupManifest['reason'];

/** Backup file names: `ReportDesk-backup-20261204-153000.rdbackup` (UTC), so they sort by time. */
export const backupExtension = '.rdbackup';
const namePattern = /^ReportDesk-backup-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-(\d+))?\.rdbackup$/;

/** The file name for a backup taken at `at`; `serial` tells apart two taken within one second. */
export function backupFileName(at: Date, serial = 0): string {
  const text = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `ReportDesk-backup-${text}${serial ? `-${serial}` : ''}${backupExtension}`;
}

/** When a backup file of ours was taken, from its name; null for any other file (never pruned or listed). */
export function backupTimeFromName(name: string): Date | null {
  const match = namePattern.exec(name);
  if (!match) return null;
  const [, year, month, day, hour, minute, second] = match.map(Number);
  const at = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC rolls over (month 13 is next January): only a real date round-trips.
  if (Number.isNaN(at.getTime()) || at.getUTCMonth() !== month - 1 || at.getUTCDate() !== day || at.getUTCHours() !== hour || at.getUTCMinutes() !== minute) return null;
  return at;
}
