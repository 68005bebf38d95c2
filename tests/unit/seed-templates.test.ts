import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkTableFormulas, evaluateTable, formatCell, type ComputedCell } from '../../electron/core/common/formula';
import type { TableRow } from '../../electron/core/common/schemas/report';
import { templateSchema, type SectionDef, type TableDef, type Template } from '../../electron/core/common/schemas/template';

const FILES = {
  'market-analysis': 'builtin-market-analysis',
  research: 'builtin-research',
  'guidance-booklet': 'builtin-guidance-booklet',
  'work-log': 'builtin-work-log',
} as const;

function loadTemplate(name: keyof typeof FILES): Template {
  const url = new URL(`../../seeds/templates/${name}.json`, import.meta.url);
  return templateSchema.parse(JSON.parse(readFileSync(fileURLToPath(url), 'utf8')));
}

const templates = Object.fromEntries(
  (Object.keys(FILES) as (keyof typeof FILES)[]).map((name) => [name, loadTemplate(name)]),
) as Record<keyof typeof FILES, Template>;

function section(template: Template, id: string): SectionDef {
  const found = template.sections.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no section ${id} in ${template.id}`);
  return found;
}

function tableOf(template: Template, id: string): TableDef {
  const found = section(template, id).table;
  if (!found) throw new Error(`section ${id} has no table`);
  return found;
}

/** Evaluate rows given as plain cell records and return each row's cells, keyed by the first cell's text. */
function evaluate(table: TableDef, rows: TableRow['cells'][]) {
  return evaluateTable(
    table,
    rows.map((cells, index) => ({ id: `r${index + 1}`, cells })),
  );
}

function values(cells: Record<string, ComputedCell>, keys: string[]): Record<string, ComputedCell['value']> {
  return Object.fromEntries(keys.map((key) => [key, cells[key].value]));
}

describe.each(Object.entries(FILES))('seeds/templates/%s.json', (name, id) => {
  const template = templates[name as keyof typeof FILES];

  it('is a version-1 built-in system template', () => {
    expect(template).toMatchObject({ id, version: 1, builtIn: true, createdBy: 'system', createdAt: '2026-01-01T00:00:00.000Z' });
    expect(template.kind).toBe(name);
  });

  it('has unique keys everywhere', () => {
    const sectionIds = template.sections.map((candidate) => candidate.id);
    expect(new Set(sectionIds).size).toBe(sectionIds.length);
    const metadataKeys = template.metadataFields.map((field) => field.key);
    expect(new Set(metadataKeys).size).toBe(metadataKeys.length);
    for (const candidate of template.sections) {
      const keys = [...(candidate.table?.columns ?? []), ...(candidate.fields ?? [])].map((entry) => entry.key);
      expect(new Set(keys).size, candidate.id).toBe(keys.length);
    }
  });

  it('uses labels as metadata keys and fills 报告期, 片区, 客户经理 from the profile and the calendar', () => {
    for (const field of template.metadataFields) expect(field.key).toBe(field.label);
    const byKey = new Map(template.metadataFields.map((field) => [field.key, field]));
    expect(byKey.get('报告期')?.source).toBe(name === 'work-log' ? 'today' : 'this-month');
    expect(byKey.get('报告期')?.type).toBe(name === 'work-log' ? 'date' : 'month');
    expect(byKey.get('片区')?.source).toBe('profile-unit');
    expect(byKey.get('客户经理')?.source).toBe('profile-name');
    for (const field of template.metadataFields.filter((candidate) => candidate.type === 'select')) {
      expect(field.options?.length, field.key).toBeGreaterThan(1);
    }
  });

  it('has a title pattern made of its metadata fields', () => {
    const placeholders = [...template.titlePattern.matchAll(/\{\{([^}]+)\}\}/g)].map((match) => match[1]);
    expect(placeholders.length).toBeGreaterThan(0);
    const keys = template.metadataFields.map((field) => field.key);
    for (const placeholder of placeholders) expect(keys).toContain(placeholder);
  });

  it('gives every section guidance, and analysis sections a minimum length', () => {
    for (const candidate of template.sections) {
      expect(candidate.guidance.length, candidate.id).toBeGreaterThan(20);
      if (candidate.analysis) {
        expect(candidate.kind).toBe('richtext');
        expect(candidate.required, candidate.id).toBe(true);
        expect(candidate.minLength ?? 0, candidate.id).toBeGreaterThanOrEqual(100);
      }
    }
    expect(template.sections.some((candidate) => candidate.analysis)).toBe(true);
  });

  it('has tables whose formulas check out and whose starter rows only fill input columns', () => {
    for (const candidate of template.sections.filter((entry) => entry.kind === 'table')) {
      const table = candidate.table as TableDef;
      expect(checkTableFormulas(table), candidate.id).toEqual([]);
      const inputKeys = new Set(table.columns.filter((column) => !column.formula).map((column) => column.key));
      for (const row of table.starterRows ?? []) {
        for (const key of Object.keys(row)) expect(inputKeys.has(key), `${candidate.id}.${key}`).toBe(true);
      }
      for (const column of table.columns.filter((entry) => entry.formula)) {
        expect(['integer', 'decimal', 'percent', 'money'], column.key).toContain(column.type);
      }
    }
  });
});

describe('market analysis report', () => {
  const template = templates['market-analysis'];

  it('follows the outline', () => {
    expect(template.sections.filter((entry) => entry.kind === 'richtext').map((entry) => entry.title)).toEqual([
      '一、总体运行情况',
      '二、销售结构分析',
      '三、“价量存”分析',
      '四、重点品牌（规格）动销分析',
      '五、零售客户经营分析',
      '六、存在的主要问题',
      '七、下阶段工作措施',
    ]);
    expect(template.titlePattern).toBe('{{片区}}{{报告期}}卷烟市场分析报告');
    expect(template.cadence).toBe('monthly');
  });

  it('computes 同比 and 环比 of the main indicators', () => {
    const table = tableOf(template, 'key-indicators');
    expect(table.starterRows?.map((row) => row['指标'])).toEqual(['销量（箱）', '销售额（万元）', '单条均价（元）', '毛利（万元）']);
    const result = evaluate(table, [
      { 指标: '销量（箱）', 本期: 1600.4, 上年同期: 1552, 上期: 1688.2 },
      { 指标: '单条均价（元）', 本期: 203.61, 上年同期: 0, 上期: '' },
    ]);
    expect(values(result.rows[0].cells, ['同比', '环比'])).toEqual({ 同比: 0.031, 环比: -0.052 });
    expect(result.rows[1].cells.同比).toEqual({ value: null, marker: 'div0' });
    expect(result.rows[1].cells.环比).toEqual({ value: null, marker: 'empty' });
  });

  it('computes 占比, 同比, 单箱值 and 存销比 by price class, and for the totals', () => {
    const table = tableOf(template, 'price-class');
    expect(table.starterRows?.map((row) => row['价类'])).toEqual(['一类', '二类', '三类', '四类', '五类']);
    const result = evaluate(table, [
      { 价类: '一类', 销量: 400, 上年同期: 360, 销售额: 1500, 社会库存: 180 },
      { 价类: '二类', 销量: 600, 上年同期: 640, 销售额: 900, 社会库存: 300 },
    ]);
    expect(values(result.rows[0].cells, ['占比', '同比', '单箱值', '存销比'])).toEqual({ 占比: 0.4, 同比: 0.111, 单箱值: 37500, 存销比: 0.45 });
    expect(values(result.totals, ['销量', '占比', '同比', '单箱值', '存销比'])).toEqual({ 销量: 1000, 占比: 1, 同比: 0, 单箱值: 24000, 存销比: 0.48 });
  });

  it('computes 存销比 and 动销率 of key brands', () => {
    const table = tableOf(template, 'key-brands-table');
    const result = evaluate(table, [
      { 品规: '利群（新版）', 批发价: 201.4, 建议零售价: 230, 实际零售价: 228, 销量: 62.4, 上年同期: 58, 库存: 28.1, 订货户数: 118, 前三期订货户数: 146, 断货率: 0.02 },
    ]);
    expect(values(result.rows[0].cells, ['同比', '存销比', '动销率', '断货率'])).toEqual({ 同比: 0.076, 存销比: 0.45, 动销率: 0.808, 断货率: 0.02 });
  });

  it('computes 订货率, 户均订购 and 单条均价 by customer tier', () => {
    const table = tableOf(template, 'customer-tiers');
    const result = evaluate(table, [
      { 档位: '26—30档', 户数: 12, 订货户数: 12, 订购量: 1860, 订购金额: 452_000 },
      { 档位: '1—5档', 户数: 40, 订货户数: 26, 订购量: 312, 订购金额: 36_504 },
    ]);
    expect(values(result.rows[0].cells, ['订货率', '户均订购', '单条均价'])).toEqual({ 订货率: 1, 户均订购: 155, 单条均价: 243.01 });
    expect(values(result.rows[1].cells, ['订货率', '户均订购', '单条均价'])).toEqual({ 订货率: 0.65, 户均订购: 12, 单条均价: 117 });
    expect(values(result.totals, ['户数', '订货户数', '订货率', '订购量', '户均订购', '单条均价'])).toEqual({
      户数: 52,
      订货户数: 38,
      订货率: 0.731,
      订购量: 2172,
      户均订购: 57.2,
      单条均价: 224.91,
    });
    const column = table.columns.find((entry) => entry.key === '订货率');
    expect(column && formatCell(column, result.totals.订货率)).toBe('73.1%');
  });
});

describe('research report', () => {
  const template = templates.research;

  it('follows the outline', () => {
    expect(template.sections.map((entry) => entry.title)).toEqual([
      '调研背景与目的',
      '调研时间、范围和方法',
      '一、样本基本情况',
      '表1 样本构成',
      '二、调研结果分析',
      '表2 调研结果统计',
      '三、发现的问题',
      '四、对策建议',
      '附件：调查问卷',
    ]);
    expect(template.cadence).toBe('none');
  });

  it('computes 占比 of the sample and of each answer', () => {
    const sample = evaluate(tableOf(template, 'sample-table'), [
      { 类别: '便利店', 样本数: 18 },
      { 类别: '食杂店', 样本数: 42 },
    ]);
    expect(sample.rows.map((row) => row.cells.占比.value)).toEqual([0.3, 0.7]);
    expect(sample.totals.样本数.value).toBe(60);
    const answers = evaluate(tableOf(template, 'findings-table'), [
      { 问题: '顾客是否主动询问细支烟', 选项: '经常', 户数: 21, 有效样本: 60 },
      { 问题: '顾客是否主动询问细支烟', 选项: '偶尔', 户数: 27, 有效样本: 60 },
    ]);
    expect(answers.rows.map((row) => row.cells.占比.value)).toEqual([0.35, 0.45]);
  });
});

describe('guidance booklet', () => {
  const template = templates['guidance-booklet'];

  it('has the retailer header and carries last month’s advice forward', () => {
    const keys = template.metadataFields.map((field) => field.key);
    expect(keys).toEqual(expect.arrayContaining(['许可证号', '店名', '档位', '业态', '商圈']));
    const business = template.metadataFields.find((field) => field.key === '业态');
    expect(business?.options).toEqual(['便利店', '食杂店', '超市', '商场', '烟酒店', '娱乐服务类', '其他']);
    expect(template.titlePattern).toBe('{{店名}}{{报告期}}经营指导书');
    expect(section(template, 'follow-up').title).toBe('六、上月建议落实情况');
    expect(section(template, 'customer-feedback').kind).toBe('fields');
  });

  it('computes 环比 and the gap to the tier average', () => {
    const result = evaluate(tableOf(template, 'monthly-indicators'), [{ 指标: '订购量（条）', 本月: 86, 上月: 80, 同档位均值: 95.5 }]);
    expect(values(result.rows[0].cells, ['环比', '差距'])).toEqual({ 环比: 0.075, 差距: -9.5 });
  });

  it('computes 存销比, 动销比 and 毛利 per brand, with totals', () => {
    const result = evaluate(tableOf(template, 'brand-details'), [
      { 品规: '利群（新版）', 批发价: 201.4, 零售价: 230, 上月库存: 6, 购进: 20, 销售: 22, 库存: 4 },
      { 品规: '黄山（红方印）', 批发价: 106, 零售价: 120, 上月库存: 10, 购进: 30, 销售: 32, 库存: 8 },
    ]);
    expect(values(result.rows[0].cells, ['存销比', '动销比', '毛利'])).toEqual({ 存销比: 0.18, 动销比: 0.846, 毛利: 629.2 });
    expect(values(result.rows[1].cells, ['存销比', '动销比', '毛利'])).toEqual({ 存销比: 0.25, 动销比: 0.8, 毛利: 448 });
    expect(values(result.totals, ['零售价', '销售', '库存', '存销比', '动销比', '毛利'])).toEqual({
      零售价: null,
      销售: 54,
      库存: 12,
      存销比: 0.22,
      动销比: 0.818,
      毛利: 1077.2,
    });
  });
});

describe('work log', () => {
  const template = templates['work-log'];

  it('follows the outline with a graded analysis of at least 100 characters', () => {
    expect(template.sections.map((entry) => entry.title)).toEqual([
      '一、拜访明细',
      '二、市场信息采集',
      '三、分析与思考',
      '四、问题及需协调事项',
      '五、明日计划',
    ]);
    expect(section(template, 'analysis')).toMatchObject({ analysis: true, required: true, minLength: 100 });
    expect(template.titlePattern).toBe('{{客户经理}}{{报告期}}工作日志');
    const numbers = template.metadataFields.filter((field) => field.type === 'number').map((field) => field.key);
    expect(numbers).toEqual(['计划拜访户数', '实际拜访户数']);
  });

  it('offers 实地 / 电话 as visit methods and totals the collected quantities', () => {
    const visits = tableOf(template, 'visits');
    expect(visits.columns.find((column) => column.key === '方式')?.options).toEqual(['实地', '电话']);
    const result = evaluate(tableOf(template, 'market-info'), [
      { 许可证号: '341122100123', 品规: '黄山（红方印）', 进货量: 20, 销量: '18', 库存: 6, 缺货量: 0, 整条零售价: 120 },
      { 许可证号: '341122100456', 品规: '黄山（红方印）', 进货量: 10, 销量: 12, 库存: 2, 缺货量: 5, 整条零售价: '125' },
    ]);
    expect(values(result.totals, ['进货量', '销量', '库存', '缺货量', '整条零售价'])).toEqual({
      进货量: 30,
      销量: 30,
      库存: 8,
      缺货量: 5,
      整条零售价: null,
    });
  });
});

/** Version 2 of each built-in: the county office's figures (issue 11 item 7). */
describe('version 2 of the built-ins', () => {
  const v2 = Object.fromEntries(
    (Object.keys(FILES) as (keyof typeof FILES)[]).map((name) => {
      const url = new URL(`../../seeds/templates/${name}-v2.json`, import.meta.url);
      return [name, templateSchema.parse(JSON.parse(readFileSync(fileURLToPath(url), 'utf8')))];
    }),
  ) as Record<keyof typeof FILES, Template>;
  const titles = (template: Template) => template.sections.map((entry) => entry.title);

  it.each(Object.entries(FILES))('%s-v2.json is version 2 of the same built-in, with sound formulas and 基于上期 mappings', (name, id) => {
    const template = v2[name as keyof typeof FILES];
    expect(template).toMatchObject({ id, version: 2, builtIn: true, createdBy: 'system', kind: name });
    // Every section of version 1 is still there (a document carried from v1 keeps its text).
    for (const section of templates[name as keyof typeof FILES].sections) expect(template.sections.map((entry) => entry.id)).toContain(section.id);
    for (const candidate of template.sections.filter((entry) => entry.kind === 'table')) {
      const table = candidate.table as TableDef;
      expect(checkTableFormulas(table), candidate.id).toEqual([]);
      const inputs = new Set(table.columns.filter((column) => !column.formula).map((column) => column.key));
      for (const carry of table.carryColumns ?? []) expect(inputs.has(carry.from) && inputs.has(carry.to), `${candidate.id} ${carry.from}→${carry.to}`).toBe(true);
      // 同比 and 环比 divide by the base's absolute value.
      for (const column of table.columns.filter((entry) => /同比|环比/.test(entry.key) && entry.formula)) expect(column.formula, `${candidate.id}.${column.key}`).toMatch(/abs\(/);
    }
  });

  it('market analysis: 计划 and 完成率, 同比 on a negative base, 单箱值同比, 毛利率, 价格指数, 动销率 per YC/T 455.3', () => {
    const template = v2['market-analysis'];
    const indicators = evaluate(tableOf(template, 'key-indicators'), [
      { 指标: '销量', 单位: '箱', 本期: 118.3, 上年同期: 118.6, 上期: 126.1, 本年累计: 1321.6, 年度计划: 1450 },
      { 指标: '毛利', 单位: '万元', 本期: 5, 上年同期: -10, 上期: -4 },
    ]);
    expect(indicators.rows[0].cells.完成率.value).toBe(0.911);
    // (5 − (−10)) ÷ |−10| = +150 %: a loss turned into a profit reads as growth, not −150 %.
    expect(values(indicators.rows[1].cells, ['同比', '环比'])).toEqual({ 同比: 1.5, 环比: 2.25 });
    const classes = evaluate(tableOf(template, 'price-class'), [{ 价类: '一类', 销量: 24.7, 上年同期: 21, 销售额: 139.8, 上年单箱值: 55120, 毛利: 18.2, 社会库存: 13.5 }]);
    expect(values(classes.rows[0].cells, ['单箱值', '单箱值同比', '毛利率', '存销比'])).toEqual({ 单箱值: 56599, 单箱值同比: 0.027, 毛利率: 0.13, 存销比: 0.55 });
    const brands = tableOf(template, 'key-brands-table');
    const brand = evaluate(brands, [{ 品规: '利群（新版）', 批发价: 201.4, 建议零售价: 230, 实际零售价: 226, 销量: 6.1, 订货户数: 96, 前三期订货户数: 121 }]);
    expect(values(brand.rows[0].cells, ['价格指数', '动销率'])).toEqual({ 价格指数: 0.983, 动销率: 0.793 });
    expect(brands.columns.find((column) => column.key === '动销率')?.formula).toBe('订货户数 / 前三期订货户数');
    expect(section(template, 'key-brands-table').guidance).toContain('YC/T 455.3');
    expect(section(template, 'key-brands').guidance).toContain('YC/T 455.3');
    expect(titles(template)).toEqual(expect.arrayContaining(['二、上月措施落实情况', '七、货源投放与订单满足', '八、市场秩序与价格监测']));
    // 上月措施落实情况 is filled from last month's 下阶段工作措施.
    expect(section(template, 'last-measures').carryForwardFrom).toBe('measures');
    expect(tableOf(template, 'key-indicators').carryColumns).toEqual(expect.arrayContaining([{ from: '年度计划', to: '年度计划', source: 'previous' }]));
  });

  it('units per quantity column: 箱 in the market tables, 条 in every retailer-level table', () => {
    const quantity = (table: TableDef) => table.columns.filter((column) => ['integer', 'decimal'].includes(column.type) && !column.formula && column.unit !== '户' && column.key !== '序号');
    const market = v2['market-analysis'];
    for (const id of ['price-class', 'key-brands-table']) for (const column of quantity(tableOf(market, id))) expect(column.unit, `${id}.${column.key}`).toBe('箱');
    for (const column of quantity(tableOf(market, 'customer-tiers'))) expect(column.unit, column.key).toBe('条');
    for (const column of quantity(tableOf(v2['guidance-booklet'], 'brand-details'))) expect(column.unit, column.key).toBe('条');
    for (const id of ['market-info', 'orders']) for (const column of quantity(tableOf(v2['work-log'], id))) expect(column.unit, `${id}.${column.key}`).toBe('条');
    // The 主要指标 rows name their unit in a column of their own.
    expect(tableOf(market, 'key-indicators').starterRows?.map((row) => `${row['指标']}（${row['单位']}）`)).toEqual(['销量（箱）', '销售额（万元）', '单箱值（元/箱）', '单条均价（元/条）', '毛利（万元）']);
  });

  it('reads 存销比 against the office’s 合理区间 (设置), never a range written in prose', () => {
    for (const template of Object.values(v2)) {
      for (const candidate of template.sections) {
        const ratio = candidate.table?.columns.find((column) => column.key === '存销比');
        if (ratio) expect(ratio.officeRange, `${template.id} ${candidate.id}`).toBe('stock-to-sales');
        // No range of ratios such as 0.4～0.6 in any guidance.
        expect(candidate.guidance, `${template.id} ${candidate.id}`).not.toMatch(/\d\.\d+\s*[～~—–-]\s*\d/u);
      }
    }
    expect(section(v2['market-analysis'], 'price-class').guidance).toContain('设置 → 存销比合理区间');
  });

  it('booklet: 毛利率 and 价格指数 per 品规, 陈列与终端形象; work log: 订货情况 and 专卖协同; research: 摘要 and 结论', () => {
    const booklet = v2['guidance-booklet'];
    const details = evaluate(tableOf(booklet, 'brand-details'), [{ 品规: '利群（新版）', 批发价: 201.4, 零售价: 230, 建议零售价: 230, 上月库存: 2, 购进: 30, 销售: 29, 库存: 3 }]);
    expect(values(details.rows[0].cells, ['价格指数', '毛利', '毛利率'])).toEqual({ 价格指数: 1, 毛利: 829.4, 毛利率: 0.124 });
    expect(titles(booklet)).toContain('四、陈列与终端形象');
    const log = v2['work-log'];
    expect(titles(log)).toEqual(expect.arrayContaining(['表1 订货情况', '六、专卖协同与涉烟线索']));
    // The titles the writers know stay as they were.
    expect(titles(log)).toEqual(expect.arrayContaining(titles(templates['work-log'])));
    const orders = evaluate(tableOf(log, 'orders'), [{ 客户名称: '老王副食店', 需求量: 10, 订单量: 0 }]);
    expect(orders.rows[0].cells.满足率.value).toBe(0);
    expect(titles(v2.research)).toEqual(expect.arrayContaining(['摘要', '五、结论']));
  });
});
