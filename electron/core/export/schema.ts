/**
 * What the export channels return, as schemas: the job's progress, and the finished file (saved by the desktop
 * app, or handed to the browser as a download). The types are inferred from them; the API validates with them.
 */
import { z } from 'zod';
import { errorCodes } from '../common/errors';

export const exportJobStateSchema = z.enum(['running', 'done', 'failed', 'cancelled']);
export type ExportJobState = z.infer<typeof exportJobStateSchema>;

export const exportJobStatusSchema = z
  .object({
    jobId: z.string(),
    state: exportJobStateSchema,
    done: z.number().int().min(0),
    total: z.number().int().min(1),
    /**
     * Whole percent of the job, the one number the progress dialog shows as both its bar and its text: rounded
     * down while running (never 100 before the file is made), 100 once done.
     */
    percent: z.number().int().min(0).max(100),
    /** What is being exported (running), or why it failed. */
    message: z.string().optional(),
    /** The failure's error code. */
    code: z.enum(errorCodes).optional(),
    /** The failure's catalogue key and parameters (the UI shows it in the person's language). */
    key: z.string().optional(),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    /** Once done: the file name the result will carry. */
    fileName: z.string().optional(),
  })
  .strict();
export type ExportJobStatus = z.infer<typeof exportJobStatusSchema>;

/** `export:save`: where the desktop app saved the export, or that the person cancelled the save dialog. */
export const exportSaveResultSchema = z.union([
  z.object({ saved: z.literal(true), path: z.string().min(1) }).strict(),
  z.object({ saved: z.literal(false) }).strict(),
]);
export type ExportSaveResult = z.infer<typeof exportSaveResultSchema>;

/** `export:result` (browser mode): the finished file as base64, for the browser's download. */
export const exportResultSchema = z.object({ fileName: z.string(), mimeType: z.string(), dataBase64: z.string() }).strict();
export type ExportResult = z.infer<typeof exportResultSchema>;
