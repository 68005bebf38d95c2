/** The port the reports capability owns (implemented by the store), and the services its use cases see. */
import type { Context } from '../common/context';
import type { Report, ReportSummary } from '../common/schemas/report';
import type { TemplatesServices } from '../templates/ports';

/** Documents, one file each; the list comes from an index, never from opening every file. */
export interface ReportRepository {
  list(): Promise<ReportSummary[]>;
  get(id: string): Promise<Report | null>;
  /** Create a new document; `conflict` if the id exists. */
  create(report: Report): Promise<void>;
  /**
   * Replace a document if its stored `rev` still equals `baseRev`; the stored copy gets `rev = baseRev + 1`.
   * Throws a `conflict` DomainError (with the stored document as details) otherwise.
   */
  save(report: Report, baseRev: number): Promise<Report>;
  /**
   * Store the document's review summary (the cache of its review log) without touching its text or `rev`:
   * a comment, reply or 已整改 must not make the writer's open editor conflict on its next save. Here and in
   * `save`, the summary covering more records wins (the log only grows), so a save never rolls it back.
   */
  saveReview(id: string, review: NonNullable<Report['review']>): Promise<Report>;
  remove(id: string, baseRev: number): Promise<void>;
  /**
   * Full-text search over every document (Chinese-aware): ids with a relevance score and their summary, best
   * first. `accept` keeps only the documents whose summary it accepts (the caller's visibility and filters);
   * `limit` stops after that many.
   */
  search(
    query: string,
    options?: { accept?: (summary: ReportSummary) => boolean; limit?: number },
  ): Promise<{ id: string; score: number; summary: ReportSummary }[]>;
}


export interface ReportsServices extends TemplatesServices {
  reports: ReportRepository;
}

export type CallContext = Context<ReportsServices>;
