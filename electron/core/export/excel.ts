/**
 * Excel (.xlsx) export of a report: a 基本信息 sheet and one sheet per data table, computed columns as
 * live Excel formulas (with the app's value as the cached result), a 合计 row of SUM formulas, number
 * formats per column type, CJK-aware widths and A4 print setup.
 */
import ExcelJS from 'exceljs';
import { checkTableFormulas, collectReferences, parseFormula, toExcelFormula } from '../common/formula';
import type { Report } from '../common/schemas/report';
import type { ColumnDef, SectionDef, TableDef, Template } from '../common/schemas/template';
import { formatPeriod } from '../common/text/placeholders';
import { fillLabel, resolveLabels, type ExportLabels } from './labels';
import { isAdditiveColumn, isComputedColumn, prepareTable, tableNotes, tableRows, type OfficeRanges, type PreparedTable } from './table-data';
import { displayWidth, formatDate, formatFieldValue } from './text';

export interface ExcelExportOptions {
  report: Report;
  template: Template;
  labels?: Partial<ExportLabels>;
  /** Times are written at this many minutes east of UTC (the office's clock); the computer's zone when left out. */
  utcOffsetMinutes?: number;
  /** The office's ranges stated under the tables (the 存销比 合理区间 of 设置). */
  officeRanges?: OfficeRanges;
}

/** Excel's limit on sheet names, and the characters it refuses in them. */
const SHEET_NAME_LIMIT = 31;
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\\p{Cc}]/gu;

/**
 * A sheet name Excel accepts: forbidden characters ([ ] : * ? / \) removed, no leading or trailing
 * apostrophe, at most 31 characters, not 'History', and unique (case-insensitively) among `taken`,
 * to which it is added. Duplicates get (2), (3)… within the length limit.
 */
export function sanitizeSheetName(name: string, taken: Set<string>, fallback = '表格'): string {
  const cut = (text: string, length: number): string => Array.from(text).slice(0, length).join('');
  let base = name.replace(SHEET_NAME_FORBIDDEN, '').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '').trim();
  if (!base || base.toLowerCase() === 'history') base = fallback;
  base = cut(base, SHEET_NAME_LIMIT).replace(/'+$/, '') || fallback;
  let candidate = base;
  for (let counter = 2; taken.has(candidate.toLowerCase()); counter += 1) {
    const suffix = `(${counter})`;
    candidate = `${cut(base, SHEET_NAME_LIMIT - suffix.length)}${suffix}`;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** `&` is a code in Excel's header and footer texts: a literal one is written twice. */
function headerText(text: string): string {
  return text.replace(/&/g, '&&');
}

/**
 * Printed header and footer of a sheet: its title centred at the top, page numbers centred at the bottom
 * (`pattern` with `{page}` and `{pages}`, e.g. 第{page}页／共{pages}页).
 */
export function sheetHeaderFooter(title: string, pattern = '{page} / {pages}'): Partial<ExcelJS.HeaderFooter> {
  const footer = headerText(pattern).replace('{page}', '&P').replace('{pages}', '&N');
  const header = `&C${headerText(title)}`;
  return { oddHeader: header, oddFooter: `&C${footer}` };
}

/** Column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

/** Display decimals per column type; the same defaults as the formula engine's formatCell. */
const DEFAULT_DECIMALS = { integer: 0, decimal: 2, money: 2, percent: 1 } as const;

/** Excel number format of a column: integer #,##0, decimal/money #,##0.00, percent 0.0% (per `decimals`). */
export function excelNumberFormat(column: ColumnDef): string | undefined {
  if (column.type === 'text' || column.type === 'date') return undefined;
  const decimals = column.decimals ?? DEFAULT_DECIMALS[column.type];
  const fraction = decimals > 0 ? `.${'0'.repeat(decimals)}` : '';
  return column.type === 'percent' ? `0${fraction}%` : `#,##0${fraction}`;
}

/** Column width in Excel character units from the texts it shows (CJK counts 2). */
function widthFor(texts: string[], minimum = 8, maximum = 60): number {
  const widest = Math.max(0, ...texts.map((text) => displayWidth(text)));
  return Math.min(maximum, Math.max(minimum, widest + 2));
}

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const CJK_FONT = '宋体';

class ExcelBuilder {
  private readonly labels: ExportLabels;
  private readonly workbook = new ExcelJS.Workbook();
  private readonly taken = new Set<string>();

  constructor(private readonly options: ExcelExportOptions) {
    this.labels = resolveLabels(options.labels);
  }

  /** What a printed sheet says at its top: the document's title and the sheet's. */
  private printTitle(sheet: string): string {
    const { report, template } = this.options;
    return `${report.title.trim() || template.name} ${sheet}`;
  }

  private infoSheet(): void {
    const { report, template } = this.options;
    const { labels } = this;
    const sheet = this.workbook.addWorksheet(sanitizeSheetName(labels.infoSheet, this.taken, labels.defaultSheetName), {
      views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
      pageSetup: { paperSize: 9 as ExcelJS.PaperSize, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
      headerFooter: sheetHeaderFooter(this.printTitle(labels.infoSheet), labels.sheetFooter),
    });
    const rows: [string, string][] = [
      [labels.title, report.title.trim() || template.name],
      [labels.template, fillLabel(labels.templateVersion, { name: template.name, version: report.templateVersion })],
      [labels.author, report.authorName],
      [labels.region, report.region],
      [labels.period, formatPeriod(report.period)],
      [labels.status, labels.statuses[report.status] ?? report.status],
    ];
    for (const field of template.metadataFields) {
      const value = formatFieldValue(field, report.metadata[field.key]);
      const existing = rows.find(([label]) => label === field.label);
      if (existing) {
        if (!existing[1]) existing[1] = value;
      } else {
        rows.push([field.label, value]);
      }
    }
    for (const section of template.sections) {
      const content = report.sections[section.id];
      if (section.kind !== 'fields' || !section.fields) continue;
      const values = content?.type === 'fields' ? content.values : {};
      for (const field of section.fields) rows.push([`${section.title}·${field.label}`, formatFieldValue(field, values[field.key])]);
    }
    const offset = this.options.utcOffsetMinutes;
    rows.push([labels.createdAt, formatDate(report.createdAt, labels, true, offset)], [labels.updatedAt, formatDate(report.updatedAt, labels, true, offset)]);

    const header = sheet.addRow([labels.item, labels.value]);
    header.eachCell((cell) => {
      cell.font = { name: CJK_FONT, bold: true };
      cell.fill = HEADER_FILL;
      cell.border = THIN;
      cell.alignment = { vertical: 'middle', horizontal: 'center' };
    });
    for (const [label, value] of rows) {
      const row = sheet.addRow([label, value]);
      row.getCell(1).font = { name: CJK_FONT, bold: true };
      row.getCell(2).font = { name: CJK_FONT };
      row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
      row.eachCell((cell) => (cell.border = THIN));
    }
    sheet.getColumn(1).width = widthFor([labels.item, ...rows.map(([label]) => label)], 10, 40);
    sheet.getColumn(2).width = widthFor([labels.value, ...rows.map(([, value]) => value)], 20, 80);
  }

  /** A formula cell for a computed column, or null when its formula cannot be translated. */
  private formula(column: ColumnDef, row: number, letters: Map<string, string>, first: number, last: number): string | null {
    try {
      const formula = toExcelFormula(column.formula as string, {
        columnLetter: (key) => {
          const letter = letters.get(key);
          if (!letter) throw new Error(`unknown column ${key}`);
          return letter;
        },
        row,
        firstDataRow: first,
        lastDataRow: last,
        errorText: this.labels.noValue,
      });
      return formula.startsWith('=') ? formula.slice(1) : formula;
    } catch {
      return null;
    }
  }

  /**
   * Computed columns that get a live formula: no problem reported by the formula engine and every column
   * they read computable too (the engine reports a cycle once, on its first member). The others keep the
   * app's (empty) values, never a formula Excel would show as broken or circular.
   */
  private computableColumns(columns: ColumnDef[], table: TableDef): Set<string> {
    const problems = new Set(checkTableFormulas(table).map((problem) => problem.column));
    const byKey = new Map(columns.map((column) => [column.key, column]));
    const result = new Map<string, boolean>();
    const check = (key: string, visiting: Set<string>): boolean => {
      const column = byKey.get(key);
      if (!column) return false;
      if (!isComputedColumn(column)) return true;
      const known = result.get(key);
      if (known !== undefined) return known;
      if (problems.has(key) || visiting.has(key)) return false;
      visiting.add(key);
      let ok: boolean;
      try {
        ok = collectReferences(parseFormula(column.formula as string)).every((reference) => check(reference.key, visiting));
      } catch {
        ok = false;
      }
      visiting.delete(key);
      result.set(key, ok);
      return ok;
    };
    return new Set(columns.filter((column) => isComputedColumn(column) && check(column.key, new Set())).map((column) => column.key));
  }

  /** Whether a column has a value in the 合计 row that a formula there can read. */
  private totalledInSheet(column: ColumnDef | undefined, prepared: PreparedTable, seen = new Set<string>()): boolean {
    if (!column || seen.has(column.key)) return false;
    if (!isComputedColumn(column)) return isAdditiveColumn(column);
    seen.add(column.key);
    return this.totalFormulaReads(column).every((key) =>
      this.totalledInSheet(prepared.columns.find((candidate) => candidate.key === key), prepared, seen),
    );
  }

  /** Columns a computed column's formula reads in its own row (aggregates read the data rows and always work). */
  private totalFormulaReads(column: ColumnDef): string[] {
    try {
      return collectReferences(parseFormula(column.formula ?? ''))
        .filter((reference) => !reference.aggregate)
        .map((reference) => reference.key);
    } catch {
      return [''];
    }
  }

  private tableSheet(section: SectionDef): void {
    const table = section.table;
    if (!table) return;
    const { labels } = this;
    const prepared = prepareTable(table, tableRows(this.options.report, section), labels);
    const columns = prepared.columns;
    const sheet = this.workbook.addWorksheet(sanitizeSheetName(section.title, this.taken, labels.defaultSheetName), {
      views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
      pageSetup: {
        paperSize: 9 as ExcelJS.PaperSize,
        orientation: columns.length > 6 ? 'landscape' : 'portrait',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: '1:1',
      },
      headerFooter: sheetHeaderFooter(this.printTitle(section.title), labels.sheetFooter),
    });
    const letters = new Map(columns.map((column, index) => [column.key, columnLetter(index)]));
    const computable = this.computableColumns(columns, table);
    const live = (column: ColumnDef): boolean => isComputedColumn(column) && computable.has(column.key);
    const firstDataRow = 2;
    const lastDataRow = Math.max(firstDataRow, 1 + prepared.rows.length);

    const header = sheet.getRow(1);
    prepared.headers.forEach((text, index) => {
      const cell = header.getCell(index + 1);
      cell.value = text;
      cell.font = { name: CJK_FONT, bold: true };
      cell.fill = HEADER_FILL;
      cell.border = THIN;
      cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    });

    prepared.rows.forEach((row, rowIndex) => {
      const sheetRow = firstDataRow + rowIndex;
      columns.forEach((column, columnIndex) => {
        const cell = sheet.getCell(sheetRow, columnIndex + 1);
        const computed = row.cells[column.key].computed;
        const formula = live(column) ? this.formula(column, sheetRow, letters, firstDataRow, lastDataRow) : null;
        // A value that cannot be computed shows "—" as in Word; one waiting for a blank input stays blank.
        const shown = typeof computed.value === 'number' ? computed.value : computed.marker && computed.marker !== 'empty' ? labels.noValue : '';
        if (formula) {
          cell.value = { formula, result: shown };
        } else if (isComputedColumn(column)) {
          cell.value = shown === '' ? null : shown;
        } else if (computed.value !== null) {
          cell.value = computed.value;
        }
        this.styleCell(cell, column);
      });
    });

    if (prepared.totals) {
      const totals = prepared.totals;
      const sheetRow = lastDataRow + 1;
      columns.forEach((column, columnIndex) => {
        const cell = sheet.getCell(sheetRow, columnIndex + 1);
        const value = totals[column.key].computed.value;
        const marker = totals[column.key].computed.marker;
        const result = typeof value === 'number' ? value : marker && marker !== 'empty' ? labels.noValue : '';
        const letter = columnLetter(columnIndex);
        const sum = `SUM(${letter}${firstDataRow}:${letter}${lastDataRow})`;
        if (columnIndex === 0) {
          cell.value = labels.total;
        } else if (!isComputedColumn(column)) {
          if (isAdditiveColumn(column)) cell.value = { formula: sum, result };
        } else if (!live(column)) {
          cell.value = null;
        } else if (this.totalledInSheet(column, prepared)) {
          // Computed over the totals (存销比 of the 合计 row = total stock ÷ total sales), as the app does.
          const formula = this.formula(column, sheetRow, letters, firstDataRow, lastDataRow);
          cell.value = formula ? { formula, result } : typeof value === 'number' ? value : null;
        } else if (isAdditiveColumn(column)) {
          // The app falls back to the column's sum when its formula needs a figure that is not totalled.
          cell.value = { formula: sum, result };
        }
        this.styleCell(cell, column);
        cell.font = { name: CJK_FONT, bold: true };
      });
    }

    // The legend, from the second row under the table (outside the print titles and the frozen header).
    tableNotes(prepared, labels, this.options.officeRanges).forEach((text, index) => {
      const note = sheet.getCell(lastDataRow + (prepared.totals ? 3 : 2) + index, 1);
      note.value = text;
      note.font = { name: CJK_FONT, italic: true };
    });

    columns.forEach((column, index) => {
      const texts = [
        prepared.headers[index],
        ...prepared.rows.map((row) => row.cells[column.key].text),
        ...(prepared.totals ? [prepared.totals[column.key].text] : []),
      ];
      sheet.getColumn(index + 1).width = widthFor(texts);
    });
  }

  private styleCell(cell: ExcelJS.Cell, column: ColumnDef): void {
    const format = excelNumberFormat(column);
    if (format) cell.numFmt = format;
    cell.font = { name: CJK_FONT };
    cell.border = THIN;
    cell.alignment = { vertical: 'middle', horizontal: format ? 'right' : 'left', wrapText: column.type === 'text' };
  }

  async build(): Promise<Uint8Array> {
    const { report, template } = this.options;
    const workbook = this.workbook;
    workbook.creator = report.authorName;
    workbook.title = report.title;
    const created = new Date(report.createdAt);
    const modified = new Date(report.updatedAt);
    if (!Number.isNaN(created.getTime())) workbook.created = created;
    if (!Number.isNaN(modified.getTime())) workbook.modified = modified;
    // Excel recomputes every formula on opening; the cached results are the app's values.
    workbook.calcProperties.fullCalcOnLoad = true;

    this.infoSheet();
    for (const section of template.sections) {
      if (section.kind === 'table') this.tableSheet(section);
    }
    const buffer = await workbook.xlsx.writeBuffer();
    return new Uint8Array(buffer as ArrayBuffer);
  }
}

/** Build an .xlsx of a report's metadata and data tables. */
export async function buildExcelWorkbook(options: ExcelExportOptions): Promise<Uint8Array> {
  return new ExcelBuilder(options).build();
}
