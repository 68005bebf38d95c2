/**
 * The meeting pack (会议材料): the documents a supervisor brings to a 工作例会, in one Word file — a cover
 * (meeting, date, organiser), a contents list grouped by 会上表扬 / 会上讲评, a summary table, then every
 * document with its comments as native Word comments and its 审阅意见 (grade, reason, overall comment and
 * the list of comments) — and the same selection as an Excel summary.
 */
import { AlignmentType } from 'docx';
import type { MeetingFlag } from '../common/schemas/review';
import { tableRows } from './table-data';
import { fillLabel, resolveLabels, type ExportLabels } from './labels';
import { defaultOnTimeRule, officeWallClock, type OnTimeRule } from '../calendar/on-time';
import { silentMonitor, type ExportMonitor } from './progress';
import { chineseNumeral, displayWidth, formatDate } from './text';
import { WordComposer, withCharts, type ExportComment, type WordDocumentPart, type WordStyleOptions } from './word';
import type { BlockModel } from './word-model';
import { StreamedWorkbook, sheetRange, type StreamCell, type StreamColumn } from './xlsx-stream';

export interface MeetingPackDocument extends WordDocumentPart {
  /** 会上表扬 / 会上讲评 / none (a document chosen by hand). */
  meetingFlag: MeetingFlag;
}

export interface MeetingPackOptions extends WordStyleOptions {
  meetingName: string;
  /** `YYYY-MM-DD`. */
  meetingDate: string;
  organiser: string;
  /** The office (设置 → 单位名称), above the meeting name on the cover. */
  officeName?: string;
  documents: MeetingPackDocument[];
  /** The office's clock for comment times in the Excel summary. */
  rule?: OnTimeRule;
}

/** Praise first, then critique, then the rest; the order the contents and the pack follow. */
export const meetingFlagOrder: MeetingFlag[] = ['praise', 'critique', 'none'];

function materialNumber(labels: ExportLabels, index: number): string {
  return fillLabel(labels.materialNumber, { n: index + 1, cn: chineseNumeral(index + 1) });
}

function titleOf(part: WordDocumentPart, labels: ExportLabels): string {
  return part.report.title.trim() || part.template.name.trim() || labels.untitled;
}

function flagText(flag: MeetingFlag, labels: ExportLabels): string {
  return flag === 'none' ? '' : labels.meetingFlags[flag];
}

/** What a comment points at, as text: the quote, the table cell, the section or the whole document. */
export function commentTarget(comment: ExportComment, part: WordDocumentPart, labels: ExportLabels): { section: string; quote: string } {
  const section = part.template.sections.find((candidate) => candidate.id === comment.sectionId);
  const anchor = comment.anchor;
  if (anchor.kind === 'document' || !section) return { section: labels.wholeDocument, quote: labels.wholeDocument };
  if (anchor.kind === 'text') return { section: section.title, quote: anchor.quote };
  if (anchor.kind === 'section') return { section: section.title, quote: labels.wholeSection };
  const rows = tableRows(part.report, section);
  const rowIndex = rows.findIndex((row) => row.id === anchor.rowId);
  const textColumn = section.table?.columns.find((column) => column.type === 'text');
  const first = rowIndex >= 0 && textColumn ? rows[rowIndex].cells[textColumn.key] : null;
  const row = typeof first === 'string' && first.trim() ? first.trim() : fillLabel(labels.rowNumber, { n: rowIndex >= 0 ? rowIndex + 1 : '?' });
  const column = section.table?.columns.find((candidate) => candidate.key === anchor.columnKey)?.label ?? anchor.columnKey;
  return { section: section.title, quote: fillLabel(labels.cellAnchor, { row, column }) };
}

/** The pack's documents in meeting order: praise, critique, others; otherwise as given. */
export function orderForMeeting<T extends { meetingFlag: MeetingFlag }>(documents: T[]): T[] {
  return meetingFlagOrder.flatMap((flag) => documents.filter((document) => document.meetingFlag === flag));
}

function coverAndContents(composer: WordComposer, options: MeetingPackOptions, documents: MeetingPackDocument[]): BlockModel[] {
  const { labels, spec } = composer;
  const blocks: BlockModel[] = [];
  const official = spec.layout === 'official';
  if (options.officeName?.trim()) {
    blocks.push(composer.centredLine(options.officeName.trim(), { font: 'heading1', size: official ? 32 : 28, spaceBefore: 2400 }));
  }
  blocks.push(
    composer.centredLine(options.meetingName.trim(), { font: 'title', spaceBefore: options.officeName?.trim() ? 1200 : 3600, spaceAfter: 480 }),
    composer.centredLine(labels.meetingPack, { font: 'heading2', size: official ? 36 : 32, spaceAfter: 3600 }),
    composer.centredLine(`${labels.meetingDate}${labels.fieldSeparator}${formatDate(options.meetingDate, labels)}`, { spaceAfter: 240 }),
  );
  if (options.organiser.trim()) {
    blocks.push(composer.centredLine(`${labels.organiser}${labels.fieldSeparator}${options.organiser.trim()}`));
  }

  // Contents, grouped by what the meeting does with each document.
  blocks.push(composer.centredLine(labels.contents, { font: 'heading1', spaceAfter: 240, pageBreakBefore: true }));
  let groupNumber = 0;
  for (const flag of meetingFlagOrder) {
    const group = documents.map((document, index) => ({ document, index })).filter(({ document }) => document.meetingFlag === flag);
    if (group.length === 0) continue;
    groupNumber += 1;
    blocks.push(composer.heading(1, flag === 'none' ? labels.otherDocuments : labels.meetingFlags[flag], groupNumber));
    for (const { document, index } of group) {
      const details = [document.report.authorName.trim(), document.reviewSummary?.grade?.trim() ?? ''].filter(Boolean).join(labels.detailsSeparator);
      const number = materialNumber(labels, index);
      const line = fillLabel(labels.contentsLine, { number, title: titleOf(document, labels), details });
      // A hanging indent keeps wrapped titles clear of the 材料一 column.
      const hanging = Math.round((displayWidth(`${number}${labels.kickerSeparator}`) / 2) * spec.size.body * 10);
      blocks.push(
        composer.bodyParagraph([{ text: details ? line : line.replace(/[（(]\s*[）)]$/, ''), matchable: false }], {
          alignment: AlignmentType.LEFT,
          indent: { left: spec.firstLineIndent + hanging, hanging },
        }),
      );
    }
  }

  // The summary table.
  blocks.push(composer.centredLine(labels.summaryTable, { font: 'heading1', spaceBefore: 480, spaceAfter: 240 }));
  blocks.push(
    composer.textTable({
      // The title says the kind and the period; the columns that stay are short and kept on one line.
      headers: [labels.columnIndex, labels.columnDocument, labels.columnManager, labels.columnRegion, labels.columnGrade, labels.columnMeeting, labels.columnCommentCount],
      rows: documents.map((document, index) => [
        String(index + 1),
        titleOf(document, labels),
        document.report.authorName,
        document.report.region,
        document.reviewSummary?.grade ?? '',
        flagText(document.meetingFlag, labels),
        String(document.comments?.length ?? 0),
      ]),
      numericColumns: [0, 6],
      noWrapColumns: [2, 3, 4, 5],
    }),
  );
  return blocks;
}

/** Build the meeting pack .docx. `monitor` gets progress per document and may cancel between documents. */
export async function buildMeetingPack(options: MeetingPackOptions, monitor: ExportMonitor = silentMonitor): Promise<Uint8Array> {
  const composer = new WordComposer({ utcOffsetMinutes: options.rule?.utcOffsetMinutes, ...options });
  const { labels } = composer;
  const documents = options.documents;
  const total = documents.length + 1;
  const blocks = coverAndContents(composer, options, documents);
  for (const [index, document] of documents.entries()) {
    await monitor.checkpoint(index, total, titleOf(document, labels));
    const kicker = [materialNumber(labels, index), flagText(document.meetingFlag, labels), document.reviewSummary?.grade ?? '']
      .filter((part) => part.trim())
      .join(labels.kickerSeparator);
    blocks.push(...composer.document(await withCharts(document), { pageBreakBefore: true, kicker, review: 'inline', reviewHeading: labels.meetingReview }));
  }
  await monitor.checkpoint(documents.length, total, labels.meetingPack);
  const bytes = await composer.render(blocks, { title: options.meetingName.trim(), creator: options.organiser.trim(), coverPage: true });
  await monitor.checkpoint(total, total);
  return bytes;
}

/**
 * The meeting pack's Excel summary: 材料汇总 (one row per document, with grade, reason, overall comment and
 * a live count of its comments) and 点评明细 (every comment with its thread).
 */
export async function buildMeetingSummaryWorkbook(options: MeetingPackOptions, monitor: ExportMonitor = silentMonitor): Promise<Uint8Array> {
  const labels = resolveLabels(options.labels);
  const rule = options.rule ?? defaultOnTimeRule;
  const documents = options.documents;
  const workbook = new StreamedWorkbook({ title: options.meetingName, creator: options.organiser });
  const summaryName = workbook.sheetName(labels.summarySheet, labels.defaultSheetName);
  const commentsName = workbook.sheetName(labels.commentsSheet, labels.defaultSheetName);

  const comments = documents.flatMap((document, index) => (document.comments ?? []).map((comment) => ({ comment, document, index })));
  const commentColumns: StreamColumn[] = [
    { header: labels.columnIndex, numFmt: '0', centre: true, minWidth: 6 },
    { header: `${labels.columnDocument}${labels.columnIndex}`, numFmt: '0', centre: true, minWidth: 9 },
    { header: labels.columnDocument, maxWidth: 40 },
    { header: labels.columnSection, maxWidth: 24 },
    { header: labels.columnQuote, wrap: true, maxWidth: 40 },
    { header: labels.columnAuthor, minWidth: 8 },
    { header: labels.columnDate, numFmt: 'yyyy-mm-dd hh:mm', minWidth: 17 },
    { header: labels.columnKind, centre: true, minWidth: 8 },
    { header: labels.columnStatus, centre: true, minWidth: 8 },
    { header: labels.columnText, wrap: true, maxWidth: 50 },
    { header: labels.columnReplies, wrap: true, maxWidth: 50 },
  ];
  const commentRows: StreamCell[][] = comments.map(({ comment, document, index }, position) => {
    const target = commentTarget(comment, document, labels);
    return [
      position + 1,
      index + 1,
      titleOf(document, labels),
      target.section,
      target.quote,
      comment.author,
      officeWallClock(comment.date, rule),
      comment.kindLabel,
      comment.statusLabel ?? '',
      comment.text,
      comment.replies
        .map((reply) => fillLabel(labels.commentReply, { author: reply.author, date: formatDate(reply.date, labels, false, rule.utcOffsetMinutes), text: reply.text }))
        .join('\n'),
    ];
  });

  const summaryColumns: StreamColumn[] = [
    { header: labels.columnIndex, numFmt: '0', centre: true, minWidth: 6 },
    { header: labels.columnDocument, maxWidth: 44 },
    { header: labels.columnDocumentKind, minWidth: 10 },
    { header: labels.columnManager, minWidth: 10 },
    { header: labels.columnRegion, minWidth: 10 },
    { header: labels.columnPeriod, minWidth: 10 },
    { header: labels.columnDocumentStatus, centre: true, minWidth: 8 },
    { header: labels.columnGrade, centre: true, minWidth: 10 },
    { header: labels.columnMeeting, centre: true, minWidth: 10 },
    { header: labels.columnReason, wrap: true, maxWidth: 40 },
    { header: labels.columnOverall, wrap: true, maxWidth: 40 },
    { header: labels.columnCommentCount, numFmt: '0', minWidth: 9 },
  ];
  const lastComment = comments.length + 1;
  const summaryRows: StreamCell[][] = documents.map((document, index) => [
    index + 1,
    titleOf(document, labels),
    labels.documentKinds[document.report.kind],
    document.report.authorName,
    document.report.region,
    document.report.period,
    labels.statuses[document.report.status],
    document.reviewSummary?.grade ?? '',
    flagText(document.meetingFlag, labels),
    document.reviewSummary?.reason ?? '',
    document.reviewSummary?.overall ?? '',
    { formula: `COUNTIF(${sheetRange(commentsName, 'B', 2, lastComment)},$A${index + 2})`, result: document.comments?.length ?? 0 },
  ]);

  const total = summaryRows.length + commentRows.length;
  const print = { pageFooter: labels.sheetFooter };
  await workbook.writeSheet(summaryName, summaryColumns, summaryRows, { monitor, offset: 0, total, message: summaryName }, print);
  await workbook.writeSheet(commentsName, commentColumns, commentRows, { monitor, offset: summaryRows.length, total, message: commentsName }, print);
  await monitor.checkpoint(total, total);
  return workbook.finish();
}
