import type { ColumnsType } from 'antd/es/table';
import type { Key, ReactNode } from 'react';
import type { ChannelOutput } from '../../../electron/api/contract';
import type { DocumentKind } from '../../../electron/core/common/schemas/template';

export type DashboardView = ChannelOutput<'insight:dashboard'>;
export type DashboardRow = DashboardView['rows'][number];

export const colors = { onTime: '#3a9d5d', late: '#d9822b', missing: '#c23b3b', pending: '#bfbfbf' };
export const gradeColors = ['#1f5fa8', '#2a9fb0', '#d9a62b', '#c23b3b', '#7b5ea7', '#8c6d31'];
const fontFamily = "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', sans-serif";

export interface BarSeries {
  name: string;
  color: string;
  values: number[];
}

/** A rate as a percentage, or 无数据 when there is nothing to count. */
export function rateText(rate: number | null, noData: string): string {
  return rate === null || !Number.isFinite(rate) ? noData : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** An ECharts option of stacked bars, one bar per category (labels rotate beyond 8), zeros unlabelled. */
export function stackedBars(categories: string[], series: BarSeries[]): Record<string, unknown> {
  const textStyle = { fontFamily, fontSize: 12 };
  return {
    animation: false,
    textStyle,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, textStyle },
    grid: { left: 8, right: 16, top: 32, bottom: 4, containLabel: true },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: categories.length > 8 ? 30 : 0, fontFamily } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { fontFamily } },
    series: series.map((entry) => ({
      type: 'bar',
      name: entry.name,
      stack: 'total',
      barMaxWidth: 40,
      itemStyle: { color: entry.color },
      label: { show: true, fontFamily, formatter: (params: { value: number }) => (params.value ? String(params.value) : '') },
      data: entry.values,
    })),
  };
}

/** 提交情况 chart: on time / late / missing per manager. */
export function submissionChartOption(view: DashboardView, labels: { onTime: string; late: string; missing: string }): Record<string, unknown> {
  const names = view.rows.map((row) => row.managerName);
  return stackedBars(names, [
    { name: labels.onTime, color: colors.onTime, values: view.rows.map((row) => row.onTime) },
    { name: labels.late, color: colors.late, values: view.rows.map((row) => row.late) },
    { name: labels.missing, color: colors.missing, values: view.rows.map((row) => row.missing) },
  ]);
}

/** 评分分布 chart: each grade per manager (colours cycle), then those not graded yet. */
export function gradeChartOption(view: DashboardView, ungradedLabel: string): Record<string, unknown> {
  const names = view.rows.map((row) => row.managerName);
  return stackedBars(names, [
    ...view.grades.map((grade, index) => ({ name: grade, color: gradeColors[index % gradeColors.length], values: view.rows.map((row) => row.grades[grade] ?? 0) })),
    { name: ungradedLabel, color: colors.pending, values: view.rows.map((row) => row.ungraded) },
  ]);
}

/** The 报告 list a row clicks through to: the month, the kind filter, and (for a supervisor) that manager. */
export function reportsListPath(row: Pick<DashboardRow, 'managerId'>, month: string, kind: DocumentKind | undefined, supervisor: boolean): string {
  const params = new URLSearchParams({ period: month });
  if (supervisor && row.managerId) params.set('authorId', row.managerId);
  if (kind) params.set('kind', kind);
  return `/reports?${params.toString()}`;
}

/** The test hook suffix of a row's cells: the manager's id, or 'total' for the 合计 row. */
export function rowHook(row: Pick<DashboardRow, 'managerId'>): string {
  return row.managerId || 'total';
}

export type LeafColumn = {
  key?: Key;
  align?: 'left' | 'right' | 'center';
  render?: (value: unknown, row: DashboardRow, index: number) => ReactNode;
  onCell?: (row: DashboardRow, index: number) => unknown;
};

/** The leaf columns of grouped columns, in order (for the 合计 row). */
export function flatColumns(columns: ColumnsType<DashboardRow>): LeafColumn[] {
  return columns.flatMap((column) => ('children' in column && column.children ? flatColumns(column.children) : [column as LeafColumn]));
}
