import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Unit tests run in memory: a test that writes files, opens a store on a temporary folder or starts another
 * program (LibreOffice, Python, a child process) belongs in tests/integration.
 */
const forbidden: [RegExp, string][] = [
  [/\b(writeFile|writeFileSync|mkdtemp|mkdtempSync|appendFile|copyFileSync|rmSync)\b/, 'writes to disk'],
  [/node:child_process|\bspawnSync\(|\bexecFile\(/, 'starts a process'],
  [/\bopenTempStore\b|\bopenStore\(/, 'opens a store on disk'],
  [/libreoffice|soffice|python3/i, 'starts LibreOffice or Python'],
];

describe('unit tests stay unit tests', () => {
  it('no file under tests/unit writes to disk, opens a store or starts a program', () => {
    const folder = __dirname;
    const self = path.basename(__filename);
    const offenders: string[] = [];
    for (const name of readdirSync(folder).filter((file) => file.endsWith('.ts') && file !== self)) {
      const text = readFileSync(path.join(folder, name), 'utf8');
      for (const [pattern, what] of forbidden) if (pattern.test(text)) offenders.push(`${name} ${what} (move it to tests/integration)`);
    }
    expect(offenders).toEqual([]);
  });
});
