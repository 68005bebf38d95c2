/**
 * Built-in templates ship as versions (issue 11 item 7): version 2 carries the county office's figures; new
 * documents take it, documents made from version 1 keep version 1 and still export (Word and Excel), and 基于上期
 * carries the v2 tables by their mappings. Exports read back independently: the .docx XML through Python's zipfile,
 * the .xlsx through openpyxl (formulas stay live formulas).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDemoData } from '../../electron/core/demo/use-cases';
import { exportDocumentExcel, exportDocumentWord } from '../../electron/core/export/use-cases';
import type { Profile } from '../../electron/core/common/schemas/profile';
import type { Report } from '../../electron/core/common/schemas/report';
import { createReport } from '../../electron/core/reports/use-cases';
import type { CallContext } from '../../electron/core/services';
import { openStore } from '../../electron/store/open-store';
import { makeTempDir as makeOfficeDir, officeTools, removeDir, runPython, writeTempFile } from '../helpers/office';
import { makeTempDir } from '../helpers/temp-store';
import { unlockSupervisors } from '../helpers/unlock';

const seedsDir = path.resolve(__dirname, '..', '..', 'seeds');

const DOCX_TEXT = String.raw`
import sys, zipfile, re
xml = zipfile.ZipFile(sys.argv[1]).read('word/document.xml').decode('utf-8')
print(__import__('json').dumps([''.join(re.findall(r'<w:t[^>]*>([^<]*)</w:t>', p)) for p in re.findall(r'<w:p[ >].*?</w:p>', xml)], ensure_ascii=False))
`;

const XLSX_CELLS = String.raw`
import sys, json
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1])
print(json.dumps({ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in wb.worksheets}, ensure_ascii=False, default=str))
`;

describe.skipIf(!officeTools.python)('built-in template versions in the store', () => {
  it('new documents take v2; v1 documents keep v1 and export; v2 exports carry the new figures with live formulas', async () => {
    const dataDir = await makeTempDir();
    const store = await openStore({ dataDir, seedsDir, backgroundCheck: false });
    const dir = makeOfficeDir('reportdesk-versions-');
    try {
      await loadDemoData({ profile: null, services: store.services });
      await unlockSupervisors(store.services);
      const { services } = store;
      expect(await services.templates.versions('builtin-market-analysis')).toEqual([1, 2]);
      expect((await services.templates.listLatest()).filter((summary) => summary.builtIn).map((summary) => summary.version)).toEqual([2, 2, 2, 2]);

      const profiles = await services.profiles.list();
      const supervisor = profiles.find((profile) => profile.role === 'supervisor') as Profile;
      const liuyang = profiles.find((profile) => profile.name === '刘洋') as Profile;
      const asSupervisor: CallContext = { profile: supervisor, services };

      // An approved October document made from v1: still v1, exports without the v2 columns.
      const old = (await services.reports.get('demo-ma-chengguan-2026-10')) as Report;
      expect(old.templateVersion).toBe(1);
      const oldWord = await exportDocumentWord(asSupervisor, { id: old.id, layout: 'official' });
      const oldText = runPython<string[]>(DOCX_TEXT, [writeTempFile(dir, 'old.docx', oldWord.bytes)]).join('\n');
      expect(oldText).toContain('表3 重点品规动销情况');
      expect(oldText).not.toContain('价格指数');
      expect(oldText).not.toContain('上月措施落实情况');
      const oldExcel = await exportDocumentExcel(asSupervisor, { id: old.id });
      expect(Object.keys(runPython<Record<string, unknown[][]>>(XLSX_CELLS, [writeTempFile(dir, 'old.xlsx', oldExcel.bytes)]))).toContain('表3 重点品规动销情况');

      // 刘洋's November draft on v2: the new sections and figures, the 存销比 range of 设置 under its tables.
      const asLiu: CallContext = { profile: liuyang, services };
      const november = (await services.reports.get('demo-ma-xiangzhen1-2026-11')) as Report;
      expect(november.templateVersion).toBe(2);
      await services.settings.save({ ...(await services.settings.get()), stockToSalesRange: { low: 0.45, high: 0.75 } });
      const word = await exportDocumentWord(asLiu, { id: november.id, layout: 'official' });
      const text = runPython<string[]>(DOCX_TEXT, [writeTempFile(dir, 'v2.docx', word.bytes)]);
      for (const expected of ['二、上月措施落实情况', '七、货源投放与订单满足', '八、市场秩序与价格监测', '价格指数', '完成率', '单箱值同比', '毛利率', '91.1%', '98.3%']) {
        expect(text.join('\n'), expected).toContain(expected);
      }
      expect(text).toContain('注：存销比合理区间为 0.45～0.75（营销部设置），高于上限为库存偏高，低于下限为货源偏紧。');

      const excel = await exportDocumentExcel(asLiu, { id: november.id });
      const sheets = runPython<Record<string, (string | number | null)[][]>>(XLSX_CELLS, [writeTempFile(dir, 'v2.xlsx', excel.bytes)]);
      const indicators = sheets['表1 主要经济指标'];
      expect(indicators[0]).toEqual(['指标', '单位', '本期', '上年同期', '同比', '上期', '环比', '本年累计', '年度计划', '完成率']);
      // 同比 over the base's absolute value, 完成率 = 本年累计 ÷ 年度计划: live formulas.
      expect(indicators[1][4]).toBe('=IF(OR(C2="",D2=""),"",IFERROR((C2-D2)/ABS(D2),"—"))');
      expect(indicators[1][9]).toBe('=IF(OR(H2="",I2=""),"",IFERROR(H2/I2,"—"))');
      const brands = sheets['表3 重点品规动销情况'];
      const index = brands[0].indexOf('价格指数');
      expect(brands[1][index]).toMatch(/^=IF\(.*IFERROR\(D2\/C2,"—"\)\)$/);
      expect(sheets['表2 分价类销售情况'].flat()).toContain('注：存销比合理区间为 0.45～0.75（营销部设置），高于上限为库存偏高，低于下限为货源偏紧。');

      // 基于上期 on v2: December from November — 本期 → 上期, 年度计划 carried, 上月措施 from 下阶段工作措施.
      const december = await createReport(asLiu, { templateId: 'builtin-market-analysis', metadata: { 报告期: '2026-12', 片区: november.region, 客户经理: '刘洋' }, basedOnPrevious: true });
      expect(december.templateVersion).toBe(2);
      const rows = december.sections['key-indicators'];
      expect(rows?.type === 'table' ? rows.rows.map((row) => [row.cells.指标, row.cells.单位, row.cells.上期, row.cells.年度计划, row.cells.本期 ?? null]) : []).toEqual([
        ['销量', '箱', 118.3, 1450, null],
        ['销售额', '万元', 321.31, 3900, null],
        ['单箱值', '元/箱', 27161, undefined, null],
        ['单条均价', '元/条', 108.64, undefined, null],
        ['毛利', '万元', 38.6, 470, null],
      ]);
      const measures = november.sections.measures;
      const carried = december.sections['last-measures'];
      expect(carried?.type === 'richtext' && measures?.type === 'richtext' ? carried.doc : null).toEqual(measures?.type === 'richtext' ? measures.doc : undefined);
    } finally {
      removeDir(dir);
      await store.close();
    }
  }, 120_000);
});
