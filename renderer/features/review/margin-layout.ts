/**
 * Where each comment card stands in the margin, as Word places its balloons: at the height of what it is about,
 * pushed down below the card before it so no two overlap; the selected card stands exactly beside its passage and
 * the cards before it give way upwards (never above the margin's top). Pure: positions in, positions out.
 */

export interface MarginItem {
  id: string;
  /** Where the card would like to stand: the top of its passage, cell or section, from the margin's top. */
  desired: number;
  height: number;
}

/** The top of every card (by id), in the order given (the order of the text), with `gap` pixels between cards. */
export function layoutMargin(items: MarginItem[], gap: number, activeId: string | null = null): Map<string, number> {
  const tops = items.map((item) => Math.max(0, item.desired));
  const pinned = items.findIndex((item) => item.id === activeId);
  const start = pinned < 0 ? 0 : pinned + 1;
  // After the selected card (or from the first): each below the one before it.
  for (let index = start; index < items.length; index++) {
    if (index > 0) tops[index] = Math.max(tops[index], tops[index - 1] + items[index - 1].height + gap);
  }
  // Before the selected card: each above the one after it.
  for (let index = pinned - 1; index >= 0; index--) {
    tops[index] = Math.min(tops[index], tops[index + 1] - items[index].height - gap);
  }
  // Nothing above the margin's top: cards pushed past it come back down, and push the rest down again.
  for (let index = 0; index < items.length; index++) {
    const floor = index === 0 ? 0 : tops[index - 1] + items[index - 1].height + gap;
    tops[index] = Math.max(tops[index], floor);
  }
  return new Map(items.map((item, index) => [item.id, tops[index]]));
}

/** The height the margin needs to hold every card (at least `minimum`). */
export function marginHeight(items: MarginItem[], tops: Map<string, number>, minimum: number): number {
  let bottom = minimum;
  for (const item of items) bottom = Math.max(bottom, (tops.get(item.id) ?? 0) + item.height);
  return bottom;
}
