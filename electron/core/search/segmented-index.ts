import { SearchIndex, type SearchHit } from './search-index';
import { SegmentBuilder, type PostingSource, type SearchSegment, type SegmentDocument } from './segment';
import { searchTokens } from './tokens';

/**
 * Full-text search over a stored segment plus the documents changed since it was written: a save puts the
 * document into a small in-memory index and hides its old postings in the segment, so saving never rewrites
 * the segment. `merge` folds the changes into a new segment (when the store closes with many changes).
 */
export class SegmentedSearchIndex {
  private readonly segment: SearchSegment | null;
  /** Segment number of every live document in the segment. */
  private readonly numbers = new Map<string, number>();
  /** 1 where the segment's postings for a document no longer count (changed or deleted since). */
  private readonly superseded: Uint8Array;
  private supersededCount = 0;
  private readonly delta = new SearchIndex();
  private readonly deltaDocuments = new Map<string, SegmentDocument>();

  constructor(segment: SearchSegment | null) {
    this.segment = segment;
    const documents = segment?.documents ?? [];
    this.superseded = new Uint8Array(documents.length);
    documents.forEach((document, number) => this.numbers.set(document.id, number));
  }

  /** Documents searchable now. */
  get size(): number {
    return this.numbers.size - this.supersededCount + this.deltaDocuments.size;
  }

  /** Changes not yet in the segment (documents added, changed or removed since it was written). */
  get pendingChanges(): number {
    return this.deltaDocuments.size + this.supersededCount;
  }

  get segmentDocuments(): number {
    return this.segment?.documents.length ?? 0;
  }

  private supersede(id: string): void {
    const number = this.numbers.get(id);
    if (number === undefined || this.superseded[number]) return;
    this.superseded[number] = 1;
    this.supersededCount++;
  }

  /**
   * Compare the segment with the documents as they are now (`current`: id → rev and updatedAt): documents
   * deleted or changed since the segment was written are dropped from it. Returns the ids that must be
   * (re)indexed from their files: changed ones and ones the segment has never seen.
   */
  reconcile(current: ReadonlyMap<string, { rev: number; updatedAt: string }>): string[] {
    const stale: string[] = [];
    for (const [id, number] of this.numbers) {
      if (this.deltaDocuments.has(id)) continue;
      const now = current.get(id);
      const stored = this.segment!.documents[number];
      if (!now) this.supersede(id);
      else if (now.rev !== stored.rev || now.updatedAt !== stored.updatedAt) {
        this.supersede(id);
        stale.push(id);
      }
    }
    for (const id of current.keys()) if (!this.numbers.has(id) && !this.deltaDocuments.has(id)) stale.push(id);
    return stale;
  }

  /** Add or replace a document's text. */
  put(document: SegmentDocument, text: string): void {
    this.supersede(document.id);
    this.delta.put(document.id, text);
    this.deltaDocuments.set(document.id, document);
  }

  remove(id: string): void {
    this.supersede(id);
    this.delta.remove(id);
    this.deltaDocuments.delete(id);
  }

  /**
   * Documents containing every token of the query, best first (equally good ones newest first). Where none
   * contains them all, documents with at least three quarters of them (a typo still finds something).
   * `accept` keeps only the documents it accepts (visibility, filters) and `limit` stops after that many: hits
   * are taken score by score, so a search that matches 40,000 documents makes objects only for those returned.
   */
  async search(query: string, options: { limit?: number; accept?: (id: string) => boolean } = {}): Promise<SearchHit[]> {
    const tokens = searchTokens(query);
    if (!tokens.length) return [];
    const segment = this.segment;
    const counts = segment && segment.documents.length ? new Uint8Array(segment.documents.length) : null;
    if (segment && counts) {
      await Promise.all(
        tokens.map((token) =>
          segment.forEachDocument(token, (number) => {
            counts[number]++;
          }),
        ),
      );
    }
    const changed = this.delta.counts(tokens);
    const changedNewestFirst = [...changed.keys()].sort((a, b) => compareNewestFirst(this.deltaDocuments.get(a)!, this.deltaDocuments.get(b)!));
    const total = tokens.length;
    const superseded = this.superseded;
    const hasAll = () => {
      for (const count of changed.values()) if (count === total) return true;
      if (counts) for (let number = 0; number < counts.length; number++) if (counts[number] === total && !superseded[number]) return true;
      return false;
    };
    const minShare = hasAll() || total <= 2 ? 1 : 0.75;
    const needed = Math.ceil(minShare * total - 1e-9);
    const limit = options.limit ?? Infinity;
    const accept = options.accept ?? (() => true);
    const hits: SearchHit[] = [];
    for (let level = total; level >= needed && level > 0 && hits.length < limit; level--) {
      const score = level / total;
      for (const id of changedNewestFirst) {
        if (changed.get(id) !== level || !accept(id)) continue;
        hits.push({ id, score });
        if (hits.length >= limit) return hits;
      }
      if (!counts || !segment) continue;
      const documents = segment.documents;
      for (let number = 0; number < counts.length; number++) {
        if (counts[number] !== level || superseded[number]) continue;
        const id = documents[number].id;
        if (!accept(id)) continue;
        hits.push({ id, score });
        if (hits.length >= limit) return hits;
      }
    }
    return hits;
  }

  /**
   * A new segment holding every searchable document: the changed ones first (newest first), then the old
   * segment's live documents in their order. `postings` reads the old segment's postings (pass one backed by
   * the whole file: every posting is read once).
   */
  async merge(postings?: PostingSource): Promise<Uint8Array> {
    const builder = new SegmentBuilder();
    const changed = [...this.deltaDocuments.values()].sort(compareNewestFirst);
    for (const document of changed) builder.add(document, this.delta.tokensOf(document.id));
    const segment = this.segment;
    if (segment) {
      const mapped = new Int32Array(segment.documents.length).fill(-1);
      segment.documents.forEach((document, number) => {
        if (!this.superseded[number]) mapped[number] = builder.addDocument(document);
      });
      for (const token of segment.tokens()) {
        await segment.forEachDocument(
          token,
          (number) => {
            const target = mapped[number];
            if (target >= 0) builder.addPosting(token, target);
          },
          postings,
        );
      }
    }
    return builder.finish();
  }
}

function compareNewestFirst(a: SegmentDocument, b: SegmentDocument): number {
  return a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0;
}
