/**
 * The shapes a Word export is given (documents, comments, review summaries, style options) and the section
 * model the composer builds, shared by the composer (word.ts) and its parts.
 */
import type { ChartImage } from '../insight/chart-image';
import type { Report } from '../common/schemas/report';
import type { SectionDef, Template } from '../common/schemas/template';
import type { FontSettingsInput } from './fonts';
import type { ExportLabels } from './labels';
import type { OfficeRanges, PreparedTable } from './table-data';
import type { WordLayout } from './word-layout';
import type { BlockModel, ParaModel } from './word-model';

/** Where a comment sits in the document. */
export type CommentAnchor =
  /** `prefix` / `suffix`: text just before and after the quote when it was made, to pick among repeats. */
  | { kind: 'text'; quote: string; prefix?: string; suffix?: string }
  | { kind: 'section' }
  | { kind: 'cell'; rowId: string; columnKey: string }
  | { kind: 'document' };

/** A supervisor's comment (点评) with its thread, as the exporter needs it. */
export interface ExportComment {
  id: string;
  sectionId: string;
  anchor: CommentAnchor;
  author: string;
  initials?: string;
  /** ISO timestamp. */
  date: string;
  /** 表扬 / 问题 / 建议 / 备注 … */
  kindLabel: string;
  text: string;
  replies: { author: string; date: string; text: string }[];
  /** e.g. 待整改 / 已整改. */
  statusLabel?: string;
}

export interface ReviewSummary {
  grade?: string;
  reason?: string;
  meetingFlag?: string;
  overall?: string;
  reviewer?: string;
  /** ISO timestamp or date. */
  reviewedAt?: string;
  /** The decision: 通过 or 退回 (with `reviewedAt` as its time). */
  outcome?: 'approve' | 'return';
}

/** The 落款 at the end of a document: who wrote it (unit and name) and the date. */
export interface DocumentSignature {
  /** The unit (片区, 部门 or the office); the document's 片区 by default. */
  unit?: string;
  /** The author; the document's author by default. */
  author?: string;
  /** `YYYY-MM-DD` or an ISO timestamp; by default the submission time, a daily document's day, else the last change. */
  date?: string;
}

/** Page layout, fonts and wording shared by every document in one Word file. */
export interface WordStyleOptions {
  layout: WordLayout;
  /** The user's font settings (设置); GB/T 9704 names when left out. */
  fonts?: FontSettingsInput;
  labels?: Partial<ExportLabels>;
  /** Times are written at this many minutes east of UTC (the office's clock); the computer's zone when left out. */
  utcOffsetMinutes?: number;
  /** The office's ranges stated under the tables (the 存销比 合理区间 of 设置). */
  officeRanges?: OfficeRanges;
}

/** One report as it goes into a Word file, with its comments and review outcome. */
export interface WordDocumentPart {
  report: Report;
  template: Template;
  comments?: ExportComment[];
  reviewSummary?: ReviewSummary;
  /**
   * Charts under data tables, by section id; by default drawn from the template's `table.chart`
   * (core/insight/chart-image.ts); `false` for none.
   */
  charts?: Record<string, ChartImage> | false;
  /** The 落款; `false` for none. */
  signature?: DocumentSignature | false;
}

export interface WordExportOptions extends WordStyleOptions, WordDocumentPart {
  /** Append a 审阅记录 page: the review summary and a table of every comment. */
  includeReviewAppendix?: boolean;
}

/** How a document's review record is added after its text. */
export interface DocumentBlockOptions {
  /** `page`: on a page of its own (审阅记录); `inline`: straight after the text; absent: none. */
  review?: 'page' | 'inline';
  /** Heading of the review block; the labels' reviewAppendix by default. */
  reviewHeading?: string;
  /** Start the document on a new page. */
  pageBreakBefore?: boolean;
  /** A line above the title (e.g. 材料一 · 会上表扬 · 优秀), in the level-1 heading font. */
  kicker?: string;
}

/** A plain-text table for the composer: header texts and rows of cell texts. */
export interface TextTable {
  headers: string[];
  rows: string[][];
  /** Columns aligned right and kept on one line (numbers, 序号). */
  numericColumns?: number[];
  /** Columns kept on one line (short names, dates), so long titles take the wrapping. */
  noWrapColumns?: number[];
}

/** A section of a document as built: its heading, blocks, and the paragraph of each table cell (for comments). */
export interface SectionModel {
  def: SectionDef;
  heading: ParaModel;
  blocks: BlockModel[];
  /** Paragraph of each table cell, by `rowId \0 columnKey`. */
  cells: Map<string, ParaModel>;
  prepared?: PreparedTable;
}

export const cellKey = (rowId: string, columnKey: string): string => `${rowId}\u0000${columnKey}`;
