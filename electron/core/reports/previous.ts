import type { TableDef, Template } from '../common/schemas/template';
import type { Report, ReportSummary, SectionContent, TableRow } from '../common/schemas/report';
import { periodKey } from './new-report';

/**
 * The author's previous document of a template, before the given period: for a template with a subject
 * (the booklet's 许可证号), the latest one about the same subject.
 */
export async function findPreviousReport(options: {
  summaries: ReportSummary[];
  template: Template;
  authorId: string;
  period: string;
  subject?: string;
  load: (id: string) => Promise<Report | null>;
}): Promise<Report | null> {
  const candidates = options.summaries
    .filter((summary) => summary.templateId === options.template.id && summary.authorId === options.authorId)
    .filter((summary) => !options.period || !summary.period || summary.period < options.period)
    .sort((a, b) => b.period.localeCompare(a.period) || b.updatedAt.localeCompare(a.updatedAt));
  const subjectKey = options.template.subjectKey;
  for (const candidate of candidates.slice(0, 60)) {
    const report = await options.load(candidate.id);
    if (!report) continue;
    if (subjectKey && options.subject !== undefined && (report.metadata[subjectKey] ?? '') !== options.subject) continue;
    return report;
  }
  return null;
}

function copyRows(rows: TableRow[], newId: () => string): TableRow[] {
  return rows.map((row) => ({ id: newId(), cells: { ...row.cells } }));
}

/** The same period a year before: 2026-11 → 2025-11, 2026-11-05 → 2025-11-05, 2026-Q3 → 2025-Q3; null otherwise. */
export function yearAgoPeriod(period: string): string | null {
  const match = /^(\d{4})(-(?:\d{2}(?:-\d{2})?|Q[1-4]))$/.exec(period.trim());
  return match ? `${Number(match[1]) - 1}${match[2]}` : null;
}

/** The author's document of a template for exactly this period (and subject), if any. */
export async function findReportForPeriod(options: {
  summaries: ReportSummary[];
  template: Template;
  authorId: string;
  period: string;
  subject?: string;
  load: (id: string) => Promise<Report | null>;
}): Promise<Report | null> {
  const subjectKey = options.template.subjectKey;
  const candidates = options.summaries
    .filter((summary) => summary.templateId === options.template.id && summary.authorId === options.authorId && summary.period === options.period)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  for (const candidate of candidates.slice(0, 20)) {
    const report = await options.load(candidate.id);
    if (!report) continue;
    if (subjectKey && options.subject !== undefined && (report.metadata[subjectKey] ?? '') !== options.subject) continue;
    return report;
  }
  return null;
}

/** Columns that name a row rather than hold a figure: the starter rows' labels, or (without starter rows) text columns. */
function labelColumns(table: TableDef): string[] {
  const starter = new Set((table.starterRows ?? []).flatMap((row) => Object.keys(row).filter((key) => row[key] !== null && row[key] !== '')));
  if (starter.size) return [...starter];
  return table.columns.filter((column) => !column.formula && column.type === 'text').map((column) => column.key);
}

/**
 * 基于上期 by the table's mapping: each row keeps its labels, the mapped figures move into their columns
 * (上期 from last period's 本期; 上年同期 from the year-ago document's row with the same labels), and this
 * period's own figures start empty.
 */
function carryRows(table: TableDef, previous: TableRow[], yearAgo: TableRow[] | null, newId: () => string): TableRow[] {
  const labels = labelColumns(table);
  const keyOf = (row: TableRow) => labels.map((key) => String(row.cells[key] ?? '').trim()).join('\u0001');
  const yearAgoByKey = new Map((yearAgo ?? []).map((row) => [keyOf(row), row]));
  return previous.map((row) => {
    const cells: TableRow['cells'] = {};
    for (const key of labels) if (row.cells[key] !== undefined) cells[key] = row.cells[key]!;
    const older = yearAgoByKey.get(keyOf(row));
    for (const carry of table.carryColumns ?? []) {
      const source = carry.source === 'year-ago' ? older : row;
      const value = source?.cells[carry.from];
      if (value !== undefined && value !== null && value !== '') cells[carry.to] = value;
    }
    return { id: newId(), cells };
  });
}

/**
 * Carry last period into a new document: "based on last period" carries the tables (by their 基于上期 mapping,
 * e.g. 本期 → 上期, or as they were when the table declares none) and the lasting details
 * (not the period, not the analysis text — that must be written anew); sections with `carryForwardFrom`
 * are filled from the previous document's source section whenever there is one.
 */
export function carryForward(options: {
  template: Template;
  previous: Report;
  sections: Record<string, SectionContent>;
  metadata: Record<string, string>;
  givenMetadata: Record<string, string>;
  copyTables: boolean;
  newId: () => string;
  /** The author's document of the same period a year before, for `year-ago` mappings (上年同期). */
  yearAgo?: Report | null;
}): { sections: Record<string, SectionContent>; metadata: Record<string, string> } {
  const { template, previous } = options;
  const sections = { ...options.sections };
  const metadata = { ...options.metadata };
  if (options.copyTables) {
    for (const field of template.metadataFields) {
      const lasting = field.key !== periodKey && field.source !== 'today' && field.source !== 'this-month';
      if (lasting && !options.givenMetadata[field.key] && previous.metadata[field.key]) metadata[field.key] = previous.metadata[field.key];
    }
    for (const section of template.sections) {
      const content = previous.sections[section.id];
      if (section.kind === 'table' && content?.type === 'table' && content.rows.length) {
        const older = options.yearAgo?.sections[section.id];
        sections[section.id] = {
          type: 'table',
          rows: section.table?.carryColumns?.length
            ? carryRows(section.table, content.rows, older?.type === 'table' ? older.rows : null, options.newId)
            : copyRows(content.rows, options.newId),
        };
      }
    }
  }
  for (const section of template.sections) {
    if (!section.carryForwardFrom) continue;
    const source = previous.sections[section.carryForwardFrom];
    if (source?.type === 'richtext' && section.kind === 'richtext') {
      sections[section.id] = { type: 'richtext', doc: structuredClone(source.doc) };
    }
  }
  return { sections, metadata };
}
