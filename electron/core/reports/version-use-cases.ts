import { requireRole } from '../common/permissions';
import type { CallContext } from './ports';
import { checkContentAgainstTemplate } from './check-content';
import { periodKey } from './new-report';
import type { Report, ReportSummary } from '../common/schemas/report';
import { moveContent, templateChanges } from './template-versions';
import type { MovedDraft, TemplateUpdate } from './schema';
import { getReport } from './use-cases';
import { coded } from '../common/messages';

export type { TemplateUpdate } from './schema';

async function ownEditable(ctx: CallContext, id: string) {
  const profile = requireRole(ctx, 'manager');
  const { report, template } = await getReport(ctx, id);
  if (report.authorId !== profile.id) throw coded('forbidden', 'report.notAuthor');
  if (report.status !== 'draft' && report.status !== 'returned') throw coded('forbidden', 'report.notEditable');
  return { profile, report, template };
}

/**
 * For the author's editable document: the newest version of its template when it is newer than the one the
 * document was made from (「有新版本 vN」), with what changed and what would have no place; null otherwise.
 */
export async function templateUpdate(ctx: CallContext, input: { id: string }): Promise<TemplateUpdate | null> {
  const { profile, report, template } = await ownEditable(ctx, input.id);
  const latest = await ctx.services.templates.get(report.templateId);
  if (!latest || latest.retired || latest.version <= report.templateVersion) return null;
  const moved = moveContent({ report, from: template, to: latest, profile, now: ctx.services.clock.now(), newId: () => ctx.services.ids.newId() });
  return { current: template.version, latest: latest.version, templateName: latest.name, changes: templateChanges(template, latest), lost: moved.lost };
}

/**
 * Move the author's draft (or returned document) to a newer version of its template: text and figures that have
 * a place are kept, the rest is listed in `lost`. `baseRev` guards against a save from another window.
 */
export async function moveToVersion(
  ctx: CallContext,
  input: { id: string; baseRev: number; version: number },
): Promise<MovedDraft> {
  return ctx.services.locks.run(input.id, async () => {
    const { profile, report, template } = await ownEditable(ctx, input.id);
    if (report.rev !== input.baseRev) throw coded('conflict', 'report.savedBeforeMove');
    const target = await ctx.services.templates.get(report.templateId, input.version);
    if (!target) throw coded('not-found', 'template.versionNotFound', { name: template.name, version: input.version });
    if (target.retired) throw coded('invalid-input', 'template.versionRetired', { name: template.name, version: input.version });
    if (target.version <= report.templateVersion) {
      throw coded('invalid-input', 'template.onlyNewer', { version: report.templateVersion });
    }
    const moved = moveContent({ report, from: template, to: target, profile, now: ctx.services.clock.now(), newId: () => ctx.services.ids.newId() });
    const issues = checkContentAgainstTemplate(target, moved.sections, moved.metadata);
    if (issues.length) throw coded('invalid-input', 'template.contentDoesNotFit', undefined, { issues });
    const next: Report = {
      ...report,
      templateVersion: target.version,
      kind: target.kind,
      metadata: moved.metadata,
      sections: moved.sections,
      title: moved.title,
      period: moved.metadata[periodKey] ?? report.period,
      updatedAt: ctx.services.clock.now().toISOString(),
    };
    return { report: await ctx.services.reports.save(next, input.baseRev), lost: moved.lost };
  });
}

/**
 * The caller's unsubmitted document of this template and period (and subject, for one-per-subject templates),
 * so a second draft of the same thing is warned about and the existing one offered.
 */
export async function existingDraft(
  ctx: CallContext,
  input: { templateId: string; period: string; subject?: string },
): Promise<ReportSummary | null> {
  const profile = requireRole(ctx, 'manager');
  const template = await ctx.services.templates.get(input.templateId);
  if (!template) throw coded('not-found', 'report.templateNotFound');
  if (!input.period) return null;
  for (const summary of await ctx.services.reports.list()) {
    if (summary.authorId !== profile.id || summary.templateId !== input.templateId || summary.period !== input.period) continue;
    if (summary.status !== 'draft' && summary.status !== 'returned') continue;
    if (template.subjectKey && input.subject) {
      const report = await ctx.services.reports.get(summary.id);
      if (report?.metadata[template.subjectKey] !== input.subject) continue;
    }
    return summary;
  }
  return null;
}
