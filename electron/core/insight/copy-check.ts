/**
 * Copy checks as use cases: run on every submission (after the revision is frozen; never blocking it), stored
 * per revision, read by supervisors, and summarised in the inbox as 疑似雷同.
 */
import type { Report } from '../common/schemas/report';
import { getReport } from '../reports/use-cases';
import { foldReview } from '../common/review-fold';
import { requireRole } from '../common/permissions';
import type { CallContext, InsightServices } from './ports';
import type { Template } from '../common/schemas/template';
import {
  analysisSections,
  analysisSentences,
  copyPartitions,
  detectCopies,
  fingerprintReport,
  guidanceSections,
  type FingerprintEntry,
} from './copy-detection';
import { defaultInsightSettings, type CopyCheckResult, type CopyCheckView } from './schema';
import { coded } from '../common/messages';

/** Check a frozen revision against its pools (the index as it stands) and the template's guidance. */
export async function computeCopyCheck(
  services: Pick<InsightServices, 'insight' | 'clock'>,
  snapshot: Report,
  template: Template,
  submittedAt: string,
): Promise<{ result: CopyCheckResult; entry: FingerprintEntry }> {
  const entry = fingerprintReport(snapshot, template, submittedAt);
  const partitions = copyPartitions(entry);
  const [own, peer] = await Promise.all([services.insight.fingerprints(partitions.own), services.insight.fingerprints(partitions.peer)]);
  const sections = analysisSections(template, snapshot);
  const detection = detectCopies({
    document: entry,
    sentences: analysisSentences(sections),
    pools: [
      { category: 'own', entries: own },
      { category: 'peer', entries: peer },
    ],
    guidance: guidanceSections(template),
    guidanceSource: { id: template.id, title: template.name },
  });
  return {
    entry,
    result: {
      docId: snapshot.id,
      revision: snapshot.revision,
      checkedAt: services.clock.now().toISOString(),
      ...detection,
      sections,
    },
  };
}

/** Add a revision to the copy index (its own pools), so later submissions are checked against it. */
export async function indexRevision(services: Pick<InsightServices, 'insight'>, entry: FingerprintEntry): Promise<void> {
  const partitions = copyPartitions(entry);
  await services.insight.addFingerprints([partitions.own, partitions.peer], entry);
}

/**
 * Check a just-frozen revision, store the result and index it. Then the stored checks of submissions made after
 * it that are already here (a package from another machine can arrive days late, after later ones) are made
 * again where they share a fingerprint with it, so 疑似雷同 does not depend on the order submissions arrive in.
 */
export async function checkSubmission(
  services: Pick<InsightServices, 'insight' | 'clock' | 'reviews' | 'templates'>,
  snapshot: Report,
  template: Template,
  submittedAt: string,
): Promise<CopyCheckResult> {
  const { result, entry } = await computeCopyCheck(services, snapshot, template, submittedAt);
  await services.insight.saveCopyCheck(result);
  await indexRevision(services, entry);
  await recheckLaterSubmissions(services, entry);
  return result;
}

/** The stored checks of later submissions in `entry`'s pools that could match it, made again now that it is indexed. */
async function recheckLaterSubmissions(services: Pick<InsightServices, 'insight' | 'clock' | 'reviews' | 'templates'>, entry: FingerprintEntry): Promise<void> {
  const hashes = new Set(entry.sentences.flatMap((sentence) => sentence.h));
  if (hashes.size === 0) return;
  const partitions = copyPartitions(entry);
  const latest = new Map<string, FingerprintEntry>();
  for (const partition of [partitions.own, partitions.peer]) {
    for (const candidate of await services.insight.fingerprints(partition)) {
      const known = latest.get(candidate.id);
      if (!known || candidate.revision > known.revision) latest.set(candidate.id, candidate);
    }
  }
  for (const later of latest.values()) {
    if (later.id === entry.id || later.submittedAt <= entry.submittedAt) continue;
    if (!later.sentences.some((sentence) => sentence.h.some((hash) => hashes.has(hash)))) continue;
    if (!(await services.insight.getCopyCheck(later.id, later.revision))) continue;
    const snapshot = await services.reviews.getRevision(later.id, later.revision);
    const template = snapshot && (await services.templates.get(snapshot.templateId, snapshot.templateVersion));
    if (!snapshot || !template) continue;
    const { result } = await computeCopyCheck(services, snapshot, template, later.submittedAt);
    await services.insight.saveCopyCheck(result);
  }
}

/**
 * The submission's copy check, which must never fail the submission: any error is logged and swallowed (the
 * supervisor's pane then computes the check on demand).
 */
export async function checkSubmissionSafely(ctx: CallContext, snapshot: Report, template: Template, submittedAt: string): Promise<void> {
  try {
    await checkSubmission(ctx.services, snapshot, template, submittedAt);
  } catch (error) {
    console.warn(`[insight] copy check of ${snapshot.id} r${snapshot.revision} failed`, error);
  }
}

export type { CopyCheckView } from './schema';

/**
 * A revision's copy check for a supervisor: the stored one, or computed now against the index as it stands
 * (not stored: a read never writes). The latest submitted revision by default.
 */
export async function getCopyCheck(ctx: CallContext, input: { id: string; revision?: number }): Promise<CopyCheckView> {
  requireRole(ctx, 'supervisor');
  const { template: current } = await getReport(ctx, input.id);
  const records = await ctx.services.reviews.records(input.id);
  const state = foldReview(records);
  const revision = input.revision ?? state.lastSubmittedRevision;
  if (!revision) throw coded('not-found', 'insight.notSubmitted');
  const threshold = (await ctx.services.settings.get()).insight?.copyThreshold ?? defaultInsightSettings.copyThreshold;
  const stored = await ctx.services.insight.getCopyCheck(input.id, revision);
  if (stored) return { result: stored, threshold, flagged: stored.score >= threshold, stored: true };
  const snapshot = await ctx.services.reviews.getRevision(input.id, revision);
  if (!snapshot) throw coded('not-found', 'review.revisionNotFound', { revision });
  const template = (await ctx.services.templates.get(snapshot.templateId, snapshot.templateVersion)) ?? current;
  const submit = state.workflow.find((event) => event.type === 'submit' && event.revision === revision);
  const { result } = await computeCopyCheck(ctx.services, snapshot, template, submit?.at ?? snapshot.updatedAt);
  return { result, threshold, flagged: result.score >= threshold, stored: false };
}

/** Copy scores for inbox entries, for supervisors only (a manager never sees others' passages or scores). */
export async function copyFlags(ctx: CallContext, ids: string[]): Promise<Map<string, { score: number; flagged: boolean }>> {
  const flags = new Map<string, { score: number; flagged: boolean }>();
  if (ctx.profile?.role !== 'supervisor' || ids.length === 0) return flags;
  const threshold = (await ctx.services.settings.get()).insight?.copyThreshold ?? defaultInsightSettings.copyThreshold;
  const scores = await ctx.services.insight.copyScores();
  for (const id of ids) {
    const score = scores.get(id);
    if (score) flags.set(id, { score: score.score, flagged: score.score >= threshold });
  }
  return flags;
}

/**
 * Check several revisions submitted together (the demo office, a rebuild): all are indexed first, then each is
 * checked against the documents submitted before it, so the order they are given in does not matter.
 */
export async function checkSubmissions(
  services: Pick<InsightServices, 'insight' | 'clock'>,
  items: { snapshot: Report; template: Template; submittedAt: string }[],
): Promise<void> {
  for (const item of items) await indexRevision(services, fingerprintReport(item.snapshot, item.template, item.submittedAt));
  for (const item of items) {
    const { result } = await computeCopyCheck(services, item.snapshot, item.template, item.submittedAt);
    await services.insight.saveCopyCheck(result);
  }
}
