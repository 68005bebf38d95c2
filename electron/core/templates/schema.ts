/**
 * What the template channels return beside the template itself. The types are inferred from these schemas; the
 * API validates with them.
 */
import { z } from 'zod';
import { templateSchema } from '../common/schemas/template';

/** One template version, and every version of that template there is. */
export const templateVersionsSchema = z.object({ template: templateSchema, versions: z.array(z.number().int()) }).strict();
export type TemplateVersions = z.infer<typeof templateVersionsSchema>;

/** A template version as a shareable file: its suggested name and its text. */
export const templateFileTextSchema = z.object({ fileName: z.string(), text: z.string() }).strict();
export type TemplateFileText = z.infer<typeof templateFileTextSchema>;

/** A template file imported: the template, and whether it was new here (false: that version was here already). */
export const templateImportSchema = z.object({ template: templateSchema, created: z.boolean() }).strict();
export type TemplateImport = z.infer<typeof templateImportSchema>;
