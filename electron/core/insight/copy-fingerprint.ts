/**
 * The fingerprint side of 雷同检测 (copy detection, see copy-detection.ts): which text is analysis, how it is cut into
 * sentences and normalised (NFKC, digits → `#`, punctuation dropped), its character 3-grams and their winnowed
 * fingerprints, a revision's entry for the copy index, and the pools (partitions) an entry belongs to.
 */
import { richTextToPlain } from '../common/text/rich-text';
import type { Report } from '../common/schemas/report';
import type { Template } from '../common/schemas/template';

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
