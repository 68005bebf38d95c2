/**
 * What awaits someone: a supervisor's 待审阅 (and a manager's documents with unread review activity), and the
 * managers who have not yet submitted a daily log or monthly report that is due. Read-only review queries.
 */
import { listReports, type ReportFilter } from '../reports/use-cases';
import { requireProfile, requireRole } from '../common/permissions';
import type { CallContext } from './ports';
import type { Inbox, InboxEntry, NotSubmittedEntry } from './schema';
import { copyFlags } from '../insight/copy-check';
import { isWorkday } from '../calendar/office-calendar';
import { joinDates } from '../calendar/roster';
import { deadlineFor } from '../calendar/on-time';
import { owes } from '../insight/dashboard';

export type { InboxEntry } from './schema';

/**
 * 待审阅 for a supervisor (submitted documents, or any status through the filter) and, for a manager, their
 * own documents with unread review activity; each entry says whether there is something new to read.
 */
export async function inbox(
  ctx: CallContext,
  filter: ReportFilter & { grade?: string; unreadOnly?: boolean; includeAll?: boolean },
): Promise<Inbox> {
  const profile = requireProfile(ctx);
  const { grade, unreadOnly, includeAll, ...rest } = filter;
  const status = rest.status ?? (profile.role === 'supervisor' && !includeAll ? 'submitted' : undefined);
  const summaries = (await listReports(ctx, { ...rest, ...(status ? { status } : {}) })).filter((summary) => !grade || summary.grade === grade);
  const seen = await ctx.services.readState.get(profile.id);
  let entries: InboxEntry[] = summaries.map((summary) => ({ summary, unread: summary.reviewCount > (seen[summary.id] ?? 0) }));
  if (profile.role === 'manager') entries = entries.filter((entry) => entry.summary.reviewCount > 0);
  if (unreadOnly) entries = entries.filter((entry) => entry.unread);
  const flags = await copyFlags(ctx, entries.map((entry) => entry.summary.id));
  entries = entries.map((entry) => (flags.has(entry.summary.id) ? { ...entry, copy: flags.get(entry.summary.id) } : entry));
  const all = await listReports(ctx, {});
  const counts: Record<string, number> = { unread: entries.filter((entry) => entry.unread).length };
  for (const summary of all) counts[summary.status] = (counts[summary.status] ?? 0) + 1;
  return { entries, counts };
}

/** Managers on the roster who have not submitted a template's document for a period (daily logs, monthly reports). */
export async function notSubmitted(
  ctx: CallContext,
  input: { period: string },
): Promise<NotSubmittedEntry[]> {
  requireRole(ctx, 'supervisor');
  const settings = await ctx.services.settings.get();
  const joined = await joinDates(ctx);
  const now = ctx.services.clock.now();
  const local = (await ctx.services.profiles.list()).filter((profile) => profile.role === 'manager');
  // Managers on other machines join the roster with their first package (docs/exchange.md).
  const localIds = new Set(local.map((profile) => profile.id));
  const remote = (await ctx.services.exchange.trusted())
    .filter((entry) => entry.role === 'manager' && !localIds.has(entry.profileId))
    .map((entry) => ({ id: entry.profileId, name: entry.name, unit: entry.unit }));
  const managers = [...local, ...remote];
  const templates = (await ctx.services.templates.listLatest()).filter((template) => template.cadence === 'daily' || template.cadence === 'monthly');
  const reports = await ctx.services.reports.list();
  const day = /^\d{4}-\d{2}-\d{2}$/.test(input.period) ? input.period : null;
  const month = input.period.slice(0, 7);
  // Fair: a daily log only on the office's workdays (法定节假日 and 调休 from 设置), nobody before the deadline has
  // passed, and nobody for a period that ended before they joined.
  return templates.map((template) => {
    const period = template.cadence === 'daily' ? day ?? `${month}-01` : month;
    const base = { templateId: template.id, templateName: template.name, period };
    if (template.cadence === 'daily' && !isWorkday(period, settings.officeCalendar)) return { ...base, missing: [], state: 'day-off' as const };
    const deadline = deadlineFor(template.cadence, period, settings.onTimeRule, settings.officeCalendar);
    if (deadline && now.getTime() < deadline.getTime()) return { ...base, missing: [], state: 'not-due' as const, dueAt: deadline.toISOString() };
    const submitted = new Set(
      reports.filter((summary) => summary.templateId === template.id && summary.period === period && summary.status !== 'draft').map((summary) => summary.authorId),
    );
    return {
      ...base,
      missing: managers
        .filter((manager) => !submitted.has(manager.id) && owes(period, joined.get(manager.id)))
        .map((manager) => ({ id: manager.id, name: manager.name, unit: manager.unit })),
      state: 'due' as const,
      ...(deadline ? { dueAt: deadline.toISOString() } : {}),
    };
  });
}
