import { formatMessage } from '../shared/messages';
import { checkTableFormulas } from '../formula';
import { DomainError, type ErrorIssue } from '../shared/errors';
import { requireProfile } from '../shared/permissions';
import type { CallContext } from '../shared/services';
import type { Template, TemplateSummary } from './schema';
import { parseTemplateFile, templateToFile } from './template-file';

/** Latest version of every template, built-ins first. */
export async function listTemplates(ctx: CallContext): Promise<TemplateSummary[]> {
  requireProfile(ctx);
  const templates = await ctx.services.templates.listLatest();
  return templates.sort((a, b) => Number(b.builtIn) - Number(a.builtIn) || a.name.localeCompare(b.name, 'zh-CN'));
}

/** One template version (latest when omitted), with the list of its versions. */
export async function getTemplate(
  ctx: CallContext,
  input: { id: string; version?: number },
): Promise<{ template: Template; versions: number[] }> {
  requireProfile(ctx);
  const template = await ctx.services.templates.get(input.id, input.version);
  if (!template) throw new DomainError('not-found', '找不到该模板');
  return { template, versions: await ctx.services.templates.versions(input.id) };
}

/** Formula problems of every table, as input issues naming the section and column. */
export function formulaIssues(template: Template): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  template.sections.forEach((section, index) => {
    if (!section.table) return;
    for (const problem of checkTableFormulas(section.table)) {
      issues.push({
        path: `sections.${index}.table.${problem.column || 'columns'}`,
        message: `“${section.title}”${problem.column ? `的“${problem.column}”列` : ''}：${problem.message}`,
      });
    }
    const keys = new Set<string>();
    for (const column of section.table.columns) {
      if (keys.has(column.key)) issues.push({ path: `sections.${index}.table.${column.key}`, message: `“${section.title}”列名重复：${column.key}` });
      keys.add(column.key);
    }
    // 基于上期 mappings name input columns of this table (a computed column is never written).
    const inputKeys = new Set(section.table.columns.filter((column) => !column.formula).map((column) => column.key));
    for (const carry of section.table.carryColumns ?? []) {
      for (const key of [carry.from, carry.to]) {
        if (!inputKeys.has(key)) {
          issues.push({ path: `sections.${index}.table.carryColumns`, message: formatMessage('template.carryColumn', { section: section.title, column: key }) });
        }
      }
    }
  });
  return issues;
}

function assertValidTemplate(template: Template): void {
  const issues = formulaIssues(template);
  if (issues.length) throw new DomainError('invalid-input', issues.map((issue) => issue.message).join('；'), { issues });
}

/** Copy a template (a built-in or a custom one) into a new custom template the caller can edit. */
export async function duplicateTemplate(
  ctx: CallContext,
  input: { id: string; version?: number; name: string },
): Promise<Template> {
  const profile = requireProfile(ctx);
  const source = await ctx.services.templates.get(input.id, input.version);
  if (!source) throw new DomainError('not-found', '找不到该模板');
  const copy: Template = {
    ...source,
    id: ctx.services.ids.newId(),
    version: 1,
    name: input.name.trim(),
    builtIn: false,
    createdAt: ctx.services.clock.now().toISOString(),
    createdBy: profile.id,
  };
  await ctx.services.templates.saveVersion(copy);
  return copy;
}

/**
 * Save an edited custom template as a new version. Documents keep the version they were made from, so an
 * edit never changes existing documents. `baseVersion` must be the latest version (else `conflict`).
 */
export async function saveTemplate(ctx: CallContext, input: { template: Template; baseVersion: number }): Promise<Template> {
  const profile = requireProfile(ctx);
  const latest = await ctx.services.templates.get(input.template.id);
  if (!latest) throw new DomainError('not-found', '找不到该模板');
  if (latest.builtIn) throw new DomainError('forbidden', '内置模板为只读，请先复制一份再修改');
  if (latest.version !== input.baseVersion) {
    throw new DomainError('conflict', `模板已被修改为 v${latest.version}，请刷新后再保存`, { details: { current: latest } });
  }
  const next: Template = {
    ...input.template,
    version: latest.version + 1,
    builtIn: false,
    createdAt: ctx.services.clock.now().toISOString(),
    createdBy: profile.id,
  };
  assertValidTemplate(next);
  await ctx.services.templates.saveVersion(next);
  return next;
}

/** A template version as a file to share (`<name>.rdtpl.json`). */
export async function exportTemplate(
  ctx: CallContext,
  input: { id: string; version?: number },
): Promise<{ fileName: string; text: string }> {
  const { template } = await getTemplate(ctx, input);
  return { fileName: `${template.name}_v${template.version}.rdtpl.json`, text: templateToFile(template) };
}

/**
 * Import a template file. A new id becomes a custom template (v1); a known custom id gets a new version
 * unless the content is identical (then nothing changes). Built-in ids cannot be replaced.
 */
export async function importTemplate(
  ctx: CallContext,
  input: { fileName: string; text: string },
): Promise<{ template: Template; created: boolean }> {
  const profile = requireProfile(ctx);
  const parsed = parseTemplateFile(input.text, input.fileName);
  assertValidTemplate(parsed);
  const latest = await ctx.services.templates.get(parsed.id);
  if (latest?.builtIn || parsed.builtIn) {
    if (latest?.builtIn) throw new DomainError('forbidden', `“${parsed.name}”是内置模板，不能通过导入替换；请导入其副本`);
  }
  const comparable = (template: Template) => JSON.stringify({ ...template, version: 0, createdAt: '', createdBy: '', builtIn: false });
  if (latest && comparable(latest) === comparable(parsed)) return { template: latest, created: false };
  const next: Template = {
    ...parsed,
    version: latest ? latest.version + 1 : 1,
    builtIn: false,
    createdAt: ctx.services.clock.now().toISOString(),
    createdBy: profile.id,
  };
  await ctx.services.templates.saveVersion(next);
  return { template: next, created: true };
}
