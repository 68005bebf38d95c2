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

/** A comment's card in the margin. */
export function cardElement(commentId: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-testid="comment-${CSS.escape(commentId)}"]`);
}

/** The document's body, beside which the margin stands. */
export function documentBody(): HTMLElement | null {
  return document.querySelector<HTMLElement>('[data-testid="document-body"]');
}

/** True when `element` is drawn inside the visible part of the comment margin (not scrolled out of it). */
export function inMarginView(element: HTMLElement): boolean {
  const scroller = element.closest<HTMLElement>('.rd-margin-scroller');
  const rect = element.getBoundingClientRect();
  if (!scroller) return rect.bottom > 0 && rect.top < window.innerHeight;
  const view = scroller.getBoundingClientRect();
  return rect.width > 0 && rect.top < view.bottom && rect.bottom > view.top;
}

/** A short glow on a passage, cell or card, so the eye finds it after a jump. */
export function flash(element: Element | null): void {
  element?.animate?.([{ boxShadow: '0 0 0 4px rgba(250, 173, 20, 0.9)' }, { boxShadow: '0 0 0 4px rgba(250, 173, 20, 0)' }], {
    duration: 1200,
    easing: 'ease-out',
  });
}

/**
 * A card was chosen: the document moves so the passage stands beside the card (its card stays where it is, as in
 * Word), and the passage glows.
 */
export function revealPassage(comment: CommentView): void {
  const anchor = anchorElement(comment);
  if (!anchor) return;
  const card = cardElement(comment.id);
  const at = card && inMarginView(card) ? card.getBoundingClientRect().top : window.innerHeight / 3;
  const y = Math.min(Math.max(at, 80), window.innerHeight - 80);
  window.scrollBy({ top: anchor.getBoundingClientRect().top - y, behavior: 'instant' });
  flash(anchor);
}

/** A highlight was chosen: once the margin has placed its card beside it, the card is brought into view and glows. */
export function revealCard(commentId: string): void {
  requestAnimationFrame(() => {
    const card = cardElement(commentId);
    if (!card) return;
    if (!inMarginView(card)) card.scrollIntoView({ block: 'nearest', behavior: 'instant' });
    flash(card);
  });
}

/**
 * A card scrolled out of the margin's view (上方/下方还有 n 条点评): the document moves so its passage stands near
 * the margin's top, the card beside it; where the document cannot move so far, the margin scrolls to the card.
 */
export function bringIntoMargin(comment: CommentView): void {
  const anchor = anchorElement(comment);
  const scroller = cardElement(comment.id)?.closest<HTMLElement>('.rd-margin-scroller');
  if (anchor && scroller) window.scrollBy({ top: anchor.getBoundingClientRect().top - (scroller.getBoundingClientRect().top + 24), behavior: 'instant' });
  // Two frames: the margin follows the document's scroll in the frame after it.
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      const card = cardElement(comment.id);
      if (!card) return;
      if (!inMarginView(card)) card.scrollIntoView({ block: 'nearest', behavior: 'instant' });
      flash(card);
    }),
  );
}
