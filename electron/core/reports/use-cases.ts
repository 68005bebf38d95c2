import type { Profile } from '../common/schemas/profile';
import { reportSearchText, snippet } from '../search/report-text';
import { coded, formatMessage } from '../common/messages';
import { requireProfile, requireRole } from '../common/permissions';
import type { CallContext } from './ports';
import type { SearchResult } from './schema';
import type { Template } from '../common/schemas/template';
import { checkContentAgainstTemplate } from './check-content';
import { mergeDraft, type MergeOverlap } from './merge';
import { buildNewReport, periodKey, titleFor } from './new-report';
import { carryForward, findPreviousReport, findReportForPeriod, yearAgoPeriod } from './previous';
import { summarize, type Report, type ReportStatus, type ReportSummary, type ReportWithTemplate, type SectionContent } from '../common/schemas/report';

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

/** Whether a document is one the caller may see and the filter selects. */
export function matchesFilter(profile: Profile, filter: ReportFilter): (summary: ReportSummary) => boolean {
  return (summary) =>
    canRead(profile, summary) &&
    (!filter.kind || summary.kind === filter.kind) &&
    (!filter.status || summary.status === filter.status) &&
    (!filter.period || summary.period.startsWith(filter.period)) &&
    (!filter.authorId || summary.authorId === filter.authorId) &&
    (!filter.retailer || (summary.retailer ?? '').includes(filter.retailer));
}

/**
 * Documents the caller may see, newest first, filtered; with `limit`, only the first ones (a list page shows
 * its first screen from those while the whole list of a large office is still on its way).
 */
export async function listReports(ctx: CallContext, filter: ReportFilter & { limit?: number }): Promise<ReportSummary[]> {
  const profile = requireProfile(ctx);
  const all = await ctx.services.reports.list();
  // One pass, and ISO times compared as text (the same order as localeCompare, without ICU): at 50,000
  // documents this is a few milliseconds. The store lists newest first already, so the sort finds little to do.
  const sorted = all.filter(matchesFilter(profile, filter)).sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
  return filter.limit ? sorted.slice(0, filter.limit) : sorted;
}

/** One document with the template version it was made from. */
export async function getReport(ctx: CallContext, id: string): Promise<ReportWithTemplate> {
  const profile = requireProfile(ctx);
  const report = await ctx.services.reports.get(id);
  if (!report || !canRead(profile, report)) throw coded('not-found', 'report.notFound');
  const template = await ctx.services.templates.get(report.templateId, report.templateVersion);
  if (!template) {
    throw coded('not-found', 'report.templateVersionMissing', { templateId: report.templateId, version: report.templateVersion });
  }
  return { report, template };
}

/**
 * A new draft from the latest version of a template. Only customer managers write documents.
 * `basedOnPrevious` copies tables and lasting details from the author's previous document of the template;
 * sections with `carryForwardFrom` (the booklet's 上月建议落实情况) are filled from it either way.
 */
export async function createReport(
  ctx: CallContext,
  input: { templateId: string; metadata: Record<string, string>; basedOnPrevious?: boolean },
): Promise<Report> {
  const profile = requireRole(ctx, 'manager');
  const template = await ctx.services.templates.get(input.templateId);
  if (!template) throw coded('not-found', 'report.templateNotFound');
  if (template.retired) throw coded('invalid-input', 'template.retiredNoNew', { name: template.name });
  const issues = checkContentAgainstTemplate(template, {}, input.metadata);
  if (issues.length) throw coded('invalid-input', 'report.badMetadata', undefined, { issues });
  const newId = () => ctx.services.ids.newId();
  let report = buildNewReport({ template, profile, metadata: input.metadata, id: newId(), now: ctx.services.clock.now(), newId });
  const carries = input.basedOnPrevious || template.sections.some((section) => section.carryForwardFrom);
  if (carries) {
    const previous = await findPreviousReport({
      summaries: await ctx.services.reports.list(),
      template,
      authorId: profile.id,
      period: report.period,
      subject: template.subjectKey ? report.metadata[template.subjectKey] : undefined,
      load: (id) => ctx.services.reports.get(id),
    });
    if (previous) {
      const olderPeriod = input.basedOnPrevious ? yearAgoPeriod(report.period) : null;
      const yearAgo = olderPeriod
        ? await findReportForPeriod({
            summaries: await ctx.services.reports.list(),
            template,
            authorId: profile.id,
            period: olderPeriod,
            subject: template.subjectKey ? report.metadata[template.subjectKey] : undefined,
            load: (id) => ctx.services.reports.get(id),
          })
        : null;
      const carried = carryForward({
        yearAgo,
        template,
        previous,
        sections: report.sections,
        metadata: report.metadata,
        givenMetadata: input.metadata,
        copyTables: !!input.basedOnPrevious,
        newId,
      });
      report = { ...report, ...carried, title: titleFor(template, carried.metadata), region: carried.metadata['片区'] || report.region };
    }
  }
  await ctx.services.reports.create(report);
  return report;
}

/** The author's previous document of a template (for the "based on last period" choice), if any. */
export async function previousReportInfo(
  ctx: CallContext,
  input: { templateId: string; period?: string; subject?: string },
): Promise<ReportSummary | null> {
  const profile = requireRole(ctx, 'manager');
  const template = await ctx.services.templates.get(input.templateId);
  if (!template) throw coded('not-found', 'report.templateNotFound');
  const previous = await findPreviousReport({
    summaries: await ctx.services.reports.list(),
    template,
    authorId: profile.id,
    period: input.period ?? '',
    subject: input.subject,
    load: (id) => ctx.services.reports.get(id),
  });
  return previous ? summarize(previous) : null;
}

const editableStatuses: ReportStatus[] = ['draft', 'returned'];

/** The document if the caller may change its text: its author, while it is a draft or returned. */
async function loadEditable(ctx: CallContext, id: string): Promise<{ report: Report; template: Template }> {
  const profile = requireProfile(ctx);
  const { report, template } = await getReport(ctx, id);
  if (report.authorId !== profile.id) throw coded('forbidden', 'report.notAuthor');
  if (!editableStatuses.includes(report.status)) throw coded('forbidden', 'report.notEditable');
  return { report, template };
}

/**
 * Save the writer's draft.
 *
 * With `base` (what the editor sends): the save carries only the parts the writer changed, and `base` holds
 * each of those parts as it was when the writer started editing it. The save is merged part by part (a table
 * row by row) into the stored document whatever its revision (core/reports/merge.ts): two windows editing
 * different sections or rows both keep their text; only a part both changed differently is refused, as a
 * `conflict` whose details list both versions of those parts only (`overlaps`) with the stored document.
 *
 * Without `base` (older clients, the CLI): optimistic, `baseRev` must equal the stored revision, otherwise
 * `conflict` with the stored version, so nothing is ever overwritten silently.
 */
export async function saveDraft(
  ctx: CallContext,
  input: {
    id: string;
    baseRev: number;
    metadata: Record<string, string>;
    sections: Record<string, SectionContent>;
    title?: string;
    base?: { metadata?: Record<string, string>; sections?: Record<string, SectionContent | null> };
  },
): Promise<Report> {
  return ctx.services.locks.run(input.id, () => saveDraftNow(ctx, input));
}

async function saveDraftNow(ctx: CallContext, input: Parameters<typeof saveDraft>[1]): Promise<Report> {
  const { report, template } = await loadEditable(ctx, input.id);
  const issues = checkContentAgainstTemplate(template, input.sections, input.metadata);
  if (issues.length) throw coded('invalid-input', 'report.badContent', undefined, { issues });
  let metadata = { ...report.metadata, ...input.metadata };
  let sections = { ...report.sections, ...input.sections };
  let baseRev = input.baseRev;
  if (input.base) {
    const merged = mergeDraft({ stored: report, mine: { metadata: input.metadata, sections: input.sections }, base: input.base });
    if (merged.overlaps.length) {
      const parts = merged.overlaps.map((overlap) => partName(template, report, overlap)).join('、');
      throw coded('conflict', 'report.overlap', { parts }, { details: { current: report, overlaps: merged.overlaps } });
    }
    metadata = merged.metadata;
    sections = merged.sections;
    // Merged under the document's lock against what is stored now.
    baseRev = report.rev;
  }
  const next: Report = {
    ...report,
    metadata,
    sections,
    title: input.title?.trim() || titleFor(template, metadata),
    period: metadata[periodKey] ?? report.period,
    region: metadata['片区'] || report.region,
    updatedAt: ctx.services.clock.now().toISOString(),
  };
  return ctx.services.reports.save(next, baseRev);
}

/** An overlapping part named as a person reads it: 基本信息“片区”, “一、总体情况”, “表1 主要经济指标”第 2 行. */
function partName(template: Template, report: Report, overlap: MergeOverlap): string {
  if (overlap.kind === 'metadata') {
    const label = template.metadataFields.find((field) => field.key === overlap.field)?.label ?? overlap.field;
    return formatMessage('parts.metadata', { field: label });
  }
  const section = template.sections.find((item) => item.id === overlap.sectionId)?.title ?? overlap.sectionId;
  if (overlap.kind === 'section') return formatMessage('parts.section', { section });
  const stored = report.sections[overlap.sectionId];
  const index = stored?.type === 'table' ? stored.rows.findIndex((row) => row.id === overlap.rowId) : -1;
  return formatMessage('parts.row', { section, row: index >= 0 ? index + 1 : '?' });
}

/** Delete a draft that was never submitted. */
export async function deleteDraft(ctx: CallContext, input: { id: string; baseRev: number }): Promise<void> {
  await ctx.services.locks.run(input.id, async () => {
    const { report } = await loadEditable(ctx, input.id);
    if (report.status !== 'draft') throw coded('forbidden', 'report.deleteOnlyDraft');
    // A withdrawn submission is a draft again, but its review log (submit, withdraw) must stay.
    if ((report.review?.count ?? 0) > 0) throw coded('forbidden', 'report.deleteHasLog');
    await ctx.services.reports.remove(input.id, input.baseRev);
  });
}

export type { SearchResult } from './schema';

/** Full-text search (Chinese-aware) over the documents the caller may see, with the same filters as the list. */
export async function searchReports(ctx: CallContext, input: ReportFilter & { query: string }): Promise<SearchResult[]> {
  const { query, ...filter } = input;
  const profile = requireProfile(ctx);
  // Visibility and filters are applied inside the search, which stops at the 200 best (at 50,000 documents a
  // common word matches tens of thousands).
  const hits = await ctx.services.reports.search(query, { accept: matchesFilter(profile, filter), limit: 200 });
  const results: SearchResult[] = [];
  for (const [position, hit] of hits.entries()) {
    let excerpt = '';
    if (position < 50) {
      const report = await ctx.services.reports.get(hit.id);
      if (report) excerpt = snippet(reportSearchText(report), query);
    }
    results.push({ summary: hit.summary, score: hit.score, snippet: excerpt });
  }
  return results;
}
