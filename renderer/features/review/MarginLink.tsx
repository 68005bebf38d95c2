import { useEffect, useState } from 'react';
import type { CommentView } from '../../../electron/core/common/review-fold';
import { anchorElement, cardElement, inMarginView } from './anchor-dom';

interface Line {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

function visible(rect: DOMRect): boolean {
  return rect.bottom > 0 && rect.top < window.innerHeight && rect.width > 0;
}

/** The selected comment's card joined to its passage or cell by a line (the cards stand in the margin: useMarginTrack). */
export function MarginLink({ comments, activeId }: { comments: CommentView[]; activeId: string | null }) {
  const [line, setLine] = useState<Line | null>(null);

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
      if (!visible(from) || !visible(to) || !inMarginView(card)) {
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
