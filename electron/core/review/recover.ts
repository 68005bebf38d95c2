import type { Report } from '../common/schemas/report';
import { canonicalJson } from '../common/canonical';
import type { Hasher } from '../common/ports';
import type { ReviewServices } from './ports';
import { foldReview } from '../common/review-fold';
import type { ReviewRecord } from '../common/schemas/review';
import { recordSigningText } from './signature';
import { reviewCache } from './cache';

/** The hash after each record of a chain (the same rule as the store's log lines: sha256 of prev, newline, record). */
export function chainHashes(hasher: Hasher, records: ReviewRecord[]): string[] {
  const hashes: string[] = [];
  let prev = '';
  for (const record of records) {
    prev = hasher.sha256(`${prev}\n${canonicalJson(record)}`);
    hashes.push(prev);
  }
  return hashes;
}

/** The status and revision a document's workflow records imply; null when the log has no workflow record. */
export function derivedWorkflow(report: Report, records: ReviewRecord[]): Pick<Report, 'status' | 'revision'> | null {
  const state = foldReview(records);
  if (!state.workflow.length) return null;
  const last = state.lastSubmittedRevision || report.revision;
  // A return or a withdraw opens the next revision for editing (as the acts do); the other states stay on the submitted one.
  const reopensEditing = state.status === 'returned' || state.status === 'draft';
  return { status: state.status, revision: reopensEditing ? last + 1 : last };
}

export type ReconcileOutcome = 'in-step' | 'folded' | 'left-for-verify' | 'no-document';

/**
 * Finish a workflow act a crash interrupted. The review log is the truth; the document file caches its status,
 * grade, record count and chain head. An act appends its record first and updates the document after, so a
 * crash in between leaves the cache BEHIND its log: more records than the cached count, and the cached head the
 * hash of an earlier record of the same chain. That is folded in here, silently, as the act would have done
 * (status, revision and `rev` when the workflow moved; only the summary otherwise; the author's read mark).
 *
 * A cache that disagrees with its log in any other way (fewer records, another head at the same count, a head
 * not on the chain) is not a crash's doing: it is left as it is, for verify to report.
 *
 * The caller holds the document's lock.
 */
export async function reconcileDocument(services: ReviewServices, id: string): Promise<ReconcileOutcome> {
  const report = await services.reports.get(id);
  if (!report) return 'no-document';
  const stored = await services.reviews.head(id);
  const cachedCount = report.review?.count ?? 0;
  if (stored.count <= cachedCount) return 'in-step';
  const records = await services.reviews.records(id);
  // An unreadable line makes the parsed records fewer than the lines: not a crash's doing.
  if (records.length !== stored.count) return 'left-for-verify';
  const hashes = chainHashes(services.hash, records);
  if (hashes[hashes.length - 1] !== stored.head) return 'left-for-verify';
  const cachedHead = report.review?.head ?? '';
  if ((cachedCount === 0 ? '' : hashes[cachedCount - 1]) !== cachedHead) return 'left-for-verify';

  // What an act appends is signed by its author on this machine (or came signed in a package): a tail record
  // no known key signs is not an interrupted act.
  const tail = records.slice(cachedCount);
  if (!(await allSignedByKnownKeys(services, tail))) return 'left-for-verify';

  // The author's own record is not news to them (as in the act): the read mark moves when it was at the cache.
  const author = tail[0]?.authorId;
  if (tail.length === 1 && author) {
    const seen = (await services.readState.get(author))[id] ?? 0;
    if (seen === cachedCount) await services.readState.set(author, id, stored.count);
  }
  const review = reviewCache(foldReview(records), stored);
  const workflow = derivedWorkflow(report, records);
  if (workflow && (workflow.status !== report.status || workflow.revision !== report.revision)) {
    await services.reports.save({ ...report, ...workflow, review }, report.rev);
  } else {
    await services.reports.saveReview(id, review);
  }
  return 'folded';
}

async function allSignedByKnownKeys(services: ReviewServices, records: ReviewRecord[]): Promise<boolean> {
  let trusted: Map<string, string> | null = null;
  for (const record of records) {
    if (!record.signature) return false;
    let key = await services.signer.existingKey(record.authorId);
    if (!key) {
      trusted ??= new Map((await services.exchange.trusted()).map((entry) => [entry.profileId, entry.publicKey]));
      key = trusted.get(record.authorId) ?? null;
    }
    if (!key || !services.signer.verify(key, recordSigningText(record), record.signature)) return false;
  }
  return true;
}

/** Reconcile every document that has a review log (after a crash); returns how many were folded in. */
export async function reconcileAll(services: ReviewServices, ids: Iterable<string>): Promise<{ folded: number; leftForVerify: number }> {
  let folded = 0;
  let leftForVerify = 0;
  for (const id of ids) {
    // One document that cannot be read (a bad id, a damaged file) must not stop the others; verify reports it.
    const outcome = await services.locks.run(id, () => reconcileDocument(services, id)).catch((): ReconcileOutcome => 'left-for-verify');
    if (outcome === 'folded') folded++;
    if (outcome === 'left-for-verify') leftForVerify++;
  }
  return { folded, leftForVerify };
}

/**
 * A document whose file was quarantined (damaged, hostile) but whose review log and frozen revisions are intact
 * is rebuilt from them — the latest submitted revision's text, the status and review summary its log says — so
 * it stays in the lists and the inbox. A draft never submitted has nothing to rebuild from. Returns whether it
 * was rebuilt.
 */
export async function rebuildFromReviewRecord(services: ReviewServices, id: string): Promise<boolean> {
  if (await services.reports.get(id)) return false;
  const records = await services.reviews.records(id);
  if (!records.length) return false;
  const head = await services.reviews.head(id);
  // Only an intact log is trusted: every line readable and the chain whole.
  if (records.length !== head.count || chainHashes(services.hash, records)[records.length - 1] !== head.head) return false;
  const revisions = await services.reviews.revisions(id);
  const latest = revisions[revisions.length - 1];
  const snapshot = latest ? await services.reviews.getRevision(id, latest) : null;
  if (!snapshot) return false;
  const workflow = derivedWorkflow(snapshot, records) ?? { status: snapshot.status, revision: snapshot.revision };
  const review = reviewCache(foldReview(records), head);
  await services.reports.create({ ...snapshot, ...workflow, rev: 1, review });
  return true;
}
