/**
 * Workbooks written with exceljs's streaming writer (`stream.xlsx.WorkbookWriter`): each row is committed
 * (serialised and zipped) as soon as it is added, so a register of thousands of documents never holds a
 * whole sheet model in memory. The zip goes into a Writable that collects the chunks; `finish` returns
 * the bytes. Pure: no file system.
 */
import ExcelJS from 'exceljs';
import { Writable } from 'node:stream';
import { sanitizeSheetName } from './excel';
import type { ExportMonitor } from './progress';
import { displayWidth } from './text';

/** A cell: text, number, date (shown as the office's wall-clock time), a live formula with the app's result, or empty. */
export type StreamCell = string | number | Date | null | undefined | { formula: string; result: string | number };

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
  if (typeof cell === 'object') return shownText(cell.result, numFmt);
  if (typeof cell === 'number') return numFmt?.includes('%') ? `${(cell * 100).toFixed(1)}%` : String(cell);
  return cell;
}

/** Widths from the header and every value (CJK characters count two), within the column's limits. */
export function columnWidths(columns: StreamColumn[], rows: StreamCell[][]): number[] {
  return columns.map((column, index) => {
    let widest = displayWidth(column.header);
    for (const row of rows) widest = Math.max(widest, displayWidth(shownText(row[index], column.numFmt)));
    return Math.min(column.maxWidth ?? 50, Math.max(column.minWidth ?? 6, widest + 2));
  });
}

/** A1 reference of a column range on another sheet, quoted for CJK sheet names: `'台账'!$D$2:$D$17`. */
export function sheetRange(sheet: string, column: string, firstRow: number, lastRow: number): string {
  return `'${sheet.replace(/'/g, "''")}'!$${column}$${firstRow}:$${column}$${Math.max(firstRow, lastRow)}`;
}

/** A string literal inside a formula. */
export function formulaText(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
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
    this.writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: true });
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
    rows: StreamCell[][],
    progress?: { monitor: ExportMonitor; offset: number; total: number; message?: string; every?: number },
    options: { footerRows?: number } = {},
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
      },
    });
    // The AutoFilter covers the header and every data row, not a 合计 row at the end (sorting would move it).
    // The streaming writer writes it when the sheet closes.
    const filtered = rows.length - (options.footerRows ?? 0);
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
      const result = value !== null && typeof value === 'object' && !(value instanceof Date) ? value.result : value;
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
    for (let index = 0; index < rows.length; index += 1) {
      if (progress && index % every === 0) {
        await progress.monitor.checkpoint(progress.offset + index, progress.total, progress.message);
      }
      const row = sheet.getRow(index + 2);
      columns.forEach((column, columnIndex) => {
        const value = rows[index][columnIndex];
        const cell = row.getCell(columnIndex + 1);
        if (value !== null && value !== undefined && value !== '') cell.value = value as ExcelJS.CellValue;
        cell.style = styleFor(column, columnIndex, index >= filtered, value === '' ? null : value);
      });
      row.commit();
    }
    sheet.commit();
  }

  /** Finish the zip and return the workbook's bytes. */
  async finish(): Promise<Uint8Array> {
    await this.writer.commit();
    await this.finished;
    return new Uint8Array(Buffer.concat(this.chunks));
  }
}
