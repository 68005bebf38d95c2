/**
 * Channel inputs that are the API's own (what a caller may send, with the limits and the words of its refusals),
 * named here because more than a line. Every output shape is the core's schema, imported by the contract.
 */
import { z } from 'zod';
import { reportStatusSchema, tableRowSchema } from '../core/common/schemas/report';
import { documentKindSchema } from '../core/common/schemas/template';
import { syncthingAddressSchema } from '../core/sync/schema';

const id = z.string().min(1).max(80);
const period = z.string().trim().max(20);
const folderPath = z.string().trim().min(1).max(1000);

// Export (Word, Excel, 台账 register, meeting pack).

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

export const exportJobInput = z.object({ jobId: z.string().min(1).max(80) }).strict();

// Insight (统计, 雷同检测, 生成描述).

export const dashboardInput = z
  .object({
    period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '统计期间应为月份，例如 2026-11'),
    kind: documentKindSchema.optional(),
  })
  .strict();

export const copyCheckInput = z.object({ id, revision: z.number().int().min(1).optional() }).strict();

export const sentencesInput = z
  .object({
    templateId: id,
    templateVersion: z.number().int().min(1).optional(),
    sectionId: z.string().min(1).max(60),
    rows: z.array(tableRowSchema).max(5000),
    /** The document's details (报告期, 片区 …) for the rules' placeholders. */
    metadata: z.record(z.string().max(40), z.string().max(2000)).optional(),
  })
  .strict();

// Exchange (packages between machines).

/** A package file as the UI sends it: base64 of at most ~18 MB (the HTTP transport's body limit is 25 MB). */
export const packageFileInput = {
  fileName: z.string().min(1).max(255),
  dataBase64: z.string().max(24_000_000),
};

export const exportSubmissionsInput = z
  .object({
    ids: z.array(id).min(1).max(2000).optional(),
    sinceLast: z.boolean().optional(),
    toSupervisor: id.optional(),
  })
  .strict();

export const exportReviewsInput = z.object({ managerId: id.optional() }).strict();

// Backups, restore and moving the data folder.

export const setFolderInput = z.object({ folder: folderPath.nullable() }).strict();
export const backupFileInput = z.object({ file: folderPath }).strict();

export const restoreInput = z.discriminatedUnion('mode', [
  z.object({ file: folderPath, mode: z.literal('new-folder'), target: folderPath }).strict(),
  z.object({ file: folderPath, mode: z.literal('replace') }).strict(),
]);

export const moveDataInput = z.object({ target: folderPath }).strict();

// Office sync.

export const syncConfigureInput = z
  .object({
    folder: z.string().trim().min(1, '请填写同步文件夹').max(1000),
    syncthing: z.object({ address: syncthingAddressSchema, apiKey: z.string().trim().min(1).max(200) }).strict().nullable().optional(),
    batchSeconds: z.number().min(0).max(600).optional(),
    scanSeconds: z.number().min(1).max(3600).optional(),
  })
  .strict();

export const fingerprintInput = z.object({ fingerprint: z.string().trim().min(1, '请填写指纹').max(80) }).strict();
