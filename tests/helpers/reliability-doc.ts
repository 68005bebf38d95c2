import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const doc = path.join(root, 'docs', 'reliability.md');

/**
 * A figure docs/reliability.md states: the second cell of the table row whose first cell is `label`. The tests
 * that measure a figure compare it with this, so the document can only say what the tests measured.
 */
export function docFigure(label: string): string | null {
  for (const line of readFileSync(doc, 'utf8').split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    if (cells.length >= 4 && cells[1] === label) return cells[2];
  }
  return null;
}

/** Keep a test's measured figures under .tmp/reliability/<name>.json (for writing the document). */
export async function recordFigures(name: string, figures: unknown): Promise<void> {
  const folder = path.join(root, '.tmp', 'reliability');
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, `${name}.json`), `${JSON.stringify(figures, null, 2)}\n`);
}
