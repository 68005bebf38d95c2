/**
 * An .xlsx file read as rows of text (core/import/xlsx-reader.ts reads it), as the `tables:read-xlsx` channel
 * returns it. The types are inferred from these schemas; the API validates with them.
 */
import { z } from 'zod';

export const sheetRowsSchema = z
  .object({
    name: z.string(),
    rows: z.array(z.array(z.string())),
    /** Set when reading stopped at a cap: the rows kept are the sheet's first ones, the rest was not imported. */
    cut: z.object({ rows: z.boolean(), columns: z.boolean() }).strict().optional(),
  })
  .strict();
export type SheetRows = z.infer<typeof sheetRowsSchema>;

/** What a capped read left out, in people's words (catalogue key, parameters and the zh-CN text). */
export const xlsxNoticeSchema = z
  .object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])), message: z.string() })
  .strict();
export type XlsxNotice = z.infer<typeof xlsxNoticeSchema>;

/** The sheets read, and what reading left out at its caps (rows, columns, sheets); no notices when nothing was cut. */
export const xlsxTablesSchema = z.object({ sheets: z.array(sheetRowsSchema), notices: z.array(xlsxNoticeSchema) }).strict();
export type XlsxTables = z.infer<typeof xlsxTablesSchema>;
