import { DomainError, type ErrorCode } from '../common/errors';
import { coded, type MessageKey, type MessageParams } from '../common/messages';
import type { ZipProblem } from './zip';

/** Why a package was refused: a stable code for tests and logs; people read the message. */
export type RefusalReason =
  | ZipProblem
  | 'bad-base64'
  | 'no-manifest'
  | 'manifest-not-json'
  | 'not-exchange'
  | 'format-version'
  | 'manifest-invalid'
  | 'no-signature'
  | 'signature-invalid'
  | 'bad-signature'
  | 'duplicate-listing'
  | 'missing-entry'
  | 'unlisted-entry'
  | 'size-mismatch-listed'
  | 'hash-mismatch'
  | 'unknown-entry'
  | 'bad-id'
  | 'entry-not-json'
  | 'entry-invalid'
  | 'entry-mismatch'
  | 'incomplete-document'
  | 'duplicate-person'
  | 'duplicate-id'
  | 'unknown-author'
  | 'role-mismatch'
  | 'unsigned-record'
  | 'bad-record-signature'
  | 'forbidden-record'
  | 'sender-role'
  | 'foreign-document'
  | 'wrong-importer-role'
  | 'not-for-you'
  | 'local-key-mismatch'
  | 'trusted-key-mismatch'
  | 'untrusted-sender'
  | 'unknown-reference'
  | 'missing-revision'
  | 'snapshot-mismatch'
  | 'missing-template'
  | 'tampered-record'
  | 'tampered-revision'
  | 'tampered-template'
  | 'document-owner'
  | 'impersonation'
  | 'unpinned-supervisor';

/** A refused package: nothing was written. `details.reason` says which check refused it. */
export function refuse(reason: RefusalReason, key: MessageKey, params?: MessageParams, code: ErrorCode = 'invalid-input'): DomainError {
  return coded(code, key, params, { details: { reason } });
}

/** The refusal reason of an error from the exchange use cases, if it is one. */
export function refusalReason(error: unknown): RefusalReason | null {
  if (!(error instanceof DomainError)) return null;
  const details = error.details as { reason?: RefusalReason } | undefined;
  return details?.reason ?? null;
}
