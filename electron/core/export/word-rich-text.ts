/**
 * TipTap JSON (doc / paragraph / heading / bulletList / orderedList / listItem / text / hardBreak)
 * to paragraph models.
 *
 * Headings inside a section are sub-headings: level 1 and 2 get （一）, level 3 gets 1., level 4 and
 * deeper get （1）, as literal text. In the official layout lists are literal prefixes too (GB/T 9704
 * documents avoid Word's automatic numbering); in the plain layout they use Word numbering.
 */
import { AlignmentType, HeadingLevel, LevelFormat, type INumberingOptions } from 'docx';
import type { RichNode } from '../common/schemas/report';
import { hasOutlineNumber, outlineNumber, type OutlineLevel } from './text';
import type { LayoutSpec } from './word-layout';
import { paragraph, type ParaModel, type RunStyle, type Segment } from './word-model';

const BULLET_REFERENCE = 'reportdesk-bullet';
const ORDERED_REFERENCE = 'reportdesk-ordered';
const LIST_INDENT = 420;

/** Word numbering definitions for the plain layout's lists. */
export function listNumbering(): INumberingOptions {
  const bullets = ['•', '◦', '▪'];
  const orderedText = (level: number): string => (level === 0 ? '%1.' : level === 1 ? '(%2)' : `%${level + 1})`);
  const levels = Array.from({ length: 6 }, (_, level) => level);
  return {
    config: [
      {
        reference: BULLET_REFERENCE,
        levels: levels.map((level) => ({
          level,
          format: LevelFormat.BULLET,
          text: bullets[level % bullets.length],
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: LIST_INDENT * (level + 1), hanging: LIST_INDENT } } },
        })),
      },
      {
        reference: ORDERED_REFERENCE,
        levels: levels.map((level) => ({
          level,
          format: level === 2 ? LevelFormat.LOWER_LETTER : LevelFormat.DECIMAL,
          text: orderedText(level),
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: LIST_INDENT * (level + 1), hanging: LIST_INDENT } } },
        })),
      },
    ],
  };
}

/** A level-2 outline number typed at the start of a paragraph: （一） … （九十九）. */
const TYPED_SUBHEADING = /^[（(]([一二三四五六七八九十]+)[）)]/u;

/** Longest paragraph (characters) that counts as a heading line of its own, and longest run-in heading. */
const SUBHEADING_LINE = 30;

/**
 * Whether a paragraph starts with a typed level-2 outline number: `whole` when the paragraph is only a short
 * heading line (no sentence inside), else `runInLength`, the heading part up to its first 。 (a run-in heading);
 * undefined when neither.
 */
export function typedSubheading(segments: Segment[]): { number: number; text: string; whole: boolean; runInLength: number } | undefined {
  if (segments.some((segment) => segment.lineBreak)) return undefined;
  const text = segments.map((segment) => segment.text).join('');
  const match = TYPED_SUBHEADING.exec(text.trim());
  if (!match || text !== text.trimStart()) return undefined;
  const number = chineseNumberValue(match[1]);
  if (number === undefined) return undefined;
  const length = Array.from(text.trim()).length;
  const sentence = /[。；！？;!?]/u.exec(text.trim());
  if (length <= SUBHEADING_LINE && (!sentence || sentence.index === text.trim().length - 1) && !/[，,]/u.test(text)) {
    return { number, text: text.trim().replace(/[。]$/u, ''), whole: true, runInLength: 0 };
  }
  if (sentence && sentence[0] === '。' && sentence.index < SUBHEADING_LINE) return { number, text, whole: false, runInLength: sentence.index + 1 };
  // The number alone, when no short heading part can be told from the sentence.
  return { number, text, whole: false, runInLength: match[0].length };
}

/** 一 → 1, 十二 → 12, 二十 → 20; undefined for anything else. */
function chineseNumberValue(text: string): number | undefined {
  const digits = '一二三四五六七八九';
  const tens = text.indexOf('十');
  if (tens < 0) return text.length === 1 ? digits.indexOf(text) + 1 || undefined : undefined;
  const high = tens === 0 ? 1 : digits.indexOf(text.slice(0, tens)) + 1;
  const rest = text.slice(tens + 1);
  const low = rest === '' ? 0 : digits.indexOf(rest) + 1;
  if (!high || (rest && !low) || tens > 1 || rest.length > 1) return undefined;
  return high * 10 + low;
}

/** The segments with the first `length` characters (UTF-16 units) in `style` too. */
function splitSegments(segments: Segment[], length: number, style: RunStyle): Segment[] {
  const out: Segment[] = [];
  let rest = length;
  for (const segment of segments) {
    if (rest <= 0 || segment.lineBreak) {
      out.push(segment);
      continue;
    }
    const head = segment.text.slice(0, rest);
    const tail = segment.text.slice(rest);
    out.push({ ...segment, text: head, style: { ...segment.style, ...style } });
    if (tail) out.push({ ...segment, text: tail });
    rest -= head.length;
  }
  return out;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

function literalListPrefix(ordered: boolean, depth: number, number: number): string {
  if (!ordered) return depth === 0 ? '• ' : '◦ ';
  if (depth === 0) return `${number}.`;
  if (depth === 1) return `（${number}）`;
  return number >= 1 && number <= 20 ? CIRCLED[number - 1] : `${number})`;
}

const HEADING_STYLE: Record<OutlineLevel, (typeof HeadingLevel)[keyof typeof HeadingLevel]> = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
  4: HeadingLevel.HEADING_4,
};

export function headingStyle(level: OutlineLevel): (typeof HeadingLevel)[keyof typeof HeadingLevel] {
  return HEADING_STYLE[level];
}

/** Text runs of an inline node's content. */
export function inlineSegments(node: RichNode, inherited: RunStyle = {}): Segment[] {
  const segments: Segment[] = [];
  for (const child of node.content ?? []) {
    if (child.type === 'text') {
      if (!child.text) continue;
      const style: RunStyle = { ...inherited };
      for (const mark of child.marks ?? []) {
        if (mark.type === 'bold' || mark.type === 'strong') style.bold = true;
        else if (mark.type === 'italic' || mark.type === 'em') style.italics = true;
        else if (mark.type === 'underline') style.underline = true;
        else if (mark.type === 'strike') style.strike = true;
      }
      segments.push({ text: child.text, style, matchable: true });
    } else if (child.type === 'hardBreak') {
      segments.push({ text: '', lineBreak: true, matchable: true });
    } else if (child.content) {
      segments.push(...inlineSegments(child, inherited));
    }
  }
  return segments;
}

/** Per-section state: sub-heading counters and Word list instances. */
export class RichTextConverter {
  private counters: Record<2 | 3 | 4, number> = { 2: 0, 3: 0, 4: 0 };

  constructor(
    private readonly spec: LayoutSpec,
    private readonly nextListInstance: () => number,
  ) {}

  /** Start of a new section: sub-heading numbers restart. */
  resetHeadings(): void {
    this.counters = { 2: 0, 3: 0, 4: 0 };
  }

  private body(segments: Segment[], extra: ParaModel['options'] = {}): ParaModel {
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

  /** A heading paragraph of the given outline level with its number (unless already numbered). */
  heading(level: OutlineLevel, text: string, number?: number): ParaModel {
    const { spec } = this;
    const segments: Segment[] = [];
    if (number !== undefined && !hasOutlineNumber(text)) {
      segments.push({ text: outlineNumber(level, number), matchable: false });
    }
    segments.push({ text, matchable: true });
    return paragraph(
      segments,
      {
        font: spec.headingFont(level),
        size: spec.size.heading[level],
        bold: spec.headingBold(level),
        scale: spec.size.heading[level] === spec.size.body ? spec.characterScale : undefined,
      },
      {
        heading: headingStyle(level),
        alignment: AlignmentType.LEFT,
        keepNext: true,
        spacing: { ...spec.headingSpacing },
        ...(spec.indentHeadings ? { indent: { firstLine: spec.firstLineIndent } } : {}),
      },
    );
  }

  /** Paragraph models of a rich-text document. */
  convert(doc: RichNode): ParaModel[] {
    const out: ParaModel[] = [];
    this.blocks(doc.content ?? [], out, 0);
    return out;
  }

  private blocks(nodes: RichNode[], out: ParaModel[], quoteDepth: number): void {
    for (const node of nodes) this.block(node, out, quoteDepth);
  }

  private quoteIndent(quoteDepth: number): ParaModel['options'] {
    return quoteDepth > 0 ? { indent: { left: this.spec.firstLineIndent * quoteDepth, firstLine: this.spec.firstLineIndent } } : {};
  }

  private block(node: RichNode, out: ParaModel[], quoteDepth: number): void {
    switch (node.type) {
      case 'paragraph': {
        const segments = inlineSegments(node);
        // Empty paragraphs are kept only as spacing between text, never at the start of a section.
        if (segments.length === 0 && out.length === 0) return;
        const outline = quoteDepth === 0 ? typedSubheading(segments) : undefined;
        if (outline?.whole) {
          // A line such as （一）价格 typed as text (a template's starter text): a level-2 heading in 楷体.
          this.counters[2] = outline.number;
          this.counters[3] = 0;
          this.counters[4] = 0;
          out.push(this.heading(2, outline.text));
          return;
        }
        if (outline) {
          // A run-in heading: （一）价格方面。Body text … — the heading part in 楷体, the rest in the body font.
          this.counters[2] = outline.number;
          out.push(this.body(splitSegments(segments, outline.runInLength, { font: this.spec.headingFont(2) })));
          return;
        }
        out.push(this.body(segments, this.quoteIndent(quoteDepth)));
        return;
      }
      case 'heading': {
        const requested = Number(node.attrs?.level ?? 2);
        const level = (requested <= 2 ? 2 : requested >= 4 ? 4 : 3) as 2 | 3 | 4;
        this.counters[level] += 1;
        if (level < 4) this.counters[4] = 0;
        if (level < 3) this.counters[3] = 0;
        const text = inlineSegments(node)
          .map((segment) => (segment.lineBreak ? ' ' : segment.text))
          .join('');
        if (!text.trim()) return;
        out.push(this.heading(level, text, this.counters[level]));
        return;
      }
      case 'bulletList':
      case 'orderedList':
        this.list(node, out, 0);
        return;
      case 'blockquote':
        this.blocks(node.content ?? [], out, quoteDepth + 1);
        return;
      case 'codeBlock': {
        const text = inlineSegments(node)
          .map((segment) => (segment.lineBreak ? '\n' : segment.text))
          .join('');
        const segments: Segment[] = [];
        text.split('\n').forEach((line, index) => {
          if (index > 0) segments.push({ text: '', lineBreak: true, matchable: true });
          if (line) segments.push({ text: line, matchable: true });
        });
        out.push(this.body(segments, { indent: { firstLine: 0 } }));
        return;
      }
      case 'text':
      case 'hardBreak':
        out.push(this.body(inlineSegments({ type: 'paragraph', content: [node] })));
        return;
      case 'horizontalRule':
      case 'image':
        return;
      default:
        if (node.content) this.blocks(node.content, out, quoteDepth);
    }
  }

  private list(list: RichNode, out: ParaModel[], depth: number): void {
    const ordered = list.type === 'orderedList';
    const start = Number.isInteger(list.attrs?.start) ? Number(list.attrs?.start) : 1;
    const literal = this.spec.literalLists || (ordered && start !== 1);
    const instance = ordered && !literal ? this.nextListInstance() : undefined;
    const items = (list.content ?? []).filter((item) => item.type === 'listItem');
    items.forEach((item, index) => {
      let first = true;
      const itemParagraph = (segments: Segment[]): void => {
        const options: ParaModel['options'] = literal
          ? { indent: { left: depth * this.spec.firstLineIndent, firstLine: this.spec.firstLineIndent } }
          : first
            ? {
                // The numbering level carries the indent; a paragraph indent would override its hanging.
                indent: undefined,
                numbering: ordered
                  ? { reference: ORDERED_REFERENCE, level: depth, instance }
                  : { reference: BULLET_REFERENCE, level: depth },
              }
            : { indent: { left: LIST_INDENT * (depth + 1), firstLine: 0 } };
        const prefix: Segment[] = literal && first ? [{ text: literalListPrefix(ordered, depth, start + index), matchable: false }] : [];
        out.push(this.body([...prefix, ...segments], options));
        first = false;
      };
      for (const child of item.content ?? []) {
        if (child.type === 'bulletList' || child.type === 'orderedList') {
          if (first) itemParagraph([]);
          this.list(child, out, depth + 1);
        } else {
          itemParagraph(inlineSegments(child));
        }
      }
      if (first) itemParagraph([]);
    });
  }
}
