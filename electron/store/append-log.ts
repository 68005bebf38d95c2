import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterWriteStep, beforeWriteStep, SimulatedCrash, tornAppend } from './write-seam';

/**
 * Where the bytes cut from a torn log tail go: each open store registers its data folder's quarantine, and a
 * torn tail found in a file under that folder is kept there and reported (设置 → problems).
 */
export type TornTailSink = (file: string, cut: Buffer) => Promise<void>;

const sinks = new Map<string, TornTailSink>();

/** Register (and with the returned function unregister) where torn tails under `dataDir` are kept. */
export function registerTornTailSink(dataDir: string, sink: TornTailSink): () => void {
  const key = path.resolve(dataDir);
  sinks.set(key, sink);
  // A newly opened folder: whatever happened to its files before (another process, a hand edit) is checked again.
  for (const file of wholeTails) if (file.startsWith(key + path.sep)) wholeTails.delete(file);
  return () => {
    if (sinks.get(key) === sink) sinks.delete(key);
  };
}

function sinkFor(file: string): TornTailSink | null {
  let best: string | null = null;
  for (const dir of sinks.keys()) {
    if ((file === dir || file.startsWith(dir + path.sep)) && (!best || dir.length > best.length)) best = dir;
  }
  return best ? sinks.get(best)! : null;
}

/**
 * Files whose tail this process has seen to end with a complete line. A failed append (a full disk may
 * write part of the text) takes the file out again, so the next append checks it.
 */
const wholeTails = new Set<string>();

/**
 * Cut a torn last line (a crash or a full disk while appending) back to the end of the last complete line;
 * the cut bytes go to the folder's quarantine and are reported. Returns the bytes cut (0 when the tail was whole
 * or the file does not exist).
 */
export async function repairTornTail(file: string): Promise<number> {
  let handle;
  try {
    handle = await open(file, 'r+');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  let cut: Buffer | null = null;
  try {
    const size = (await handle.stat()).size;
    if (size === 0) return 0;
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, size - 1);
    if (last[0] === 0x0a) return 0;
    // Read backwards in blocks to the last line break.
    let end = size;
    let keep = 0;
    const block = 64 * 1024;
    while (end > 0) {
      const start = Math.max(0, end - block);
      const bytes = Buffer.alloc(end - start);
      await handle.read(bytes, 0, bytes.length, start);
      const at = bytes.lastIndexOf(0x0a);
      if (at >= 0) {
        keep = start + at + 1;
        break;
      }
      end = start;
    }
    cut = Buffer.alloc(size - keep);
    await handle.read(cut, 0, cut.length, keep);
    const sink = sinkFor(path.resolve(file));
    beforeWriteStep('write', file);
    // Kept before the file is cut, so a crash in between loses nothing (the cut is redone next time).
    if (sink) await sink(file, cut);
    await handle.truncate(keep);
    await handle.sync();
    afterWriteStep('write', file);
  } finally {
    await handle.close();
  }
  return cut ? cut.length : 0;
}

/**
 * Append lines to a file durably (write, fsync) — the only way review records and journals grow. A torn last
 * line left by an earlier crash is cut off first (see repairTornTail), so the new lines never join it.
 */
export async function appendDurably(file: string, text: string): Promise<void> {
  const key = path.resolve(file);
  if (!wholeTails.has(key)) {
    await repairTornTail(file);
    wholeTails.add(key);
  }
  beforeWriteStep('append', file);
  const torn = tornAppend(file, text);
  const handle = await open(file, 'a');
  try {
    if (torn !== undefined) {
      await handle.write(torn);
      await handle.sync();
      wholeTails.delete(key);
      throw new SimulatedCrash('torn append', file);
    }
    await handle.write(text);
    await handle.sync();
  } catch (error) {
    wholeTails.delete(key);
    throw error;
  } finally {
    await handle.close();
  }
  afterWriteStep('append', file);
}

/** Forget which files were seen whole (a crash test's reopen, where this process stands for a new one). */
export function forgetWholeTails(): void {
  wholeTails.clear();
}

/** The lines of a file ('' and a torn last line dropped); an empty list when it does not exist. */
export async function readLines(file: string): Promise<{ lines: string[]; tornTail: boolean }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { lines: [], tornTail: false };
    throw error;
  }
  const lines = text.split('\n');
  const last = lines.pop() ?? '';
  return { lines: lines.filter((line) => line !== ''), tornTail: last !== '' };
}
