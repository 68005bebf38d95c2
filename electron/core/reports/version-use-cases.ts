import { DomainError } from '../shared/errors';
import { requireRole } from '../shared/permissions';
import type { CallContext } from '../shared/services';
import { checkContentAgainstTemplate } from './check-content';
import { periodKey } from './new-report';
import type { Report, ReportSummary } from './schema';
import { moveContent, templateChanges, type TemplateChanges } from './template-versions';
import { getReport } from './use-cases';

export interface TemplateUpdate {
  /** The version the draft was made from, and the newest one (not retired). */
  current: number;
  latest: number;
  templateName: string;
  changes: TemplateChanges;
  /** What the draft holds that has no place in the newest version (listed before moving). */
  lost: string[];
}

async function ownEditable(ctx: CallContext, id: string) {
  const profile = requireRole(ctx, 'manager');
  const { report, template } = await getReport(ctx, id);
  if (report.authorId !== profile.id) throw new DomainError('forbidden', '只能修改自己撰写的文稿');
  if (report.status !== 'draft' && report.status !== 'returned') throw new DomainError('forbidden', '文稿已提交或已通过，不能再修改');
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
): Promise<{ report: Report; lost: string[] }> {
  return ctx.services.locks.run(input.id, async () => {
    const { profile, report, template } = await ownEditable(ctx, input.id);
    if (report.rev !== input.baseRev) throw new DomainError('conflict', '文稿已在别处保存过，请刷新后再换用新版本');
    const target = await ctx.services.templates.get(report.templateId, input.version);
    if (!target) throw new DomainError('not-found', `找不到模板“${template.name}”的 v${input.version}`);
    if (target.retired) throw new DomainError('invalid-input', `“${template.name}” v${input.version} 已停用，不能换用`);
    if (target.version <= report.templateVersion) {
      throw new DomainError('invalid-input', `文稿已使用 v${report.templateVersion}，只能换用更新的版本`);
    }
    const moved = moveContent({ report, from: template, to: target, profile, now: ctx.services.clock.now(), newId: () => ctx.services.ids.newId() });
    const issues = checkContentAgainstTemplate(target, moved.sections, moved.metadata);
    if (issues.length) throw new DomainError('invalid-input', '文稿内容无法放入新版本', { issues });
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
  if (!template) throw new DomainError('not-found', '找不到该模板');
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
