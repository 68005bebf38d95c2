import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it, onTestFinished } from 'vitest';
import { sectionsFor } from '../fixtures/save-content';
import { fixtureSeedsDir, listTree, makeTempDir, openTempStore } from '../helpers/temp-store';

const root = path.resolve(__dirname, '..', '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const writerScript = path.join(root, 'tests', 'fixtures', 'save-writer.ts');
const acksBeforeKill = 50;

interface WriterRun {
  id: string;
  lastAck: number;
}

/**
 * Run the save writer on `dataDir` and SIGKILL it (the process doing the saves, not just tsx) once it has
 * acknowledged `acksBeforeKill` saves, while it is still saving. Resolves after the writer is gone.
 */
function runWriterAndKill(dataDir: string): Promise<WriterRun> {
  const child = spawn(tsx, [writerScript, dataDir, fixtureSeedsDir], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  let writerPid = 0;
  onTestFinished(() => {
    for (const pid of [writerPid, child.pid]) {
      try {
        if (pid) process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  return new Promise<WriterRun>((resolve, reject) => {
    let id = '';
    let lastAck = 0;
    let acks = 0;
    let killed = false;
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const [word, ...rest] = line.split(' ');
      if (word === 'created') {
        id = rest[0];
        writerPid = Number(rest[1]);
      } else if (word === 'ack' && !killed) {
        const rev = Number(rest[0]);
        if (lastAck && rev !== lastAck + 1) reject(new Error(`acknowledged rev ${rev} after ${lastAck}`));
        lastAck = rev;
        if (++acks === acksBeforeKill) {
          killed = true;
          process.kill(writerPid, 'SIGKILL');
          // tsx reaps the writer and then exits; after that the writer's pid is certainly gone.
          void exited.then(() => resolve({ id, lastAck }));
        }
      }
    });
    void exited.then(() => {
      if (!killed) reject(new Error(`the writer stopped before ${acksBeforeKill} saves:\n${stderr}`));
    });
  });
}

describe('a crash in the middle of saving', () => {
  it('leaves the last acknowledged save (or a later one) readable, whole and listed', async () => {
    const dataDir = await makeTempDir();
    const { id, lastAck } = await runWriterAndKill(dataDir);
    expect(lastAck).toBeGreaterThanOrEqual(acksBeforeKill);

    // Before anyone repairs anything: every document file on disk is complete JSON (rename is atomic).
    const before = await listTree(dataDir);
    const documents = before.filter((entry) => entry.startsWith('reports/') && entry.endsWith('.json') && !path.basename(entry).startsWith('.'));
    expect(documents.length).toBeGreaterThan(0);
    for (const entry of documents) {
      const text = await readFile(path.join(dataDir, entry), 'utf8');
      expect(() => JSON.parse(text), `${entry} is complete JSON`).not.toThrow();
    }

    // Reopen in this process: the dead writer's lock is taken over, the index rebuilt.
    const { services } = await openTempStore({ dataDir });
    const report = await services.reports.get(id);
    expect(report).not.toBeNull();
    expect(report!.rev).toBeGreaterThanOrEqual(lastAck);
    expect(report!.sections['summary']).toEqual(sectionsFor(report!.rev)['summary']);
    expect(report!.sections['visits']).toEqual(sectionsFor(report!.rev)['visits']);

    const after = await listTree(dataDir);
    expect(after.filter((entry) => entry.endsWith('.tmp'))).toEqual([]);
    for (const entry of after.filter((name) => name.startsWith('reports/') && name.endsWith('.json'))) {
      const text = await readFile(path.join(dataDir, entry), 'utf8');
      expect(() => JSON.parse(text), entry).not.toThrow();
    }
    expect(await services.health.problems()).toEqual([]);

    const listed = (await services.reports.list()).find((summary) => summary.id === id);
    expect(listed).toMatchObject({ id, rev: report!.rev });
  });
});
