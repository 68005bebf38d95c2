import { describe, expect, test } from 'vitest';
import { SearchIndex, type SearchHit } from '../../electron/core/search/search-index';
import { memoryPostings, SearchSegment, segmentLayout, SegmentBuilder, type SegmentDocument } from '../../electron/core/search/segment';
import { SegmentedSearchIndex } from '../../electron/core/search/segmented-index';
import { searchTokens } from '../../electron/core/search/tokens';

const words = ['片区', '销量', '同比', '存销比', '断货', '明码标价', '细支烟', '黄山', '中华', '陈列', '订货', '价签', '库存', '动销'];

/** Deterministic texts: every document mentions 片区 (a dense token), others vary. */
function texts(count: number): string[] {
  return Array.from({ length: count }, (_, index) => {
    const picked = words.filter((_, word) => (index * 7 + word * 3) % 5 < 2);
    return `第${index}号 片区${picked.join('，')}。编号${1000 + index}`;
  });
}

function open(bytes: Uint8Array): SearchSegment {
  const layout = segmentLayout(bytes)!;
  return SearchSegment.open(bytes.subarray(0, layout.indexBytes), bytes.length - layout.indexBytes, memoryPostings(bytes.subarray(layout.indexBytes)));
}

function document(index: number, rev = 1): SegmentDocument {
  return { id: `d${index}`, rev, updatedAt: `2026-01-01T00:00:${String(index % 60).padStart(2, '0')}.000Z` };
}

const byId = (hits: SearchHit[]) => [...hits].sort((a, b) => (a.id < b.id ? -1 : 1));

describe('the search segment', () => {
  test('finds the same documents with the same scores as the in-memory index, after changes and a merge', async () => {
    const all = texts(300);
    const builder = new SegmentBuilder();
    all.forEach((text, index) => builder.add(document(index), searchTokens(text)));
    const bytes = builder.finish();
    const index = new SegmentedSearchIndex(open(bytes));
    const reference = new SearchIndex();
    all.forEach((text, number) => reference.put(`d${number}`, text));

    // Changes since the segment: a replaced text, a removed document, a new one.
    index.put(document(5, 2), '新的内容：电子烟专项检查');
    reference.put('d5', '新的内容：电子烟专项检查');
    index.remove('d6');
    reference.remove('d6');
    index.put(document(300), '片区新店开业，明码标价到位');
    reference.put('d300', '片区新店开业，明码标价到位');
    expect(index.size).toBe(reference.size);
    expect(index.pendingChanges).toBe(4);

    const queries = ['片区', '存销比', '电子烟', '明码标价', '编号1005', '黄山 中华', '断货率持续上升', '第6号'];
    for (const query of queries) expect(byId(await index.search(query)), query).toEqual(byId(reference.search(query)));

    const merged = new SegmentedSearchIndex(open(await index.merge(memoryPostings(bytes.subarray(segmentLayout(bytes)!.indexBytes)))));
    expect(merged.pendingChanges).toBe(0);
    for (const query of queries) expect(byId(await merged.search(query)), query).toEqual(byId(reference.search(query)));
  });

  test('stores a token every document has as a bitmap and a rare one as deltas, both read back', async () => {
    const builder = new SegmentBuilder();
    for (let index = 0; index < 64; index++) builder.add(document(index), index % 16 === 0 ? ['片区', '罕见'] : ['片区']);
    const bytes = builder.finish();
    const segment = open(bytes);
    const visit = async (token: string) => {
      const numbers: number[] = [];
      await segment.forEachDocument(token, (number) => numbers.push(number));
      return numbers;
    };
    expect(await visit('片区')).toEqual(Array.from({ length: 64 }, (_, index) => index));
    expect(await visit('罕见')).toEqual([0, 16, 32, 48]);
    expect(segment.frequency('片区')).toBe(64);
    // 8 bytes of bitmap for 64 documents, instead of 64 bytes of deltas.
    expect(bytes.length).toBeLessThan(64 * 40);
  });

  test('numbers documents newest first when built oldest first with reverse', async () => {
    const builder = new SegmentBuilder();
    for (let index = 0; index < 10; index++) builder.add(document(index), index < 3 ? ['旧'] : ['新']);
    const segment = open(builder.finish({ reverse: true }));
    expect(segment.documents.map((item) => item.id)).toEqual(['d9', 'd8', 'd7', 'd6', 'd5', 'd4', 'd3', 'd2', 'd1', 'd0']);
    const numbers: number[] = [];
    await segment.forEachDocument('旧', (number) => numbers.push(number));
    expect(numbers).toEqual([7, 8, 9]);
    const index = new SegmentedSearchIndex(segment);
    expect((await index.search('新')).map((hit) => hit.id)).toEqual(['d9', 'd8', 'd7', 'd6', 'd5', 'd4', 'd3']);
  });

  test('reconcile drops documents deleted or changed since the segment and names the ones to index again', () => {
    const builder = new SegmentBuilder();
    for (let index = 0; index < 4; index++) builder.add(document(index), ['词']);
    const index = new SegmentedSearchIndex(open(builder.finish()));
    const current = new Map([
      ['d0', { rev: 1, updatedAt: document(0).updatedAt }],
      ['d1', { rev: 2, updatedAt: document(1).updatedAt }],
      ['d3', { rev: 1, updatedAt: document(3).updatedAt }],
      ['d9', { rev: 1, updatedAt: 'x' }],
    ]);
    expect(index.reconcile(current).sort()).toEqual(['d1', 'd9']);
    expect(index.size).toBe(2);
  });

  test('refuses bytes that are not a segment or are cut short', () => {
    expect(segmentLayout(new TextEncoder().encode('not a segment at all, really'))).toBeNull();
    const builder = new SegmentBuilder();
    builder.add(document(0), ['词']);
    const bytes = builder.finish();
    const layout = segmentLayout(bytes)!;
    expect(() => SearchSegment.open(bytes.subarray(0, layout.indexBytes), 0, memoryPostings(new Uint8Array()))).toThrow();
  });
});
