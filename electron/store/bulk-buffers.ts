/**
 * The in-memory repositories of a bulk load (see bulk-load.ts): documents, review logs and revisions, read
 * state and the copy index, each keeping exactly the bytes the file repositories would write, for the loader
 * to put on disk in batches.
 */
import path from 'node:path';
import { summarize, type Report, type ReportSummary } from '../core/common/schemas/report';
import { reviewRecordSchema, type ReviewRecord } from '../core/common/schemas/review';
import { canonicalJson } from '../core/common/canonical';
import type { Clock, Hasher } from '../core/common/ports';
import type { FingerprintEntry } from '../core/insight/copy-detection';
import { copyCheckResultSchema, fingerprintEntrySchema, type CopyCheckResult } from '../core/insight/schema';
import type { InsightRepository, ReadStateRepository, ReportRepository, ReviewRepository, ChainCheck } from '../core/services';
import { asRead, nextStoredReport, withReviewSummary } from './report-files';
import { readLines } from './append-log';
import { copyCheckPath, partitionPath } from './insight-repository';
import { lineHash } from './review-repository';
import { assertSafeId } from './safe-id';
import { parseValidated } from './validated-file';
import { coded } from '../core/common/messages';

/** The bytes of a data file, as `ValidatedJsonFile.write` serialises it. */
function serialize(data: unknown): string {
  return JSON.stringify(data, null, 1);
}

function shard(id: string): string {
  return assertSafeId(id).slice(0, 2).toLowerCase();
}

/** The file layout of FileReviewRepository and FileReadStateRepository. */
export const reviewFiles = {
  log: (dataDir: string, docId: string) => path.join(dataDir, 'reviews', shard(docId), `${docId}.ndjson`),
  revision: (dataDir: string, docId: string, revision: number) => path.join(dataDir, 'revisions', shard(docId), docId, `r${revision}.json`),
  readState: (dataDir: string, profileId: string) => path.join(dataDir, 'state', `read-${assertSafeId(profileId)}.ndjson`),
};

/** A file's text and the value reading it back gives (parsed and validated once, when written). */
interface BufferedFile {
  text: string;
  value: Report;
}

/**
 * A document as written and as reading it back gives it (`asRead`, as the file repository's own cache does).
 * Each document file is validated with the full schema once, when it is written to disk.
 */
function buffered(report: Report): BufferedFile {
  return { text: serialize(report), value: asRead(report) };
}

/** Documents being made: their current file text, as the file repository would hold it. */
export class BufferedReports implements ReportRepository {
  readonly files = new Map<string, BufferedFile>();
  /** Ids already written to disk (a new document must not reuse one). */
  readonly written = new Set<string>();

  private read(id: string): Report | null {
    return this.files.get(id)?.value ?? null;
  }

  async list(): Promise<ReportSummary[]> {
    return [...this.files.keys()].map((id) => summarize(this.read(id)!));
  }

  async get(id: string): Promise<Report | null> {
    assertSafeId(id);
    return this.read(id);
  }

  async create(report: Report): Promise<void> {
    if (this.written.has(report.id) || this.files.has(report.id)) throw coded('conflict', 'report.duplicateId');
    this.files.set(report.id, buffered(report));
  }

  async save(report: Report, baseRev: number): Promise<Report> {
    const current = this.read(report.id);
    if (!current) throw coded('not-found', 'report.notFound');
    if (current.rev !== baseRev) throw coded('conflict', 'report.changedElsewhere', undefined, { details: { current } });
    const stored = nextStoredReport(current, report, baseRev);
    this.files.set(report.id, buffered(stored));
    return stored;
  }

  async saveReview(id: string, review: NonNullable<Report['review']>): Promise<Report> {
    const current = this.read(id);
    if (!current) throw coded('not-found', 'report.notFound');
    const stored = withReviewSummary(current, review);
    this.files.set(id, buffered(stored));
    return stored;
  }

  async remove(id: string, baseRev: number): Promise<void> {
    const current = this.read(id);
    if (!current) throw coded('not-found', 'report.notFound');
    if (current.rev !== baseRev) throw coded('conflict', 'report.changedBeforeDelete');
    this.files.delete(id);
  }

  async search(): Promise<{ id: string; score: number; summary: ReportSummary }[]> {
    return [];
  }
}

interface BufferedLog {
  text: string;
  records: ReviewRecord[];
  count: number;
  head: string;
}

/** Review logs and frozen revisions of the documents being made. */
export class BufferedReviews implements ReviewRepository {
  readonly logs = new Map<string, BufferedLog>();
  readonly revisionFiles = new Map<string, Map<number, BufferedFile>>();
  private readonly hasher: Hasher;

  constructor(hasher: Hasher) {
    this.hasher = hasher;
  }

  async records(docId: string): Promise<ReviewRecord[]> {
    return [...(this.logs.get(docId)?.records ?? [])];
  }

  async append(docId: string, records: ReviewRecord[]): Promise<{ count: number; head: string }> {
    const log = this.logs.get(docId) ?? { text: '', records: [], count: 0, head: '' };
    for (const record of records) {
      // As FileReviewRepository.append: validate, hash onto the chain, one JSON line.
      const valid = reviewRecordSchema.parse(record);
      const hash = lineHash(this.hasher, log.head, valid);
      const line = JSON.stringify({ record: valid, prev: log.head, hash });
      log.text += `${line}\n`;
      log.records.push(valid);
      log.head = hash;
      log.count++;
    }
    this.logs.set(docId, log);
    return { count: log.count, head: log.head };
  }

  async head(docId: string): Promise<{ count: number; head: string }> {
    const log = this.logs.get(docId);
    return { count: log?.count ?? 0, head: log?.head ?? '' };
  }

  async verify(docId: string): Promise<ChainCheck> {
    throw new Error(`verify is not available while bulk loading (${docId})`);
  }

  async logIds(): Promise<string[]> {
    throw new Error('logIds is not available while bulk loading');
  }

  async saveRevision(snapshot: Report): Promise<void> {
    const revisions = this.revisionFiles.get(snapshot.id) ?? new Map<number, BufferedFile>();
    const existing = revisions.get(snapshot.revision);
    if (existing !== undefined) {
      const same = (report: Report) => canonicalJson({ metadata: report.metadata, sections: report.sections, title: report.title });
      if (same(existing.value) === same(snapshot)) return;
      throw coded('conflict', 'store.revisionExists', { revision: snapshot.revision });
    }
    revisions.set(snapshot.revision, buffered(snapshot));
    this.revisionFiles.set(snapshot.id, revisions);
  }

  async getRevision(docId: string, revision: number): Promise<Report | null> {
    return this.revisionFiles.get(docId)?.get(revision)?.value ?? null;
  }

  async revisions(docId: string): Promise<number[]> {
    return [...(this.revisionFiles.get(docId)?.keys() ?? [])].sort((a, b) => a - b);
  }
}

/** Read state per profile, with the journal lines FileReadStateRepository would have appended. */
export class BufferedReadState implements ReadStateRepository {
  readonly seen = new Map<string, Record<string, number>>();
  readonly lines = new Map<string, string[]>();

  async get(profileId: string): Promise<Record<string, number>> {
    let state = this.seen.get(profileId);
    if (!state) {
      state = {};
      this.seen.set(profileId, state);
    }
    return state;
  }

  async set(profileId: string, docId: string, seen: number): Promise<void> {
    (await this.get(profileId))[docId] = seen;
    const lines = this.lines.get(profileId) ?? [];
    lines.push(`${JSON.stringify({ docId, seen })}\n`);
    this.lines.set(profileId, lines);
  }
}

/** Copy-index partitions kept parsed in memory while loading (every author's pools stay, old months go). */
const cachedPartitions = 192;

/**
 * Copy checks and the copy index as FileInsightRepository writes them: one result file per revision, a line
 * per result in `insight/scores.ndjson`, a line per revision in each of its partitions. Like the file
 * repository, it keeps the partitions used last in memory and reads an evicted one back from its file (after
 * the lines queued for it are written).
 */
export class BufferedInsight implements InsightRepository {
  readonly results = new Map<string, { file: string; text: string }>();
  readonly scoreLines: string[] = [];
  readonly partitionLines = new Map<string, string[]>();
  private readonly partitions = new Map<string, FingerprintEntry[]>();
  private readonly scores = new Map<string, { revision: number; score: number }>();
  private readonly dataDir: string;
  /** Everything queued so far is on disk when this settles. */
  private readonly written: () => Promise<void>;
  /** Partitions that have lines on disk (the others start empty). */
  private readonly onDisk = new Set<string>();
  /** Submissions before this moment are indexed but not checked (see `BulkLoadOptions.copyChecksFrom`). */
  private readonly checksFrom: string;
  private readonly clock: Clock;
  private static readonly noPool: readonly FingerprintEntry[] = Object.freeze([]);

  constructor(dataDir: string, written: () => Promise<void>, clock: Clock, checksFrom: string) {
    this.dataDir = dataDir;
    this.written = written;
    this.clock = clock;
    this.checksFrom = checksFrom;
  }

  private checking(): boolean {
    return this.clock.now().toISOString() >= this.checksFrom;
  }

  async getCopyCheck(docId: string, revision: number): Promise<CopyCheckResult | null> {
    const text = this.results.get(copyCheckPath(this.dataDir, docId, revision))?.text;
    return text === undefined ? null : parseValidated(docId, text, copyCheckResultSchema);
  }

  async saveCopyCheck(result: CopyCheckResult): Promise<void> {
    if (!this.checking()) return;
    const file = copyCheckPath(this.dataDir, result.docId, result.revision);
    this.results.set(file, { file, text: serialize(result) });
    this.scoreLines.push(`${JSON.stringify({ id: result.docId, revision: result.revision, score: result.score })}\n`);
    const current = this.scores.get(result.docId);
    if (!current || current.revision <= result.revision) this.scores.set(result.docId, { revision: result.revision, score: result.score });
  }

  async copyScores(): Promise<Map<string, { revision: number; score: number }>> {
    return this.scores;
  }

  async fingerprints(partition: string): Promise<readonly FingerprintEntry[]> {
    // A check before the copy checks start compares against nothing (its result is not kept).
    if (!this.checking()) return BufferedInsight.noPool;
    return this.partition(partition);
  }

  private async partition(partition: string): Promise<FingerprintEntry[]> {
    let entries = this.partitions.get(partition);
    if (entries) {
      // Most recently used last.
      this.partitions.delete(partition);
      this.partitions.set(partition, entries);
      return entries;
    }
    entries = [];
    if (this.onDisk.has(partition)) {
      // Read back as FileInsightRepository reads a partition it does not hold.
      await this.written();
      for (const line of (await readLines(partitionPath(this.dataDir, partition))).lines) {
        const parsed = fingerprintEntrySchema.safeParse(JSON.parse(line));
        if (parsed.success) entries.push(parsed.data);
      }
    }
    this.partitions.set(partition, entries);
    while (this.partitions.size > cachedPartitions) {
      const oldest = this.partitions.keys().next().value as string;
      this.partitions.delete(oldest);
    }
    return entries;
  }

  async addFingerprints(partitions: string[], entry: FingerprintEntry): Promise<void> {
    const line = `${JSON.stringify(entry)}\n`;
    for (const partition of new Set(partitions)) {
      const entries = await this.partition(partition);
      const lines = this.partitionLines.get(partition) ?? [];
      lines.push(line);
      this.partitionLines.set(partition, lines);
      this.onDisk.add(partition);
      entries.push(entry);
    }
  }
}

/** A clock the loader moves to each act's time. */
