import type { Report } from '../common/schemas/report';
import { richTextToPlain } from '../common/text/rich-text';

/** All the words of a document a person may search for: title, details, text, fields and table cells. */
export function reportSearchText(report: Report): string {
  const parts: string[] = [report.title, report.authorName, report.region, ...Object.values(report.metadata)];
  for (const content of Object.values(report.sections)) {
    if (content.type === 'richtext') parts.push(richTextToPlain(content.doc));
    else if (content.type === 'fields') parts.push(...Object.values(content.values));
    else for (const row of content.rows) for (const value of Object.values(row.cells)) if (typeof value === 'string') parts.push(value);
  }
  return parts.join('\n');
}

/** A short excerpt around the first occurrence of the query (or the start of the text). */
export function snippet(text: string, query: string, radius = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const at = query ? flat.indexOf(query.trim()) : -1;
  if (at < 0) return flat.slice(0, radius * 2);
  const start = Math.max(0, at - radius);
  return `${start > 0 ? '…' : ''}${flat.slice(start, at + query.length + radius)}${at + query.length + radius < flat.length ? '…' : ''}`;
}
