import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Profile } from '../../electron/core/common/schemas/profile';
import { checkCompleteness } from '../../electron/core/reports/completeness';
import { buildNewReport } from '../../electron/core/reports/new-report';
import { carryForward, findPreviousReport } from '../../electron/core/reports/previous';
import { summarize, type Report } from '../../electron/core/common/schemas/report';
import { fillPlaceholders, formatPeriod } from '../../electron/core/common/text/placeholders';
import { plainToRichText } from '../../electron/core/common/text/rich-text';
import { templateSchema, type Template } from '../../electron/core/common/schemas/template';

function seedTemplate(name: string): Template {
  return templateSchema.parse(JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'seeds', 'templates', `${name}.json`), 'utf8')));
}

const manager: Profile = { id: 'm1', name: '张伟', role: 'manager', unit: '城关片区', createdAt: '2026-01-01T00:00:00.000Z' };
let counter = 0;
const newId = () => `id${++counter}`;

function newReport(template: Template, metadata: Record<string, string>, now = new Date('2026-11-05T09:00:00')): Report {
  return buildNewReport({ template, profile: manager, metadata, id: newId(), now, newId });
}

describe('new documents from templates', () => {
  test('details take their defaults from the profile and the date; the title fills its placeholders', () => {
    const report = newReport(seedTemplate('market-analysis'), {});
    expect(report.metadata['片区']).toBe('城关片区');
    expect(report.metadata['客户经理']).toBe('张伟');
    expect(report.metadata['报告期']).toBe('2026-11');
    expect(report.title).toBe('城关片区2026年11月卷烟市场分析报告');
    expect(report.period).toBe('2026-11');
    expect(report.status).toBe('draft');
  });

  test('placeholders and periods are written the way offices write them', () => {
    expect(fillPlaceholders('{{片区}}{{报告期}}', { 片区: '城东', 报告期: '2026年1月' })).toBe('城东2026年1月');
    expect(fillPlaceholders('{{未知}}', {})).toBe('{{未知}}');
    expect(formatPeriod('2024-01-05')).toBe('2024年1月5日');
    expect(formatPeriod('2026-Q3')).toBe('2026年第三季度');
  });
});

describe('completeness check', () => {
  test('a fresh work log lists what blocks submission, each with its place', () => {
    const template = seedTemplate('work-log');
    const report = newReport(template, {});
    const issues = checkCompleteness(template, report);
    const targets = issues.map((issue) => issue.target);
    expect(targets).toContain('analysis');
    expect(issues.find((issue) => issue.target === 'analysis')?.message).toContain('分析与思考');
  });

  test('analysis shorter than its minimum is reported with the count; long enough clears it', () => {
    const template = seedTemplate('work-log');
    const report = newReport(template, {});
    const short = { ...report, sections: { ...report.sections, analysis: { type: 'richtext' as const, doc: plainToRichText('今天走访了八户。') } } };
    const message = checkCompleteness(template, short).find((issue) => issue.target === 'analysis')?.message;
    expect(message).toMatch(/仅 8 字，至少需要 100 字/);
    const long = { ...report, sections: { ...report.sections, analysis: { type: 'richtext' as const, doc: plainToRichText('析'.repeat(120)) } } };
    expect(checkCompleteness(template, long).some((issue) => issue.target === 'analysis')).toBe(false);
  });
});

describe('start from previous', () => {
  test("a new booklet for the same retailer carries last month's advice into 上月建议落实情况", async () => {
    const template = seedTemplate('guidance-booklet');
    const october = newReport(template, { 报告期: '2026-10', 许可证号: '511234567890', 店名: '诚信便利店', 档位: '12档' });
    october.sections['advice'] = { type: 'richtext', doc: plainToRichText('1. 增加中档品规陈列面。\n2. 落实明码标价。') };
    const other = newReport(template, { 报告期: '2026-10', 许可证号: '519999999999', 店名: '别家超市' });
    const store = new Map([october, other].map((report) => [report.id, report]));
    const november = newReport(template, { 报告期: '2026-11', 许可证号: '511234567890' });
    const previous = await findPreviousReport({
      summaries: [october, other].map(summarize),
      template,
      authorId: manager.id,
      period: '2026-11',
      subject: '511234567890',
      load: async (id) => store.get(id) ?? null,
    });
    expect(previous?.id).toBe(october.id);
    const carried = carryForward({
      template,
      previous: previous!,
      sections: november.sections,
      metadata: november.metadata,
      givenMetadata: { 报告期: '2026-11', 许可证号: '511234567890' },
      copyTables: true,
      newId,
    });
    const followUp = carried.sections['follow-up'];
    expect(followUp.type === 'richtext' && JSON.stringify(followUp.doc)).toContain('增加中档品规陈列面');
    expect(carried.metadata['店名']).toBe('诚信便利店');
    expect(carried.metadata['报告期']).toBe('2026-11');
  });
});
