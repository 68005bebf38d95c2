import { DomainError } from '../shared/errors';
import type { CallContext } from '../shared/services';

export interface DemoLoadResult {
  profiles: number;
  reports: number;
  skipped: number;
}

/**
 * Load the sample office (several managers, a supervisor, documents in every state). Idempotent: items whose
 * id already exists are skipped, so loading twice changes nothing. Allowed before any profile exists.
 */
export async function loadDemoData(ctx: CallContext): Promise<DemoLoadResult> {
  const data = await ctx.services.loadDemoData();
  if (!data) throw new DomainError('unavailable', '未找到示例数据（seeds/demo）');
  const result: DemoLoadResult = { profiles: 0, reports: 0, skipped: 0 };
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
      throw new DomainError('internal', `示例数据引用了不存在的模板：${report.templateId}`);
    }
    await ctx.services.reports.create(report);
    result.reports++;
  }
  return result;
}
