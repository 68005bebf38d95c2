/** Replace `{{key}}` placeholders with values; unknown keys stay visible so the writer notices them. */
export function fillPlaceholders(text: string, values: Record<string, string | undefined>): string {
  return text.replace(/\{\{\s*([^{}\s]+)\s*\}\}/g, (match, key: string) => {
    const value = values[key];
    return value !== undefined && value !== '' ? value : match;
  });
}

/** Placeholder keys used in a text, in order of first use. */
export function placeholderKeys(text: string): string[] {
  const keys: string[] = [];
  for (const match of text.matchAll(/\{\{\s*([^{}\s]+)\s*\}\}/g)) {
    if (!keys.includes(match[1])) keys.push(match[1]);
  }
  return keys;
}

/** Human form of a period value: 2026-10 → 2026年10月, 2026-11-05 → 2026年11月5日, 2026-Q3 → 2026年第三季度. */
export function formatPeriod(period: string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(period);
  if (day) return `${day[1]}年${Number(day[2])}月${Number(day[3])}日`;
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) return `${month[1]}年${Number(month[2])}月`;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return `${quarter[1]}年第${'一二三四'[Number(quarter[2]) - 1]}季度`;
  return period;
}
