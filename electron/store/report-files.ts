/**
 * A document's file: where it lives, what a save and a review summary store, the shape reading it back gives,
 * reading it, and its signature (inode, size, modification time) for the cache and the background check.
 */
import { readFileSync, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { reportSchema, type Report } from '../core/common/schemas/report';
import { assertSafeId } from './safe-id';
import { parseValidated } from './validated-file';

/** Of two review summaries, the one covering more of the (append-only) log. */
export function newerReview(stored: Report['review'], incoming: Report['review']): Report['review'] {
  if (!stored) return incoming;
  if (!incoming) return stored;
  return incoming.count >= stored.count ? incoming : stored;
}

/** Where a document lives: `reports/<first two characters of id, lower case>/<id>.json`. */
export function reportFilePath(dataDir: string, id: string): string {
  assertSafeId(id);
  return path.join(dataDir, 'reports', id.slice(0, 2).toLowerCase(), `${id}.json`);
}

/** What `save` stores: the new content at the next rev, keeping the review summary that covers more of the log. */
export function nextStoredReport(current: Report, report: Report, baseRev: number): Report {
  return { ...report, rev: baseRev + 1, review: newerReview(current.review, report.review) };
}

/** What `saveReview` stores: the document unchanged but for its review summary. */
export function withReviewSummary(current: Report, review: NonNullable<Report['review']>): Report {
  return { ...current, review: newerReview(current.review, review) };
}

const reportKeys = Object.keys(reportSchema.shape);
const reviewKeys = Object.keys(reportSchema.shape.review.unwrap().shape);

function inOrder<T extends object>(value: T, keys: string[]): T {
  const ordered: Record<string, unknown> = {};
  for (const key of keys) if ((value as Record<string, unknown>)[key] !== undefined) ordered[key] = (value as Record<string, unknown>)[key];
  return ordered as T;
}

/**
 * A stored document as reading its file back gives it: reads are validated by the schema, whose output lists
 * keys in the schema's order. Stored documents are built by the use cases from such reads plus top-level
 * changes and a review summary, so ordering those two levels gives the same object without parsing the file
 * (tests/integration/bulk-load.test.ts replays documents through this store and compares every byte).
 */
export function asRead(report: Report): Report {
  const value = inOrder(report, reportKeys);
  if (value.review) value.review = inOrder(value.review, reviewKeys);
  return value;
}

/** A file's identity and version: inode, size and modification time (nanoseconds); null when it does not exist. */
export function fileSignature(file: string): string | null {
  try {
    const info = statSync(file, { bigint: true });
    return `${info.ino}:${info.size}:${info.mtimeNs}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The same signature, without blocking (for the background check's many files). */
export async function fileSignatureAsync(file: string): Promise<string | null> {
  try {
    const info = await stat(file, { bigint: true });
    return `${info.ino}:${info.size}:${info.mtimeNs}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** How long the background check watches a file that failed to read for signs that it is still being written. */
const settleMs = 200;

/** True when the file changed since `signature` was taken, or changes within a moment. */
export async function beingWritten(file: string, signature: string): Promise<boolean> {
  if ((await fileSignatureAsync(file).catch(() => null)) !== signature) return true;
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  return (await fileSignatureAsync(file).catch(() => null)) !== signature;
}

/**
 * Read and validate a document file; null when it does not exist. Synchronous on purpose: a document is a few
 * kilobytes, usually in the page cache, and reading it takes microseconds, where the four thread-pool round
 * trips of an asynchronous read (open, stat, read, close) would cost more than the read (a save reads the
 * current version first, so this is on every save's path).
 */
export function readReportFile(file: string): Report | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return parseValidated(file, text, reportSchema);
}
