/**
 * Writing an exported file where the user chose (the save dialog in Electron, `--out` in the CLI): all or
 * nothing. The bytes go to a hidden temporary file in the same folder, are flushed to disk, and the temporary
 * file is renamed over the target; on any failure it is removed, so a locked, read-only or full destination
 * leaves neither a partial file nor a changed old one, and the error says what happened in plain Chinese.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { DomainError, type ErrorCode } from '../core/common/errors';

/** The file operations used, replaceable in tests (Linux cannot make a file busy the way Word does on Windows). */
export interface ExportFileSystem {
  open(file: string, flags: 'wx'): Promise<{ writeFile(data: Uint8Array): Promise<void>; sync(): Promise<void>; close(): Promise<void> }>;
  rename(from: string, to: string): Promise<void>;
  rm(file: string, options: { force: true }): Promise<void>;
}

export const nodeExportFileSystem: ExportFileSystem = { open, rename, rm };

/** A file that could not be written; `systemCode` is the operating system's code (EBUSY, ENOSPC …). */
export class ExportFileError extends DomainError {
  readonly systemCode: string | undefined;

  constructor(code: ErrorCode, message: string, systemCode?: string) {
    super(code, message);
    this.name = 'ExportFileError';
    this.systemCode = systemCode;
  }
}

function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.ceil(bytes / 1024))} KB`;
}

/** The user-facing error for a failed write of `target`. */
export function exportFileError(error: unknown, target: string, size: number): ExportFileError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const name = path.basename(target);
  const folder = path.dirname(target);
  switch (code) {
    case 'EBUSY':
    case 'ETXTBSY':
      return new ExportFileError('locked', `无法保存“${name}”：该文件正被其他程序占用（可能已在 Word 或 Excel 中打开）。请先关闭它再重试，或另存为其他文件名。原文件未被改动。`, code);
    case 'EPERM':
      return new ExportFileError(
        'locked',
        `无法保存“${name}”：系统拒绝写入（文件可能已在 Word 或 Excel 中打开，或被设为只读）。请关闭该文件或另存为其他文件名后重试。原文件未被改动。`,
        code,
      );
    case 'EACCES':
      return new ExportFileError('forbidden', `无法保存到“${folder}”：没有写入该文件夹的权限。请另选一个文件夹（例如“文档”或桌面）。`, code);
    case 'EROFS':
      return new ExportFileError('forbidden', `无法保存到“${folder}”：该位置是只读的（例如写保护的 U 盘或光盘）。请另选保存位置。`, code);
    case 'ENOSPC':
    case 'EDQUOT':
      return new ExportFileError(
        'unavailable',
        `磁盘空间不足，无法保存“${name}”（约需 ${sizeText(size)}）。请清理磁盘或另选保存位置；没有留下不完整的文件。`,
        code,
      );
    case 'ENOENT':
    case 'ENOTDIR':
      return new ExportFileError('not-found', `保存位置不存在：${folder}`, code);
    case 'EISDIR':
      return new ExportFileError('invalid-input', `“${target}”是一个文件夹，请指定文件名。`, code);
    case 'ENAMETOOLONG':
      return new ExportFileError('invalid-input', `文件名或路径过长，请换一个较短的名称或位置：${target}`, code);
    default:
      return new ExportFileError('internal', `保存“${name}”失败：${error instanceof Error ? error.message : String(error)}`, code);
  }
}

/**
 * Write `bytes` to `target` atomically (temporary file in the same folder, fsync, rename). An existing file is
 * replaced only when the new one is complete. Throws an ExportFileError; nothing is left behind on failure.
 */
export async function writeExportFile(target: string, bytes: Uint8Array, fileSystem: ExportFileSystem = nodeExportFileSystem): Promise<void> {
  const resolved = path.resolve(target);
  const temporary = path.join(path.dirname(resolved), `.${path.basename(resolved)}.${process.pid}.${randomBytes(4).toString('hex')}.part`);
  let handle: Awaited<ReturnType<ExportFileSystem['open']>> | undefined;
  try {
    handle = await fileSystem.open(temporary, 'wx');
  } catch (error) {
    throw exportFileError(error, resolved, bytes.byteLength);
  }
  try {
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fileSystem.rename(temporary, resolved);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fileSystem.rm(temporary, { force: true }).catch(() => undefined);
    throw exportFileError(error, resolved, bytes.byteLength);
  }
}
