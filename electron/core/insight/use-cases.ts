import { defaultOnTimeRule } from '../calendar/on-time';
import type { TableRow } from '../common/schemas/report';
import { canRead } from '../reports/use-cases';
import { foldReview } from '../common/review-fold';
import { requireProfile } from '../common/permissions';
import type { CallContext } from './ports';
import type { DocumentKind } from '../common/schemas/template';
import { copyFlags } from './copy-check';
import { joinDates } from '../calendar/roster';
import { computeDashboard, inMonth, type DashboardDocument, type DashboardTemplate, type DashboardView } from './dashboard';
import { defaultInsightSettings, type SentencesResult } from './schema';
import { proposeSentences } from './sentences';
import { coded, formatMessage } from '../common/messages';

/**
 * The dashboard for a month: every manager on the roster for a supervisor (a manager with nothing still has a
 * row), the caller's own row for a manager.
 */
export async function insightDashboard(ctx: CallContext, input: { period: string; kind?: DocumentKind }): Promise<DashboardView> {
  const profile = requireProfile(ctx);
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(input.period)) {
    throw coded('invalid-input', 'insight.badPeriod', undefined, { issues: [{ path: 'period', message: formatMessage('insight.badPeriodShort') }] });
  }
  const supervisor = profile.role === 'supervisor';
  const settings = await ctx.services.settings.get();
  const managers = supervisor
    ? (await ctx.services.profiles.list()).filter((candidate) => candidate.role === 'manager')
    : [profile];
  const roster = new Set(managers.map((manager) => manager.id));
  const summaries = (await ctx.services.reports.list()).filter(
    (summary) =>
      canRead(profile, summary) &&
      summary.status !== 'draft' &&
      (supervisor || roster.has(summary.authorId)) &&
      inMonth(summary.period, input.period) &&
      (!input.kind || summary.kind === input.kind),
  );

  const latest = await ctx.services.templates.listLatest();
  const templates: DashboardTemplate[] = [];
  for (const summary of latest) {
    const template = await ctx.services.templates.get(summary.id);
    templates.push({ id: summary.id, kind: summary.kind, cadence: summary.cadence, ...(template?.subjectKey ? { subjectKey: template.subjectKey } : {}) });
  }
  const flags = await copyFlags(ctx, summaries.map((summary) => summary.id));
  const documents: DashboardDocument[] = [];
  for (const summary of summaries) {
    const state = foldReview(await ctx.services.reviews.records(summary.id));
    const firstSubmit = state.workflow.filter((event) => event.type === 'submit').map((event) => event.at).sort()[0];
    const live = state.comments.filter((comment) => !comment.retracted);
    documents.push({
      id: summary.id,
      templateId: summary.templateId,
      kind: summary.kind,
      authorId: summary.authorId,
      authorName: summary.authorName,
      period: summary.period,
      status: summary.status,
      ...((firstSubmit ?? summary.submittedAt) ? { firstSubmittedAt: firstSubmit ?? summary.submittedAt } : {}),
      ...(state.currentDecision ? { grade: state.currentDecision.grade, meetingFlag: state.currentDecision.meetingFlag } : {}),
      comments: {
        open: live.filter((comment) => comment.status === 'open').length,
        fixed: live.filter((comment) => comment.status === 'fixed').length,
        resolved: live.filter((comment) => comment.status === 'resolved').length,
      },
      ...(flags.get(summary.id)?.flagged ? { copyFlagged: true } : {}),
    });
  }
  const joined = await joinDates(ctx);
  return computeDashboard({
    period: input.period,
    ...(input.kind ? { kind: input.kind } : {}),
    now: ctx.services.clock.now(),
    rule: settings.onTimeRule ?? defaultOnTimeRule,
    settings: settings.insight ?? defaultInsightSettings,
    grades: settings.gradeScale.map((grade) => grade.label),
    managers: managers.map((manager) => ({ id: manager.id, name: manager.name, unit: manager.unit, ...(joined.has(manager.id) ? { joinedOn: joined.get(manager.id)! } : {}) })),
    templates,
    documents,
    withCopyFlags: supervisor,
    calendar: settings.officeCalendar,
  });
}

/**
 * 生成描述: sentences proposed from a table's rows by the template's wording rules. The rows come from the
 * editor (unsaved figures count); the document's metadata gives 报告期 and the like.
 */
export async function insightSentences(
  ctx: CallContext,
  input: { templateId: string; templateVersion?: number; sectionId: string; rows: TableRow[]; metadata?: Record<string, string> },
): Promise<SentencesResult> {
  requireProfile(ctx);
  const template = await ctx.services.templates.get(input.templateId, input.templateVersion);
  if (!template) throw coded('not-found', 'report.templateNotFound');
  const section = template.sections.find((candidate) => candidate.id === input.sectionId);
  if (!section?.table) throw coded('invalid-input', 'insight.notTable', { section: input.sectionId }, { issues: [{ path: 'sectionId', message: formatMessage('insight.notTableShort') }] });
  const rules = section.table.sentenceRules ?? [];
  const proposals = proposeSentences(section.table, input.rows, {
    metadata: input.metadata ?? {},
    period: input.metadata?.['报告期'],
    tableTitle: section.title,
  });
  return { proposals, ruleCount: rules.length };
}
