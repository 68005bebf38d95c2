import type { Profile } from '../common/schemas/profile';
import { checkCompleteness } from '../reports/completeness';
import type { Report, ReportWithTemplate } from '../common/schemas/report';
import { getReport, listReports } from '../reports/use-cases';
import { requireProfile, requireRole } from '../common/permissions';
import { requireSigningKey } from '../profiles/keys';
import type { CallContext, VerifyReport } from './ports';
import type { Template } from '../common/schemas/template';
import { anchorText } from './anchors';
import { diffRevisions } from './diff';
import type { ReviewView, RevisionComparison, VerifyAll } from './schema';
import { foldReview, orderRecords, type CommentView, type ReviewState } from '../common/review-fold';
import { coded, formatMessage } from '../common/messages';
import type { Anchor, CommentKind, MeetingFlag, RecordBody, ReviewRecord } from '../common/schemas/review';
import { signRecord } from './signature';
import { snapshotHash } from './snapshot';
import { checkSubmissionSafely } from '../insight/copy-check';
import { reconcileDocument } from './recover';
import { reviewCache } from './cache';
import { verifyAll as verifyAllRecords, verifyReview as verifyReviewRecord } from './integrity';

function newRecord(ctx: CallContext, profile: Profile, report: Report, revision: number, body: RecordBody): ReviewRecord {
  return {
    id: ctx.services.ids.newId(),
    docId: report.id,
    revision,
    authorId: profile.id,
    authorName: profile.name,
    role: profile.role,
    at: ctx.services.clock.now().toISOString(),
    body,
  };
}

/** The latest time a record of this log is dated ('' for none). */
function latestAt(records: ReviewRecord[]): string {
  let latest = '';
  for (const entry of records) if (entry.at > latest) latest = entry.at;
  return latest;
}

/** `at`, or 1 ms after `latest` when this machine's clock says a time not after it (a clock behind the others'). */
export function notBefore(at: string, latest: string): string {
  if (!latest || at > latest) return at;
  return new Date(Date.parse(latest) + 1).toISOString();
}

/** Append records, then refresh the document's cached review summary (status, grade, counts, chain head). */
async function record(
  ctx: CallContext,
  report: Report,
  unsigned: ReviewRecord[],
  change: Partial<Pick<Report, 'status' | 'revision'>> = {},
): Promise<{ report: Report; state: ReviewState; records: ReviewRecord[] }> {
  // Signed by the author when made, so the record can travel to another machine and be checked there; a
  // supervisor's key must be unlocked with its passphrase first.
  await requireSigningKey(ctx, requireProfile(ctx));
  // Each record names the one before it in this log, under its signature (see `after` in the schema).
  const existing = await ctx.services.reviews.records(report.id);
  let after = existing.at(-1)?.id ?? '';
  // Clock skew between machines (docs/sync.md): a record is never dated before a record its author has already
  // seen, so the log's time order (how every machine folds it) is the order the acts happened in.
  let latest = latestAt(existing);
  const linked = unsigned.map((entry) => {
    const at = notBefore(entry.at, latest);
    latest = at;
    const next = { ...entry, at, after };
    after = entry.id;
    return next;
  });
  const records = await Promise.all(linked.map((entry) => signRecord(ctx.services.signer, entry)));
  const appended = await ctx.services.reviews.append(report.id, records);
  // Your own records are not news to you: if you had read everything before, you still have.
  const author = records[0]?.authorId;
  if (author && ((await ctx.services.readState.get(author))[report.id] ?? 0) === appended.count - records.length) {
    await ctx.services.readState.set(author, report.id, appended.count);
  }
  const state = foldReview(await ctx.services.reviews.records(report.id));
  const review = reviewCache(state, appended);
  // Only a workflow change (submit, return, approve, reopen) is a new version of the document itself.
  const stored = Object.keys(change).length
    ? await ctx.services.reports.save({ ...report, ...change, review }, report.rev)
    : await ctx.services.reports.saveReview(report.id, review);
  return { report: stored, state, records };
}

export { reviewCache };
export { inbox, notSubmitted, type InboxEntry } from './inbox';
export { snapshotHash } from './snapshot';

/**
 * Submit a draft (or a revised draft after a return): the completeness check must pass; the revision is
 * frozen as an immutable snapshot and a `submit` record is appended.
 */
export async function submitReport(ctx: CallContext, input: { id: string; baseRev: number; note?: string }): Promise<Report> {
  return ctx.services.locks.run(input.id, () => submitReportNow(ctx, input));
}

async function submitReportNow(ctx: CallContext, input: { id: string; baseRev: number; note?: string }): Promise<Report> {
  const profile = requireRole(ctx, 'manager');
  const { report, template } = await getReconciled(ctx, input.id);
  if (report.authorId !== profile.id) throw coded('forbidden', 'submit.notAuthor');
  if (report.status !== 'draft' && report.status !== 'returned') throw coded('forbidden', 'submit.alreadySubmitted');
  if (report.rev !== input.baseRev) throw coded('conflict', 'submit.stale', undefined, { details: { current: report } });
  const blocking = checkCompleteness(template, report);
  if (blocking.length) {
    throw coded('invalid-input', 'submit.incomplete', { count: blocking.length, list: blocking.map((issue) => issue.message).join('；') }, {
      issues: blocking.map((issue) => ({ path: `${issue.target}${issue.field ? `.${issue.field}` : ''}`, message: issue.message })),
    });
  }
  const snapshot: Report = { ...report, status: 'submitted' };
  await ctx.services.reviews.saveRevision(snapshot);
  const body: RecordBody = { type: 'submit', snapshotHash: snapshotHash(report, ctx.services.hash.sha256), ...(input.note ? { note: input.note } : {}) };
  const submitted = newRecord(ctx, profile, report, report.revision, body);
  const { report: stored, records } = await record(ctx, report, [submitted], { status: 'submitted' });
  // 雷同检测 informs the review; it never fails or blocks the submission (errors are logged and swallowed).
  await checkSubmissionSafely(ctx, snapshot, template, records[0]!.at);
  return stored;
}

/**
 * A document as an act on it starts (the caller holds its lock): first anything a crash left half-done is
 * finished (recover.ts), so the act builds on the state the log says.
 */
async function getReconciled(ctx: CallContext, id: string) {
  const loaded = await getReport(ctx, id);
  if ((await reconcileDocument(ctx.services, id)) === 'folded') return getReport(ctx, id);
  return loaded;
}

/**
 * Whether a supervisor has opened the latest submission: a supervisor profile on this machine read the review
 * log after the submission was recorded, or a supervisor wrote anything about it since (a record imported from
 * the supervisor's machine says so too).
 */
async function supervisorOpened(ctx: CallContext, records: ReviewRecord[]): Promise<boolean> {
  const ordered = orderRecords(records);
  const lastSubmit = ordered.map((entry) => entry.body.type).lastIndexOf('submit');
  if (lastSubmit < 0) return false;
  if (ordered.slice(lastSubmit + 1).some((entry) => entry.role === 'supervisor')) return true;
  // Read state counts records in the order they were appended; the submission is the last of the manager's at most.
  const appendedAt = records.findIndex((entry) => entry.id === ordered[lastSubmit]!.id);
  for (const profile of await ctx.services.profiles.list()) {
    if (profile.role !== 'supervisor') continue;
    if (((await ctx.services.readState.get(profile.id))[records[0]!.docId] ?? 0) > appendedAt) return true;
  }
  return false;
}

/** Whether the caller may withdraw the document now (the editor shows 撤回 only then). */
async function withdrawable(ctx: CallContext, profile: Profile, report: Report, records: ReviewRecord[]): Promise<boolean> {
  return profile.role === 'manager' && report.authorId === profile.id && report.status === 'submitted' && !(await supervisorOpened(ctx, records));
}

/**
 * 撤回: the author takes a submission back before any supervisor has opened it. Appends a `withdraw` record
 * (the log keeps the submission and its frozen revision); the document is a draft again, writing the next
 * revision, and leaves the supervisor's inbox.
 */
export async function withdrawReport(ctx: CallContext, input: { id: string; reason?: string }): Promise<Report> {
  return ctx.services.locks.run(input.id, async () => {
    const profile = requireRole(ctx, 'manager');
    const { report } = await getReport(ctx, input.id);
    if (report.authorId !== profile.id) throw coded('forbidden', 'withdraw.notAuthor');
    if (report.status !== 'submitted') throw coded('forbidden', 'withdraw.notSubmitted');
    const records = await ctx.services.reviews.records(input.id);
    const state = foldReview(records);
    if (state.status !== 'submitted' || (await supervisorOpened(ctx, records))) throw coded('forbidden', 'withdraw.opened');
    const revision = state.lastSubmittedRevision || report.revision;
    const reason = input.reason?.trim();
    const body: RecordBody = { type: 'withdraw', ...(reason ? { reason } : {}) };
    const { report: stored } = await record(ctx, report, [newRecord(ctx, profile, report, revision, body)], { status: 'draft', revision: revision + 1 });
    return stored;
  });
}

/** Load a document a supervisor acts on, with its review state. */
async function loadForReview(ctx: CallContext, id: string) {
  const { report, template } = await getReconciled(ctx, id);
  const state = foldReview(await ctx.services.reviews.records(id));
  return { report, template, state };
}

/**
 * The review act on the latest submitted revision: a grade from the office's scale (with a reason when
 * the grade requires one), a meeting flag and an overall comment; then return for revision or approve.
 */
export async function decide(ctx: CallContext, input: { id: string; decision: 'return' | 'approve'; grade: string; reason?: string; meetingFlag: MeetingFlag; overall?: string }): Promise<Report> {
  return ctx.services.locks.run(input.id, () => decideNow(ctx, input));
}

async function decideNow(ctx: CallContext, input: { id: string; decision: 'return' | 'approve'; grade: string; reason?: string; meetingFlag: MeetingFlag; overall?: string }): Promise<Report> {
  const profile = requireRole(ctx, 'supervisor');
  const { report, state } = await loadForReview(ctx, input.id);
  if (report.status !== 'submitted') throw coded('forbidden', 'review.notSubmitted');
  const scale = (await ctx.services.settings.get()).gradeScale;
  const grade = scale.find((item) => item.label === input.grade);
  if (!grade) {
    throw coded('invalid-input', 'review.unknownGrade', { grade: input.grade, options: scale.map((item) => item.label).join('、') }, {
      issues: [{ path: 'grade', message: formatMessage('review.unknownGradeShort') }],
    });
  }
  const reason = input.reason?.trim();
  if (grade.needsReason && !reason) {
    throw coded('invalid-input', 'review.reasonRequired', { grade: grade.label }, { issues: [{ path: 'reason', message: formatMessage('review.fillReason') }] });
  }
  const revision = state.lastSubmittedRevision || report.revision;
  const body: RecordBody = {
    type: 'decision',
    decision: input.decision,
    grade: grade.label,
    meetingFlag: input.meetingFlag,
    ...(reason ? { reason } : {}),
    ...(input.overall?.trim() ? { overall: input.overall.trim() } : {}),
  };
  const change: Partial<Report> =
    input.decision === 'return' ? { status: 'returned', revision: revision + 1 } : { status: 'approved' };
  const { report: stored } = await record(ctx, report, [newRecord(ctx, profile, report, revision, body)], change);
  return stored;
}

/** Reopen an approved document for review again; recorded with the reason. */
export async function reopenReport(ctx: CallContext, input: { id: string; reason: string }): Promise<Report> {
  return ctx.services.locks.run(input.id, () => reopenReportNow(ctx, input));
}

async function reopenReportNow(ctx: CallContext, input: { id: string; reason: string }): Promise<Report> {
  const profile = requireRole(ctx, 'supervisor');
  const { report, state } = await loadForReview(ctx, input.id);
  if (report.status !== 'approved') throw coded('forbidden', 'review.reopenOnlyApproved');
  const revision = state.lastSubmittedRevision || report.revision;
  const { report: stored } = await record(ctx, report, [newRecord(ctx, profile, report, revision, { type: 'reopen', reason: input.reason })], {
    status: 'submitted',
  });
  return stored;
}

function sectionOf(template: Template, sectionId: string) {
  const section = template.sections.find((item) => item.id === sectionId);
  if (!section) throw coded('invalid-input', 'review.noSection', { sectionId }, { issues: [{ path: 'anchor.sectionId', message: formatMessage('review.sectionMissing') }] });
  return section;
}

/** Check that an anchor points at something that exists in the revision being commented on. */
function checkAnchor(template: Template, revision: Report, anchor: Anchor): void {
  if (anchor.kind === 'document') return;
  const section = sectionOf(template, anchor.sectionId);
  const content = revision.sections[anchor.sectionId];
  if (anchor.kind === 'text') {
    if (content?.type !== 'richtext') throw coded('invalid-input', 'review.notText', { section: section.title }, { issues: [{ path: 'anchor', message: formatMessage('review.notTextShort') }] });
    const { text } = anchorText(content.doc);
    if (text.slice(anchor.offset, anchor.offset + anchor.quote.length) !== anchor.quote) {
      throw coded('invalid-input', 'review.quoteGone', undefined, { issues: [{ path: 'anchor.quote', message: formatMessage('review.quoteGoneShort') }] });
    }
  }
  if (anchor.kind === 'cell') {
    if (content?.type !== 'table' || !content.rows.some((row) => row.id === anchor.rowId)) {
      throw coded('invalid-input', 'review.noRow', { section: section.title }, { issues: [{ path: 'anchor.rowId', message: formatMessage('review.noRowShort') }] });
    }
    if (!section.table?.columns.some((column) => column.key === anchor.columnKey)) {
      throw coded('invalid-input', 'review.noColumn', { section: section.title, column: anchor.columnKey }, {
        issues: [{ path: 'anchor.columnKey', message: formatMessage('review.noColumnShort') }],
      });
    }
  }
}

/** The frozen revision a supervisor reads and comments on (the latest submitted one). */
async function reviewedRevision(ctx: CallContext, report: Report, state: ReviewState): Promise<Report> {
  const number = state.lastSubmittedRevision;
  const snapshot = number ? await ctx.services.reviews.getRevision(report.id, number) : null;
  if (!snapshot) throw coded('forbidden', 'review.draftNoComment');
  return snapshot;
}

/** A supervisor's recorded comment on a passage, a table cell, a section or the whole document. */
export async function addComment(ctx: CallContext, input: { id: string; anchor: Anchor; kind: CommentKind; text: string }): Promise<CommentView> {
  return ctx.services.locks.run(input.id, () => addCommentNow(ctx, input));
}

async function addCommentNow(ctx: CallContext, input: { id: string; anchor: Anchor; kind: CommentKind; text: string }): Promise<CommentView> {
  const profile = requireRole(ctx, 'supervisor');
  const { report, template, state } = await loadForReview(ctx, input.id);
  if (report.status === 'draft') throw coded('forbidden', 'review.draftNoComment');
  const revision = await reviewedRevision(ctx, report, state);
  checkAnchor(template, revision, input.anchor);
  const entry = newRecord(ctx, profile, report, revision.revision, { type: 'comment', anchor: input.anchor, kind: input.kind, text: input.text });
  const { state: next } = await record(ctx, report, [entry]);
  return next.comments.find((comment) => comment.id === entry.id)!;
}

async function loadComment(ctx: CallContext, id: string, commentId: string) {
  const loaded = await loadForReview(ctx, id);
  const comment = loaded.state.comments.find((item) => item.id === commentId);
  if (!comment) throw coded('not-found', 'review.commentNotFound');
  return { ...loaded, comment };
}

function requireOwnLiveComment(profile: Profile, comment: CommentView): void {
  if (comment.by.id !== profile.id) throw coded('forbidden', 'review.ownCommentOnly');
  if (comment.retracted) throw coded('forbidden', 'review.commentRetracted');
}

/** Edit a comment: a new version is appended; the earlier text stays in its history. */
export async function editComment(ctx: CallContext, input: { id: string; commentId: string; kind: CommentKind; text: string }): Promise<CommentView> {
  return ctx.services.locks.run(input.id, () => editCommentNow(ctx, input));
}

async function editCommentNow(ctx: CallContext, input: { id: string; commentId: string; kind: CommentKind; text: string }): Promise<CommentView> {
  const profile = requireRole(ctx, 'supervisor');
  const { report, comment } = await loadComment(ctx, input.id, input.commentId);
  requireOwnLiveComment(profile, comment);
  const body: RecordBody = { type: 'comment-edit', commentId: comment.id, kind: input.kind, text: input.text };
  const { state } = await record(ctx, report, [newRecord(ctx, profile, report, comment.revision, body)]);
  return state.comments.find((item) => item.id === comment.id)!;
}

/** Withdraw a comment: a retraction is appended and stays visible as such; nothing is deleted. */
export async function retractComment(ctx: CallContext, input: { id: string; commentId: string; reason?: string }): Promise<CommentView> {
  return ctx.services.locks.run(input.id, () => retractCommentNow(ctx, input));
}

async function retractCommentNow(ctx: CallContext, input: { id: string; commentId: string; reason?: string }): Promise<CommentView> {
  const profile = requireRole(ctx, 'supervisor');
  const { report, comment } = await loadComment(ctx, input.id, input.commentId);
  requireOwnLiveComment(profile, comment);
  const body: RecordBody = { type: 'comment-retract', commentId: comment.id, ...(input.reason?.trim() ? { reason: input.reason.trim() } : {}) };
  const { state } = await record(ctx, report, [newRecord(ctx, profile, report, comment.revision, body)]);
  return state.comments.find((item) => item.id === comment.id)!;
}

/** A reply in a comment's thread, from the document's author or a supervisor. */
export async function replyToComment(ctx: CallContext, input: { id: string; commentId: string; text: string }): Promise<CommentView> {
  return ctx.services.locks.run(input.id, () => replyToCommentNow(ctx, input));
}

async function replyToCommentNow(ctx: CallContext, input: { id: string; commentId: string; text: string }): Promise<CommentView> {
  const profile = requireProfile(ctx);
  const { report, comment } = await loadComment(ctx, input.id, input.commentId);
  if (profile.role === 'manager' && report.authorId !== profile.id) throw coded('forbidden', 'review.replyOwnOnly');
  if (comment.retracted) throw coded('forbidden', 'review.commentRetractedNoReply');
  const { state } = await record(ctx, report, [newRecord(ctx, profile, report, comment.revision, { type: 'reply', commentId: comment.id, text: input.text })]);
  return state.comments.find((item) => item.id === comment.id)!;
}

/** The writer marks a comment 已整改 with a note saying what was done. */
export async function markFixed(ctx: CallContext, input: { id: string; commentId: string; note: string }): Promise<CommentView> {
  return ctx.services.locks.run(input.id, () => markFixedNow(ctx, input));
}

async function markFixedNow(ctx: CallContext, input: { id: string; commentId: string; note: string }): Promise<CommentView> {
  const profile = requireRole(ctx, 'manager');
  const { report, comment } = await loadComment(ctx, input.id, input.commentId);
  if (report.authorId !== profile.id) throw coded('forbidden', 'review.handleOwnOnly');
  if (comment.retracted) throw coded('forbidden', 'review.commentRetracted');
  if (comment.status !== 'open') throw coded('forbidden', comment.status === 'fixed' ? 'review.alreadyFixed' : 'review.alreadyResolved');
  const { state } = await record(ctx, report, [newRecord(ctx, profile, report, comment.revision, { type: 'mark-fixed', commentId: comment.id, note: input.note })]);
  return state.comments.find((item) => item.id === comment.id)!;
}

/** The supervisor confirms a fix (resolved) or reopens the comment with a reason. */
export async function settleComment(ctx: CallContext, input: { id: string; commentId: string; action: 'resolve' | 'reopen'; reason?: string }): Promise<CommentView> {
  return ctx.services.locks.run(input.id, () => settleCommentNow(ctx, input));
}

async function settleCommentNow(ctx: CallContext, input: { id: string; commentId: string; action: 'resolve' | 'reopen'; reason?: string }): Promise<CommentView> {
  const profile = requireRole(ctx, 'supervisor');
  const { report, comment } = await loadComment(ctx, input.id, input.commentId);
  if (comment.retracted) throw coded('forbidden', 'review.commentRetracted');
  let body: RecordBody;
  if (input.action === 'resolve') {
    if (comment.status === 'resolved') throw coded('forbidden', 'review.alreadyResolved');
    body = { type: 'resolve', commentId: comment.id };
  } else {
    if (comment.status === 'open') throw coded('forbidden', 'review.notFixedYet');
    const reason = input.reason?.trim();
    if (!reason) throw coded('invalid-input', 'review.reopenReason', undefined, { issues: [{ path: 'reason', message: formatMessage('review.fillCause') }] });
    body = { type: 'reopen-comment', commentId: comment.id, reason };
  }
  const { state } = await record(ctx, report, [newRecord(ctx, profile, report, comment.revision, body)]);
  return state.comments.find((item) => item.id === comment.id)!;
}

export type { ReviewView } from './schema';

/** A document's review: comments, decisions, workflow, frozen revisions. Marks it read for the caller. */
export async function getReview(ctx: CallContext, input: { id: string; markRead?: boolean }): Promise<ReviewView> {
  const profile = requireProfile(ctx);
  const { report } = await getReport(ctx, input.id);
  const records = await ctx.services.reviews.records(input.id);
  const seen = (await ctx.services.readState.get(profile.id))[input.id] ?? 0;
  if (input.markRead !== false && seen !== records.length) await ctx.services.readState.set(profile.id, input.id, records.length);
  return {
    state: foldReview(records),
    revisions: await ctx.services.reviews.revisions(input.id),
    unseen: Math.max(0, records.length - seen),
    withdrawable: await withdrawable(ctx, profile, report, records),
  };
}

/** A frozen submitted revision. */
export async function getRevision(ctx: CallContext, input: { id: string; revision: number }): Promise<ReportWithTemplate> {
  const { template } = await getReport(ctx, input.id);
  const report = await ctx.services.reviews.getRevision(input.id, input.revision);
  if (!report) throw coded('not-found', 'review.revisionNotFound', { revision: input.revision });
  const version = await ctx.services.templates.get(report.templateId, report.templateVersion);
  return { report, template: version ?? template };
}

/** Compare two submitted revisions, with the earlier revision's comments for the side pane. */
export async function compareRevisions(
  ctx: CallContext,
  input: { id: string; from: number; to: number },
): Promise<RevisionComparison> {
  const before = await getRevision(ctx, { id: input.id, revision: input.from });
  const after = await getRevision(ctx, { id: input.id, revision: input.to });
  const state = foldReview(await ctx.services.reviews.records(input.id));
  return {
    sections: diffRevisions(after.template, before.report, after.report),
    comments: state.comments.filter((comment) => comment.revision === input.from),
  };
}

/**
 * Verify a document's review record (integrity.ts). A cache merely behind its log is a crash's leftover and is
 * folded in first; anything else is verify's to report.
 */
export async function verifyReview(ctx: CallContext, input: { id: string }): Promise<VerifyReport> {
  await ctx.services.locks.run(input.id, () => getReconciled(ctx, input.id));
  return verifyReviewRecord(ctx, input);
}

/** Verify every document the caller can see (crash leftovers folded in first); only problems are returned. */
export async function verifyAll(ctx: CallContext): Promise<VerifyAll> {
  for (const summary of await listReports(ctx, {})) {
    await ctx.services.locks.run(summary.id, () => getReconciled(ctx, summary.id)).catch(() => undefined);
  }
  return verifyAllRecords(ctx);
}
