import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { backupError } from '../../core/backup/errors';
import { backedUpEntries, excludedEntries } from '../../core/backup/schema';
import { DomainError } from '../../core/common/errors';
import { writeFileAtomic } from '../atomic-write';
import { acquireDataLock } from '../lock';
import { fileSystemFailure } from './fs-errors';
import { sha256, type DataFile } from './snapshot';

/** Targets being restored or moved into by this process (two at once into one folder are refused). */
const busyTargets = new Set<string>();

/** Is `inner` the folder `outer` or inside it? */
export function isInside(inner: string, outer: string): boolean {
  const relative = path.relative(path.resolve(outer), path.resolve(inner));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

async function entriesOf(folder: string): Promise<string[] | null> {
  try {
    return await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw fileSystemFailure(error, folder);
  }
}

/** Write files under `root` (each atomically), then read every one back and compare its sha256. */
async function writeAndVerify(root: string, files: DataFile[]): Promise<void> {
  for (const file of files) {
    const target = path.join(root, ...file.path.split('/'));
    try {
      await writeFileAtomic(target, file.data);
    } catch (error) {
      throw fileSystemFailure(error, root);
    }
  }
  for (const file of files) {
    const target = path.join(root, ...file.path.split('/'));
    let data: Buffer;
    try {
      data = await readFile(target);
    } catch (error) {
      throw fileSystemFailure(error, target);
    }
    if (sha256(data) !== file.sha256) {
      throw backupError('io', 'backupFile.verifyFailed', { place: target, path: file.path }, 'unavailable');
    }
  }
}

/**
 * Put `files` into a new (missing or empty) folder, verified file by file. Refused, with nothing written, when
 * the folder holds anything or another restore is writing it; on any failure what was written is removed again.
 */
export async function restoreIntoNewFolder(files: DataFile[], targetDir: string, options: { source?: string } = {}): Promise<{ target: string; files: number }> {
  const target = path.resolve(targetDir);
  if (options.source && (isInside(target, options.source) || isInside(options.source, target))) {
    throw backupError('target-inside-source', 'backupFile.targetInside', { place: target });
  }
  if (busyTargets.has(target)) {
    throw backupError('restore-running', 'backupFile.restoreWriting', { place: target }, 'locked');
  }
  busyTargets.add(target);
  try {
    const existing = await entriesOf(target);
    if (existing && existing.length > 0) {
      const onlyLock = existing.length === 1 && existing[0] === '.lock';
      if (onlyLock) {
        // Another process is restoring or has the folder open: the data lock says which.
        try {
          const lock = await acquireDataLock(target);
          await lock.release();
        } catch (error) {
          if (error instanceof DomainError && error.code === 'locked') {
            throw backupError('restore-running', 'backupFile.folderBusy', { place: target }, 'locked');
          }
          throw error;
        }
      } else {
        throw backupError('target-not-empty', 'backupFile.targetNotEmpty', { place: target }, 'conflict');
      }
    }
    const created = existing === null;
    try {
      await mkdir(target, { recursive: true });
    } catch (error) {
      throw fileSystemFailure(error, target);
    }
    let lock;
    try {
      lock = await acquireDataLock(target);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'locked') {
        throw backupError('restore-running', 'backupFile.folderBusy', { place: target }, 'locked');
      }
      throw fileSystemFailure(error, target);
    }
    try {
      await writeAndVerify(target, files);
    } catch (error) {
      for (const entry of backedUpEntries) await rm(path.join(target, entry), { recursive: true, force: true }).catch(() => undefined);
      await lock.release();
      if (created) await rmdir(target).catch(() => undefined);
      throw error;
    }
    await lock.release();
    return { target, files: files.length };
  } finally {
    busyTargets.delete(target);
  }
}

/**
 * Replace a data folder's contents with `files` (the folder must not be open: the caller closed its store and
 * took a safety backup). The files are written and verified in a staging folder inside it first; only then are
 * the old entries moved aside and the new ones renamed into place, and the old ones removed. A failure before
 * the switch leaves the folder as it was; a failure during it puts the old entries back.
 */
export async function replaceFolderContents(files: DataFile[], dataDir: string): Promise<{ target: string; files: number }> {
  const target = path.resolve(dataDir);
  if (busyTargets.has(target)) {
    throw backupError('restore-running', 'backupFile.restoreWriting', { place: target }, 'locked');
  }
  busyTargets.add(target);
  const suffix = randomBytes(4).toString('hex');
  const staging = path.join(target, `.restore-${suffix}.tmp`);
  const aside = path.join(target, `.replaced-${suffix}.tmp`);
  let lock;
  try {
    try {
      lock = await acquireDataLock(target);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'locked') {
        throw backupError('target-in-use', 'backupFile.targetInUse', { place: target }, 'locked');
      }
      throw fileSystemFailure(error, target);
    }
    try {
      await mkdir(staging);
      await writeAndVerify(staging, files);
    } catch (error) {
      await rm(staging, { recursive: true, force: true }).catch(() => undefined);
      throw error instanceof DomainError ? error : fileSystemFailure(error, target);
    }
    const moved: string[] = [];
    const placed: string[] = [];
    try {
      await mkdir(aside);
      for (const entry of [...backedUpEntries, ...excludedEntries.filter((name) => name === 'index')]) {
        try {
          await stat(path.join(target, entry));
        } catch {
          continue;
        }
        await rename(path.join(target, entry), path.join(aside, entry));
        moved.push(entry);
      }
      for (const entry of await readdir(staging)) {
        await rename(path.join(staging, entry), path.join(target, entry));
        placed.push(entry);
      }
    } catch (error) {
      for (const entry of placed) await rename(path.join(target, entry), path.join(staging, entry)).catch(() => undefined);
      for (const entry of moved) await rename(path.join(aside, entry), path.join(target, entry)).catch(() => undefined);
      await rm(staging, { recursive: true, force: true }).catch(() => undefined);
      await rm(aside, { recursive: true, force: true }).catch(() => undefined);
      throw fileSystemFailure(error, target);
    }
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    await rm(aside, { recursive: true, force: true }).catch(() => undefined);
    return { target, files: files.length };
  } finally {
    await lock?.release();
    busyTargets.delete(target);
  }
}
