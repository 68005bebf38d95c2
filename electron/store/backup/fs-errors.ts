import { backupError, type BackupFailure } from '../../core/backup/errors';
import type { DomainError } from '../../core/shared/errors';

const messages: Record<string, { reason: BackupFailure; text: (place: string) => string }> = {
  ENOSPC: { reason: 'disk-full', text: (place) => `磁盘空间不足，无法写入：${place}。请清理磁盘或换一个文件夹` },
  EDQUOT: { reason: 'disk-full', text: (place) => `磁盘配额已满，无法写入：${place}` },
  EROFS: { reason: 'folder-read-only', text: (place) => `文件夹是只读的，无法写入：${place}` },
  EACCES: { reason: 'folder-read-only', text: (place) => `没有写入权限：${place}` },
  EPERM: { reason: 'folder-read-only', text: (place) => `没有写入权限：${place}` },
  ENOENT: { reason: 'folder-missing', text: (place) => `找不到文件夹（磁盘可能已拔出）：${place}` },
  ENODEV: { reason: 'folder-missing', text: (place) => `磁盘不可用（可能已拔出）：${place}` },
  ENXIO: { reason: 'folder-missing', text: (place) => `磁盘不可用（可能已拔出）：${place}` },
  EIO: { reason: 'folder-missing', text: (place) => `读写磁盘出错（磁盘可能已拔出或损坏）：${place}` },
  ENOTDIR: { reason: 'folder-missing', text: (place) => `不是文件夹：${place}` },
};

/** A file-system error while writing to `place`, as a backup failure a person can act on. */
export function fileSystemFailure(error: unknown, place: string): DomainError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  const known = messages[code];
  if (known) return backupError(known.reason, known.text(place), { place, code }, 'unavailable');
  const detail = error instanceof Error ? error.message : String(error);
  return backupError('io', `读写文件失败：${place}（${detail}）`, { place, code: code || detail }, 'unavailable');
}
