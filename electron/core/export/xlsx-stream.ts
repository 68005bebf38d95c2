/**
 * Workbooks written with exceljs's streaming writer (`stream.xlsx.WorkbookWriter`): each row is committed
 * (serialised and zipped) as soon as it is added, so a register of thousands of documents never holds a
 * whole sheet model in memory. The zip goes into a Writable that collects the chunks; `finish` returns
 * the bytes. Pure: no file system.
 *
 * Memory stays flat however long the sheet: rows may come from a generator, the writer waits for the
 * compressor when it falls behind, and strings are written inline in their cells (Excel, LibreOffice and
 * openpyxl read them; a shared-strings table would keep every distinct text until the end).
 */
import ExcelJS from 'exceljs';
import { Buffer } from 'node:buffer';
import { Writable } from 'node:stream';
import { setImmediate } from 'node:timers';
import { sanitizeSheetName, sheetHeaderFooter } from './excel';
import type { ExportMonitor } from './progress';
import { displayWidth } from './text';

/**
 * A cell: text, number, date (shown as the office's wall-clock time), a live formula with the app's result, or empty.
 * A formula repeated down a column is written once as a shared formula, as Excel saves it: the first cell carries
 * the text and `sharedDownTo` (the column's last row), each cell below `sharedFrom` (the first cell's address) and
 * its own result; Excel, LibreOffice and openpyxl shift the relative references row by row.
 */
export type StreamCell =
  | string
  | number
  | Date
  | null
  | undefined
  | { formula: string; result: string | number; sharedDownTo?: number }
  | { sharedFrom: string; result: string | number };

/** A sheet's rows: an array, or a count and a generator (rows are made one at a time and never all held). */
export type StreamRows = StreamCell[][] | { count: number; rows: () => Iterable<StreamCell[]> };

function rowCount(rows: StreamRows): number {
  return Array.isArray(rows) ? rows.length : rows.count;
}

function eachRow(rows: StreamRows): Iterable<StreamCell[]> {
  return Array.isArray(rows) ? rows : rows.rows();
}

/** The result shown by a formula cell, or the value itself. */
function shownValue(cell: StreamCell): string | number | Date | null | undefined {
  return cell !== null && typeof cell === 'object' && !(cell instanceof Date) ? cell.result : cell;
}

/** The cell as exceljs models it. */
function excelValue(cell: StreamCell, address: () => string): ExcelJS.CellValue {
  if (cell === null || typeof cell !== 'object' || cell instanceof Date) return cell as ExcelJS.CellValue;
  if ('sharedFrom' in cell) return { sharedFormula: cell.sharedFrom, result: cell.result } as ExcelJS.CellValue;
  if (cell.sharedDownTo === undefined) return { formula: cell.formula, result: cell.result } as ExcelJS.CellValue;
  const first = address();
  const column = first.replace(/\d+$/, '');
  return { formula: cell.formula, result: cell.result, shareType: 'shared', ref: `${first}:${column}${cell.sharedDownTo}` } as ExcelJS.CellValue;
}

export interface StreamColumn {
  header: string;
  /** Excel number format, e.g. `#,##0`, `0.0%`, `yyyy-mm-dd hh:mm`. */
  numFmt?: string;
  /** Wrap long text (quotes, comments) instead of widening the column. */
  wrap?: boolean;
  /** Centre short codes (是/否, grades). */
  centre?: boolean;
  /** Width limits in Excel character units. */
  minWidth?: number;
  maxWidth?: number;
}

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const CJK_FONT = '宋体';

/** The text a cell shows, for width estimates. */
function shownText(cell: StreamCell, numFmt?: string): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return numFmt && numFmt.includes('h') ? '2026-10-05 18:30' : '2026-10-05';
  if (typeof cell === 'object') return shownText(shownValue(cell), numFmt);
  if (typeof cell === 'number') return numFmt?.includes('%') ? `${(cell * 100).toFixed(1)}%` : String(cell);
  return cell;
}

/** Widths from the header and every value (CJK characters count two), within the column's limits. */
export function columnWidths(columns: StreamColumn[], rows: StreamRows): number[] {
  const widest = columns.map((column) => displayWidth(column.header));
  for (const row of eachRow(rows)) {
    for (let index = 0; index < columns.length; index += 1) {
      const value = row[index];
      if (value === null || value === undefined || value === '') continue;
      widest[index] = Math.max(widest[index], displayWidth(shownText(value, columns[index].numFmt)));
    }
  }
  return columns.map((column, index) => Math.min(column.maxWidth ?? 50, Math.max(column.minWidth ?? 6, widest[index] + 2)));
}

/** A1 reference of a column range on another sheet, quoted for CJK sheet names: `'台账'!$D$2:$D$17`. */
export function sheetRange(sheet: string, column: string, firstRow: number, lastRow: number): string {
  return `'${sheet.replace(/'/g, "''")}'!$${column}$${firstRow}:$${column}$${Math.max(firstRow, lastRow)}`;
}

/** A string literal inside a formula. */
export function formulaText(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

const DRAIN_EVERY = 500;
/** Uncompressed sheet XML allowed to wait for the compressor before rows stop being made. */
const MAX_PENDING = 4 * 1024 * 1024;

/** One turn of the event loop (I/O callbacks included), without a timer's minimum delay. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Wait until the sheet's compressor has caught up. exceljs pipes each sheet's XML into archiver's deflate
 * stream without heeding backpressure, so rows made faster than zlib compresses them pile up uncompressed
 * (over 100 MB for a 100,000-row register). Its sheet stream keeps the consumers in `pipes`; where that
 * internal is missing, one turn of the event loop still lets the compressor take what is there.
 */
async function drain(sheet: ExcelJS.Worksheet): Promise<void> {
  const target = (sheet as unknown as { stream?: { pipes?: Writable[] } }).stream?.pipes?.[0];
  await nextTurn();
  // archiver's streams come from the readable-stream package, whose older releases lack `writableLength`.
  const pending = () => target?.writableLength ?? (target as unknown as { _writableState?: { length: number } } | undefined)?._writableState?.length ?? 0;
  while (target && pending() > MAX_PENDING) {
    await new Promise<void>((resolve) => target.once('drain', resolve));
  }
}

export class StreamedWorkbook {
  private readonly chunks: Buffer[] = [];
  private readonly writer: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly taken = new Set<string>();
  private readonly finished: Promise<void>;

  constructor(meta: { title: string; creator: string; created?: Date }) {
    const chunks = this.chunks;
    let resolveFinished!: () => void;
    let rejectFinished!: (error: Error) => void;
    this.finished = new Promise<void>((resolve, reject) => {
      resolveFinished = resolve;
      rejectFinished = reject;
    });
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(Buffer.from(chunk));
        callback();
      },
      final(callback) {
        callback();
        resolveFinished();
      },
    });
    sink.on('error', rejectFinished);
    this.writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
    this.writer.creator = meta.creator;
    this.writer.lastModifiedBy = meta.creator;
    if (meta.created) {
      this.writer.created = meta.created;
      this.writer.modified = meta.created;
    }
  }

  /** A sanitised, unique sheet name (callers need it for formulas before the sheet is written). */
  sheetName(name: string, fallback: string): string {
    return sanitizeSheetName(name, this.taken, fallback);
  }

  /**
   * Write a whole sheet: a bold, shaded, frozen header row with an AutoFilter, then the rows, each committed
   * as it is added. `monitor` is consulted every `every` rows (progress within `offset` of `total`).
   */
  async writeSheet(
    name: string,
    columns: StreamColumn[],
    rows: StreamRows,
    progress?: { monitor: ExportMonitor; offset: number; total: number; message?: string; every?: number },
    options: { footerRows?: number; printTitle?: string; pageFooter?: string } = {},
  ): Promise<void> {
    const widths = columnWidths(columns, rows);
    const lastColumn = columns.length;
    const sheet = this.writer.addWorksheet(name, {
      views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
      pageSetup: {
        paperSize: 9 as ExcelJS.PaperSize,
        orientation: columns.length > 8 ? 'landscape' : 'portrait',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        // The header row repeats on every printed page.
        printTitlesRow: '1:1',
      },
      headerFooter: sheetHeaderFooter(options.printTitle ?? name, options.pageFooter),
    });
    // The AutoFilter covers the header and every data row, not a 合计 row at the end (sorting would move it).
    // The streaming writer writes it when the sheet closes.
    const count = rowCount(rows);
    const filtered = count - (options.footerRows ?? 0);
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, filtered + 1), column: lastColumn } };
    sheet.columns = columns.map((column, index) => ({ width: widths[index] }));

    const header = sheet.getRow(1);
    columns.forEach((column, index) => {
      const cell = header.getCell(index + 1);
      cell.value = column.header;
      cell.font = { name: CJK_FONT, bold: true };
      cell.fill = HEADER_FILL;
      cell.border = THIN;
      cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    });
    header.commit();

    // One style object per column, row kind (data, bold footer) and value kind, shared by its cells: exceljs
    // looks a style up by object identity first, where a new object per cell is rendered to XML to be looked
    // up (half the time of a 100,000-row sheet). Without a number format exceljs gives numbers and dates a
    // default one and text none, hence the value kind.
    const styles = new Map<string, Partial<ExcelJS.Style>>();
    const styleFor = (column: StreamColumn, columnIndex: number, bold: boolean, value: StreamCell): Partial<ExcelJS.Style> => {
      const result = shownValue(value);
      const kind = column.numFmt ? '' : typeof result === 'number' ? 'n' : result instanceof Date ? 'd' : 's';
      const key = `${columnIndex}:${bold ? 1 : 0}:${kind}`;
      let style = styles.get(key);
      if (!style) {
        style = {
          font: { name: CJK_FONT, bold },
          border: THIN,
          ...(column.numFmt ? { numFmt: column.numFmt } : {}),
          alignment: { vertical: 'top', horizontal: column.centre ? 'center' : column.numFmt ? 'right' : 'left', wrapText: !!column.wrap },
        };
        styles.set(key, style);
      }
      return style;
    };

    const every = progress?.every ?? 200;
    let index = 0;
    for (const values of eachRow(rows)) {
      if (progress && index % every === 0) {
        await progress.monitor.checkpoint(progress.offset + index, progress.total, progress.message);
      }
      // Let the zip stream take what is written so far, so the sheet's XML is compressed as it is made
      // (on zlib's thread) instead of piling up uncompressed until the sheet is done.
      if (index % DRAIN_EVERY === DRAIN_EVERY - 1) await drain(sheet);
      const row = sheet.getRow(index + 2);
      for (let columnIndex = 0; columnIndex < columns.length; columnIndex += 1) {
        const value = values[columnIndex];
        const cell = row.getCell(columnIndex + 1);
        if (value !== null && value !== undefined && value !== '') cell.value = excelValue(value, () => cell.address);
        cell.style = styleFor(columns[columnIndex], columnIndex, index >= filtered, value === '' ? null : value);
      }
      row.commit();
      index += 1;
    }
    sheet.commit();
  }

  /** Finish the zip and return the workbook's bytes. */
  async finish(): Promise<Uint8Array> {
    await this.writer.commit();
    await this.finished;
    // A Buffer is a Uint8Array: returned as it is, not copied once more.
    return Buffer.concat(this.chunks);
  }
}
