import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogueKeys, coreMessagesEn, coreMessagesZh, formatMessage } from '../../electron/core/common/messages';
import { en } from '../../renderer/i18n/en';
import { zhCN } from '../../renderer/i18n/zh-CN';

const root = path.resolve(__dirname, '..', '..');

/** The text at a dotted key; a catalogue's own keys may contain dots (`word.role.manager`), so parts may join. */
function lookup(tree: unknown, key: string): string | undefined {
  const parts = key.split('.');
  const walk = (node: unknown, from: number): string | undefined => {
    if (from === parts.length) return typeof node === 'string' ? node : undefined;
    if (!node || typeof node !== 'object') return undefined;
    for (let to = parts.length; to > from; to -= 1) {
      const name = parts.slice(from, to).join('.');
      if (!Object.prototype.hasOwnProperty.call(node, name)) continue;
      const found = walk((node as Record<string, unknown>)[name], to);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return walk(tree, 0);
}

function parameters(text: string): string[] {
  // A parameter may be used more than once in one language's wording: compare which ones, not how often.
  return [...new Set([...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]!))].sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

describe('one message catalogue, complete in zh-CN and English', () => {
  for (const [name, zh, english] of [
    ['core (errors, completeness)', coreMessagesZh, coreMessagesEn],
    ['renderer (UI)', zhCN, en],
  ] as const) {
    it(`${name}: the same keys in both languages, each non-empty, with the same parameters`, () => {
      const zhKeys = catalogueKeys(zh).sort();
      const enKeys = catalogueKeys(english).sort();
      expect(enKeys.filter((key) => !zhKeys.includes(key)), 'keys only in English').toEqual([]);
      expect(zhKeys.filter((key) => !enKeys.includes(key)), 'keys only in zh-CN').toEqual([]);
      for (const key of zhKeys) {
        const zhText = lookup(zh, key)!;
        const enText = lookup(english, key)!;
        expect(zhText.trim(), `${key} (zh-CN)`).not.toBe('');
        expect(enText.trim(), `${key} (en)`).not.toBe('');
        expect(parameters(enText), `${key}: parameters`).toEqual(parameters(zhText));
      }
    });
  }

  it('the English core catalogue is English (no Chinese left in it)', () => {
    const chinese = catalogueKeys(coreMessagesEn).filter((key) => /[\u4e00-\u9fff]/.test(lookup(coreMessagesEn, key)!.replace(/（ ）/g, '')));
    expect(chinese).toEqual([]);
  });

  it('every key the code raises or renders exists in the catalogue', () => {
    const used = new Set<string>();
    for (const file of [...sourceFiles(path.join(root, 'electron')), ...sourceFiles(path.join(root, 'renderer'))]) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/coded\(\s*'[\w-]+',\s*'([\w.]+)'/g)) used.add(match[1]!);
      for (const match of text.matchAll(/formatMessage\(\s*'([\w.]+)'/g)) used.add(match[1]!);
      for (const match of text.matchAll(/\bt\(\s*'core\.([\w.]+)'/g)) used.add(match[1]!);
      for (const match of text.matchAll(/\? '([a-z]+\.[\w.]+)' : '([a-z]+\.[\w.]+)'/g)) {
        if (text.includes('coded(')) {
          used.add(match[1]!);
          used.add(match[2]!);
        }
      }
    }
    expect(used.size).toBeGreaterThan(40);
    expect([...used].filter((key) => lookup(coreMessagesZh, key) === undefined)).toEqual([]);
  });

  it('no error is raised with hard-coded Chinese text: every `new DomainError(` in electron/ takes its text from the catalogue', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(path.join(root, 'electron'))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/new DomainError\(([^;]*?)\)\s*;?/gs)) {
        // The literal text of the call up to its options (a Chinese string or template literal is the offence).
        if (/['`][^'`]*[\u4e00-\u9fff]/.test(match[1]!.slice(0, 400))) {
          offenders.push(`${path.relative(root, file)}:${text.slice(0, match.index).split('\n').length}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('no error is raised through a helper with hard-coded Chinese text: syncError, refusal, refuse, refuseTemplate, backupError, fail take catalogue keys', () => {
    const helpers = /\b(syncError|refusal|refuse|refuseTemplate|backupError|fail|failCoded)\(/g;
    const offenders: string[] = [];
    for (const file of sourceFiles(path.join(root, 'electron'))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(helpers)) {
        // The call's arguments: up to the bracket that closes it (strings may hold brackets; Chinese ones are the offence anyway).
        let depth = 0;
        let end = match.index + match[0].length - 1;
        for (; end < text.length; end++) {
          if (text[end] === '(') depth++;
          else if (text[end] === ')' && --depth === 0) break;
        }
        const args = text.slice(match.index + match[0].length, end);
        if (/['`][^'`]*[\u4e00-\u9fff]/.test(args.slice(0, 600))) {
          offenders.push(`${path.relative(root, file)}:${text.slice(0, match.index).split('\n').length} ${match[1]}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('a word chosen by a parameter comes from the catalogue in the same language, never from a parameter’s value', () => {
    const params = { id: 'r1', name: '$t(core.roles.manager)', role: 'supervisor' };
    expect(formatMessage('exchangePackage.roleMismatch', params, 'en')).toBe(
      'Record r1 says its author “$t(core.roles.manager)” is a supervisor, which the profile list contradicts',
    );
    expect(formatMessage('exchangePackage.roleMismatch', params)).toBe('记录 r1 声称作者“$t(core.roles.manager)”是主管，与身份列表不符');
    expect(formatMessage('exchangePackage.forbiddenRecord', { id: 'r2', name: 'A', type: 'decision', rule: 'supervisor-only' }, 'en')).toBe(
      'Record r2: “A” may not decide on the review (only a supervisor may decide on the review)',
    );
  });

  it('renders a coded message with its parameters in either language', () => {
    expect(formatMessage('submit.incomplete', { count: 2, list: 'a；b' })).toBe('还有 2 项未完成，不能提交：a；b');
    expect(formatMessage('submit.incomplete', { count: 2, list: 'a; b' }, 'en')).toBe('2 item(s) still open, cannot submit: a; b');
  });
});
