import { appendFile, mkdir, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import type { StoreProblem } from '../core/shared/services';

/**
 * Files that failed validation are moved into `quarantine/` (never overwritten, never dropped) and listed
 * in `quarantine/problems.ndjson`, which the UI shows.
 */
export class Quarantine {
  private readonly dataDir: string;
  private readonly folder: string;

  constructor(dataDir: string) {
    this.dataDir = dataDir;
    this.folder = path.join(dataDir, 'quarantine');
  }

  async moveAside(file: string, reason: string): Promise<StoreProblem> {
    await mkdir(this.folder, { recursive: true });
    const relative = path.relative(this.dataDir, file);
    const at = new Date().toISOString();
    const target = path.join(this.folder, `${at.replace(/[:.]/g, '-')}_${relative.replace(/[\\/]/g, '_')}`);
    await rename(file, target);
    const problem: StoreProblem = { file: relative, movedTo: path.relative(this.dataDir, target), reason, at };
    await appendFile(path.join(this.folder, 'problems.ndjson'), `${JSON.stringify(problem)}\n`);
    return problem;
  }

  async list(): Promise<StoreProblem[]> {
    let text: string;
    try {
      text = await readFile(path.join(this.folder, 'problems.ndjson'), 'utf8');
    } catch {
      return [];
    }
    const problems: StoreProblem[] = [];
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        problems.push(JSON.parse(line) as StoreProblem);
      } catch {
        // A half-written last line after a crash; the file it described is already in quarantine.
      }
    }
    return problems;
  }
}
