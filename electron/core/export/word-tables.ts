/**
 * Tables in a Word export: a table section's data table (fitted to the page, in 续表 parts when too wide, with
 * its notes) and the plain text tables of appendices and meeting packs, with their cell paragraphs.
 */
import { AlignmentType, LineRuleType } from 'docx';
import type { Report } from '../common/schemas/report';
import type { SectionDef } from '../common/schemas/template';
import { fillLabel, type ExportLabels } from './labels';
import { isNumericColumnType, prepareTable, tableNotes, tableRows, type OfficeRanges } from './table-data';
import { fitTable, type FitColumn, type FittedTable } from './table-fit';
import type { LayoutSpec } from './word-layout';
import { paragraph, type CellModel, type ParaModel, type Segment, type TableModel } from './word-model';
import { SINGLE_SPACING } from './word-page';
import { cellKey, type SectionModel, type TextTable } from './word-types';

/** What a data table needs of the composer: its layout, wording and body paragraphs. */
export interface TableHost {
  readonly spec: LayoutSpec;
  readonly labels: ExportLabels;
  bodyParagraph(segments: Segment[], extra?: ParaModel['options']): ParaModel;
}

/** Left (and right) cell margin in twips: 1.4 mm, 0.7 mm in tables of 小五 and smaller. */
const cellMargin = (size: number): number => (size > 18 ? 80 : 40);

/** A table cell's paragraph: headers centred (黑体 in the official layout), numbers right-aligned. */
function tableParagraph(spec: LayoutSpec, text: string, size: number, options: { header?: boolean; numeric?: boolean; bold?: boolean }): ParaModel {
  const official = spec.layout === 'official';
  const font = options.header && official ? spec.fonts.heading1 : spec.fonts.body;
  const segments: Segment[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (index > 0) segments.push({ text: '', lineBreak: true, matchable: true });
    if (line) segments.push({ text: line, matchable: true });
  });
  return paragraph(
    segments,
    { font, size, bold: options.bold || (options.header && !official) },
    {
      alignment: options.header ? AlignmentType.CENTER : options.numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
      spacing: official
        ? { line: Math.round(size * 10 * 1.35), lineRule: LineRuleType.EXACT, before: 0, after: 0 }
        : SINGLE_SPACING,
      indent: { firstLine: 0, left: 0 },
    },
  );
}

/**
 * Font size, orientation and column widths of a table (see table-fit.ts): the preferred size first,
 * stepping down through the layout's table sizes, then a landscape page.
 */
function fit(spec: LayoutSpec, labels: ExportLabels, columns: FitColumn[], preferred: number, tableName: string): FittedTable {
  const sizes = [preferred, ...spec.tableSizes.filter((size) => size < preferred)];
  return fitTable(columns, {
    portraitWidth: spec.textWidth,
    landscapeWidth: spec.landscape.textWidth,
    sizes,
    cellPadding: (size) => 2 * cellMargin(size),
    tableName,
    tooWideMessage: labels.tableTooWide,
  });
}

/**
 * A table section's blocks into `model`: the fitted table (in 续表 parts when too wide even for a landscape
 * page), its notes, and 无数据 when it has no rows; each cell's paragraph is kept for comments on cells.
 */
export function dataTable(host: TableHost, officeRanges: OfficeRanges | undefined, report: Report, section: SectionDef, model: SectionModel): void {
  const { spec, labels } = host;
  const table = section.table;
  if (!table) return;
  const prepared = prepareTable(table, tableRows(report, section), labels);
  model.prepared = prepared;
  const fitColumns: FitColumn[] = prepared.columns.map((column, index) => ({
    header: prepared.headers[index],
    texts: [...prepared.rows.map((row) => row.cells[column.key].text), ...(prepared.totals ? [prepared.totals[column.key].text] : [])],
    kind: isNumericColumnType(column.type) ? 'number' : 'text',
  }));
  const preferred = spec.tableSize(prepared.columns.length);
  const whole = fit(spec, labels, fitColumns, preferred, section.title);
  // Too wide even for a landscape page at the smallest size: rather than wrapping numbers, the columns go
  // into parts (续表), each repeating the first column, as printed statistics do.
  const parts = whole.squeezed ? columnParts(spec, labels, fitColumns, preferred, section.title) : [{ columns: prepared.columns.map((_, index) => index), fitted: whole }];
  const plain = spec.layout === 'plain';
  parts.forEach((part, partIndex) => {
    const size = part.fitted.size;
    const columns = part.columns.map((index) => prepared.columns[index]);
    if (partIndex > 0) {
      model.blocks.push(
        paragraph([{ text: fillLabel(labels.continuedTable, { title: section.title.trim() }), matchable: false }], { font: spec.fonts.heading1, size: smallTableSize(spec) }, {
          alignment: AlignmentType.CENTER,
          keepNext: true,
          spacing: { ...SINGLE_SPACING, before: 120 },
          indent: { firstLine: 0 },
        }),
      );
    }
    const rows: CellModel[][] = [part.columns.map((index) => ({ paragraphs: [tableParagraph(spec, prepared.headers[index], size, { header: true })], shaded: plain }))];
    for (const row of prepared.rows) {
      rows.push(
        columns.map((column) => {
          const cellParagraph = tableParagraph(spec, row.cells[column.key].text, size, { numeric: isNumericColumnType(column.type) });
          if (!model.cells.has(cellKey(row.id, column.key))) model.cells.set(cellKey(row.id, column.key), cellParagraph);
          return { paragraphs: [cellParagraph] };
        }),
      );
    }
    if (prepared.totals) {
      const totals = prepared.totals;
      rows.push(
        columns.map((column, index) => ({
          paragraphs: [tableParagraph(spec, totals[column.key].text, size, { numeric: index > 0 && isNumericColumnType(column.type), bold: plain })],
        })),
      );
    }
    model.blocks.push({
      kind: 'table',
      headerRows: 1,
      rows,
      columnWidths: part.fitted.widths,
      cellMargin: cellMargin(size),
      ...(part.fitted.landscape ? { landscape: true } : {}),
    });
  });
  for (const note of tableNotes(prepared, labels, officeRanges)) {
    const legend = paragraph([{ text: note, matchable: false }], { font: spec.fonts.body, size: smallTableSize(spec) }, {
      alignment: AlignmentType.LEFT,
      spacing: SINGLE_SPACING,
      indent: { firstLine: 0 },
    });
    legend.tableNote = true;
    model.blocks.push(legend);
  }
  if (prepared.rows.length === 0) {
    model.blocks.push(host.bodyParagraph([{ text: labels.noData, matchable: false }], { alignment: AlignmentType.CENTER, indent: { firstLine: 0 } }));
  }
}

/**
 * Column parts of a table too wide for a landscape page: the first column and as many of the next as fit
 * without wrapping a number, then the first column again with the following ones, and so on.
 */
function columnParts(spec: LayoutSpec, labels: ExportLabels, columns: FitColumn[], preferred: number, name: string): { columns: number[]; fitted: FittedTable }[] {
  const parts: { columns: number[]; fitted: FittedTable }[] = [];
  let current: number[] = [0];
  let fitted = fit(spec, labels, [columns[0]], preferred, name);
  for (let index = 1; index < columns.length; index += 1) {
    const candidate = [...current, index];
    const attempt = fit(spec, labels, candidate.map((column) => columns[column]), preferred, name);
    if (!attempt.squeezed || current.length === 1) {
      current = candidate;
      fitted = attempt;
      continue;
    }
    parts.push({ columns: current, fitted });
    current = [0, index];
    fitted = fit(spec, labels, current.map((column) => columns[column]), preferred, name);
  }
  parts.push({ columns: current, fitted });
  return parts;
}

/** Text size of small tables (comment lists, summaries): 五号 in the official layout, 小五 in the plain one. */
export function smallTableSize(spec: LayoutSpec): number {
  return spec.layout === 'official' ? 21 : 18;
}

/** A table of plain texts with a repeated, shaded (plain layout) header row and auto-fitted columns. */
export function textTable(spec: LayoutSpec, labels: ExportLabels, table: TextTable, size: number, name: string): TableModel {
  const numeric = new Set(table.numericColumns ?? []);
  const noWrap = new Set(table.noWrapColumns ?? []);
  const fitted = fit(spec, labels, 
    table.headers.map((header, column) => ({
      header,
      texts: table.rows.map((row) => row[column] ?? ''),
      kind: numeric.has(column) ? 'number' : 'text',
      noWrap: noWrap.has(column),
    })),
    size,
    name || table.headers.join('、'),
  );
  return {
    kind: 'table',
    headerRows: 1,
    columnWidths: fitted.widths,
    cellMargin: cellMargin(fitted.size),
    ...(fitted.landscape ? { landscape: true } : {}),
    rows: [
      table.headers.map((header) => ({ paragraphs: [tableParagraph(spec, header, fitted.size, { header: true })], shaded: spec.layout === 'plain' })),
      ...table.rows.map((row) =>
        table.headers.map((_, column) => ({ paragraphs: [tableParagraph(spec, row[column] ?? '', fitted.size, { numeric: numeric.has(column) })] })),
      ),
    ],
  };
}
