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
import { reportSchema, summarize, type ReportSummary } from '../core/common/schemas/report';
import { reportSearchText } from '../core/search/report-text';
import { SegmentBuilder } from '../core/search/segment';
import { searchTokens } from '../core/search/tokens';
import type { Clock, IdGenerator } from '../core/common/ports';
import type { CoreServices } from '../core/services';
import { openStore, type Store } from './open-store';
import { FileReportRepository, reportFilePath, segmentDocumentOf } from './report-repository';
import { partitionPath } from './insight-repository';
import { parseValidated } from './validated-file';
import { coded } from '../core/common/messages';
import { BufferedInsight, BufferedReadState, BufferedReports, BufferedReviews, reviewFiles } from './bulk-buffers';

export { reviewFiles } from './bulk-buffers';

const writeBatchSize = 256;

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
