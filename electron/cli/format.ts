import { defaultExportLabels } from '../core/export/labels';
import type { Report, ReportSummary } from '../core/common/schemas/report';
import { richTextToPlain } from '../core/common/text/rich-text';
import type { Template } from '../core/common/schemas/template';

/** The same status names as every Chinese export. */
const statusNames: Record<Report['status'], string> = defaultExportLabels.statuses;

/** Documents as a tab-separated table for terminals and scripts. */
export function formatReportList(list: ReportSummary[]): string {
  if (!list.length) return '（没有文稿）';
  return list.map((item) => [item.id, statusNames[item.status], item.period, item.authorName, item.title].join('\t')).join('\n');
}

/** A document as readable text: title, metadata, then every section. */
export function formatReport({ report, template }: { report: Report; template: Template }): string {
  const lines = [report.title, `状态：${statusNames[report.status]}  作者：${report.authorName}  版本：${report.rev}`];
  for (const field of template.metadataFields) lines.push(`${field.label}：${report.metadata[field.key] ?? ''}`);
  for (const section of template.sections) {
    lines.push('', `【${section.title}】`);
    const content = report.sections[section.id];
    if (!content) continue;
    if (content.type === 'richtext') lines.push(richTextToPlain(content.doc));
    if (content.type === 'fields') {
      for (const field of section.fields ?? []) lines.push(`${field.label}：${content.values[field.key] ?? ''}`);
    }
    if (content.type === 'table' && section.table) {
      const columns = section.table.columns;
      lines.push(columns.map((column) => column.label).join('\t'));
      for (const row of content.rows) lines.push(columns.map((column) => String(row.cells[column.key] ?? '')).join('\t'));
    }
  }
  return lines.join('\n');
}
