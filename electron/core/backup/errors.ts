import { DomainError, type ErrorCode } from '../common/errors';
import { coded, type MessageKey } from '../common/messages';

/**
 * Why a backup, restore or move was refused or failed. The renderer words each reason in the person's language
 * (`backup.errors.<reason>` with `details.params`); the message is the zh-CN wording for the CLI and logs.
 */
export type BackupFailure =
  | 'not-backup'
  | 'truncated'
  | 'corrupt'
  | 'hash-mismatch'
  | 'newer-format'
  | 'manifest-invalid'
  | 'folder-missing'
  | 'folder-read-only'
  | 'disk-full'
  | 'io'
  | 'target-not-empty'
  | 'target-inside-source'
  | 'restore-running'
  | 'target-in-use'
  | 'same-folder'
  | 'not-found'
  | 'unavailable';

export function backupError(
  reason: BackupFailure,
  key: MessageKey,
  params: Record<string, string | number> = {},
  code: ErrorCode = 'invalid-input',
): DomainError {
  return coded(code, key, params, { details: { reason, params } });
}

/** The failure reason of an error from the backup code, if it is one. */
export function backupFailureReason(error: unknown): BackupFailure | null {
  if (!(error instanceof DomainError)) return null;
  const details = error.details as { reason?: BackupFailure } | undefined;
  return details?.reason ?? null;
}
