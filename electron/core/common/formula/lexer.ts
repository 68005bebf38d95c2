/**
 * Tokenizer for column formulas. Works on Unicode code points so that positions reported to the user
 * ("第 5 个字符处…") count a Chinese character as one character, exactly as the user sees it.
 */

export type TokenKind = 'number' | 'identifier' | 'operator' | 'leftParen' | 'rightParen' | 'comma' | 'end';

export type OperatorText = '+' | '-' | '*' | '/' | '>' | '<' | '>=' | '<=' | '==' | '!=';

export interface Token {
  kind: TokenKind;
  /** The token as written (after full-width normalisation for punctuation). */
  text: string;
  /** 1-based position of the token's first character in the original formula. */
  position: number;
  /** Numeric value of a number token. */
  value?: number;
}

/** A formula that cannot be read; `position` is 1-based, `message` is user-facing Chinese. */
export class FormulaError extends Error {
  readonly position: number;

  constructor(position: number, message: string) {
    super(message);
    this.name = 'FormulaError';
    this.position = position;
  }
}

/**
 * Full-width punctuation that Chinese input methods produce while typing a formula, mapped to the
 * ASCII the grammar uses, so that `销量（箱）÷ 合计` style slips do not become syntax errors.
 * Identifiers are read from the raw text, so column keys are never altered by this map.
 */
const FULL_WIDTH: Record<string, string> = {
  '（': '(',
  '）': ')',
  '，': ',',
  '＋': '+',
  '－': '-',
  '＊': '*',
  '×': '*',
  '／': '/',
  '÷': '/',
  '＜': '<',
  '＞': '>',
  '＝': '=',
  '！': '!',
  '．': '.',
  '０': '0',
  '１': '1',
  '２': '2',
  '３': '3',
  '４': '4',
  '５': '5',
  '６': '6',
  '７': '7',
  '８': '8',
  '９': '9',
};

const IDENTIFIER_START = /[\p{L}_]/u;
const IDENTIFIER_PART = /[\p{L}\p{N}_]/u;
const DIGIT = /[0-9]/;
const WHITESPACE = /\s/u;

function normalizeCharacter(character: string | undefined): string | undefined {
  if (character === undefined) return undefined;
  return FULL_WIDTH[character] ?? character;
}

/**
 * Split a formula into tokens, always ending with an `end` token positioned one past the last character.
 * A single leading `=` is skipped because people used to Excel type it out of habit.
 * @throws FormulaError on a character the grammar does not know or a malformed number.
 */
export function tokenize(source: string): Token[] {
  const characters = Array.from(source);
  const tokens: Token[] = [];
  let index = 0;

  const skipWhitespace = (): void => {
    while (index < characters.length && WHITESPACE.test(characters[index])) index += 1;
  };

  skipWhitespace();
  if (normalizeCharacter(characters[index]) === '=' && normalizeCharacter(characters[index + 1]) !== '=') {
    index += 1;
  }

  while (true) {
    skipWhitespace();
    if (index >= characters.length) break;
    const raw = characters[index];
    const character = normalizeCharacter(raw) as string;
    const position = index + 1;

    if (DIGIT.test(character) || (character === '.' && DIGIT.test(normalizeCharacter(characters[index + 1]) ?? ''))) {
      let text = '';
      while (index < characters.length) {
        const next = normalizeCharacter(characters[index]) as string;
        if (!DIGIT.test(next) && next !== '.') break;
        text += next;
        index += 1;
      }
      if (!/^(\d+(\.\d+)?|\.\d+)$/.test(text)) {
        throw new FormulaError(position, `第 ${position} 个字符处的数字“${text}”格式不正确`);
      }
      tokens.push({ kind: 'number', text, position, value: Number(text) });
      continue;
    }

    if (IDENTIFIER_START.test(raw)) {
      let text = '';
      while (index < characters.length && IDENTIFIER_PART.test(characters[index])) {
        text += characters[index];
        index += 1;
      }
      tokens.push({ kind: 'identifier', text, position });
      continue;
    }

    const next = normalizeCharacter(characters[index + 1]);
    if ((character === '>' || character === '<' || character === '=' || character === '!') && next === '=') {
      tokens.push({ kind: 'operator', text: `${character}=`, position });
      index += 2;
      continue;
    }
    if (character === '=') {
      throw new FormulaError(position, `第 ${position} 个字符处的“=”应写作“==”（比较是否相等）`);
    }
    if (character === '!') {
      throw new FormulaError(position, `第 ${position} 个字符处的“!”应写作“!=”（比较是否不等）`);
    }
    if (character === '%' || character === '％') {
      // Percent columns hold fractions, so a formula never needs %; say so instead of a bare "unknown character".
      throw new FormulaError(position, `第 ${position} 个字符处的“%”不能用在公式里，百分比请写成小数（如 5% 写作 0.05）`);
    }
    if ('+-*/<>'.includes(character)) {
      tokens.push({ kind: 'operator', text: character, position });
    } else if (character === '(') {
      tokens.push({ kind: 'leftParen', text: character, position });
    } else if (character === ')') {
      tokens.push({ kind: 'rightParen', text: character, position });
    } else if (character === ',') {
      tokens.push({ kind: 'comma', text: character, position });
    } else {
      throw new FormulaError(position, `第 ${position} 个字符处有无法识别的字符“${raw}”`);
    }
    index += 1;
  }

  tokens.push({ kind: 'end', text: '', position: characters.length + 1 });
  return tokens;
}
