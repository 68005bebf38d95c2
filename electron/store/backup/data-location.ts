import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../atomic-write';

/**
 * The pointer file that remembers a moved data folder: `{ version: 1, moves: { "<old>": "<new>" } }`. The app
 * starts from its usual folder (REPORTDESK_DATA_DIR, ~/.reportdesk, or Electron's userData) and follows the
 * pointer, so the next start opens the folder the person moved their data to.
 */
const pointerSchema = z.object({ version: z.literal(1), moves: z.record(z.string(), z.string()) }).strict();
type Pointer = z.infer<typeof pointerSchema>;

function readPointer(pointerFile: string): Pointer {
  try {
    const parsed = pointerSchema.safeParse(JSON.parse(readFileSync(pointerFile, 'utf8')));
    return parsed.success ? parsed.data : { version: 1, moves: {} };
  } catch {
    return { version: 1, moves: {} };
  }
}

/** The folder to open: `start`, or where a recorded move (or chain of moves) took it. */
export function resolveDataDir(start: string, pointerFile: string | null): { dataDir: string; moved: boolean } {
  let current = path.resolve(start);
  if (!pointerFile) return { dataDir: current, moved: false };
  const { moves } = readPointer(pointerFile);
  const seen = new Set<string>([current]);
  for (let hop = 0; hop < 16 && moves[current]; hop++) {
    const next = path.resolve(moves[current]);
    if (seen.has(next)) break;
    seen.add(next);
    current = next;
  }
  return { dataDir: current, moved: current !== path.resolve(start) };
}

/** Record that the folder opened from `start` now lives at `to` (written atomically). */
export async function recordMove(pointerFile: string, start: string, to: string): Promise<void> {
  const pointer = readPointer(pointerFile);
  pointer.moves[path.resolve(start)] = path.resolve(to);
  await writeFileAtomic(pointerFile, `${JSON.stringify(pointer, null, 2)}\n`);
}
