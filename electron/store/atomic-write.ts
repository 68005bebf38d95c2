import { randomBytes } from 'node:crypto';
import { closeSync, fsync, openSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterWriteStep, beforeWriteStep } from './write-seam';

/**
 * fsync a directory so a rename inside it survives a power cut; not supported everywhere (Windows). Opening
 * and closing a directory are cheap system calls, done synchronously; only the fsync goes to the thread pool
 * (a save costs one thread-pool round trip here instead of three).
 */
async function syncDirectory(directory: string): Promise<void> {
  let descriptor: number;
  try {
    descriptor = openSync(directory, 'r');
  } catch {
    // Directories cannot be opened on some platforms; the rename is still atomic there.
    return;
  }
  try {
    await new Promise<void>((resolve) => fsync(descriptor, () => resolve()));
  } finally {
    closeSync(descriptor);
  }
}

/** Open a new file for writing, creating its folder only when it is missing (the common case costs nothing). */
async function openForWriting(file: string) {
  try {
    return await open(file, 'w');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await mkdir(path.dirname(file), { recursive: true });
    return open(file, 'w');
  }
}

/**
 * Write a file so that a crash at any moment leaves either the old or the new content, never a mix:
 * write a temporary file in the same folder, fsync it, rename it over the target, fsync the folder.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const directory = path.dirname(file);
  const temporary = path.join(directory, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  beforeWriteStep('write', file);
  const handle = await openForWriting(temporary);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  afterWriteStep('write', temporary);
  try {
    beforeWriteStep('rename', file);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await syncDirectory(directory);
  afterWriteStep('rename', file);
}
