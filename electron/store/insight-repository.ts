import { createHash } from 'node:crypto';
import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { FingerprintEntry } from '../core/insight/copy-detection';
import { copyCheckResultSchema, fingerprintEntrySchema, type CopyCheckResult } from '../core/insight/schema';
import type { InsightRepository } from '../core/services';
import { readLines } from './append-log';
import { KeyedQueue } from './keyed-queue';
import type { Quarantine } from './quarantine';
import { assertSafeId } from './safe-id';
import { afterWriteStep, beforeWriteStep, SimulatedCrash, tornAppend } from './write-seam';

/** appendFile, which the crash tests' seam can tear in the middle. */
async function appendTearable(file: string, text: string): Promise<void> {
  const torn = tornAppend(file, text);
  if (torn !== undefined) {
    await appendFile(file, torn);
    throw new SimulatedCrash('torn append', file);
  }
  await appendFile(file, text);
}
import { CorruptFileError, readDocument, writeDocument } from './validated-file';

/** Partitions kept parsed in memory (each with its postings, built by the core on first use). */
const CACHED_PARTITIONS = 64;

/** Where a copy check result lives: `insight/<xx>/<id>-r<n>.json`. */
export function copyCheckPath(dataDir: string, docId: string, revision: number): string {
  return path.join(dataDir, 'insight', assertSafeId(docId).slice(0, 2).toLowerCase(), `${docId}-r${revision}.json`);
}

/** A partition's file: `insight/index/<sha256 prefix>.ndjson` (partition names hold CJK and colons). */
export function partitionPath(dataDir: string, partition: string): string {
  const name = createHash('sha256').update(partition, 'utf8').digest('hex').slice(0, 24);
  return path.join(dataDir, 'insight', 'index', `${name}.ndjson`);
}

/**
 * Copy-check results (one validated file per revision, written atomically) and the copy index: append-only
 * NDJSON partitions, a cache derived from the frozen revisions (a line that fails validation is skipped, a torn
 * last line ignored). Scores for the inbox come from a small journal read once.
 */
export class FileInsightRepository implements InsightRepository {
  private readonly dataDir: string;
  private readonly quarantine?: Quarantine;
  private readonly queue = new KeyedQueue();
  private readonly partitions = new Map<string, FingerprintEntry[]>();
  private scores: Map<string, { revision: number; score: number }> | null = null;

  constructor(dataDir: string, quarantine?: Quarantine) {
    this.dataDir = dataDir;
    this.quarantine = quarantine;
  }

  private get scoresFile(): string {
    return path.join(this.dataDir, 'insight', 'scores.ndjson');
  }

  async getCopyCheck(docId: string, revision: number): Promise<CopyCheckResult | null> {
    const file = copyCheckPath(this.dataDir, docId, revision);
    try {
      return await readDocument(file, copyCheckResultSchema);
    } catch (error) {
      if (!(error instanceof CorruptFileError) || !this.quarantine) throw error;
      // A damaged result is only a cache of a computation: move it aside and let it be computed again.
      await this.quarantine.moveAside(file, error.message);
      return null;
    }
  }

  async saveCopyCheck(result: CopyCheckResult): Promise<void> {
    await writeDocument(copyCheckPath(this.dataDir, result.docId, result.revision), copyCheckResultSchema, result);
    const scores = await this.copyScores();
    await this.queue.run('scores', async () => {
      await mkdir(path.dirname(this.scoresFile), { recursive: true });
      beforeWriteStep('append', this.scoresFile);
      await appendTearable(this.scoresFile, `${JSON.stringify({ id: result.docId, revision: result.revision, score: result.score })}\n`);
      afterWriteStep('append', this.scoresFile);
    });
    const current = scores.get(result.docId);
    if (!current || current.revision <= result.revision) scores.set(result.docId, { revision: result.revision, score: result.score });
  }

  async copyScores(): Promise<Map<string, { revision: number; score: number }>> {
    if (this.scores) return this.scores;
    const scores = new Map<string, { revision: number; score: number }>();
    for (const line of (await readLines(this.scoresFile)).lines) {
      try {
        const entry = JSON.parse(line) as { id?: unknown; revision?: unknown; score?: unknown };
        if (typeof entry.id !== 'string' || typeof entry.revision !== 'number' || typeof entry.score !== 'number') continue;
        const current = scores.get(entry.id);
        if (!current || current.revision <= entry.revision) scores.set(entry.id, { revision: entry.revision, score: entry.score });
      } catch {
        // A torn or damaged line of a cache: skipped.
      }
    }
    this.scores ??= scores;
    return this.scores;
  }

  async fingerprints(partition: string): Promise<readonly FingerprintEntry[]> {
    const cached = this.partitions.get(partition);
    if (cached) {
      // Most recently used last.
      this.partitions.delete(partition);
      this.partitions.set(partition, cached);
      return cached;
    }
    return this.queue.run(`partition:${partition}`, async () => {
      const again = this.partitions.get(partition);
      if (again) return again;
      const entries: FingerprintEntry[] = [];
      for (const line of (await readLines(partitionPath(this.dataDir, partition))).lines) {
        try {
          const parsed = fingerprintEntrySchema.safeParse(JSON.parse(line));
          if (parsed.success) entries.push(parsed.data);
        } catch {
          // Skipped: the index is a cache, the frozen revisions are the truth.
        }
      }
      this.partitions.set(partition, entries);
      while (this.partitions.size > CACHED_PARTITIONS) this.partitions.delete(this.partitions.keys().next().value as string);
      return entries;
    });
  }

  async addFingerprints(partitions: string[], entry: FingerprintEntry): Promise<void> {
    const line = `${JSON.stringify(entry)}\n`;
    for (const partition of new Set(partitions)) {
      await this.queue.run(`partition:${partition}`, async () => {
        const file = partitionPath(this.dataDir, partition);
        await mkdir(path.dirname(file), { recursive: true });
        // No fsync: a cache; a crash loses at most the newest entries, which a re-check adds again.
        beforeWriteStep('append', file);
        await appendTearable(file, line);
        afterWriteStep('append', file);
        this.partitions.get(partition)?.push(entry);
      });
    }
  }
}
