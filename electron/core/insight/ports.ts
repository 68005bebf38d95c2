/** The port the insight capability owns (implemented by the store), and the services its use cases see. */
import type { Context } from '../common/context';
import type { SettingsPort } from '../common/ports';
import type { Report } from '../common/schemas/report';
import type { Grade, ReviewRecord } from '../common/schemas/review';
import type { CalendarServices, CalendarSettings } from '../calendar/ports';
import type { ProfileSettings } from '../profiles/ports';
import type { ReportsServices } from '../reports/ports';
import type { FingerprintEntry } from './copy-detection';
import type { CopyCheckResult, InsightSettings } from './schema';

/**
 * Copy detection's storage: the result of each check (one small file per submitted revision) and the copy
 * index, a derived cache of fingerprints in partitions (`own:<kind>:<author>`, `peer:<kind>:<month>`) so a check
 * reads only its candidate pools. Entries are only ever appended; the latest revision of a document wins.
 */
export interface InsightRepository {
  getCopyCheck(docId: string, revision: number): Promise<CopyCheckResult | null>;
  saveCopyCheck(result: CopyCheckResult): Promise<void>;
  /** The latest stored score of every checked document (for the inbox), kept in memory. */
  copyScores(): Promise<Map<string, { revision: number; score: number }>>;
  /** A partition's entries, oldest first. The same array grows as entries are added (never rewritten). */
  fingerprints(partition: string): Promise<readonly FingerprintEntry[]>;
  addFingerprints(partitions: string[], entry: FingerprintEntry): Promise<void>;
}


/** What insight reads of the review log (core/review owns the log and its port). */
export interface ReviewLogReader {
  records(docId: string): Promise<ReviewRecord[]>;
  getRevision(docId: string, revision: number): Promise<Report | null>;
}

/** The settings the insight capability reads. */
export interface InsightSettingsView {
  insight: InsightSettings;
  gradeScale: Grade[];
}

export interface InsightServices extends CalendarServices, ReportsServices {
  insight: InsightRepository;
  reviews: ReviewLogReader;
  settings: SettingsPort<ProfileSettings & CalendarSettings & InsightSettingsView>;
}

export type CallContext = Context<InsightServices>;
