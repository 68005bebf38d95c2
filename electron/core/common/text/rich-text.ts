import type { RichNode } from '../schemas/report';

const blockTypes = new Set(['paragraph', 'heading', 'listItem', 'blockquote', 'codeBlock']);

/** Plain text of a rich-text document: blocks separated by newlines, hard breaks kept. */
export function richTextToPlain(node: RichNode): string {
  const parts: string[] = [];
  walk(node, parts);
  return parts.join('').replace(/\n{3,}/g, '\n\n').trim();
}

function walk(node: RichNode, parts: string[]): void {
  if (node.type === 'text' && node.text) {
    parts.push(node.text);
    return;
  }
  if (node.type === 'hardBreak') {
    parts.push('\n');
    return;
  }
  for (const child of node.content ?? []) walk(child, parts);
  if (blockTypes.has(node.type)) parts.push('\n');
}

/** Count of visible characters, ignoring white space: what "minimum length" means to a writer. */
export function visibleLength(text: string): number {
  return text.replace(/\s+/g, '').length;
}

/** A rich-text document made of plain paragraphs (one per line). */
export function plainToRichText(text: string): RichNode {
  const lines = text.split(/\r?\n/);
  return {
    type: 'doc',
    content: lines.map((line) =>
      line ? { type: 'paragraph', content: [{ type: 'text', text: line }] } : { type: 'paragraph' },
    ),
  };
}

export function emptyRichText(): RichNode {
  return { type: 'doc', content: [{ type: 'paragraph' }] };
}
