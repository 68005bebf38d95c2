import { DomainError } from '../shared/errors';
import { requireProfile } from '../shared/permissions';
import type { CallContext } from '../shared/services';
import type { Template, TemplateSummary } from './schema';

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
