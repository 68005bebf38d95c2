import { z } from 'zod';
import { cadenceSchema, documentKindSchema } from '../common/schemas/template';

/** The office's insight settings (设置 → 统计与雷同检测). */
export const insightSettingsSchema = z
  .object({
    /** A submitted revision whose copy score reaches this share is marked 疑似雷同 in the inbox (0–1). */
    copyThreshold: z.number().min(0.05).max(1),
    /** Dashboard targets: below them a manager's figure is highlighted. On-time rate (0–1). */
    onTimeTarget: z.number().min(0).max(1),
    /** Share of graded documents in the best `goodGrades` grades of the scale (优秀/良好), 0–1. */
    goodGradeTarget: z.number().min(0).max(1),
    /** How many grades from the top of the scale count as good (2: 优秀 and 良好). */
    goodGrades: z.number().int().min(1).max(10),
    /** Days a daily log is expected: weekdays (Mon–Fri) or every day. */
    dailyLogDays: z.enum(['weekdays', 'all']),
  })
  .strict();
export type InsightSettings = z.infer<typeof insightSettingsSchema>;

export const defaultInsightSettings: Readonly<InsightSettings> = {
  copyThreshold: 0.4,
  onTimeTarget: 0.9,
  goodGradeTarget: 0.5,
  goodGrades: 2,
  dailyLogDays: 'weekdays',
};

const categorySchema = z.enum(['own', 'peer', 'guidance']);
const passageSchema = z.object({ sectionId: z.string(), start: z.number().int(), end: z.number().int(), text: z.string() }).strict();

export const copyMatchSchema = z
  .object({
    category: categorySchema,
    passage: passageSchema,
    source: passageSchema.extend({
      docId: z.string(),
      revision: z.number().int(),
      title: z.string(),
      authorName: z.string(),
      period: z.string(),
    }),
    similarity: z.number(),
    coveredChars: z.number().int(),
  })
  .strict();

/** The stored result of a copy check of one submitted revision (`insight/<xx>/<id>-r<n>.json`). */
export const copyCheckResultSchema = z
  .object({
    docId: z.string(),
    revision: z.number().int().min(1),
    checkedAt: z.string(),
    score: z.number().min(0).max(1),
    analysisChars: z.number().int().min(0),
    matchedChars: z.number().int().min(0),
    byCategory: z.object({ own: z.number(), peer: z.number(), guidance: z.number() }).strict(),
    matches: z.array(copyMatchSchema),
    /** The analysis text checked, per section, so passages can be shown in place. */
    sections: z.array(z.object({ sectionId: z.string(), title: z.string(), text: z.string() }).strict()),
  })
  .strict();
export type CopyCheckResult = z.infer<typeof copyCheckResultSchema>;

const indexedSentenceSchema = z
  .object({ s: z.string(), a: z.number().int(), b: z.number().int(), t: z.string(), h: z.array(z.number().int()) })
  .strict();

/** One line of a copy-index partition file. */
export const fingerprintEntrySchema = z
  .object({
    id: z.string(),
    revision: z.number().int(),
    authorId: z.string(),
    authorName: z.string(),
    title: z.string(),
    kind: z.string(),
    templateId: z.string(),
    period: z.string(),
    submittedAt: z.string(),
    sentences: z.array(indexedSentenceSchema),
  })
  .strict();

/** A dashboard figure the office sets a target for; a manager's row lists the ones they are below. */
export const dashboardTargetSchema = z.enum(['onTime', 'goodGrade']);
export type DashboardTarget = z.infer<typeof dashboardTargetSchema>;

/** One manager's figures for the month (or the office's totals). */
export const dashboardRowSchema = z
  .object({
    managerId: z.string(),
    managerName: z.string(),
    unit: z.string(),
    documents: z.number().int(),
    byKind: z.record(documentKindSchema, z.number().int()),
    expected: z.number().int(),
    onTime: z.number().int(),
    late: z.number().int(),
    missing: z.number().int(),
    /** Expected periods whose deadline has not passed and that have no submission yet. */
    pending: z.number().int(),
    onTimeRate: z.number().min(0).max(1).nullable(),
    grades: z.record(z.string(), z.number().int()),
    ungraded: z.number().int(),
    goodShare: z.number().min(0).max(1).nullable(),
    comments: z.object({ open: z.number().int(), fixed: z.number().int(), resolved: z.number().int() }).strict(),
    praise: z.number().int(),
    critique: z.number().int(),
    copyFlagged: z.number().int().nullable(),
    /** Figures below the office's targets. */
    below: z.array(dashboardTargetSchema),
    /** Ids of the documents counted (for click-through and for tests). */
    documentIds: z.array(z.string()),
  })
  .strict();
export type DashboardRow = z.infer<typeof dashboardRowSchema>;

export const dashboardViewSchema = z
  .object({
    period: z.string(),
    kind: documentKindSchema.optional(),
    grades: z.array(z.string()),
    goodGrades: z.array(z.string()),
    targets: z.object({ onTime: z.number(), goodGrade: z.number() }).strict(),
    rows: z.array(dashboardRowSchema),
    totals: dashboardRowSchema,
    /** Daily/monthly/quarterly kinds whose periods count as expected. */
    expectedKinds: z.array(z.object({ kind: documentKindSchema, cadence: cadenceSchema }).strict()),
  })
  .strict();
export type DashboardView = z.infer<typeof dashboardViewSchema>;

/** A revision's copy check as a supervisor sees it. */
export const copyCheckViewSchema = z
  .object({
    result: copyCheckResultSchema,
    /** The office's 疑似雷同 threshold (设置). */
    threshold: z.number(),
    flagged: z.boolean(),
    /** False when the check was computed now (no stored result, e.g. data from before this feature). */
    stored: z.boolean(),
  })
  .strict();
export type CopyCheckView = z.infer<typeof copyCheckViewSchema>;

export const sentenceProposalSchema = z
  .object({
    /** Index of the rule in the table's list. */
    rule: z.number().int(),
    /** The row it describes (row rules), `totals`, or `table`. */
    rowId: z.string(),
    text: z.string(),
  })
  .strict();
export type SentenceProposal = z.infer<typeof sentenceProposalSchema>;

/** 生成描述: the sentences a data table's wording rules propose, and how many rules there are. */
export const sentencesResultSchema = z.object({ proposals: z.array(sentenceProposalSchema), ruleCount: z.number().int() }).strict();
export type SentencesResult = z.infer<typeof sentencesResultSchema>;
