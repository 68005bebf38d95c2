import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkSentenceRules, formatSentenceRules, parseSentenceRules, proposeSentences } from '../../electron/core/insight/sentences';
import type { TableRow } from '../../electron/core/common/schemas/report';
import { templateSchema, type TableDef, type Template } from '../../electron/core/common/schemas/template';

function loadTemplate(name: string): Template {
  return templateSchema.parse(JSON.parse(readFileSync(fileURLToPath(new URL(`../../seeds/templates/${name}.json`, import.meta.url)), 'utf8')));
}

function tableOf(template: Template, sectionId: string): TableDef {
  const table = template.sections.find((section) => section.id === sectionId)?.table;
  if (!table) throw new Error(`no table ${sectionId}`);
  return table;
}

function rows(...cells: TableRow['cells'][]): TableRow[] {
  return cells.map((entry, index) => ({ id: `r${index + 1}`, cells: entry }));
}

const market = loadTemplate('market-analysis');
const keyIndicators = tableOf(market, 'key-indicators');
const priceClass = tableOf(market, 'price-class');

describe('sentences from the tables (生成描述)', () => {
  it('the worked example: the market analysis template’s rule gives the exact sentence', () => {
    // 1,286 boxes in October; 同比 +3.2% over 1,246.12; 环比 −1.5% under 1,305.58; 存销比 0.45.
    const proposals = proposeSentences(
      keyIndicators,
      rows({ 指标: '销量（箱）', 本期: 1286, 上年同期: 1246.12, 上期: 1305.58 }, { 指标: '存销比', 本期: 0.45 }),
      { period: '2026-10' },
    );
    expect(proposals[0]).toEqual({ rule: 0, rowId: 'table', text: '10月销售卷烟1,286箱，同比增长3.2%，环比下降1.5%；存销比0.45' });
  });

  it('leaves out clauses whose figures are blank or divide by zero, and never prints NaN', () => {
    const texts = (table: TableDef, input: TableRow[]) => proposeSentences(table, input, { period: '2026-10' }).map((proposal) => proposal.text);
    // No 存销比 row, 上年同期 zero (同比 divides by zero), 上期 blank.
    expect(texts(keyIndicators, rows({ 指标: '销量（箱）', 本期: '1,286', 上年同期: 0, 上期: '' }))).toEqual(['10月销售卷烟1,286箱']);
    // A change of zero reads 持平, without a figure.
    expect(texts(keyIndicators, rows({ 指标: '销量（箱）', 本期: 1286, 上年同期: 1286, 上期: 1300 }))).toEqual(['10月销售卷烟1,286箱，同比持平，环比下降1.1%']);
    // Nothing typed: nothing proposed.
    expect(texts(keyIndicators, [])).toEqual([]);
    expect(texts(keyIndicators, rows({ 指标: '销量（箱）' }))).toEqual([]);
    for (const text of [...texts(priceClass, rows({ 价类: '一类', 销量: 0, 社会库存: 12 }, { 价类: '二类', 销量: '', 上年同期: 5 })), ...texts(keyIndicators, rows({ 指标: '销量（箱）', 本期: 'abc' }))]) {
      expect(text).not.toMatch(/NaN|Infinity|undefined|\{\{/);
    }
  });

  it('describes every row, matching rows only, and the totals', () => {
    const proposals = proposeSentences(priceClass, rows({ 价类: '一类', 销量: 76.4, 上年同期: 69.2, 社会库存: 33.6 }, { 价类: '二类', 销量: 47.3, 上年同期: 48.9, 社会库存: 23.7 }, {}));
    expect(proposals.map((proposal) => proposal.text)).toEqual([
      '一类卷烟销售76.40箱，占比61.8%，同比增长10.4%；社会库存33.60箱，存销比0.44',
      '二类卷烟销售47.30箱，占比38.2%，同比下降3.3%；社会库存23.70箱，存销比0.50',
      '各价类合计销售123.70箱，同比增长4.7%；社会库存57.30箱，存销比0.46',
    ]);
    const only: TableDef = { ...priceClass, sentenceRules: [{ when: 'row', rowMatch: { column: '价类', equals: '二类' }, text: '{{价类}}{{销量:0}}箱' }] };
    expect(proposeSentences(only, rows({ 价类: '一类', 销量: 76.4 }, { 价类: '二类', 销量: 47.3 })).map((proposal) => [proposal.rowId, proposal.text])).toEqual([['r2', '二类47箱']]);
  });

  it('reads the booklet’s monthly indicators with words for more and less', () => {
    const booklet = loadTemplate('guidance-booklet');
    const proposals = proposeSentences(
      tableOf(booklet, 'monthly-indicators'),
      rows(
        { 指标: '订购量（条）', 本月: 238, 上月: 212, 同档位均值: 238 },
        { 指标: '单条均价（元/条）', 本月: 168.56, 上月: 164.74, 同档位均值: 162 },
      ),
      { period: '2026-11' },
    );
    expect(proposals.map((proposal) => proposal.text)).toEqual(['本月订购卷烟238条，环比增长12.3%，比同档位均值持平', '单条均价168.56元，比同档位均值高6.56元']);
  });

  it('round-trips the editor’s one-rule-per-line text and reports what it cannot read', () => {
    const rules = tableOf(market, 'price-class').sentenceRules ?? [];
    const text = formatSentenceRules([...rules, { when: 'row', rowMatch: { column: '价类', equals: '一类' }, text: '{{价类}}：{{销量}}箱' }]);
    expect(text.split('\n')[0]).toMatch(/^行：\{\{价类\}\}卷烟销售/);
    expect(text.split('\n')[2]).toBe('行[价类=一类]：{{价类}}：{{销量}}箱');
    const parsed = parseSentenceRules(`${text}\n\n# 注释\n随便写的一行`);
    expect(parsed.rules).toEqual([...rules, { when: 'row', rowMatch: { column: '价类', equals: '一类' }, text: '{{价类}}：{{销量}}箱' }]);
    expect(parsed.problems).toEqual([{ line: 6, message: expect.stringContaining('开头') }]);
    expect(checkSentenceRules(priceClass, [{ when: 'row', text: '{{价类}}{{销售量}}箱，{{同比:上/下/平/歪}}' }], ['报告期'])).toEqual([
      { rule: 0, message: expect.stringContaining('销售量') },
      { rule: 0, message: expect.stringContaining('格式') },
    ]);
    for (const template of ['market-analysis', 'guidance-booklet', 'work-log'].map(loadTemplate)) {
      for (const section of template.sections) {
        if (!section.table?.sentenceRules) continue;
        expect(checkSentenceRules(section.table, section.table.sentenceRules, template.metadataFields.map((field) => field.key)), `${template.id}/${section.id}`).toEqual([]);
      }
    }
  });
});
