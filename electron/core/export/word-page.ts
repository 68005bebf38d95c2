/**
 * The page furniture of a Word export: page numbers (GB/T 9704's outer-side numbers on odd and even pages, set
 * turned on landscape pages), the footers that hold them, and the document's default and heading styles.
 */
import {
  AlignmentType,
  BorderStyle,
  Footer,
  HeightRule,
  LineRuleType,
  PageNumber,
  Paragraph,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  TextDirection,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IStylesOptions,
} from 'docx';
import { runFonts } from './fonts';
import type { ExportLabels } from './labels';
import type { OutlineLevel } from './text';
import { A4, mmToTwip, type LayoutSpec } from './word-layout';
import { offGrid } from './word-model';

/** Single line spacing, for text that must not inherit the official layout's exact 28.9 pt lines. */
export const SINGLE_SPACING = { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 };

function pageNumberParagraph(
  spec: LayoutSpec,
  labels: ExportLabels,
  alignment: (typeof AlignmentType)[keyof typeof AlignmentType],
  indent: { left?: number; right?: number },
): Paragraph {
  const pattern = spec.layout === 'official' ? labels.officialPageNumber : labels.plainPageNumber;
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
function landscapePageNumber(spec: LayoutSpec, labels: ExportLabels, odd: boolean): Table {
  const portrait = spec.margin;
  const oneCharacter = spec.size.footer * 10;
  const thickness = mmToTwip(8);
  const length = mmToTwip(50);
  // Portrait distance from the bottom edge → landscape distance from the left edge.
  // (LibreOffice sets the vertical line about 2 mm left of the cell, so the number lands 24 mm in, as in portrait.)
  const x = portrait.footer + mmToTwip(1.4);
  const y = odd ? A4.width - portrait.right - oneCharacter - length : portrait.left + oneCharacter;
  const number = pageNumberParagraph(spec, labels, odd ? AlignmentType.RIGHT : AlignmentType.LEFT, {});
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

/** The page-number footers of a page group (odd/even in the official layout, turned on landscape pages). */
export function pageFooters(spec: LayoutSpec, labels: ExportLabels, landscape = false): { default: Footer; even?: Footer } {
  if (!spec.alternatingFooter) return { default: new Footer({ children: [pageNumberParagraph(spec, labels, AlignmentType.CENTER, {})] }) };
  if (landscape) {
    const empty = () => new Paragraph({ spacing: SINGLE_SPACING, children: [] });
    return {
      default: new Footer({ children: [landscapePageNumber(spec, labels, true), empty()] }),
      even: new Footer({ children: [landscapePageNumber(spec, labels, false), empty()] }),
    };
  }
  // One character of 4号 (14 pt) in from the edge of the text block: odd pages right, even pages left.
  const oneCharacter = spec.size.footer * 10;
  return {
    default: new Footer({ children: [pageNumberParagraph(spec, labels, AlignmentType.RIGHT, { right: oneCharacter })] }),
    even: new Footer({ children: [pageNumberParagraph(spec, labels, AlignmentType.LEFT, { left: oneCharacter })] }),
  };
}

/** The document's default and heading styles for the layout. */
export function documentStyles(spec: LayoutSpec): IStylesOptions {
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
