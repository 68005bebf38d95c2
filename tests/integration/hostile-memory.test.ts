import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { docFigure, recordFigures } from '../helpers/reliability-doc';

const root = path.resolve(__dirname, '..', '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const doc = path.join(root, 'docs', 'reliability.md');

/**
 * Peak memory for each hostile input, each in its own process (tests/fixtures/hostile-memory.ts), read from
 * `process.resourceUsage().maxRSS` — Node, tsx and the opened fixture office included (the `baseline` row: one
 * ordinary call). docs/reliability.md's hostile-input table states the bound per row; this test checks every
 * measurement against it. `UPDATE_RELIABILITY=1` also writes the measured figures into the table's notes.
 */
const rows = [
  { kind: 'baseline', label: 'peak memory: an ordinary call (baseline)', outcome: 'ok', boundMB: 300 },
  { kind: 'deep-rich-text', label: 'peak memory: rich text nested 884 levels deep', outcome: 'invalid-input', boundMB: 300 },
  { kind: 'unknown-keys', label: 'peak memory: 1.4 million unknown keys', outcome: 'invalid-input', boundMB: 700 },
  { kind: 'bad-cells', label: 'peak memory: 5,000 bad table cells', outcome: 'invalid-input', boundMB: 300 },
  { kind: 'oversized-package', label: 'peak memory: a package over the size limit', outcome: 'invalid-input', boundMB: 300 },
  { kind: 'garbage-package', label: 'peak memory: an 18 MB package that is not a zip', outcome: 'invalid-input', boundMB: 300 },
] as const;

describe('peak memory of each hostile input', () => {
  it('stays within the bound docs/reliability.md states, each measured in its own process', { timeout: 600_000 }, async () => {
    const measured: Record<string, { outcome: string; answerBytes: number; peakMB: number }> = {};
    for (const row of rows) {
      const { stdout } = await promisify(execFile)(tsx, [path.join(root, 'tests', 'fixtures', 'hostile-memory.ts'), row.kind], {
        cwd: root,
        maxBuffer: 1024 * 1024,
      });
      const result = JSON.parse(stdout.trim()) as { outcome: string; answerBytes: number; peakMB: number };
      expect(result.outcome, row.kind).toBe(row.outcome);
      expect(result.answerBytes, row.kind).toBeLessThan(16_000);
      expect(result.peakMB, row.kind).toBeGreaterThan(0);
      expect(result.peakMB, row.kind).toBeLessThanOrEqual(row.boundMB);
      expect(docFigure(row.label), row.label).toBe(`≤ ${row.boundMB} MB`);
      measured[row.kind] = result;
    }
    await recordFigures('hostile-memory', measured);
    if (process.env.UPDATE_RELIABILITY === '1') {
      let text = await readFile(doc, 'utf8');
      for (const row of rows) {
        const pattern = new RegExp(`^(\\| ${row.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\| [^|]+ \\| )measured [0-9]+ MB`, 'm');
        text = text.replace(pattern, `$1measured ${measured[row.kind].peakMB} MB`);
      }
      await writeFile(doc, text);
    }
  });
});
