/**
 * An intermediate model of the Word document's paragraphs and tables. Content is first built as
 * plain data so that comments can be anchored on a passage (its runs split around the quote) before
 * anything is turned into docx objects.
 */
import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  ImageRun,
  OnOffElement,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
import { runFonts } from './fonts';

export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  strike?: boolean;
  /** East Asian font of this run instead of the paragraph's (a run-in 楷体 heading in a body paragraph). */
  font?: string;
}

/** A piece of a paragraph's text with one style; `lineBreak` is a hard line break (one character, '\n'). */
export interface Segment {
  text: string;
  style?: RunStyle;
  lineBreak?: boolean;
  /** False for text the exporter adds (outline numbers, list prefixes): comments never anchor there. */
  matchable: boolean;
}

/** A comment range over the paragraph's matchable text, [start, end) in UTF-16 units. */
export interface Anchor {
  id: number;
  start: number;
  end: number;
}

export interface ParaModel {
  kind: 'paragraph';
  segments: Segment[];
  options: Omit<IParagraphOptions, 'children' | 'text'>;
  /** Run settings of every run: East Asian font, size in half-points, bold, horizontal scale (percent). */
  run: { font: string; size: number; bold?: boolean; scale?: number };
  anchors: Anchor[];
  /** A table's note (legend): it stays on the table's page, landscape or not. */
  tableNote?: boolean;
  /** A picture (a table's chart) as the paragraph's only content: SVG with its PNG for programs without SVG. */
  image?: { svg: Uint8Array; png: Uint8Array; width: number; height: number; altText: string };
}

export interface CellModel {
  paragraphs: ParaModel[];
  shaded?: boolean;
}

export interface TableModel {
  kind: 'table';
  /** Twips; they add up to the text width. */
  columnWidths: number[];
  headerRows: number;
  rows: CellModel[][];
  /** Left and right margin of every cell, twips (80 when left out). */
  cellMargin?: number;
  /** On a landscape page of its own (a table too wide for the portrait page). */
  landscape?: boolean;
}

export type BlockModel = ParaModel | TableModel;

export function paragraph(
  segments: Segment[],
  run: ParaModel['run'],
  options: ParaModel['options'] = {},
): ParaModel {
  return { kind: 'paragraph', segments, run, options, anchors: [] };
}

/** Text of a paragraph as comments see it: matchable segments only, a line break as '\n'. */
export function matchableText(model: ParaModel): string {
  return model.segments
    .filter((segment) => segment.matchable)
    .map((segment) => (segment.lineBreak ? '\n' : segment.text))
    .join('');
}

/** Every paragraph of some blocks, table cells included, in reading order. */
export function* paragraphsOf(blocks: BlockModel[]): Generator<ParaModel> {
  for (const block of blocks) {
    if (block.kind === 'paragraph') yield block;
    else for (const row of block.rows) for (const cell of row) yield* cell.paragraphs;
  }
}

/** Anchor a comment on the whole matchable text of a paragraph. */
export function anchorWhole(model: ParaModel, id: number): void {
  model.anchors.push({ id, start: 0, end: matchableText(model).length });
}

/**
 * Take a paragraph off the document grid (`w:snapToGrid w:val="0"`, which docx cannot write): text that is
 * not 3号 body text (titles, table cells, footers) keeps its own pitch instead of a whole number of grid cells.
 */
export function offGrid(paragraph: Paragraph): Paragraph {
  const properties = (paragraph as unknown as { properties?: { root: unknown[] } }).properties;
  if (!properties) return paragraph;
  const root = properties.root;
  // CT_PPrBase order: snapToGrid comes right before spacing, ind, jc …
  const later = new Set(['w:spacing', 'w:ind', 'w:contextualSpacing', 'w:mirrorIndents', 'w:suppressOverlap', 'w:jc', 'w:textDirection', 'w:textAlignment', 'w:textboxTightWrap', 'w:outlineLvl', 'w:divId', 'w:cnfStyle', 'w:rPr', 'w:sectPr', 'w:pPrChange']);
  const index = root.findIndex((child) => later.has((child as { rootKey?: string }).rootKey ?? ''));
  const element = new OnOffElement('w:snapToGrid', false);
  if (index < 0) root.push(element);
  else root.splice(index, 0, element);
  return paragraph;
}

/** Tables of up to this many rows (header included) are kept on one page. */
const KEEP_TOGETHER_ROWS = 12;

/**
 * Renders models to docx objects; `latin` is the font of ASCII letters and digits. With `gridSize` (the
 * document grid's text size), paragraphs of any other size are taken off the grid.
 */
export class DocxRenderer {
  constructor(
    private readonly latin: string,
    private readonly gridSize?: number,
  ) {}

  private placed(model: ParaModel, paragraph: Paragraph): Paragraph {
    return this.gridSize !== undefined && model.run.size !== this.gridSize ? offGrid(paragraph) : paragraph;
  }

  private run(model: ParaModel, options: { text?: string; style?: RunStyle; lineBreak?: boolean; reference?: number }): TextRun {
    const style = options.style ?? {};
    return new TextRun({
      ...(options.text !== undefined && !options.lineBreak ? { text: options.text } : {}),
      ...(options.lineBreak ? { break: 1 } : {}),
      ...(options.reference !== undefined ? { children: [new CommentReference(options.reference)] } : {}),
      font: runFonts(style.font ?? model.run.font, this.latin),
      size: model.run.size,
      ...(model.run.scale && model.run.scale !== 100 ? { scale: model.run.scale } : {}),
      ...(model.run.bold || style.bold ? { bold: true } : {}),
      ...(style.italics ? { italics: true } : {}),
      ...(style.underline ? { underline: {} } : {}),
      ...(style.strike ? { strike: true } : {}),
    });
  }

  paragraph(model: ParaModel): Paragraph {
    if (model.image) {
      const { svg, png, width, height, altText } = model.image;
      const image = new ImageRun({
        type: 'svg',
        data: svg,
        fallback: { type: 'png', data: png },
        transformation: { width, height },
        altText: { name: altText, description: altText, title: altText },
      });
      return this.placed(model, new Paragraph({ ...model.options, children: [image] }));
    }
    const children: ParagraphChild[] = [];
    const startsAt = new Map<number, number[]>();
    const endsAt = new Map<number, number[]>();
    for (const anchor of model.anchors) {
      const end = Math.max(anchor.start, anchor.end);
      startsAt.set(anchor.start, [...(startsAt.get(anchor.start) ?? []), anchor.id]);
      endsAt.set(end, [...(endsAt.get(end) ?? []), anchor.id]);
    }
    const started = new Set<number>();
    const ended = new Set<number>();
    const flushEnds = (position: number): void => {
      for (const id of endsAt.get(position) ?? []) {
        // A range can only end after it started (empty ranges start and end at the same place).
        if (ended.has(id) || !started.has(id)) continue;
        ended.add(id);
        children.push(new CommentRangeEnd(id), this.run(model, { reference: id }));
      }
    };
    const flushStarts = (position: number): void => {
      for (const id of startsAt.get(position) ?? []) {
        if (started.has(id)) continue;
        started.add(id);
        children.push(new CommentRangeStart(id));
      }
    };

    let position = 0;
    for (const segment of model.segments) {
      if (!segment.matchable) {
        if (segment.text || segment.lineBreak) children.push(this.run(model, segment));
        continue;
      }
      const length = segment.lineBreak ? 1 : segment.text.length;
      if (length === 0) continue;
      const segmentStart = position;
      const segmentEnd = position + length;
      flushEnds(segmentStart);
      flushStarts(segmentStart);
      if (segment.lineBreak) {
        children.push(this.run(model, segment));
      } else {
        // Cut the segment wherever a comment starts or ends inside it.
        const cuts = [...new Set([...startsAt.keys(), ...endsAt.keys()])]
          .filter((cut) => cut > segmentStart && cut < segmentEnd)
          .sort((a, b) => a - b);
        let from = segmentStart;
        for (const cut of [...cuts, segmentEnd]) {
          children.push(this.run(model, { text: segment.text.slice(from - segmentStart, cut - segmentStart), style: segment.style }));
          if (cut < segmentEnd) {
            flushEnds(cut);
            flushStarts(cut);
          }
          from = cut;
        }
      }
      position = segmentEnd;
    }
    // Ranges at the very end, and ranges over an empty paragraph (an empty table cell).
    flushEnds(position);
    for (const anchor of model.anchors) {
      if (!started.has(anchor.id)) {
        started.add(anchor.id);
        children.push(new CommentRangeStart(anchor.id));
      }
    }
    for (const anchor of model.anchors) {
      if (!ended.has(anchor.id)) {
        ended.add(anchor.id);
        children.push(new CommentRangeEnd(anchor.id), this.run(model, { reference: anchor.id }));
      }
    }
    // w:overflowPunct is Word's own default for Chinese text; written out because LibreOffice reads its
    // absence as "hang punctuation past a line's end" and then leaves a hanging "，" or "。" off the page
    // (and out of the PDF's text).
    return this.placed(model, new Paragraph({ overflowPunctuation: true, ...model.options, children }));
  }

  table(model: TableModel): Table {
    // A short table is kept on one page (every row kept with the next): besides reading better, this avoids
    // LibreOffice losing a last unsplittable row that has to move to a new page under a repeated header.
    const keepTogether = model.rows.length <= KEEP_TOGETHER_ROWS;
    const lastRow = model.rows.length - 1;
    return new Table({
      width: { size: model.columnWidths.reduce((sum, width) => sum + width, 0), type: WidthType.DXA },
      columnWidths: model.columnWidths,
      layout: TableLayoutType.FIXED,
      alignment: AlignmentType.CENTER,
      rows: model.rows.map(
        (row, rowIndex) =>
          new TableRow({
            ...(rowIndex < model.headerRows ? { tableHeader: true } : {}),
            cantSplit: true,
            children: row.map(
              (cell, columnIndex) =>
                new TableCell({
                  width: { size: model.columnWidths[columnIndex] ?? 0, type: WidthType.DXA },
                  verticalAlign: VerticalAlignTable.CENTER,
                  margins: { top: 40, bottom: 40, left: model.cellMargin ?? 80, right: model.cellMargin ?? 80 },
                  ...(cell.shaded ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F2F2F2' } } : {}),
                  children: cell.paragraphs.map((paragraphModel) =>
                    this.paragraph(keepTogether && rowIndex < lastRow ? { ...paragraphModel, options: { ...paragraphModel.options, keepNext: true } } : paragraphModel),
                  ),
                }),
            ),
          }),
      ),
    });
  }

  block(model: BlockModel): Paragraph | Table {
    return model.kind === 'paragraph' ? this.paragraph(model) : this.table(model);
  }
}
