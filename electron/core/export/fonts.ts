/**
 * Fonts of exported Word documents.
 *
 * GB/T 9704 names 方正小标宋简体, 仿宋_GB2312 and 楷体_GB2312, which many machines lack; Windows 10/11
 * ship 宋体, 仿宋, 楷体 and 黑体. Word cannot fall back from one font name to another, so the user
 * chooses in 设置 which names are written: the GB2312 names (offices with the official fonts installed)
 * or the Windows names, and may override any single role. Fonts are never embedded.
 */
import { z } from 'zod';

/** The font of each role in a document. `latin` is used for ASCII letters and digits in every role. */
export interface FontSet {
  title: string;
  body: string;
  heading1: string;
  heading2: string;
  pageNumber: string;
  latin: string;
}

export type FontRole = keyof FontSet;

/** GB/T 9704-2012 fonts. */
export const officialFonts: Readonly<FontSet> = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
  latin: 'Times New Roman',
};

/** Fonts of the plain business layout: all shipped with Windows. */
export const plainFonts: Readonly<FontSet> = {
  title: '黑体',
  body: '宋体',
  heading1: '黑体',
  heading2: '黑体',
  pageNumber: '宋体',
  latin: 'Times New Roman',
};

/** The Windows-shipped font standing in for each official font that Windows lacks. */
export const fontFallbacks: Readonly<Record<string, string>> = {
  仿宋_GB2312: '仿宋',
  方正小标宋简体: '宋体',
  楷体_GB2312: '楷体',
};

const fontNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[^<>&"\p{Cc}]+$/u, '字体名称不能包含 < > & " 或控制字符');

/** What the user configures in 设置. */
export const fontSettingsSchema = z
  .object({
    /** `official`: write the GB/T 9704 names (仿宋_GB2312…); `windows`: write the names Windows ships (仿宋…). */
    names: z.enum(['official', 'windows']).default('official'),
    /** A font name per role that wins over both choices above. */
    overrides: z
      .object({
        title: fontNameSchema.optional(),
        body: fontNameSchema.optional(),
        heading1: fontNameSchema.optional(),
        heading2: fontNameSchema.optional(),
        pageNumber: fontNameSchema.optional(),
        latin: fontNameSchema.optional(),
      })
      .strict()
      .default({}),
  })
  .strict();
export type FontSettings = z.infer<typeof fontSettingsSchema>;
export type FontSettingsInput = z.input<typeof fontSettingsSchema>;

export const defaultFontSettings: FontSettings = fontSettingsSchema.parse({});

/** The fallback a font name has on Windows, or the name itself. */
export function fallbackFont(name: string): string {
  return fontFallbacks[name] ?? name;
}

/**
 * The font names to write for the official layout, given the user's settings (validated here;
 * invalid settings throw a ZodError).
 */
export function resolveFonts(settings?: FontSettingsInput): FontSet {
  const parsed = fontSettingsSchema.parse(settings ?? {});
  const base: FontSet = { ...officialFonts };
  if (parsed.names === 'windows') {
    for (const role of Object.keys(base) as FontRole[]) base[role] = fallbackFont(base[role]);
  }
  for (const role of Object.keys(base) as FontRole[]) {
    const override = parsed.overrides[role];
    if (override) base[role] = override;
  }
  return base;
}

/** The fonts of the plain layout; only the user's Latin font override applies there. */
export function resolvePlainFonts(settings?: FontSettingsInput): FontSet {
  const parsed = fontSettingsSchema.parse(settings ?? {});
  return { ...plainFonts, latin: parsed.overrides.latin ?? plainFonts.latin };
}

/** A docx run font: Latin letters and digits in `latin`, Chinese in `eastAsia`. */
export interface RunFonts {
  ascii: string;
  hAnsi: string;
  eastAsia: string;
  cs: string;
  /** Characters both sets share (quotation marks, dashes, ·) are set in the East Asian font. */
  hint: 'eastAsia';
}

export function runFonts(eastAsia: string, latin: string): RunFonts {
  return { ascii: latin, hAnsi: latin, eastAsia, cs: latin, hint: 'eastAsia' };
}
