/** The ports the review capability owns (implemented by the store), and the services its use cases see. */
import type { Context } from '../common/context';
import type { SettingsPort } from '../common/ports';
import type { Report } from '../common/schemas/report';
import type { ReviewRecord } from '../common/schemas/review';
import type { CalendarSettings } from '../calendar/ports';
import type { InsightServices, InsightSettingsView } from '../insight/ports';
import type { ProfileSettings } from '../profiles/ports';
import type { VerifyReport } from './schema';

export type { VerifyProblem, VerifyReport } from './schema';

/** What the store's chain check found, with the records it could read (and on which line). */
export interface ChainCheck extends VerifyReport {
  entries: { line: number; record: ReviewRecord }[];
  /**
   * The document's cache is merely behind its log (extra records after the registered count, and the registered
   * head is the hash of the record at that count): an interrupted act, completed at open — not tampering.
   */
  behind: boolean;
  /** No log file (or an empty one). */
  missing: boolean;
}

/**
 * Review records: an append-only, hash-chained log per document, and the frozen snapshot of every
 * submitted revision. Nothing here is ever rewritten.
 */
export interface ReviewRepository {
  records(docId: string): Promise<ReviewRecord[]>;
  /** Append records (in order) to the document's log; durable when the promise resolves. */
  append(docId: string, records: ReviewRecord[]): Promise<{ count: number; head: string }>;
  /** Check the log's hash chain, and the count and head the document registered. */
  verify(docId: string, expected?: { count: number; head: string }): Promise<ChainCheck>;
  /** Every document id that has a review log (to find logs whose document is missing). */
  logIds(): Promise<string[]>;
  /** How many records the document's log holds and the hash of its last line ('' when empty). */
  head(docId: string): Promise<{ count: number; head: string }>;
  /** Freeze a submitted revision; refuses to overwrite an existing one. */
  saveRevision(snapshot: Report): Promise<void>;
  getRevision(docId: string, revision: number): Promise<Report | null>;
  revisions(docId: string): Promise<number[]>;
}

/** Per profile: how many review records of each document they have seen (read/unread). */
export interface ReadStateRepository {
  get(profileId: string): Promise<Record<string, number>>;
  set(profileId: string, docId: string, seen: number): Promise<void>;
}


export interface ReviewServices extends InsightServices {
  reviews: ReviewRepository;
  readState: ReadStateRepository;
  settings: SettingsPort<ProfileSettings & CalendarSettings & InsightSettingsView>;
}

export type CallContext = Context<ReviewServices>;
