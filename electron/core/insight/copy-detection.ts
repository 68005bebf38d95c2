/**
 * 雷同检测 (copy detection): how much of a document's analysis text repeats (a) the same author's earlier
 * documents of the same kind, (b) other managers' documents of the same period, (c) the template's own guidance.
 *
 * Chinese-aware without a dictionary: text is cut into sentences at 。！？；!?; and line ends, each sentence is
 * normalised (full-width → half-width, punctuation and spaces dropped, every run of digits → `#`, so changed
 * figures do not hide a copied sentence), and described by its character 3-grams. A sentence of the checked
 * document matches a sentence of a source when at least half of its 3-grams occur in it (containment), so a
 * copied sentence with a few characters changed still matches, and the order of sentences does not matter at
 * all. The score is the share of the analysis text's characters covered by 3-grams of matched sentences.
 * (Measured on copies and on honest same-subject texts: copied sentences keep 60–95% of their 3-grams, honest
 * ones sharing a brand name or a stock phrase at most about 40%; 4-grams and LCS separate the two less well.)
 * Sentences that mostly state figures (see `isFigureSentence`) are not analysis and count neither way.
 *
 * Speed: sources are indexed by winnowed fingerprints (the minimum hash of every window of 5 consecutive
 * 3-grams; any common run of 7 characters shares one), in postings hash → sentence. A check looks up each of its
 * own 3-grams in the postings of its candidate pools only (the author's documents of the kind, the period's
 * documents of the kind), so its cost depends on those pools, never on the size of the whole office; the
 * postings of a pool are built once and extended as entries are appended (cached per pool array).
 */
import {
  defaultCopyOptions,
  isFigureSentence,
  normalizeSentence,
  shingleHashes,
  splitSentences,
  winnow,
  type AnalysisSection,
  type CopyOptions,
  type FingerprintEntry,
  type Sentence,
} from './copy-fingerprint';

export * from './copy-fingerprint';

/** Where a matched passage comes from: (a) own earlier documents, (b) other managers' same period, (c) guidance. */
export type CopyCategory = 'own' | 'peer' | 'guidance';

export interface CopyPassage {
  sectionId: string;
  start: number;
  end: number;
  text: string;
}

export interface CopyMatch {
  category: CopyCategory;
  /** The checked document's sentence. */
  passage: CopyPassage;
  /** The source: a document (id, revision …) or, for guidance, the template (id) and its section. */
  source: CopyPassage & { docId: string; revision: number; title: string; authorName: string; period: string };
  /** Share of the sentence's 3-grams found in the source sentence (0–1). */
  similarity: number;
  /** Characters of the sentence covered by shared 3-grams. */
  coveredChars: number;
}

export interface CopyDetection {
  /** Matched characters ÷ analysis characters (0 when there is no analysis text). */
  score: number;
  analysisChars: number;
  matchedChars: number;
  byCategory: Record<CopyCategory, number>;
  matches: CopyMatch[];
}

/** A pool of candidate sources of one category. Entries are appended, never changed (the index is cached per array). */
export interface CandidatePool {
  category: 'own' | 'peer';
  entries: readonly FingerprintEntry[];
}

export interface DetectCopiesInput {
  /** The checked revision, as `fingerprintReport` makes it. */
  document: FingerprintEntry;
  /** Its analysis sentences, including the short ones (they count in the denominator); from `analysisSentences`. */
  sentences: Sentence[];
  pools: CandidatePool[];
  /** The template's guidance texts (category c). */
  guidance?: AnalysisSection[];
  guidanceSource?: { id: string; title: string };
  options?: Partial<CopyOptions>;
}

/** The postings of one pool: fingerprint → sentences (entry index, sentence index), extended as entries arrive. */
class PoolIndex {
  readonly postings = new Map<number, number[]>();
  /** Sentence references packed as entry * 4096 + sentence. */
  indexed = 0;
  /** Latest entry index per document id (a resubmission supersedes the earlier revision). */
  readonly latest = new Map<string, number>();
  /** Every distinct shingle of each indexed sentence (4 bytes each), computed once when the entry is indexed. */
  readonly shingles = new Map<number, Uint32Array>();

  constructor(private readonly shingleSize: number) {}

  update(entries: readonly FingerprintEntry[]): void {
    for (; this.indexed < entries.length; this.indexed++) {
      const entry = entries[this.indexed];
      const previous = this.latest.get(entry.id);
      if (previous === undefined || entries[previous].revision <= entry.revision) this.latest.set(entry.id, this.indexed);
      const count = Math.min(entry.sentences.length, 4096);
      for (let sentence = 0; sentence < count; sentence++) {
        const reference = this.indexed * 4096 + sentence;
        this.shingles.set(reference, Uint32Array.from(new Set(shingleHashes(normalizeSentence(entry.sentences[sentence].t), this.shingleSize))));
        for (const hash of entry.sentences[sentence].h) {
          const list = this.postings.get(hash);
          if (list) {
            if (list[list.length - 1] !== reference) list.push(reference);
          } else this.postings.set(hash, [reference]);
        }
      }
    }
  }
}

const poolIndexes = new WeakMap<readonly FingerprintEntry[], PoolIndex>();

function indexOf(entries: readonly FingerprintEntry[], shingleSize: number): PoolIndex {
  let index = poolIndexes.get(entries);
  if (!index) {
    index = new PoolIndex(shingleSize);
    poolIndexes.set(entries, index);
  }
  index.update(entries);
  return index;
}

interface Candidate {
  category: CopyCategory;
  source: CopyMatch['source'];
  shingles: Set<number>;
}

/** The template's guidance as a small pool built on the fly: its sentences, their shingles and postings. */
class GuidancePool {
  readonly sentences: { sentence: Sentence; shingles: Set<number> }[] = [];
  readonly postings = new Map<number, number[]>();
  readonly winnowCounts: number[] = [];
  readonly arrays: Uint32Array[];

  constructor(guidance: AnalysisSection[], options: CopyOptions) {
    for (const section of guidance) {
      for (const sentence of splitSentences(section.sectionId, section.text)) {
        const characters = normalizeSentence(sentence.text);
        if (characters.length < options.minSentenceChars) continue;
        const hashes = shingleHashes(characters, options.shingle);
        const reference = this.sentences.length;
        this.sentences.push({ sentence, shingles: new Set(hashes) });
        const fingerprints = winnow(hashes, options.window);
        this.winnowCounts.push(fingerprints.length);
        for (const hash of fingerprints) {
          const list = this.postings.get(hash);
          if (list) list.push(reference);
          else this.postings.set(hash, [reference]);
        }
      }
    }
    this.arrays = this.sentences.map((entry) => Uint32Array.from(entry.shingles));
  }
}

const categoryRank: Record<CopyCategory, number> = { peer: 0, own: 1, guidance: 2 };

/**
 * Every candidate source sentence of one check, by a numeric key: pool number × 2^32 + reference (entry × 4096 +
 * sentence); guidance sentences are negative (-reference - 1).
 */
class CandidateSpace {
  private readonly pools: { pool: CandidatePool; index: PoolIndex }[];
  private readonly eligibleCache = new Map<number, boolean>();

  constructor(
    private readonly input: DetectCopiesInput,
    private readonly guidance: GuidancePool,
    private readonly options: CopyOptions,
  ) {
    this.pools = input.pools.map((pool) => ({ pool, index: indexOf(pool.entries, options.shingle) }));
  }

  /** Candidate sentences by the fingerprints they share with `unique`, and how many they share. */
  hits(unique: Set<number>): Map<number, number> {
    // Very common fingerprints (boilerplate every writer uses) are skipped.
    const hits = new Map<number, number>();
    const count = (key: number) => hits.set(key, (hits.get(key) ?? 0) + 1);
    for (const hash of unique) {
      this.pools.forEach(({ index }, poolNumber) => {
        const list = index.postings.get(hash);
        if (!list || list.length > this.options.maxPostings) return;
        for (const reference of list) count(poolNumber * 2 ** 32 + reference);
      });
      for (const reference of this.guidance.postings.get(hash) ?? []) count(-reference - 1);
    }
    return hits;
  }

  /** Only the latest revision of another document, submitted before this one, by the pool's kind of author. */
  eligible(key: number): boolean {
    if (key < 0) return true;
    const cached = this.eligibleCache.get(key);
    if (cached !== undefined) return cached;
    const { document } = this.input;
    const { pool, index } = this.pools[Math.floor(key / 2 ** 32)];
    const entryIndex = Math.floor((key % 2 ** 32) / 4096);
    const entry = pool.entries[entryIndex];
    const result =
      !!entry &&
      entry.id !== document.id &&
      index.latest.get(entry.id) === entryIndex &&
      entry.submittedAt < document.submittedAt &&
      (pool.category === 'own' ? entry.authorId === document.authorId : entry.authorId !== document.authorId);
    this.eligibleCache.set(key, result);
    return result;
  }

  shingles(key: number): Uint32Array {
    if (key < 0) return this.guidance.arrays[-key - 1];
    return this.pools[Math.floor(key / 2 ** 32)].index.shingles.get(key % 2 ** 32) ?? new Uint32Array(0);
  }

  fingerprintCount(key: number): number {
    if (key < 0) return this.guidance.winnowCounts[-key - 1];
    const { pool } = this.pools[Math.floor(key / 2 ** 32)];
    const reference = key % 2 ** 32;
    return pool.entries[Math.floor(reference / 4096)]?.sentences[reference % 4096]?.h.length ?? 0;
  }

  category(key: number): CopyCategory {
    return key < 0 ? 'guidance' : this.pools[Math.floor(key / 2 ** 32)].pool.category;
  }

  /** The matched source, made only for the best candidate of a sentence. */
  candidate(key: number): Candidate {
    if (key < 0) {
      const { sentence, shingles } = this.guidance.sentences[-key - 1];
      const source = this.input.guidanceSource;
      return {
        category: 'guidance',
        source: {
          docId: source?.id ?? '',
          revision: 0,
          title: source?.title ?? '',
          authorName: '',
          period: '',
          sectionId: sentence.sectionId,
          start: sentence.start,
          end: sentence.end,
          text: sentence.text,
        },
        shingles,
      };
    }
    const { pool } = this.pools[Math.floor(key / 2 ** 32)];
    const reference = key % 2 ** 32;
    const entry = pool.entries[Math.floor(reference / 4096)];
    const sentence = entry.sentences[reference % 4096];
    return {
      category: pool.category,
      source: {
        docId: entry.id,
        revision: entry.revision,
        title: entry.title,
        authorName: entry.authorName,
        period: entry.period,
        sectionId: sentence.s,
        start: sentence.a,
        end: sentence.b,
        text: sentence.t,
      },
      shingles: new Set(this.shingles(key)),
    };
  }

  /**
   * The candidate sharing the largest share of `unique`'s shingles (ties: peer before own before guidance); a
   * candidate must share two fingerprints unless it has fewer.
   */
  best(unique: Set<number>): { candidate: Candidate; similarity: number } | null {
    let bestKey: number | null = null;
    let bestSimilarity = 0;
    for (const [key, shared] of this.hits(unique)) {
      if (shared < 2 && this.fingerprintCount(key) > 1) continue;
      if (!this.eligible(key)) continue;
      let common = 0;
      for (const hash of this.shingles(key)) if (unique.has(hash)) common++;
      const similarity = common / unique.size;
      if (
        bestKey === null ||
        similarity > bestSimilarity + 1e-9 ||
        (Math.abs(similarity - bestSimilarity) <= 1e-9 && categoryRank[this.category(key)] < categoryRank[this.category(bestKey)])
      ) {
        bestKey = key;
        bestSimilarity = similarity;
      }
    }
    return bestKey === null ? null : { candidate: this.candidate(bestKey), similarity: bestSimilarity };
  }
}

/**
 * Find the copied passages of one document (see the module comment). Pure and synchronous; the cost is the
 * document's 3-grams times the postings they hit in its pools, plus indexing entries the pools gained since
 * the last call.
 *
 * @example
 *   const entry = fingerprintReport(report, template, submittedAt);
 *   const result = detectCopies({ document: entry, sentences: analysisSentences(analysisSections(template, report)),
 *     pools: [{ category: 'own', entries: authorEntries }, { category: 'peer', entries: periodEntries }],
 *     guidance: guidanceSections(template) });
 */
export function detectCopies(input: DetectCopiesInput): CopyDetection {
  const options = { ...defaultCopyOptions, ...input.options };
  const space = new CandidateSpace(input, new GuidancePool(input.guidance ?? [], options), options);

  let analysisChars = 0;
  let matchedChars = 0;
  const byCategoryChars: Record<CopyCategory, number> = { own: 0, peer: 0, guidance: 0 };
  const matches: CopyMatch[] = [];
  for (const sentence of input.sentences) {
    if (isFigureSentence(sentence.text)) continue;
    const characters = normalizeSentence(sentence.text);
    analysisChars += characters.length;
    if (characters.length < options.minSentenceChars) continue;
    const hashes = shingleHashes(characters, options.shingle);
    const best = space.best(new Set(hashes));
    if (!best || best.similarity < options.sentenceThreshold) continue;
    const covered = new Uint8Array(characters.length);
    hashes.forEach((hash, position) => {
      if (best.candidate.shingles.has(hash)) covered.fill(1, position, position + options.shingle);
    });
    const coveredChars = covered.reduce((sum, value) => sum + value, 0);
    matchedChars += coveredChars;
    byCategoryChars[best.candidate.category] += coveredChars;
    if (matches.length < options.maxMatches) {
      matches.push({
        category: best.candidate.category,
        passage: { sectionId: sentence.sectionId, start: sentence.start, end: sentence.end, text: sentence.text },
        source: best.candidate.source,
        similarity: Math.round(best.similarity * 1000) / 1000,
        coveredChars,
      });
    }
  }
  const share = (chars: number) => (analysisChars > 0 ? Math.round((chars / analysisChars) * 1000) / 1000 : 0);
  return {
    score: share(matchedChars),
    analysisChars,
    matchedChars,
    byCategory: { own: share(byCategoryChars.own), peer: share(byCategoryChars.peer), guidance: share(byCategoryChars.guidance) },
    matches,
  };
}
