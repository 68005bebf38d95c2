import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Report } from '../../electron/core/common/schemas/report';
import { foldReview } from '../../electron/core/common/review-fold';
import { docFigure, recordFigures } from '../helpers/reliability-doc';
import { fixtureSeedsDir, makeTempDir, openTempStore } from '../helpers/temp-store';

const root = path.resolve(__dirname, '..', '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const writerScript = path.join(root, 'tests', 'fixtures', 'workflow-writer.ts');
const manager = 'soak-mgr';
const supervisor = 'soak-sup';
const rounds = 5;

interface Ack {
  status: string;
  count: number;
}

/**
 * Run the workflow writer on `dataDir` and SIGKILL it once it has acknowledged `acksBeforeKill` acts (submits
 * and decisions), while it is still working. Resolves with the last acknowledged state of each document.
 */
function runWriterAndKill(dataDir: string, acksBeforeKill: number): Promise<Map<string, Ack>> {
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
  return new Promise((resolve, reject) => {
    const acked = new Map<string, Ack>();
    let acks = 0;
    let killed = false;
    createInterface({ input: child.stdout }).on('line', (line) => {
      const [word, ...rest] = line.split(' ');
      if (word === 'started') writerPid = Number(rest[0]);
      if (word !== 'ack' || killed) return;
      acked.set(rest[0], { status: rest[1], count: Number(rest[2]) });
      if (++acks === acksBeforeKill) {
        killed = true;
        process.kill(writerPid, 'SIGKILL');
        void exited.then(() => resolve(acked));
      }
    });
    void exited.then(() => {
      if (!killed) reject(new Error(`the writer stopped after ${acks} of ${acksBeforeKill} acts:\n${stderr}`));
    });
  });
}

describe('SIGKILL during submit and decide', () => {
  it('loses no acknowledged act, leaves no document stuck and raises no false alarm, round after round', { timeout: 600_000 }, async () => {
    const dataDir = await makeTempDir('reportdesk-soak-');
    let acknowledged = 0;
    let stuck = 0;
    let falseAlarms = 0;
    let documents = 0;
    for (let round = 0; round < rounds; round++) {
      // Each round kills at another point of the cycle (submit, return, resubmit, approve, the saves between).
      const acked = await runWriterAndKill(dataDir, 11 + round * 3);
      acknowledged += acked.size;

      const { services, dispatcher, close } = await openTempStore({ dataDir });
      const mine = (await services.reports.list()).filter((summary) => summary.authorId === manager);
      documents = mine.length;
      for (const [id, ack] of acked) {
        const report = await services.reports.get(id);
        const records = await services.reviews.records(id);
        // Nothing acknowledged is lost: the log holds at least the acknowledged records, and where it holds
        // exactly those the document says what the acknowledgement said.
        expect(records.length, `round ${round}: ${id}`).toBeGreaterThanOrEqual(ack.count);
        if (records.length === ack.count) expect(report?.status, `round ${round}: ${id}`).toBe(ack.status);
      }
      for (const summary of mine) {
        const report = (await services.reports.get(summary.id)) as Report;
        const records = await services.reviews.records(summary.id);
        // The cache agrees with its log (a document left saying 草稿 or 已提交 against its log is stuck).
        if (foldReview(records).status !== (records.length ? report.status : 'draft') || (report.review?.count ?? 0) !== records.length) stuck++;
        expect(summary.status).toBe(report.status);
      }
      const verified = await dispatcher.dispatch('review:verify-all', supervisor, {});
      expect(verified.ok).toBe(true);
      if (verified.ok) falseAlarms += (verified.value as { problems: unknown[] }).problems.length;
      expect(await services.health.problems()).toEqual(expect.any(Array));
      await close();
    }

    // Every document the kills left half-way can still go on: the last check acts on each one here.
    const { dispatcher, services } = await openTempStore({ dataDir });
    for (const summary of (await services.reports.list()).filter((entry) => entry.authorId === manager && entry.status !== 'approved')) {
      const report = (await services.reports.get(summary.id)) as Report;
      const result =
        report.status === 'submitted'
          ? await dispatcher.dispatch('review:decide', supervisor, { id: report.id, decision: 'approve', grade: '良好', meetingFlag: 'none' })
          : await dispatcher.dispatch('reports:submit', manager, { id: report.id, baseRev: report.rev });
      if (!result.ok) stuck++;
    }
    expect(stuck).toBe(0);
    expect(falseAlarms).toBe(0);
    await recordFigures('soak', { rounds, documents, acknowledgedDocuments: acknowledged, stuck, falseAlarms });
    expect(docFigure('SIGKILL soak rounds (submit/decide)')).toBe(String(rounds));
    expect(docFigure('documents stuck after the soak')).toBe(String(stuck));
    expect(docFigure('false tamper alarms after the soak')).toBe(String(falseAlarms));
  });
});
