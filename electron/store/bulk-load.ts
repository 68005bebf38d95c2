/**
 * Writing many documents into an empty data folder at once (the benchmark's office of 50,000 documents).
 *
 * The documents are made by the real use cases — create, save, submit, comment, decide … — run against
 * in-memory repositories that keep exactly the bytes the file repositories would write (the same serialisation,
 * the same review-log hash chain, the same read-state lines). After each document the bytes go to disk with
 * plain writes, several at a time (no fsync per file: a bulk load that is interrupted is simply run again on a
 * fresh folder), and
 * at the end the document index and the search segment are written once instead of growing per save.
 * The result is the folder the app would have produced by doing the same acts one by one.
 */
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { reportSchema, summarize, type Report, type ReportSummary } from '../core/common/schemas/report';
import { reviewRecordSchema, type ReviewRecord } from '../core/common/schemas/review';
import { reportSearchText } from '../core/search/report-text';
import { SegmentBuilder } from '../core/search/segment';
import { searchTokens } from '../core/search/tokens';
import { canonicalJson } from '../core/common/canonical';
import type { Clock, Hasher, IdGenerator } from '../core/common/ports';
import type { FingerprintEntry } from '../core/insight/copy-detection';
import { copyCheckResultSchema, fingerprintEntrySchema, type CopyCheckResult } from '../core/insight/schema';
import type { CoreServices, InsightRepository, ReadStateRepository, ReportRepository, ReviewRepository, ChainCheck } from '../core/services';
import { openStore, type Store } from './open-store';
import { asRead, FileReportRepository, nextStoredReport, reportFilePath, segmentDocumentOf, withReviewSummary } from './report-repository';
import { readLines } from './append-log';
import { copyCheckPath, partitionPath } from './insight-repository';
import { lineHash } from './review-repository';
import { assertSafeId } from './safe-id';
import { parseValidated } from './validated-file';
import { coded } from '../core/common/messages';

const writeBatchSize = 256;

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
class BufferedReports implements ReportRepository {
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
class BufferedReviews implements ReviewRepository {
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
class BufferedReadState implements ReadStateRepository {
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
class BufferedInsight implements InsightRepository {
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
export interface SettableClock extends Clock {
  set(iso: string): void;
}

export interface BulkLoadResult {
  documents: number;
  revisions: number;
  reviewRecords: number;
  bytes: number;
}

export interface BulkLoadOptions {
  dataDir: string;
  seedsDir?: string;
  /** Also build the search segment (default true), so the first search does not read every document. */
  searchSegment?: boolean;
  /**
   * ISO time from which submissions get a stored copy check (雷同检测), as if the check had been switched on
   * then; earlier submissions are only added to the copy index (later checks compare against all of them).
   * Default: every submission is checked, as the app does. A check's cost grows with its author's history, so
   * checking five years of submissions one after the other would make the load take many minutes.
   */
  copyChecksFrom?: string;
}

/** Loads documents into an empty data folder; see the module comment. */
export class BulkLoader {
  readonly dataDir: string;
  /** The store's services with documents, reviews, read state, clock and ids replaced by the loader's. */
  readonly services: CoreServices;
  readonly clock: SettableClock;
  private readonly store: Store;
  private readonly reports = new BufferedReports();
  private readonly reviews: BufferedReviews;
  private readonly readState = new BufferedReadState();
  private readonly insight: BufferedInsight;
  private ids: IdGenerator;
  private readonly summaries: ReportSummary[] = [];
  private readonly segment: SegmentBuilder | null;
  /** Folders created (or being created) so far. */
  private readonly folders = new Map<string, Promise<void>>();
  private readonly queue: { file: string; text: string }[] = [];
  /** Lines to append per journal file, in order, with the next batch. */
  private readonly appends = new Map<string, string>();
  private writing: Promise<void> = Promise.resolve();
  private readonly result: BulkLoadResult = { documents: 0, revisions: 0, reviewRecords: 0, bytes: 0 };

  private constructor(store: Store, options: { searchSegment: boolean; copyChecksFrom?: string }) {
    this.store = store;
    this.dataDir = store.dataDir;
    this.reviews = new BufferedReviews(store.services.hash);
    let now = new Date(0);
    this.clock = {
      now: () => new Date(now),
      set: (iso) => {
        now = new Date(iso);
      },
    };
    this.insight = new BufferedInsight(
      store.dataDir,
      () => {
        this.queueJournals();
        return this.writeBatch(true);
      },
      this.clock,
      options.copyChecksFrom ?? '',
    );
    this.segment = options.searchSegment ? new SegmentBuilder() : null;
    this.ids = store.services.ids;
    this.services = {
      ...store.services,
      reports: this.reports,
      reviews: this.reviews,
      readState: this.readState,
      insight: this.insight,
      clock: this.clock,
      ids: { newId: () => this.ids.newId() },
    };
  }

  /**
   * Open an empty data folder for bulk loading (its lock is held until `finish`). `searchSegment` (default
   * true) also builds the search segment, so the first search does not have to read every document.
   */
  static async open(options: BulkLoadOptions): Promise<BulkLoader> {
    const store = await openStore({ dataDir: options.dataDir, seedsDir: options.seedsDir, backgroundCheck: false });
    if ((await store.services.reports.list()).length) {
      await store.close();
      throw coded('conflict', 'store.bulkNotEmptyAt', { folder: options.dataDir });
    }
    return new BulkLoader(store, { searchSegment: options.searchSegment ?? true, copyChecksFrom: options.copyChecksFrom });
  }

  /** Ids for what the next acts create (documents, table rows, review records). */
  useIds(ids: IdGenerator): void {
    this.ids = ids;
  }

  /** Queue a file write; `flush` starts the queued writes in batches (see `writeBatch`). */
  private writeFile(file: string, text: string): void {
    this.queue.push({ file, text });
    this.result.bytes += Buffer.byteLength(text);
  }

  /** Queue lines to append to a journal (read state, copy index); appended in order, with the next batch. */
  private appendLines(file: string, lines: string[]): void {
    if (!lines.length) return;
    this.appends.set(file, (this.appends.get(file) ?? '') + lines.join(''));
  }

  private ready(folder: string): Promise<void> {
    let ready = this.folders.get(folder);
    if (!ready) {
      ready = mkdir(folder, { recursive: true }).then(() => undefined);
      this.folders.set(folder, ready);
    }
    return ready;
  }

  /**
   * Write the queued files on libuv's thread pool while the next documents are being made: one batch is
   * written while the next one fills, so making documents and writing them overlap. A batch starts after the
   * previous one has finished, and holds at most one append per journal, so appends stay in order.
   */
  private async writeBatch(force: boolean): Promise<void> {
    if (!force && this.queue.length < writeBatchSize) return;
    await this.writing;
    const batch = this.queue.splice(0);
    const appends = [...this.appends];
    this.appends.clear();
    this.writing = Promise.all([
      ...batch.map(async ({ file, text }) => {
        await this.ready(path.dirname(file));
        await writeFile(file, text);
      }),
      ...appends.map(async ([file, text]) => {
        await this.ready(path.dirname(file));
        this.result.bytes += Buffer.byteLength(text);
        await appendFile(file, text);
      }),
    ]).then(() => undefined);
    if (force) await this.writing;
  }

  /** Queue the lines the acts appended to journals (read state, copy scores and copy index). */
  private queueJournals(): void {
    for (const [profileId, lines] of this.readState.lines) this.appendLines(reviewFiles.readState(this.dataDir, profileId), lines);
    this.readState.lines.clear();
    this.appendLines(path.join(this.dataDir, 'insight', 'scores.ndjson'), this.insight.scoreLines.splice(0));
    for (const [partition, lines] of this.insight.partitionLines) this.appendLines(partitionPath(this.dataDir, partition), lines);
    this.insight.partitionLines.clear();
  }

  /** Write what the acts since the last flush produced, and forget it. */
  async flush(): Promise<void> {
    for (const [id, { text }] of this.reports.files) {
      this.writeFile(reportFilePath(this.dataDir, id), text);
      const report = parseValidated(reportFilePath(this.dataDir, id), text, reportSchema);
      this.summaries.push(summarize(report));
      this.segment?.add(segmentDocumentOf(report), searchTokens(reportSearchText(report)));
      this.reports.written.add(id);
      this.result.documents++;
    }
    for (const [docId, revisions] of this.reviews.revisionFiles) {
      for (const [revision, { text }] of revisions) {
        this.writeFile(reviewFiles.revision(this.dataDir, docId, revision), text);
        this.result.revisions++;
      }
    }
    for (const [docId, log] of this.reviews.logs) {
      this.writeFile(reviewFiles.log(this.dataDir, docId), log.text);
      this.result.reviewRecords += log.count;
    }
    for (const { file, text } of this.insight.results.values()) this.writeFile(file, text);
    this.insight.results.clear();
    this.queueJournals();
    this.reports.files.clear();
    this.reviews.logs.clear();
    this.reviews.revisionFiles.clear();
    await this.writeBatch(false);
  }

  /** Write the read state, the document index and the search segment, then close the store. */
  async finish(): Promise<BulkLoadResult> {
    try {
      await this.flush();
      await this.writeBatch(true);
      const repository = this.store.services.reports;
      if (!(repository instanceof FileReportRepository)) throw new Error('bulk loading needs the file store');
      await repository.adoptBulkLoad(this.summaries, this.segment?.finish({ reverse: true }) ?? null);
    } finally {
      await this.store.close();
    }
    return this.result;
  }

  /** Give up: close the store without writing the index (the folder should be deleted). */
  async abandon(): Promise<void> {
    await this.writing.catch(() => undefined);
    await this.store.close();
  }
}
