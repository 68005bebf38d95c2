import { closeSync, fsync, openSync, writeSync } from 'node:fs';
import { open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { reportSummarySchema, type ReportStatus, type ReportSummary } from '../core/common/schemas/report';
import type { DocumentKind } from '../core/common/schemas/template';
import { writeFileAtomic } from './atomic-write';
import { afterWriteStep, beforeWriteStep, SimulatedCrash, tornAppend } from './write-seam';
import { decodeSnapshot, encodeSnapshot, type JournalMark } from './index-snapshot';

/**
 * One journal line: a summary as a positional array (no repeated key names, so 50,000 lines fold in tens of
 * milliseconds), or `[id]` for a deletion. Lines written by earlier versions (a summary object, or
 * `{ id, deleted: true }`) are still read.
 */
type Row = [
  id: string,
  templateId: string,
  kind: DocumentKind,
  title: string,
  authorId: string,
  authorName: string,
  region: string,
  period: string,
  status: ReportStatus,
  rev: number,
  revision: number,
  reviewCount: number,
  openComments: number,
  updatedAt: string,
  createdAt: string,
  retailer: string | null,
  submittedAt: string | null,
  grade: string | null,
  meetingFlag: ReportSummary['meetingFlag'] | null,
];

const kinds = new Set<string>(['market-analysis', 'research', 'guidance-booklet', 'work-log', 'custom']);
const statuses = new Set<string>(['draft', 'submitted', 'returned', 'approved']);
const meetingFlags = new Set<string>(['praise', 'critique', 'none']);

function toRow(summary: ReportSummary): Row {
  return [
    summary.id,
    summary.templateId,
    summary.kind,
    summary.title,
    summary.authorId,
    summary.authorName,
    summary.region,
    summary.period,
    summary.status,
    summary.rev,
    summary.revision,
    summary.reviewCount,
    summary.openComments,
    summary.updatedAt,
    summary.createdAt,
    summary.retailer ?? null,
    summary.submittedAt ?? null,
    summary.grade ?? null,
    summary.meetingFlag ?? null,
  ];
}

const isText = (value: unknown): value is string => typeof value === 'string';
const isOptionalText = (value: unknown): value is string | null => value === null || typeof value === 'string';

/** A summary from a row, checked field by field (the same rules as reportSummarySchema); null if malformed. */
function fromRow(row: unknown[]): ReportSummary | null {
  if (row.length !== 19) return null;
  const [id, templateId, kind, title, authorId, authorName, region, period, status, rev, revision, reviewCount, openComments, updatedAt, createdAt, retailer, submittedAt, grade, meetingFlag] = row;
  if (!isText(id) || !isText(templateId) || !isText(title) || !isText(authorId) || !isText(authorName) || !isText(region) || !isText(period)) return null;
  if (!isText(kind) || !kinds.has(kind) || !isText(status) || !statuses.has(status) || !isText(updatedAt) || !isText(createdAt)) return null;
  if (!Number.isInteger(rev) || !Number.isInteger(revision) || !Number.isInteger(reviewCount) || !Number.isInteger(openComments)) return null;
  if (!isOptionalText(retailer) || !isOptionalText(submittedAt) || !isOptionalText(grade)) return null;
  if (meetingFlag !== null && !(isText(meetingFlag) && meetingFlags.has(meetingFlag))) return null;
  // Key order as summarize() and the schema give it; an absent optional key is undefined (JSON leaves it out,
  // as summarize() does), so every summary has one object shape.
  const summary: ReportSummary = {
    id,
    templateId,
    kind: kind as DocumentKind,
    title,
    authorId,
    authorName,
    region,
    period,
    status: status as ReportStatus,
    rev: rev as number,
    retailer: retailer ?? undefined,
    revision: revision as number,
    submittedAt: submittedAt ?? undefined,
    grade: grade ?? undefined,
    meetingFlag: (meetingFlag ?? undefined) as ReportSummary['meetingFlag'],
    reviewCount: reviewCount as number,
    openComments: openComments as number,
    updatedAt,
    createdAt,
  };
  return summary;
}

/** Newest first; ISO times compare as text. */
function compareNewestFirst(a: ReportSummary, b: ReportSummary): number {
  return a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0;
}

/**
 * Lines appended since the last compaction that make closing compact the journal (and write a snapshot). Every
 * open replays the lines after the snapshot one by one: kept low, a day's saves at most, so that opening stays
 * near the snapshot's speed (at 50,000 documents about 1,700 lines made it 100 ms instead of 76 ms; compacting
 * at close takes about 0.4 s there).
 */
const compactAtCloseAfter = 250;

/**
 * The document list as an append-only journal: a save appends one line (cost independent of the number of
 * documents); the journal is folded at open and compacted when it has grown well past the live entries.
 * A compaction also writes a snapshot of the list (index-snapshot.ts) that opening reads instead of the
 * compacted lines, so only the lines appended since are parsed one by one.
 * It is a cache: a `clean` marker written at orderly shutdown says it can be trusted; without it (a crash)
 * the caller rebuilds it from the document files.
 */
export class ReportIndex {
  private readonly journalFile: string;
  private readonly snapshotFile: string;
  private readonly cleanFile: string;
  /** Journal lines since the last compaction (loaded after the snapshot, or appended in this session). */
  private linesSinceCompaction = 0;
  /** The journal, open for appending during a session (a raw descriptor: an append is one quick system call). */
  private descriptor: number | null = null;
  private readonly map = new Map<string, ReportSummary>();
  /**
   * Summaries read from the snapshot and not yet put into the map, with the journal's changes since the
   * snapshot (in order; null = deleted): opening makes the list without building a map of 50,000 entries,
   * which the first lookup by id builds.
   */
  private unmapped: { summaries: ReportSummary[]; changes: [string, ReportSummary | null][] } | null = null;
  /** The entries newest first, rebuilt after a change (nearly sorted input: a few milliseconds at 50,000). */
  private ordered: ReportSummary[] | null = null;

  /** Every live entry by id. */
  get entries(): Map<string, ReportSummary> {
    const pending = this.unmapped;
    if (pending) {
      this.unmapped = null;
      for (const summary of pending.summaries) this.map.set(summary.id, summary);
      for (const [id, summary] of pending.changes) {
        if (summary) this.map.set(id, summary);
        else this.map.delete(id);
      }
    }
    return this.map;
  }

  constructor(indexDir: string) {
    this.journalFile = path.join(indexDir, 'reports.ndjson');
    this.snapshotFile = path.join(indexDir, 'reports.snapshot');
    this.cleanFile = path.join(indexDir, 'clean');
  }

  /** The journal's identity (device and inode): a compaction replaces the file, appends keep it. */
  private async journalMark(): Promise<JournalMark | null> {
    try {
      const info = await stat(this.journalFile, { bigint: true });
      return { file: `${info.dev}:${info.ino}`, bytes: Number(info.size) };
    } catch {
      return null;
    }
  }

  /** The snapshot, if it describes the journal as it is now (the same file, at least as long). */
  private async readSnapshot(journal: JournalMark): Promise<{ summaries: ReportSummary[]; bytes: number } | null> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.snapshotFile);
    } catch {
      return null;
    }
    const snapshot = decodeSnapshot(bytes.toString('latin1'));
    if (!snapshot || snapshot.journal.file !== journal.file || snapshot.journal.bytes > journal.bytes) return null;
    return { summaries: snapshot.summaries, bytes: snapshot.journal.bytes };
  }

  /** The journal's text from byte `offset` on. */
  private async journalFrom(offset: number): Promise<string> {
    if (!offset) return readFile(this.journalFile, 'utf8');
    const handle = await open(this.journalFile, 'r');
    try {
      const size = (await handle.stat()).size;
      const buffer = Buffer.alloc(Math.max(0, size - offset));
      if (buffer.length) await handle.read(buffer, 0, buffer.length, offset);
      return buffer.toString('utf8');
    } finally {
      await handle.close();
    }
  }

  /** Load the journal if it was closed cleanly; false means "rebuild from the documents". */
  async load(): Promise<boolean> {
    const clean = await stat(this.cleanFile).then(
      () => true,
      () => false,
    );
    if (!clean) return false;
    const journal = await this.journalMark();
    if (!journal) return false;
    const snapshot = await this.readSnapshot(journal);
    let text: string;
    try {
      text = await this.journalFrom(snapshot?.bytes ?? 0);
    } catch {
      return false;
    }
    const changes: [string, ReportSummary | null][] = [];
    const set = (id: string, summary: ReportSummary | null) => {
      if (snapshot) changes.push([id, summary]);
      else if (summary) this.map.set(id, summary);
      else this.map.delete(id);
    };
    if (snapshot) {
      this.unmapped = { summaries: snapshot.summaries, changes };
      // Written newest first: the list is ready without sorting (until the lines after it change something).
      this.ordered = snapshot.summaries;
    }
    if (!text) return true;
    // A torn last line (a crash while appending) or a line that is not JSON: rebuild.
    if (!text.endsWith('\n')) return false;
    let lines: unknown[];
    try {
      // JSON text never holds a raw line break, so the lines joined with commas are one JSON array: one parse.
      lines = JSON.parse(`[${text.slice(0, -1).replaceAll('\n', ',')}]`) as unknown[];
    } catch {
      return false;
    }
    this.ordered = null;
    this.linesSinceCompaction = lines.length;
    for (const line of lines) {
      if (Array.isArray(line)) {
        if (line.length === 1 && typeof line[0] === 'string') {
          set(line[0], null);
          continue;
        }
        const summary = fromRow(line);
        if (!summary) return false;
        set(summary.id, summary);
        continue;
      }
      if (!line || typeof line !== 'object') return false;
      if ((line as { deleted?: unknown }).deleted === true && typeof (line as { id?: unknown }).id === 'string') {
        set((line as { id: string }).id, null);
        continue;
      }
      const parsed = reportSummarySchema.safeParse(line);
      if (!parsed.success) return false;
      set(parsed.data.id, parsed.data);
    }
    if (lines.length > 1000) {
      const total = (snapshot?.summaries.length ?? 0) + lines.length;
      if (total > this.entries.size * 2 + 1000 || lines.length > this.entries.size / 2 + 5000) await this.compact();
    }
    return true;
  }

  /** Replace all entries (after a rebuild) and write a compact journal. */
  async reset(summaries: Iterable<ReportSummary>): Promise<void> {
    this.unmapped = null;
    this.map.clear();
    this.ordered = null;
    for (const summary of summaries) this.map.set(summary.id, summary);
    await this.compact();
  }

  /** Every entry, newest first (a new array; the summaries are shared). */
  newestFirst(): ReportSummary[] {
    if (!this.ordered) {
      const pending = this.unmapped;
      if (pending) {
        // The snapshot's order with the journal's changes applied, without building the map.
        const latest = new Map(pending.changes);
        const kept = latest.size ? pending.summaries.filter((summary) => !latest.has(summary.id)) : pending.summaries.slice();
        for (const summary of latest.values()) if (summary) kept.push(summary);
        this.ordered = kept.sort(compareNewestFirst);
      } else {
        this.ordered = [...this.map.values()].sort(compareNewestFirst);
      }
    }
    return this.ordered.slice();
  }

  /** Start a session: from now on a crash means the journal may lag the documents. */
  async beginSession(): Promise<void> {
    await rm(this.cleanFile, { force: true });
    this.descriptor = openSync(this.journalFile, 'a');
  }

  async put(summary: ReportSummary): Promise<void> {
    this.entries.set(summary.id, summary);
    this.ordered = null;
    await this.append(toRow(summary));
  }

  async delete(id: string): Promise<void> {
    this.entries.delete(id);
    this.ordered = null;
    await this.append([id]);
  }

  /**
   * Orderly shutdown: the journal is complete, mark it trustworthy. After many changes the journal is
   * compacted first, so the next open reads a fresh snapshot.
   */
  async close(): Promise<void> {
    if (this.descriptor === null) return;
    if (this.linesSinceCompaction > compactAtCloseAfter) await this.compact();
    const descriptor = this.descriptor;
    if (descriptor === null) return;
    this.descriptor = null;
    await new Promise<void>((resolve, reject) => fsync(descriptor, (error) => (error ? reject(error) : resolve())));
    closeSync(descriptor);
    beforeWriteStep('write', this.cleanFile);
    await writeFile(this.cleanFile, new Date().toISOString());
  }

  private async append(row: unknown[]): Promise<void> {
    if (this.descriptor === null) throw new Error('report index is not open');
    // No fsync: the document file is the truth and was synced; a crash rebuilds this cache. A synchronous
    // append of one short line to the page cache takes microseconds; a thread-pool round trip would cost more.
    beforeWriteStep('append', this.journalFile);
    const line = `${JSON.stringify(row)}\n`;
    const torn = tornAppend(this.journalFile, line);
    if (torn !== undefined) {
      writeSync(this.descriptor, torn);
      throw new SimulatedCrash('torn append', this.journalFile);
    }
    writeSync(this.descriptor, line);
    afterWriteStep('append', this.journalFile);
    this.linesSinceCompaction++;
  }

  /** Rewrite the journal as one line per live document, newest first (so the next open starts sorted). */
  private async compact(): Promise<void> {
    const wasOpen = this.descriptor !== null;
    if (this.descriptor !== null) {
      closeSync(this.descriptor);
      this.descriptor = null;
    }
    const ordered = this.newestFirst();
    let text = '';
    for (const summary of ordered) text += `${JSON.stringify(toRow(summary))}\n`;
    await rm(this.snapshotFile, { force: true });
    await writeFileAtomic(this.journalFile, text);
    const journal = await this.journalMark();
    // The snapshot is a cache of a cache: written without fsync; a damaged one fails its checks and is ignored.
    if (journal) await writeFile(this.snapshotFile, encodeSnapshot(ordered, journal), 'latin1');
    this.linesSinceCompaction = 0;
    if (wasOpen) this.descriptor = openSync(this.journalFile, 'a');
  }
}
