/**
 * Word (.docx) export of a report: GB/T 9704-2012 'official' layout or a 'plain' business layout,
 * with supervisors' comments as native Word comments and an optional 审阅记录 appendix.
 */
import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  TextDirection,
  VerticalAlignTable,
  WidthType,
  Document,
  DocumentGridType,
  Footer,
  SectionType,
  LineRuleType,
  PageNumber,
  PageOrientation,
  Packer,
  Paragraph,
  TextRun,
  type ICommentOptions,
  type IStylesOptions,
} from 'docx';
import './docx-attributes';
import type { Report } from '../common/schemas/report';
import type { SectionDef, Template } from '../common/schemas/template';
import { formatPeriod } from '../common/text/placeholders';
import { runFonts, type FontSettingsInput } from './fonts';
import { fillLabel, resolveLabels, type ExportLabels } from './labels';
import { isNumericColumnType, prepareTable, tableNotes, tableRows, type OfficeRanges, type PreparedTable } from './table-data';
import { fitTable, textEm, type FitColumn, type FittedTable } from './table-fit';
import { formatDate, formatFieldValue, hasOutlineNumber, type OutlineLevel } from './text';
import { A4, layoutSpec, mmToTwip, type LayoutSpec, type WordLayout } from './word-layout';
import {
  DocxRenderer,
  anchorWhole,
  matchableText,
  offGrid,
  paragraph,
  paragraphsOf,
  type BlockModel,
  type CellModel,
  type ParaModel,
  type Segment,
  type TableModel,
} from './word-model';
import { RichTextConverter, listNumbering } from './word-rich-text';
import { tableChartImages, type ChartImage } from '../insight/chart-image';

export type { WordLayout } from './word-layout';

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

interface SectionModel {
  def: SectionDef;
  heading: ParaModel;
  blocks: BlockModel[];
  /** Paragraph of each table cell, by `rowId \0 columnKey`. */
  cells: Map<string, ParaModel>;
  prepared?: PreparedTable;
}

const cellKey = (rowId: string, columnKey: string): string => `${rowId}\u0000${columnKey}`;

/** Left (and right) cell margin in twips: 1.4 mm, 0.7 mm in tables of 小五 and smaller. */
const cellMargin = (size: number): number => (size > 18 ? 80 : 40);

/** Single line spacing, for text that must not inherit the official layout's exact 28.9 pt lines. */
const SINGLE_SPACING = { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 };

/**
 * Builds Word files out of documents and free blocks (a meeting pack's cover, contents, summary table).
 * Content is collected as paragraph/table models, comments get ids unique within the file, and
 * `render` turns everything into one .docx with the layout's page setup, styles and footers.
 */
export class WordComposer {
  readonly labels: ExportLabels;
  readonly spec: LayoutSpec;
  private readonly rich: RichTextConverter;
  private listInstances = 0;
  private readonly commentEntries: ICommentOptions[] = [];
  private readonly utcOffsetMinutes: number | undefined;
  private readonly officeRanges: OfficeRanges | undefined;

  constructor(style: WordStyleOptions) {
    this.utcOffsetMinutes = style.utcOffsetMinutes;
    this.officeRanges = style.officeRanges;
    this.labels = resolveLabels(style.labels);
    this.spec = layoutSpec(style.layout, style.fonts);
    this.rich = new RichTextConverter(this.spec, () => ++this.listInstances);
  }

  /** A date (and time) on the office's clock. */
  date(value: string, withTime = false): string {
    return formatDate(value, this.labels, withTime, this.utcOffsetMinutes);
  }

  /** Number of Word comments collected so far. */
  get commentCount(): number {
    return this.commentEntries.length;
  }

  /** A justified body paragraph with the first-line indent (3号 仿宋 in the official layout). */
  bodyParagraph(segments: Segment[], extra: ParaModel['options'] = {}): ParaModel {
    const { spec } = this;
    return paragraph(
      segments,
      { font: spec.fonts.body, size: spec.size.body, scale: spec.characterScale },
      {
        alignment: AlignmentType.JUSTIFIED,
        spacing: { ...spec.bodySpacing, before: 0, after: 0 },
        indent: { firstLine: spec.firstLineIndent },
        ...extra,
      },
    );
  }

  /** `label：value` with only the value open to comments. */
  labelLine(label: string, value: string): ParaModel {
    const segments: Segment[] = [{ text: `${label}${this.labels.fieldSeparator}`, matchable: false }];
    value.split(/\r?\n/).forEach((line, index) => {
      if (index > 0) segments.push({ text: '', lineBreak: true, matchable: true });
      if (line) segments.push({ text: line, matchable: true });
    });
    return this.bodyParagraph(segments);
  }

  private title(part: WordDocumentPart): ParaModel {
    const { report, template } = part;
    const text = report.title.trim() || template.name.trim() || this.labels.untitled;
    const { spec } = this;
    return paragraph(
      [{ text, matchable: true }],
      { font: spec.fonts.title, size: spec.size.title },
      {
        alignment: AlignmentType.CENTER,
        keepNext: true,
        spacing: { line: spec.titleSpacing.line, lineRule: spec.titleSpacing.lineRule, before: 0, after: spec.titleSpacing.after },
      },
    );
  }

  /** 报告期, 片区, 客户经理, then the template's metadata fields (retailer fields of a booklet…); blanks left out. */
  private metadata(part: WordDocumentPart): ParaModel[] {
    const { report, template } = part;
    const entries: [string, string][] = [
      [this.labels.period, formatPeriod(report.period.trim())],
      [this.labels.region, report.region.trim()],
      [this.labels.author, report.authorName.trim()],
    ];
    for (const field of template.metadataFields) {
      const value = formatFieldValue(field, report.metadata[field.key]);
      const existing = entries.find(([label]) => label === field.label);
      if (existing) {
        if (!existing[1]) existing[1] = value;
      } else {
        entries.push([field.label, value]);
      }
    }
    return entries.filter(([, value]) => value !== '').map(([label, value]) => this.labelLine(label, value));
  }

  private tableParagraph(text: string, size: number, options: { header?: boolean; numeric?: boolean; bold?: boolean }): ParaModel {
    const { spec } = this;
    const official = spec.layout === 'official';
    const font = options.header && official ? spec.fonts.heading1 : spec.fonts.body;
    const segments: Segment[] = [];
    text.split(/\r?\n/).forEach((line, index) => {
      if (index > 0) segments.push({ text: '', lineBreak: true, matchable: true });
      if (line) segments.push({ text: line, matchable: true });
    });
    return paragraph(
      segments,
      { font, size, bold: options.bold || (options.header && !official) },
      {
        alignment: options.header ? AlignmentType.CENTER : options.numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
        spacing: official
          ? { line: Math.round(size * 10 * 1.35), lineRule: LineRuleType.EXACT, before: 0, after: 0 }
          : SINGLE_SPACING,
        indent: { firstLine: 0, left: 0 },
      },
    );
  }

  /**
   * Font size, orientation and column widths of a table (see table-fit.ts): the preferred size first,
   * stepping down through the layout's table sizes, then a landscape page.
   */
  private fit(columns: FitColumn[], preferred: number, tableName: string): FittedTable {
    const { spec } = this;
    const sizes = [preferred, ...spec.tableSizes.filter((size) => size < preferred)];
    return fitTable(columns, {
      portraitWidth: spec.textWidth,
      landscapeWidth: spec.landscape.textWidth,
      sizes,
      cellPadding: (size) => 2 * cellMargin(size),
      tableName,
      tooWideMessage: this.labels.tableTooWide,
    });
  }

  private dataTable(report: Report, section: SectionDef, model: SectionModel): void {
    const table = section.table;
    if (!table) return;
    const prepared = prepareTable(table, tableRows(report, section), this.labels);
    model.prepared = prepared;
    const fitColumns: FitColumn[] = prepared.columns.map((column, index) => ({
      header: prepared.headers[index],
      texts: [...prepared.rows.map((row) => row.cells[column.key].text), ...(prepared.totals ? [prepared.totals[column.key].text] : [])],
      kind: isNumericColumnType(column.type) ? 'number' : 'text',
    }));
    const preferred = this.spec.tableSize(prepared.columns.length);
    const whole = this.fit(fitColumns, preferred, section.title);
    // Too wide even for a landscape page at the smallest size: rather than wrapping numbers, the columns go
    // into parts (续表), each repeating the first column, as printed statistics do.
    const parts = whole.squeezed ? this.columnParts(fitColumns, preferred, section.title) : [{ columns: prepared.columns.map((_, index) => index), fitted: whole }];
    const plain = this.spec.layout === 'plain';
    parts.forEach((part, partIndex) => {
      const size = part.fitted.size;
      const columns = part.columns.map((index) => prepared.columns[index]);
      if (partIndex > 0) {
        model.blocks.push(
          paragraph([{ text: fillLabel(this.labels.continuedTable, { title: section.title.trim() }), matchable: false }], { font: this.spec.fonts.heading1, size: this.smallTableSize }, {
            alignment: AlignmentType.CENTER,
            keepNext: true,
            spacing: { ...SINGLE_SPACING, before: 120 },
            indent: { firstLine: 0 },
          }),
        );
      }
      const rows: CellModel[][] = [part.columns.map((index) => ({ paragraphs: [this.tableParagraph(prepared.headers[index], size, { header: true })], shaded: plain }))];
      for (const row of prepared.rows) {
        rows.push(
          columns.map((column) => {
            const cellParagraph = this.tableParagraph(row.cells[column.key].text, size, { numeric: isNumericColumnType(column.type) });
            if (!model.cells.has(cellKey(row.id, column.key))) model.cells.set(cellKey(row.id, column.key), cellParagraph);
            return { paragraphs: [cellParagraph] };
          }),
        );
      }
      if (prepared.totals) {
        const totals = prepared.totals;
        rows.push(
          columns.map((column, index) => ({
            paragraphs: [this.tableParagraph(totals[column.key].text, size, { numeric: index > 0 && isNumericColumnType(column.type), bold: plain })],
          })),
        );
      }
      model.blocks.push({
        kind: 'table',
        headerRows: 1,
        rows,
        columnWidths: part.fitted.widths,
        cellMargin: cellMargin(size),
        ...(part.fitted.landscape ? { landscape: true } : {}),
      });
    });
    for (const note of tableNotes(prepared, this.labels, this.officeRanges)) {
      const legend = paragraph([{ text: note, matchable: false }], { font: this.spec.fonts.body, size: this.smallTableSize }, {
        alignment: AlignmentType.LEFT,
        spacing: SINGLE_SPACING,
        indent: { firstLine: 0 },
      });
      legend.tableNote = true;
      model.blocks.push(legend);
    }
    if (prepared.rows.length === 0) {
      model.blocks.push(this.bodyParagraph([{ text: this.labels.noData, matchable: false }], { alignment: AlignmentType.CENTER, indent: { firstLine: 0 } }));
    }
  }

  /**
   * Column parts of a table too wide for a landscape page: the first column and as many of the next as fit
   * without wrapping a number, then the first column again with the following ones, and so on.
   */
  private columnParts(columns: FitColumn[], preferred: number, name: string): { columns: number[]; fitted: FittedTable }[] {
    const parts: { columns: number[]; fitted: FittedTable }[] = [];
    let current: number[] = [0];
    let fitted = this.fit([columns[0]], preferred, name);
    for (let index = 1; index < columns.length; index += 1) {
      const candidate = [...current, index];
      const attempt = this.fit(candidate.map((column) => columns[column]), preferred, name);
      if (!attempt.squeezed || current.length === 1) {
        current = candidate;
        fitted = attempt;
        continue;
      }
      parts.push({ columns: current, fitted });
      current = [0, index];
      fitted = this.fit(current.map((column) => columns[column]), preferred, name);
    }
    parts.push({ columns: current, fitted });
    return parts;
  }

  /** A table's title (表1 主要经济指标): centred above the table in the level-1 heading font, not an outline heading. */
  private tableTitle(text: string): ParaModel {
    const { spec } = this;
    return paragraph(
      [{ text, matchable: true }],
      { font: spec.fonts.heading1, size: spec.size.body, scale: spec.characterScale },
      {
        alignment: AlignmentType.CENTER,
        keepNext: true,
        spacing: { ...spec.bodySpacing, before: 0, after: 0 },
        indent: { firstLine: 0, left: 0 },
      },
    );
  }

  private section(report: Report, def: SectionDef, number: number | undefined, chart?: ChartImage): SectionModel {
    this.rich.resetHeadings();
    const heading = isTableTitle(def) ? this.tableTitle(def.title.trim()) : this.rich.heading(1, def.title, number);
    const model: SectionModel = { def, heading, blocks: [], cells: new Map() };
    const content = report.sections[def.id];
    if (def.kind === 'table') {
      this.dataTable(report, def, model);
      if (chart) model.blocks.push(...this.chartBlocks(chart));
    } else if (def.kind === 'fields' && def.fields) {
      const values = content?.type === 'fields' ? content.values : {};
      for (const field of def.fields) model.blocks.push(this.labelLine(field.label, formatFieldValue(field, values[field.key])));
    } else if (content?.type === 'richtext') {
      model.blocks.push(...this.rich.convert(content.doc));
    }
    return model;
  }

  /** A table's chart: the picture centred under the table, scaled to the text width, and its caption. */
  private chartBlocks(chart: ChartImage): ParaModel[] {
    const maxWidth = Math.floor((this.spec.textWidth / 1440) * 96);
    const factor = Math.min(1, maxWidth / chart.width);
    const picture = paragraph([], { font: this.spec.fonts.body, size: this.spec.size.body }, {
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { ...SINGLE_SPACING, before: 120 },
      indent: { firstLine: 0 },
    });
    picture.image = {
      svg: chart.svg,
      png: chart.png,
      width: Math.round(chart.width * factor),
      height: Math.round(chart.height * factor),
      altText: chart.title,
    };
    const caption = paragraph([{ text: chart.title, matchable: false }], { font: this.spec.fonts.body, size: this.smallTableSize }, {
      alignment: AlignmentType.CENTER,
      spacing: { ...SINGLE_SPACING, after: 120 },
      indent: { firstLine: 0 },
    });
    return chart.title ? [picture, caption] : [picture];
  }

  /** Put each comment's range into the paragraph it belongs to. */
  private anchorComments(comments: ExportComment[], firstId: number, title: ParaModel, sections: SectionModel[]): void {
    comments.forEach((comment, index) => {
      const id = firstId + index;
      const section = sections.find((candidate) => candidate.def.id === comment.sectionId);
      const anchor = comment.anchor;
      if (anchor.kind === 'document' || !section) {
        anchorWhole(title, id);
        return;
      }
      if (anchor.kind === 'cell') {
        const cell = section.cells.get(cellKey(anchor.rowId, anchor.columnKey));
        anchorWhole(cell ?? section.heading, id);
        return;
      }
      if (anchor.kind === 'text') {
        const found = this.findQuote(section.blocks, anchor.quote, anchor.prefix, anchor.suffix);
        if (found) {
          found.paragraph.anchors.push({ id, start: found.start, end: found.start + anchor.quote.trim().length });
          return;
        }
      }
      anchorWhole(section.heading, id);
    });
  }

  /**
   * Where a quoted passage is in a section: its first occurrence, or, when the comment remembers the
   * text around the quote, the occurrence whose surroundings match it best.
   */
  private findQuote(blocks: BlockModel[], rawQuote: string, prefix = '', suffix = ''): { paragraph: ParaModel; start: number } | undefined {
    const quote = rawQuote.trim();
    if (!quote) return undefined;
    let best: { paragraph: ParaModel; start: number; score: number } | undefined;
    for (const candidate of paragraphsOf(blocks)) {
      const text = matchableText(candidate);
      for (let start = text.indexOf(quote); start >= 0; start = text.indexOf(quote, start + 1)) {
        const before = text.slice(0, start);
        const after = text.slice(start + quote.length);
        let score = 0;
        while (score < prefix.length && score < before.length && prefix[prefix.length - 1 - score] === before[before.length - 1 - score]) score += 1;
        let matched = 0;
        while (matched < suffix.length && matched < after.length && suffix[matched] === after[matched]) matched += 1;
        score += matched;
        if (!best || score > best.score) best = { paragraph: candidate, start, score };
      }
    }
    return best;
  }

  private commentParagraphs(comment: ExportComment): Paragraph[] {
    const renderer = new DocxRenderer(this.spec.fonts.latin);
    const run = { font: this.spec.fonts.body, size: this.spec.size.comment };
    const lines = [
      ...fillLabel(this.labels.commentBody, { kind: comment.kindLabel, text: comment.text }).split(/\r?\n/),
      ...comment.replies.flatMap((reply) =>
        fillLabel(this.labels.commentReply, { author: reply.author, date: this.date(reply.date), text: reply.text }).split(/\r?\n/),
      ),
    ];
    return lines.map((line) => renderer.paragraph(paragraph([{ text: line, matchable: false }], run, { spacing: SINGLE_SPACING })));
  }

  private commentOptions(comments: ExportComment[], firstId: number): ICommentOptions[] {
    return comments.map((comment, index) => {
      const id = firstId + index;
      const date = new Date(comment.date);
      const author = comment.author.trim();
      return {
        id,
        author,
        initials: comment.initials?.trim() || Array.from(author)[0] || '',
        ...(Number.isNaN(date.getTime()) ? {} : { date }),
        children: this.commentParagraphs(comment),
      };
    });
  }

  private quoteOf(comment: ExportComment, sections: SectionModel[]): string {
    const anchor = comment.anchor;
    const section = sections.find((candidate) => candidate.def.id === comment.sectionId);
    switch (anchor.kind) {
      case 'text':
        return anchor.quote;
      case 'section':
        return this.labels.wholeSection;
      case 'document':
        return this.labels.wholeDocument;
      case 'cell': {
        const prepared = section?.prepared;
        const column = prepared?.columns.find((candidate) => candidate.key === anchor.columnKey);
        const rowIndex = prepared?.rows.findIndex((row) => row.id === anchor.rowId) ?? -1;
        const row = rowIndex >= 0 ? prepared?.rows[rowIndex] : undefined;
        const textColumn = prepared?.columns.find((candidate) => candidate.type === 'text');
        const rowLabel =
          (row && textColumn ? row.cells[textColumn.key].text : '') ||
          fillLabel(this.labels.rowNumber, { n: rowIndex >= 0 ? rowIndex + 1 : '?' });
        return fillLabel(this.labels.cellAnchor, { row: rowLabel, column: column?.label ?? anchor.columnKey });
      }
    }
  }

  private appendix(part: WordDocumentPart, comments: ExportComment[], sections: SectionModel[], options: DocumentBlockOptions): BlockModel[] {
    const { labels } = this;
    const summary = part.reviewSummary ?? {};
    const heading = this.rich.heading(1, options.reviewHeading ?? labels.reviewAppendix);
    heading.options = {
      ...heading.options,
      ...(options.review === 'page' ? { pageBreakBefore: true, alignment: AlignmentType.CENTER, indent: { firstLine: 0 } } : {}),
    };
    const blocks: BlockModel[] = [heading];
    const outcome = summary.outcome
      ? summary.reviewedAt
        ? fillLabel(labels.reviewOutcomeLine, { outcome: labels.reviewOutcomes[summary.outcome], date: this.date(summary.reviewedAt, true) })
        : labels.reviewOutcomes[summary.outcome]
      : undefined;
    const lines: [string, string | undefined][] = [
      [labels.reviewOutcome, outcome],
      [labels.grade, summary.grade],
      [labels.reason, summary.reason],
      [labels.meetingFlag, summary.meetingFlag],
      [labels.overall, summary.overall],
      [labels.reviewer, summary.reviewer],
      [labels.reviewedAt, !outcome && summary.reviewedAt ? this.date(summary.reviewedAt, true) : undefined],
    ];
    for (const [label, value] of lines) if (value?.trim()) blocks.push(this.labelLine(label, value.trim()));

    this.rich.resetHeadings();
    blocks.push(this.rich.heading(2, labels.commentDetails));
    if (comments.length === 0) {
      blocks.push(this.bodyParagraph([{ text: labels.noComments, matchable: false }]));
      return blocks;
    }
    const headers = [
      labels.columnIndex,
      labels.columnSection,
      labels.columnQuote,
      labels.columnKind,
      labels.columnAuthor,
      labels.columnDate,
      labels.columnText,
      labels.columnStatus,
    ];
    const rows: string[][] = comments.map((comment, index) => {
      const section = sections.find((candidate) => candidate.def.id === comment.sectionId);
      const text = [
        comment.text,
        ...comment.replies.map((reply) =>
          fillLabel(labels.commentReply, { author: reply.author, date: this.date(reply.date), text: reply.text }),
        ),
      ].join('\n');
      return [
        String(index + 1),
        section && comment.anchor.kind !== 'document' ? section.def.title : labels.wholeDocument,
        this.quoteOf(comment, sections),
        comment.kindLabel,
        comment.author,
        this.date(comment.date, true),
        text,
        comment.statusLabel ?? '',
      ];
    });
    blocks.push(this.textTable({ headers, rows, numericColumns: [0] }));
    return blocks;
  }

  /** Text size of small tables (comment lists, summaries): 五号 in the official layout, 小五 in the plain one. */
  private get smallTableSize(): number {
    return this.spec.layout === 'official' ? 21 : 18;
  }

  /** A table of plain texts with a repeated, shaded (plain layout) header row and auto-fitted columns. */
  textTable(table: TextTable, size = this.smallTableSize, name = ''): TableModel {
    const { spec } = this;
    const numeric = new Set(table.numericColumns ?? []);
    const noWrap = new Set(table.noWrapColumns ?? []);
    const fitted = this.fit(
      table.headers.map((header, column) => ({
        header,
        texts: table.rows.map((row) => row[column] ?? ''),
        kind: numeric.has(column) ? 'number' : 'text',
        noWrap: noWrap.has(column),
      })),
      size,
      name || table.headers.join('、'),
    );
    return {
      kind: 'table',
      headerRows: 1,
      columnWidths: fitted.widths,
      cellMargin: cellMargin(fitted.size),
      ...(fitted.landscape ? { landscape: true } : {}),
      rows: [
        table.headers.map((header) => ({ paragraphs: [this.tableParagraph(header, fitted.size, { header: true })], shaded: spec.layout === 'plain' })),
        ...table.rows.map((row) =>
          table.headers.map((_, column) => ({ paragraphs: [this.tableParagraph(row[column] ?? '', fitted.size, { numeric: numeric.has(column) })] })),
        ),
      ],
    };
  }

  /** A level-1 (一、 黑体) or level-2 (（一） 楷体) heading; `number` adds the outline number. */
  heading(level: OutlineLevel, text: string, number?: number): ParaModel {
    return this.rich.heading(level, text, number);
  }

  /** A centred line in one of the layout's fonts, e.g. a cover's title and date lines. */
  centredLine(
    text: string,
    options: { font?: 'title' | 'body' | 'heading1' | 'heading2'; size?: number; spaceBefore?: number; spaceAfter?: number; pageBreakBefore?: boolean } = {},
  ): ParaModel {
    const { spec } = this;
    const font = spec.fonts[options.font ?? 'body'];
    const size = options.size ?? (options.font === 'title' ? spec.size.title : spec.size.body);
    return paragraph(
      [{ text, matchable: false }],
      { font, size },
      {
        alignment: AlignmentType.CENTER,
        spacing: { line: Math.max(240, size * 10 * 1.5), lineRule: LineRuleType.AT_LEAST, before: options.spaceBefore ?? 0, after: options.spaceAfter ?? 0 },
        indent: { firstLine: 0 },
        ...(options.pageBreakBefore ? { pageBreakBefore: true } : {}),
      },
    );
  }

  /**
   * The blocks of one report: an optional kicker line, the title, metadata, every section, then (when asked)
   * the review record; its comments are anchored on the passages they quote and collected for `render`.
   */
  document(part: WordDocumentPart, options: DocumentBlockOptions = {}): BlockModel[] {
    const comments = part.comments ?? [];
    const firstId = this.commentEntries.length;
    const title = this.title(part);
    const metadata = this.metadata(part);
    const numberSections = !part.template.sections.some((section) => hasOutlineNumber(section.title));
    let outlineNumber = 0;
    // Charts are drawn beforehand (asynchronously, by `withCharts`); none here means none.
    const charts = part.charts || {};
    // Table titles (表1 …) take no outline number.
    const sections = part.template.sections.map((def) =>
      this.section(part.report, def, numberSections && !isTableTitle(def) ? ++outlineNumber : undefined, charts[def.id]),
    );
    this.anchorComments(comments, firstId, title, sections);
    this.commentEntries.push(...this.commentOptions(comments, firstId));

    const blocks: BlockModel[] = [];
    if (options.kicker) {
      const kicker = this.centredLine(options.kicker, { font: 'heading1', spaceAfter: 120 });
      kicker.options = { ...kicker.options, alignment: AlignmentType.LEFT, keepNext: true };
      blocks.push(kicker);
    }
    blocks.push(title, ...metadata);
    if (options.pageBreakBefore) {
      const first = blocks[0] as ParaModel;
      first.options = { ...first.options, pageBreakBefore: true };
    }
    for (const section of sections) blocks.push(section.heading, ...section.blocks);
    if (part.signature !== false) blocks.push(...this.signature(part));
    if (options.review) blocks.push(...this.appendix(part, comments, sections, options));
    return blocks;
  }

  /**
   * The 落款 (GB/T 9704 §7.3.5): the unit and author above the date, right-aligned; in the 公文 layout the
   * date is four characters in from the right edge and the signature centred over it, after one blank line.
   */
  private signature(part: WordDocumentPart): ParaModel[] {
    const { report } = part;
    const given = part.signature || {};
    const unit = (given.unit ?? report.region).trim();
    const author = (given.author ?? report.authorName).trim();
    const rawDate = given.date ?? report.review?.submittedAt ?? (/^\d{4}-\d{2}-\d{2}$/.test(report.period.trim()) ? report.period.trim() : report.updatedAt);
    const date = rawDate ? this.date(rawDate) : '';
    const signed = [unit, author].filter(Boolean).join('\u3000');
    if (!signed && !date) return [];
    const { spec } = this;
    const official = spec.layout === 'official';
    const pitch = spec.grid ? spec.textWidth / spec.grid.charactersPerLine : spec.size.body * 10;
    const dateIndent = official ? Math.round(4 * pitch) : 0;
    const centred = official && signed && date ? Math.max(0, Math.round(dateIndent + ((textEm(date) - textEm(signed)) / 2) * pitch)) : dateIndent;
    const line = (text: string, right: number, first: boolean): ParaModel =>
      this.bodyParagraph([{ text, matchable: false }], {
        alignment: AlignmentType.RIGHT,
        indent: { firstLine: 0, right },
        ...(first ? { spacing: { ...spec.bodySpacing, before: official ? spec.bodySpacing.line : 240, after: 0 }, keepNext: true } : {}),
      });
    const lines: ParaModel[] = [];
    if (signed) lines.push(line(signed, centred, true));
    if (date) lines.push(line(date, dateIndent, lines.length === 0));
    return lines;
  }

  private pageNumberParagraph(alignment: (typeof AlignmentType)[keyof typeof AlignmentType], indent: { left?: number; right?: number }): Paragraph {
    const { spec } = this;
    const pattern = spec.layout === 'official' ? this.labels.officialPageNumber : this.labels.plainPageNumber;
    const font = runFonts(spec.fonts.pageNumber, spec.layout === 'official' ? spec.fonts.pageNumber : spec.fonts.latin);
    const children: TextRun[] = [];
    for (const part of pattern.split(/(\{page\}|\{pages\})/)) {
      if (!part) continue;
      if (part === '{page}' || part === '{pages}') {
        children.push(new TextRun({ children: [part === '{page}' ? PageNumber.CURRENT : PageNumber.TOTAL_PAGES], font, size: spec.size.footer }));
      } else {
        children.push(new TextRun({ text: part, font, size: spec.size.footer }));
      }
    }
    const footer = new Paragraph({ alignment, indent, spacing: SINGLE_SPACING, children });
    return spec.grid ? offGrid(footer) : footer;
  }

  /**
   * The page number of a landscape page where the portrait pages have it (GB/T 9704 §8): the landscape page is
   * read turned with its top to the binding side, so the portrait foot is its left edge. The number is set
   * top to bottom (tbRl) in a floating one-cell table anchored to the page: on odd pages it ends one character
   * above the foot of the text block's outer side (the portrait right), on even pages it starts one character
   * below the binding side's text edge (the portrait left).
   */
  private landscapePageNumber(odd: boolean): Table {
    const { spec } = this;
    const portrait = spec.margin;
    const oneCharacter = spec.size.footer * 10;
    const thickness = mmToTwip(8);
    const length = mmToTwip(50);
    // Portrait distance from the bottom edge → landscape distance from the left edge.
    // (LibreOffice sets the vertical line about 2 mm left of the cell, so the number lands 24 mm in, as in portrait.)
    const x = portrait.footer + mmToTwip(1.4);
    const y = odd ? A4.width - portrait.right - oneCharacter - length : portrait.left + oneCharacter;
    const number = this.pageNumberParagraph(odd ? AlignmentType.RIGHT : AlignmentType.LEFT, {});
    const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
    return new Table({
      float: {
        horizontalAnchor: TableAnchorType.PAGE,
        verticalAnchor: TableAnchorType.PAGE,
        absoluteHorizontalPosition: x,
        absoluteVerticalPosition: y,
      },
      width: { size: thickness, type: WidthType.DXA },
      columnWidths: [thickness],
      layout: TableLayoutType.FIXED,
      borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
      rows: [
        new TableRow({
          height: { value: length, rule: HeightRule.EXACT },
          children: [
            new TableCell({
              width: { size: thickness, type: WidthType.DXA },
              textDirection: TextDirection.TOP_TO_BOTTOM_RIGHT_TO_LEFT,
              verticalAlign: VerticalAlignTable.CENTER,
              margins: { top: 0, bottom: 0, left: 0, right: 0 },
              children: [number],
            }),
          ],
        }),
      ],
    });
  }

  private footers(landscape = false): { default: Footer; even?: Footer } {
    const { spec } = this;
    if (!spec.alternatingFooter) return { default: new Footer({ children: [this.pageNumberParagraph(AlignmentType.CENTER, {})] }) };
    if (landscape) {
      const empty = () => new Paragraph({ spacing: SINGLE_SPACING, children: [] });
      return {
        default: new Footer({ children: [this.landscapePageNumber(true), empty()] }),
        even: new Footer({ children: [this.landscapePageNumber(false), empty()] }),
      };
    }
    // One character of 4号 (14 pt) in from the edge of the text block: odd pages right, even pages left.
    const oneCharacter = spec.size.footer * 10;
    return {
      default: new Footer({ children: [this.pageNumberParagraph(AlignmentType.RIGHT, { right: oneCharacter })] }),
      even: new Footer({ children: [this.pageNumberParagraph(AlignmentType.LEFT, { left: oneCharacter })] }),
    };
  }

  private styles(): IStylesOptions {
    const { spec } = this;
    const latin = spec.fonts.latin;
    const heading = (level: OutlineLevel) => ({
      run: {
        font: runFonts(spec.headingFont(level), latin),
        size: spec.size.heading[level],
        bold: spec.headingBold(level),
        italics: false,
        color: '000000',
      },
      paragraph: { spacing: { before: spec.headingSpacing.before, after: spec.headingSpacing.after } },
    });
    return {
      default: {
        document: {
          run: { font: runFonts(spec.fonts.body, latin), size: spec.size.body },
          paragraph: { spacing: { ...spec.bodySpacing, before: 0, after: 0 } },
        },
        heading1: heading(1),
        heading2: heading(2),
        heading3: heading(3),
        heading4: heading(4),
      },
      // Normal carries the body font and size itself: the document grid's character pitch is relative to
      // Normal's size, and LibreOffice reads it from the style (not the document defaults), else 12 pt.
      paragraphStyles: [
        {
          id: 'Normal',
          name: 'Normal',
          quickFormat: true,
          run: { font: runFonts(spec.fonts.body, latin), size: spec.size.body },
          paragraph: { spacing: { ...spec.bodySpacing, before: 0, after: 0 } },
        },
      ],
    };
  }

  /**
   * The .docx of the given blocks with every comment collected by `document`. `coverPage` leaves the first
   * page without a page number (a meeting pack's cover).
   */
  async render(blocks: BlockModel[], meta: { title: string; creator: string; coverPage?: boolean }): Promise<Uint8Array> {
    const { spec } = this;
    const all = [...blocks];
    // Word wants a paragraph after a table that ends the document.
    if (all[all.length - 1]?.kind === 'table') all.push(this.bodyParagraph([]));

    const renderer = new DocxRenderer(spec.fonts.latin, spec.grid ? spec.size.body : undefined);
    const groups = pageGroups(all);
    const document = new Document({
      title: meta.title,
      creator: meta.creator,
      styles: this.styles(),
      numbering: listNumbering(),
      evenAndOddHeaderAndFooters: spec.alternatingFooter,
      // A justified line that ends in a hard line break is not stretched across the page.
      compatibility: { doNotExpandShiftReturn: true },
      ...(this.commentEntries.length > 0 ? { comments: { children: this.commentEntries } } : {}),
      sections: groups.map((group, index) => {
        const footers = this.footers(group.landscape);
        const first = index === 0 && meta.coverPage;
        return {
          properties: {
            ...(index > 0 ? { type: SectionType.NEXT_PAGE } : {}),
            ...(first ? { titlePage: true } : {}),
            page: group.landscape
              ? { size: { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE }, margin: spec.landscape.margin }
              : { size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT }, margin: spec.margin },
            ...(spec.grid ? { grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: spec.grid.linePitch, charSpace: spec.grid.charSpace } } : {}),
          },
          footers: first ? { ...footers, first: new Footer({ children: [] }) } : footers,
          children: group.blocks.map((block, position) => {
            // A new section already starts a new page.
            if (index > 0 && position === 0 && block.kind === 'paragraph' && block.options.pageBreakBefore) {
              return renderer.block({ ...block, options: { ...block.options, pageBreakBefore: false } });
            }
            return renderer.block(block);
          }),
        };
      }),
    });
    return new Uint8Array(await Packer.toArrayBuffer(document));
  }
}

/** A table section titled as a table (表1 …, 表 2 …): its title goes centred above the table, not as a heading. */
export function isTableTitle(def: Pick<SectionDef, 'kind' | 'title'>): boolean {
  return def.kind === 'table' && /^表\s*[0-9一二三四五六七八九十]+/u.test(def.title.trim());
}

/**
 * Blocks split into runs of pages: a landscape table goes on landscape pages of its own, together with the
 * heading or caption that leads into it (paragraphs kept with the next); the text goes on in portrait after it.
 */
function pageGroups(blocks: BlockModel[]): { landscape: boolean; blocks: BlockModel[] }[] {
  const groups: { landscape: boolean; blocks: BlockModel[] }[] = [{ landscape: false, blocks: [] }];
  for (const block of blocks) {
    const current = groups[groups.length - 1];
    // A table's note stays with the table, on its landscape page too.
    const landscape = block.kind === 'table' ? block.landscape === true : block.tableNote === true && current.landscape;
    if (landscape === current.landscape) {
      current.blocks.push(block);
      continue;
    }
    if (landscape) {
      const leading: BlockModel[] = [];
      while (current.blocks.length > 0) {
        const last = current.blocks[current.blocks.length - 1];
        if (last.kind !== 'paragraph' || !last.options.keepNext || last.image) break;
        leading.unshift(current.blocks.pop() as BlockModel);
      }
      if (current.blocks.length === 0 && groups.length > 1) groups.pop();
      groups.push({ landscape: true, blocks: [...leading, block] });
    } else {
      groups.push({ landscape: false, blocks: [block] });
    }
  }
  // Word wants a paragraph after a table that ends a section.
  return groups.filter((group) => group.blocks.length > 0);
}

/** The part with its tables' charts drawn, unless the caller gave them or asked for none (`charts: false`). */
export async function withCharts<T extends WordDocumentPart>(part: T): Promise<T> {
  return part.charts === undefined ? { ...part, charts: await tableChartImages(part.report, part.template) } : part;
}

/** Build a .docx of a report; see WordExportOptions. */
export async function buildWordDocument(options: WordExportOptions): Promise<Uint8Array> {
  const composer = new WordComposer(options);
  const blocks = composer.document(await withCharts(options), options.includeReviewAppendix ? { review: 'page' } : {});
  const title = (blocks[0] as ParaModel).segments.map((segment) => segment.text).join('');
  return composer.render(blocks, { title, creator: options.report.authorName });
}
