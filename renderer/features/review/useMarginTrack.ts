import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { CommentView } from '../../../electron/core/common/review-fold';
import { anchorElement, documentBody } from './anchor-dom';
import { layoutMargin, marginHeight, type MarginItem } from './margin-layout';

const gap = 8;

/** Place every card of the track at its passage's height (see layoutMargin); the track as tall as the document. */
function placeCards(track: HTMLElement, comments: CommentView[], activeId: string | null): void {
  const body = documentBody();
  if (!body || !track.offsetParent) return;
  const origin = body.getBoundingClientRect().top;
  const items: MarginItem[] = [];
  for (const comment of comments) {
    const slot = track.querySelector<HTMLElement>(`:scope > [data-margin-id="${CSS.escape(comment.id)}"]`);
    if (!slot) continue;
    const anchor = anchorElement(comment);
    items.push({ id: comment.id, desired: anchor ? anchor.getBoundingClientRect().top - origin : 0, height: slot.offsetHeight });
  }
  // By height in the text (a stable sort: equal heights keep the text's order).
  items.sort((a, b) => a.desired - b.desired);
  const tops = layoutMargin(items, gap, activeId);
  for (const item of items) {
    const slot = track.querySelector<HTMLElement>(`:scope > [data-margin-id="${CSS.escape(item.id)}"]`);
    if (slot) slot.style.top = `${tops.get(item.id) ?? 0}px`;
  }
  // Room below the last card, so the margin can follow the document to its end.
  track.style.height = `${marginHeight(items, tops, body.offsetHeight) + window.innerHeight}px`;
}

/** Scroll the margin so its track's top stands level with the document's top: every card beside its passage. */
function follow(track: HTMLElement): void {
  const body = documentBody();
  const scroller = track.parentElement;
  if (!body || !scroller || !track.offsetParent) return;
  const delta = track.getBoundingClientRect().top - body.getBoundingClientRect().top;
  if (Math.abs(delta) >= 0.5) scroller.scrollTop += delta;
}

/** The cards scrolled out of the margin's view: above it (nearest last) and below it (nearest first). */
export interface OutOfView {
  above: string[];
  below: string[];
}

function outOfView(track: HTMLElement): OutOfView {
  const result: OutOfView = { above: [], below: [] };
  const scroller = track.parentElement;
  if (!scroller || !track.offsetParent) return result;
  const view = scroller.getBoundingClientRect();
  const slots = Array.from(track.children as HTMLCollectionOf<HTMLElement>).map((slot) => ({ id: slot.dataset.marginId ?? '', rect: slot.getBoundingClientRect() }));
  slots.sort((a, b) => a.rect.top - b.rect.top);
  for (const slot of slots) {
    if (slot.rect.bottom < view.top + 24) result.above.push(slot.id);
    else if (slot.rect.top > view.bottom - 24) result.below.push(slot.id);
  }
  return result;
}

/**
 * Comments in the margin, as in Word: the cards (slots with `data-margin-id`, in the returned track) stand at the
 * height of their passages and move with the document as it scrolls. The margin can still be scrolled on its own
 * (to reach cards pushed below the document's end); the next scroll of the document brings it back beside the text.
 */
export function useMarginTrack(comments: CommentView[], activeId: string | null): { trackRef: RefObject<HTMLDivElement | null>; outside: OutOfView } {
  const trackRef = useRef<HTMLDivElement | null>(null);
  const [outside, setOutside] = useState<OutOfView>({ above: [], below: [] });
  const recount = useRef((track: HTMLElement) => {
    const next = outOfView(track);
    setOutside((previous) => (previous.above.join() === next.above.join() && previous.below.join() === next.below.join() ? previous : next));
  });
  const latest = useRef({ comments, activeId });
  latest.current = { comments, activeId };

  useLayoutEffect(() => {
    const track = trackRef.current;
    if (!track) return;
    placeCards(track, comments, activeId);
    if (!track.contains(document.activeElement)) follow(track);
    recount.current(track);
  }, [comments, activeId]);

  useEffect(() => {
    let frame = 0;
    let relayout = false;
    let move = false;
    const run = () => {
      frame = 0;
      const track = trackRef.current;
      if (!track) return;
      if (relayout) placeCards(track, latest.current.comments, latest.current.activeId);
      // A card being written in keeps its place when the cards change size; a scroll of the document always moves the margin.
      if (move && (!relayout || !track.contains(document.activeElement))) follow(track);
      recount.current(track);
      relayout = false;
      move = false;
    };
    const schedule = (layout: boolean, follows: boolean) => {
      relayout ||= layout;
      move ||= follows;
      if (!frame) frame = requestAnimationFrame(run);
    };
    const onScroll = (event: Event) => {
      if (event.target === document || event.target === window) schedule(false, true);
      // The margin scrolled on its own: only the counts of cards out of view change.
      else if (event.target === trackRef.current?.parentElement) schedule(false, false);
    };
    const onChange = () => schedule(true, true);
    window.addEventListener('scroll', onScroll, { passive: true, capture: true });
    window.addEventListener('resize', onChange);
    const sizes = new ResizeObserver(onChange);
    const body = documentBody();
    if (body) sizes.observe(body);
    const track = trackRef.current;
    if (track) for (const slot of Array.from(track.children)) sizes.observe(slot);
    // Highlights are drawn (and text edited) without changing the document's size: those move passages too.
    const edits = new MutationObserver(onChange);
    if (body) edits.observe(body, { childList: true, subtree: true, characterData: true });
    return () => {
      window.removeEventListener('scroll', onScroll, { capture: true });
      window.removeEventListener('resize', onChange);
      sizes.disconnect();
      edits.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [comments]);

  return { trackRef, outside };
}
