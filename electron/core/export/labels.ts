/**
 * Every user-visible string the Word and Excel builders write. Chinese by default; callers pass a
 * partial object (e.g. `englishExportLabels`) to write another language.
 * `{name}` placeholders are filled by `fillLabel`.
 */
import type { ReportStatus } from '../common/schemas/report';
import type { CommentKind, MeetingFlag } from '../common/schemas/review';
import type { DocumentKind } from '../common/schemas/template';

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
  /** Names of things shared by the register and the meeting pack. */
  documentKinds: Record<DocumentKind, string>;
  commentKinds: Record<CommentKind, string>;
  /** Comment states; `retracted` for a withdrawn comment. */
  commentStatuses: Record<'open' | 'fixed' | 'resolved' | 'retracted', string>;
  meetingFlags: Record<MeetingFlag, string>;
  /** Exported comment replies that record a step rather than words: `{note}` is the writer's 整改 note. */
  threadFixed: string;
  threadResolved: string;
  threadReopened: string;
  /** 台账 workbook. */
  registerSheet: string;
  commentsSheet: string;
  statisticsSheet: string;
  columnId: string;
  columnDocument: string;
  columnDocumentKind: string;
  columnManager: string;
  columnRegion: string;
  columnPeriod: string;
  columnDocumentStatus: string;
  columnSubmittedAt: string;
  columnOnTime: string;
  columnGrade: string;
  columnMeeting: string;
  columnReason: string;
  columnOverall: string;
  columnCommentCount: string;
  columnFixed: string;
  columnResolved: string;
  columnReplies: string;
  columnDocuments: string;
  columnOnTimeCount: string;
  columnLate: string;
  columnOnTimeRate: string;
  /** Count of a comment kind in the register, e.g. 表扬（条）. */
  commentKindCount: string;
  /** Count of a document kind or grade in the statistics sheet. */
  kindCount: string;
  gradeCount: string;
  ungraded: string;
  yes: string;
  no: string;
  /** Shown where a figure does not apply (no deadline for the template's cadence, not submitted). */
  notApplicable: string;
  /** Meeting pack. */
  meetingPack: string;
  meetingDate: string;
  organiser: string;
  contents: string;
  summaryTable: string;
  /** Between the parts of the line above each document (材料一, 会上表扬, 优秀): an ideographic space in Chinese. */
  kickerSeparator: string;
  /** `{n}`: 1, 2 …; `{cn}`: 一, 二 …. */
  materialNumber: string;
  meetingReview: string;
  /** Contents line: `{number}` (材料一), `{title}`, `{details}` (author and grade, joined by detailsSeparator). */
  contentsLine: string;
  detailsSeparator: string;
  otherDocuments: string;
  summarySheet: string;
  /** File names: the register's first part, and the part added to a meeting pack's Excel summary. */
  registerFile: string;
  summaryFile: string;
  /** Added to the file name of an earlier revision: `{revision}`. */
  revisionFile: string;
  /** Print-grade documents (issue 11). */
  /** Status of a 表扬 or 备注 comment, which asks for no fix. */
  noFixNeeded: string;
  /** The part of a Word file's name that says its layout. */
  layoutFile: Record<'official' | 'plain', string>;
  /** Header/footer of printed sheets: `{title}` the sheet's title, `{page}` / `{pages}` page numbers. */
  sheetFooter: string;
  /** 审阅记录: the outcome line — `{outcome}` (通过 / 退回修改) and `{date}`. */
  reviewOutcome: string;
  reviewOutcomeLine: string;
  reviewOutcomes: Record<'approve' | 'return', string>;
  /** Legend under a table (Word) or sheet (Excel) that has a cell showing `noValue`. */
  noValueNote: string;
  /** Legend of a table with a 存销比 column: `{column}`, `{low}`, `{high}` (the office's 合理区间, 设置). */
  stockToSalesNote: string;
  /** A table that cannot be laid out even on a landscape page at the smallest size: `{name}`, `{columns}`. */
  tableTooWide: string;
  /** Above each further part of a table split by columns: `{title}`. */
  continuedTable: string;
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
  documentKinds: {
    'market-analysis': '市场分析报告',
    research: '市场调研报告',
    'guidance-booklet': '经营指导书',
    'work-log': '工作日志',
    custom: '自定义',
  },
  commentKinds: { praise: '表扬', problem: '问题', suggestion: '建议', note: '备注' },
  commentStatuses: { open: '待整改', fixed: '已整改', resolved: '已解决', retracted: '已撤回' },
  meetingFlags: { praise: '会上表扬', critique: '会上讲评', none: '无' },
  threadFixed: '【已整改】{note}',
  threadResolved: '【确认解决】',
  threadReopened: '【重新打开】{note}',
  registerSheet: '台账',
  commentsSheet: '点评明细',
  statisticsSheet: '统计',
  columnId: '编号',
  columnDocument: '文稿',
  columnDocumentKind: '类型',
  columnManager: '客户经理',
  columnRegion: '片区',
  columnPeriod: '报告期',
  columnDocumentStatus: '状态',
  columnSubmittedAt: '提交时间',
  columnOnTime: '按时提交',
  columnGrade: '评定等级',
  columnMeeting: '会上安排',
  columnReason: '评定理由',
  columnOverall: '总体评价',
  columnCommentCount: '点评（条）',
  columnFixed: '已整改（条）',
  columnResolved: '已解决（条）',
  columnReplies: '回复',
  columnDocuments: '文稿（篇）',
  columnOnTimeCount: '按时提交（篇）',
  columnLate: '逾期（篇）',
  columnOnTimeRate: '按时率',
  commentKindCount: '{kind}（条）',
  kindCount: '{kind}（篇）',
  gradeCount: '{grade}（篇）',
  ungraded: '未评定',
  yes: '是',
  no: '否',
  notApplicable: '—',
  meetingPack: '会议材料',
  meetingDate: '会议日期',
  organiser: '主办',
  contents: '目　录',
  summaryTable: '材料汇总表',
  kickerSeparator: '　',
  materialNumber: '材料{cn}',
  meetingReview: '审阅意见',
  contentsLine: '{number}　{title}（{details}）',
  detailsSeparator: '，',
  otherDocuments: '其他材料',
  summarySheet: '材料汇总',
  registerFile: '文稿台账',
  summaryFile: '汇总',
  revisionFile: '第{revision}稿',
  noFixNeeded: '无需整改',
  layoutFile: { official: '公文', plain: '普通' },
  sheetFooter: '第{page}页／共{pages}页',
  reviewOutcome: '审阅结论',
  reviewOutcomeLine: '{outcome}（{date}）',
  reviewOutcomes: { approve: '通过', return: '退回修改' },
  noValueNote: '注：“—”表示无法计算（分母为零，或数据有误）；空白表示数据未填。',
  stockToSalesNote: '注：{column}合理区间为 {low}～{high}（营销部设置），高于上限为库存偏高，低于下限为货源偏紧。',
  tableTooWide: '表格“{name}”有 {columns} 列，横排页面用最小字号也放不下，请拆分表格',
  continuedTable: '{title}（续表）',
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
  documentKinds: {
    'market-analysis': 'Market analysis',
    research: 'Research report',
    'guidance-booklet': 'Guidance booklet',
    'work-log': 'Work log',
    custom: 'Custom',
  },
  commentKinds: { praise: 'Praise', problem: 'Problem', suggestion: 'Suggestion', note: 'Note' },
  commentStatuses: { open: 'To fix', fixed: 'Fixed', resolved: 'Resolved', retracted: 'Withdrawn' },
  meetingFlags: { praise: 'Praise at meeting', critique: 'Critique at meeting', none: 'None' },
  threadFixed: '[Fixed] {note}',
  threadResolved: '[Resolved]',
  threadReopened: '[Reopened] {note}',
  registerSheet: 'Register',
  commentsSheet: 'Comments',
  statisticsSheet: 'Statistics',
  columnId: 'ID',
  columnDocument: 'Document',
  columnDocumentKind: 'Kind',
  columnManager: 'Customer manager',
  columnRegion: 'Territory',
  columnPeriod: 'Period',
  columnDocumentStatus: 'Status',
  columnSubmittedAt: 'Submitted',
  columnOnTime: 'On time',
  columnGrade: 'Grade',
  columnMeeting: 'Meeting',
  columnReason: 'Reason',
  columnOverall: 'Overall comment',
  columnCommentCount: 'Comments',
  columnFixed: 'Fixed',
  columnResolved: 'Resolved',
  columnReplies: 'Replies',
  columnDocuments: 'Documents',
  columnOnTimeCount: 'On time',
  columnLate: 'Late',
  columnOnTimeRate: 'On-time rate',
  commentKindCount: '{kind}',
  kindCount: '{kind}',
  gradeCount: '{grade}',
  ungraded: 'Not graded',
  yes: 'Yes',
  no: 'No',
  notApplicable: '—',
  meetingPack: 'Meeting pack',
  meetingDate: 'Date',
  organiser: 'Organiser',
  contents: 'Contents',
  summaryTable: 'Summary',
  kickerSeparator: '  ',
  materialNumber: 'Item {n}',
  meetingReview: 'Review',
  contentsLine: '{number}  {title} ({details})',
  detailsSeparator: ', ',
  otherDocuments: 'Other documents',
  summarySheet: 'Summary',
  registerFile: 'Register',
  summaryFile: 'summary',
  revisionFile: 'revision {revision}',
  noFixNeeded: 'No fix needed',
  layoutFile: { official: 'official', plain: 'plain' },
  sheetFooter: 'Page {page} of {pages}',
  reviewOutcome: 'Outcome',
  reviewOutcomeLine: '{outcome} ({date})',
  reviewOutcomes: { approve: 'Approved', return: 'Returned for revision' },
  noValueNote: 'Note: "—" means the figure cannot be computed (a zero denominator or invalid data); a blank cell was not filled in.',
  stockToSalesNote: 'Note: the reasonable range of {column} is {low}–{high} (set by the office); above it stock is high, below it supply is tight.',
  tableTooWide: 'The table “{name}” has {columns} columns and does not fit even a landscape page at the smallest size; please split it',
  continuedTable: '{title} (continued)',
};

/** Defaults merged with the caller's overrides (the name tables merged key by key). */
export function resolveLabels(labels?: Partial<ExportLabels>): ExportLabels {
  if (!labels) return defaultExportLabels;
  return {
    ...defaultExportLabels,
    ...labels,
    statuses: { ...defaultExportLabels.statuses, ...labels.statuses },
    documentKinds: { ...defaultExportLabels.documentKinds, ...labels.documentKinds },
    commentKinds: { ...defaultExportLabels.commentKinds, ...labels.commentKinds },
    commentStatuses: { ...defaultExportLabels.commentStatuses, ...labels.commentStatuses },
    meetingFlags: { ...defaultExportLabels.meetingFlags, ...labels.meetingFlags },
    layoutFile: { ...defaultExportLabels.layoutFile, ...labels.layoutFile },
    reviewOutcomes: { ...defaultExportLabels.reviewOutcomes, ...labels.reviewOutcomes },
  };
}

/** The status a comment shows: a 表扬 or 备注 asks for no fix, so it never reads 待整改. */
export function commentStatusLabel(labels: ExportLabels, kind: CommentKind, status: keyof ExportLabels['commentStatuses']): string {
  if ((kind === 'praise' || kind === 'note') && status === 'open') return labels.noFixNeeded;
  return labels.commentStatuses[status];
}

/** Replace `{name}` placeholders; unknown names are left as they are. */
export function fillLabel(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}
