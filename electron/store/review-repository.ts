import { createHash } from 'node:crypto';
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { reportSchema, type Report } from '../core/common/schemas/report';
import { logLineSchema, reviewRecordSchema, type LogLine, type ReviewRecord } from '../core/common/schemas/review';
import { canonicalJson } from '../core/common/canonical';
import type { Hasher } from '../core/common/ports';
import { describeFinding, type IntegrityFinding } from '../core/review/integrity-messages';
import type { ChainCheck, ReadStateRepository, ReviewRepository } from '../core/services';
import { appendDurably, readLines, repairTornTail } from './append-log';
import { KeyedQueue } from './keyed-queue';
import { assertSafeId } from './safe-id';
import { readDocument, writeDocument } from './validated-file';
import { coded } from '../core/common/messages';

export const nodeHasher: Hasher = {
  sha256: (text) => createHash('sha256').update(text, 'utf8').digest('hex'),
  sha256Bytes: (bytes) => createHash('sha256').update(bytes).digest('hex'),
};

/** The hash of a log line: chained to the previous line's hash. */
export function lineHash(hasher: Hasher, prev: string, record: ReviewRecord): string {
  return hasher.sha256(`${prev}\n${canonicalJson(record)}`);
}

function shard(id: string): string {
  return assertSafeId(id).slice(0, 2).toLowerCase();
}

/** Where a document's review log lives: `reviews/<xx>/<id>.ndjson`. */
export function reviewLogPath(dataDir: string, docId: string): string {
  return path.join(dataDir, 'reviews', shard(docId), `${docId}.ndjson`);
}

/** Where a frozen submitted revision lives: `revisions/<xx>/<id>/r<n>.json`. */
export function revisionPath(dataDir: string, docId: string, revision: number): string {
  return path.join(dataDir, 'revisions', shard(docId), docId, `r${revision}.json`);
}

/** A profile's read-state journal: `state/read-<profile>.ndjson`. */
export function readStatePath(dataDir: string, profileId: string): string {
  return path.join(dataDir, 'state', `read-${assertSafeId(profileId)}.ndjson`);
}

/** One line of a read-state journal. */
export function readStateLine(docId: string, seen: number): string {
  return `${JSON.stringify({ docId, seen })}\n`;
}

/**
 * The log lines that append `records` after a chain whose last line has hash `head`: each record is validated
 * and hashed with the previous line's hash. Returns the text to append and the chain's new count and head.
 */
export function chainLines(
  hasher: Hasher,
  after: { count: number; head: string },
  records: ReviewRecord[],
): { text: string; count: number; head: string } {
  let { head, count } = after;
  let text = '';
  for (const record of records) {
    const valid = reviewRecordSchema.parse(record);
    const hash = lineHash(hasher, head, valid);
    text += `${JSON.stringify({ record: valid, prev: head, hash })}\n`;
    head = hash;
    count++;
  }
  return { text, count, head };
}

/**
 * Review records as one append-only, hash-chained NDJSON log per document (`reviews/<xx>/<id>.ndjson`) and
 * frozen revisions as immutable files (`revisions/<xx>/<id>/r<n>.json`).
 */
export class FileReviewRepository implements ReviewRepository {
  private readonly dataDir: string;
  private readonly revisionsDir: string;
  private readonly hasher: Hasher;
  private readonly queue = new KeyedQueue();
  private readonly heads = new Map<string, { count: number; head: string }>();

  constructor(dataDir: string, hasher: Hasher = nodeHasher) {
    this.dataDir = dataDir;
    this.revisionsDir = path.join(dataDir, 'revisions');
    this.hasher = hasher;
  }

  private logFile(docId: string): string {
    return reviewLogPath(this.dataDir, docId);
  }

  private revisionFile(docId: string, revision: number): string {
    return revisionPath(this.dataDir, docId, revision);
  }

  private async readLog(docId: string): Promise<{ lines: LogLine[]; raw: string[] }> {
    const { lines } = await readLines(this.logFile(docId));
    const parsed: LogLine[] = [];
    for (const line of lines) {
      try {
        const result = logLineSchema.safeParse(JSON.parse(line));
        if (result.success) parsed.push(result.data);
      } catch {
        // Reported by verify; an unreadable line is never trusted.
      }
    }
    return { lines: parsed, raw: lines };
  }

  async records(docId: string): Promise<ReviewRecord[]> {
    return (await this.readLog(docId)).lines.map((line) => line.record);
  }

  async append(docId: string, records: ReviewRecord[]): Promise<{ count: number; head: string }> {
    return this.queue.run(docId, async () => {
      let state = this.heads.get(docId);
      if (!state) {
        const { lines } = await this.readLog(docId);
        state = { count: lines.length, head: lines[lines.length - 1]?.hash ?? '' };
      }
      const { text, count, head } = chainLines(this.hasher, state, records);
      await mkdir(path.dirname(this.logFile(docId)), { recursive: true });
      await appendDurably(this.logFile(docId), text);
      const next = { count, head };
      this.heads.set(docId, next);
      return next;
    });
  }

  async head(docId: string): Promise<{ count: number; head: string }> {
    return this.queue.run(docId, async () => {
      const known = this.heads.get(docId);
      if (known) return known;
      const { lines } = await this.readLog(docId);
      return { count: lines.length, head: lines[lines.length - 1]?.hash ?? '' };
    });
  }

  async verify(docId: string, expected?: { count: number; head: string }): Promise<ChainCheck> {
    // A torn last line is what a crash while appending leaves: cut (kept in quarantine, reported), not a finding.
    await this.queue.run(docId, () => repairTornTail(this.logFile(docId)));
    const { lines, tornTail } = await readLines(this.logFile(docId));
    const findings: IntegrityFinding[] = [];
    const entries: ChainCheck['entries'] = [];
    const hashes: string[] = [];
    let prev = '';
    lines.forEach((raw, index) => {
      const line = index + 1;
      let parsed: LogLine;
      try {
        const result = logLineSchema.safeParse(JSON.parse(raw));
        if (!result.success) {
          findings.push({ code: 'malformed-line', line, params: { detail: result.error.issues[0]?.message ?? '' } });
          hashes.push('');
          return;
        }
        parsed = result.data;
      } catch {
        findings.push({ code: 'unreadable-line', line, params: {} });
        hashes.push('');
        return;
      }
      if (parsed.prev !== prev) findings.push({ code: 'chain-broken', line, params: {} });
      const hash = lineHash(this.hasher, parsed.prev, parsed.record);
      if (hash !== parsed.hash) findings.push({ code: 'content-changed', line, params: { author: parsed.record.authorName, at: parsed.record.at } });
      if (parsed.record.docId !== docId) findings.push({ code: 'wrong-document', line, params: {} });
      entries.push({ line, record: parsed.record });
      hashes.push(parsed.hash);
      prev = parsed.hash;
    });
    if (tornTail) findings.push({ code: 'torn-tail', line: lines.length + 1, params: {} });
    let behind = false;
    if (expected) {
      // The document file records how many lines the log had and the last hash: a line removed from the end,
      // or a line appended with a correctly computed hash (sha256 has no secret), shows only here. A cache that
      // is merely behind (its head is an earlier line of this chain) is an interrupted act, not a forgery: the
      // records after it are still checked one by one (signatures, rights) by the core's verify.
      const count = lines.length;
      if (count < expected.count) {
        findings.push({
          code: count === 0 ? 'log-missing' : 'records-missing',
          line: count + 1,
          params: { missing: expected.count - count, expected: expected.count, actual: count },
        });
      } else if (count > expected.count) {
        behind = hashes[expected.count - 1] === expected.head || (expected.count === 0 && expected.head === '');
        if (!behind) {
          findings.push({
            code: 'records-unregistered',
            line: expected.count + 1,
            params: { extra: count - expected.count, expected: expected.count, actual: count },
          });
        }
      } else if (prev !== expected.head && expected.count > 0) {
        findings.push({ code: 'head-mismatch', line: count, params: {} });
      }
    }
    const problems = findings.map((finding) => ({ ...finding, message: describeFinding(finding) }));
    return { docId, ok: problems.length === 0, records: entries.length, problems, entries, behind, missing: lines.length === 0 };
  }

  async logIds(): Promise<string[]> {
    const root = path.join(this.dataDir, 'reviews');
    const ids: string[] = [];
    let shards: string[];
    try {
      shards = await readdir(root);
    } catch {
      return [];
    }
    for (const shardName of shards.sort()) {
      let names: string[];
      try {
        names = await readdir(path.join(root, shardName));
      } catch {
        continue;
      }
      for (const name of names.sort()) {
        const match = /^(.+)\.ndjson$/.exec(name);
        if (match) ids.push(match[1]);
      }
    }
    return ids;
  }

  async saveRevision(snapshot: Report): Promise<void> {
    const file = this.revisionFile(snapshot.id, snapshot.revision);
    const existing = await readDocument(file, reportSchema);
    if (existing) {
      // A retry of the same submission (after a failure further on) finds its own snapshot: fine.
      const same = (report: Report) => canonicalJson({ metadata: report.metadata, sections: report.sections, title: report.title });
      if (same(existing) === same(snapshot)) return;
      // A snapshot no submit record points at was left by a submission that died before its record was
      // logged (the log is the truth): the retry replaces it.
      if (await this.isLogged(snapshot.id, snapshot.revision)) {
        throw coded('conflict', 'store.revisionExists', { revision: snapshot.revision });
      }
    }
    await writeDocument(file, reportSchema, snapshot);
  }

  async getRevision(docId: string, revision: number): Promise<Report | null> {
    return readDocument(this.revisionFile(docId, revision), reportSchema);
  }

  /** Does the log hold a submit record for this revision (is its frozen snapshot part of the record)? */
  private async isLogged(docId: string, revision: number): Promise<boolean> {
    return (await this.records(docId)).some((record) => record.body.type === 'submit' && record.revision === revision);
  }

  /** The frozen revisions the log's submit records point at (an orphan left by a crashed submit is not one). */
  async revisions(docId: string): Promise<number[]> {
    let names: string[];
    try {
      names = await readdir(path.join(this.revisionsDir, shard(docId), docId));
    } catch {
      return [];
    }
    const numbers = names
      .map((name) => /^r(\d+)\.json$/.exec(name)?.[1])
      .filter((value): value is string => !!value)
      .map(Number)
      .sort((a, b) => a - b);
    if (!numbers.length) return numbers;
    const submitted = new Set((await this.records(docId)).filter((record) => record.body.type === 'submit').map((record) => record.revision));
    return numbers.filter((number) => submitted.has(number));
  }
}

/** Read state per profile as an append-only journal (`state/read-<profile>.ndjson`), folded when read. */
export class FileReadStateRepository implements ReadStateRepository {
  private readonly dataDir: string;
  private readonly folder: string;
  private readonly cache = new Map<string, Record<string, number>>();

  constructor(dataDir: string) {
    this.dataDir = dataDir;
    this.folder = path.join(dataDir, 'state');
  }

  private file(profileId: string): string {
    return readStatePath(this.dataDir, profileId);
  }

  async get(profileId: string): Promise<Record<string, number>> {
    const cached = this.cache.get(profileId);
    if (cached) return cached;
    const seen: Record<string, number> = {};
    for (const line of (await readLines(this.file(profileId))).lines) {
      try {
        const entry = JSON.parse(line) as { docId: string; seen: number };
        if (typeof entry.docId === 'string' && typeof entry.seen === 'number') seen[entry.docId] = entry.seen;
      } catch {
        // A damaged line only loses a read mark.
      }
    }
    this.cache.set(profileId, seen);
    return seen;
  }

  async set(profileId: string, docId: string, seen: number): Promise<void> {
    const state = await this.get(profileId);
    state[docId] = seen;
    await mkdir(this.folder, { recursive: true });
    await appendDurably(this.file(profileId), readStateLine(docId, seen));
  }
}
