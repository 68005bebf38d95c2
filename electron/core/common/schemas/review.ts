import { z } from 'zod';
import { roleSchema } from './profile';

export const commentKindSchema = z.enum(['praise', 'problem', 'suggestion', 'note']);
export type CommentKind = z.infer<typeof commentKindSchema>;
export const commentKindLabels: Record<CommentKind, string> = { praise: '表扬', problem: '问题', suggestion: '建议', note: '备注' };

export const meetingFlagSchema = z.enum(['praise', 'critique', 'none']);
export type MeetingFlag = z.infer<typeof meetingFlagSchema>;
export const meetingFlagLabels: Record<MeetingFlag, string> = { praise: '会上表扬', critique: '会上讲评', none: '无' };

/** Where a comment points: a passage (quote with context), a table cell, a section, or the whole document. */
export const anchorSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('text'),
      sectionId: z.string().min(1).max(60),
      quote: z.string().min(1).max(2000),
      /** Up to 40 characters before and after the quote, to find it again after edits. */
      prefix: z.string().max(80),
      suffix: z.string().max(80),
      /** Offset of the quote in the section's plain text when made (a hint among repeated quotes). */
      offset: z.number().int().min(0),
    })
    .strict(),
  z
    .object({
      kind: z.literal('cell'),
      sectionId: z.string().min(1).max(60),
      rowId: z.string().min(1).max(80),
      columnKey: z.string().min(1).max(40),
      /** The cell's value when the comment was made. */
      quote: z.string().max(2000),
    })
    .strict(),
  z.object({ kind: z.literal('section'), sectionId: z.string().min(1).max(60) }).strict(),
  z.object({ kind: z.literal('document') }).strict(),
]);
export type Anchor = z.infer<typeof anchorSchema>;

const text = z.string().trim().min(1, '内容不能为空').max(5000);

/** Every kind of review record; each is one immutable fact. */
export const recordBodySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('submit'), snapshotHash: z.string(), note: z.string().max(2000).optional() }).strict(),
  z
    .object({
      type: z.literal('decision'),
      decision: z.enum(['return', 'approve']),
      grade: z.string().min(1).max(20),
      reason: z.string().max(2000).optional(),
      meetingFlag: meetingFlagSchema,
      overall: z.string().max(5000).optional(),
    })
    .strict(),
  z.object({ type: z.literal('reopen'), reason: text }).strict(),
  z.object({ type: z.literal('comment'), anchor: anchorSchema, kind: commentKindSchema, text }).strict(),
  z.object({ type: z.literal('comment-edit'), commentId: z.string(), kind: commentKindSchema, text }).strict(),
  z.object({ type: z.literal('comment-retract'), commentId: z.string(), reason: z.string().max(2000).optional() }).strict(),
  z.object({ type: z.literal('reply'), commentId: z.string(), text }).strict(),
  z.object({ type: z.literal('mark-fixed'), commentId: z.string(), note: text }).strict(),
  z.object({ type: z.literal('resolve'), commentId: z.string() }).strict(),
  z.object({ type: z.literal('reopen-comment'), commentId: z.string(), reason: text }).strict(),
  /** The author takes a submission back before any supervisor opened it; the document is a draft again. */
  z.object({ type: z.literal('withdraw'), reason: z.string().max(2000).optional() }).strict(),
]);
export type RecordBody = z.infer<typeof recordBodySchema>;
export type RecordType = RecordBody['type'];

export const reviewRecordSchema = z
  .object({
    id: z.string().min(1).max(80),
    docId: z.string().min(1).max(80),
    /** The document revision the record is about. */
    revision: z.number().int().min(1),
    authorId: z.string().min(1),
    authorName: z.string(),
    role: roleSchema,
    at: z.string(),
    body: recordBodySchema,
    /**
     * The id of the record just before it in the log where it was made ('' for the first): signed with it, so a
     * record deleted, inserted or moved before it shows even after the hash chain is recomputed.
     */
    after: z.string().max(80).optional(),
    /** Ed25519 signature by the author's key over the canonical record (exchange between machines). */
    signature: z.string().optional(),
  })
  .strict();
export type ReviewRecord = z.infer<typeof reviewRecordSchema>;

/** One line of a document's review log on disk: the record, chained to the line before it. */
export const logLineSchema = z
  .object({
    record: reviewRecordSchema,
    /** Hash of the previous line ('' for the first). */
    prev: z.string(),
    /** sha256 of prev + the canonical record. */
    hash: z.string(),
  })
  .strict();
export type LogLine = z.infer<typeof logLineSchema>;

export const gradeSchema = z
  .object({ label: z.string().trim().min(1).max(20), needsReason: z.boolean() })
  .strict();
export type Grade = z.infer<typeof gradeSchema>;

export const defaultGradeScale: Grade[] = [
  { label: '优秀', needsReason: false },
  { label: '良好', needsReason: false },
  { label: '合格', needsReason: true },
  { label: '需改进', needsReason: true },
];
