/**
 * What the review channels return, as schemas: the types below are inferred from them, and the API validates
 * its output with these same objects. The folded review log itself is core/common/schemas/review-view.ts.
 */
import { z } from 'zod';
import { reportSummarySchema } from '../common/schemas/report';
import { commentViewSchema, reviewStateSchema } from '../common/schemas/review-view';
import { integrityCodes } from './integrity-messages';

/** A document's review: comments, decisions, workflow and its frozen revisions. */
export const reviewViewSchema = z
  .object({
    state: reviewStateSchema,
    revisions: z.array(z.number().int()),
    /** Records the caller had not seen before this call. */
    unseen: z.number().int(),
    /** The caller may withdraw (撤回) the submission: their own, submitted, not opened by a supervisor yet. */
    withdrawable: z.boolean(),
  })
  .strict();
export type ReviewView = z.infer<typeof reviewViewSchema>;

export const textPartSchema = z.object({ value: z.string(), change: z.enum(['same', 'added', 'removed']) }).strict();
export type TextPart = z.infer<typeof textPartSchema>;

export const cellChangeSchema = z.object({ columnKey: z.string(), before: z.string(), after: z.string() }).strict();
export type CellChange = z.infer<typeof cellChangeSchema>;

export const rowDiffSchema = z
  .object({
    rowId: z.string(),
    change: z.enum(['added', 'removed', 'changed']),
    /** The row's first column value, to name it. */
    label: z.string(),
    cells: z.array(cellChangeSchema),
  })
  .strict();
export type RowDiff = z.infer<typeof rowDiffSchema>;

export const sectionDiffSchema = z
  .object({
    sectionId: z.string(),
    title: z.string(),
    kind: z.enum(['richtext', 'table', 'fields']),
    changed: z.boolean(),
    text: z.array(textPartSchema).optional(),
    rows: z.array(rowDiffSchema).optional(),
  })
  .strict();
export type SectionDiff = z.infer<typeof sectionDiffSchema>;

/** Differences between two submitted revisions, with the earlier revision's comments. */
export const revisionComparisonSchema = z.object({ sections: z.array(sectionDiffSchema), comments: z.array(commentViewSchema) }).strict();
export type RevisionComparison = z.infer<typeof revisionComparisonSchema>;

/**
 * One problem `verify` found: a stable code with its parameters (the UI's words, i18n group `integrity`), the
 * log line (record number from 1, 0 for the whole document) and the sentence for it in zh-CN (logs and the CLI).
 */
export const verifyProblemSchema = z
  .object({
    line: z.number().int(),
    code: z.enum(integrityCodes),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
    message: z.string(),
  })
  .strict();
export type VerifyProblem = z.infer<typeof verifyProblemSchema>;

/** Problems found when checking a document's review record (chain, signatures, rights, revisions, cache). */
export const verifyReportSchema = z
  .object({ docId: z.string(), ok: z.boolean(), records: z.number().int(), problems: z.array(verifyProblemSchema) })
  .strict();
export type VerifyReport = z.infer<typeof verifyReportSchema>;

/** Every visible review log checked: how many, and the ones with problems. */
export const verifyAllSchema = z.object({ checked: z.number().int(), problems: z.array(verifyReportSchema) }).strict();
export type VerifyAll = z.infer<typeof verifyAllSchema>;

export const inboxEntrySchema = z
  .object({
    summary: reportSummarySchema,
    unread: z.boolean(),
    /** Supervisors: the latest copy check's score and whether it reaches the 疑似雷同 threshold. */
    copy: z.object({ score: z.number(), flagged: z.boolean() }).strict().optional(),
  })
  .strict();
export type InboxEntry = z.infer<typeof inboxEntrySchema>;

export const inboxSchema = z.object({ entries: z.array(inboxEntrySchema), counts: z.record(z.string(), z.number().int()) }).strict();
export type Inbox = z.infer<typeof inboxSchema>;

/** One daily/monthly template's period and who has not submitted it. */
export const notSubmittedEntrySchema = z
  .object({
    templateId: z.string(),
    templateName: z.string(),
    period: z.string(),
    missing: z.array(z.object({ id: z.string(), name: z.string(), unit: z.string() }).strict()),
    /** `due`: the deadline passed, `missing` lists who owes it; `not-due`: not late yet (until `dueAt`); `day-off`: no log expected. */
    state: z.enum(['due', 'not-due', 'day-off']),
    dueAt: z.string().optional(),
  })
  .strict();
export type NotSubmittedEntry = z.infer<typeof notSubmittedEntrySchema>;
