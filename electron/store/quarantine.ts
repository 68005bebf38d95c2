import { appendFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { StoreProblem } from '../core/services';
import { beforeWriteStep } from './write-seam';

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
    beforeWriteStep('rename', target);
    await rename(file, target);
    const problem: StoreProblem = { file: relative, movedTo: path.relative(this.dataDir, target), reason, at };
    await appendFile(path.join(this.folder, 'problems.ndjson'), `${JSON.stringify(problem)}\n`);
    return problem;
  }

  /**
   * Keep bytes cut from a file (a torn log tail) in quarantine and report them; the file itself stays where it
   * is. Written and reported before the caller cuts them, so nothing is lost if the process dies in between.
   */
  async keepBytes(file: string, bytes: Uint8Array, reason: string): Promise<StoreProblem> {
    await mkdir(this.folder, { recursive: true });
    const relative = path.relative(this.dataDir, file);
    const at = new Date().toISOString();
    const target = path.join(this.folder, `${at.replace(/[:.]/g, '-')}_${relative.replace(/[\\/]/g, '_')}.tail`);
    beforeWriteStep('write', target);
    await writeFile(target, bytes);
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
