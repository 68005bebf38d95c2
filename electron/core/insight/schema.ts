import { z } from 'zod';

/** The office's insight settings (设置 → 统计与雷同检测). */
export const insightSettingsSchema = z
  .object({
    /** A submitted revision whose copy score reaches this share is marked 疑似雷同 in the inbox (0–1). */
    copyThreshold: z.number().min(0.05).max(1),
    /** Dashboard targets: below them a manager's figure is highlighted. On-time rate (0–1). */
    onTimeTarget: z.number().min(0).max(1),
    /** Share of graded documents in the best `goodGrades` grades of the scale (优秀/良好), 0–1. */
    goodGradeTarget: z.number().min(0).max(1),
    /** How many grades from the top of the scale count as good (2: 优秀 and 良好). */
    goodGrades: z.number().int().min(1).max(10),
    /** Days a daily log is expected: weekdays (Mon–Fri) or every day. */
    dailyLogDays: z.enum(['weekdays', 'all']),
  })
  .strict();
export type InsightSettings = z.infer<typeof insightSettingsSchema>;

export const defaultInsightSettings: Readonly<InsightSettings> = {
  copyThreshold: 0.4,
  onTimeTarget: 0.9,
  goodGradeTarget: 0.5,
  goodGrades: 2,
  dailyLogDays: 'weekdays',
};

const categorySchema = z.enum(['own', 'peer', 'guidance']);
const passageSchema = z.object({ sectionId: z.string(), start: z.number().int(), end: z.number().int(), text: z.string() }).strict();

export const copyMatchSchema = z
  .object({
    category: categorySchema,
    passage: passageSchema,
    source: passageSchema.extend({
      docId: z.string(),
      revision: z.number().int(),
      title: z.string(),
      authorName: z.string(),
      period: z.string(),
    }),
    similarity: z.number(),
    coveredChars: z.number().int(),
  })
  .strict();

/** The stored result of a copy check of one submitted revision (`insight/<xx>/<id>-r<n>.json`). */
export const copyCheckResultSchema = z
  .object({
    docId: z.string(),
    revision: z.number().int().min(1),
    checkedAt: z.string(),
    score: z.number().min(0).max(1),
    analysisChars: z.number().int().min(0),
    matchedChars: z.number().int().min(0),
    byCategory: z.object({ own: z.number(), peer: z.number(), guidance: z.number() }).strict(),
    matches: z.array(copyMatchSchema),
    /** The analysis text checked, per section, so passages can be shown in place. */
    sections: z.array(z.object({ sectionId: z.string(), title: z.string(), text: z.string() }).strict()),
  })
  .strict();
export type CopyCheckResult = z.infer<typeof copyCheckResultSchema>;

const indexedSentenceSchema = z
  .object({ s: z.string(), a: z.number().int(), b: z.number().int(), t: z.string(), h: z.array(z.number().int()) })
  .strict();

/** One line of a copy-index partition file. */
export const fingerprintEntrySchema = z
  .object({
    id: z.string(),
    revision: z.number().int(),
    authorId: z.string(),
    authorName: z.string(),
    title: z.string(),
    kind: z.string(),
    templateId: z.string(),
    period: z.string(),
    submittedAt: z.string(),
    sentences: z.array(indexedSentenceSchema),
  })
  .strict();
