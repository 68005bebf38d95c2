/**
 * A snapshot of the document list, written when the index journal is compacted, so that opening a folder of
 * 50,000 documents does not parse 50,000 JSON lines.
 *
 * It is one ASCII JSON object holding the list column by column: the ids, titles and times as arrays of
 * strings (one native JSON.parse creates them), the values that repeat (template, kind, author, area, period,
 * status, retailer, grade, meeting flag) as indexes into a dictionary of distinct strings, and the numbers
 * (rev, revision, review count, open comments) with the indexes as base64 typed arrays. Building 50,000
 * summaries from the columns takes a few tens of milliseconds; repeated strings are shared, not copied.
 *
 * The snapshot names the journal it was written with (the file's identity and length): the journal's first
 * `journalBytes` bytes are the snapshot's documents, and lines after them are changes since. A snapshot that
 * does not match its journal, or fails any check, is ignored (the journal alone is the index).
 */
import type { ReportStatus, ReportSummary } from '../core/common/schemas/report';
import type { DocumentKind } from '../core/common/schemas/template';

export const snapshotVersion = 1;

/** The journal file a snapshot belongs to: its identity (inode, as text) and the length it covers. */
export interface JournalMark {
  file: string;
  bytes: number;
}

const repeatedFields = ['templateId', 'kind', 'authorId', 'authorName', 'region', 'period', 'status', 'retailer', 'grade', 'meetingFlag'] as const;
const numberFields = ['rev', 'revision', 'reviewCount', 'openComments'] as const;
const kinds = new Set<string>(['market-analysis', 'research', 'guidance-booklet', 'work-log', 'custom']);
const statuses = new Set<string>(['draft', 'submitted', 'returned', 'approved']);
const meetingFlags = new Set<string>(['praise', 'critique', 'none']);

interface SnapshotFile {
  version: number;
  count: number;
  journal: JournalMark;
  dictionary: string[];
  id: string[];
  title: string[];
  updatedAt: string[];
  createdAt: string[];
  /** '' where there is none. */
  submittedAt: string[];
  /** Uint32 dictionary indexes, `repeatedFields.length` per document (0 = absent for optional fields). */
  repeated: string;
  /** Int32, `numberFields.length` per document. */
  numbers: string;
}

/** JSON with every character outside ASCII escaped: the file is read as one-byte text, which parses fastest. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function base64(array: Uint32Array | Int32Array): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
}

/** The snapshot text of `summaries` (in the order given), for the journal marked `journal`. */
export function encodeSnapshot(summaries: ReportSummary[], journal: JournalMark): string {
  const dictionary: string[] = [''];
  const positions = new Map<string, number>([['', 0]]);
  const position = (value: string | undefined) => {
    if (value === undefined) return 0;
    let index = positions.get(value);
    if (index === undefined) {
      index = dictionary.length;
      dictionary.push(value);
      positions.set(value, index);
    }
    return index;
  };
  const repeated = new Uint32Array(summaries.length * repeatedFields.length);
  const numbers = new Int32Array(summaries.length * numberFields.length);
  summaries.forEach((summary, row) => {
    repeatedFields.forEach((field, column) => {
      repeated[row * repeatedFields.length + column] = position(summary[field]);
    });
    numberFields.forEach((field, column) => {
      numbers[row * numberFields.length + column] = summary[field];
    });
  });
  const file: SnapshotFile = {
    version: snapshotVersion,
    count: summaries.length,
    journal,
    dictionary,
    id: summaries.map((summary) => summary.id),
    title: summaries.map((summary) => summary.title),
    updatedAt: summaries.map((summary) => summary.updatedAt),
    createdAt: summaries.map((summary) => summary.createdAt),
    submittedAt: summaries.map((summary) => summary.submittedAt ?? ''),
    repeated: base64(repeated),
    numbers: base64(numbers),
  };
  return asciiJson(file);
}

function decodeTyped<T extends Uint32Array | Int32Array>(text: string, make: (buffer: ArrayBuffer, length: number) => T, length: number): T | null {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length !== length * 4) return null;
  const copy = new ArrayBuffer(bytes.length);
  new Uint8Array(copy).set(bytes);
  return make(copy, length);
}

const isStringArray = (value: unknown, length: number): value is string[] => Array.isArray(value) && value.length === length;

/**
 * The summaries of a snapshot (newest first, as written) and the journal it belongs to; null when the text is
 * not a valid snapshot of this version. Every value is checked as the journal's rows are.
 */
export function decodeSnapshot(text: string): { summaries: ReportSummary[]; journal: JournalMark } | null {
  let file: SnapshotFile;
  try {
    file = JSON.parse(text) as SnapshotFile;
  } catch {
    return null;
  }
  if (!file || file.version !== snapshotVersion || !Number.isInteger(file.count) || file.count < 0) return null;
  const count = file.count;
  const { dictionary } = file;
  if (!file.journal || typeof file.journal.file !== 'string' || !Number.isInteger(file.journal.bytes)) return null;
  if (!Array.isArray(dictionary) || dictionary.some((value) => typeof value !== 'string')) return null;
  if (![file.id, file.title, file.updatedAt, file.createdAt, file.submittedAt].every((column) => isStringArray(column, count))) return null;
  const repeated = decodeTyped(file.repeated, (buffer, length) => new Uint32Array(buffer, 0, length), count * repeatedFields.length);
  const numbers = decodeTyped(file.numbers, (buffer, length) => new Int32Array(buffer, 0, length), count * numberFields.length);
  if (!repeated || !numbers) return null;
  for (const index of repeated) if (index >= dictionary.length) return null;
  const summaries: ReportSummary[] = new Array(count);
  const width = repeatedFields.length;
  for (let row = 0; row < count; row++) {
    const at = row * width;
    const id = file.id[row];
    const title = file.title[row];
    const updatedAt = file.updatedAt[row];
    const createdAt = file.createdAt[row];
    const submittedAt = file.submittedAt[row];
    if (typeof id !== 'string' || !id || typeof title !== 'string' || typeof updatedAt !== 'string' || typeof createdAt !== 'string' || typeof submittedAt !== 'string') return null;
    const kind = dictionary[repeated[at + 1]];
    const status = dictionary[repeated[at + 6]];
    const retailer = dictionary[repeated[at + 7]];
    const grade = dictionary[repeated[at + 8]];
    const meetingFlag = dictionary[repeated[at + 9]];
    if (!kinds.has(kind) || !statuses.has(status) || (meetingFlag && !meetingFlags.has(meetingFlag))) return null;
    const number = row * numberFields.length;
    // Key order as summarize() and the schema give it. Every key is set in one literal (an absent optional one
    // to undefined, which JSON leaves out as summarize() does), so all summaries share one object shape and each
    // is a single allocation.
    const summary: ReportSummary = {
      id,
      templateId: dictionary[repeated[at]],
      kind: kind as DocumentKind,
      title,
      authorId: dictionary[repeated[at + 2]],
      authorName: dictionary[repeated[at + 3]],
      region: dictionary[repeated[at + 4]],
      period: dictionary[repeated[at + 5]],
      status: status as ReportStatus,
      rev: numbers[number],
      retailer: retailer || undefined,
      revision: numbers[number + 1],
      submittedAt: submittedAt || undefined,
      grade: grade || undefined,
      meetingFlag: (meetingFlag || undefined) as ReportSummary['meetingFlag'],
      reviewCount: numbers[number + 2],
      openComments: numbers[number + 3],
      updatedAt,
      createdAt,
    };
    summaries[row] = summary;
  }
  return { summaries, journal: file.journal };
}
