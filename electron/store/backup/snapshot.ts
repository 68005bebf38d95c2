import { createHash } from 'node:crypto';
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { backedUpEntries } from '../../core/backup/schema';

export interface DataFile {
  /** Relative to the data folder, `/`-separated. */
  path: string;
  data: Uint8Array;
  sha256: string;
}

/** Temporary files of atomic writes and sync tools: never part of a backup. */
export function isTemporaryName(name: string): boolean {
  return name.endsWith('.tmp') || name.startsWith('.syncthing.') || name.startsWith('~syncthing~');
}

export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

async function walk(root: string, relative: string, out: DataFile[]): Promise<void> {
  const full = path.join(root, relative);
  let info;
  try {
    info = await lstat(full);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (info.isSymbolicLink()) return;
  if (info.isDirectory()) {
    const names = (await readdir(full)).sort();
    for (const name of names) {
      if (isTemporaryName(name)) continue;
      await walk(root, `${relative}/${name}`, out);
    }
    return;
  }
  if (!info.isFile()) return;
  const data = new Uint8Array(await readFile(full));
  out.push({ path: relative, data, sha256: sha256(data) });
}

/**
 * Read every file a backup holds from a data folder, in a stable order. The caller makes the folder hold still
 * (the act gate) while this runs; the bytes are in memory afterwards, so the app may go on at once.
 */
export async function readDataFiles(dataDir: string): Promise<DataFile[]> {
  const files: DataFile[] = [];
  for (const entry of backedUpEntries) await walk(dataDir, entry, files);
  return files;
}
