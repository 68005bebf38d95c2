import type { Profile } from '../profiles/schema';
import { DomainError } from '../shared/errors';
import { requireProfile, requireRole } from '../shared/permissions';
import type { CallContext } from '../shared/services';
import type { Template } from '../templates/schema';
import { checkContentAgainstTemplate } from './check-content';
import { buildNewReport, periodKey, titleFor } from './new-report';
import type { Report, ReportStatus, ReportSummary, SectionContent } from './schema';

export interface ReportFilter {
  kind?: Report['kind'];
  status?: ReportStatus;
  period?: string;
  authorId?: string;
  retailer?: string;
}

/** Can this profile read this document? Authors read their own; supervisors read everything submitted. */
export function canRead(profile: Profile, report: Pick<Report, 'authorId' | 'status'>): boolean {
  if (report.authorId === profile.id) return true;
  return profile.role === 'supervisor' && report.status !== 'draft';
}

/** Documents the caller may see, newest first, filtered. */
export async function listReports(ctx: CallContext, filter: ReportFilter): Promise<ReportSummary[]> {
  const profile = requireProfile(ctx);
  const all = await ctx.services.reports.list();
  return all
    .filter((summary) => canRead(profile, summary))
    .filter((summary) => !filter.kind || summary.kind === filter.kind)
    .filter((summary) => !filter.status || summary.status === filter.status)
    .filter((summary) => !filter.period || summary.period.startsWith(filter.period))
    .filter((summary) => !filter.authorId || summary.authorId === filter.authorId)
    .filter((summary) => !filter.retailer || (summary.retailer ?? '').includes(filter.retailer))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/** One document with the template version it was made from. */
export async function getReport(ctx: CallContext, id: string): Promise<{ report: Report; template: Template }> {
  const profile = requireProfile(ctx);
  const report = await ctx.services.reports.get(id);
  if (!report || !canRead(profile, report)) throw new DomainError('not-found', '找不到该文稿，可能已被删除');
  const template = await ctx.services.templates.get(report.templateId, report.templateVersion);
  if (!template) {
    throw new DomainError('not-found', `找不到文稿所用的模板版本：${report.templateId} v${report.templateVersion}`);
  }
  return { report, template };
}

/** A new draft from the latest version of a template. Only customer managers write documents. */
export async function createReport(
  ctx: CallContext,
  input: { templateId: string; metadata: Record<string, string> },
): Promise<Report> {
  const profile = requireRole(ctx, 'manager');
  const template = await ctx.services.templates.get(input.templateId);
  if (!template) throw new DomainError('not-found', '找不到该模板');
  const issues = checkContentAgainstTemplate(template, {}, input.metadata);
  if (issues.length) throw new DomainError('invalid-input', '基本信息不符合模板', { issues });
  const report = buildNewReport({
    template,
    profile,
    metadata: input.metadata,
    id: ctx.services.ids.newId(),
    now: ctx.services.clock.now(),
    newId: () => ctx.services.ids.newId(),
  });
  await ctx.services.reports.create(report);
  return report;
}

const editableStatuses: ReportStatus[] = ['draft', 'returned'];

/** The document if the caller may change its text: its author, while it is a draft or returned. */
async function loadEditable(ctx: CallContext, id: string): Promise<{ report: Report; template: Template }> {
  const profile = requireProfile(ctx);
  const { report, template } = await getReport(ctx, id);
  if (report.authorId !== profile.id) throw new DomainError('forbidden', '只能修改自己撰写的文稿');
  if (!editableStatuses.includes(report.status)) {
    throw new DomainError('forbidden', '文稿已提交或已通过，不能再修改');
  }
  return { report, template };
}

/**
 * Save the writer's draft. Optimistic: `baseRev` must equal the stored revision, otherwise `conflict`
 * with the stored version, so a second window never overwrites silently.
 */
export async function saveDraft(
  ctx: CallContext,
  input: {
    id: string;
    baseRev: number;
    metadata: Record<string, string>;
    sections: Record<string, SectionContent>;
    title?: string;
  },
): Promise<Report> {
  const { report, template } = await loadEditable(ctx, input.id);
  const issues = checkContentAgainstTemplate(template, input.sections, input.metadata);
  if (issues.length) throw new DomainError('invalid-input', '文稿内容不符合模板', { issues });
  const metadata = { ...report.metadata, ...input.metadata };
  const next: Report = {
    ...report,
    metadata,
    sections: { ...report.sections, ...input.sections },
    title: input.title?.trim() || titleFor(template, metadata),
    period: metadata[periodKey] ?? report.period,
    region: metadata['片区'] || report.region,
    updatedAt: ctx.services.clock.now().toISOString(),
  };
  return ctx.services.reports.save(next, input.baseRev);
}

/** Delete a draft that was never submitted. */
export async function deleteDraft(ctx: CallContext, input: { id: string; baseRev: number }): Promise<void> {
  const { report } = await loadEditable(ctx, input.id);
  if (report.status !== 'draft') throw new DomainError('forbidden', '只有未提交过的草稿可以删除');
  await ctx.services.reports.remove(input.id, input.baseRev);
}
