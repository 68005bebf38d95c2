import { describe, expect, it } from 'vitest';
import {
  analysisSections,
  analysisSentences,
  copyPartitions,
  detectCopies,
  fingerprintReport,
  guidanceSections,
  isFigureSentence,
  normalizeSentence,
  periodBucket,
  splitSentences,
  type FingerprintEntry,
} from '../../electron/core/insight/copy-detection';
import type { Report } from '../../electron/core/common/schemas/report';
import { plainToRichText } from '../../electron/core/common/text/rich-text';
import { templateSchema, type Template } from '../../electron/core/common/schemas/template';

const template: Template = templateSchema.parse({
  id: 'copy-log',
  version: 1,
  name: '测试日志',
  kind: 'work-log',
  cadence: 'daily',
  titlePattern: '{{报告期}}日志',
  metadataFields: [{ key: '报告期', label: '报告期', type: 'date', required: true }],
  sections: [
    { id: 'visits', title: '走访', kind: 'richtext', guidance: '写明走访了哪些零售户。' },
    {
      id: 'analysis',
      title: '分析与思考',
      kind: 'richtext',
      analysis: true,
      guidance: '分析要有数据、有原因、有措施，不能只罗列现象。要结合本片区零售户的实际经营情况提出下一步工作打算。',
    },
  ],
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'system',
});

/** An honest analysis of slim cigarettes (细支烟) selling slowly in 城东. */
const original =
  '本周走访城东片区22户，细支烟动销明显放缓，其中黄山（徽商新概念细支）有7户连续两周没有卖出。' +
  '原因主要是城东老住户以中老年男性为主，更习惯常规烟，细支烟铺货时没有考虑客户结构。' +
  '建议下周将细支烟的投放集中到写字楼和学校周边的便利店，老片区的食杂店暂停补货。' +
  '对已经压货的三户，指导店主把细支烟摆到收银台旁，并做好价签。';

/** The same analysis copied by someone else: sentences reordered, a few words and every figure changed. */
const copied =
  '原因主要是城西老住户多为中老年男性，更习惯抽常规烟，细支烟铺货时没考虑客户结构。\n' +
  '本周走访城西片区20户，细支烟动销明显放缓，其中黄山（徽商新概念细支）有6户连续两周没有卖出。' +
  '对已经压货的两户，指导店主把细支烟摆到收银台旁边，并做好价签。' +
  '建议下周把细支烟的投放集中到写字楼和学校周边的便利店，老片区的食杂店暂停补货。';

/** A different manager's own analysis of the same subject (细支烟), written independently. */
const honest =
  '城关片区细支烟本月卖得不错，主要靠商业街和车站附近的几家便利店带动，年轻顾客和女性顾客买得多。' +
  '乡镇方向的零售户反映细支烟价格偏高，一条要两百多元，客人问得多买得少。' +
  '我打算把细支烟分成两类客户来做：商业街保持现有的订货量，适当增加新品规；乡镇零售户先少量试销，每户每周不超过两条，看一个月的动销再决定。' +
  '另外有两户价签缺失，已经现场补上。';

function report(id: string, authorId: string, analysis: string, period = '2026-11-20', revision = 1): Report {
  return {
    id,
    templateId: template.id,
    templateVersion: 1,
    kind: 'work-log',
    title: `${id} 日志`,
    authorId,
    authorName: authorId,
    region: '',
    period,
    metadata: { 报告期: period },
    sections: { visits: { type: 'richtext', doc: plainToRichText('走访了若干户。') }, analysis: { type: 'richtext', doc: plainToRichText(analysis) } },
    status: 'submitted',
    rev: 1,
    revision,
    createdAt: '2026-11-20T01:00:00.000Z',
    updatedAt: '2026-11-20T01:00:00.000Z',
  };
}

function check(document: Report, submittedAt: string, pools: { own?: FingerprintEntry[]; peer?: FingerprintEntry[] }) {
  return detectCopies({
    document: fingerprintReport(document, template, submittedAt),
    sentences: analysisSentences(analysisSections(template, document)),
    pools: [
      { category: 'own', entries: pools.own ?? [] },
      { category: 'peer', entries: pools.peer ?? [] },
    ],
    guidance: guidanceSections(template),
    guidanceSource: { id: template.id, title: template.name },
  });
}

const lina = fingerprintReport(report('doc-lina', 'lina', original), template, '2026-11-20T10:00:00.000Z');

describe('copy detection', () => {
  it('finds a passage copied with small edits and reordered sentences, sentence by sentence, side by side', () => {
    const result = check(report('doc-wang', 'wang', copied), '2026-11-20T12:00:00.000Z', { peer: [lina] });
    expect(result.score).toBeGreaterThanOrEqual(0.6);
    expect(result.byCategory.peer).toBe(result.score);
    expect(result.matches).toHaveLength(4);
    for (const match of result.matches) {
      expect(match.category).toBe('peer');
      expect(match.source.docId).toBe('doc-lina');
      expect(match.similarity).toBeGreaterThanOrEqual(0.5);
      // Both sides' passages, with offsets into each section's text.
      expect(copied.slice(match.passage.start, match.passage.end)).toBe(match.passage.text);
      expect(original.slice(match.source.start, match.source.end)).toBe(match.source.text);
    }
    // The reordered first sentence of the copy is the second sentence of the original.
    expect(result.matches[0].passage.text).toMatch(/^原因主要是城西老住户/);
    expect(result.matches[0].source.text).toMatch(/^原因主要是城东老住户/);
  });

  it('does not flag two honestly different reports on the same subject', () => {
    const result = check(report('doc-zhang', 'zhang', honest), '2026-11-20T12:00:00.000Z', { peer: [lina] });
    expect(result.matches).toEqual([]);
    expect(result.score).toBe(0);
    const reverse = check(report('doc-lina-2', 'lina', original), '2026-11-20T13:00:00.000Z', {
      peer: [fingerprintReport(report('doc-zhang', 'zhang', honest), template, '2026-11-20T12:00:00.000Z')],
    });
    expect(reverse.score).toBe(0);
  });

  it('does not match sentences that only share a brand name or a stock phrase', () => {
    const source =
      '本周走访城东片区22户，细支烟动销明显放缓，其中黄山（徽商新概念细支）有7户连续两周没有卖出。' +
      '建议下周将细支烟的投放集中到写字楼和学校周边的便利店，老片区的食杂店暂停补货。' +
      '今天专门走了一天老片区，15户里有5户库存偏高，全部是三类、四类烟压货，而二类的黄山（红方印）却在菜市场烟摊、红旗路便民店不够卖。' +
      '对已经压货的三户，指导店主把细支烟摆到收银台旁，并做好价签。';
    const other =
      '其中黄山（徽商新概念细支）在我片区卖得很好，年轻人喜欢。' +
      '建议下周加大细支烟在写字楼周边便利店的投放力度。' +
      '三类、四类烟压货比较严重，主要是客户订货结构没有跟上消费变化。' +
      '零售户反映黄山（红方印）不够卖，建议适当增加投放。' +
      '对压货的客户，要指导店主调整陈列，把滞销品规摆到显眼位置。';
    const pool = [fingerprintReport(report('doc-source', 'lina', source), template, '2026-11-20T10:00:00.000Z')];
    const result = check(report('doc-other', 'zhang', other), '2026-11-20T12:00:00.000Z', { peer: pool });
    expect(result.matches.map((match) => match.passage.text)).toEqual([]);
  });

  it('tells own earlier documents, other managers and the template guidance apart', () => {
    const earlier = fingerprintReport(report('doc-wang-old', 'wang', original, '2026-11-19'), template, '2026-11-19T10:00:00.000Z');
    const text = `${copied}要结合本片区零售户的实际经营情况提出下一步工作打算。`;
    const own = check(report('doc-wang', 'wang', text), '2026-11-20T12:00:00.000Z', { own: [earlier] });
    expect(new Set(own.matches.map((match) => match.category))).toEqual(new Set(['own', 'guidance']));
    expect(own.byCategory.own).toBeGreaterThan(0.5);
    expect(own.byCategory.guidance).toBeGreaterThan(0);
    const guidance = own.matches.find((match) => match.category === 'guidance');
    expect(guidance?.source).toMatchObject({ docId: template.id, sectionId: 'analysis' });
  });

  it('only counts sources submitted before, never the document itself or a superseded revision', () => {
    const later = fingerprintReport(report('doc-lina', 'lina', original), template, '2026-11-21T10:00:00.000Z');
    expect(check(report('doc-wang', 'wang', copied), '2026-11-20T12:00:00.000Z', { peer: [later] }).score).toBe(0);
    // Revision 1 of the same document is not a source of revision 2.
    const first = fingerprintReport(report('doc-wang', 'wang', copied), template, '2026-11-20T12:00:00.000Z');
    expect(check(report('doc-wang', 'wang', copied, '2026-11-20', 2), '2026-11-21T12:00:00.000Z', { own: [first] }).score).toBe(0);
    // A resubmitted source counts in its latest revision only (here rewritten: nothing is copied any more).
    const rewritten = fingerprintReport(report('doc-lina', 'lina', honest, '2026-11-20', 2), template, '2026-11-20T11:00:00.000Z');
    expect(check(report('doc-wang', 'wang', copied), '2026-11-20T12:00:00.000Z', { peer: [lina, rewritten] }).score).toBe(0);
  });

  it('finds entries appended to a pool after it was first used (the postings grow with the array)', () => {
    const pool: FingerprintEntry[] = [];
    const document = report('doc-wang', 'wang', copied);
    expect(check(document, '2026-11-20T12:00:00.000Z', { peer: pool }).score).toBe(0);
    pool.push(lina);
    expect(check(document, '2026-11-20T12:00:00.000Z', { peer: pool }).score).toBeGreaterThan(0.6);
  });

  it('has nothing to say, and no NaN, for an empty analysis or one made of figures', () => {
    const empty = check(report('doc-empty', 'wang', ''), '2026-11-20T12:00:00.000Z', { peer: [lina] });
    expect(empty).toMatchObject({ score: 0, analysisChars: 0, matchedChars: 0, matches: [] });
    const figures = check(report('doc-figures', 'wang', '10月销售卷烟1,286箱，同比增长3.2%，环比下降1.5%；存销比0.45。'), '2026-11-20T12:00:00.000Z', {
      peer: [lina],
    });
    expect(figures.score).toBe(0);
    expect(Number.isNaN(figures.score)).toBe(false);
  });

  it('cuts Chinese text into sentences and normalises width, punctuation and figures', () => {
    expect(splitSentences('s', '第一句。第二句！\n第三句；第四句').map((sentence) => sentence.text)).toEqual(['第一句。', '第二句！', '第三句；', '第四句']);
    expect(normalizeSentence('销量１２８６箱，同比 增长3.2%').join('')).toBe('销量#箱同比增长#');
    expect(isFigureSentence('10月销售卷烟1,286箱，同比增长3.2%')).toBe(true);
    expect(isFigureSentence('今天走访了14户，有4户库存偏高，主要是三类烟压货。')).toBe(false);
    expect(copyPartitions({ kind: 'work-log', authorId: 'wang', period: '2026-11-20' })).toEqual({ own: 'own:work-log:wang', peer: 'peer:work-log:2026-11' });
    expect(periodBucket('2026-q3')).toBe('2026-Q3');
  });
});
