/**
 * Moving a draft to a newer version of its template: what changed between the versions (sections and columns
 * added, removed, renamed) and the draft's content laid onto the new version — every text and figure that still
 * has a place is kept, and what has none is listed, never dropped silently.
 */
import type { Profile } from '../common/schemas/profile';
import { richTextToPlain } from '../common/text/rich-text';
import type { SectionDef, Template } from '../common/schemas/template';
import { defaultFieldValue, initialSections, titleFor } from './new-report';
import type { Report, SectionContent } from '../common/schemas/report';
import type { TemplateChanges } from './schema';

export type { Renamed, TemplateChanges } from './schema';

function itemsOf(section: SectionDef): { key: string; label: string }[] {
  if (section.kind === 'table') return section.table?.columns ?? [];
  if (section.kind === 'fields') return section.fields ?? [];
  return [];
}

/** What changed from one version of a template to another, by section id and column key. */
export function templateChanges(from: Template, to: Template): TemplateChanges {
  const before = new Map(from.sections.map((section) => [section.id, section]));
  const after = new Map(to.sections.map((section) => [section.id, section]));
  const changes: TemplateChanges = { sectionsAdded: [], sectionsRemoved: [], sectionsRenamed: [], columns: [] };
  for (const section of to.sections) {
    const old = before.get(section.id);
    if (!old || old.kind !== section.kind) {
      changes.sectionsAdded.push(section.title);
      if (old) changes.sectionsRemoved.push(old.title);
      continue;
    }
    if (old.title !== section.title) changes.sectionsRenamed.push({ from: old.title, to: section.title });
    const oldItems = new Map(itemsOf(old).map((item) => [item.key, item]));
    const newItems = new Map(itemsOf(section).map((item) => [item.key, item]));
    const entry = {
      section: section.title,
      added: itemsOf(section).filter((item) => !oldItems.has(item.key)).map((item) => item.label),
      removed: itemsOf(old).filter((item) => !newItems.has(item.key)).map((item) => item.label),
      renamed: itemsOf(section)
        .filter((item) => oldItems.has(item.key) && oldItems.get(item.key)!.label !== item.label)
        .map((item) => ({ from: oldItems.get(item.key)!.label, to: item.label })),
    };
    if (entry.added.length || entry.removed.length || entry.renamed.length) changes.columns.push(entry);
  }
  for (const section of from.sections) if (!after.has(section.id)) changes.sectionsRemoved.push(section.title);
  return changes;
}

function filled(value: unknown): boolean {
  return value !== null && value !== undefined && String(value).trim() !== '';
}

/**
 * The draft's content on the new version, and what has no place there (in words: 第 3 章“走访情况”的文字,
 * “主要指标”的“毛利”列 4 个数, 基本信息“天气”). Content of sections that exist in both (same id and kind)
 * is kept; columns and fields by key; sections new in this version start as a new document's would.
 */
export function moveContent(options: {
  report: Pick<Report, 'metadata' | 'sections'>;
  from: Template;
  to: Template;
  profile: Profile;
  now: Date;
  newId: () => string;
}): { metadata: Record<string, string>; sections: Record<string, SectionContent>; title: string; lost: string[] } {
  const { report, from, to } = options;
  const lost: string[] = [];
  const metadata: Record<string, string> = {};
  const newFields = new Map(to.metadataFields.map((field) => [field.key, field]));
  for (const field of to.metadataFields) {
    metadata[field.key] = report.metadata[field.key] ?? defaultFieldValue(field, options.profile, options.now);
  }
  for (const field of from.metadataFields) {
    if (!newFields.has(field.key) && filled(report.metadata[field.key])) lost.push(`基本信息“${field.label}”：${report.metadata[field.key]}`);
  }
  const fresh = initialSections(to, metadata, options.newId);
  const oldSections = new Map(from.sections.map((section) => [section.id, section]));
  const sections: Record<string, SectionContent> = {};
  for (const section of to.sections) {
    const content = report.sections[section.id];
    if (!content || content.type !== section.kind) {
      sections[section.id] = fresh[section.id];
      continue;
    }
    if (content.type === 'table') {
      const inputKeys = new Set((section.table?.columns ?? []).filter((column) => !column.formula).map((column) => column.key));
      const dropped = new Map<string, number>();
      const rows = content.rows.map((row) => {
        const cells: typeof row.cells = {};
        for (const [key, value] of Object.entries(row.cells)) {
          if (inputKeys.has(key)) cells[key] = value;
          else if (filled(value)) dropped.set(key, (dropped.get(key) ?? 0) + 1);
        }
        return { ...row, cells };
      });
      const labels = new Map((oldSections.get(section.id)?.table?.columns ?? []).map((column) => [column.key, column.label]));
      for (const [key, count] of dropped) lost.push(`“${section.title}”的“${labels.get(key) ?? key}”列 ${count} 个值`);
      sections[section.id] = { type: 'table', rows };
    } else if (content.type === 'fields') {
      const keys = new Set((section.fields ?? []).map((field) => field.key));
      const labels = new Map((oldSections.get(section.id)?.fields ?? []).map((field) => [field.key, field.label]));
      const values: Record<string, string> = {};
      for (const [key, value] of Object.entries(content.values)) {
        if (keys.has(key)) values[key] = value;
        else if (filled(value)) lost.push(`“${section.title}”的字段“${labels.get(key) ?? key}”：${value}`);
      }
      sections[section.id] = { type: 'fields', values };
    } else {
      sections[section.id] = content;
    }
  }
  const kept = new Set(to.sections.map((section) => `${section.id}:${section.kind}`));
  from.sections.forEach((section) => {
    const content = report.sections[section.id];
    if (!content || kept.has(`${section.id}:${content.type}`)) return;
    if (content.type === 'richtext' && richTextToPlain(content.doc).trim()) lost.push(`“${section.title}”的文字`);
    if (content.type === 'table' && content.rows.some((row) => Object.values(row.cells).some(filled))) lost.push(`“${section.title}”的表格（${content.rows.length} 行）`);
    if (content.type === 'fields' && Object.values(content.values).some(filled)) lost.push(`“${section.title}”的字段`);
  });
  return { metadata, sections, title: titleFor(to, metadata), lost };
}
