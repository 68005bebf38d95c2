/**
 * The folded view of a document's review log (core/common/review-fold.ts builds it): the schemas are the source,
 * the types are inferred from them, and the API's review channels validate their output with these same objects.
 */
import { z } from 'zod';
import { roleSchema } from './profile';
import { reportStatusSchema } from './report';
import { anchorSchema, commentKindSchema, meetingFlagSchema } from './review';

/** Who made a review record, as the views name them. */
export const reviewPersonSchema = z.object({ id: z.string(), name: z.string(), role: roleSchema }).strict();
export type Person = z.infer<typeof reviewPersonSchema>;

export const commentVersionSchema = z.object({ kind: commentKindSchema, text: z.string(), at: z.string() }).strict();
export type CommentVersion = z.infer<typeof commentVersionSchema>;

export const commentEventSchema = z
  .object({
    type: z.enum(['reply', 'mark-fixed', 'resolve', 'reopen-comment', 'comment-edit', 'comment-retract']),
    recordId: z.string(),
    by: reviewPersonSchema,
    at: z.string(),
    text: z.string().optional(),
  })
  .strict();
export type CommentEvent = z.infer<typeof commentEventSchema>;

export const commentStatusSchema = z.enum(['open', 'fixed', 'resolved']);
export type CommentStatus = z.infer<typeof commentStatusSchema>;

/** A comment as people see it: its latest text, its history, its thread and where it stands. */
export const commentViewSchema = z
  .object({
    id: z.string(),
    revision: z.number().int(),
    anchor: anchorSchema,
    kind: commentKindSchema,
    text: z.string(),
    by: reviewPersonSchema,
    at: z.string(),
    /** Every version, oldest first (the first is the original). Editing never loses the earlier text. */
    versions: z.array(commentVersionSchema),
    retracted: z.object({ at: z.string(), by: reviewPersonSchema, reason: z.string().optional() }).strict().nullable(),
    replies: z.array(z.object({ id: z.string(), by: reviewPersonSchema, text: z.string(), at: z.string() }).strict()),
    status: commentStatusSchema,
    /** The latest 已整改 note, if any. */
    fixNote: z.string().nullable(),
    events: z.array(commentEventSchema),
  })
  .strict();
export type CommentView = z.infer<typeof commentViewSchema>;

export const decisionViewSchema = z
  .object({
    id: z.string(),
    revision: z.number().int(),
    decision: z.enum(['return', 'approve']),
    grade: z.string(),
    reason: z.string().optional(),
    meetingFlag: meetingFlagSchema,
    overall: z.string().optional(),
    by: reviewPersonSchema,
    at: z.string(),
  })
  .strict();
export type DecisionView = z.infer<typeof decisionViewSchema>;

export const workflowEventSchema = z
  .object({
    id: z.string(),
    type: z.enum(['submit', 'return', 'approve', 'reopen', 'withdraw']),
    revision: z.number().int(),
    by: reviewPersonSchema,
    at: z.string(),
    note: z.string().optional(),
  })
  .strict();
export type WorkflowEvent = z.infer<typeof workflowEventSchema>;

export const reviewStateSchema = z
  .object({
    comments: z.array(commentViewSchema),
    decisions: z.array(decisionViewSchema),
    workflow: z.array(workflowEventSchema),
    /** Status implied by the workflow records (draft when there are none). */
    status: reportStatusSchema,
    /** Highest submitted revision, 0 when never submitted. */
    lastSubmittedRevision: z.number().int(),
    /** The decision on the latest submitted revision, if it has one and was not reopened since. */
    currentDecision: decisionViewSchema.nullable(),
  })
  .strict();
export type ReviewState = z.infer<typeof reviewStateSchema>;
