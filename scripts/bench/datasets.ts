/**
 * The generated offices the benchmark runs on, cached under .tmp/bench/office-<count>/ and made once (with
 * `npm run seed:large`'s code, in a child process); a marker file records the generator's fingerprint, so a
 * changed generator makes a fresh office.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { copyFile, cp, link, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openStore } from '../../electron/store/open-store';
import { FileReportRepository, reportFilePath } from '../../electron/store/report-repository';
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

/**
 * A smaller office taken from a larger one: `count` of its documents, spread over the five years, hard-linked
 * (a save replaces a file by renaming a new one over it, so the larger office never changes), with their index.
 * It has the documents, profiles and templates; not the review logs (the save benchmark does not read them).
 */
export async function deriveOffice(source: Office, count: number): Promise<Office> {
  const dataDir = path.join(cacheDir, `office-${count}-of-${source.count}`);
  const markerFile = `${dataDir}.json`;
  const sourceMarker = readFileSync(`${source.dataDir}.json`, 'utf8');
  const fingerprint = createHash('sha256').update(sourceMarker).update(String(count)).digest('hex').slice(0, 16);
  const summary = `${count} documents taken from the ${source.count.toLocaleString('en-US')}-document office (hard links and an index of their own)`;
  if (existsSync(markerFile) && existsSync(dataDir) && (JSON.parse(readFileSync(markerFile, 'utf8')) as { fingerprint: string }).fingerprint === fingerprint) {
    return { count, dataDir, seededSeconds: null, summary };
  }
  await rm(dataDir, { recursive: true, force: true });
  await mkdir(dataDir, { recursive: true });
  await cp(path.join(source.dataDir, 'profiles'), path.join(dataDir, 'profiles'), { recursive: true });
  const from = await openStore({ dataDir: source.dataDir, backgroundCheck: false });
  const all = await from.services.reports.list();
  await from.close();
  const chosen = Array.from({ length: Math.min(count, all.length) }, (_, index) => all[Math.floor((index * all.length) / count)]);
  const store = await openStore({ dataDir, backgroundCheck: false });
  try {
    for (const item of chosen) {
      const target = reportFilePath(dataDir, item.id);
      await mkdir(path.dirname(target), { recursive: true });
      await link(reportFilePath(source.dataDir, item.id), target).catch(() => copyFile(reportFilePath(source.dataDir, item.id), target));
    }
    const repository = store.services.reports;
    if (!(repository instanceof FileReportRepository)) throw new Error('not the file store');
    await repository.adoptBulkLoad(chosen, null);
  } finally {
    await store.close();
  }
  await writeFile(markerFile, JSON.stringify({ count, fingerprint, summary }, null, 1));
  return { count, dataDir, seededSeconds: null, summary };
}
