/**
 * The 台账 workbook (streamed by exceljs) read back by openpyxl — values, formulas, cached results, widths,
 * frozen headers, AutoFilter — and by LibreOffice Calc, whose recalculated formulas must equal the app's.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildRegisterWorkbook,
  deadlineFor,
  ExportCancelled,
  isOnTime,
  registerRows,
  type ExportMonitor,
  type RegisterData,
} from '../../electron/core/export';
import { makeTempDir, officeTools, removeDir, runPython, writeTempFile, xlsxToCsvSheets } from '../helpers/office';

const data: RegisterData = {
  title: '县局营销部 文稿台账 2026年10月',
  creator: '陈主任',
  grades: ['优秀', '良好', '合格', '需改进'],
  managers: ['张伟', '李娜', '王强', '刘洋'],
  documents: [
    {
      kind: 'market-analysis',
      title: '城关片区2026年10月卷烟市场分析报告',
      author: '张伟',
      region: '城关片区',
      period: '2026-10',
      status: 'approved',
      submittedAt: '2026-11-03T02:00:00.000Z',
      onTime: true,
      grade: '优秀',
      meetingFlag: 'praise',
    },
    {
      kind: 'work-log',
      title: '城东片区2026年10月5日工作日志',
      author: '李娜',
      region: '城东片区',
      period: '2026-10-05',
      status: 'returned',
      submittedAt: '2026-10-06T02:00:00.000Z',
      onTime: false,
      grade: '需改进',
      meetingFlag: 'critique',
    },
    {
      kind: 'work-log',
      title: '城东片区2026年10月6日工作日志',
      author: '李娜',
      region: '城东片区',
      period: '2026-10-06',
      status: 'submitted',
      submittedAt: '2026-10-06T11:00:00.000Z',
      onTime: true,
    },
    {
      kind: 'research',
      title: '细支烟消费情况调研报告',
      author: '王强',
      region: '城西片区',
      period: '2026-10',
      status: 'approved',
      submittedAt: '2026-10-20T02:00:00.000Z',
      onTime: null,
      grade: '良好',
      meetingFlag: 'none',
    },
  ],
  comments: [
    { document: 0, section: '一、总体运行情况', quote: '同比增长1.8%', author: '陈主任', at: '2026-11-04T02:00:00.000Z', kind: 'praise', status: 'open', text: '数据翔实。', replies: [] },
    {
      document: 1,
      section: '分析与思考',
      quote: '销量平稳',
      author: '陈主任',
      at: '2026-10-07T02:00:00.000Z',
      kind: 'problem',
      status: 'fixed',
      text: '只写现象，没有原因。',
      replies: ['李娜（2026年10月7日）：【已整改】已补充原因分析'],
    },
    { document: 1, section: '分析与思考', quote: '（整节）', author: '陈主任', at: '2026-10-07T03:00:00.000Z', kind: 'problem', status: 'retracted', text: '撤回的点评', replies: [] },
    { document: 1, section: '（全文）', quote: '（全文）', author: '陈主任', at: '2026-10-07T04:00:00.000Z', kind: 'suggestion', status: 'resolved', text: '加上明日计划。', replies: [] },
    { document: 3, section: '调研结果分析', quote: '42%', author: '陈主任', at: '2026-10-21T02:00:00.000Z', kind: 'note', status: 'open', text: '样本量偏小。', replies: [] },
  ],
};

/** Expected statistics per manager, computed by hand from `data`. */
const expectedStatistics = {
  张伟: { kinds: [1, 0, 0, 0, 0], total: 1, onTime: 1, late: 0, rate: 1, grades: [1, 0, 0, 0], ungraded: 0 },
  李娜: { kinds: [0, 0, 0, 2, 0], total: 2, onTime: 1, late: 1, rate: 0.5, grades: [0, 0, 0, 1], ungraded: 1 },
  王强: { kinds: [0, 1, 0, 0, 0], total: 1, onTime: 0, late: 0, rate: '', grades: [0, 1, 0, 0], ungraded: 0 },
  刘洋: { kinds: [0, 0, 0, 0, 0], total: 0, onTime: 0, late: 0, rate: '', grades: [0, 0, 0, 0], ungraded: 0 },
};

interface SheetDump {
  title: string;
  freeze: string | null;
  filter: string | null;
  widths: Record<string, number | null>;
  values: unknown[][];
  cached: unknown[][];
  bold: boolean[];
}

const DUMP = String.raw`
import json, sys
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
path = sys.argv[1]
wb = load_workbook(path)
cached = load_workbook(path, data_only=True)
out = []
for ws in wb.worksheets:
    wc = cached[ws.title]
    widths = {}
    for i in range(1, ws.max_column + 1):
        letter = get_column_letter(i)
        dim = ws.column_dimensions.get(letter)
        widths[letter] = dim.width if dim is not None and dim.customWidth else None
    # openpyxl groups equal neighbouring widths under the first column: spread them out.
    for letter, dim in ws.column_dimensions.items():
        if dim.customWidth and dim.min and dim.max:
            for i in range(dim.min, dim.max + 1):
                widths[get_column_letter(i)] = dim.width
    out.append({
        'title': ws.title,
        'freeze': ws.freeze_panes,
        'filter': ws.auto_filter.ref,
        'widths': widths,
        'values': [[c.value for c in row] for row in ws.iter_rows()],
        'cached': [[c.value for c in row] for row in wc.iter_rows()],
        'bold': [bool(row[0].font and row[0].font.b) for row in ws.iter_rows()],
    })
print(json.dumps(out, ensure_ascii=False, default=str))
`;

describe('the on-time rule', () => {
  const now = new Date('2027-01-01T00:00:00.000Z');

  it('daily: by the end of the day in Beijing time; monthly: by the end of the 5th of the next month', () => {
    expect(deadlineFor('daily', '2026-10-05')?.toISOString()).toBe('2026-10-05T16:00:00.000Z');
    expect(deadlineFor('monthly', '2026-10')?.toISOString()).toBe('2026-11-05T16:00:00.000Z');
    expect(deadlineFor('monthly', '2026-12')?.toISOString()).toBe('2027-01-05T16:00:00.000Z');
    expect(deadlineFor('quarterly', '2026-Q3')?.toISOString()).toBe('2026-10-05T16:00:00.000Z');
    expect(deadlineFor('weekly', '2026-10-05')).toBeNull();
    expect(deadlineFor('monthly', '十月')).toBeNull();
    // 23:59 Beijing time on the day is on time; a minute later is not.
    expect(isOnTime('daily', '2026-10-05', '2026-10-05T15:59:00.000Z', now)).toBe(true);
    expect(isOnTime('daily', '2026-10-05', '2026-10-05T16:00:00.000Z', now)).toBe(false);
    expect(isOnTime('monthly', '2026-10', '2026-11-05T15:59:59.000Z', now)).toBe(true);
    expect(isOnTime('monthly', '2026-10', '2026-11-06T00:00:00.000Z', now)).toBe(false);
  });

  it('is a setting: grace days for daily logs, the due day of monthly reports, the office time zone', () => {
    const rule = { dailyGraceDays: 1, monthlyDueDay: 10, utcOffsetMinutes: 0 };
    expect(isOnTime('daily', '2026-10-05', '2026-10-06T23:00:00.000Z', now, rule)).toBe(true);
    expect(isOnTime('monthly', '2026-10', '2026-11-08T00:00:00.000Z', now, rule)).toBe(true);
    expect(deadlineFor('monthly', '2026-10', rule)?.toISOString()).toBe('2026-11-11T00:00:00.000Z');
  });

  it('a document never submitted is late once the deadline has passed, undecided before; no deadline is null', () => {
    expect(isOnTime('monthly', '2026-10', undefined, now)).toBe(false);
    expect(isOnTime('monthly', '2026-12', undefined, now)).toBeNull();
    expect(isOnTime('none', '2026-10', '2026-10-01T00:00:00.000Z', now)).toBeNull();
  });
});

describe('the register rows', () => {
  it('write formulas over quoted sheet names with the app’s results cached', () => {
    const rows = registerRows(data, { register: '台账', comments: '点评明细' });
    expect(rows.register.rows.count).toBe(data.documents.length);
    const [first, second] = [...rows.register.rows.rows()];
    // The first row carries each count column's formula, shared down to the last document; the rows below
    // refer to it and carry their own results.
    expect(first[11]).toEqual({
      formula: `COUNTIFS('点评明细'!$B$2:$B$6,$A2,'点评明细'!$H$2:$H$6,"表扬",'点评明细'!$I$2:$I$6,"<>已撤回")`,
      result: 1,
      sharedDownTo: data.documents.length + 1,
    });
    expect(second[11]).toEqual({ sharedFrom: 'L2', result: 0 });
    // 李娜's returned log: two problems, one withdrawn (not counted), one suggestion resolved, one fixed.
    expect(second.slice(11).map((cell) => (cell as { result: number }).result)).toEqual([0, 1, 1, 0, 1, 1]);
    // Unshared, every row carries its own formula (what a writer without shared formulas gets).
    const unshared = [...registerRows(data, { register: '台账', comments: '点评明细' }, { sharedFormulas: false }).register.rows.rows()];
    expect(unshared[1][16]).toEqual({ formula: `COUNTIFS('点评明细'!$B$2:$B$6,$A3,'点评明细'!$I$2:$I$6,"已解决")`, result: 1 });
  });
});

const canRead = officeTools.python;
if (!canRead) console.warn('python3 with openpyxl is missing: register reader tests are skipped');

describe.skipIf(!canRead)('the 台账 workbook read back by openpyxl and LibreOffice Calc', () => {
  let dir: string;
  let path: string;
  let sheets: SheetDump[];
  const sheet = (title: string) => sheets.find((candidate) => candidate.title === title)!;

  beforeAll(async () => {
    dir = makeTempDir();
    const checkpoints: [number, number][] = [];
    const bytes = await buildRegisterWorkbook(data, { checkpoint: async (done, total) => void checkpoints.push([done, total]) });
    expect(checkpoints.at(-1)).toEqual([14, 14]);
    path = writeTempFile(dir, '文稿台账_2026年10月.xlsx', bytes);
    sheets = runPython<SheetDump[]>(DUMP, [path]);
  }, 60_000);
  afterAll(() => removeDir(dir));

  it('has three sheets with Chinese headers, frozen header rows and an AutoFilter over the data', () => {
    expect(sheets.map((item) => item.title)).toEqual(['台账', '点评明细', '统计']);
    for (const item of sheets) expect(item.freeze).toBe('A2');
    expect(sheet('台账').filter).toBe('A1:Q5');
    expect(sheet('点评明细').filter).toBe('A1:K6');
    // The 合计 row stays out of the statistics' filter (sorting must not move it).
    expect(sheet('统计').filter).toBe('A1:O5');
    expect(sheet('台账').values[0]).toEqual([
      '序号',
      '类型',
      '标题',
      '客户经理',
      '片区',
      '报告期',
      '状态',
      '提交时间',
      '按时提交',
      '评定等级',
      '会上安排',
      '表扬（条）',
      '问题（条）',
      '建议（条）',
      '备注（条）',
      '已整改（条）',
      '已解决（条）',
    ]);
    expect(sheet('点评明细').values[0]).toEqual(['序号', '文稿序号', '文稿', '章节', '原文', '点评人', '时间', '类型', '状态', '内容', '回复']);
    expect(sheet('统计').values[0]).toEqual([
      '客户经理',
      '市场分析报告（篇）',
      '市场调研报告（篇）',
      '经营指导书（篇）',
      '工作日志（篇）',
      '自定义（篇）',
      '文稿（篇）',
      '按时提交（篇）',
      '逾期（篇）',
      '按时率',
      '优秀（篇）',
      '良好（篇）',
      '合格（篇）',
      '需改进（篇）',
      '未评定（篇）',
    ]);
  });

  it('writes one row per document, times in Beijing time, on-time as 是/否/—', () => {
    const register = sheet('台账').values;
    expect(register).toHaveLength(5);
    expect(register[1].slice(0, 11)).toEqual([
      1,
      '市场分析报告',
      '城关片区2026年10月卷烟市场分析报告',
      '张伟',
      '城关片区',
      '2026-10',
      '已通过',
      '2026-11-03 10:00:00',
      '是',
      '优秀',
      '会上表扬',
    ]);
    expect(register.slice(1).map((row) => row[8])).toEqual(['是', '否', '是', '—']);
    expect(register[3][9]).toBeNull();
    // 无 is left empty.
    expect(register[4][10]).toBeNull();
  });

  it('lists every comment with its thread; a withdrawn one stays, marked 已撤回', () => {
    const comments = sheet('点评明细').values;
    expect(comments).toHaveLength(6);
    expect(comments[2]).toEqual([
      2,
      2,
      '城东片区2026年10月5日工作日志',
      '分析与思考',
      '销量平稳',
      '陈主任',
      '2026-10-07 10:00:00',
      '问题',
      '已整改',
      '只写现象，没有原因。',
      '李娜（2026年10月7日）：【已整改】已补充原因分析',
    ]);
    expect(comments[3][8]).toBe('已撤回');
  });

  it('keeps live formulas whose cached results are the app’s counts', () => {
    const register = sheet('台账');
    expect(register.values[2][12]).toBe(`=COUNTIFS('点评明细'!$B$2:$B$6,$A3,'点评明细'!$H$2:$H$6,"问题",'点评明细'!$I$2:$I$6,"<>已撤回")`);
    expect(register.cached.slice(1).map((row) => row.slice(11))).toEqual([
      [1, 0, 0, 0, 0, 0],
      [0, 1, 1, 0, 1, 1],
      [0, 0, 0, 0, 0, 0],
      [0, 0, 0, 1, 0, 0],
    ]);
    const statistics = sheet('统计');
    expect(statistics.values[1][1]).toBe(`=COUNTIFS('台账'!$D$2:$D$5,$A2,'台账'!$B$2:$B$5,"市场分析报告")`);
    expect(statistics.values[1][9]).toBe('=IF(H2+I2=0,"",H2/(H2+I2))');
    expect(statistics.values[1][14]).toBe('=G2-SUM(K2:N2)');
    for (const [index, [manager, expected]] of Object.entries(expectedStatistics).entries()) {
      const row = statistics.cached[index + 1];
      expect(row[0]).toBe(manager);
      expect(row.slice(1)).toEqual([
        ...expected.kinds,
        expected.total,
        expected.onTime,
        expected.late,
        expected.rate === '' ? null : expected.rate,
        ...expected.grades,
        expected.ungraded,
      ]);
    }
    const totals = statistics.values[5];
    expect(totals[0]).toBe('合计');
    expect(totals[6]).toBe('=SUM(G2:G5)');
    expect(statistics.cached[5].slice(6, 10)).toEqual([4, 2, 1, 2 / 3]);
    expect(statistics.bold[5]).toBe(true);
  });

  it('sizes columns for Chinese text (a CJK character counts two)', () => {
    const widths = sheet('台账').widths;
    // 城关片区2026年10月卷烟市场分析报告: 14 CJK characters (28) + 6 digits = 34, plus 2 of padding.
    expect(widths.C).toBe(36);
    expect(widths.A).toBeGreaterThanOrEqual(6);
    expect(widths.H).toBeGreaterThanOrEqual(17);
    expect(sheet('统计').widths.B).toBe(20);
  });

  it.skipIf(!officeTools.libreoffice)('recalculated by LibreOffice Calc, every formula gives the app’s value', () => {
    const csv = xlsxToCsvSheets(path, join(dir, 'csv'));
    expect(Object.keys(csv).sort()).toEqual(['点评明细', '台账', '统计'].sort());
    expect(csv['台账'].slice(1, 5).map((row) => row.slice(11, 17))).toEqual([
      ['1', '0', '0', '0', '0', '0'],
      ['0', '1', '1', '0', '1', '1'],
      ['0', '0', '0', '0', '0', '0'],
      ['0', '0', '0', '1', '0', '0'],
    ]);
    expect(csv['统计'].slice(1, 6)).toEqual([
      ['张伟', '1', '0', '0', '0', '0', '1', '1', '0', '100.0%', '1', '0', '0', '0', '0'],
      ['李娜', '0', '0', '0', '2', '0', '2', '1', '1', '50.0%', '0', '0', '0', '1', '1'],
      ['王强', '0', '1', '0', '0', '0', '1', '0', '0', '', '0', '1', '0', '0', '0'],
      ['刘洋', '0', '0', '0', '0', '0', '0', '0', '0', '', '0', '0', '0', '0', '0'],
      ['合计', '1', '1', '0', '2', '0', '4', '2', '1', '66.7%', '1', '1', '0', '1', '1'],
    ]);
    expect(csv['台账'][1][7]).toBe('2026-11-03 10:00');
  }, 120_000);
});

describe('cancelling the register', () => {
  it('stops at a checkpoint with ExportCancelled and produces nothing', async () => {
    let calls = 0;
    const monitor: ExportMonitor = {
      checkpoint: async () => {
        calls += 1;
        if (calls === 2) throw new ExportCancelled();
      },
    };
    await expect(buildRegisterWorkbook(data, monitor)).rejects.toBeInstanceOf(ExportCancelled);
  });
});
