import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { reportSchema, summarize, type Report, type ReportSummary } from '../core/reports/schema';
import { DomainError } from '../core/shared/errors';
import type { ReportRepository } from '../core/shared/services';
import { reportSearchText } from '../core/search/report-text';
import { SearchIndex } from '../core/search/search-index';
import type { Quarantine } from './quarantine';
import { KeyedQueue } from './keyed-queue';
import { ReportIndex } from './report-index';
import { assertSafeId } from './safe-id';
import { CorruptFileError, parseValidated, readDocument, writeDocument } from './validated-file';

/** Of two review summaries, the one covering more of the (append-only) log. */
function newerReview(stored: Report['review'], incoming: Report['review']): Report['review'] {
  if (!stored) return incoming;
  if (!incoming) return stored;
  return incoming.count >= stored.count ? incoming : stored;
}

/** Documents as one JSON file each under `reports/<first two characters of id>/<id>.json`. */
export class FileReportRepository implements ReportRepository {
  private readonly folder: string;
  private readonly index: ReportIndex;
  private readonly quarantine: Quarantine;
  private readonly queue = new KeyedQueue();
  /** Built on the first search (reading every document once), then kept current by every write. */
  private searchIndex: SearchIndex | null = null;
  private building: Promise<SearchIndex> | null = null;

  private constructor(dataDir: string, quarantine: Quarantine) {
    this.folder = path.join(dataDir, 'reports');
    this.index = new ReportIndex(path.join(dataDir, 'index'));
    this.quarantine = quarantine;
  }

  static async open(dataDir: string, quarantine: Quarantine): Promise<FileReportRepository> {
    const repository = new FileReportRepository(dataDir, quarantine);
    await mkdir(path.join(dataDir, 'index'), { recursive: true });
    await mkdir(repository.folder, { recursive: true });
    if (!(await repository.index.load())) await repository.rebuildIndex();
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
        }
      }
    }
    await this.index.reset(summaries);
    return summaries.length;
  }

  /**
   * Check every document file against the schema and the index, a few at a time, after the store is open:
   * a file damaged or edited by hand outside the app is moved aside (and reported) or re-indexed, without
   * making the user wait for a full scan at start. Stops early when the store closes.
   */
  async checkAll(options: { shouldStop: () => boolean }): Promise<{ checked: number; quarantined: number; reindexed: number }> {
    const result = { checked: 0, quarantined: 0, reindexed: 0 };
    for (const shard of await readdir(this.folder).catch(() => [] as string[])) {
      const shardPath = path.join(this.folder, shard);
      for (const name of await readdir(shardPath).catch(() => [] as string[])) {
        if (options.shouldStop()) return result;
        if (!name.endsWith('.json') || name.startsWith('.')) continue;
        const id = name.slice(0, -'.json'.length);
        await this.queue.run(id, async () => {
          if (options.shouldStop()) return;
          const file = path.join(shardPath, name);
          let text: string;
          try {
            text = await readFile(file, 'utf8');
          } catch {
            return;
          }
          result.checked++;
          try {
            const report = parseValidated(file, text, reportSchema);
            const summary = summarize(report);
            if (JSON.stringify(this.index.entries.get(report.id)) !== JSON.stringify(summary)) {
              await this.index.put(summary);
              result.reindexed++;
            }
          } catch (error) {
            if (!(error instanceof CorruptFileError)) throw error;
            await this.quarantine.moveAside(file, error.message);
            await this.index.delete(id);
            this.searchIndex?.remove(id);
            result.quarantined++;
          }
        });
      }
    }
    return result;
  }

  async close(): Promise<void> {
    await this.index.close();
  }

  private fileFor(id: string): string {
    assertSafeId(id);
    return path.join(this.folder, id.slice(0, 2).toLowerCase(), `${id}.json`);
  }

  async list(): Promise<ReportSummary[]> {
    return [...this.index.entries.values()];
  }

  async get(id: string): Promise<Report | null> {
    const file = this.fileFor(id);
    try {
      const report = await readDocument(file, reportSchema);
      // The file is gone (removed by hand, or by a sync tool): the index must not keep listing it.
      if (!report && this.index.entries.has(id)) await this.index.delete(id);
      return report;
    } catch (error) {
      if (!(error instanceof CorruptFileError)) throw error;
      await this.quarantine.moveAside(file, error.message);
      await this.index.delete(id);
      return null;
    }
  }

  async create(report: Report): Promise<void> {
    await this.queue.run(report.id, async () => {
      if (this.index.entries.has(report.id) || (await this.get(report.id))) {
        throw new DomainError('conflict', '已存在相同编号的文稿');
      }
      await writeDocument(this.fileFor(report.id), reportSchema, report);
      await this.index.put(summarize(report));
      this.searchIndex?.put(report.id, reportSearchText(report));
    });
  }

  async save(report: Report, baseRev: number): Promise<Report> {
    return this.queue.run(report.id, async () => {
      const current = await this.get(report.id);
      if (!current) throw new DomainError('not-found', '找不到该文稿，可能已被删除');
      if (current.rev !== baseRev) {
        throw new DomainError('conflict', '文稿已在别处被修改（另一个窗口或导入），请比较两个版本后再保存', {
          details: { current },
        });
      }
      const stored: Report = { ...report, rev: baseRev + 1, review: newerReview(current.review, report.review) };
      await writeDocument(this.fileFor(report.id), reportSchema, stored);
      await this.index.put(summarize(stored));
      this.searchIndex?.put(stored.id, reportSearchText(stored));
      return stored;
    });
  }

  async saveReview(id: string, review: NonNullable<Report['review']>): Promise<Report> {
    return this.queue.run(id, async () => {
      const current = await this.get(id);
      if (!current) throw new DomainError('not-found', '找不到该文稿，可能已被删除');
      const stored: Report = { ...current, review: newerReview(current.review, review) };
      await writeDocument(this.fileFor(id), reportSchema, stored);
      await this.index.put(summarize(stored));
      return stored;
    });
  }

  async remove(id: string, baseRev: number): Promise<void> {
    await this.queue.run(id, async () => {
      const current = await this.get(id);
      if (!current) throw new DomainError('not-found', '找不到该文稿，可能已被删除');
      if (current.rev !== baseRev) throw new DomainError('conflict', '文稿已在别处被修改，请刷新后再删除');
      await rm(this.fileFor(id), { force: true });
      await this.index.delete(id);
      this.searchIndex?.remove(id);
    });
  }

  async search(query: string): Promise<{ id: string; score: number }[]> {
    const index = await this.ensureSearchIndex();
    return index.search(query).filter((hit) => this.index.entries.has(hit.id));
  }

  private ensureSearchIndex(): Promise<SearchIndex> {
    if (this.searchIndex) return Promise.resolve(this.searchIndex);
    this.building ??= (async () => {
      const index = new SearchIndex();
      for (const id of [...this.index.entries.keys()]) {
        const report = await this.get(id);
        if (report) index.put(id, reportSearchText(report));
      }
      this.searchIndex = index;
      return index;
    })();
    return this.building;
  }
}
