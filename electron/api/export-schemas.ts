import { z } from 'zod';
import { reportStatusSchema } from '../core/common/schemas/report';
import { documentKindSchema } from '../core/common/schemas/template';

const id = z.string().min(1).max(80);
const period = z.string().trim().max(20);

/** What to export; `kind` says which file (the register's document kind filter is `documentKind`). */
export const exportRequestSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('word'),
      id,
      layout: z.enum(['official', 'plain']),
      revision: z.number().int().min(1).optional(),
      includeComments: z.boolean().optional(),
      includeReviewAppendix: z.boolean().optional(),
    })
    .strict(),
  z.object({ kind: z.literal('excel'), id, revision: z.number().int().min(1).optional() }).strict(),
  z
    .object({
      kind: z.literal('register'),
      period: period.optional(),
      documentKind: documentKindSchema.optional(),
      status: reportStatusSchema.optional(),
      authorId: id.optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('meeting-pack'),
      ids: z.array(id).max(200).optional(),
      period: period.optional(),
      flags: z.array(z.enum(['praise', 'critique'])).max(2).optional(),
      meetingName: z.string().trim().min(1, '请填写会议名称').max(60),
      meetingDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '会议日期格式应为 2026-11-05'),
      organiser: z.string().trim().max(60),
      layout: z.enum(['official', 'plain', 'excel']),
    })
    .strict(),
]);
export type ExportRequest = z.infer<typeof exportRequestSchema>;

export const exportJobStatusSchema = z
  .object({
    jobId: z.string(),
    state: z.enum(['running', 'done', 'failed', 'cancelled']),
    done: z.number().int().min(0),
    total: z.number().int().min(1),
    percent: z.number().int().min(0).max(100),
    message: z.string().optional(),
    code: z.string().optional(),
    key: z.string().optional(),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    fileName: z.string().optional(),
  })
  .strict();

export const exportJobInput = z.object({ jobId: z.string().min(1).max(80) }).strict();

/** `export:save`: where the desktop app saved the export, or that the person cancelled the save dialog. */
export const exportSaveResultSchema = z.union([
  z.object({ saved: z.literal(true), path: z.string().min(1) }).strict(),
  z.object({ saved: z.literal(false) }).strict(),
]);

export const exportResultSchema = z
  .object({ fileName: z.string(), mimeType: z.string(), dataBase64: z.string() })
  .strict();
