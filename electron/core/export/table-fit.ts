/**
 * Tables that fit the page: column widths from the content, measured with real character widths per font
 * size (CJK one em; digits, Latin letters and ASCII punctuation by their advance widths, see LATIN_WIDTHS).
 *
 * Rules (issue 11): a number or a code never wraps; a header wraps only between its label and its unit
 * bracket (labels longer than four characters may also break in two or three); a short name (up to
 * 12 characters) never wraps, so a name column gets what its longest name needs before the others share the
 * rest; long texts wrap. When the table does not fit, its font steps down (e.g. 四号 → 小四 → 五号 → 小五);
 * beyond that it goes on a landscape page; as the very last resort long numbers wrap, but no column is ever
 * narrower than one character, and a table that cannot give every column that is refused with its name.
 */

import { DomainError } from '../common/errors';

/**
 * Advance widths in ems of ASCII characters: the wider of Times New Roman (the documents' Latin font) and
 * DejaVu Serif (what LibreOffice substitutes where Times New Roman is missing), so that a number measured
 * here stays on one line wherever the document is opened.
 */
const LATIN_WIDTHS: Record<string, number> = {
  ' ': 0.32,
  '.': 0.32,
  ',': 0.32,
  ':': 0.34,
  ';': 0.34,
  '!': 0.4,
  '(': 0.39,
  ')': 0.39,
  '[': 0.39,
  ']': 0.39,
  '-': 0.34,
  '/': 0.34,
  "'": 0.28,
  '"': 0.46,
  '%': 0.95,
  '@': 1,
  '&': 0.9,
  I: 0.4,
  J: 0.4,
  M: 1,
  W: 1.03,
  f: 0.4,
  i: 0.32,
  j: 0.32,
  l: 0.32,
  m: 0.95,
  r: 0.48,
  t: 0.4,
  w: 0.86,
};

/** Width in ems of one character of the document's fonts (East Asian font one em; see LATIN_WIDTHS for ASCII). */
export function characterEm(character: string): number {
  const code = character.codePointAt(0) ?? 0;
  if (code < 0x80) {
    if (LATIN_WIDTHS[character] !== undefined) return LATIN_WIDTHS[character];
    if (character >= 'A' && character <= 'Z') return 0.78;
    if (character >= 'a' && character <= 'z') return 0.62;
    return 0.64;
  }
  // Everything else is set in the East Asian font (the runs' hint is eastAsia): one em.
  return 1;
}

/** Space Word and LibreOffice put between Chinese text and Latin letters or digits (autoSpaceDE/DN), in ems. */
const AUTO_SPACE = 0.25;

const isAlphanumeric = (character: string): boolean => /[0-9A-Za-z]/.test(character);

/** Width in ems of the widest line of a text, with the automatic space between Chinese and Latin or digits. */
export function textEm(text: string): number {
  let widest = 0;
  for (const line of text.split('\n')) {
    let width = 0;
    let previous = '';
    for (const character of line) {
      width += characterEm(character);
      if (previous && (isAlphanumeric(previous) ? characterEm(character) === 1 : isAlphanumeric(character) && characterEm(previous) === 1)) width += AUTO_SPACE;
      previous = character;
    }
    widest = Math.max(widest, width);
  }
  return widest;
}

/** Characters a cell text may have and still have to stay on one line (a name, a code, a short status). */
export const SHORT_TEXT = 12;

/** A number, a code, a date or a time: digits with separators, signs, units such as % or 档. */
const NUMBER_LIKE = /^[-+−]?[\d.,:/%\s]*\d[\d.,:/%\s]*[\p{Script=Han}%‰]{0,2}$/u;

export type ColumnKind = 'number' | 'text';

export interface FitColumn {
  header: string;
  texts: string[];
  /** Numbers: never wrap. */
  kind: ColumnKind;
  /** Kept on one line even when longer than SHORT_TEXT characters. */
  noWrap?: boolean;
}

/** Where a header may break: before a unit bracket （元/条）, and in long labels. */
export function headerMinimumEm(header: string): number {
  const parts = header.split('\n').flatMap((line) => {
    const bracket = /^(.*?)([（(][^（()）]*[)）])$/.exec(line);
    return bracket && bracket[1] ? [bracket[1], bracket[2]] : [line];
  });
  return Math.max(
    ...parts.map((part) => {
      const characters = Array.from(part);
      // A label of four characters or more may break into two lines (到店/时间), of more than eight into three.
      const lines = characters.length > 8 ? 3 : characters.length >= 4 ? 2 : 1;
      const perLine = Math.ceil(characters.length / lines);
      let widest = 0;
      for (let start = 0; start < characters.length; start += perLine) widest = Math.max(widest, textEm(characters.slice(start, start + perLine).join('')));
      return widest;
    }),
  );
}

/** What a column needs at the least (ems): its unbreakable cell texts, its header's longest piece. */
export function minimumEm(column: FitColumn): number {
  let widest = headerMinimumEm(column.header);
  for (const text of column.texts) {
    for (const line of text.split('\n')) {
      const length = Array.from(line).length;
      if (column.kind === 'number' || column.noWrap || length <= SHORT_TEXT || NUMBER_LIKE.test(line.trim())) {
        widest = Math.max(widest, textEm(line));
      } else {
        // A long text wraps; its numbers and Latin words still do not.
        for (const word of line.match(/[\x21-\x7e]+/g) ?? []) widest = Math.max(widest, textEm(word));
        widest = Math.max(widest, Math.min(textEm(line), 4));
      }
    }
  }
  return Math.max(widest, 1);
}

function naturalEm(column: FitColumn): number {
  return Math.max(textEm(column.header), ...column.texts.map(textEm), 1);
}

export interface FitOptions {
  /** Text width of the portrait page, twips. */
  portraitWidth: number;
  /** Text width of a landscape page, twips. */
  landscapeWidth: number;
  /** Font sizes in half-points to try, largest first (the preferred size first). */
  sizes: number[];
  /** Left plus right cell margin at a font size, twips. */
  cellPadding: (size: number) => number;
  /** Name of the table for the message when it cannot be laid out. */
  tableName: string;
  /** The message when it cannot be laid out (the user's language); `{name}` and `{columns}` are filled in. */
  tooWideMessage?: string;
}

export interface FittedTable {
  /** Font size in half-points. */
  size: number;
  landscape: boolean;
  /** Column widths in twips, adding up to the page's text width. */
  widths: number[];
  /** True when even the smallest font on a landscape page could not keep every number whole. */
  squeezed: boolean;
}

/** A table that cannot be laid out: a domain error, so the export job reports its message (naming the table) as is. */
export class TableTooWideError extends DomainError {
  constructor(
    readonly tableName: string,
    readonly columnCount: number,
    message = '表格“{name}”有 {columns} 列，横排页面用最小字号也放不下，请拆分表格',
  ) {
    super('invalid-input', message.replace('{name}', tableName).replace('{columns}', String(columnCount)), { details: { table: tableName, columns: columnCount } });
    this.name = 'TableTooWideError';
  }
}

/** Spread `total` over columns: minimums first, then what each still lacks of its natural width, then evenly. */
function share(minimum: number[], natural: number[], total: number): number[] {
  const sum = (values: number[]): number => values.reduce((acc, value) => acc + value, 0);
  let widths: number[];
  if (sum(natural) <= total) {
    const extra = total - sum(natural);
    widths = natural.map((width) => width + (width * extra) / sum(natural));
  } else {
    const lacking = natural.map((width, index) => Math.max(0, width - minimum[index]));
    const extra = total - sum(minimum);
    const lackingSum = sum(lacking);
    widths = minimum.map((width, index) => width + (lackingSum > 0 ? (lacking[index] * extra) / lackingSum : extra / minimum.length));
  }
  const rounded = widths.map((width) => Math.floor(width));
  rounded[rounded.length - 1] += total - sum(rounded);
  return rounded;
}

/**
 * Font size, orientation and column widths of a table: the first size (largest first) at which every
 * column's minimum fits the portrait width; else the same on a landscape page; else the smallest size on a
 * landscape page with the minimums squeezed, never below one character per column.
 */
export function fitTable(columns: FitColumn[], options: FitOptions): FittedTable {
  if (columns.length === 0) return { size: options.sizes[0], landscape: false, widths: [], squeezed: false };
  // A little air so that rounding in the layout engine never pushes a whole line over.
  const air = 1.02;
  const measure = (size: number) => {
    const em = size * 10; // twips per em: size is in half-points
    const pad = options.cellPadding(size) + 40;
    return {
      minimum: columns.map((column) => Math.ceil(minimumEm(column) * em * air + pad)),
      natural: columns.map((column) => Math.ceil(naturalEm(column) * em * air + pad)),
      oneCharacter: Math.ceil(em + pad),
    };
  };
  const sum = (values: number[]): number => values.reduce((acc, value) => acc + value, 0);
  for (const landscape of [false, true]) {
    const total = landscape ? options.landscapeWidth : options.portraitWidth;
    for (const size of options.sizes) {
      const { minimum, natural } = measure(size);
      if (sum(minimum) <= total) return { size, landscape, widths: share(minimum, natural, total), squeezed: false };
    }
  }
  const size = options.sizes[options.sizes.length - 1];
  const total = options.landscapeWidth;
  const { minimum, natural, oneCharacter } = measure(size);
  if (oneCharacter * columns.length > total) throw new TableTooWideError(options.tableName, columns.length, options.tooWideMessage);
  // Squeeze: every column keeps one character, the rest is shared in proportion to the minimums.
  const floor = columns.map(() => oneCharacter);
  const wanted = minimum.map((width) => width - oneCharacter);
  const extra = total - sum(floor);
  const squeezedMinimum = floor.map((width, index) => width + (wanted[index] * extra) / sum(wanted));
  return { size, landscape: true, widths: share(squeezedMinimum, natural.map((width, index) => Math.max(width, squeezedMinimum[index])), total), squeezed: true };
}
