import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../electron/core/common/schemas/profile';
import type { Report } from '../../electron/core/common/schemas/report';
import { moveContent, templateChanges } from '../../electron/core/reports/template-versions';
import { templateSchema, type Template } from '../../electron/core/common/schemas/template';
import { fixtureSeedsDir } from '../helpers/temp-store';

const v1: Template = { ...templateSchema.parse(JSON.parse(readFileSync(path.join(fixtureSeedsDir, 'templates', 'fixture-log.json'), 'utf8'))), builtIn: false };
const profile: Profile = { id: 'mgr-zhang', name: '张明', role: 'manager', unit: '城关片区', createdAt: '2026-01-01T00:00:00.000Z' };

/** v2: 今日工作 renamed, the 库存 column gone and 销量 renamed, 其他事项 removed, a new 明日计划 section. */
const v2: Template = {
  ...v1,
  version: 2,
  metadataFields: v1.metadataFields.filter((field) => field.key !== '店名'),
  sections: [
    { ...v1.sections[0], title: '今日工作情况' },
    {
      ...v1.sections[1],
      table: { ...v1.sections[1].table!, columns: v1.sections[1].table!.columns.filter((column) => column.key !== '库存' && column.key !== '存销比').map((column) => (column.key === '销量' ? { ...column, label: '销售量' } : column)) },
    },
    { id: 'plan', title: '明日计划', kind: 'richtext', guidance: '', required: false },
  ],
};

const draft: Pick<Report, 'metadata' | 'sections'> = {
  metadata: { 片区: '城关片区', 报告期: '2026-11-05', 店名: '东街烟酒店' },
  sections: {
    summary: { type: 'richtext', doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '走访东街烟酒店，库存偏高。' }] }] } },
    visits: { type: 'table', rows: [{ id: 'r1', cells: { 店名: '东街烟酒店', 销量: 120, 库存: 200 } }, { id: 'r2', cells: { 店名: '南门小卖部', 销量: 80, 库存: null } }] },
    notes: { type: 'fields', values: { 天气: '晴', 备注: '' } },
  },
};

describe('moving a draft to a new template version', () => {
  it('names the sections and columns added, removed and renamed', () => {
    expect(templateChanges(v1, v2)).toEqual({
      sectionsAdded: ['明日计划'],
      sectionsRemoved: ['其他事项'],
      sectionsRenamed: [{ from: '今日工作', to: '今日工作情况' }],
      columns: [{ section: '走访记录', added: [], removed: ['库存', '存销比'], renamed: [{ from: '销量', to: '销售量' }] }],
    });
  });

  it('keeps every text and figure that has a place and lists what has none', () => {
    let next = 0;
    const moved = moveContent({ report: draft, from: v1, to: v2, profile, now: new Date('2026-11-05T02:00:00Z'), newId: () => `id-${++next}` });
    expect(moved.sections['summary']).toEqual(draft.sections['summary']);
    expect(moved.sections['visits']).toEqual({ type: 'table', rows: [{ id: 'r1', cells: { 店名: '东街烟酒店', 销量: 120 } }, { id: 'r2', cells: { 店名: '南门小卖部', 销量: 80 } }] });
    expect(moved.sections['plan']).toMatchObject({ type: 'richtext' });
    expect(moved.sections['notes']).toBeUndefined();
    expect(moved.metadata).toEqual({ 片区: '城关片区', 报告期: '2026-11-05' });
    // One 库存 value was filled (the other was empty); the 天气 field had a value; 备注 was empty.
    expect(moved.lost).toEqual(['基本信息“走访零售户”：东街烟酒店', '“走访记录”的“库存”列 1 个值', '“其他事项”的字段']);
  });
});
