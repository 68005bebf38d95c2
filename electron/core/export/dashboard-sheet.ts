/**
 * The dashboard (统计) as a sheet of the 台账 workbook: the page's figures per manager for the month, a 合计 row,
 * and a column naming the figures below the office's targets. Rates are numbers formatted as percentages; a
 * rate with nothing to count is the text 无数据 (never 0 and never an error).
 */
import type { StreamCell, StreamColumn } from './xlsx-stream';
import { dashboardKinds, type DashboardRow, type DashboardView } from '../insight/dashboard';

export interface DashboardSheetLabels {
  sheet: string;
  manager: string;
  unit: string;
  documents: string;
  kinds: Record<string, string>;
  onTime: string;
  late: string;
  missing: string;
  onTimeRate: string;
  grade: string;
  ungraded: string;
  goodShare: string;
  open: string;
  fixed: string;
  resolved: string;
  praise: string;
  critique: string;
  copyFlagged: string;
  below: string;
  belowTargets: Record<'onTime' | 'goodGrade', string>;
  total: string;
  noData: string;
  separator: string;
}

export const dashboardSheetLabels: Record<'zh-CN' | 'en', DashboardSheetLabels> = {
  'zh-CN': {
    sheet: '统计看板',
    manager: '客户经理',
    unit: '片区',
    documents: '文稿数',
    kinds: { 'market-analysis': '市场分析报告', research: '调研报告', 'guidance-booklet': '经营指导书', 'work-log': '工作日志', custom: '自定义' },
    onTime: '按时',
    late: '迟交',
    missing: '未交',
    onTimeRate: '按时率',
    grade: '{grade}',
    ungraded: '未评定',
    goodShare: '优良率',
    open: '点评待整改',
    fixed: '点评已整改',
    resolved: '点评已解决',
    praise: '会上表扬',
    critique: '会上讲评',
    copyFlagged: '疑似雷同',
    below: '未达目标',
    belowTargets: { onTime: '按时率', goodGrade: '优良率' },
    total: '合计',
    noData: '无数据',
    separator: '、',
  },
  en: {
    sheet: 'Dashboard',
    manager: 'Manager',
    unit: 'Territory',
    documents: 'Documents',
    kinds: { 'market-analysis': 'Market analyses', research: 'Research', 'guidance-booklet': 'Booklets', 'work-log': 'Work logs', custom: 'Custom' },
    onTime: 'On time',
    late: 'Late',
    missing: 'Missing',
    onTimeRate: 'On-time rate',
    grade: '{grade}',
    ungraded: 'Ungraded',
    goodShare: 'Good-grade share',
    open: 'Comments open',
    fixed: 'Comments fixed',
    resolved: 'Comments resolved',
    praise: 'Praised at meeting',
    critique: 'Critiqued at meeting',
    copyFlagged: 'Suspected copies',
    below: 'Below target',
    belowTargets: { onTime: 'on-time rate', goodGrade: 'good-grade share' },
    total: 'Total',
    noData: 'no data',
    separator: ', ',
  },
};

/** The sheet's columns and rows (the last row is the 合计). */
export function dashboardSheet(view: DashboardView, labels: DashboardSheetLabels): { name: string; columns: StreamColumn[]; rows: StreamCell[][] } {
  const kinds = dashboardKinds.filter((kind) => kind !== 'custom' || view.totals.byKind.custom > 0);
  const withCopy = view.totals.copyFlagged !== null;
  const count = (header: string): StreamColumn => ({ header, numFmt: '0', minWidth: 7 });
  const columns: StreamColumn[] = [
    { header: labels.manager, minWidth: 10 },
    { header: labels.unit, minWidth: 10 },
    count(labels.documents),
    ...kinds.map((kind) => count(labels.kinds[kind] ?? kind)),
    count(labels.onTime),
    count(labels.late),
    count(labels.missing),
    { header: labels.onTimeRate, numFmt: '0.0%', centre: true, minWidth: 9 },
    ...view.grades.map((grade) => count(labels.grade.replace('{grade}', grade))),
    count(labels.ungraded),
    { header: labels.goodShare, numFmt: '0.0%', centre: true, minWidth: 9 },
    count(labels.open),
    count(labels.fixed),
    count(labels.resolved),
    count(labels.praise),
    count(labels.critique),
    ...(withCopy ? [count(labels.copyFlagged)] : []),
    { header: labels.below, minWidth: 12 },
  ];
  const rate = (value: number | null): StreamCell => (value === null ? labels.noData : value);
  const line = (row: DashboardRow, name: string): StreamCell[] => [
    name,
    row.unit,
    row.documents,
    ...kinds.map((kind) => row.byKind[kind] ?? 0),
    row.onTime,
    row.late,
    row.missing,
    rate(row.onTimeRate),
    ...view.grades.map((grade) => row.grades[grade] ?? 0),
    row.ungraded,
    rate(row.goodShare),
    row.comments.open,
    row.comments.fixed,
    row.comments.resolved,
    row.praise,
    row.critique,
    ...(withCopy ? [row.copyFlagged ?? 0] : []),
    row.below.map((target) => labels.belowTargets[target]).join(labels.separator),
  ];
  return {
    name: labels.sheet,
    columns,
    rows: [...view.rows.map((row) => line(row, row.managerName)), line(view.totals, labels.total)],
  };
}
