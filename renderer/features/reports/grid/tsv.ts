/**
 * Tab-separated text as Excel and WPS put it on the clipboard: one line per row (\r\n, \n or \r), tabs
 * between cells, and a cell that contains a tab, a line break or a quote wrapped in double quotes with
 * inner quotes doubled. The trailing line break Excel adds after the last row is not an extra row.
 */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let index = 0;
  const length = text.length;
  let cellStart = true;

  const endCell = () => {
    row.push(cell);
    cell = '';
    cellStart = true;
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };

  while (index < length) {
    const char = text[index];
    if (cellStart && char === '"') {
      // A quoted cell: runs to the quote that is followed by a separator, a line end or the end of text.
      const closing = findClosingQuote(text, index + 1);
      if (closing !== -1) {
        cell = text.slice(index + 1, closing).replace(/""/g, '"');
        index = closing + 1;
        cellStart = false;
        continue;
      }
      // An opening quote without its closing one is just text (e.g. a cell that starts with ").
    }
    cellStart = false;
    if (char === '\t') {
      endCell();
      index += 1;
    } else if (char === '\r' || char === '\n') {
      endRow();
      index += char === '\r' && text[index + 1] === '\n' ? 2 : 1;
    } else {
      cell += char;
      index += 1;
    }
  }
  // Text that does not end with a line break has one more row to close; text that does has none.
  if (!cellStart || row.length > 0 || cell !== '') endRow();
  return rows;
}

/** Index of the quote closing a quoted cell opened before `from`, or -1 when the cell is not properly quoted. */
function findClosingQuote(text: string, from: number): number {
  let index = from;
  while (index < text.length) {
    if (text[index] === '"') {
      if (text[index + 1] === '"') {
        index += 2;
        continue;
      }
      const next = text[index + 1];
      if (next === undefined || next === '\t' || next === '\r' || next === '\n') return index;
      return -1;
    }
    index += 1;
  }
  return -1;
}

/** Whether pasted text is a block of cells (several cells or lines) rather than one value. */
export function isBlock(text: string): boolean {
  return /[\t\r\n]/.test(text.replace(/(\r\n|\n|\r)$/, ''));
}

/** Cells as tab-separated text for the clipboard, quoting cells that need it (the inverse of parseTsv). */
export function toTsv(rows: string[][]): string {
  return rows
    .map((row) => row.map((cell) => (/[\t\r\n"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join('\t'))
    .join('\r\n');
}
