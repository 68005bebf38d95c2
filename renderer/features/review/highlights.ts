import { Extension, type Editor } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { anchorText, locateQuote, makeTextAnchor } from '../../../electron/api/domain';
import type { Anchor } from '../../../electron/core/common/schemas/review';
import type { RichNode } from '../../../electron/core/common/schemas/report';

export interface HighlightRange {
  from: number;
  to: number;
  commentId: string;
  kind: string;
  active: boolean;
}

const highlightKey = new PluginKey<DecorationSet>('reportdesk-comment-highlights');

/** Marks commented passages in the editor without touching the document (decorations only). */
export const CommentHighlights = Extension.create({
  name: 'commentHighlights',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: highlightKey,
        state: {
          init: () => DecorationSet.empty,
          apply(transaction, set) {
            const ranges = transaction.getMeta(highlightKey) as HighlightRange[] | undefined;
            if (ranges) {
              return DecorationSet.create(
                transaction.doc,
                ranges
                  .filter((range) => range.from < range.to && range.to <= transaction.doc.content.size)
                  .map((range) =>
                    Decoration.inline(range.from, range.to, {
                      class: `rd-comment-mark rd-comment-${range.kind}${range.active ? ' rd-comment-active' : ''}`,
                      'data-comment': range.commentId,
                    }),
                  ),
              );
            }
            return set.map(transaction.mapping, transaction.doc);
          },
        },
        props: {
          decorations(state) {
            return highlightKey.getState(state);
          },
        },
      }),
    ];
  },
});

/** Replace the highlighted ranges of an editor. */
export function setHighlights(editor: Editor, ranges: HighlightRange[]): void {
  if (editor.isDestroyed) return;
  editor.view.dispatch(editor.state.tr.setMeta(highlightKey, ranges).setMeta('addToHistory', false));
}

/** Where a text anchor sits in a (possibly edited) document, as editor positions; null when the quote is gone. */
export function anchorRange(doc: RichNode, anchor: Extract<Anchor, { kind: 'text' }>): { from: number; to: number } | null {
  const { text, positions } = anchorText(doc);
  const found = locateQuote(text, anchor);
  if (!found || found.end <= found.start) return null;
  return { from: positions[found.start], to: positions[found.end - 1] + 1 };
}

/** A text anchor for the editor's current selection, or null when nothing (or only white space) is selected. */
export function anchorFromSelection(
  sectionId: string,
  doc: RichNode,
  from: number,
  to: number,
): Extract<Anchor, { kind: 'text' }> | null {
  if (to <= from) return null;
  const { text, positions } = anchorText(doc);
  let start = positions.findIndex((position) => position >= from);
  let end = -1;
  for (let index = positions.length - 1; index >= 0; index--) {
    if (positions[index] < to) {
      end = index + 1;
      break;
    }
  }
  if (start < 0 || end <= start) return null;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end <= start) return null;
  return makeTextAnchor(sectionId, text, start, Math.min(end, start + 2000));
}
