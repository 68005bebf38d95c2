import type { Role } from '../profiles/schema';
import type { RecordType } from './schema';

/** Record types only a supervisor may write. */
export const supervisorRecordTypes: ReadonlySet<RecordType> = new Set<RecordType>([
  'decision',
  'reopen',
  'comment',
  'comment-edit',
  'comment-retract',
  'resolve',
  'reopen-comment',
]);

/** Record types only the document's author may write (their submission, its withdrawal, their 已整改). */
export const authorRecordTypes: ReadonlySet<RecordType> = new Set<RecordType>(['submit', 'withdraw', 'mark-fixed']);

/**
 * Who may write which review record, wherever a record is checked (the use cases write only allowed ones; an
 * exchange package and `verify` refuse the others): the author's own acts, a supervisor's acts, and replies
 * from either.
 */
export function mayWriteRecord(type: RecordType, writer: { role: Role; isDocumentAuthor: boolean }): boolean {
  if (authorRecordTypes.has(type)) return writer.isDocumentAuthor;
  if (type === 'reply') return writer.isDocumentAuthor || writer.role === 'supervisor';
  return supervisorRecordTypes.has(type) && writer.role === 'supervisor';
}
