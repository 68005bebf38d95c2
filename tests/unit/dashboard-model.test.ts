import type { ColumnsType } from 'antd/es/table';
import { describe, expect, it } from 'vitest';
import {
  colors,
  flatColumns,
  gradeChartOption,
  gradeColors,
  rateText,
  reportsListPath,
  rowHook,
  stackedBars,
  submissionChartOption,
  type DashboardRow,
  type DashboardView,
} from '../../renderer/features/dashboard/dashboard-model';

function row(managerId: string, managerName: string, extra: Partial<DashboardRow> = {}): DashboardRow {
  return {
    managerId,
    managerName,
    unit: '城区',
    documents: 0,
    byKind: { 'market-analysis': 0, research: 0, 'guidance-booklet': 0, 'work-log': 0, custom: 0 },
    expected: 0,
    onTime: 0,
    late: 0,
    missing: 0,
    pending: 0,
    onTimeRate: null,
    grades: {},
    ungraded: 0,
    goodShare: null,
    comments: { open: 0, fixed: 0, resolved: 0 },
    praise: 0,
    critique: 0,
    copyFlagged: null,
    below: [],
    documentIds: [],
    ...extra,
  };
}

function view(rows: DashboardRow[], grades: string[]): DashboardView {
  return { period: '2026-11', grades, goodGrades: grades.slice(0, 1), targets: { onTime: 0.9, goodGrade: 0.5 }, rows, totals: row('', ''), expectedKinds: [] };
}

type Series = { name: string; data: number[]; itemStyle: { color: string }; label: { formatter: (params: { value: number }) => string } };

describe('dashboard model', () => {
  it('shows a rate as a percentage with one decimal, or the no-data text', () => {
    expect(rateText(0.8765, '无数据')).toBe('87.7%');
    expect(rateText(1, '无数据')).toBe('100.0%');
    expect(rateText(0, '无数据')).toBe('0.0%');
    expect(rateText(null, '无数据')).toBe('无数据');
    expect(rateText(Number.NaN, '无数据')).toBe('无数据');
    expect(rateText(Number.POSITIVE_INFINITY, 'n/a')).toBe('n/a');
  });

  it('stacks bars per category, rotating labels beyond eight and leaving zeros unlabelled', () => {
    const option = stackedBars(['a', 'b'], [{ name: 'x', color: '#000', values: [0, 3] }]) as { xAxis: { data: string[]; axisLabel: { rotate: number } }; series: Series[] };
    expect(option.xAxis.data).toEqual(['a', 'b']);
    expect(option.xAxis.axisLabel.rotate).toBe(0);
    expect(option.series[0]).toMatchObject({ type: 'bar', name: 'x', stack: 'total', data: [0, 3], itemStyle: { color: '#000' } });
    expect(option.series[0].label.formatter({ value: 0 })).toBe('');
    expect(option.series[0].label.formatter({ value: 3 })).toBe('3');
    const many = stackedBars(Array.from({ length: 9 }, (_, index) => String(index)), []) as { xAxis: { axisLabel: { rotate: number } } };
    expect(many.xAxis.axisLabel.rotate).toBe(30);
  });

  it('builds the submission chart per manager', () => {
    const option = submissionChartOption(view([row('m1', '张三', { onTime: 2, late: 1, missing: 0 }), row('m2', '李四', { onTime: 0, late: 0, missing: 4 })], []), {
      onTime: '按时',
      late: '迟交',
      missing: '缺交',
    }) as { xAxis: { data: string[] }; series: Series[] };
    expect(option.xAxis.data).toEqual(['张三', '李四']);
    expect(option.series.map((entry) => [entry.name, entry.itemStyle.color, entry.data])).toEqual([
      ['按时', colors.onTime, [2, 0]],
      ['迟交', colors.late, [1, 0]],
      ['缺交', colors.missing, [0, 4]],
    ]);
  });

  it('builds the grade chart: each grade (missing ones as 0, colours cycling), then the ungraded', () => {
    const grades = ['A', 'B', 'C', 'D', 'E', 'F', 'G'];
    const option = gradeChartOption(view([row('m1', '张三', { grades: { A: 2, G: 1 }, ungraded: 3 })], grades), '未评分') as { series: Series[] };
    expect(option.series.map((entry) => entry.name)).toEqual([...grades, '未评分']);
    expect(option.series[0].data).toEqual([2]);
    expect(option.series[1].data).toEqual([0]);
    expect(option.series[6].itemStyle.color).toBe(gradeColors[0]);
    expect(option.series[7]).toMatchObject({ data: [3], itemStyle: { color: colors.pending } });
  });

  it('links a row to the reports list of the month, with the manager only for a supervisor', () => {
    expect(reportsListPath({ managerId: 'm1' }, '2026-11', undefined, true)).toBe('/reports?period=2026-11&authorId=m1');
    expect(reportsListPath({ managerId: 'm1' }, '2026-11', 'research', true)).toBe('/reports?period=2026-11&authorId=m1&kind=research');
    expect(reportsListPath({ managerId: 'm1' }, '2026-11', 'work-log', false)).toBe('/reports?period=2026-11&kind=work-log');
    expect(reportsListPath({ managerId: '' }, '2026-11', undefined, true)).toBe('/reports?period=2026-11');
  });

  it('names the totals row "total" in test hooks', () => {
    expect(rowHook({ managerId: 'm1' })).toBe('m1');
    expect(rowHook({ managerId: '' })).toBe('total');
  });

  it('flattens grouped columns into their leaves, in order', () => {
    const columns: ColumnsType<DashboardRow> = [
      { key: 'manager' },
      { title: 'group', children: [{ key: 'a' }, { title: 'inner', children: [{ key: 'b' }] }, { key: 'c' }] },
      { key: 'd' },
    ];
    expect(flatColumns(columns).map((column) => column.key)).toEqual(['manager', 'a', 'b', 'c', 'd']);
  });
});
