import { describe, expect, test } from 'vitest';
import { snippet } from '../../electron/core/search/report-text';
import { SearchIndex } from '../../electron/core/search/search-index';
import { searchTokens } from '../../electron/core/search/tokens';

describe('Chinese full-text search', () => {
  test('tokens are CJK character pairs plus whole Latin words and numbers', () => {
    expect(searchTokens('存销比0.45，ABC牌')).toEqual(expect.arrayContaining(['存销', '销比', '0', '45', 'abc', '牌']));
    expect(searchTokens('烟')).toEqual(['烟']);
  });

  test('finds a document by a Chinese word from its body, not by words it lacks', () => {
    const index = new SearchIndex();
    index.put('a', '本月城关片区卷烟销量同比增长，重点品规动销良好。');
    index.put('b', '乡镇片区存销比偏高，需控制进货节奏。');
    expect(index.search('动销').map((hit) => hit.id)).toEqual(['a']);
    expect(index.search('存销比').map((hit) => hit.id)).toEqual(['b']);
    expect(index.search('片区').map((hit) => hit.id).sort()).toEqual(['a', 'b']);
    expect(index.search('电子烟')).toEqual([]);
  });

  test('a replaced document is found by its new text only; a removed one not at all', () => {
    const index = new SearchIndex();
    index.put('a', '陈列整改');
    index.put('a', '价格公示');
    expect(index.search('陈列')).toEqual([]);
    expect(index.search('公示').map((hit) => hit.id)).toEqual(['a']);
    index.remove('a');
    expect(index.search('公示')).toEqual([]);
    expect(index.size).toBe(0);
  });

  test('a long query with one wrong character still finds the document', () => {
    const index = new SearchIndex();
    index.put('a', '重点品规断货率持续下降');
    expect(index.search('重点品规断货率持续上升').map((hit) => hit.id)).toEqual(['a']);
  });

  test('snippets show the text around the match', () => {
    expect(snippet('前文'.repeat(30) + '关键字' + '后文'.repeat(30), '关键字', 4)).toBe('…前文前文关键字后文后文…');
  });
});
