import { Buffer } from 'node:buffer';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { formatMessage, coded } from '../common/messages';
import type { SheetRows, XlsxNotice } from './schema';

export type { SheetRows, XlsxNotice } from './schema';

/** Limits that keep a pasted-in workbook from exhausting memory or the UI. */
export const xlsxLimits = { bytes: 10 * 1024 * 1024, rowsPerSheet: 5000, columns: 60, sheets: 30 };

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** A cell as the text a person sees: formula results, dates as YYYY-MM-DD, rich text flattened. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in value) return String((value as { text: unknown }).text);
    if ('error' in value) return '';
  }
  return String(value);
}

/**
 * Read every sheet of an .xlsx file as rows of display strings, for the table import's column-mapping step.
 * Refuses files that are not .xlsx, too large, or unreadable, with a message naming the problem.
 */
export async function readXlsxRows(fileName: string, bytes: Uint8Array): Promise<SheetRows[]> {
  return (await readXlsxWorkbook(fileName, bytes)).sheets;
}

/** A workbook read up to its caps: its sheets, and whether sheets past the sheet cap were left unread. */
export interface XlsxWorkbook {
  sheets: SheetRows[];
  sheetsCut: boolean;
}

/** As readXlsxRows, with whether reading stopped at the sheet cap (see xlsxNotices). */
export async function readXlsxWorkbook(fileName: string, bytes: Uint8Array): Promise<XlsxWorkbook> {
  if (!/\.xlsx$/i.test(fileName)) {
    throw coded('invalid-input', 'xlsxImport.notXlsx', { file: fileName });
  }
  if (bytes.length > xlsxLimits.bytes) {
    throw coded('invalid-input', 'xlsxImport.tooLarge', { size: (bytes.length / 1024 / 1024).toFixed(1) });
  }
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw coded('invalid-input', 'xlsxImport.notExcel', { file: fileName });
  }
  // Streamed (exceljs's WorkbookReader), never loaded whole: a sheet of a million rows costs what the first
  // `rowsPerSheet` rows cost, and reading stops at the caps.
  const sheets: SheetRows[] = [];
  let sheetsCut = false;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  try {
    for await (const worksheet of reader) {
      if (sheets.length >= xlsxLimits.sheets) {
        sheetsCut = true;
        break;
      }
      const rows: string[][] = [];
      const name = (worksheet as unknown as { name?: string }).name ?? `Sheet${sheets.length + 1}`;
      const cut = { rows: false, columns: false };
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        // The rest of the sheet is not read (the import keeps its first rows, and says so).
        if (rows.length >= xlsxLimits.rowsPerSheet) {
          cut.rows = true;
          break;
        }
        const cells: string[] = [];
        if (row.cellCount > xlsxLimits.columns) cut.columns = true;
        const last = Math.min(row.cellCount, xlsxLimits.columns);
        for (let column = 1; column <= last; column++) cells.push(cellText(row.getCell(column).value).trim());
        while (cells.length && cells[cells.length - 1] === '') cells.pop();
        if (cells.length) rows.push(cells);
      }
      sheets.push({ name, rows, ...(cut.rows || cut.columns ? { cut } : {}) });
    }
  } catch (error) {
    throw coded('invalid-input', 'xlsxImport.unreadable', { file: fileName, reason: error instanceof Error ? error.message : String(error) });
  }
  return { sheets, sheetsCut };
}

/** The notices for what a read left out: rows past the cap, columns past the cap, sheets past the cap. */
export function xlsxNotices({ sheets, sheetsCut }: XlsxWorkbook): XlsxNotice[] {
  const notices: XlsxNotice[] = [];
  const notice = (key: string, params: Record<string, string | number>) => notices.push({ key, params, message: formatMessage(key, params) });
  for (const sheet of sheets) {
    if (sheet.cut?.rows) notice('xlsxImport.rowsCut', { sheet: sheet.name, kept: sheet.rows.length, limit: xlsxLimits.rowsPerSheet });
    if (sheet.cut?.columns) notice('xlsxImport.columnsCut', { sheet: sheet.name, limit: xlsxLimits.columns });
  }
  if (sheetsCut) notice('xlsxImport.sheetsCut', { limit: xlsxLimits.sheets });
  return notices;
}
