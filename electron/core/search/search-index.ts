import { searchTokens } from './tokens';

export interface SearchHit {
  id: string;
  /** Share of the query's tokens the document contains (1 = all). */
  score: number;
}

/**
 * An in-memory inverted index from search tokens to documents. Documents are numbered internally so a
 * posting is a small integer; the index is a cache rebuilt from the documents.
 */
export class SearchIndex {
  private readonly numbers = new Map<string, number>();
  private readonly ids: (string | null)[] = [];
  private readonly tokensOfNumber: (string[] | null)[] = [];
  private readonly postings = new Map<string, Set<number>>();

  get size(): number {
    return this.numbers.size;
  }

  /** Add or replace a document's text. */
  put(id: string, text: string): void {
    this.remove(id);
    const number = this.ids.length;
    this.ids.push(id);
    this.numbers.set(id, number);
    const tokens = searchTokens(text);
    this.tokensOfNumber.push(tokens);
    for (const token of tokens) {
      let set = this.postings.get(token);
      if (!set) {
        set = new Set();
        this.postings.set(token, set);
      }
      set.add(number);
    }
  }

  /** The tokens indexed for a document (empty when it is not indexed). */
  tokensOf(id: string): readonly string[] {
    const number = this.numbers.get(id);
    return number === undefined ? [] : (this.tokensOfNumber[number] ?? []);
  }

  /** For every document with at least one of `tokens`: how many of them it has. */
  counts(tokens: readonly string[]): Map<string, number> {
    const byNumber = new Map<number, number>();
    for (const token of new Set(tokens)) for (const number of this.postings.get(token) ?? []) byNumber.set(number, (byNumber.get(number) ?? 0) + 1);
    const byId = new Map<string, number>();
    for (const [number, count] of byNumber) byId.set(this.ids[number]!, count);
    return byId;
  }

  remove(id: string): void {
    const number = this.numbers.get(id);
    if (number === undefined) return;
    for (const token of this.tokensOfNumber[number] ?? []) {
      const set = this.postings.get(token);
      set?.delete(number);
      if (set && set.size === 0) this.postings.delete(token);
    }
    this.numbers.delete(id);
    this.ids[number] = null;
    this.tokensOfNumber[number] = null;
  }

  /**
   * Documents containing every token of the query, best first. Where none contains them all, documents
   * with at least `minShare` of them (a typo or an extra character still finds something).
   */
  search(query: string, options: { limit?: number; minShare?: number; fallback?: boolean } = {}): SearchHit[] {
    const tokens = searchTokens(query);
    if (!tokens.length) return [];
    const counts = new Map<number, number>();
    const sorted = tokens
      .map((token) => this.postings.get(token) ?? new Set<number>())
      .sort((a, b) => a.size - b.size);
    for (const set of sorted) for (const number of set) counts.set(number, (counts.get(number) ?? 0) + 1);
    const minShare = options.minShare ?? 1;
    let hits: SearchHit[] = [];
    for (const [number, count] of counts) {
      const score = count / tokens.length;
      if (score >= minShare) hits.push({ id: this.ids[number]!, score });
    }
    if (!hits.length && minShare === 1 && tokens.length > 2 && options.fallback !== false) return this.search(query, { ...options, minShare: 0.75 });
    hits = hits.sort((a, b) => b.score - a.score);
    return options.limit ? hits.slice(0, options.limit) : hits;
  }
}
