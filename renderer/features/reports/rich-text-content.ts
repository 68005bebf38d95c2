import type { RichNode } from '../../../electron/core/common/schemas/report';

/**
 * The most a paste may bring into one section: the store keeps at most 200,000 characters in one run of text
 * and 20,000 paragraphs in a section (core/common/schemas/report.ts). A larger paste is refused whole, beside the
 * section, before the editor takes it in (ProseMirror would spend minutes laying out 2 MB, and the save would
 * then be refused).
 */
export const maxPasteCharacters = 200_000;
export const maxPasteLines = 10_000;

/** Why a paste is refused, or null when it fits. */
export function pasteRefusal(text: string, html: string): { characters: number; lines: number } | null {
  const characters = text.length || html.length;
  let lines = 1;
  for (let index = text.indexOf('\n'); index !== -1 && lines <= maxPasteLines; index = text.indexOf('\n', index + 1)) lines += 1;
  if (characters > maxPasteCharacters || html.length > maxPasteCharacters * 4 || lines > maxPasteLines) return { characters, lines };
  return null;
}

/** Insert plain paragraphs at the end of a section's document (used by "based on" helpers). */
export function appendParagraphs(doc: RichNode, lines: string[]): RichNode {
  return {
    ...doc,
    content: [...(doc.content ?? []), ...lines.map((line) => ({ type: 'paragraph', content: line ? [{ type: 'text', text: line }] : [] }))],
  };
}
