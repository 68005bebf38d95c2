import type { Role } from '../common/schemas/profile';
import type { RecordType, ReviewRecord } from '../common/schemas/review';

/**
 * Who may write which review record, wherever the record comes from: made here (the use cases check it
 * before acting), read back from a log (`verify`) or brought by an exchange package (`decodePackage`).
 * The rules, in words:
 * - only a supervisor decides, grades, reopens a document, comments, confirms (resolves) or reopens a comment;
 * - only the document's author submits (and withdraws) it and marks a comment 已整改;
 * - a reply comes from the document's author or a supervisor;
 * - only a comment's author edits or retracts it.
 */
export type RecordRule = 'supervisor-only' | 'document-author-only' | 'author-or-supervisor' | 'comment-author-only';

/** Record kinds only a supervisor writes. */
export const supervisorRecordTypes: ReadonlySet<string> = new Set(['decision', 'reopen', 'comment', 'comment-edit', 'comment-retract', 'resolve', 'reopen-comment']);

/** Record kinds only the document's author writes (`withdraw` if that kind exists). */
export const documentAuthorRecordTypes: ReadonlySet<string> = new Set(['submit', 'mark-fixed', 'withdraw']);

/** The rule that governs a record kind. */
export function recordRule(type: RecordType | string): RecordRule {
  if (documentAuthorRecordTypes.has(type)) return 'document-author-only';
  if (type === 'reply') return 'author-or-supervisor';
  if (type === 'comment-edit' || type === 'comment-retract') return 'comment-author-only';
  return 'supervisor-only';
}

export interface RecordWriter {
  /** Who wrote it, with the role this machine knows them by (never the role the record claims). */
  authorId: string;
  role: Role;
}

/**
 * Does the record's author have the right to write it? `docAuthorId` is the document's author;
 * `commentAuthorId` the author of the comment the record refers to (edits and retractions), when known.
 * Returns the rule that was broken, or null when the record is allowed.
 */
export function brokenRecordRule(
  record: Pick<ReviewRecord, 'body'>,
  writer: RecordWriter,
  docAuthorId: string,
  commentAuthorId?: string | null,
): RecordRule | null {
  const type = record.body.type;
  const byDocAuthor = writer.authorId === docAuthorId;
  const supervisor = writer.role === 'supervisor';
  if (documentAuthorRecordTypes.has(type)) return byDocAuthor && !supervisor ? null : 'document-author-only';
  if (type === 'reply') return byDocAuthor || supervisor ? null : 'author-or-supervisor';
  if (!supervisor) return 'supervisor-only';
  if ((type === 'comment-edit' || type === 'comment-retract') && commentAuthorId && commentAuthorId !== writer.authorId) return 'comment-author-only';
  return null;
}
