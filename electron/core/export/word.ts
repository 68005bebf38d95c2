/**
 * Word (.docx) export of a report: GB/T 9704-2012 'official' layout or a 'plain' business layout,
 * with supervisors' comments as native Word comments and an optional 审阅记录 appendix.
 */
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  SectionType,
  LineRuleType,
  PageOrientation,
  Packer,
  type ICommentOptions,
} from 'docx';
import './docx-attributes';
import type { Report } from '../common/schemas/report';
import type { SectionDef } from '../common/schemas/template';
import { formatPeriod } from '../common/text/placeholders';
import { fillLabel, resolveLabels, type ExportLabels } from './labels';
import type { OfficeRanges } from './table-data';
import { textEm } from './table-fit';
import { formatDate, formatFieldValue, hasOutlineNumber, type OutlineLevel } from './text';
import { A4, layoutSpec, type LayoutSpec } from './word-layout';
import { DocxRenderer, paragraph, type BlockModel, type ParaModel, type Segment, type TableModel } from './word-model';
import { RichTextConverter, listNumbering } from './word-rich-text';
import { tableChartImages, type ChartImage } from '../insight/chart-image';
import { anchorComments, commentOptions, quoteOf } from './word-comments';
import { documentStyles, pageFooters, SINGLE_SPACING } from './word-page';
import { dataTable, smallTableSize, textTable as textTableModel } from './word-tables';
import type {
  DocumentBlockOptions,
  ExportComment,
  SectionModel,
  TextTable,
  WordDocumentPart,
  WordExportOptions,
  WordStyleOptions,
} from './word-types';

export type { WordLayout } from './word-layout';
export type {
  CommentAnchor,
  DocumentBlockOptions,
  DocumentSignature,
  ExportComment,
  ReviewSummary,
  TextTable,
  WordDocumentPart,
  WordExportOptions,
  WordStyleOptions,
} from './word-types';

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
      dataTable(this, this.officeRanges, report, def, model);
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
    const caption = paragraph([{ text: chart.title, matchable: false }], { font: this.spec.fonts.body, size: smallTableSize(this.spec) }, {
      alignment: AlignmentType.CENTER,
      spacing: { ...SINGLE_SPACING, after: 120 },
      indent: { firstLine: 0 },
    });
    return chart.title ? [picture, caption] : [picture];
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
        quoteOf(this.labels, comment, sections),
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

  /** A table of plain texts with a repeated, shaded (plain layout) header row and auto-fitted columns. */
  textTable(table: TextTable, size = smallTableSize(this.spec), name = ''): TableModel {
    return textTableModel(this.spec, this.labels, table, size, name);
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
    anchorComments(comments, firstId, title, sections);
    this.commentEntries.push(...commentOptions(this, comments, firstId));

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
      styles: documentStyles(this.spec),
      numbering: listNumbering(),
      evenAndOddHeaderAndFooters: spec.alternatingFooter,
      // A justified line that ends in a hard line break is not stretched across the page.
      compatibility: { doNotExpandShiftReturn: true },
      ...(this.commentEntries.length > 0 ? { comments: { children: this.commentEntries } } : {}),
      sections: groups.map((group, index) => {
        const footers = pageFooters(this.spec, this.labels, group.landscape);
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
