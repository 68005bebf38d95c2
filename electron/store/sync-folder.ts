/**
 * File work on the office folder: listing someone's outbox without following links or reading anything that
 * is not a finished package, and writing into one's own subfolder only (write a temporary name, rename).
 */
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { classifyEntry, isPersonFolderName, outboxFolderName, parsePackageFileName, temporaryNameFor } from '../core/sync/layout';

export interface OutboxFile {
  name: string;
  recipient: string;
  seq: number;
}

function code(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** The package files in a folder's outbox (names only; engine temp files, conflict copies and strays skipped). */
export async function listOutbox(officeFolder: string, owner: string): Promise<OutboxFile[]> {
  if (!isPersonFolderName(owner)) return [];
  let names: string[];
  try {
    names = await readdir(path.join(officeFolder, owner, outboxFolderName));
  } catch (error) {
    if (code(error) === 'ENOENT' || code(error) === 'ENOTDIR') return [];
    throw error;
  }
  const files: OutboxFile[] = [];
  for (const name of names) {
    if (classifyEntry(name) !== 'package') continue;
    const parsed = parsePackageFileName(name)!;
    files.push({ name, ...parsed });
  }
  return files.sort((a, b) => a.seq - b.seq);
}

/** The person subfolders of the office folder (names that are fingerprints, real directories, not links). */
export async function listPersonFolders(officeFolder: string): Promise<{ name: string; link: boolean }[]> {
  const entries = await readdir(officeFolder, { withFileTypes: true });
  return entries
    .filter((entry) => isPersonFolderName(entry.name) && (entry.isDirectory() || entry.isSymbolicLink()))
    .map((entry) => ({ name: entry.name, link: entry.isSymbolicLink() }));
}

export type ReadOutcome =
  | { ok: true; bytes: Buffer; stamp: string }
  | { ok: false; reason: 'gone' | 'symlink' | 'not-a-file' | 'too-large'; stamp: string; size: number };

/** Read a file of someone else's subfolder: never through a link, never more than `maxBytes`. */
export async function readPeerFile(file: string, maxBytes: number): Promise<ReadOutcome> {
  let info;
  try {
    info = await lstat(file);
  } catch (error) {
    if (code(error) === 'ENOENT') return { ok: false, reason: 'gone', stamp: '', size: 0 };
    throw error;
  }
  const stamp = `${info.size}:${Math.round(info.mtimeMs)}`;
  if (info.isSymbolicLink()) return { ok: false, reason: 'symlink', stamp, size: info.size };
  if (!info.isFile()) return { ok: false, reason: 'not-a-file', stamp, size: info.size };
  if (info.size > maxBytes) return { ok: false, reason: 'too-large', stamp, size: info.size };
  try {
    const bytes = await readFile(file);
    if (bytes.length > maxBytes) return { ok: false, reason: 'too-large', stamp, size: bytes.length };
    return { ok: true, bytes, stamp };
  } catch (error) {
    if (code(error) === 'ENOENT') return { ok: false, reason: 'gone', stamp, size: 0 };
    throw error;
  }
}

/** A small file of someone's subfolder (identity, acks, roster), or null if missing, a link or too large. */
export async function readPeerText(file: string, maxBytes = 1024 * 1024): Promise<string | null> {
  const outcome = await readPeerFile(file, maxBytes);
  return outcome.ok ? outcome.bytes.toString('utf8') : null;
}

/**
 * Write a file in my own subfolder: a temporary name nobody reads, then a rename, so a reader (or the sync
 * engine) only ever sees complete files. The temporary file is removed if anything fails (e.g. a full disk).
 */
export async function writeOwnFile(file: string, data: string | Uint8Array): Promise<void> {
  const directory = path.dirname(file);
  await mkdir(directory, { recursive: true });
  const temporary = path.join(directory, temporaryNameFor(path.basename(file), randomBytes(4).toString('hex')));
  try {
    await writeFile(temporary, data);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** Our own temporary files left by an interrupted write (only the owner ever makes them). */
export async function removeOwnTemporaries(directory: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(directory);
  } catch {
    return;
  }
  for (const name of names) if (classifyEntry(name) === 'own-temp') await rm(path.join(directory, name), { force: true }).catch(() => undefined);
}

/** A file-system error in words a person can act on (zh-CN), and a stable code. */
export function describeIoError(error: unknown, where: string): { code: string; message: string } {
  switch (code(error)) {
    case 'ENOSPC':
      return { code: 'disk-full', message: `${where}所在的磁盘已满：待发送的内容会在有空间后自动补发` };
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return { code: 'read-only', message: `${where}不可写（只读或没有权限）：收到的内容照常导入，你的提交暂时发不出去` };
    case 'ENOENT':
    case 'ENOTDIR':
      return { code: 'missing', message: `找不到${where}（U 盘未插入或网络共享已断开？）：恢复后自动继续` };
    default:
      return { code: 'io', message: `${where}读写失败：${error instanceof Error ? error.message : String(error)}` };
  }
}
