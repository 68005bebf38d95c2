import { z } from 'zod';

/** A template's limits: the schema below enforces them, and the template editor checks them before a save. */
export const templateLimits = {
  name: 60,
  label: 40,
  key: 40,
  title: 80,
  description: 2000,
  guidance: 2000,
  starterText: 2000,
  titlePattern: 200,
  unit: 10,
  formula: 500,
  sections: 60,
  columns: 40,
  fields: 40,
  minLength: 20000,
  decimals: 6,
} as const;

/** A key's form: letters (incl. CJK) or underscore first, then letters, digits, underscore. */
export const templateKeyPattern = /^[\p{L}_][\p{L}\p{N}_]*$/u;

/** Identifier used in formulas and placeholders: letters (incl. CJK), digits, underscore. */
const keySchema = z.string().min(1).max(templateLimits.key).regex(templateKeyPattern, '只能包含字母、汉字、数字和下划线，且不能以数字开头');

export const documentKindSchema = z.enum(['market-analysis', 'research', 'guidance-booklet', 'work-log', 'custom']);
export type DocumentKind = z.infer<typeof documentKindSchema>;

/** How often a template is expected to be written; drives "not yet submitted" views. */
export const cadenceSchema = z.enum(['daily', 'weekly', 'monthly', 'quarterly', 'none']);
export type Cadence = z.infer<typeof cadenceSchema>;

export const fieldTypeSchema = z.enum(['text', 'date', 'month', 'number', 'select']);
export type FieldType = z.infer<typeof fieldTypeSchema>;

export const fieldDefSchema = z
  .object({
    key: keySchema,
    label: z.string().min(1).max(templateLimits.label),
    type: fieldTypeSchema,
    required: z.boolean().default(false),
    options: z.array(z.string().min(1)).optional(),
    /** Where a new document takes the value from: the profile's name or unit, or today. */
    source: z.enum(['profile-name', 'profile-unit', 'today', 'this-month']).optional(),
  })
  .strict();
export type FieldDef = z.infer<typeof fieldDefSchema>;

export const columnTypeSchema = z.enum(['text', 'integer', 'decimal', 'percent', 'money', 'date']);
export type ColumnType = z.infer<typeof columnTypeSchema>;

export const columnDefSchema = z
  .object({
    key: keySchema,
    label: z.string().min(1).max(templateLimits.label),
    type: columnTypeSchema,
    /** Unit shown after the value, e.g. 箱, 条, 元. Percent columns show %. */
    unit: z.string().max(templateLimits.unit).optional(),
    /** Digits after the decimal point when displayed and exported. */
    decimals: z.number().int().min(0).max(templateLimits.decimals).optional(),
    /** A computed column: an expression over this row's columns and table totals, e.g. `stock / sales`. */
    formula: z.string().max(templateLimits.formula).optional(),
    /** Options for a text column that is a choice (e.g. 方式: 实地 / 电话). */
    options: z.array(z.string().min(1)).optional(),
    /**
     * A range the office sets for this figure (设置), e.g. `stock-to-sales`: the 存销比 合理区间. Exports say the
     * range under the table; the template's prose never states its own.
     */
    officeRange: z.enum(['stock-to-sales']).optional(),
  })
  .strict();
export type ColumnDef = z.infer<typeof columnDefSchema>;

export const cellValueSchema = z.union([z.string().max(2000), z.number().finite(), z.null()]);
export type CellValue = z.infer<typeof cellValueSchema>;

/**
 * A wording rule that turns a table's numbers into a draft sentence (生成描述), e.g.
 * `{{报告期月}}销售卷烟{{销量.本期:0}}箱，同比{{销量.同比:增长/下降}}{{销量.同比:abs}}`. The placeholder language
 * is described in core/insight/sentences.ts; clauses whose figures are blank are left out, never NaN.
 */
export const sentenceRuleSchema = z
  .object({
    /** `row`: once per row (optionally only rows matching `rowMatch`); `totals`: the 合计 row; `table`: once for the table. */
    when: z.enum(['row', 'totals', 'table']).default('row'),
    /** Only rows whose column `column` equals `equals` (the row's label, e.g. 价类 = 一类). */
    rowMatch: z.object({ column: z.string().min(1).max(40), equals: z.string().max(200) }).strict().optional(),
    text: z.string().trim().min(1).max(1000),
  })
  .strict();
export type SentenceRule = z.infer<typeof sentenceRuleSchema>;

/** A chart drawn from the table under it, in the editor and in the Word export (trend: line/bar; structure: pie/bar). */
export const tableChartSchema = z
  .object({
    type: z.enum(['bar', 'line', 'pie']),
    /** The column whose values name the categories (x axis, pie slices), usually the first text column. */
    category: z.string().min(1).max(40),
    /** Numeric columns plotted as series (a pie uses the first). */
    series: z.array(z.string().min(1).max(40)).min(1).max(8),
    /** Caption above the chart; the section title when left out. */
    title: z.string().max(80).optional(),
  })
  .strict();
export type TableChart = z.infer<typeof tableChartSchema>;

/** One mapping of 基于上期: column `from` of an earlier document into column `to` of the new one. */
export const carryColumnSchema = z
  .object({
    from: z.string().min(1).max(40),
    to: z.string().min(1).max(40),
    /** `previous`: the document of the period before (上期); `year-ago`: of the same period a year before (上年同期). */
    source: z.enum(['previous', 'year-ago']).default('previous'),
  })
  .strict();
export type CarryColumn = z.infer<typeof carryColumnSchema>;

export const tableDefSchema = z
  .object({
    columns: z.array(columnDefSchema).min(1).max(templateLimits.columns),
    /** Rows a new document starts with (e.g. the indicator names of a 主要指标 table). */
    starterRows: z.array(z.record(z.string(), cellValueSchema)).max(200).optional(),
    /** Show a 合计 row summing numeric input columns. */
    totalsRow: z.boolean().optional(),
    minRows: z.number().int().min(0).max(1000).optional(),
    /** Wording rules for 生成描述 (draft sentences from the figures), editable in the template. */
    sentenceRules: z.array(sentenceRuleSchema).max(40).optional(),
    /** A chart of the table, shown under it and embedded in the Word export. */
    chart: tableChartSchema.optional(),
    /**
     * 基于上期: where earlier figures go in a new document, e.g. last period's 本期 → 上期 and the 本期 of the
     * same period a year before → 上年同期. With a mapping, a new document keeps each row's labels and the mapped
     * figures; this period's own figures start empty. Without one, the rows are copied as they were.
     */
    carryColumns: z.array(carryColumnSchema).max(40).optional(),
  })
  .strict();
export type TableDef = z.infer<typeof tableDefSchema>;

export const sectionKindSchema = z.enum(['richtext', 'table', 'fields']);
export type SectionKind = z.infer<typeof sectionKindSchema>;

export const sectionDefSchema = z
  .object({
    id: z.string().min(1).max(60),
    title: z.string().min(1).max(templateLimits.title),
    kind: sectionKindSchema,
    /** What a good section contains; shown beside the editor. */
    guidance: z.string().max(templateLimits.guidance).default(''),
    required: z.boolean().default(false),
    /** Analysis sections must reach this many characters of text before submission. */
    minLength: z.number().int().min(0).max(templateLimits.minLength).optional(),
    /** Marks the analysis part supervisors grade and copy detection reads. */
    analysis: z.boolean().optional(),
    /** Text a new document starts with; may contain placeholders such as {{片区}}. */
    starterText: z.string().max(templateLimits.starterText).optional(),
    table: tableDefSchema.optional(),
    fields: z.array(fieldDefSchema).max(templateLimits.fields).optional(),
    /**
     * Pre-fill this section from a section of the previous document about the same subject, e.g. the
     * booklet's 上月建议落实情况 from last month's 下月经营建议, so last month's advice is checked.
     */
    carryForwardFrom: z.string().min(1).max(60).optional(),
  })
  .strict()
  .superRefine((section, ctx) => {
    if (section.kind === 'table' && !section.table) {
      ctx.addIssue({ code: 'custom', path: ['table'], message: '表格类章节必须定义列' });
    }
    if (section.kind === 'fields' && !section.fields?.length) {
      ctx.addIssue({ code: 'custom', path: ['fields'], message: '字段类章节至少需要一个字段' });
    }
  });
export type SectionDef = z.infer<typeof sectionDefSchema>;

export const templatePublisherSchema = z.object({ profileId: z.string().min(1).max(80), name: z.string().min(1).max(40) }).strict();
export type TemplatePublisher = z.infer<typeof templatePublisherSchema>;

export const templateSchema = z
  .object({
    /** Stable across versions. */
    id: z.string().min(1).max(80),
    version: z.number().int().min(1),
    name: z.string().min(1).max(templateLimits.name),
    kind: documentKindSchema,
    cadence: cadenceSchema,
    description: z.string().max(templateLimits.description).default(''),
    builtIn: z.boolean().default(false),
    /** Document title pattern with placeholders, e.g. `{{片区}}{{报告期}}卷烟市场分析报告`. */
    titlePattern: z.string().max(templateLimits.titlePattern),
    /** Metadata key naming what a document is about, when one per subject (the booklet: 许可证号). */
    subjectKey: z.string().min(1).max(40).optional(),
    metadataFields: z.array(fieldDefSchema).max(templateLimits.fields),
    sections: z.array(sectionDefSchema).min(1).max(templateLimits.sections),
    createdAt: z.string(),
    createdBy: z.string(),
    /**
     * The supervisor whose office template this is: set when it is created and carried unchanged wherever the
     * template travels (a copy or an import never re-stamps it). Built-ins have none.
     */
    publisher: templatePublisherSchema.optional(),
    /** A retired template: kept for the documents made from it, offered for no new ones. */
    retired: z.boolean().optional(),
    /** sha256 of what defines this version (see core/templates/identity.ts); checked wherever it arrives. */
    contentHash: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  })
  .strict()
  .superRefine((template, ctx) => {
    const seen = new Set<string>();
    template.sections.forEach((section, index) => {
      if (seen.has(section.id)) {
        ctx.addIssue({ code: 'custom', path: ['sections', index, 'id'], message: `章节编号重复：${section.id}` });
      }
      seen.add(section.id);
    });
  });
export type Template = z.infer<typeof templateSchema>;

/** A lightweight entry for lists. */
export const templateSummarySchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    name: z.string(),
    kind: documentKindSchema,
    cadence: cadenceSchema,
    builtIn: z.boolean(),
    description: z.string(),
    sectionCount: z.number().int(),
    publisher: templatePublisherSchema.optional(),
    retired: z.boolean().optional(),
  })
  .strict();
export type TemplateSummary = z.infer<typeof templateSummarySchema>;
