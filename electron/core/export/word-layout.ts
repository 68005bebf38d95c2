/**
 * Page and type settings of the two Word layouts.
 *
 * 'official' follows GB/T 9704-2012: A4, margins top 37 mm / left 28 mm / right 26 mm / bottom 35 mm
 * (a 156 × 225 mm text block), 22 lines of 28 characters, body 3号 (16 pt) 仿宋, title 2号 (22 pt)
 * 小标宋, headings 3号, page numbers 4号 (14 pt) 宋体.
 * 'plain' is an ordinary business document: Word's Chinese default margins, 小四 宋体, 1.5 line spacing.
 */
import { LineRuleType } from 'docx';
import { resolveFonts, resolvePlainFonts, type FontSet, type FontSettingsInput } from './fonts';
import type { OutlineLevel } from './text';

export type WordLayout = 'official' | 'plain';

/** Millimetres to twips, rounded (docx's convertMillimetersToTwip truncates). */
export function mmToTwip(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

export const A4 = { width: 11906, height: 16838 } as const;

export interface LineSpacing {
  line: number;
  lineRule: (typeof LineRuleType)[keyof typeof LineRuleType];
}

export interface LayoutSpec {
  layout: WordLayout;
  fonts: FontSet;
  margin: { top: number; right: number; bottom: number; left: number; header: number; footer: number };
  /** Width of the text block in twips. */
  textWidth: number;
  /**
   * Document grid, `linesAndChars` (official layout only): as Word's own 公文 templates, 22 lines of 28 characters;
   * `charSpace` (4096ths of a point added to the 3号 character) makes the pitch 156 mm / 28 ≈ 15.79 pt.
   */
  grid?: { linePitch: number; charSpace: number; charactersPerLine: number };
  /**
   * Horizontal scale (percent) of text set on the grid. LibreOffice gives a character wider than the grid
   * pitch two grid cells (14 characters a line); at 98 % a 3号 character (15.68 pt) takes one cell in
   * every program. This replaces the negative character spacing once used for 28 characters a line, with
   * which LibreOffice lost a full-width mark that fell at the end of a full line (a "，" or "。" missing
   * from the page and from the PDF's text).
   */
  characterScale?: number;
  /** Sizes in half-points, as docx writes them. */
  size: { title: number; body: number; heading: Record<OutlineLevel, number>; footer: number; comment: number };
  /** Table text size by number of columns. */
  tableSize: (columnCount: number) => number;
  /** Table text sizes to step down through when a table does not fit (half-points, largest first). */
  tableSizes: number[];
  /** A landscape page for tables too wide for the portrait one: the same margins turned with the page. */
  landscape: { margin: LayoutSpec['margin']; textWidth: number };
  headingFont: (level: OutlineLevel) => string;
  headingBold: (level: OutlineLevel) => boolean;
  titleSpacing: LineSpacing & { after: number };
  bodySpacing: LineSpacing;
  headingSpacing: LineSpacing & { before: number; after: number };
  /** First-line indent of body paragraphs: two characters. */
  firstLineIndent: number;
  /** Whether headings are indented like body text (公文 practice). */
  indentHeadings: boolean;
  /** Lists as literal 1. （1） prefixes instead of Word numbering. */
  literalLists: boolean;
  /** Centre the plain footer; the official one alternates right/left. */
  alternatingFooter: boolean;
}

/** The grid's charSpace (4096ths of a point) that makes `charactersPerLine` characters of `points` fill the text width. */
function charSpaceFor(textWidth: number, charactersPerLine: number, points: number): number {
  const pitchPoints = textWidth / 20 / charactersPerLine;
  return Math.floor((pitchPoints - points) * 4096);
}

/**
 * The margins of a landscape page: the portrait page turned a quarter (GB/T 9704 §8), so the binding
 * margin (left) becomes the top, the outer one the bottom, the bottom margin the left and the top one the right.
 * The page number keeps its distance from the paper's edge.
 */
function landscapeOf(margin: LayoutSpec['margin']): LayoutSpec['landscape'] {
  // Turned with its top to the binding side: the portrait foot becomes the left edge, the portrait head the right.
  const turned = { ...margin, top: margin.left, bottom: margin.right, left: margin.bottom, right: margin.top };
  return { margin: turned, textWidth: A4.height - turned.left - turned.right };
}

export function layoutSpec(layout: WordLayout, fontSettings?: FontSettingsInput): LayoutSpec {
  if (layout === 'official') {
    const fonts = resolveFonts(fontSettings);
    const margin = {
      top: mmToTwip(37),
      right: mmToTwip(26),
      bottom: mmToTwip(35),
      left: mmToTwip(28),
      header: mmToTwip(15),
      // The page number sits about 7 mm below the text block.
      footer: mmToTwip(24),
    };
    const textWidth = A4.width - margin.left - margin.right;
    const textHeight = A4.height - margin.top - margin.bottom;
    // 22 lines in the text block: 12757 / 22 ≈ 579.9; Word's own 公文 templates write 579.
    const linePitch = Math.floor(textHeight / 22);
    const exactLine: LineSpacing = { line: 578, lineRule: LineRuleType.EXACT };
    return {
      layout,
      fonts,
      margin,
      textWidth,
      landscape: landscapeOf(margin),
      tableSizes: [28, 24, 21, 18],
      grid: { linePitch, charSpace: charSpaceFor(textWidth, 28, 16), charactersPerLine: 28 },
      characterScale: 98,
      size: { title: 44, body: 32, heading: { 1: 32, 2: 32, 3: 32, 4: 32 }, footer: 28, comment: 21 },
      tableSize: (columns) => (columns <= 5 ? 28 : columns <= 8 ? 24 : 21),
      headingFont: (level) => (level === 1 ? fonts.heading1 : level === 2 ? fonts.heading2 : fonts.body),
      headingBold: () => false,
      titleSpacing: { line: 578, lineRule: LineRuleType.AT_LEAST, after: 578 },
      bodySpacing: exactLine,
      headingSpacing: { ...exactLine, before: 0, after: 0 },
      // Two grid cells (2 × 315.9 twips), a point short so that rounding never makes it three (as 640 does in
      // LibreOffice).
      firstLineIndent: Math.floor((2 * textWidth) / 28) - 20,
      indentHeadings: true,
      literalLists: true,
      alternatingFooter: true,
    };
  }
  const fonts = resolvePlainFonts(fontSettings);
  const margin = { top: 1440, right: 1797, bottom: 1440, left: 1797, header: 851, footer: 992 };
  return {
    layout,
    fonts,
    margin,
    textWidth: A4.width - margin.left - margin.right,
    landscape: landscapeOf(margin),
    tableSizes: [21, 18],
    size: { title: 36, body: 24, heading: { 1: 28, 2: 24, 3: 24, 4: 24 }, footer: 18, comment: 21 },
    tableSize: (columns) => (columns <= 8 ? 21 : 18),
    headingFont: (level) => (level <= 2 ? fonts.heading1 : fonts.body),
    headingBold: (level) => level >= 3,
    titleSpacing: { line: 360, lineRule: LineRuleType.AUTO, after: 240 },
    bodySpacing: { line: 360, lineRule: LineRuleType.AUTO },
    headingSpacing: { line: 360, lineRule: LineRuleType.AUTO, before: 120, after: 60 },
    firstLineIndent: 480,
    indentHeadings: false,
    literalLists: false,
    alternatingFooter: false,
  };
}
