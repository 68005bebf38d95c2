import type { Profile } from '../common/schemas/profile';
import { fillPlaceholders, formatPeriod } from '../common/text/placeholders';
import { emptyRichText, plainToRichText } from '../common/text/rich-text';
import type { FieldDef, Template } from '../common/schemas/template';
import type { Report, SectionContent } from '../common/schemas/report';

/** The metadata key that holds a document's period; every built-in template defines it. */
export const periodKey = '报告期';

/** Default value of a metadata field for a new document, from its `source`. */
export function defaultFieldValue(field: FieldDef, profile: Profile, now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  switch (field.source) {
    case 'profile-name':
      return profile.name;
    case 'profile-unit':
      return profile.unit;
    case 'today':
      return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
    case 'this-month':
      return `${now.getFullYear()}-${pad(now.getMonth() + 1)}`;
    default:
      return '';
  }
}

/** Placeholder values for a document: its metadata, with the period in its written form. */
export function placeholderValues(metadata: Record<string, string>): Record<string, string> {
  const values: Record<string, string> = { ...metadata };
  if (metadata[periodKey]) values[periodKey] = formatPeriod(metadata[periodKey]);
  return values;
}

/** The title a template gives a document with this metadata. */
export function titleFor(template: Template, metadata: Record<string, string>): string {
  const values = placeholderValues(metadata);
  // A detail not filled in yet leaves a gap in the title, not a visible {{placeholder}}.
  const title = template.titlePattern.replace(/\{\{\s*([^{}\s]+)\s*\}\}/g, (_, key: string) => values[key] ?? '');
  return title.trim() || template.name;
}

/** Initial content of every section: starter text with placeholders filled, starter rows, empty fields. */
export function initialSections(
  template: Template,
  metadata: Record<string, string>,
  newId: () => string,
): Record<string, SectionContent> {
  const values = placeholderValues(metadata);
  const sections: Record<string, SectionContent> = {};
  for (const section of template.sections) {
    if (section.kind === 'richtext') {
      sections[section.id] = {
        type: 'richtext',
        doc: section.starterText ? plainToRichText(fillPlaceholders(section.starterText, values)) : emptyRichText(),
      };
    } else if (section.kind === 'table') {
      const starter = section.table?.starterRows ?? [];
      sections[section.id] = { type: 'table', rows: starter.map((cells) => ({ id: newId(), cells: { ...cells } })) };
    } else {
      sections[section.id] = { type: 'fields', values: {} };
    }
  }
  return sections;
}

/** A new draft made from a template for a profile. */
export function buildNewReport(options: {
  template: Template;
  profile: Profile;
  metadata: Record<string, string>;
  id: string;
  now: Date;
  newId: () => string;
}): Report {
  const { template, profile, now } = options;
  const metadata: Record<string, string> = {};
  for (const field of template.metadataFields) {
    const given = options.metadata[field.key];
    metadata[field.key] = given !== undefined && given !== '' ? given : defaultFieldValue(field, profile, now);
  }
  const stamp = now.toISOString();
  return {
    id: options.id,
    templateId: template.id,
    templateVersion: template.version,
    kind: template.kind,
    title: titleFor(template, metadata),
    authorId: profile.id,
    authorName: profile.name,
    region: metadata['片区'] || profile.unit,
    period: metadata[periodKey] ?? '',
    metadata,
    sections: initialSections(template, metadata, options.newId),
    status: 'draft',
    rev: 1,
    revision: 1,
    createdAt: stamp,
    updatedAt: stamp,
  };
}
