import { formatMessage, coded } from '../common/messages';
import { checkTableFormulas } from '../common/formula';
import { DomainError, type ErrorIssue } from '../common/errors';
import { requireProfile, requireRole } from '../common/permissions';
import type { CallContext } from './ports';
import { acceptPublishedTemplate, assertHashMatches, withContentHash } from './identity';
import type { Template, TemplateSummary } from '../common/schemas/template';
import type { TemplateFileText, TemplateImport, TemplateVersions } from './schema';
import { readTemplateFile, templateToFile, type ParsedTemplateFile } from './template-file';

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
): Promise<TemplateVersions> {
  requireProfile(ctx);
  const template = await ctx.services.templates.get(input.id, input.version);
  if (!template) throw coded('not-found', 'report.templateNotFound');
  return { template, versions: await ctx.services.templates.versions(input.id) };
}

/** Formula problems of every table, as input issues naming the section and column (and where in the template). */
export function formulaIssues(template: Template): (ErrorIssue & { at: (string | number)[]; detail: string })[] {
  const issues: (ErrorIssue & { at: (string | number)[]; detail: string })[] = [];
  template.sections.forEach((section, index) => {
    if (!section.table) return;
    const columnAt = (key: string): (string | number)[] => {
      const column = section.table!.columns.findIndex((item) => item.key === key);
      return column < 0 ? ['sections', index, 'table', 'columns'] : ['sections', index, 'table', 'columns', column, 'formula'];
    };
    for (const problem of checkTableFormulas(section.table)) {
      issues.push({
        path: `sections.${index}.table.${problem.column || 'columns'}`,
        message: `“${section.title}”${problem.column ? `的“${problem.column}”列` : ''}：${problem.message}`,
        at: problem.column ? columnAt(problem.column) : ['sections', index, 'table', 'columns'],
        detail: problem.message,
      });
    }
    const keys = new Set<string>();
    section.table.columns.forEach((column, columnIndex) => {
      if (keys.has(column.key)) {
        issues.push({
          path: `sections.${index}.table.${column.key}`,
          message: `“${section.title}”列名重复：${column.key}`,
          at: ['sections', index, 'table', 'columns', columnIndex, 'key'],
          detail: `与前面的列重复：${column.key}`,
        });
      }
      keys.add(column.key);
    });
    // 基于上期 mappings name input columns of this table (a computed column is never written).
    const inputKeys = new Set(section.table.columns.filter((column) => !column.formula).map((column) => column.key));
    for (const carry of section.table.carryColumns ?? []) {
      for (const key of [carry.from, carry.to]) {
        if (!inputKeys.has(key)) {
          const message = formatMessage('template.carryColumn', { section: section.title, column: key });
          issues.push({ path: `sections.${index}.table.carryColumns`, message, at: ['sections', index, 'table', 'carryColumns'], detail: message });
        }
      }
    }
  });
  return issues;
}

function assertValidTemplate(template: Template, file?: { fileName: string; where: ParsedTemplateFile['where'] }): void {
  const found = formulaIssues(template);
  if (!found.length) return;
  const issues: ErrorIssue[] = found.map(({ path, message, at, detail }) => {
    if (!file) return { path, message };
    const place = file.where(at);
    return { path: `第 ${place.line} 行，${place.label}`, message: detail };
  });
  const prefix = file ? `${file.fileName} 内容有误：` : '';
  throw new DomainError('invalid-input', prefix + issues.map((issue) => (file ? `${issue.path}：${issue.message}` : issue.message)).join('；'), { issues });
}

/** The office template a supervisor may change: a custom one they publish (or one with no publisher yet). */
function assertOwnTemplate(profile: { id: string }, template: Template): void {
  if (template.builtIn) throw coded('forbidden', 'template.builtInReadOnly');
  if (template.publisher && template.publisher.profileId !== profile.id) {
    throw coded('forbidden', 'template.publisherOnly', { name: template.name, publisher: template.publisher.name });
  }
}

/** A template version as stored: published by `profile`, stamped now, with its content hash. */
function stamped(ctx: CallContext, profile: { id: string; name: string }, template: Template): Template {
  return withContentHash(
    {
      ...template,
      builtIn: false,
      publisher: template.publisher ?? { profileId: profile.id, name: profile.name },
      createdAt: ctx.services.clock.now().toISOString(),
      createdBy: profile.id,
    },
    (text) => ctx.services.hash.sha256(text),
  );
}

/**
 * Copy a template (a built-in or a custom one) into a new office template the calling supervisor publishes.
 * Only supervisors create office templates.
 */
export async function duplicateTemplate(
  ctx: CallContext,
  input: { id: string; version?: number; name: string },
): Promise<Template> {
  const profile = requireRole(ctx, 'supervisor');
  const source = await ctx.services.templates.get(input.id, input.version);
  if (!source) throw coded('not-found', 'report.templateNotFound');
  const copy = stamped(ctx, profile, {
    ...source,
    id: ctx.services.ids.newId(),
    version: 1,
    name: input.name.trim(),
    publisher: undefined,
    retired: undefined,
    contentHash: undefined,
  });
  await ctx.services.templates.saveVersion(copy);
  return copy;
}

/**
 * Publish an edited office template as a new version (supervisors; the publisher only). Documents keep the
 * version they were made from, so an edit never changes existing documents. `baseVersion` must be the latest
 * version (else `conflict`).
 */
export async function saveTemplate(ctx: CallContext, input: { template: Template; baseVersion: number }): Promise<Template> {
  const profile = requireRole(ctx, 'supervisor');
  const latest = await ctx.services.templates.get(input.template.id);
  if (!latest) throw coded('not-found', 'report.templateNotFound');
  assertOwnTemplate(profile, latest);
  if (latest.version !== input.baseVersion) {
    throw coded('conflict', 'template.changedBeforeSave', { version: latest.version }, { details: { current: latest } });
  }
  const next = stamped(ctx, profile, { ...input.template, version: latest.version + 1, publisher: latest.publisher, contentHash: undefined });
  assertValidTemplate(next);
  await ctx.services.templates.saveVersion(next);
  return next;
}

/**
 * Retire an office template (supervisors; the publisher only): a last version marked retired, so no new
 * document is made from it while every existing one keeps its version.
 */
export async function retireTemplate(ctx: CallContext, input: { id: string; baseVersion: number }): Promise<Template> {
  const profile = requireRole(ctx, 'supervisor');
  const latest = await ctx.services.templates.get(input.id);
  if (!latest) throw coded('not-found', 'report.templateNotFound');
  assertOwnTemplate(profile, latest);
  if (latest.retired) throw coded('conflict', 'template.retired', { name: latest.name });
  if (latest.version !== input.baseVersion) {
    throw coded('conflict', 'template.changedBeforeAct', { version: latest.version }, { details: { current: latest } });
  }
  const next = stamped(ctx, profile, { ...latest, version: latest.version + 1, retired: true, contentHash: undefined });
  await ctx.services.templates.saveVersion(next);
  return next;
}

/** A template version as a file to share (`<name>.rdtpl.json`). A version edited by hand on disk is not passed on. */
export async function exportTemplate(
  ctx: CallContext,
  input: { id: string; version?: number },
): Promise<TemplateFileText> {
  const { template } = await getTemplate(ctx, input);
  assertHashMatches(template, (text) => ctx.services.hash.sha256(text), 'local');
  return { fileName: `${template.name}_v${template.version}.rdtpl.json`, text: templateToFile(template) };
}

/**
 * Import a template file (supervisors). The version keeps its id, number, publisher, author and time; a file
 * without a publisher (written by hand, or by an older program) becomes the importing supervisor's. The same
 * version again changes nothing; a different content under a known version, a hash that does not match, another
 * supervisor's id or a built-in id is refused and nothing changes.
 */
export async function importTemplate(
  ctx: CallContext,
  input: { fileName: string; text: string },
): Promise<TemplateImport> {
  const profile = requireRole(ctx, 'supervisor');
  const file = readTemplateFile(input.text, input.fileName);
  const parsed = file.template;
  assertValidTemplate(parsed, { fileName: input.fileName, where: file.where });
  const sha256 = (text: string) => ctx.services.hash.sha256(text);
  assertHashMatches(parsed, sha256, { file: input.fileName });
  if ((await ctx.services.templates.get(parsed.id))?.builtIn) {
    throw coded('forbidden', 'template.importBuiltIn', { name: parsed.name });
  }
  const template: Template = parsed.publisher
    ? { ...parsed, builtIn: false }
    : withContentHash({ ...parsed, builtIn: false, publisher: { profileId: profile.id, name: profile.name } }, sha256);
  const { template: stored, status } = await acceptPublishedTemplate(ctx.services, template);
  return { template: stored, created: status === 'new' };
}
