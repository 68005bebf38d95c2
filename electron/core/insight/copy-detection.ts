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
import { richTextToPlain } from '../common/text/rich-text';
import type { Report } from '../common/schemas/report';
import type { Template } from '../common/schemas/template';

/** Where a matched passage comes from: (a) own earlier documents, (b) other managers' same period, (c) guidance. */
export type CopyCategory = 'own' | 'peer' | 'guidance';

export interface CopyOptions {
  /** Characters per shingle. */
  shingle: number;
  /** Shingles per winnowing window. */
  window: number;
  /** Sentences shorter than this (normalised characters) are neither matched nor indexed. */
  minSentenceChars: number;
  /** Share of a sentence's shingles found in one source sentence for the two to match. */
  sentenceThreshold: number;
  /** Matches returned at most (the score counts them all). */
  maxMatches: number;
  /** Fingerprints shared by more sentences than this in a pool are boilerplate and not looked up. */
  maxPostings: number;
}

export const defaultCopyOptions: Readonly<CopyOptions> = {
  shingle: 3,
  window: 5,
  minSentenceChars: 8,
  sentenceThreshold: 0.5,
  maxMatches: 300,
  maxPostings: 2000,
};

/** A section's analysis text (plain text of the rich text, as `richTextToPlain` gives it). */
export interface AnalysisSection {
  sectionId: string;
  title: string;
  text: string;
}

/** A sentence of a section: [start, end) in the section's plain text. */
export interface Sentence {
  sectionId: string;
  start: number;
  end: number;
  text: string;
}

/** A sentence as stored in the index: section, offsets, text and its winnowed fingerprints. */
export interface IndexedSentence {
  s: string;
  a: number;
  b: number;
  t: string;
  h: number[];
}

/** One submitted revision in the copy index (a derived cache, rebuilt from the frozen revisions). */
export interface FingerprintEntry {
  id: string;
  revision: number;
  authorId: string;
  authorName: string;
  title: string;
  kind: string;
  templateId: string;
  period: string;
  /** When the revision was submitted (ISO); only earlier submissions count as sources. */
  submittedAt: string;
  sentences: IndexedSentence[];
}

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

const sentenceEnd = /[。！？；!?;\n]/;
const keep = /[\p{L}\p{N}]/u;

/** The sections copy detection reads: those marked `analysis`, or every rich-text section when none is. */
export function analysisSections(template: Template, report: Pick<Report, 'sections'>): AnalysisSection[] {
  const marked = template.sections.filter((section) => section.kind === 'richtext' && section.analysis);
  const chosen = marked.length ? marked : template.sections.filter((section) => section.kind === 'richtext');
  return chosen.map((section) => {
    const content = report.sections[section.id];
    return { sectionId: section.id, title: section.title, text: content?.type === 'richtext' ? richTextToPlain(content.doc) : '' };
  });
}

/** Sentences of a text, cut after 。！？；!?; and line ends, trimmed; offsets refer to `text`. */
export function splitSentences(sectionId: string, text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    let from = start;
    let to = end;
    while (from < to && /\s/.test(text[from])) from++;
    while (to > from && /\s/.test(text[to - 1])) to--;
    if (to > from) sentences.push({ sectionId, start: from, end: to, text: text.slice(from, to) });
  };
  for (let index = 0; index < text.length; index++) {
    if (sentenceEnd.test(text[index])) {
      push(index + 1);
      start = index + 1;
    }
  }
  push(text.length);
  return sentences;
}

/** Every sentence of the analysis sections. */
export function analysisSentences(sections: AnalysisSection[]): Sentence[] {
  return sections.flatMap((section) => splitSentences(section.sectionId, section.text));
}

/**
 * The characters that carry meaning, as code points: NFKC (full-width → half-width), lower case, punctuation
 * and spaces dropped, each run of digits (with its decimal point) one `#`.
 */
export function normalizeSentence(text: string): string[] {
  const out: string[] = [];
  let inNumber = false;
  for (const character of text.normalize('NFKC').toLowerCase()) {
    if (character >= '0' && character <= '9') {
      if (!inNumber) out.push('#');
      inNumber = true;
      continue;
    }
    if (inNumber && (character === '.' || character === ',')) continue;
    inNumber = false;
    if (keep.test(character)) out.push(character);
  }
  return out;
}

/**
 * A sentence that mostly states figures (a quarter or more of its letters and digits are digits), e.g.
 * 10月销售卷烟1,286箱，同比增长3.2% — the same wording with this month's numbers is how such sentences are meant
 * to be written (and what 生成描述 proposes), not analysis: it is neither matched nor counted.
 */
export function isFigureSentence(text: string): boolean {
  let digits = 0;
  let meaningful = 0;
  for (const character of text.normalize('NFKC')) {
    if (character >= '0' && character <= '9') digits++;
    if (keep.test(character)) meaningful++;
  }
  return meaningful > 0 && digits / meaningful >= 0.25;
}

/** FNV-1a over a shingle's code points (32 bits). */
function hashShingle(characters: string[], start: number, length: number): number {
  let hash = 0x811c9dc5;
  for (let index = start; index < start + length; index++) {
    const code = characters[index].codePointAt(0) ?? 0;
    hash ^= code & 0xffff;
    hash = Math.imul(hash, 0x01000193);
    if (code > 0xffff) {
      hash ^= code >>> 16;
      hash = Math.imul(hash, 0x01000193);
    }
  }
  return hash >>> 0;
}

/** Hash of every shingle, in order (empty when the text is shorter than one shingle). */
export function shingleHashes(characters: string[], size: number = defaultCopyOptions.shingle): number[] {
  const hashes: number[] = [];
  for (let start = 0; start + size <= characters.length; start++) hashes.push(hashShingle(characters, start, size));
  return hashes;
}

/** Winnowing (Schleimer et al.): the rightmost minimum of every window of `window` hashes, each kept once. */
export function winnow(hashes: number[], window: number = defaultCopyOptions.window): number[] {
  if (hashes.length <= window) return hashes.length ? [Math.min(...hashes)] : [];
  const chosen = new Set<number>();
  for (let start = 0; start + window <= hashes.length; start++) {
    let minimum = hashes[start];
    for (let index = start + 1; index < start + window; index++) if (hashes[index] <= minimum) minimum = hashes[index];
    chosen.add(minimum);
  }
  return [...chosen];
}

/** A revision's entry for the copy index: its sentences long enough to match, with their fingerprints. */
export function fingerprintReport(
  report: Pick<Report, 'id' | 'revision' | 'authorId' | 'authorName' | 'title' | 'kind' | 'templateId' | 'period' | 'sections'>,
  template: Template,
  submittedAt: string,
  options: Partial<CopyOptions> = {},
): FingerprintEntry {
  const settings = { ...defaultCopyOptions, ...options };
  const sentences: IndexedSentence[] = [];
  for (const sentence of analysisSentences(analysisSections(template, report))) {
    if (isFigureSentence(sentence.text)) continue;
    const characters = normalizeSentence(sentence.text);
    if (characters.length < settings.minSentenceChars) continue;
    sentences.push({ s: sentence.sectionId, a: sentence.start, b: sentence.end, t: sentence.text, h: winnow(shingleHashes(characters, settings.shingle), settings.window) });
  }
  return {
    id: report.id,
    revision: report.revision,
    authorId: report.authorId,
    authorName: report.authorName,
    title: report.title,
    kind: report.kind,
    templateId: report.templateId,
    period: report.period,
    submittedAt,
    sentences,
  };
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
  const { document } = input;
  const before = document.submittedAt;

  // Guidance: a small pool built on the fly.
  const guidanceSentences: { sentence: Sentence; shingles: Set<number> }[] = [];
  const guidancePostings = new Map<number, number[]>();
  const winnowCounts: number[] = [];
  for (const section of input.guidance ?? []) {
    for (const sentence of splitSentences(section.sectionId, section.text)) {
      const characters = normalizeSentence(sentence.text);
      if (characters.length < options.minSentenceChars) continue;
      const hashes = shingleHashes(characters, options.shingle);
      const reference = guidanceSentences.length;
      guidanceSentences.push({ sentence, shingles: new Set(hashes) });
      const fingerprints = winnow(hashes, options.window);
      winnowCounts.push(fingerprints.length);
      for (const hash of fingerprints) {
        const list = guidancePostings.get(hash);
        if (list) list.push(reference);
        else guidancePostings.set(hash, [reference]);
      }
    }
  }

  const pools = input.pools.map((pool) => ({ pool, index: indexOf(pool.entries, options.shingle) }));
  // Candidate sentences by a numeric key: pool number × 2^32 + reference; guidance sentences are negative.
  // Candidate sentences by a numeric key: pool number × 2^32 + reference; guidance sentences are negative.
  const eligibleCache = new Map<number, boolean>();
  /** Only the latest revision of another document, submitted before this one, by the pool's kind of author. */
  const eligible = (key: number): boolean => {
    if (key < 0) return true;
    const cached = eligibleCache.get(key);
    if (cached !== undefined) return cached;
    const { pool, index } = pools[Math.floor(key / 2 ** 32)];
    const entryIndex = Math.floor((key % 2 ** 32) / 4096);
    const entry = pool.entries[entryIndex];
    const result =
      !!entry &&
      entry.id !== document.id &&
      index.latest.get(entry.id) === entryIndex &&
      entry.submittedAt < before &&
      (pool.category === 'own' ? entry.authorId === document.authorId : entry.authorId !== document.authorId);
    eligibleCache.set(key, result);
    return result;
  };
  const guidanceArrays = guidanceSentences.map((entry) => Uint32Array.from(entry.shingles));
  const shinglesFor = (key: number): Uint32Array => {
    if (key < 0) return guidanceArrays[-key - 1];
    return pools[Math.floor(key / 2 ** 32)].index.shingles.get(key % 2 ** 32) ?? new Uint32Array(0);
  };
  /** The matched source, made only for the best candidate of a sentence. */
  const candidateFor = (key: number): Candidate => {
    if (key < 0) {
      const { sentence, shingles } = guidanceSentences[-key - 1];
      return {
        category: 'guidance',
        source: {
          docId: input.guidanceSource?.id ?? '',
          revision: 0,
          title: input.guidanceSource?.title ?? '',
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
    const { pool } = pools[Math.floor(key / 2 ** 32)];
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
      shingles: new Set(shinglesFor(key)),
    };
  };
  const fingerprintCount = (key: number): number => {
    if (key < 0) return winnowCounts[-key - 1];
    const { pool } = pools[Math.floor(key / 2 ** 32)];
    const reference = key % 2 ** 32;
    return pool.entries[Math.floor(reference / 4096)]?.sentences[reference % 4096]?.h.length ?? 0;
  };
  const categoryRank: Record<CopyCategory, number> = { peer: 0, own: 1, guidance: 2 };
  const categoryOf = (key: number): CopyCategory => (key < 0 ? 'guidance' : pools[Math.floor(key / 2 ** 32)].pool.category);

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
    const unique = new Set(hashes);
    // Candidate sentences by the fingerprints they share; very common fingerprints (boilerplate every
    // writer uses) are skipped, and a candidate must share two of them unless it has fewer.
    const hits = new Map<number, number>();
    const count = (key: number) => hits.set(key, (hits.get(key) ?? 0) + 1);
    for (const hash of unique) {
      pools.forEach(({ index }, poolNumber) => {
        const list = index.postings.get(hash);
        if (!list || list.length > options.maxPostings) return;
        for (const reference of list) count(poolNumber * 2 ** 32 + reference);
      });
      for (const reference of guidancePostings.get(hash) ?? []) count(-reference - 1);
    }
    let bestKey: number | null = null;
    let bestSimilarity = 0;
    for (const [key, shared] of hits) {
      if (shared < 2 && fingerprintCount(key) > 1) continue;
      if (!eligible(key)) continue;
      let common = 0;
      for (const hash of shinglesFor(key)) if (unique.has(hash)) common++;
      const similarity = common / unique.size;
      if (
        bestKey === null ||
        similarity > bestSimilarity + 1e-9 ||
        (Math.abs(similarity - bestSimilarity) <= 1e-9 && categoryRank[categoryOf(key)] < categoryRank[categoryOf(bestKey)])
      ) {
        bestKey = key;
        bestSimilarity = similarity;
      }
    }
    const best = bestKey === null ? null : { candidate: candidateFor(bestKey), similarity: bestSimilarity };
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

/** The template's guidance texts (and its description), as category (c) sources. */
export function guidanceSections(template: Template): AnalysisSection[] {
  const sections = template.sections
    .filter((section) => section.guidance.trim())
    .map((section) => ({ sectionId: section.id, title: section.title, text: section.guidance }));
  return template.description.trim() ? [{ sectionId: '', title: template.name, text: template.description }, ...sections] : sections;
}

/** The pools a revision is checked against and indexed into: `own:<kind>:<author>` and `peer:<kind>:<month>`. */
export function copyPartitions(entry: Pick<FingerprintEntry, 'kind' | 'authorId' | 'period'>): { own: string; peer: string } {
  return { own: `own:${entry.kind}:${entry.authorId}`, peer: `peer:${entry.kind}:${periodBucket(entry.period)}` };
}

/** The period a document is compared with peers in: the month (daily logs of one month together), or the quarter. */
export function periodBucket(period: string): string {
  const trimmed = period.trim();
  if (/^\d{4}-Q[1-4]$/i.test(trimmed)) return trimmed.toUpperCase();
  const month = /^(\d{4}-\d{2})/.exec(trimmed);
  return month ? month[1] : trimmed.slice(0, 20) || 'none';
}
