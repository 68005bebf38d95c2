import { backupError, type BackupFailure } from '../../core/backup/errors';
import type { DomainError } from '../../core/common/errors';
import type { MessageKey } from '../../core/common/messages';

const messages: Record<string, { reason: BackupFailure; key: MessageKey }> = {
  ENOSPC: { reason: 'disk-full', key: 'backupFile.diskFull' },
  EDQUOT: { reason: 'disk-full', key: 'backupFile.quota' },
  EROFS: { reason: 'folder-read-only', key: 'backupFile.readOnly' },
  EACCES: { reason: 'folder-read-only', key: 'backupFile.noPermission' },
  EPERM: { reason: 'folder-read-only', key: 'backupFile.noPermission' },
  ENOENT: { reason: 'folder-missing', key: 'backupFile.folderGone' },
  ENODEV: { reason: 'folder-missing', key: 'backupFile.diskGone' },
  ENXIO: { reason: 'folder-missing', key: 'backupFile.diskGone' },
  EIO: { reason: 'folder-missing', key: 'backupFile.diskError' },
  ENOTDIR: { reason: 'folder-missing', key: 'backupFile.notFolder' },
};

/** A file-system error while writing to `place`, as a backup failure a person can act on. */
export function fileSystemFailure(error: unknown, place: string): DomainError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  const known = messages[code];
  if (known) return backupError(known.reason, known.key, { place, code }, 'unavailable');
  const detail = error instanceof Error ? error.message : String(error);
  return backupError('io', 'backupFile.io', { place, code: code || detail }, 'unavailable');
}
