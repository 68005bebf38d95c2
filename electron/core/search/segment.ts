/**
 * The search index as a compact file (a "segment"), so that searching 50,000 documents needs neither reading
 * every document at start nor holding hundreds of megabytes of postings in memory.
 *
 * Layout (little-endian):
 *
 *   header    'RDSG' · u32 version · u32 documents · u32 tokens · u32 document-table bytes · u32 dictionary bytes
 *   documents per document: u8 id length · id (UTF-8) · u32 rev · u8 stamp length · updatedAt (UTF-8)
 *   dictionary per token: u8 length · token (UTF-8) · u32 document frequency · u32 posting offset · u32 posting bytes ·
 *             u8 encoding (0 deltas, 1 bitmap)
 *   postings  per token either the ascending document numbers as LEB128 deltas, or — when that would be
 *             larger — a bitmap of ⌈documents / 8⌉ bytes (dense tokens such as 片区 or 销量)
 *
 * Documents are numbered newest first, so equally good hits come back newest first. The header, document table
 * and dictionary are read once; postings are read per query from the file (`PostingSource`). Pure: the store
 * does the file access.
 */

const magic = 0x47534452; // 'RDSG' read as a little-endian u32
export const segmentVersion = 1;
export const segmentHeaderBytes = 24;
/** Longer tokens are left out of segments (255 bytes of UTF-8 at most). */
export const maxTokenLength = 85;

/** Reads a posting list's bytes from the segment file (offset relative to the start of the postings). */
export interface PostingSource {
  read(offset: number, length: number): Promise<Uint8Array>;
}

/** Postings held in memory (a whole segment file, for merging, or tests). */
export function memoryPostings(postings: Uint8Array): PostingSource {
  return { read: async (offset, length) => postings.subarray(offset, offset + length) };
}

export interface SegmentDocument {
  id: string;
  rev: number;
  updatedAt: string;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A growable byte buffer. */
class Bytes {
  buffer: Uint8Array;
  length = 0;

  constructor(capacity = 16) {
    this.buffer = new Uint8Array(capacity);
  }

  reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    let capacity = this.buffer.length * 2;
    while (capacity < this.length + extra) capacity *= 2;
    const next = new Uint8Array(capacity);
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
  }

  byte(value: number): void {
    this.reserve(1);
    this.buffer[this.length++] = value;
  }

  u32(value: number): void {
    this.reserve(4);
    const at = this.length;
    this.buffer[at] = value & 0xff;
    this.buffer[at + 1] = (value >>> 8) & 0xff;
    this.buffer[at + 2] = (value >>> 16) & 0xff;
    this.buffer[at + 3] = (value >>> 24) & 0xff;
    this.length += 4;
  }

  varint(value: number): void {
    this.reserve(5);
    while (value >= 0x80) {
      this.buffer[this.length++] = (value & 0x7f) | 0x80;
      value >>>= 7;
    }
    this.buffer[this.length++] = value;
  }

  /** A short UTF-8 string (at most 255 bytes) with a one-byte length. */
  shortText(text: string): void {
    const bytes = encoder.encode(text);
    if (bytes.length > 255) throw new Error(`text too long for a search segment: ${text.slice(0, 20)}…`);
    this.byte(bytes.length);
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}

function readU32(bytes: Uint8Array, at: number): number {
  return (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0;
}

/** One token's postings while a segment is being built. */
interface Posting {
  bytes: Bytes;
  count: number;
  last: number;
}

/**
 * Builds a segment. Documents get numbers in the order they are added (add the newest first); postings must be
 * added in ascending document number per token.
 */
export class SegmentBuilder {
  private readonly documents: SegmentDocument[] = [];
  private readonly postings = new Map<string, Posting>();

  get documentCount(): number {
    return this.documents.length;
  }

  addDocument(document: SegmentDocument): number {
    this.documents.push(document);
    return this.documents.length - 1;
  }

  addPosting(token: string, number: number): void {
    // A run of 86 or more letters is no word anyone searches for, and might not fit the dictionary's length byte.
    if (token.length > maxTokenLength) return;
    let posting = this.postings.get(token);
    if (!posting) {
      posting = { bytes: new Bytes(4), count: 0, last: -1 };
      this.postings.set(token, posting);
    }
    if (number <= posting.last) throw new Error(`postings out of order for ${token}`);
    posting.bytes.varint(number - posting.last - 1);
    posting.last = number;
    posting.count++;
  }

  private reverse(): void {
    const last = this.documents.length - 1;
    this.documents.reverse();
    for (const posting of this.postings.values()) {
      const reversed = encodeReversed(posting.bytes.bytes(), last);
      posting.bytes = reversed.bytes;
      posting.last = reversed.last;
    }
  }

  /** A document and all its tokens. */
  add(document: SegmentDocument, tokens: Iterable<string>): number {
    const number = this.addDocument(document);
    for (const token of tokens) this.addPosting(token, number);
    return number;
  }

  /**
   * The segment file's bytes. `reverse` numbers the documents in the opposite order to how they were added
   * (for a builder fed oldest first, so the segment still lists the newest first).
   */
  finish(options: { reverse?: boolean } = {}): Uint8Array {
    if (options.reverse) this.reverse();
    const documentCount = this.documents.length;
    const bitmapBytes = Math.ceil(documentCount / 8);
    const table = new Bytes(documentCount * 64 + 16);
    for (const document of this.documents) {
      table.shortText(document.id);
      table.u32(document.rev);
      table.shortText(document.updatedAt);
    }
    const tokens = [...this.postings.keys()].sort();
    const dictionary = new Bytes(tokens.length * 20 + 16);
    const postings = new Bytes(1 << 16);
    for (const token of tokens) {
      const posting = this.postings.get(token)!;
      const start = postings.length;
      const dense = posting.bytes.length > bitmapBytes;
      if (dense) {
        // Dense: a bitmap is smaller than the deltas.
        postings.reserve(bitmapBytes);
        const bitmap = postings.buffer.subarray(start, start + bitmapBytes);
        bitmap.fill(0);
        forEachVarintNumber(posting.bytes.bytes(), (number) => {
          bitmap[number >>> 3] |= 1 << (number & 7);
        });
        postings.length += bitmapBytes;
      } else {
        postings.reserve(posting.bytes.length);
        postings.buffer.set(posting.bytes.bytes(), start);
        postings.length += posting.bytes.length;
      }
      dictionary.shortText(token);
      dictionary.u32(posting.count);
      dictionary.u32(start);
      dictionary.u32(postings.length - start);
      dictionary.byte(dense ? 1 : 0);
    }
    const header = new Bytes(segmentHeaderBytes);
    header.u32(magic);
    header.u32(segmentVersion);
    header.u32(documentCount);
    header.u32(tokens.length);
    header.u32(table.length);
    header.u32(dictionary.length);
    const output = new Uint8Array(header.length + table.length + dictionary.length + postings.length);
    let at = 0;
    for (const part of [header.bytes(), table.bytes(), dictionary.bytes(), postings.bytes()]) {
      output.set(part, at);
      at += part.length;
    }
    return output;
  }
}

function encodeReversed(bytes: Uint8Array, last: number): { bytes: Bytes; last: number } {
  const numbers: number[] = [];
  forEachVarintNumber(bytes, (number) => numbers.push(last - number));
  const output = new Bytes(bytes.length);
  let previous = -1;
  for (let index = numbers.length - 1; index >= 0; index--) {
    output.varint(numbers[index] - previous - 1);
    previous = numbers[index];
  }
  return { bytes: output, last: previous };
}

function forEachVarintNumber(bytes: Uint8Array, visit: (number: number) => void): void {
  let number = -1;
  let at = 0;
  while (at < bytes.length) {
    let value = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = bytes[at++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    number += value + 1;
    visit(number);
  }
}

/** What the header says about the rest of the file. */
export interface SegmentLayout {
  documents: number;
  tokens: number;
  /** Bytes of header, document table and dictionary: what `SearchSegment.open` needs. */
  indexBytes: number;
}

/** Read the header; null when the bytes are not a segment of this version. */
export function segmentLayout(header: Uint8Array): SegmentLayout | null {
  if (header.length < segmentHeaderBytes || readU32(header, 0) !== magic || readU32(header, 4) !== segmentVersion) return null;
  return {
    documents: readU32(header, 8),
    tokens: readU32(header, 12),
    indexBytes: segmentHeaderBytes + readU32(header, 16) + readU32(header, 20),
  };
}

interface TokenEntry {
  count: number;
  offset: number;
  length: number;
  bitmap: boolean;
}

/** A segment opened for searching: documents and dictionary in memory, postings read on demand. */
export class SearchSegment {
  readonly documents: SegmentDocument[];
  private readonly dictionary = new Map<string, TokenEntry>();
  private readonly source: PostingSource;

  private constructor(documents: SegmentDocument[], source: PostingSource) {
    this.documents = documents;
    this.source = source;
  }

  /**
   * Open a segment from its first `layout.indexBytes` bytes; `postingsSize` is the size of the rest of the file
   * (a truncated file is refused). Throws on malformed bytes.
   */
  static open(index: Uint8Array, postingsSize: number, source: PostingSource): SearchSegment {
    const layout = segmentLayout(index);
    if (!layout || index.length < layout.indexBytes) throw new Error('not a search segment');
    const documents: SegmentDocument[] = new Array(layout.documents);
    let at = segmentHeaderBytes;
    const text = () => {
      const length = index[at];
      const value = decoder.decode(index.subarray(at + 1, at + 1 + length));
      at += 1 + length;
      return value;
    };
    for (let number = 0; number < layout.documents; number++) {
      const id = text();
      const rev = readU32(index, at);
      at += 4;
      documents[number] = { id, rev, updatedAt: text() };
    }
    const segment = new SearchSegment(documents, source);
    for (let count = 0; count < layout.tokens; count++) {
      const token = text();
      const entry = { count: readU32(index, at), offset: readU32(index, at + 4), length: readU32(index, at + 8), bitmap: index[at + 12] === 1 };
      at += 13;
      if (entry.offset + entry.length > postingsSize) throw new Error('search segment is truncated');
      segment.dictionary.set(token, entry);
    }
    if (at !== layout.indexBytes) throw new Error('search segment header does not match its contents');
    return segment;
  }

  get tokenCount(): number {
    return this.dictionary.size;
  }

  /** How many documents contain the token (0 when none). */
  frequency(token: string): number {
    return this.dictionary.get(token)?.count ?? 0;
  }

  /** Every token, for merging. */
  tokens(): IterableIterator<string> {
    return this.dictionary.keys();
  }

  /** Call `visit` with every document number containing `token`, ascending (`source` overrides the segment's). */
  async forEachDocument(token: string, visit: (number: number) => void, source: PostingSource = this.source): Promise<void> {
    const entry = this.dictionary.get(token);
    if (!entry || !entry.count) return;
    const bytes = await source.read(entry.offset, entry.length);
    if (entry.bitmap) {
      for (let index = 0; index < bytes.length; index++) {
        let bits = bytes[index];
        while (bits) {
          const low = bits & -bits;
          visit(index * 8 + 31 - Math.clz32(low));
          bits ^= low;
        }
      }
      return;
    }
    forEachVarintNumber(bytes, visit);
  }
}
