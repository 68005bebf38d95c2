import type { RichNode } from '../common/schemas/report';
import type { Anchor } from '../common/schemas/review';

const textBlocks = new Set(['paragraph', 'heading', 'codeBlock']);

/**
 * The text comments anchor to: every text block's characters followed by a newline, and for each
 * character the ProseMirror position it sits at (so the editor can highlight a quote). Computed from the
 * JSON alone, the same way in the core and in the editor.
 */
export function anchorText(doc: RichNode): { text: string; positions: number[] } {
  let text = '';
  const positions: number[] = [];
  // Position 0 is inside the doc node, before its first child.
  const walk = (node: RichNode, position: number): number => {
    if (node.type === 'text') {
      // ProseMirror counts UTF-16 code units: both halves of a character outside the BMP (𠮷) have a position.
      const value = node.text ?? '';
      text += value;
      for (let index = 0; index < value.length; index++) positions.push(position + index);
      return position + value.length;
    }
    if (!node.content && node.type !== 'doc' && !textBlocks.has(node.type)) {
      // A leaf such as a hard break: one position, shown as a newline.
      text += '\n';
      positions.push(position);
      return position + 1;
    }
    let inner = position + 1;
    for (const child of node.content ?? []) inner = walk(child, inner);
    if (textBlocks.has(node.type)) {
      text += '\n';
      positions.push(inner);
    }
    return inner + 1;
  };
  let position = 0;
  for (const child of doc.content ?? []) position = walk(child, position);
  return { text, positions };
}

const contextLength = 40;

/** A text anchor for the characters [start, end) of a section's anchor text. */
export function makeTextAnchor(sectionId: string, text: string, start: number, end: number): Extract<Anchor, { kind: 'text' }> {
  return {
    kind: 'text',
    sectionId,
    quote: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - contextLength), start),
    suffix: text.slice(end, end + contextLength),
    offset: start,
  };
}

function commonSuffixLength(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[a.length - 1 - length] === b[b.length - 1 - length]) length++;
  return length;
}

function commonPrefixLength(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length++;
  return length;
}

/**
 * Find a quoted passage again in (possibly edited) text: every occurrence of the quote is scored by how
 * much of its remembered context still surrounds it, ties broken by closeness to the old offset.
 * Null when the quote is gone: the UI then shows "原文已修改" with the original quote.
 */
export function locateQuote(
  text: string,
  anchor: Pick<Extract<Anchor, { kind: 'text' }>, 'quote' | 'prefix' | 'suffix' | 'offset'>,
): { start: number; end: number } | null {
  if (!anchor.quote) return null;
  let best: { start: number; score: number; distance: number } | null = null;
  for (let start = text.indexOf(anchor.quote); start >= 0; start = text.indexOf(anchor.quote, start + 1)) {
    const before = text.slice(Math.max(0, start - contextLength), start);
    const after = text.slice(start + anchor.quote.length, start + anchor.quote.length + contextLength);
    const score = commonSuffixLength(before, anchor.prefix) + commonPrefixLength(after, anchor.suffix);
    const distance = Math.abs(start - anchor.offset);
    if (!best || score > best.score || (score === best.score && distance < best.distance)) best = { start, score, distance };
  }
  return best ? { start: best.start, end: best.start + anchor.quote.length } : null;
}
