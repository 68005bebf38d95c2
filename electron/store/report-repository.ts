import { coded } from '../core/common/messages';
import { mkdir, open, readdir, readFile, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { reportSchema, summarize, type Report, type ReportSummary } from '../core/common/schemas/report';
import type { ReportRepository } from '../core/services';
import { reportSearchText } from '../core/search/report-text';
import {
  memoryPostings,
  SearchSegment,
  segmentHeaderBytes,
  segmentLayout,
  SegmentBuilder,
  type SegmentDocument,
} from '../core/search/segment';
import { SegmentedSearchIndex } from '../core/search/segmented-index';
import { searchTokens } from '../core/search/tokens';
import { writeFileAtomic } from './atomic-write';
import type { Quarantine } from './quarantine';
import { KeyedQueue } from './keyed-queue';
import { ReportIndex } from './report-index';
import { CorruptFileError, parseValidated, writeDocument } from './validated-file';
import {
  reportFilePath,
  nextStoredReport,
  withReviewSummary,
  asRead,
  fileSignature,
  fileSignatureAsync,
  beingWritten,
  readReportFile,
} from './report-files';

export { asRead, newerReview, nextStoredReport, reportFilePath, withReviewSummary } from './report-files';

export interface CheckResult {
  /** Files read and validated in this pass. */
  checked: number;
  /** Files skipped because they are exactly as the last pass validated them. */
  unchanged: number;
  quarantined: number;
  reindexed: number;
}

/** Documents read or written recently, kept to answer the next read without parsing the file again. */
const recentDocuments = 64;

/** What the search segment remembers of a document to tell whether it changed since. */
export function segmentDocumentOf(summary: Pick<ReportSummary, 'id' | 'rev' | 'updatedAt'>): SegmentDocument {
  return { id: summary.id, rev: summary.rev, updatedAt: summary.updatedAt };
}

/** Changes since the search segment was written that make closing fold them into a new one. */
const mergeAtCloseAfter = 200;

/** The search segment's file; a cache like the journal, rebuilt when missing or unreadable. */
export function searchSegmentPath(dataDir: string): string {
  return path.join(dataDir, 'index', 'search.bin');
}

/** A segment held in memory (just built). */
function segmentFromBytes(bytes: Uint8Array): SearchSegment {
  const layout = segmentLayout(bytes);
  if (!layout) throw new Error('not a search segment');
  return SearchSegment.open(bytes.subarray(0, layout.indexBytes), bytes.length - layout.indexBytes, memoryPostings(bytes.subarray(layout.indexBytes)));
}

/** Documents as one JSON file each under `reports/<first two characters of id>/<id>.json`. */
export class FileReportRepository implements ReportRepository {
  private readonly dataDir: string;
  private readonly folder: string;
  private readonly index: ReportIndex;
  private readonly quarantine: Quarantine;
  private readonly queue = new KeyedQueue();
  /**
   * Full-text search: opened on the first search from `index/search.bin` (built from every document the first
   * time, then kept), with the documents changed since re-indexed; kept current by every write.
   */
  /**
   * The documents read or saved last, with their file's signature: a save reads the current version first (for
   * the revision check), usually one just read or written. A file changed on disk since (by hand, a sync tool)
   * has another signature and is read again.
   */
  private readonly recent = new Map<string, { report: Report; signature: string }>();
  /** Where the background check records each file it validated (by signature), kept at close. */
  private readonly checkedFile: string;
  /** The signatures of this session's background check, to be kept at close; null before it ran. */
  private checkedSignatures: Map<string, string> | null = null;
  private searchIndex: SegmentedSearchIndex | null = null;
  private searchFile: FileHandle | null = null;
  /** A segment built in this session, written when the store closes (a search never writes to the folder). */
  private unsavedSegment: Uint8Array | null = null;
  private building: Promise<SegmentedSearchIndex> | null = null;
  /** The index was not closed cleanly (a crash, or a first open) and was rebuilt from the document files. */
  rebuiltAtOpen = false;
  /** Documents moved to quarantine before anyone listened (at open), for the listener to take up. */
  private quarantinedBeforeListener: string[] = [];
  private quarantineListener: ((id: string) => void) | null = null;

  /**
   * Be told of every document file moved to quarantine (openStore rebuilds it from its frozen revisions and
   * review log). Called outside the document's queue, so the listener may write the document again.
   */
  onQuarantined(listener: (id: string) => void): void {
    this.quarantineListener = listener;
    const earlier = this.quarantinedBeforeListener;
    this.quarantinedBeforeListener = [];
    for (const id of earlier) listener(id);
  }

  private quarantined(id: string): void {
    if (this.quarantineListener) this.quarantineListener(id);
    else this.quarantinedBeforeListener.push(id);
  }

  private constructor(dataDir: string, quarantine: Quarantine) {
    this.dataDir = dataDir;
    this.folder = path.join(dataDir, 'reports');
    this.index = new ReportIndex(path.join(dataDir, 'index'));
    this.checkedFile = path.join(dataDir, 'index', 'checked.json');
    this.quarantine = quarantine;
  }

  static async open(dataDir: string, quarantine: Quarantine): Promise<FileReportRepository> {
    const repository = new FileReportRepository(dataDir, quarantine);
    await mkdir(path.join(dataDir, 'index'), { recursive: true });
    await mkdir(repository.folder, { recursive: true });
    if (!(await repository.index.load())) {
      await repository.rebuildIndex();
      repository.rebuiltAtOpen = true;
    }
    await repository.index.beginSession();
    return repository;
  }

  /** Read every document file (after a crash or when the index is missing); corrupt ones are moved aside. */
  async rebuildIndex(): Promise<number> {
    const summaries: ReportSummary[] = [];
    for (const shard of await readdir(this.folder).catch(() => [] as string[])) {
      const shardPath = path.join(this.folder, shard);
      const files = await readdir(shardPath).catch(() => [] as string[]);
      for (const name of files) {
        if (!name.endsWith('.json') || name.startsWith('.')) {
          if (name.endsWith('.tmp')) await rm(path.join(shardPath, name), { force: true });
          continue;
        }
        const file = path.join(shardPath, name);
        try {
          const report = parseValidated(file, await readFile(file, 'utf8'), reportSchema);
          summaries.push(summarize(report));
        } catch (error) {
          if (!(error instanceof CorruptFileError)) throw error;
          await this.quarantine.moveAside(file, error.message);
          this.quarantined(name.slice(0, -'.json'.length));
        }
      }
    }
    await this.index.reset(summaries);
    return summaries.length;
  }

  /**
   * Check every document file against the schema and the index, one at a time, after the store is open:
   * a file damaged or edited by hand outside the app is moved aside (and reported) or re-indexed, without
   * making the user wait for a full scan at start. Stops early when the store closes.
   *
   * A file whose signature (inode, size, modification time in ns) is the one the last pass validated is not
   * read again: at 50,000 documents a full pass reads for half a minute, this one only stats. Any change to a
   * file — a save, a hand edit, a copy over it — changes its signature. The signatures are kept at close; after a
   * crash the index is rebuilt by reading every file, and what changed in the crashed session is read again.
   */
  async checkAll(options: { shouldStop: () => boolean }): Promise<CheckResult> {
    const result: CheckResult = { checked: 0, unchanged: 0, quarantined: 0, reindexed: 0 };
    const previous = await this.readCheckedSignatures();
    // Files not reached before a stop keep their old entry; at the end of a full pass, gone files drop out.
    const next = new Map(previous);
    const seen = new Set<string>();
    this.checkedSignatures = next;
    for (const shard of await readdir(this.folder).catch(() => [] as string[])) {
      const shardPath = path.join(this.folder, shard);
      for (const name of await readdir(shardPath).catch(() => [] as string[])) {
        if (options.shouldStop()) return result;
        if (!name.endsWith('.json') || name.startsWith('.')) continue;
        const id = name.slice(0, -'.json'.length);
        seen.add(id);
        await this.queue.run(id, async () => {
          if (options.shouldStop()) return;
          const file = path.join(shardPath, name);
          // Taken before reading: a file replaced in between is recorded under its older signature and read
          // again next time.
          const signature = await fileSignatureAsync(file).catch(() => null);
          if (signature === null) {
            next.delete(id);
            return;
          }
          if (previous.get(id) === signature) {
            result.unchanged++;
            return;
          }
          let text: string;
          try {
            text = await readFile(file, 'utf8');
          } catch {
            next.delete(id);
            return;
          }
          result.checked++;
          try {
            const report = parseValidated(file, text, reportSchema);
            const summary = summarize(report);
            if (JSON.stringify(this.index.entries.get(report.id)) !== JSON.stringify(summary)) {
              await this.index.put(summary);
              this.searchIndex?.put(segmentDocumentOf(summary), reportSearchText(report));
              result.reindexed++;
            }
            next.set(id, signature);
          } catch (error) {
            if (!(error instanceof CorruptFileError)) throw error;
            next.delete(id);
            // A file another program is writing in place (an editor, a sync tool without temporary names) reads
            // as cut short: when it changes within a moment, it is being written, and is read again next time.
            if (await beingWritten(file, signature)) return;
            await this.quarantine.moveAside(file, error.message);
            await this.index.delete(id);
            this.searchIndex?.remove(id);
            result.quarantined++;
            this.quarantined(id);
          }
        });
      }
    }
    for (const id of [...next.keys()]) if (!seen.has(id)) next.delete(id);
    return result;
  }

  /** The last kept pass's signatures; none (everything is read) when the record is missing or unreadable. */
  private async readCheckedSignatures(): Promise<Map<string, string>> {
    try {
      const parsed: unknown = JSON.parse(await readFile(this.checkedFile, 'utf8'));
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return new Map();
      return new Map(Object.entries(parsed as Record<string, unknown>).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    } catch {
      return new Map();
    }
  }

  /**
   * Take over documents written in bulk (BulkLoader): their files are already in place; the index is replaced
   * by their summaries and `segment`, when given, becomes the stored search segment. For an empty store only.
   */
  async adoptBulkLoad(summaries: ReportSummary[], segment: Uint8Array | null): Promise<void> {
    if (this.index.entries.size || this.searchIndex || this.building) throw coded('conflict', 'store.bulkNotEmpty');
    await this.index.reset(summaries);
    if (segment) await this.writeSegment(segment);
  }

  async close(): Promise<void> {
    try {
      await this.building?.catch(() => undefined);
      const search = this.searchIndex;
      if (search && (search.pendingChanges >= mergeAtCloseAfter || (this.unsavedSegment && search.pendingChanges > 0))) {
        await this.writeSegment(await this.mergedSegment(search));
      } else if (this.unsavedSegment) {
        await this.writeSegment(this.unsavedSegment);
      }
      this.unsavedSegment = null;
      if (this.checkedSignatures) await writeFileAtomic(this.checkedFile, JSON.stringify(Object.fromEntries(this.checkedSignatures)));
    } finally {
      await this.closeSearchFile();
      await this.index.close();
    }
  }

  private fileFor(id: string): string {
    return reportFilePath(this.dataDir, id);
  }

  async list(): Promise<ReportSummary[]> {
    return this.index.newestFirst();
  }

  async get(id: string): Promise<Report | null> {
    const file = this.fileFor(id);
    // The signature is taken before reading: a file replaced in between is read again next time, never
    // remembered under the newer signature.
    const signature = fileSignature(file);
    const known = this.recent.get(id);
    if (known && signature !== null && known.signature === signature) return known.report;
    this.recent.delete(id);
    try {
      const report = signature === null ? null : readReportFile(file);
      // The file is gone (removed by hand, or by a sync tool): the index must not keep listing it.
      if (!report && this.index.entries.has(id)) await this.index.delete(id);
      if (report && signature !== null) this.remember(id, report, signature);
      return report;
    } catch (error) {
      if (!(error instanceof CorruptFileError)) throw error;
      await this.quarantine.moveAside(file, error.message);
      await this.index.delete(id);
      this.quarantined(id);
      return null;
    }
  }

  private remember(id: string, report: Report, signature: string | null): void {
    this.recent.delete(id);
    if (signature === null) return;
    this.recent.set(id, { report, signature });
    if (this.recent.size > recentDocuments) this.recent.delete(this.recent.keys().next().value as string);
  }

  /** Write a document file and remember it as reading it back would give it. */
  private async write(report: Report): Promise<void> {
    const file = this.fileFor(report.id);
    this.recent.delete(report.id);
    await writeDocument(file, reportSchema, report);
    this.remember(report.id, asRead(report), fileSignature(file));
  }

  async create(report: Report): Promise<void> {
    await this.queue.run(report.id, async () => {
      if (this.index.entries.has(report.id) || (await this.get(report.id))) {
        throw coded('conflict', 'report.duplicateId');
      }
      await this.write(report);
      const summary = summarize(report);
      await this.index.put(summary);
      this.searchIndex?.put(segmentDocumentOf(summary), reportSearchText(report));
    });
  }

  async save(report: Report, baseRev: number): Promise<Report> {
    return this.queue.run(report.id, async () => {
      const current = await this.get(report.id);
      if (!current) throw coded('not-found', 'report.notFound');
      if (current.rev !== baseRev) {
        throw coded('conflict', 'report.changedElsewhere', undefined, {
          details: { current },
        });
      }
      const stored = nextStoredReport(current, report, baseRev);
      await this.write(stored);
      const summary = summarize(stored);
      await this.index.put(summary);
      this.searchIndex?.put(segmentDocumentOf(summary), reportSearchText(stored));
      return stored;
    });
  }

  async saveReview(id: string, review: NonNullable<Report['review']>): Promise<Report> {
    return this.queue.run(id, async () => {
      const current = await this.get(id);
      if (!current) throw coded('not-found', 'report.notFound');
      const stored = withReviewSummary(current, review);
      await this.write(stored);
      // The text, rev and updatedAt are unchanged: the search index still holds the right entry.
      await this.index.put(summarize(stored));
      return stored;
    });
  }

  async remove(id: string, baseRev: number): Promise<void> {
    await this.queue.run(id, async () => {
      const current = await this.get(id);
      if (!current) throw coded('not-found', 'report.notFound');
      if (current.rev !== baseRev) throw coded('conflict', 'report.changedBeforeDelete');
      this.recent.delete(id);
      await rm(this.fileFor(id), { force: true });
      await this.index.delete(id);
      this.searchIndex?.remove(id);
    });
  }

  async search(
    query: string,
    options: { accept?: (summary: ReportSummary) => boolean; limit?: number } = {},
  ): Promise<{ id: string; score: number; summary: ReportSummary }[]> {
    const index = await this.ensureSearchIndex();
    const entries = this.index.entries;
    const accept = options.accept;
    const hits = await index.search(query, {
      limit: options.limit,
      accept: (id) => {
        const summary = entries.get(id);
        return !!summary && (!accept || accept(summary));
      },
    });
    return hits.map((hit) => ({ ...hit, summary: entries.get(hit.id)! }));
  }

  private ensureSearchIndex(): Promise<SegmentedSearchIndex> {
    if (this.searchIndex) return Promise.resolve(this.searchIndex);
    this.building ??= this.openSearchIndex().catch((error: unknown) => {
      this.building = null;
      throw error;
    });
    return this.building;
  }

  /**
   * Open the stored segment (building it first when it is missing, unreadable, or most of it is out of date),
   * then index the documents changed since it was written. From the moment the index exists, every save
   * updates it; re-indexing a changed document runs in that document's queue, so it never overwrites a save.
   */
  private async openSearchIndex(): Promise<SegmentedSearchIndex> {
    let segment = await this.openSegment();
    let index = new SegmentedSearchIndex(segment);
    let stale = index.reconcile(this.index.entries);
    if (!segment || stale.length > Math.max(1000, this.index.entries.size / 10)) {
      await this.closeSearchFile();
      this.unsavedSegment = await this.buildSegment();
      segment = segmentFromBytes(this.unsavedSegment);
      index = new SegmentedSearchIndex(segment);
      stale = index.reconcile(this.index.entries);
    }
    this.searchIndex = index;
    for (const id of stale) {
      await this.queue.run(id, async () => {
        const report = await this.get(id);
        if (report) index.put(segmentDocumentOf(report), reportSearchText(report));
      });
    }
    return index;
  }

  /** A segment of every listed document, newest first, reading each file once. */
  private async buildSegment(): Promise<Uint8Array> {
    const builder = new SegmentBuilder();
    for (const summary of this.index.newestFirst()) {
      const report = await this.get(summary.id);
      if (report) builder.add(segmentDocumentOf(report), searchTokens(reportSearchText(report)));
    }
    return builder.finish();
  }

  private async mergedSegment(index: SegmentedSearchIndex): Promise<Uint8Array> {
    let postings: Uint8Array = new Uint8Array(0);
    if (index.segmentDocuments) {
      const whole = this.unsavedSegment ?? (await readFile(searchSegmentPath(this.dataDir)));
      const layout = segmentLayout(whole);
      if (layout) postings = whole.subarray(layout.indexBytes);
    }
    return index.merge(memoryPostings(postings));
  }

  private async writeSegment(bytes: Uint8Array): Promise<void> {
    await this.closeSearchFile();
    await writeFileAtomic(searchSegmentPath(this.dataDir), bytes);
  }

  private async closeSearchFile(): Promise<void> {
    const handle = this.searchFile;
    this.searchFile = null;
    await handle?.close();
  }

  /** The stored segment, its postings read from the file on demand; null when missing or not readable. */
  private async openSegment(): Promise<SearchSegment | null> {
    let handle: FileHandle;
    try {
      handle = await open(searchSegmentPath(this.dataDir), 'r');
    } catch {
      return null;
    }
    try {
      const size = (await handle.stat()).size;
      const header = Buffer.alloc(segmentHeaderBytes);
      await handle.read(header, 0, segmentHeaderBytes, 0);
      const layout = segmentLayout(header);
      if (!layout || layout.indexBytes > size) throw new Error('not a search segment');
      const head = Buffer.alloc(layout.indexBytes);
      await handle.read(head, 0, layout.indexBytes, 0);
      const start = layout.indexBytes;
      const segment = SearchSegment.open(head, size - start, {
        read: async (offset, length) => {
          const bytes = Buffer.allocUnsafe(length);
          const { bytesRead } = await handle.read(bytes, 0, length, start + offset);
          if (bytesRead !== length) throw new Error('search segment is truncated');
          return bytes;
        },
      });
      this.searchFile = handle;
      return segment;
    } catch {
      // A damaged cache is rebuilt, never trusted.
      await handle.close();
      return null;
    }
  }
}
