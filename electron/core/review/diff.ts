import { diffChars } from 'diff';
import type { Report, TableRow } from '../common/schemas/report';
import type { Template } from '../common/schemas/template';
import { richTextToPlain } from '../common/text/rich-text';

import type { RowDiff, SectionDiff, TextPart } from './schema';

export type { CellChange, RowDiff, SectionDiff, TextPart } from './schema';

function cellText(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

function fieldsText(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([key, value]) => `${key}：${value}`)
    .join('\n');
}

function diffRows(before: TableRow[], after: TableRow[]): RowDiff[] {
  const old = new Map(before.map((row) => [row.id, row]));
  const next = new Map(after.map((row) => [row.id, row]));
  const label = (row: TableRow) => cellText(Object.values(row.cells)[0]);
  const rows: RowDiff[] = [];
  for (const row of after) {
    const previous = old.get(row.id);
    if (!previous) {
      rows.push({ rowId: row.id, change: 'added', label: label(row), cells: Object.entries(row.cells).map(([columnKey, value]) => ({ columnKey, before: '', after: cellText(value) })) });
      continue;
    }
    const keys = new Set([...Object.keys(previous.cells), ...Object.keys(row.cells)]);
    const cells = [...keys]
      .map((columnKey) => ({ columnKey, before: cellText(previous.cells[columnKey]), after: cellText(row.cells[columnKey]) }))
      .filter((cell) => cell.before !== cell.after);
    if (cells.length) rows.push({ rowId: row.id, change: 'changed', label: label(row), cells });
  }
  for (const row of before) {
    if (!next.has(row.id)) {
      rows.push({ rowId: row.id, change: 'removed', label: label(row), cells: Object.entries(row.cells).map(([columnKey, value]) => ({ columnKey, before: cellText(value), after: '' })) });
    }
  }
  return rows;
}

/** What changed between two revisions, section by section: text as added/removed runs, tables by row and cell. */
export function diffRevisions(template: Template, before: Report, after: Report): SectionDiff[] {
  return template.sections.map((section) => {
    const a = before.sections[section.id];
    const b = after.sections[section.id];
    if (section.kind === 'table') {
      const rows = diffRows(a?.type === 'table' ? a.rows : [], b?.type === 'table' ? b.rows : []);
      return { sectionId: section.id, title: section.title, kind: 'table', changed: rows.length > 0, rows };
    }
    const textOf = (content: typeof a) =>
      !content ? '' : content.type === 'richtext' ? richTextToPlain(content.doc) : content.type === 'fields' ? fieldsText(content.values) : '';
    const parts: TextPart[] = diffChars(textOf(a), textOf(b)).map((part) => ({
      value: part.value,
      change: part.added ? 'added' : part.removed ? 'removed' : 'same',
    }));
    return { sectionId: section.id, title: section.title, kind: section.kind, changed: parts.some((part) => part.change !== 'same'), text: parts };
  });
}
