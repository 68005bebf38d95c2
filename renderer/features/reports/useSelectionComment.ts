import type { Editor } from '@tiptap/react';
import { useState, type RefObject } from 'react';
import type { RichNode } from '../../../electron/core/common/schemas/report';
import type { Anchor } from '../../../electron/core/common/schemas/review';
import { anchorFromSelection } from '../review/highlights';

type TextAnchor = Extract<Anchor, { kind: 'text' }>;

/**
 * 添加点评 for a selected passage: offered beside the selection made by mouse or Shift+arrows (the section can be
 * focused even when read-only); Ctrl+Alt+M comments on the selection at once, as in Word.
 */
export function useSelectionComment(editor: Editor | null, sectionId: string, container: RefObject<HTMLDivElement | null>, onComment?: (anchor: TextAnchor) => void) {
  const [pending, setPending] = useState<{ anchor: TextAnchor; top: number; left: number } | null>(null);

  /** Offer 添加点评 for the passage selected now; the passage or null. */
  const offerSelection = (): TextAnchor | null => {
    if (!editor || !onComment || !container.current) return null;
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) {
      setPending(null);
      return null;
    }
    const range = selection.getRangeAt(0);
    if (!editor.view.dom.contains(range.commonAncestorContainer)) return null;
    let from: number;
    let to: number;
    try {
      from = editor.view.posAtDOM(range.startContainer, range.startOffset);
      to = editor.view.posAtDOM(range.endContainer, range.endOffset);
    } catch {
      return null;
    }
    const anchor = anchorFromSelection(sectionId, editor.getJSON() as RichNode, Math.min(from, to), Math.max(from, to));
    if (!anchor) {
      setPending(null);
      return null;
    }
    const box = range.getBoundingClientRect();
    const frame = container.current.getBoundingClientRect();
    setPending({ anchor, top: box.bottom - frame.top + 4, left: Math.max(0, box.left - frame.left) });
    return anchor;
  };

  const onMouseUp = () => {
    if (!editor || !onComment || !container.current) return;
    offerSelection();
  };

  const onKeyUp = (event: React.KeyboardEvent) => {
    if (!onComment) return;
    if ((event.ctrlKey || event.metaKey) && event.altKey && event.key.toLowerCase() === 'm') {
      const anchor = offerSelection();
      if (anchor) {
        onComment(anchor);
        setPending(null);
      }
      return;
    }
    if (event.shiftKey) offerSelection();
  };

  /** The offered passage was commented on: the offer goes. */
  const commentPending = () => {
    if (!pending || !onComment) return;
    onComment(pending.anchor);
    setPending(null);
  };

  return { pending, onMouseUp, onKeyUp, commentPending };
}
