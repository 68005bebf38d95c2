import { z } from 'zod';
import { cellValueSchema, documentKindSchema, templateSchema } from './template';

/** A ProseMirror/TipTap JSON node; validated structurally, bounded in depth and node count (below). */
export interface RichNode {
  type: string;
  text?: string;
  attrs?: Record<string, unknown>;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  content?: RichNode[];
}

/** How deep rich text may nest (a document, a list in a list in a table …): real documents stay under 10. */
export const maxRichTextDepth = 32;
/** How many nodes one rich-text section may hold (paragraphs, text runs, list items …). */
export const maxRichTextNodes = 100_000;

/**
 * The node schema at one nesting level: each level's `content` holds the next level, and the last level has none.
 * Built level by level rather than recursively, so validating hostile input can never run out of stack, and
 * a document nested too deep gets a clear error instead of 「Maximum call stack size exceeded」.
 */
function richNodeAtDepth(depth: number): z.ZodType<RichNode, RichNode> {
  const content =
    depth >= maxRichTextDepth
      ? z.array(z.unknown()).max(0, `文字内容嵌套过深（最多 ${maxRichTextDepth} 层）`)
      : z.array(richNodeAtDepth(depth + 1)).max(20000);
  return z
    .object({
      type: z.string().min(1).max(40),
      text: z.string().max(200000).optional(),
      attrs: z.record(z.string(), z.unknown()).optional(),
      marks: z
        .array(z.object({ type: z.string().min(1).max(40), attrs: z.record(z.string(), z.unknown()).optional() }).strict())
        .max(20)
        .optional(),
      content: content.optional(),
    })
    .strict() as unknown as z.ZodType<RichNode, RichNode>;
}

/** Nodes in a rich-text tree, counted without recursion. */
export function countRichNodes(root: RichNode): number {
  let count = 0;
  const stack: RichNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    count++;
    if (node.content) for (const child of node.content) stack.push(child);
  }
  return count;
}

export const richNodeSchema: z.ZodType<RichNode, RichNode> = richNodeAtDepth(1).superRefine((node, ctx) => {
  const count = countRichNodes(node);
  if (count > maxRichTextNodes) ctx.addIssue({ code: 'custom', message: `文字内容过多：${count} 个节点（最多 ${maxRichTextNodes} 个）` });
});

export const tableRowSchema = z
  .object({
    id: z.string().min(1).max(80),
    cells: z.record(z.string(), cellValueSchema),
  })
  .strict();
export type TableRow = z.infer<typeof tableRowSchema>;

/** The most rows a data table holds (the grid refuses a paste or a new row beyond it, beside the table). */
export const maxTableRows = 5000;

export const sectionContentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('richtext'), doc: richNodeSchema }).strict(),
  z.object({ type: z.literal('table'), rows: z.array(tableRowSchema).max(maxTableRows) }).strict(),
  z.object({ type: z.literal('fields'), values: z.record(z.string(), z.string().max(2000)) }).strict(),
]);
export type SectionContent = z.infer<typeof sectionContentSchema>;

export const reportStatusSchema = z.enum(['draft', 'submitted', 'returned', 'approved']);
export type ReportStatus = z.infer<typeof reportStatusSchema>;

export const reportSchema = z
  .object({
    id: z.string().min(1).max(80),
    templateId: z.string().min(1),
    templateVersion: z.number().int().min(1),
    kind: documentKindSchema,
    title: z.string().max(200),
    authorId: z.string().min(1),
    authorName: z.string(),
    region: z.string(),
    /** Reporting period: `YYYY-MM-DD` for daily, `YYYY-MM` for monthly, `YYYY-Qn` quarterly, free otherwise. */
    period: z.string().max(20),
    metadata: z.record(z.string(), z.string().max(2000)),
    sections: z.record(z.string(), sectionContentSchema),
    status: reportStatusSchema,
    /** Optimistic concurrency counter: bumped on every stored save. */
    rev: z.number().int().min(1),
    /** Submission revision the content belongs to: 1 until the first return, then 2 … */
    revision: z.number().int().min(1).default(1),
    /** Cached from the review log for lists and registers; the log is the truth. */
    review: z
      .object({
        count: z.number().int().min(0),
        head: z.string(),
        submittedAt: z.string().optional(),
        grade: z.string().optional(),
        meetingFlag: z.enum(['praise', 'critique', 'none']).optional(),
        openComments: z.number().int().min(0).optional(),
      })
      .strict()
      .optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .strict();
export type Report = z.infer<typeof reportSchema>;

/** What the document list shows; kept in the index so the list never opens every document file. */
export const reportSummarySchema = z
  .object({
    id: z.string(),
    templateId: z.string(),
    kind: documentKindSchema,
    title: z.string(),
    authorId: z.string(),
    authorName: z.string(),
    region: z.string(),
    period: z.string(),
    status: reportStatusSchema,
    rev: z.number().int(),
    retailer: z.string().optional(),
    revision: z.number().int().default(1),
    submittedAt: z.string().optional(),
    grade: z.string().optional(),
    meetingFlag: z.enum(['praise', 'critique', 'none']).optional(),
    reviewCount: z.number().int().default(0),
    openComments: z.number().int().default(0),
    updatedAt: z.string(),
    createdAt: z.string(),
  })
  .strict();
export type ReportSummary = z.infer<typeof reportSummarySchema>;

export function summarize(report: Report): ReportSummary {
  const retailer = report.metadata['店名'] || report.metadata['许可证号'];
  return {
    id: report.id,
    templateId: report.templateId,
    kind: report.kind,
    title: report.title,
    authorId: report.authorId,
    authorName: report.authorName,
    region: report.region,
    period: report.period,
    status: report.status,
    rev: report.rev,
    ...(retailer ? { retailer } : {}),
    revision: report.revision,
    ...(report.review?.submittedAt ? { submittedAt: report.review.submittedAt } : {}),
    ...(report.review?.grade ? { grade: report.review.grade } : {}),
    ...(report.review?.meetingFlag ? { meetingFlag: report.review.meetingFlag } : {}),
    reviewCount: report.review?.count ?? 0,
    openComments: report.review?.openComments ?? 0,
    updatedAt: report.updatedAt,
    createdAt: report.createdAt,
  };
}

export { cellValueSchema };

/** A document (or a frozen revision of it) with the template version it was written in. */
export const reportWithTemplateSchema = z.object({ report: reportSchema, template: templateSchema }).strict();
export type ReportWithTemplate = z.infer<typeof reportWithTemplateSchema>;
