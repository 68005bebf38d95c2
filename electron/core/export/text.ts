/**
 * Small text helpers shared by the Word and Excel builders: dates the Chinese way, outline numbers,
 * and display widths where a CJK character is two columns wide.
 */
import type { FieldDef } from '../common/schemas/template';
import { formatPeriod } from '../common/text/placeholders';
import { fillLabel, type ExportLabels } from './labels';

const DIGITS = '零一二三四五六七八九';

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九; outside 1..99 the Arabic number. */
export function chineseNumeral(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 99) return String(value);
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  const tensText = tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens]}十`;
  return `${tensText}${ones === 0 ? '' : DIGITS[ones]}`;
}

/** Outline levels of GB/T 9704: 一、 （一） 1. （1）. */
export type OutlineLevel = 1 | 2 | 3 | 4;

export function outlineNumber(level: OutlineLevel, value: number): string {
  switch (level) {
    case 1:
      return `${chineseNumeral(value)}、`;
    case 2:
      return `（${chineseNumeral(value)}）`;
    case 3:
      return `${value}.`;
    case 4:
      return `（${value}）`;
  }
}

const CHINESE_NUMBER = '[一二三四五六七八九十百零〇]+';
const NUMBERED_PREFIX = new RegExp(
  [
    `^${CHINESE_NUMBER}[、．.]`,
    `^[（(]${CHINESE_NUMBER}[）)]`,
    '^\\d+[、．.](?!\\d)',
    '^[（(]\\d+[）)]',
    `^第${CHINESE_NUMBER}[章节部分]`,
    '^[①-⑳]',
  ].join('|'),
  'u',
);

/** Whether a heading already carries an outline number such as 一、 （二） 3. （4） 第一章. */
export function hasOutlineNumber(text: string): boolean {
  return NUMBERED_PREFIX.test(text.trim());
}

function isWide(codePoint: number): boolean {
  return (
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    (codePoint >= 0x20000 && codePoint <= 0x3fffd)
  );
}

/** Width of the longest line of a text, counting CJK and full-width characters as 2. */
export function displayWidth(text: string): number {
  let widest = 0;
  for (const line of text.split('\n')) {
    let width = 0;
    for (const character of line) width += isWide(character.codePointAt(0) ?? 0) ? 2 : 1;
    widest = Math.max(widest, width);
  }
  return widest;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * A stored date as people write it: `2026-10-05` → 2026年10月5日; a full ISO timestamp in local time (or at
 * `utcOffsetMinutes` east of UTC, the office's clock, when given), with the time when `withTime`.
 * Anything unreadable is returned unchanged.
 */
export function formatDate(value: string, labels: ExportLabels, withTime = false, utcOffsetMinutes?: number): string {
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (dateOnly) {
    return fillLabel(labels.date, { year: dateOnly[1], month: Number(dateOnly[2]), day: Number(dateOnly[3]) });
  }
  const date = new Date(value);
  if (!value.trim() || Number.isNaN(date.getTime())) return value;
  const zoned = utcOffsetMinutes === undefined ? null : new Date(date.getTime() + utcOffsetMinutes * 60_000);
  const parts = zoned
    ? { year: zoned.getUTCFullYear(), month: zoned.getUTCMonth() + 1, day: zoned.getUTCDate(), hour: pad2(zoned.getUTCHours()), minute: pad2(zoned.getUTCMinutes()) }
    : { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate(), hour: pad2(date.getHours()), minute: pad2(date.getMinutes()) };
  return fillLabel(withTime ? labels.dateTime : labels.date, parts);
}

/** A metadata or fields value for display: date and month fields in the Chinese form, others as typed. */
export function formatFieldValue(field: Pick<FieldDef, 'type'>, value: string | undefined): string {
  const text = (value ?? '').trim();
  if (!text) return '';
  return field.type === 'date' || field.type === 'month' ? formatPeriod(text) : text;
}
