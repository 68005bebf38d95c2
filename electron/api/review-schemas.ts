import { z } from 'zod';
import { roleSchema } from '../core/common/schemas/profile';
import { reportStatusSchema, reportSummarySchema } from '../core/common/schemas/report';
import { anchorSchema, commentKindSchema, meetingFlagSchema } from '../core/common/schemas/review';

/** Output schemas of the review channels, mirroring the core's folded views. */
const personSchema = z.object({ id: z.string(), name: z.string(), role: roleSchema }).strict();

export const commentViewSchema = z
  .object({
    id: z.string(),
    revision: z.number().int(),
    anchor: anchorSchema,
    kind: commentKindSchema,
    text: z.string(),
    by: personSchema,
    at: z.string(),
    versions: z.array(z.object({ kind: commentKindSchema, text: z.string(), at: z.string() }).strict()),
    retracted: z.object({ at: z.string(), by: personSchema, reason: z.string().optional() }).strict().nullable(),
    replies: z.array(z.object({ id: z.string(), by: personSchema, text: z.string(), at: z.string() }).strict()),
    status: z.enum(['open', 'fixed', 'resolved']),
    fixNote: z.string().nullable(),
    events: z.array(
      z
        .object({
          type: z.enum(['reply', 'mark-fixed', 'resolve', 'reopen-comment', 'comment-edit', 'comment-retract']),
          recordId: z.string(),
          by: personSchema,
          at: z.string(),
          text: z.string().optional(),
        })
        .strict(),
    ),
  })
  .strict();

const decisionViewSchema = z
  .object({
    id: z.string(),
    revision: z.number().int(),
    decision: z.enum(['return', 'approve']),
    grade: z.string(),
    reason: z.string().optional(),
    meetingFlag: meetingFlagSchema,
    overall: z.string().optional(),
    by: personSchema,
    at: z.string(),
  })
  .strict();

export const reviewStateSchema = z
  .object({
    comments: z.array(commentViewSchema),
    decisions: z.array(decisionViewSchema),
    workflow: z.array(
      z
        .object({
          id: z.string(),
          type: z.enum(['submit', 'return', 'approve', 'reopen', 'withdraw']),
          revision: z.number().int(),
          by: personSchema,
          at: z.string(),
          note: z.string().optional(),
        })
        .strict(),
    ),
    status: reportStatusSchema,
    lastSubmittedRevision: z.number().int(),
    currentDecision: decisionViewSchema.nullable(),
  })
  .strict();

export const verifyReportSchema = z
  .object({
    docId: z.string(),
    ok: z.boolean(),
    records: z.number().int(),
    /** code + params for the UI's words (i18n group `integrity`); message is the same in zh-CN for logs and the CLI. */
    problems: z.array(
      z
        .object({
          line: z.number().int(),
          code: z.string(),
          params: z.record(z.string(), z.union([z.string(), z.number()])),
          message: z.string(),
        })
        .strict(),
    ),
  })
  .strict();

const textPartSchema = z.object({ value: z.string(), change: z.enum(['same', 'added', 'removed']) }).strict();

export const sectionDiffSchema = z
  .object({
    sectionId: z.string(),
    title: z.string(),
    kind: z.enum(['richtext', 'table', 'fields']),
    changed: z.boolean(),
    text: z.array(textPartSchema).optional(),
    rows: z
      .array(
        z
          .object({
            rowId: z.string(),
            change: z.enum(['added', 'removed', 'changed']),
            label: z.string(),
            cells: z.array(z.object({ columnKey: z.string(), before: z.string(), after: z.string() }).strict()),
          })
          .strict(),
      )
      .optional(),
  })
  .strict();

export const inboxSchema = z
  .object({
    entries: z.array(
      z
        .object({
          summary: reportSummarySchema,
          unread: z.boolean(),
          /** Supervisors only: the latest copy check (雷同检测) score and whether it is 疑似雷同. */
          copy: z.object({ score: z.number(), flagged: z.boolean() }).strict().optional(),
        })
        .strict(),
    ),
    counts: z.record(z.string(), z.number().int()),
  })
  .strict();
