/**
 * Supervisors' comments in a Word export: each comment's range put into the paragraph it belongs to (the quote
 * found by its surroundings, a table cell, a heading), the Word comments with their threads, and the words for
 * what a comment is about.
 */
import type { ICommentOptions, Paragraph } from 'docx';
import { fillLabel, type ExportLabels } from './labels';
import type { LayoutSpec } from './word-layout';
import { DocxRenderer, anchorWhole, matchableText, paragraph, paragraphsOf, type BlockModel, type ParaModel } from './word-model';
import { SINGLE_SPACING } from './word-page';
import { cellKey, type ExportComment, type SectionModel } from './word-types';

/** What the comments need of the composer: its layout, wording and the office's clock. */
export interface CommentHost {
  readonly spec: LayoutSpec;
  readonly labels: ExportLabels;
  date(value: string, withTime?: boolean): string;
}

/** Put each comment's range into the paragraph it belongs to. */
export function anchorComments(comments: ExportComment[], firstId: number, title: ParaModel, sections: SectionModel[]): void {
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
      const found = findQuote(section.blocks, anchor.quote, anchor.prefix, anchor.suffix);
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
function findQuote(blocks: BlockModel[], rawQuote: string, prefix = '', suffix = ''): { paragraph: ParaModel; start: number } | undefined {
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

function commentParagraphs(host: CommentHost, comment: ExportComment): Paragraph[] {
  const { spec, labels } = host;
  const renderer = new DocxRenderer(spec.fonts.latin);
  const run = { font: spec.fonts.body, size: spec.size.comment };
  const lines = [
    ...fillLabel(labels.commentBody, { kind: comment.kindLabel, text: comment.text }).split(/\r?\n/),
    ...comment.replies.flatMap((reply) =>
      fillLabel(labels.commentReply, { author: reply.author, date: host.date(reply.date), text: reply.text }).split(/\r?\n/),
    ),
  ];
  return lines.map((line) => renderer.paragraph(paragraph([{ text: line, matchable: false }], run, { spacing: SINGLE_SPACING })));
}

/** Each comment as a Word comment (its text and replies), numbered from `firstId`. */
export function commentOptions(host: CommentHost, comments: ExportComment[], firstId: number): ICommentOptions[] {
  return comments.map((comment, index) => {
    const id = firstId + index;
    const date = new Date(comment.date);
    const author = comment.author.trim();
    return {
      id,
      author,
      initials: comment.initials?.trim() || Array.from(author)[0] || '',
      ...(Number.isNaN(date.getTime()) ? {} : { date }),
      children: commentParagraphs(host, comment),
    };
  });
}

/** What a comment is about, in words, for the appendix's 原文 column. */
export function quoteOf(labels: ExportLabels, comment: ExportComment, sections: SectionModel[]): string {
  const anchor = comment.anchor;
  const section = sections.find((candidate) => candidate.def.id === comment.sectionId);
  switch (anchor.kind) {
    case 'text':
      return anchor.quote;
    case 'section':
      return labels.wholeSection;
    case 'document':
      return labels.wholeDocument;
    case 'cell': {
      const prepared = section?.prepared;
      const column = prepared?.columns.find((candidate) => candidate.key === anchor.columnKey);
      const rowIndex = prepared?.rows.findIndex((row) => row.id === anchor.rowId) ?? -1;
      const row = rowIndex >= 0 ? prepared?.rows[rowIndex] : undefined;
      const textColumn = prepared?.columns.find((candidate) => candidate.type === 'text');
      const rowLabel =
        (row && textColumn ? row.cells[textColumn.key].text : '') ||
        fillLabel(labels.rowNumber, { n: rowIndex >= 0 ? rowIndex + 1 : '?' });
      return fillLabel(labels.cellAnchor, { row: rowLabel, column: column?.label ?? anchor.columnKey });
    }
  }
}
