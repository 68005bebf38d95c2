/**
 * `verify`: everything this machine can check about a document's review record, as findings with a code and
 * parameters (words in `integrity-messages.ts`):
 * - the log's hash chain and the count and head the document registered (the store's `verify`; a cache that is
 *   merely behind its log is an interrupted act, not tampering);
 * - every record's Ed25519 signature against its author's known public key (a local profile's key, or the
 *   exchange trust list), never the key a record or package names for itself; unsigned records;
 * - the author's role as this machine knows it, and that the role may write that record (`record-rules.ts`);
 * - each submitted revision's frozen file against the snapshot hash in its submission record;
 * - the status, grade and meeting flag the document file caches against the fold of the log;
 * - a log whose document is missing, and a document whose log is missing.
 * Pure reading: nothing is repaired or written here.
 */
import type { Role } from '../common/schemas/profile';
import type { Report } from '../common/schemas/report';
import { getReport, listReports } from '../reports/use-cases';
import type { CallContext, VerifyProblem, VerifyReport } from './ports';
import type { VerifyAll } from './schema';
import { foldReview, orderRecords } from '../common/review-fold';
import { describeFinding, type IntegrityFinding } from './integrity-messages';
import { brokenRecordRule } from './record-rules';
import type { ReviewRecord } from '../common/schemas/review';
import { recordSigningText } from './signature';
import { snapshotHash } from './snapshot';

interface KnownAuthor {
  role: Role;
  /** Null when the person is known but has no key on this machine. */
  publicKey: string | null;
}

/** Who this machine knows, and by which key: local profiles first, then the exchange trust list. */
async function authorBook(ctx: CallContext): Promise<(authorId: string) => Promise<KnownAuthor | null>> {
  const profiles = new Map((await ctx.services.profiles.list()).map((profile) => [profile.id, profile]));
  const trusted = new Map((await ctx.services.exchange.trusted()).map((entry) => [entry.profileId, entry]));
  const cache = new Map<string, KnownAuthor | null>();
  return async (authorId) => {
    if (cache.has(authorId)) return cache.get(authorId)!;
    let known: KnownAuthor | null = null;
    const local = profiles.get(authorId);
    if (local) known = { role: local.role, publicKey: await ctx.services.signer.existingKey(authorId) };
    else {
      const entry = trusted.get(authorId);
      if (entry) known = { role: entry.role, publicKey: entry.publicKey };
    }
    cache.set(authorId, known);
    return known;
  };
}

/** Two decisions on one revision without a reopening between them (two supervisors): the cache may follow either. */
function hasDecisionConflict(records: ReviewRecord[]): boolean {
  const open = new Map<number, boolean>();
  for (const record of orderRecords(records)) {
    if (record.body.type === 'reopen') open.set(record.revision, false);
    if (record.body.type !== 'decision') continue;
    if (open.get(record.revision)) return true;
    open.set(record.revision, true);
  }
  return false;
}

/** The status a document has when its log holds `records` (as the exchange merge derives it). */
function foldedStatus(records: ReviewRecord[]): Report['status'] {
  return foldReview(records).status;
}

async function checkRecords(
  ctx: CallContext,
  docAuthorId: string | null,
  entries: { line: number; record: ReviewRecord }[],
  author: (authorId: string) => Promise<KnownAuthor | null>,
): Promise<IntegrityFinding[]> {
  const findings: IntegrityFinding[] = [];
  const commentAuthors = new Map(entries.filter(({ record }) => record.body.type === 'comment').map(({ record }) => [record.id, record.authorId]));
  const submitter = entries.find(({ record }) => record.body.type === 'submit')?.record.authorId ?? null;
  const documentAuthor = docAuthorId ?? submitter;
  // Where each record stands in this log, for the `after` links.
  const positions = new Map(entries.map(({ record }, position) => [record.id, position]));
  const index = positions;
  const returned = new Set(entries.filter(({ record }) => record.body.type === 'decision' && record.body.decision === 'return').map(({ record }) => record.revision));
  const submitted = new Set(entries.filter(({ record }) => record.body.type === 'submit').map(({ record }) => record.revision));
  // A withdrawn revision (撤回) is followed by the next one's submission just as a returned one is.
  const withdrawn = new Set(entries.filter(({ record }) => record.body.type === 'withdraw').map(({ record }) => record.revision));
  for (const { line, record } of entries) {
    const names = { author: record.authorName, type: record.body.type };
    const known = await author(record.authorId);
    if (!known) {
      findings.push({ code: 'unknown-author', line, params: { author: record.authorName } });
    } else if (!record.signature) {
      findings.push({ code: 'unsigned', line, params: names });
    } else if (!known.publicKey || !ctx.services.signer.verify(known.publicKey, recordSigningText(record), record.signature)) {
      findings.push({ code: 'bad-signature', line, params: names });
    }
    const role = known?.role ?? record.role;
    if (known && known.role !== record.role) {
      findings.push({ code: 'role-mismatch', line, params: { author: record.authorName, claimed: record.role, role: known.role } });
    }
    if (record.after !== undefined) {
      const before = record.after === '' ? -1 : positions.get(record.after);
      if (before === undefined) findings.push({ code: 'record-missing-before', line, params: names });
      else if (before >= index.get(record.id)!) findings.push({ code: 'record-moved', line, params: names });
      else if (record.after === '' && index.get(record.id) !== 0) findings.push({ code: 'record-moved', line, params: names });
    }
    if ('commentId' in record.body && !commentAuthors.has(record.body.commentId)) findings.push({ code: 'dangling-reference', line, params: names });
    const body = record.body;
    if (body.type === 'submit' && record.revision > 1 && !returned.has(record.revision - 1) && !withdrawn.has(record.revision - 1)) {
      findings.push({ code: 'workflow-gap', line, params: { ...names, revision: record.revision, missing: 'decision' } });
    }
    if (body.type === 'decision' && !submitted.has(record.revision)) {
      findings.push({ code: 'workflow-gap', line, params: { ...names, revision: record.revision, missing: 'submit' } });
    }
    const commentAuthor = 'commentId' in record.body ? commentAuthors.get(record.body.commentId) : null;
    const broken = documentAuthor ? brokenRecordRule(record, { authorId: record.authorId, role }, documentAuthor, commentAuthor) : null;
    if (broken) findings.push({ code: 'forbidden-record', line, params: { author: record.authorName, role, type: record.body.type, rule: broken } });
  }
  return findings;
}

async function checkRevisions(ctx: CallContext, docId: string, records: ReviewRecord[]): Promise<IntegrityFinding[]> {
  const findings: IntegrityFinding[] = [];
  for (const record of records) {
    if (record.body.type !== 'submit') continue;
    let snapshot: Report | null;
    try {
      snapshot = await ctx.services.reviews.getRevision(docId, record.revision);
    } catch {
      // A revision file that no longer parses was changed after submission just the same.
      findings.push({ code: 'snapshot-mismatch', line: 0, params: { revision: record.revision } });
      continue;
    }
    if (!snapshot) findings.push({ code: 'revision-missing', line: 0, params: { revision: record.revision } });
    else if (snapshotHash(snapshot, ctx.services.hash.sha256) !== record.body.snapshotHash) {
      findings.push({ code: 'snapshot-mismatch', line: 0, params: { revision: record.revision } });
    }
  }
  return findings;
}

function report(docId: string, records: number, findings: IntegrityFinding[]): VerifyReport {
  const problems: VerifyProblem[] = findings.map((finding) => ({ ...finding, message: describeFinding(finding) }));
  return { docId, ok: problems.length === 0, records, problems };
}

/** Check one document the caller can see: its log, signatures, rights, frozen revisions and cached summary. */
export async function verifyReview(ctx: CallContext, input: { id: string }): Promise<VerifyReport> {
  const { report: document } = await getReport(ctx, input.id);
  return verifyDocument(ctx, document, await authorBook(ctx));
}

async function verifyDocument(ctx: CallContext, document: Report, author: (authorId: string) => Promise<KnownAuthor | null>): Promise<VerifyReport> {
  const expected = document.review ? { count: document.review.count, head: document.review.head } : { count: 0, head: '' };
  const chain = await ctx.services.reviews.verify(document.id, expected);
  const findings: IntegrityFinding[] = chain.problems.map(({ code, line, params }) => ({ code, line, params }));
  findings.push(...(await checkRecords(ctx, document.authorId, chain.entries, author)));
  const records = chain.entries.map((entry) => entry.record);
  findings.push(...(await checkRevisions(ctx, document.id, records)));
  // The cache against the fold: only when it claims to cover the whole log (a cache behind its log is completed
  // at open), and not where two supervisors' decisions conflict (the document then keeps its own state).
  if (!chain.behind && !chain.missing && !hasDecisionConflict(records)) {
    const state = foldReview(records);
    const status = foldedStatus(records);
    if (records.some((record) => record.body.type === 'submit') && document.status !== status) {
      findings.push({ code: 'cache-status', line: 0, params: { cached: document.status, actual: status } });
    }
    const grade = state.currentDecision?.grade ?? '';
    if ((document.review?.grade ?? '') !== grade) findings.push({ code: 'cache-grade', line: 0, params: { cached: document.review?.grade ?? '', actual: grade } });
    const meeting = state.currentDecision?.meetingFlag ?? '';
    if ((document.review?.meetingFlag ?? '') !== meeting) {
      findings.push({ code: 'cache-meeting', line: 0, params: { cached: document.review?.meetingFlag ?? '', actual: meeting } });
    }
  }
  return report(document.id, chain.records, findings);
}

/**
 * Verify every document the caller can see, and every review log whose document file is missing (supervisors:
 * all of them; a manager: the ones whose submissions are theirs). Only the documents with problems are returned.
 */
export async function verifyAll(ctx: CallContext): Promise<VerifyAll> {
  const summaries = await listReports(ctx, {});
  const author = await authorBook(ctx);
  const problems: VerifyReport[] = [];
  const orphanLogs: string[] = [];
  for (const summary of summaries) {
    const document = await ctx.services.reports.get(summary.id).catch(() => null);
    if (!document) {
      // Listed, but its file is gone: checked with the other logs that have no document.
      orphanLogs.push(summary.id);
      continue;
    }
    const result = await verifyDocument(ctx, document, author);
    if (!result.ok) problems.push(result);
  }
  const profile = ctx.profile!;
  const listed = new Set(summaries.map((summary) => summary.id).filter((id) => !orphanLogs.includes(id)));
  let orphans = 0;
  for (const docId of await ctx.services.reviews.logIds()) {
    if (listed.has(docId) || (await ctx.services.reports.get(docId).catch(() => null))) continue;
    const chain = await ctx.services.reviews.verify(docId);
    const records = chain.entries.map((entry) => entry.record);
    const submitter = records.find((record) => record.body.type === 'submit')?.authorId;
    if (profile.role !== 'supervisor' && submitter !== profile.id) continue;
    if (!orphanLogs.includes(docId)) orphans++;
    const findings: IntegrityFinding[] = [{ code: 'document-missing', line: 0, params: { docId, records: chain.records } }];
    findings.push(...chain.problems.map(({ code, line, params }) => ({ code, line, params })));
    findings.push(...(await checkRecords(ctx, null, chain.entries, author)));
    problems.push(report(docId, chain.records, findings));
  }
  return { checked: summaries.length + orphans, problems };
}
