import { promisify } from 'node:util';
import { crc32, deflateRaw } from 'node:zlib';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { backupError } from '../../core/backup/errors';
import {
  backedUpEntries,
  backupFileName,
  backupFormat,
  backupFormatVersion,
  backupManifestSchema,
  backupTimeFromName,
  dataPrefix,
  manifestHeadSchema,
  manifestName,
  type BackupManifest,
  type BackupReason,
  type BackupSummary,
} from '../../core/backup/schema';
import { summarizeDataFiles } from '../../core/backup/summary';
import { buildZip, readZip, ZipError, type RawZipEntry, type ZipLimits } from '../../core/exchange/zip';
import { writeFileAtomic } from '../atomic-write';
import { fileSystemFailure } from './fs-errors';
import { sha256, type DataFile } from './snapshot';

const deflate = promisify(deflateRaw);
const MB = 1024 * 1024;

/** A backup is a whole data folder: far larger limits than an exchange package, still no zip bombs. */
export const backupZipLimits: ZipLimits = {
  maxEntries: 65_000,
  maxEntrySize: 512 * MB,
  maxTotalSize: 3_900 * MB,
  maxRatio: 2_000,
  ratioFloor: 4 * MB,
};

async function zipEntry(name: string, data: Uint8Array): Promise<RawZipEntry> {
  // Asynchronous deflate: the app's event loop keeps serving while a large backup is compressed.
  const deflated = await deflate(data, { level: 6 });
  const useDeflate = deflated.length < data.length;
  return { name, stored: useDeflate ? deflated : data, method: useDeflate ? 8 : 0, crc: crc32(data) >>> 0, uncompressedSize: data.length };
}

export interface WrittenBackup {
  file: string;
  at: string;
  size: number;
  files: number;
  manifest: BackupManifest;
}

/**
 * Write a backup of `files` into `folder` as one zip (manifest first, then `data/<path>`), all or nothing: a
 * temporary file, fsync, rename, then the written file is read back and compared. A full disk, a read-only or
 * missing folder leaves no file behind and says why.
 */
export async function writeBackupFile(options: {
  files: DataFile[];
  folder: string;
  source: string;
  reason: BackupReason;
  app: { name: string; version: string };
  now: Date;
}): Promise<WrittenBackup> {
  const { files, folder, now } = options;
  const manifest: BackupManifest = {
    format: backupFormat,
    version: backupFormatVersion,
    createdAt: now.toISOString(),
    app: options.app,
    source: options.source,
    reason: options.reason,
    files: files.map((file) => ({ path: file.path, size: file.data.length, sha256: file.sha256 })),
    totalSize: files.reduce((sum, file) => sum + file.data.length, 0),
  };
  const entries: RawZipEntry[] = [await zipEntry(manifestName, new TextEncoder().encode(JSON.stringify(manifest, null, 1)))];
  for (const file of files) entries.push(await zipEntry(`${dataPrefix}${file.path}`, file.data));
  const bytes = buildZip(entries, now);

  try {
    const info = await stat(folder);
    if (!info.isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
  } catch (error) {
    throw fileSystemFailure(error, folder);
  }
  let name = backupFileName(now);
  for (let serial = 1; serial < 100; serial++) {
    try {
      await stat(path.join(folder, name));
      name = backupFileName(now, serial);
    } catch {
      break;
    }
  }
  const file = path.join(folder, name);
  try {
    await writeFileAtomic(file, bytes);
  } catch (error) {
    throw fileSystemFailure(error, folder);
  }
  let written: Buffer;
  try {
    written = await readFile(file);
  } catch (error) {
    throw fileSystemFailure(error, file);
  }
  if (sha256(written) !== sha256(bytes)) {
    throw backupError('io', 'backupFile.readBackDiffers', { place: file }, 'unavailable');
  }
  return { file, at: manifest.createdAt, size: bytes.length, files: files.length, manifest };
}

export interface ReadBackup {
  file: string;
  manifest: BackupManifest;
  /** Every data file, checked against the manifest's size and sha256. */
  files: DataFile[];
  summary: BackupSummary;
  size: number;
}

function isSafeDataPath(relative: string): boolean {
  const top = relative.split('/')[0];
  return (backedUpEntries as readonly string[]).includes(top);
}

/**
 * Read and check a backup file completely before anything is written anywhere: a zip, a ReportDesk manifest of
 * a version this build reads, every listed file present with its size and sha256, nothing unlisted, nothing
 * outside the data folder's known entries. Each refusal has its own reason.
 */
export async function readBackupFile(file: string): Promise<ReadBackup> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw backupError('not-found', 'backupFile.notFound', { place: file }, 'not-found');
    }
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') {
      throw backupError('not-backup', 'backupFile.isFolder', { place: file });
    }
    throw fileSystemFailure(error, file);
  }
  let entries;
  try {
    entries = readZip(bytes, backupZipLimits);
  } catch (error) {
    if (!(error instanceof ZipError)) throw error;
    if (error.problem === 'empty' || error.problem === 'not-zip') {
      throw backupError('not-backup', 'backupFile.notZip', { place: file, name: path.basename(file) });
    }
    if (error.problem === 'truncated') {
      throw backupError('truncated', 'backupFile.truncated', { place: file, name: path.basename(file) });
    }
    throw backupError('corrupt', 'backupFile.corrupt', { place: file, name: path.basename(file), details: error.message, detail: error.problem });
  }
  const manifestEntry = entries.find((entry) => entry.name === manifestName);
  let manifestJson: unknown = null;
  try {
    manifestJson = manifestEntry ? JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(manifestEntry.data)) : null;
  } catch {
    manifestJson = null;
  }
  const head = manifestHeadSchema.safeParse(manifestJson);
  if (!head.success) {
    throw backupError('not-backup', 'backupFile.noManifest', { place: file, name: path.basename(file) });
  }
  if (head.data.version > backupFormatVersion) {
    throw backupError(
      'newer-format',
      'backupFile.newerFormat',
      { place: file, version: head.data.version, supported: backupFormatVersion },
    );
  }
  const parsed = backupManifestSchema.safeParse(manifestJson);
  if (!parsed.success) {
    throw backupError('manifest-invalid', 'backupFile.manifestInvalid', { place: file, name: path.basename(file) });
  }
  const manifest = parsed.data;
  const byName = new Map(entries.map((entry) => [entry.name, entry.data]));
  const listed = new Set<string>();
  const files: DataFile[] = [];
  for (const item of manifest.files) {
    if (!isSafeDataPath(item.path) || listed.has(item.path) || item.path.split('/').some((part) => part === '..' || part === '.' || part === '')) {
      throw backupError('manifest-invalid', 'backupFile.badPath', { place: file, path: item.path });
    }
    listed.add(item.path);
    const data = byName.get(`${dataPrefix}${item.path}`);
    if (!data) throw backupError('hash-mismatch', 'backupFile.missingFile', { place: file, path: item.path });
    if (data.length !== item.size || sha256(data) !== item.sha256) {
      throw backupError('hash-mismatch', 'backupFile.hashMismatch', { place: file, path: item.path });
    }
    files.push({ path: item.path, data, sha256: item.sha256 });
  }
  for (const entry of entries) {
    if (entry.name === manifestName) continue;
    if (!entry.name.startsWith(dataPrefix) || !listed.has(entry.name.slice(dataPrefix.length))) {
      throw backupError('manifest-invalid', 'backupFile.unlisted', { place: file, path: entry.name });
    }
  }
  return { file, manifest, files, summary: summarizeDataFiles(files), size: bytes.length };
}

export interface BackupListing {
  name: string;
  file: string;
  at: string;
  size: number;
}

/** The backups in a folder (our file names only), newest first; an empty list when the folder is missing. */
export async function listBackups(folder: string): Promise<BackupListing[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const out: BackupListing[] = [];
  for (const name of names) {
    const at = backupTimeFromName(name);
    if (!at) continue;
    try {
      const info = await stat(path.join(folder, name));
      if (info.isFile()) out.push({ name, file: path.join(folder, name), at: at.toISOString(), size: info.size });
    } catch {
      // Removed meanwhile.
    }
  }
  return out.sort((a, b) => b.name.localeCompare(a.name));
}
