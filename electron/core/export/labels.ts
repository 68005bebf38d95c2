/**
 * Every user-visible string the Word and Excel builders write. Chinese by default; callers pass a
 * partial object (e.g. `englishExportLabels`) to write another language.
 * `{name}` placeholders are filled by `fillLabel`.
 */
import type { ReportStatus } from '../reports/schema';

export interface ExportLabels {
  /** Metadata block and 基本信息 sheet. */
  period: string;
  region: string;
  author: string;
  /** Between a label and its value in `label：value` lines. */
  fieldSeparator: string;
  /** Used when a report has no title. */
  untitled: string;
  /** First cell of a table's totals row. */
  total: string;
  /** Shown in Word under a table that has no rows. */
  noData: string;
  /** Shown in a cell whose value cannot be computed (blank input, division by zero, bad input). */
  noValue: string;
  /** Official layout footer; `{page}` is the page number field. */
  officialPageNumber: string;
  /** Plain layout footer; `{page}` and `{pages}` are fields. */
  plainPageNumber: string;
  /** Dates: `{year}`, `{month}`, `{day}` (no zero padding), `{hour}`, `{minute}` (two digits). */
  date: string;
  dateTime: string;
  /** Word comment body and reply lines. */
  commentBody: string;
  commentReply: string;
  /** Review appendix. */
  reviewAppendix: string;
  grade: string;
  reason: string;
  meetingFlag: string;
  overall: string;
  reviewer: string;
  reviewedAt: string;
  commentDetails: string;
  noComments: string;
  columnIndex: string;
  columnSection: string;
  columnQuote: string;
  columnKind: string;
  columnAuthor: string;
  columnDate: string;
  columnText: string;
  columnStatus: string;
  /** What the 原文 column shows for comments that are not on a quoted passage. */
  wholeDocument: string;
  wholeSection: string;
  /** A comment on a table cell: `{row}` is the row's first text (or `rowNumber`), `{column}` the column label. */
  cellAnchor: string;
  rowNumber: string;
  /** Excel 基本信息 sheet. */
  infoSheet: string;
  item: string;
  value: string;
  title: string;
  template: string;
  templateVersion: string;
  status: string;
  statuses: Record<ReportStatus, string>;
  createdAt: string;
  updatedAt: string;
  /** Sheet name for a table whose title leaves nothing after sanitising. */
  defaultSheetName: string;
}

export const defaultExportLabels: ExportLabels = {
  period: '报告期',
  region: '片区',
  author: '客户经理',
  fieldSeparator: '：',
  untitled: '未命名报告',
  total: '合计',
  noData: '（本表无数据）',
  noValue: '—',
  officialPageNumber: '— {page} —',
  plainPageNumber: '第 {page} 页 / 共 {pages} 页',
  date: '{year}年{month}月{day}日',
  dateTime: '{year}年{month}月{day}日 {hour}:{minute}',
  commentBody: '【{kind}】{text}',
  commentReply: '{author}（{date}）：{text}',
  reviewAppendix: '审阅记录',
  grade: '评定等级',
  reason: '评定理由',
  meetingFlag: '会议安排',
  overall: '总体评价',
  reviewer: '审阅人',
  reviewedAt: '审阅时间',
  commentDetails: '点评明细',
  noComments: '（无点评）',
  columnIndex: '序号',
  columnSection: '章节',
  columnQuote: '原文',
  columnKind: '类型',
  columnAuthor: '点评人',
  columnDate: '时间',
  columnText: '内容',
  columnStatus: '状态',
  wholeDocument: '（全文）',
  wholeSection: '（整节）',
  cellAnchor: '{row}／{column}',
  rowNumber: '第{n}行',
  infoSheet: '基本信息',
  item: '项目',
  value: '内容',
  title: '标题',
  template: '模板',
  templateVersion: '{name}（第{version}版）',
  status: '状态',
  statuses: { draft: '草稿', submitted: '已提交', returned: '已退回', approved: '已通过' },
  createdAt: '创建时间',
  updatedAt: '更新时间',
  defaultSheetName: '表格',
};

export const englishExportLabels: ExportLabels = {
  period: 'Period',
  region: 'Territory',
  author: 'Customer manager',
  fieldSeparator: ': ',
  untitled: 'Untitled report',
  total: 'Total',
  noData: '(no data)',
  noValue: '—',
  officialPageNumber: '— {page} —',
  plainPageNumber: 'Page {page} of {pages}',
  date: '{year}-{month}-{day}',
  dateTime: '{year}-{month}-{day} {hour}:{minute}',
  commentBody: '[{kind}] {text}',
  commentReply: '{author} ({date}): {text}',
  reviewAppendix: 'Review record',
  grade: 'Grade',
  reason: 'Reason',
  meetingFlag: 'Meeting',
  overall: 'Overall comment',
  reviewer: 'Reviewer',
  reviewedAt: 'Reviewed at',
  commentDetails: 'Comments',
  noComments: '(no comments)',
  columnIndex: 'No.',
  columnSection: 'Section',
  columnQuote: 'Passage',
  columnKind: 'Kind',
  columnAuthor: 'Reviewer',
  columnDate: 'Date',
  columnText: 'Comment',
  columnStatus: 'Status',
  wholeDocument: '(whole document)',
  wholeSection: '(whole section)',
  cellAnchor: '{row} / {column}',
  rowNumber: 'Row {n}',
  infoSheet: 'Information',
  item: 'Item',
  value: 'Value',
  title: 'Title',
  template: 'Template',
  templateVersion: '{name} (version {version})',
  status: 'Status',
  statuses: { draft: 'Draft', submitted: 'Submitted', returned: 'Returned', approved: 'Approved' },
  createdAt: 'Created',
  updatedAt: 'Updated',
  defaultSheetName: 'Table',
};

/** Defaults merged with the caller's overrides (statuses merged key by key). */
export function resolveLabels(labels?: Partial<ExportLabels>): ExportLabels {
  if (!labels) return defaultExportLabels;
  return {
    ...defaultExportLabels,
    ...labels,
    statuses: { ...defaultExportLabels.statuses, ...labels.statuses },
  };
}

/** Replace `{name}` placeholders; unknown names are left as they are. */
export function fillLabel(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}
