import type { ErrorIssue } from '../common/errors';
import type { Template } from '../common/schemas/template';
import type { SectionContent } from '../common/schemas/report';

/**
 * Structural check of saved content against the document's template version: every section id known,
 * content type matching the section kind, table cells only in input columns of that table.
 */
export function checkContentAgainstTemplate(
  template: Template,
  sections: Record<string, SectionContent>,
  metadata: Record<string, string>,
): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  const byId = new Map(template.sections.map((section) => [section.id, section]));
  for (const [id, content] of Object.entries(sections)) {
    const section = byId.get(id);
    if (!section) {
      issues.push({ path: `sections.${id}`, message: `模板中没有此章节：${id}` });
      continue;
    }
    if (section.kind !== content.type) {
      issues.push({ path: `sections.${id}.type`, message: `章节“${section.title}”应为 ${section.kind}，实际为 ${content.type}` });
      continue;
    }
    if (content.type === 'table' && section.table) {
      const inputKeys = new Set(section.table.columns.filter((column) => !column.formula).map((column) => column.key));
      content.rows.forEach((row, index) => {
        for (const key of Object.keys(row.cells)) {
          if (!inputKeys.has(key)) {
            issues.push({ path: `sections.${id}.rows.${index}.${key}`, message: `表格“${section.title}”没有可填写的列：${key}` });
          }
        }
      });
    }
    if (content.type === 'fields' && section.fields) {
      const keys = new Set(section.fields.map((field) => field.key));
      for (const key of Object.keys(content.values)) {
        if (!keys.has(key)) issues.push({ path: `sections.${id}.values.${key}`, message: `章节“${section.title}”没有字段：${key}` });
      }
    }
  }
  const metadataKeys = new Set(template.metadataFields.map((field) => field.key));
  for (const key of Object.keys(metadata)) {
    if (!metadataKeys.has(key)) issues.push({ path: `metadata.${key}`, message: `模板没有此基本信息字段：${key}` });
  }
  return issues;
}
