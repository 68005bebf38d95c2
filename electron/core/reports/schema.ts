/**
 * What the reports channels return beside the common report and template schemas: search hits, a newer
 * template version for a draft and the draft moved to it. The types are inferred from these schemas; the API validates with them.
 */
import { z } from 'zod';
import { reportSchema, reportSummarySchema } from '../common/schemas/report';

/** One search hit: the document, how well it matched, and the passage around the match. */
export const searchResultSchema = z.object({ summary: reportSummarySchema, score: z.number(), snippet: z.string() }).strict();
export type SearchResult = z.infer<typeof searchResultSchema>;

export const renamedSchema = z.object({ from: z.string(), to: z.string() }).strict();
export type Renamed = z.infer<typeof renamedSchema>;

/** What changed from one version of a template to another (sections and columns named for people). */
export const templateChangesSchema = z
  .object({
    sectionsAdded: z.array(z.string()),
    sectionsRemoved: z.array(z.string()),
    sectionsRenamed: z.array(renamedSchema),
    /** Per section present in both versions (named as in the new one): its table columns or fields. */
    columns: z.array(z.object({ section: z.string(), added: z.array(z.string()), removed: z.array(z.string()), renamed: z.array(renamedSchema) }).strict()),
  })
  .strict();
export type TemplateChanges = z.infer<typeof templateChangesSchema>;

/** A newer version of a draft's template: what changed and what would have no place. */
export const templateUpdateSchema = z
  .object({
    /** The version the draft was made from, and the newest one (not retired). */
    current: z.number().int(),
    latest: z.number().int(),
    templateName: z.string(),
    changes: templateChangesSchema,
    /** What the draft holds that has no place in the newest version (listed before moving). */
    lost: z.array(z.string()),
  })
  .strict();
export type TemplateUpdate = z.infer<typeof templateUpdateSchema>;

/** A draft moved to a newer version of its template, and what had no place there. */
export const movedDraftSchema = z.object({ report: reportSchema, lost: z.array(z.string()) }).strict();
export type MovedDraft = z.infer<typeof movedDraftSchema>;
