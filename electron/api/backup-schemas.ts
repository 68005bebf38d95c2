import { z } from 'zod';
import { backupSummarySchema } from '../core/backup/schema';

/** Input and output schemas of the backup channels (backups, restore, moving the data folder). */
const folderPath = z.string().trim().min(1).max(1000);

export const backupRecordSchema = z.object({ file: z.string(), at: z.string(), size: z.number(), files: z.number() }).strict();

export const backupStatusSchema = z
  .object({
    dataDir: z.string(),
    folder: z.string(),
    defaultFolder: z.string(),
    last: backupRecordSchema.nullable(),
    lastError: z
      .object({ at: z.string(), reason: z.string(), message: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) })
      .strict()
      .nullable(),
    backups: z.array(z.object({ name: z.string(), file: z.string(), at: z.string(), size: z.number() }).strict()),
    running: z.boolean(),
    location: z.object({ source: z.enum(['default', 'environment', 'moved']), pointerFile: z.string().nullable() }).strict(),
  })
  .strict();

export const setFolderInput = z.object({ folder: folderPath.nullable() }).strict();
export const backupFileInput = z.object({ file: folderPath }).strict();

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

export const restoreInput = z.discriminatedUnion('mode', [
  z.object({ file: folderPath, mode: z.literal('new-folder'), target: folderPath }).strict(),
  z.object({ file: folderPath, mode: z.literal('replace') }).strict(),
]);

export const restoreResultSchema = z
  .object({ target: z.string(), files: z.number(), safetyBackup: z.string().nullable(), switched: z.boolean() })
  .strict();

export const moveDataInput = z.object({ target: folderPath }).strict();
export const moveDataResultSchema = z.object({ from: z.string(), to: z.string(), files: z.number() }).strict();
