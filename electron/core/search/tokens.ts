/** CJK ideographs (incl. extension A) — searched as overlapping character pairs. */
const cjk = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/**
 * Search tokens of a text: every pair of adjacent CJK characters (a single CJK character where it stands
 * alone), and each run of letters or digits as one lower-cased word. Pairs need no dictionary and still
 * find any Chinese word of two or more characters; short edits only disturb the pairs they touch.
 */
export function searchTokens(text: string): string[] {
  const tokens = new Set<string>();
  const normal = text.normalize('NFKC').toLowerCase();
  let word = '';
  let previousCjk = '';
  let runLength = 0;
  const flushWord = () => {
    if (word) tokens.add(word);
    word = '';
  };
  for (const character of normal) {
    if (cjk.test(character)) {
      flushWord();
      if (previousCjk) tokens.add(previousCjk + character);
      previousCjk = character;
      runLength++;
      continue;
    }
    if (runLength === 1 && previousCjk) tokens.add(previousCjk);
    previousCjk = '';
    runLength = 0;
    if (/[\p{L}\p{N}]/u.test(character)) word += character;
    else flushWord();
  }
  if (runLength === 1 && previousCjk) tokens.add(previousCjk);
  flushWord();
  return [...tokens];
}
