import type { Profile } from '../profiles/schema';
import type { Report, ReportSummary } from '../reports/schema';
import type { Template, TemplateSummary } from '../templates/schema';
import type { Settings } from '../settings/schema';
import type { Clock, Hasher, IdGenerator, Locks } from './ports';
import type { DemoData } from '../seeds/demo-schema';
import type { ReviewRecord } from '../review/schema';
import type { IntegrityFinding } from '../review/integrity-messages';
import type { FingerprintEntry } from '../insight/copy-detection';
import type { CopyCheckResult } from '../insight/schema';
import type { BackupPort } from '../backup/port';
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

/** One problem `verify` found: a stable code with its parameters, and the sentence for it (zh-CN). */
export interface VerifyProblem extends IntegrityFinding {
  message: string;
}

/** Problems found when checking a document's review record (chain, signatures, rights, revisions, cache). */
export interface VerifyReport {
  docId: string;
  ok: boolean;
  records: number;
  problems: VerifyProblem[];
}

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

/**
 * This machine's signing keys: one Ed25519 key pair per local profile, made on first use (the private key never
 * leaves the data folder), and signature checks against any public key.
 */
/** Unlocked private keys carried from one open store to the next (never written anywhere). */
export type UnlockedKeys = ReadonlyMap<string, { publicKey: string; privateKey: unknown }>;

export interface Signer {
  /** The profile's public key (raw, base64) and fingerprint; creates the key pair the first time. */
  identity(profileId: string): Promise<{ publicKey: string; fingerprint: string; createdAt: string }>;
  /** The profile's public key if it already has one on this machine; never creates one. */
  existingKey(profileId: string): Promise<string | null>;
  /**
   * How the profile's private key is kept: 'none' (not made yet), 'plain' (in clear), 'locked' / 'unlocked'
   * (passphrase-protected; unlocked in memory for this process), 'os' (sealed by the operating system).
   */
  keyState(profileId: string): Promise<'none' | 'plain' | 'locked' | 'unlocked' | 'os'>;
  /** Unlock a passphrase-protected key for this process; `forbidden` (reason wrong-passphrase) when wrong. */
  unlock(profileId: string, passphrase: string): Promise<void>;
  /**
   * Protect the key with a passphrase (made now if there is none; a key in clear is migrated, keeping the same
   * key pair); changing an existing passphrase needs the current one. Leaves the key unlocked.
   */
  setPassphrase(profileId: string, passphrase: string, current?: string): Promise<void>;
  /** Forget the unlocked private key (it stays protected on disk). */
  lock(profileId: string): void;
  /**
   * The passphrase-protected keys unlocked in this process, opaque: handed to the signer of the same person's
   * data folder after a move or a restore (`adoptUnlocked`), so the app does not ask for the passphrase again.
   */
  unlockedKeys(): UnlockedKeys;
  /** Take over keys unlocked by another signer; a key is used only where its public key matches the stored one. */
  adoptUnlocked(keys: UnlockedKeys): Promise<void>;
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
  /**
   * Mark an import as started; `dataBase64`, the package itself, is kept with the mark so that an import a
   * crash interrupted is finished when the folder is opened again (see resumePendingImport).
   */
  beginImport(pending: PendingImport, dataBase64?: string): Promise<void>;
  /** The package kept with the pending mark (base64), if any. */
  pendingPackage?(): Promise<string | null>;
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
  /** Backups, restore and moving the data folder: set by the host of a running app (absent in plain stores). */
  backup?: BackupPort;
  /** Office sync through a shared folder (absent where the program runs without it, e.g. core tests). */
  sync?: SyncPort;
}

/** Who is calling: the active profile, or null before one is chosen. */
export interface CallContext {
  profile: Profile | null;
  services: CoreServices;
}
