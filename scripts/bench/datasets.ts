/**
 * The generated offices the benchmark runs on, cached under .tmp/bench/office-<count>/ and made once (with
 * `npm run seed:large`'s code, in a child process); a marker file records the generator's fingerprint, so a
 * changed generator makes a fresh office.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { log, root, run, tsx } from './lib';

export const cacheDir = path.join(root, '.tmp', 'bench');

/** Hash of the generator's sources: a different generator makes different offices. */
function generatorFingerprint(): string {
  const hash = createHash('sha256');
  const folders = [path.join(root, 'scripts', 'seed'), path.join(root, 'seeds', 'templates')];
  for (const folder of folders) {
    for (const name of readdirSync(folder).sort()) hash.update(name).update(readFileSync(path.join(folder, name)));
  }
  hash.update(readFileSync(path.join(root, 'electron', 'store', 'bulk-load.ts')));
  return hash.digest('hex').slice(0, 16);
}

export interface Office {
  count: number;
  dataDir: string;
  /** Seconds it took to generate, when generated in this run. */
  seededSeconds: number | null;
  /** What the seed printed (documents, revisions, review records, size). */
  summary: string;
}

/** The office of `count` documents, generated if missing or made by another generator. */
export async function ensureOffice(count: number): Promise<Office> {
  const dataDir = path.join(cacheDir, `office-${count}`);
  const markerFile = `${dataDir}.json`;
  const fingerprint = generatorFingerprint();
  if (existsSync(markerFile) && existsSync(dataDir)) {
    const marker = JSON.parse(readFileSync(markerFile, 'utf8')) as { count: number; fingerprint: string; summary: string };
    if (marker.count === count && marker.fingerprint === fingerprint) return { count, dataDir, seededSeconds: null, summary: marker.summary };
  }
  await rm(dataDir, { recursive: true, force: true });
  await rm(markerFile, { force: true });
  await mkdir(cacheDir, { recursive: true });
  log(`  generating an office of ${count} documents into ${path.relative(root, dataDir)} (once; cached for later runs) …`);
  const started = performance.now();
  // A larger young generation: the seed allocates many short-lived objects (about a third less time in GC).
  const env = { ...process.env, NODE_OPTIONS: [process.env.NODE_OPTIONS, '--max-semi-space-size=64'].filter(Boolean).join(' ') };
  const result = await run(tsx, [path.join(root, 'scripts', 'seed-large.ts'), '--count', String(count), '--data', dataDir], { env });
  if (result.code !== 0) throw new Error(`seeding ${count} documents failed:\n${result.stderr || result.stdout}`);
  const seconds = (performance.now() - started) / 1000;
  const summary = result.stdout.trim().split('\n').pop() ?? '';
  await writeFile(markerFile, JSON.stringify({ count, fingerprint, summary, seconds }, null, 1));
  log(`  ${summary}`);
  return { count, dataDir, seededSeconds: seconds, summary };
}
