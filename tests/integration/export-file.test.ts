/**
 * writeExportFile: all or nothing. A locked (EBUSY/EPERM), read-only (EROFS/EACCES) or full (ENOSPC)
 * destination gives a clear Chinese error, leaves no temporary or partial file, and an existing file untouched.
 * Linux cannot make a file busy the way Word does on Windows, so those cases inject the failing operation.
 */
import { spawnSync } from 'node:child_process';
import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { exportFileError, nodeExportFileSystem, writeExportFile, type ExportFileSystem } from '../../electron/store/export-file';
import { makeTempDir } from '../helpers/temp-store';

const bytes = new Uint8Array(Buffer.from('PK\u0003\u0004 新的导出文件内容'.repeat(100)));

function failure(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

/** A folder with an old export in it. */
async function folderWithOldFile(): Promise<{ dir: string; target: string }> {
  const dir = await makeTempDir('reportdesk-export-file-');
  const target = path.join(dir, '市场分析报告_城关片区_2026年10月_张三.docx');
  await writeFile(target, 'old content');
  return { dir, target };
}

describe('writeExportFile', () => {
  it('writes a new file and leaves nothing else in the folder', async () => {
    const dir = await makeTempDir('reportdesk-export-file-');
    const target = path.join(dir, '文稿台账_2026年10月.xlsx');
    await writeExportFile(target, bytes);
    expect(new Uint8Array(await readFile(target))).toEqual(bytes);
    expect(await readdir(dir)).toEqual(['文稿台账_2026年10月.xlsx']);
  });

  it('replaces an existing file (the user confirmed it in the save dialog) in one step', async () => {
    const { dir, target } = await folderWithOldFile();
    const renames: string[][] = [];
    await writeExportFile(target, bytes, {
      ...nodeExportFileSystem,
      rename: async (from, to) => {
        // Up to the rename the old file is whole and the new one complete beside it.
        expect(await readFile(target, 'utf8')).toBe('old content');
        expect(new Uint8Array(await readFile(from))).toEqual(bytes);
        renames.push([path.dirname(from), to]);
        await nodeExportFileSystem.rename(from, to);
      },
    });
    expect(renames).toEqual([[dir, target]]);
    expect(new Uint8Array(await readFile(target))).toEqual(bytes);
    expect(await readdir(dir)).toEqual([path.basename(target)]);
  });

  it('a full disk: a clear error, no partial file, the old file untouched', async () => {
    const { dir, target } = await folderWithOldFile();
    // The writer gets half-way, then the disk is full.
    const full: ExportFileSystem = {
      ...nodeExportFileSystem,
      open: async (file, flags) => {
        const handle = await nodeExportFileSystem.open(file, flags);
        return {
          writeFile: async (data) => {
            await handle.writeFile(data.subarray(0, data.byteLength / 2));
            throw failure('ENOSPC');
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      },
    };
    await expect(writeExportFile(target, bytes, full)).rejects.toMatchObject({
      code: 'unavailable',
      systemCode: 'ENOSPC',
      message: expect.stringMatching(/^磁盘空间不足，无法保存“市场分析报告_城关片区_2026年10月_张三\.docx”（约需 \d+ KB）/),
    });
    expect(await readdir(dir)).toEqual([path.basename(target)]);
    expect(await readFile(target, 'utf8')).toBe('old content');
  });

  it.each([
    ['EBUSY', 'locked', /正被其他程序占用（可能已在 Word 或 Excel 中打开）/],
    ['EPERM', 'locked', /系统拒绝写入（文件可能已在 Word 或 Excel 中打开，或被设为只读）/],
  ])('a file open in Word (%s on Windows): %s, the temporary file removed, the old file untouched', async (systemCode, code, message) => {
    const { dir, target } = await folderWithOldFile();
    const locked: ExportFileSystem = {
      ...nodeExportFileSystem,
      rename: async () => {
        throw failure(systemCode);
      },
    };
    await expect(writeExportFile(target, bytes, locked)).rejects.toMatchObject({ code, systemCode, message: expect.stringMatching(message) });
    expect(await readdir(dir)).toEqual([path.basename(target)]);
    expect(await readFile(target, 'utf8')).toBe('old content');
  });

  it('a folder that does not exist: not-found naming it', async () => {
    const dir = await makeTempDir('reportdesk-export-file-');
    await expect(writeExportFile(path.join(dir, 'missing', 'a.docx'), bytes)).rejects.toMatchObject({
      code: 'not-found',
      message: `保存位置不存在：${path.join(dir, 'missing')}`,
    });
  });

  it('maps the other system errors to clear messages', () => {
    expect(exportFileError(failure('EACCES'), '/srv/share/a.docx', 10)).toMatchObject({ code: 'forbidden', message: expect.stringContaining('没有写入该文件夹的权限') });
    expect(exportFileError(failure('EROFS'), '/media/usb/a.docx', 10)).toMatchObject({ code: 'forbidden', message: expect.stringContaining('只读') });
    expect(exportFileError(failure('EISDIR'), '/home/a', 10)).toMatchObject({ code: 'invalid-input' });
    expect(exportFileError(new Error('odd'), '/home/a.docx', 10)).toMatchObject({ code: 'internal', message: '保存“a.docx”失败：odd' });
  });
});

/**
 * A folder the process really cannot write to: chmod 555 for a normal user; for root (who ignores
 * permissions) a read-only tmpfs mount where the system allows mounting; otherwise the test is skipped.
 */
async function readOnlyFolder(): Promise<string | null> {
  const dir = await makeTempDir('reportdesk-readonly-');
  if (process.getuid?.() !== 0) {
    await chmod(dir, 0o555);
    onTestFinished(() => chmod(dir, 0o755));
    return dir;
  }
  const mountPoint = path.join(dir, 'ro');
  await mkdir(mountPoint);
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', mountPoint], { encoding: 'utf8' });
  if (mounted.status !== 0) return null;
  onTestFinished(() => void spawnSync('umount', [mountPoint]));
  return mountPoint;
}

describe('writeExportFile into a read-only folder', () => {
  it('refuses with a clear message and leaves nothing behind', async (context) => {
    const dir = await readOnlyFolder();
    if (!dir) {
      context.skip();
      return;
    }
    const target = path.join(dir, '会议材料.docx');
    await expect(writeExportFile(target, bytes)).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/只读|没有写入该文件夹的权限/),
    });
    expect(await readdir(dir)).toEqual([]);
  });
});
