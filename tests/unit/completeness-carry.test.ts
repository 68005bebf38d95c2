import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Profile } from '../../electron/core/common/schemas/profile';
import { checkCompleteness } from '../../electron/core/reports/completeness';
import { buildNewReport } from '../../electron/core/reports/new-report';
import { carryForward, yearAgoPeriod } from '../../electron/core/reports/previous';
import type { Report, SectionContent, TableRow } from '../../electron/core/common/schemas/report';
import { formatMessage } from '../../electron/core/common/messages';
import { fillPlaceholders } from '../../electron/core/common/text/placeholders';
import { plainToRichText } from '../../electron/core/common/text/rich-text';
import { templateSchema, type Template } from '../../electron/core/common/schemas/template';
import { formulaIssues } from '../../electron/core/templates/use-cases';

function seedTemplate(name: string): Template {
  return templateSchema.parse(JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'seeds', 'templates', `${name}.json`), 'utf8')));
}

const manager: Profile = { id: 'm1', name: '张伟', role: 'manager', unit: '城关片区', createdAt: '2026-01-01T00:00:00.000Z' };
let counter = 0;
const newId = () => `id${++counter}`;

function newReport(template: Template, metadata: Record<string, string>): Report {
  return buildNewReport({ template, profile: manager, metadata, id: newId(), now: new Date('2026-11-05T09:00:00+08:00'), newId });
}

function text(value: string): SectionContent {
  return { type: 'richtext', doc: plainToRichText(value) };
}

function rowsOf(report: Report, sectionId: string): TableRow[] {
  const content = report.sections[sectionId];
  return content?.type === 'table' ? content.rows : [];
}

function withRows(report: Report, sectionId: string, rows: TableRow[]): Report {
  return { ...report, sections: { ...report.sections, [sectionId]: { type: 'table', rows } } };
}

describe('honest completeness', () => {
  const template = seedTemplate('market-analysis');

  test('the starter text with its 「（ ）」 blanks left empty blocks submission, naming how many', () => {
    const report = newReport(template, {});
    const starter = template.sections.find((section) => section.id === 'overview')!;
    expect(starter.starterText).toContain('（ ）');
    // A writer who filled two of the blanks and wrote more than the minimum is still told about the rest.
    const filled = fillPlaceholders(starter.starterText!, report.metadata).replace('（ ）', '（1,286）').replace('（ ）', '（3.2）');
    const written = { ...report, sections: { ...report.sections, overview: text(`${filled}${'销量增长主要来自细支烟。'.repeat(12)}`) } };
    const blanks = checkCompleteness(template, written).filter((issue) => issue.target === 'overview');
    expect(blanks.map((issue) => issue.kind)).toEqual(['blank']);
    const left = starter.starterText!.split('（ ）').length - 1 - 2;
    expect(left).toBe(6);
    expect(blanks[0]!.params).toMatchObject({ count: left });
    expect(blanks[0]!.message).toBe(formatMessage('completeness.blanks', { section: starter.title, count: left }));
    // Half-width and ideographic-space blanks count too; filled brackets do not.
    const others = { ...report, sections: { ...report.sections, overview: text(`${'分析'.repeat(80)}（\u3000）( )（一）`) } };
    expect(checkCompleteness(template, others).find((issue) => issue.kind === 'blank' && issue.target === 'overview')?.params).toMatchObject({ count: 2 });
  });

  test('a required section holding only its starter headings counts as not written', () => {
    const report = newReport(template, {});
    const section = template.sections.find((item) => item.starterText && !item.starterText.includes('（ ）') && item.required)!;
    const issues = checkCompleteness(template, report).filter((issue) => issue.target === section.id);
    expect(issues.map((issue) => issue.kind)).toEqual(['empty-section']);
    const written = { ...report, sections: { ...report.sections, [section.id]: text(`${section.starterText}\n价格稳中有升，${'分析'.repeat(100)}`) } };
    expect(checkCompleteness(template, written).filter((issue) => issue.target === section.id && issue.kind === 'empty-section')).toEqual([]);
  });

  test('{{placeholders}} left in the text block submission', () => {
    const report = newReport(template, {});
    const withPlaceholder = { ...report, sections: { ...report.sections, overview: text(`本月{{未知字段}}${'分析'.repeat(100)}`) } };
    expect(checkCompleteness(template, withPlaceholder).some((issue) => issue.target === 'overview' && issue.kind === 'placeholder')).toBe(true);
  });

  test('a required table with only its printed row labels is empty; figures in an input column fill it', () => {
    const report = newReport(template, {});
    const labels = rowsOf(report, 'key-indicators');
    expect(labels).toHaveLength(4);
    expect(labels.every((row) => typeof row.cells['指标'] === 'string')).toBe(true);
    const empty = checkCompleteness(template, report).find((issue) => issue.target === 'key-indicators');
    expect(empty).toMatchObject({ kind: 'empty-table', key: 'completeness.emptyTable' });
    const two = withRows(
      report,
      'key-indicators',
      labels.map((row, index) => (index < 2 ? { ...row, cells: { ...row.cells, 本期: 100 + index } } : row)),
    );
    expect(checkCompleteness(template, two).find((issue) => issue.target === 'key-indicators')).toMatchObject({ key: 'completeness.tableRows', params: { needed: 4, filled: 2 } });
    const all = withRows(report, 'key-indicators', labels.map((row, index) => ({ ...row, cells: { ...row.cells, 本期: 100 + index } })));
    expect(checkCompleteness(template, all).some((issue) => issue.target === 'key-indicators')).toBe(false);
  });
});

describe('基于上期 moves figures by the template’s mapping', () => {
  test('last period’s 本期 becomes 上期, the year-ago 本期 becomes 上年同期, this period’s 本期 starts empty', () => {
    const template = seedTemplate('market-analysis');
    const october = newReport(template, { 报告期: '2026-10' });
    const labels = rowsOf(october, 'key-indicators');
    const filledOctober = withRows(
      october,
      'key-indicators',
      labels.map((row, index) => ({ ...row, cells: { ...row.cells, 本期: 1000 + index, 上年同期: 900 + index, 上期: 950 + index } })),
    );
    const lastNovember = withRows(
      newReport(template, { 报告期: '2025-11' }),
      'key-indicators',
      labels.map((row, index) => ({ ...row, cells: { ...row.cells, 本期: 800 + index } })),
    );
    const november = newReport(template, { 报告期: '2026-11' });
    const carried = carryForward({
      template,
      previous: filledOctober,
      sections: november.sections,
      metadata: november.metadata,
      givenMetadata: { 报告期: '2026-11' },
      copyTables: true,
      newId,
      yearAgo: lastNovember,
    });
    const rows = (carried.sections['key-indicators'] as Extract<SectionContent, { type: 'table' }>).rows;
    expect(rows.map((row) => row.cells)).toEqual(
      labels.map((row, index) => ({ 指标: row.cells['指标'], 上期: 1000 + index, 上年同期: 800 + index })),
    );
    // Without a year-ago document, 上年同期 is left for the writer.
    const alone = carryForward({ template, previous: filledOctober, sections: november.sections, metadata: november.metadata, givenMetadata: {}, copyTables: true, newId });
    const first = (alone.sections['key-indicators'] as Extract<SectionContent, { type: 'table' }>).rows[0]!;
    expect(first.cells).toEqual({ 指标: labels[0]!.cells['指标'], 上期: 1000 });
  });

  test('the booklet carries 本月 into 上月 and last month’s closing stock into 上月库存', () => {
    const template = seedTemplate('guidance-booklet');
    const october = newReport(template, { 报告期: '2026-10', 许可证号: '511234567890' });
    const brands = withRows(october, 'brand-details', [{ id: 'b1', cells: { 品规: '利群(新版)', 批发价: 180, 上月库存: 5, 购进: 10, 销售: 8, 库存: 7, 建议: '增加陈列' } }]);
    const november = newReport(template, { 报告期: '2026-11', 许可证号: '511234567890' });
    const carried = carryForward({ template, previous: brands, sections: november.sections, metadata: november.metadata, givenMetadata: {}, copyTables: true, newId });
    expect((carried.sections['brand-details'] as Extract<SectionContent, { type: 'table' }>).rows.map((row) => row.cells)).toEqual([{ 品规: '利群(新版)', 建议: '增加陈列', 上月库存: 7 }]);
  });

  test('the year-ago period of each cadence', () => {
    expect(yearAgoPeriod('2026-11')).toBe('2025-11');
    expect(yearAgoPeriod('2026-11-05')).toBe('2025-11-05');
    expect(yearAgoPeriod('2026-Q3')).toBe('2025-Q3');
    expect(yearAgoPeriod('专题')).toBeNull();
  });

  test('a mapping that names a computed or missing column is refused when the template is saved', () => {
    const template = seedTemplate('market-analysis');
    expect(formulaIssues(template)).toEqual([]);
    const broken = structuredClone(template);
    broken.sections.find((section) => section.id === 'key-indicators')!.table!.carryColumns = [
      { from: '本期', to: '同比', source: 'previous' },
      { from: '不存在', to: '上期', source: 'previous' },
    ];
    expect(formulaIssues(broken).map((issue) => issue.message)).toEqual([
      formatMessage('template.carryColumn', { section: '表1 主要经济指标', column: '同比' }),
      formatMessage('template.carryColumn', { section: '表1 主要经济指标', column: '不存在' }),
    ]);
  });
});
