import { z } from 'zod';
import { conflictSchema, importLogEntrySchema, packageKindSchema, pendingImportSchema, trustEntrySchema } from '../core/exchange/schema';
import { roleSchema } from '../core/common/schemas/profile';
import { reportStatusSchema } from '../core/common/schemas/report';

/** Input and output schemas of the exchange channels (packages between machines), mirroring core/exchange. */
const id = z.string().min(1).max(80);

/** A package file as the UI sends it: base64 of at most ~18 MB (the HTTP transport's body limit is 25 MB). */
export const packageFileInput = {
  fileName: z.string().min(1).max(255),
  dataBase64: z.string().max(24_000_000),
};

export const identitySchema = z
  .object({
    profileId: z.string(),
    name: z.string(),
    role: roleSchema,
    unit: z.string(),
    publicKey: z.string(),
    fingerprint: z.string(),
    createdAt: z.string(),
  })
  .strict();

export const exportSubmissionsInput = z
  .object({
    ids: z.array(id).min(1).max(2000).optional(),
    sinceLast: z.boolean().optional(),
    toSupervisor: id.optional(),
  })
  .strict();

export const exportReviewsInput = z.object({ managerId: id.optional() }).strict();

export const exportedPackageSchema = z
  .object({
    fileName: z.string(),
    dataBase64: z.string(),
    summary: z
      .object({
        kind: packageKindSchema,
        packageId: z.string(),
        recipients: z.array(z.string()),
        documents: z.array(z.object({ id: z.string(), title: z.string(), revisions: z.array(z.number().int()), records: z.number().int() }).strict()),
        templates: z.number().int(),
        records: z.number().int(),
      })
      .strict(),
  })
  .strict();

const personViewSchema = z
  .object({
    profileId: z.string(),
    name: z.string(),
    role: roleSchema,
    unit: z.string(),
    fingerprint: z.string(),
    known: z.enum(['local', 'trusted', 'new']),
    firstSeen: z.string().optional(),
  })
  .strict();

export const packagePreviewSchema = z
  .object({
    fileName: z.string(),
    packageId: z.string(),
    kind: packageKindSchema,
    createdAt: z.string(),
    sha256: z.string(),
    sender: personViewSchema,
    recipients: z.array(z.object({ profileId: z.string(), name: z.string() }).strict()),
    people: z.array(personViewSchema),
    needsTrust: z.boolean(),
    documents: z.array(
      z
        .object({
          id: z.string(),
          title: z.string(),
          authorName: z.string(),
          period: z.string(),
          revisions: z.array(z.object({ revision: z.number().int(), isNew: z.boolean() }).strict()),
          newRecords: z.number().int(),
          duplicateRecords: z.number().int(),
          newRecordTypes: z.record(z.string(), z.number().int()),
          effect: z.enum(['create', 'status', 'refresh', 'none', 'conflict']),
          statusBefore: reportStatusSchema.nullable(),
          statusAfter: reportStatusSchema,
          revisionAfter: z.number().int(),
        })
        .strict(),
    ),
    ignoredDocuments: z.number().int(),
    templates: z.array(z.object({ id: z.string(), version: z.number().int(), name: z.string(), status: z.enum(['new', 'known', 'builtin-differs']) }).strict()),
    conflicts: z.array(conflictSchema),
    totals: z
      .object({
        documents: z.number().int(),
        newDocuments: z.number().int(),
        newRevisions: z.number().int(),
        duplicateRevisions: z.number().int(),
        newRecords: z.number().int(),
        duplicateRecords: z.number().int(),
        newTemplates: z.number().int(),
      })
      .strict(),
    nothingNew: z.boolean(),
  })
  .strict();

export const applyResultSchema = z
  .object({
    importId: z.string(),
    preview: packagePreviewSchema,
    applied: z
      .object({
        newDocuments: z.number().int(),
        updatedDocuments: z.number().int(),
        newRevisions: z.number().int(),
        newRecords: z.number().int(),
        newTemplates: z.number().int(),
        trusted: z.array(z.string()),
      })
      .strict(),
    conflicts: z.array(conflictSchema),
  })
  .strict();

export const importLogSchema = z.object({ entries: z.array(importLogEntrySchema), pending: pendingImportSchema.nullable() }).strict();

export const trustedListSchema = z.array(trustEntrySchema);

export const rosterSchema = z.array(z.object({ id: z.string(), name: z.string(), unit: z.string(), remote: z.boolean() }).strict());
