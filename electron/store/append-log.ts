import { open, readFile } from 'node:fs/promises';

/**
 * Append lines to a file durably (write, fsync) — the only way review records and journals grow.
 * A crash mid-write can leave at most a torn last line, which readers ignore.
 */
export async function appendDurably(file: string, text: string): Promise<void> {
  const handle = await open(file, 'a');
  try {
    await handle.write(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
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
