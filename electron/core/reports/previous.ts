import type { Template } from '../templates/schema';
import type { Report, ReportSummary, SectionContent, TableRow } from './schema';
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

/**
 * Carry last period into a new document: "based on last period" copies the tables and the lasting details
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
        sections[section.id] = { type: 'table', rows: copyRows(content.rows, options.newId) };
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
