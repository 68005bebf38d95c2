import { describe, expect, test } from 'vitest';
import { layoutMargin, marginHeight } from '../../renderer/features/review/margin-layout';

const card = (id: string, desired: number, height = 100) => ({ id, desired, height });

describe('review margin layout: comment cards beside their passages', () => {
  test('cards with room stand at the height of their passage', () => {
    const tops = layoutMargin([card('a', 10), card('b', 300), card('c', 600)], 8);
    expect([...tops.values()]).toEqual([10, 300, 600]);
  });

  test('a card that would overlap the one before it is pushed down below it', () => {
    const tops = layoutMargin([card('a', 10), card('b', 50), card('c', 120)], 8);
    expect(Object.fromEntries(tops)).toEqual({ a: 10, b: 118, c: 226 });
  });

  test('nothing stands above the margin top', () => {
    expect(layoutMargin([card('a', -40)], 8).get('a')).toBe(0);
  });

  test('the selected card stands exactly beside its passage; the cards before it give way upwards', () => {
    const tops = layoutMargin([card('a', 400), card('b', 450), card('c', 460), card('d', 470)], 8, 'c');
    expect(Object.fromEntries(tops)).toEqual({ a: 244, b: 352, c: 460, d: 568 });
  });

  test('with no room above, the selected card too is pushed down (the margin top wins)', () => {
    const tops = layoutMargin([card('a', 100), card('b', 150), card('c', 160)], 8, 'c');
    expect(Object.fromEntries(tops)).toEqual({ a: 0, b: 108, c: 216 });
  });

  test('an unknown selected id lays the cards out as with none selected', () => {
    const items = [card('a', 10), card('b', 50)];
    expect(layoutMargin(items, 8, 'zzz')).toEqual(layoutMargin(items, 8));
  });

  test('the margin is as tall as its lowest card, at least the minimum', () => {
    const items = [card('a', 10), card('b', 50)];
    const tops = layoutMargin(items, 8);
    expect(marginHeight(items, tops, 0)).toBe(218);
    expect(marginHeight(items, tops, 1000)).toBe(1000);
    expect(marginHeight([], new Map(), 300)).toBe(300);
  });
});
