import type { Profile } from '../profiles/schema';
import type { Report, ReportSummary } from '../reports/schema';
import type { Template, TemplateSummary } from '../templates/schema';
import type { Settings } from '../settings/schema';
import type { Clock, Hasher, IdGenerator, Locks } from './ports';
import type { DemoData } from '../seeds/demo-schema';
import type { ReviewRecord } from '../review/schema';
import type { FingerprintEntry } from '../insight/copy-detection';
import type { CopyCheckResult } from '../insight/schema';
import type { ExportMarker, ImportLogEntry, PendingImport, TrustEntry } from '../exchange/schema';
import type { SyncPort } from '../sync/port';

/** Profiles stored on this machine. */
export interface ProfileRepository {
  list(): Promise<Profile[]>;
  get(id: string): Promise<Profile | null>;
  save(profile: Profile): Promise<void>;
}

/** Template versions: built-in ones are read-only, every save of a user template is a new version. */
export interface TemplateRepository {
  /** Latest version of every template. */
  listLatest(): Promise<TemplateSummary[]>;
  /** A given version, or the latest when version is omitted. */
  get(id: string, version?: number): Promise<Template | null>;
  versions(id: string): Promise<number[]>;
  /** Store a new user template version; refuses to overwrite an existing version. */
  saveVersion(template: Template): Promise<void>;
}

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

/** Problems found when checking a document's review log against its hash chain. */
export interface VerifyReport {
  docId: string;
  ok: boolean;
  records: number;
  problems: { line: number; message: string }[];
}

/**
 * Review records: an append-only, hash-chained log per document, and the frozen snapshot of every
 * submitted revision. Nothing here is ever rewritten.
 */
export interface ReviewRepository {
  records(docId: string): Promise<ReviewRecord[]>;
  /** Append records (in order) to the document's log; durable when the promise resolves. */
  append(docId: string, records: ReviewRecord[]): Promise<{ count: number; head: string }>;
  verify(docId: string, expected?: { count: number; head: string }): Promise<VerifyReport>;
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

/**
 * This machine's signing keys: one Ed25519 key pair per local profile, made on first use (the private key never
 * leaves the data folder), and signature checks against any public key.
 */
export interface Signer {
  /** The profile's public key (raw, base64) and fingerprint; creates the key pair the first time. */
  identity(profileId: string): Promise<{ publicKey: string; fingerprint: string; createdAt: string }>;
  /** The profile's public key if it already has one on this machine; never creates one. */
  existingKey(profileId: string): Promise<string | null>;
  /** Sign UTF-8 text with the profile's private key (creating the key pair the first time); base64. */
  sign(profileId: string, text: string): Promise<string>;
  /** Does `signature` (base64) sign `text` under `publicKey` (raw, base64)? False for malformed input. */
  verify(publicKey: string, text: string, signature: string): boolean;
  /** First 16 bytes of sha256 of the raw public key, as grouped hex (`a1b2 c3d4 …`). */
  fingerprint(publicKey: string): string;
}

/** What this machine knows about exchange: trusted keys, "last export" markers, the import log. */
export interface ExchangeRepository {
  trusted(): Promise<TrustEntry[]>;
  /** Add keys seen for the first time (an id already trusted is left as it is). */
  addTrusted(entries: TrustEntry[]): Promise<void>;
  exportMarker(key: string): Promise<ExportMarker | null>;
  saveExportMarker(key: string, marker: ExportMarker): Promise<void>;
  /** Every import, oldest first. */
  imports(): Promise<ImportLogEntry[]>;
  logImport(entry: ImportLogEntry): Promise<void>;
  /** An import that started writing and did not finish (a crash), if any. */
  pendingImport(): Promise<PendingImport | null>;
  beginImport(pending: PendingImport): Promise<void>;
  endImport(): Promise<void>;
}

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

export interface SettingsRepository {
  get(): Promise<Settings>;
  save(settings: Settings): Promise<void>;
}

/** A data file that failed validation and was moved aside. */
export interface StoreProblem {
  file: string;
  movedTo: string;
  reason: string;
  at: string;
}

export interface StoreHealth {
  problems(): Promise<StoreProblem[]>;
  dataDir(): string;
}

/** Everything a use case may touch. Built by the store for production, by fakes in tests. */
export interface CoreServices {
  profiles: ProfileRepository;
  templates: TemplateRepository;
  reports: ReportRepository;
  settings: SettingsRepository;
  reviews: ReviewRepository;
  readState: ReadStateRepository;
  insight: InsightRepository;
  exchange: ExchangeRepository;
  signer: Signer;
  health: StoreHealth;
  clock: Clock;
  ids: IdGenerator;
  hash: Hasher;
  /** One act per document at a time: permission and state checks, then the writes, without interleaving. */
  locks: Locks;
  /** Built-in demo data, parsed by the core schemas; null where no seeds are shipped. */
  loadDemoData(): Promise<DemoData | null>;
  /** Office sync through a shared folder (absent where the program runs without it, e.g. core tests). */
  sync?: SyncPort;
}

/** Who is calling: the active profile, or null before one is chosen. */
export interface CallContext {
  profile: Profile | null;
  services: CoreServices;
}
