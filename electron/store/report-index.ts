import { open, readFile, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { reportSummarySchema, type ReportSummary } from '../core/reports/schema';
import { writeFileAtomic } from './atomic-write';

type JournalEntry = ReportSummary | { id: string; deleted: true };

/**
 * The document list as an append-only journal: a save appends one line (cost independent of the number of
 * documents); the journal is folded at open and compacted when it has grown well past the live entries.
 * It is a cache: a `clean` marker written at orderly shutdown says it can be trusted; without it (a crash)
 * the caller rebuilds it from the document files.
 */
export class ReportIndex {
  private readonly journalFile: string;
  private readonly cleanFile: string;
  private handle: FileHandle | null = null;
  readonly entries = new Map<string, ReportSummary>();

  constructor(indexDir: string) {
    this.journalFile = path.join(indexDir, 'reports.ndjson');
    this.cleanFile = path.join(indexDir, 'clean');
  }

  /** Load the journal if it was closed cleanly; false means "rebuild from the documents". */
  async load(): Promise<boolean> {
    const clean = await stat(this.cleanFile).then(
      () => true,
      () => false,
    );
    if (!clean) return false;
    let text: string;
    try {
      text = await readFile(this.journalFile, 'utf8');
    } catch {
      return false;
    }
    let lines = 0;
    for (const line of text.split('\n')) {
      if (!line) continue;
      lines++;
      let entry: JournalEntry;
      try {
        entry = JSON.parse(line) as JournalEntry;
      } catch {
        return false;
      }
      if ('deleted' in entry) {
        this.entries.delete(entry.id);
        continue;
      }
      const parsed = reportSummarySchema.safeParse(entry);
      if (!parsed.success) return false;
      this.entries.set(parsed.data.id, parsed.data);
    }
    if (lines > this.entries.size * 2 + 1000) await this.compact();
    return true;
  }

  /** Replace all entries (after a rebuild) and write a compact journal. */
  async reset(summaries: Iterable<ReportSummary>): Promise<void> {
    this.entries.clear();
    for (const summary of summaries) this.entries.set(summary.id, summary);
    await this.compact();
  }

  /** Start a session: from now on a crash means the journal may lag the documents. */
  async beginSession(): Promise<void> {
    await rm(this.cleanFile, { force: true });
    this.handle = await open(this.journalFile, 'a');
  }

  async put(summary: ReportSummary): Promise<void> {
    this.entries.set(summary.id, summary);
    await this.append(summary);
  }

  async delete(id: string): Promise<void> {
    this.entries.delete(id);
    await this.append({ id, deleted: true });
  }

  /** Orderly shutdown: the journal is complete, mark it trustworthy. */
  async close(): Promise<void> {
    if (!this.handle) return;
    await this.handle.sync();
    await this.handle.close();
    this.handle = null;
    await writeFile(this.cleanFile, new Date().toISOString());
  }

  private async append(entry: JournalEntry): Promise<void> {
    if (!this.handle) throw new Error('report index is not open');
    // No fsync: the document file is the truth and was synced; a crash rebuilds this cache.
    await this.handle.write(`${JSON.stringify(entry)}\n`);
  }

  private async compact(): Promise<void> {
    const wasOpen = this.handle !== null;
    if (this.handle) {
      await this.handle.close();
      this.handle = null;
    }
    const lines = [...this.entries.values()].map((entry) => JSON.stringify(entry)).join('\n');
    await writeFileAtomic(this.journalFile, lines ? `${lines}\n` : '');
    if (wasOpen) this.handle = await open(this.journalFile, 'a');
  }
}
