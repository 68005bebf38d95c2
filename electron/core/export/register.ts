/**
 * The 台账 (register) workbook: one row per document, every comment, and statistics per customer manager.
 *
 * - 台账: 序号, 类型, 标题, 客户经理, 片区, 报告期, 状态, 提交时间, 按时提交, 评定等级, 会上安排, a count per comment
 *   kind, 已整改, 已解决. The counts are live COUNTIFS formulas over the 点评明细 sheet (keyed by 序号).
 * - 点评明细: 序号, 文稿序号, 文稿, 章节, 原文, 点评人, 时间, 类型, 状态, 回复 (withdrawn comments stay, marked 已撤回,
 *   and are not counted).
 * - 统计: per manager, documents by kind, on time / late and the on-time rate, and the grade distribution, all
 *   live formulas over the 台账 sheet, with a 合计 row.
 * Every formula carries the app's own result as its cached value; Excel and LibreOffice recalculate the same.
 * Written with exceljs's streaming writer; headers frozen, AutoFilter on every sheet.
 */
import type { ReportStatus } from '../common/schemas/report';
import type { CommentKind, MeetingFlag } from '../common/schemas/review';
import type { DocumentKind } from '../common/schemas/template';
import { columnLetter } from './excel';
import { commentStatusLabel, fillLabel, resolveLabels, type ExportLabels } from './labels';
import { defaultOnTimeRule, officeWallClock, type OnTimeRule } from '../calendar/on-time';
import { silentMonitor, type ExportMonitor } from './progress';
import { formulaText, sheetRange, StreamedWorkbook, type StreamCell, type StreamColumn } from './xlsx-stream';

/** Document kinds in the order the register and the statistics list them. */
export const documentKindOrder: DocumentKind[] = ['market-analysis', 'research', 'guidance-booklet', 'work-log', 'custom'];
export const commentKindOrder: CommentKind[] = ['praise', 'problem', 'suggestion', 'note'];

export type RegisterCommentStatus = 'open' | 'fixed' | 'resolved' | 'retracted';

export interface RegisterDocument {
  kind: DocumentKind;
  title: string;
  author: string;
  region: string;
  period: string;
  status: ReportStatus;
  /** ISO time of the first submission. */
  submittedAt?: string;
  /** null: no deadline for the template's cadence, or not due yet. */
  onTime: boolean | null;
  grade?: string;
  meetingFlag?: MeetingFlag;
}

export interface RegisterComment {
  /** Index into `documents`. */
  document: number;
  section: string;
  quote: string;
  author: string;
  /** ISO time. */
  at: string;
  kind: CommentKind;
  status: RegisterCommentStatus;
  text: string;
  /** The thread, one line per reply or step. */
  replies: string[];
}

export interface RegisterData {
  documents: RegisterDocument[];
  comments: RegisterComment[];
  /** Managers listed in 统计, in order (everyone on the roster, even with no documents). */
  managers: string[];
  /** The office's grade scale, best first. */
  grades: string[];
  /** Written into the workbook's properties. */
  title: string;
  creator: string;
  /** The office's clock for times (Beijing time by default). */
  rule?: OnTimeRule;
  labels?: Partial<ExportLabels>;
  /** Further sheets written after 统计 as they are (the dashboard's 统计看板, core/export/dashboard-sheet.ts). */
  extraSheets?: { name: string; columns: StreamColumn[]; rows: StreamCell[][]; footerRows?: number }[];
}

const TIME_FORMAT = 'yyyy-mm-dd hh:mm';

/** The register columns after 会上安排: one count per comment kind, then 已整改 and 已解决. */
interface CountColumn {
  header: string;
  /** Criteria on the comments sheet besides the document: [column letter, criterion]. */
  criteria: [string, string][];
  count: (comments: RegisterComment[]) => number;
}

type SheetNames = { register: string; comments: string };

const live = (comment: RegisterComment) => comment.status !== 'retracted';

/** The count columns of 台账 over 点评明细 (B = 文稿序号, H = 类型, I = 状态). */
function countColumnsFor(labels: ExportLabels): CountColumn[] {
  return [
    ...commentKindOrder.map((kind) => ({
      header: fillLabel(labels.commentKindCount, { kind: labels.commentKinds[kind] }),
      criteria: [
        ['H', formulaText(labels.commentKinds[kind])],
        ['I', formulaText(`<>${labels.commentStatuses.retracted}`)],
      ] as [string, string][],
      count: (comments: RegisterComment[]) => comments.filter((comment) => live(comment) && comment.kind === kind).length,
    })),
    {
      header: labels.columnFixed,
      criteria: [['I', formulaText(labels.commentStatuses.fixed)]],
      count: (comments) => comments.filter((comment) => comment.status === 'fixed').length,
    },
    {
      header: labels.columnResolved,
      criteria: [['I', formulaText(labels.commentStatuses.resolved)]],
      count: (comments) => comments.filter((comment) => comment.status === 'resolved').length,
    },
  ];
}

/** 台账: its columns and a row maker (the count columns are live COUNTIFS over 点评明细, shared when asked). */
function registerSheet(data: RegisterData, labels: ExportLabels, rule: OnTimeRule, sheetNames: SheetNames, sharedFormulas: boolean) {
  const documents = data.documents;
  const commentsLast = data.comments.length + 1;
  const commentRange = (column: string) => sheetRange(sheetNames.comments, column, 2, commentsLast);
  const countColumns = countColumnsFor(labels);
  const columns: StreamColumn[] = [
    { header: labels.columnIndex, numFmt: '0', centre: true, minWidth: 6 },
    { header: labels.columnDocumentKind, minWidth: 10 },
    { header: labels.title, maxWidth: 48 },
    { header: labels.columnManager, minWidth: 10 },
    { header: labels.columnRegion, minWidth: 10 },
    { header: labels.columnPeriod, minWidth: 10 },
    { header: labels.columnDocumentStatus, centre: true, minWidth: 8 },
    { header: labels.columnSubmittedAt, numFmt: TIME_FORMAT, minWidth: 17 },
    { header: labels.columnOnTime, centre: true, minWidth: 10 },
    { header: labels.columnGrade, centre: true, minWidth: 10 },
    { header: labels.columnMeeting, centre: true, minWidth: 10 },
    ...countColumns.map((column) => ({ header: column.header, numFmt: '0', minWidth: 9 })),
  ];
  // One pass over the comments (not one per document: 100,000 documents × 60,000 comments would take minutes).
  const byDocument = new Map<number, RegisterComment[]>();
  for (const comment of data.comments) {
    const list = byDocument.get(comment.document);
    if (list) list.push(comment);
    else byDocument.set(comment.document, [comment]);
  }
  const none: RegisterComment[] = [];
  const onTimeText = (value: boolean | null) => (value === null ? labels.notApplicable : value ? labels.yes : labels.no);
  // Each count column's formula around the row number: COUNTIFS('点评明细'!$B$2:$B$n,$A<row>,<criteria>).
  const countFormulas = countColumns.map((column) => {
    const criteria = column.criteria.map(([letter, criterion]) => `${commentRange(letter)},${criterion}`).join(',');
    return (row: number) => `COUNTIFS(${commentRange('B')},$A${row},${criteria})`;
  });
  const firstCountColumn = 11;
  const shared = sharedFormulas && documents.length > 1;
  const registerLastRow = documents.length + 1;
  const countCell = (columnIndex: number, row: number, result: number): StreamCell => {
    if (!shared) return { formula: countFormulas[columnIndex](row), result };
    if (row === 2) return { formula: countFormulas[columnIndex](row), result, sharedDownTo: registerLastRow };
    return { sharedFrom: `${columnLetter(firstCountColumn + columnIndex)}2`, result };
  };
  const row = (document: RegisterDocument, index: number): StreamCell[] => {
    const rowNumber = index + 2;
    const own = byDocument.get(index) ?? none;
    return [
      index + 1,
      labels.documentKinds[document.kind],
      document.title,
      document.author,
      document.region,
      document.period,
      labels.statuses[document.status],
      document.submittedAt ? officeWallClock(document.submittedAt, rule) : null,
      onTimeText(document.onTime),
      document.grade ?? '',
      document.meetingFlag && document.meetingFlag !== 'none' ? labels.meetingFlags[document.meetingFlag] : '',
      ...countColumns.map((column, columnIndex) => countCell(columnIndex, rowNumber, column.count(own))),
    ];
  };
  return { columns, row };
}

/** 点评明细: its columns and a row maker. */
function commentsSheet(data: RegisterData, labels: ExportLabels, rule: OnTimeRule) {
  const columns: StreamColumn[] = [
    { header: labels.columnIndex, numFmt: '0', centre: true, minWidth: 6 },
    { header: `${labels.columnDocument}${labels.columnIndex}`, numFmt: '0', centre: true, minWidth: 9 },
    { header: labels.columnDocument, maxWidth: 40 },
    { header: labels.columnSection, maxWidth: 24 },
    { header: labels.columnQuote, wrap: true, maxWidth: 40 },
    { header: labels.columnAuthor, minWidth: 8 },
    { header: labels.columnDate, numFmt: TIME_FORMAT, minWidth: 17 },
    { header: labels.columnKind, centre: true, minWidth: 8 },
    { header: labels.columnStatus, centre: true, minWidth: 8 },
    { header: labels.columnText, wrap: true, maxWidth: 50 },
    { header: labels.columnReplies, wrap: true, maxWidth: 50 },
  ];
  const row = (comment: RegisterComment, index: number): StreamCell[] => [
    index + 1,
    comment.document + 1,
    data.documents[comment.document]?.title ?? '',
    comment.section,
    comment.quote,
    comment.author,
    officeWallClock(comment.at, rule),
    labels.commentKinds[comment.kind],
    commentStatusLabel(labels, comment.kind, comment.status),
    comment.text,
    comment.replies.join('\n'),
  ];
  return { columns, row };
}

/** 统计: per manager, over the register (D = 客户经理, B = 类型, I = 按时提交, J = 评定等级), with a 合计 row. */
function statisticsSheet(data: RegisterData, labels: ExportLabels, sheetNames: SheetNames): { columns: StreamColumn[]; rows: StreamCell[][] } {
  const documents = data.documents;
  const registerLast = documents.length + 1;
  const registerRange = (column: string) => sheetRange(sheetNames.register, column, 2, registerLast);
  const kinds = documentKindOrder;
  const statColumns: StreamColumn[] = [
    { header: labels.columnManager, minWidth: 10 },
    ...kinds.map((kind) => ({ header: fillLabel(labels.kindCount, { kind: labels.documentKinds[kind] }), numFmt: '0', minWidth: 8 })),
    { header: labels.columnDocuments, numFmt: '0', minWidth: 8 },
    { header: labels.columnOnTimeCount, numFmt: '0', minWidth: 8 },
    { header: labels.columnLate, numFmt: '0', minWidth: 8 },
    { header: labels.columnOnTimeRate, numFmt: '0.0%', minWidth: 8 },
    ...data.grades.map((grade) => ({ header: fillLabel(labels.gradeCount, { grade }), numFmt: '0', minWidth: 8 })),
    { header: fillLabel(labels.gradeCount, { grade: labels.ungraded }), numFmt: '0', minWidth: 8 },
  ];
  const letter = (index: number) => columnLetter(index);
  const totalColumn = 1 + kinds.length;
  const onTimeColumn = totalColumn + 1;
  const lateColumn = totalColumn + 2;
  const rateColumn = totalColumn + 3;
  const firstGradeColumn = totalColumn + 4;
  const ungradedColumn = firstGradeColumn + data.grades.length;
  const rate = (onTime: number, late: number): string | number => (onTime + late === 0 ? '' : onTime / (onTime + late));
  const rateFormula = (row: number) =>
    `IF(${letter(onTimeColumn)}${row}+${letter(lateColumn)}${row}=0,"",${letter(onTimeColumn)}${row}/(${letter(onTimeColumn)}${row}+${letter(lateColumn)}${row}))`;

  const managers = [...data.managers];
  for (const document of documents) if (!managers.includes(document.author)) managers.push(document.author);
  const statRowsOut: StreamCell[][] = managers.map((manager, index) => {
    const row = index + 2;
    const own = documents.filter((document) => document.author === manager);
    const countIf = (criteria: [string, string][], result: number) => ({
      formula: `COUNTIFS(${registerRange('D')},$A${row},${criteria.map(([column, criterion]) => `${registerRange(column)},${criterion}`).join(',')})`,
      result,
    });
    const onTime = own.filter((document) => document.onTime === true).length;
    const late = own.filter((document) => document.onTime === false).length;
    const graded = data.grades.map((grade) => own.filter((document) => document.grade === grade).length);
    return [
      manager,
      ...kinds.map((kind) => countIf([['B', formulaText(labels.documentKinds[kind])]], own.filter((document) => document.kind === kind).length)),
      { formula: `SUM(${letter(1)}${row}:${letter(kinds.length)}${row})`, result: own.length },
      countIf([['I', formulaText(labels.yes)]], onTime),
      countIf([['I', formulaText(labels.no)]], late),
      { formula: rateFormula(row), result: rate(onTime, late) },
      ...data.grades.map((grade, gradeIndex) => countIf([['J', formulaText(grade)]], graded[gradeIndex])),
      {
        formula: `${letter(totalColumn)}${row}-SUM(${letter(firstGradeColumn)}${row}:${letter(ungradedColumn - 1)}${row})`,
        result: own.length - graded.reduce((sum, count) => sum + count, 0),
      },
    ];
  });
  // 合计: column sums, and the rate of the sums.
  const totalsRow = managers.length + 2;
  const sumOf = (column: number) => statRowsOut.reduce((sum, row) => sum + Number((row[column] as { result: number }).result || 0), 0);
  const totals: StreamCell[] = statColumns.map((_, column) => {
    if (column === 0) return labels.total;
    if (column === rateColumn) return { formula: rateFormula(totalsRow), result: rate(sumOf(onTimeColumn), sumOf(lateColumn)) };
    return { formula: `SUM(${letter(column)}2:${letter(column)}${Math.max(2, totalsRow - 1)})`, result: sumOf(column) };
  });
  statRowsOut.push(totals);
  return { columns: statColumns, rows: statRowsOut };
}

/**
 * The three sheets' rows, with every formula's cached result computed here. The 台账 and 点评明细 rows are made
 * one at a time as they are written (a register of 100,000 documents is never held as rows). The 台账's count
 * columns are shared formulas (one text per column) unless `sharedFormulas` is false.
 */
export function registerRows(data: RegisterData, sheetNames: SheetNames, options: { sharedFormulas?: boolean } = {}) {
  const labels = resolveLabels(data.labels);
  const rule = data.rule ?? defaultOnTimeRule;
  const register = registerSheet(data, labels, rule, sheetNames, options.sharedFormulas ?? true);
  const comments = commentsSheet(data, labels, rule);
  const statistics = statisticsSheet(data, labels, sheetNames);
  return {
    labels,
    register: { columns: register.columns, rows: { count: data.documents.length, rows: () => mapped(data.documents, register.row) } },
    comments: { columns: comments.columns, rows: { count: data.comments.length, rows: () => mapped(data.comments, comments.row) } },
    statistics,
  };
}

function* mapped<T>(items: readonly T[], row: (item: T, index: number) => StreamCell[]): Generator<StreamCell[]> {
  for (let index = 0; index < items.length; index += 1) yield row(items[index], index);
}

/** Build the 台账 workbook (streamed). `monitor` gets progress per row and may cancel between rows. */
export async function buildRegisterWorkbook(data: RegisterData, monitor: ExportMonitor = silentMonitor): Promise<Uint8Array> {
  const labels = resolveLabels(data.labels);
  const workbook = new StreamedWorkbook({ title: data.title, creator: data.creator });
  const names = {
    register: workbook.sheetName(labels.registerSheet, labels.defaultSheetName),
    comments: workbook.sheetName(labels.commentsSheet, labels.defaultSheetName),
    statistics: workbook.sheetName(labels.statisticsSheet, labels.defaultSheetName),
  };
  const sheets = registerRows(data, names);
  const total = sheets.register.rows.count + sheets.comments.rows.count + sheets.statistics.rows.length;
  // Printed pages: the header row repeats, the sheet's title heads every page and the page number ends it.
  const print = { pageFooter: labels.sheetFooter };
  await workbook.writeSheet(names.register, sheets.register.columns, sheets.register.rows, { monitor, offset: 0, total, message: names.register }, print);
  await workbook.writeSheet(names.comments, sheets.comments.columns, sheets.comments.rows, {
    monitor,
    offset: sheets.register.rows.count,
    total,
    message: names.comments,
  }, print);
  await workbook.writeSheet(names.statistics, sheets.statistics.columns, sheets.statistics.rows, {
    monitor,
    offset: sheets.register.rows.count + sheets.comments.rows.count,
    total,
    message: names.statistics,
  }, { ...print, footerRows: 1 });
  for (const extra of data.extraSheets ?? []) {
    await workbook.writeSheet(workbook.sheetName(extra.name, labels.defaultSheetName), extra.columns, extra.rows, undefined, { ...print, footerRows: extra.footerRows ?? 1 });
  }
  await monitor.checkpoint(total, total);
  return workbook.finish();
}
