import { useEffect, useState } from 'react';
import type { CommentView } from '../../../electron/core/common/review-fold';

/** The element a comment points at in the text shown: its highlight, its cell or its section (null for the whole document). */
export function anchorElement(comment: CommentView): HTMLElement | null {
  const anchor = comment.anchor;
  if (anchor.kind === 'document') return null;
  if (anchor.kind === 'text') {
    const mark = document.querySelector<HTMLElement>(`[data-comment="${CSS.escape(comment.id)}"]`);
    if (mark) return mark;
  }
  if (anchor.kind === 'cell') {
    const cell = document.querySelector<HTMLElement>(`[data-cell="${CSS.escape(`${anchor.sectionId}:${anchor.rowId}:${anchor.columnKey}`)}"]`);
    if (cell) return cell;
  }
  return document.getElementById(`section-${anchor.sectionId}`);
}

function cardElement(commentId: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-testid="comment-${CSS.escape(commentId)}"]`);
}

interface Line {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

function visible(rect: DOMRect): boolean {
  return rect.bottom > 0 && rect.top < window.innerHeight && rect.width > 0;
}

/**
 * Comments in the margin, as in Word: while the document scrolls, the comment list follows, showing first the
 * comment on the first commented passage in view; the selected comment is joined to its passage or cell by a line.
 */
export function MarginLink({ comments, activeId }: { comments: CommentView[]; activeId: string | null }) {
  const [line, setLine] = useState<Line | null>(null);

  // The list follows the text: on a scroll of the page (not of the list), bring the first comment whose anchor is in view to the list's top.
  useEffect(() => {
    let frame = 0;
    const follow = () => {
      frame = 0;
      const list = document.querySelector<HTMLElement>('[data-testid="comment-list"] > .ant-card-body');
      if (!list || list.matches(':hover') || list.contains(document.activeElement)) return;
      const top = 64;
      for (const comment of comments) {
        if (comment.retracted) continue;
        const target = anchorElement(comment);
        const card = cardElement(comment.id);
        if (!target || !card) continue;
        const rect = target.getBoundingClientRect();
        if (rect.bottom < top || rect.top > window.innerHeight) continue;
        const offset = card.getBoundingClientRect().top - list.getBoundingClientRect().top;
        if (Math.abs(offset) > 4) list.scrollTop += offset - 4;
        return;
      }
    };
    const onScroll = (event: Event) => {
      if (event.target !== document && event.target !== window) return;
      if (!frame) frame = requestAnimationFrame(follow);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      window.removeEventListener('scroll', onScroll);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [comments]);

  // The line from the selected comment's card to what it is about, redrawn as either moves.
  useEffect(() => {
    const comment = comments.find((item) => item.id === activeId);
    if (!comment) {
      setLine(null);
      return;
    }
    let frame = 0;
    const draw = () => {
      frame = 0;
      const target = anchorElement(comment);
      const card = cardElement(comment.id);
      if (!target || !card) {
        setLine(null);
        return;
      }
      const from = target.getBoundingClientRect();
      const to = card.getBoundingClientRect();
      if (!visible(from) || !visible(to)) {
        setLine(null);
        return;
      }
      const y1 = Math.min(Math.max(from.top + Math.min(from.height, 24) / 2, 0), window.innerHeight);
      setLine({ x1: from.right, y1, x2: to.left, y2: Math.max(to.top + 16, 0) });
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(draw);
    };
    schedule();
    window.addEventListener('scroll', schedule, { passive: true, capture: true });
    window.addEventListener('resize', schedule);
    return () => {
      window.removeEventListener('scroll', schedule, { capture: true });
      window.removeEventListener('resize', schedule);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [comments, activeId]);

  if (!line || line.x2 <= line.x1) return null;
  const bend = line.x1 + Math.max(8, (line.x2 - line.x1) / 2);
  return (
    <svg className="rd-margin-link" data-testid="margin-link" aria-hidden="true">
      <polyline points={`${line.x1},${line.y1} ${bend},${line.y1} ${bend},${line.y2} ${line.x2},${line.y2}`} />
    </svg>
  );
}
