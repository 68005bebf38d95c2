import { z } from 'zod';
import { copyCheckResultSchema } from '../core/insight/schema';
import { tableRowSchema } from '../core/common/schemas/report';
import { cadenceSchema, documentKindSchema } from '../core/common/schemas/template';

/** Inputs and outputs of the insight channels (统计, 雷同检测, 生成描述). */
const countsByKind = z.record(documentKindSchema, z.number().int());

export const dashboardRowSchema = z
  .object({
    managerId: z.string(),
    managerName: z.string(),
    unit: z.string(),
    documents: z.number().int(),
    byKind: countsByKind,
    expected: z.number().int(),
    onTime: z.number().int(),
    late: z.number().int(),
    missing: z.number().int(),
    pending: z.number().int(),
    onTimeRate: z.number().min(0).max(1).nullable(),
    grades: z.record(z.string(), z.number().int()),
    ungraded: z.number().int(),
    goodShare: z.number().min(0).max(1).nullable(),
    comments: z.object({ open: z.number().int(), fixed: z.number().int(), resolved: z.number().int() }).strict(),
    praise: z.number().int(),
    critique: z.number().int(),
    copyFlagged: z.number().int().nullable(),
    below: z.array(z.enum(['onTime', 'goodGrade'])),
    documentIds: z.array(z.string()),
  })
  .strict();

export const dashboardViewSchema = z
  .object({
    period: z.string(),
    kind: documentKindSchema.optional(),
    grades: z.array(z.string()),
    goodGrades: z.array(z.string()),
    targets: z.object({ onTime: z.number(), goodGrade: z.number() }).strict(),
    rows: z.array(dashboardRowSchema),
    totals: dashboardRowSchema,
    expectedKinds: z.array(z.object({ kind: documentKindSchema, cadence: cadenceSchema }).strict()),
  })
  .strict();

export const dashboardInput = z
  .object({
    period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '统计期间应为月份，例如 2026-11'),
    kind: documentKindSchema.optional(),
  })
  .strict();

export const copyCheckInput = z.object({ id: z.string().min(1).max(80), revision: z.number().int().min(1).optional() }).strict();

export const copyCheckViewSchema = z
  .object({ result: copyCheckResultSchema, threshold: z.number(), flagged: z.boolean(), stored: z.boolean() })
  .strict();

export const sentencesInput = z
  .object({
    templateId: z.string().min(1).max(80),
    templateVersion: z.number().int().min(1).optional(),
    sectionId: z.string().min(1).max(60),
    rows: z.array(tableRowSchema).max(5000),
    /** The document's details (报告期, 片区 …) for the rules' placeholders. */
    metadata: z.record(z.string().max(40), z.string().max(2000)).optional(),
  })
  .strict();

export const sentencesOutputSchema = z
  .object({
    proposals: z.array(z.object({ rule: z.number().int(), rowId: z.string(), text: z.string() }).strict()),
    ruleCount: z.number().int(),
  })
  .strict();
