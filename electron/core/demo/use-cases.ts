import type { Report } from '../common/schemas/report';
import { foldReview } from '../common/review-fold';
import { reviewCache, snapshotHash } from '../review/use-cases';
import { demoReviewRecords } from './demo-review';
import { signRecord } from '../review/signature';
import { checkSubmissions } from '../insight/copy-check';
import type { Template } from '../common/schemas/template';
import type { CallContext } from './ports';
import type { DemoLoadResult } from './schema';
import { coded } from '../common/messages';

export type { DemoLoadResult } from './schema';

/**
 * Load the sample office (several managers, a supervisor, documents in every state). Idempotent: items whose
 * id already exists are skipped, so loading twice changes nothing. Allowed before any profile exists.
 */
export async function loadDemoData(ctx: CallContext): Promise<DemoLoadResult> {
  const data = await ctx.services.loadDemoData();
  if (!data) throw coded('unavailable', 'demo.missing');
  const result: DemoLoadResult = { profiles: 0, reports: 0, skipped: 0 };
  const submitted: { snapshot: Report; template: Template; submittedAt: string }[] = [];
  for (const profile of data.profiles) {
    if (await ctx.services.profiles.get(profile.id)) {
      result.skipped++;
      continue;
    }
    await ctx.services.profiles.save(profile);
    result.profiles++;
  }
  for (const report of data.reports) {
    if (await ctx.services.reports.get(report.id)) {
      result.skipped++;
      continue;
    }
    if (!(await ctx.services.templates.get(report.templateId, report.templateVersion))) {
      throw coded('internal', 'demo.templateMissing', { templateId: report.templateId });
    }
    const template = (await ctx.services.templates.get(report.templateId, report.templateVersion))!;
    const supervisor = data.profiles.find((profile) => profile.role === 'supervisor');
    const working: Report = report.status === 'returned' ? { ...report, revision: 2 } : { ...report, revision: 1 };
    await ctx.services.reports.create(working);
    if (report.status !== 'draft' && supervisor) {
      const snapshot: Report = { ...report, revision: 1, status: 'submitted' };
      await ctx.services.reviews.saveRevision(snapshot);
      // The history follows the document's demo status (the snapshot itself is always the submitted revision).
      const unsigned = demoReviewRecords({
        report: { ...snapshot, status: report.status },
        template,
        supervisor,
        snapshotHash: snapshotHash(snapshot, ctx.services.hash.sha256),
      });
      // Signed by their authors' keys on this machine, as records made here are (verify checks every signature).
      const records = await Promise.all(unsigned.map((record) => signRecord(ctx.services.signer, record)));
      const appended = await ctx.services.reviews.append(report.id, records);
      await ctx.services.reports.save({ ...working, review: reviewCache(foldReview(records), appended) }, working.rev);
      submitted.push({ snapshot, template, submittedAt: records[0]?.at ?? snapshot.updatedAt });
    }
    result.reports++;
  }
  // 雷同检测 of the demo's submitted documents, as their submission would have run it (never fails the load).
  try {
    await checkSubmissions(ctx.services, submitted);
  } catch (error) {
    console.warn('[insight] copy checks of the demo office failed', error);
  }
  return result;
}
