import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { describe, expect, it, onTestFinished } from 'vitest';
import { currentOwner, tryLock } from '../../electron/store/lock';
import { docFigure, recordFigures } from '../helpers/reliability-doc';
import { makeTempDir, office, openTempStore } from '../helpers/temp-store';

const root = path.resolve(__dirname, '..', '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

/** A lock left by a process that is gone (no process can have this pid). */
function staleLock(round: number): string {
  return JSON.stringify({ pid: 99_999_999, startedAt: 1, token: `dead-${round}`, at: '2026-01-01T00:00:00.000Z' });
}

function paragraph(text: string) {
  return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

describe('racing starts on a stale lock', () => {
  it('1,000 contenders in 100 rounds: exactly one takes the folder each round', { timeout: 300_000 }, async () => {
    const dir = await makeTempDir('reportdesk-lock-race-');
    const file = path.join(dir, '.lock');
    const rounds = 100;
    const contenders = 10;
    const winners: number[] = [];
    for (let round = 0; round < rounds; round++) {
      await writeFile(file, staleLock(round));
      const owners = Array.from({ length: contenders }, () => currentOwner());
      const attempts = await Promise.all(owners.map((owner) => tryLock(file, owner)));
      const won = attempts.filter((attempt) => attempt.won).length;
      winners.push(won);
      // The lock on disk is the winner's, complete; no candidate or ticket file is left behind.
      const holder = JSON.parse(await readFile(file, 'utf8')) as { token: string };
      expect(owners.filter((owner, index) => attempts[index].won).map((owner) => owner.token)).toEqual([holder.token]);
      // Everyone else was told who holds it.
      for (const attempt of attempts) if (!attempt.won) expect(attempt.owner.token).toBe(holder.token);
      await rm(file);
    }
    expect(winners.every((count) => count === 1)).toBe(true);
    expect(await readdir(dir)).toEqual([]);

    // The same across processes: four processes race for a stale lock, three rounds.
    const processes: { child: ChildProcessWithoutNullStreams; lines: Interface; next(): Promise<string> }[] = [];
    for (let index = 0; index < 4; index++) {
      const child = spawn(tsx, [path.join(root, 'tests', 'fixtures', 'lock-contender.ts')], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
      onTestFinished(() => {
        child.stdin.end();
        child.kill('SIGKILL');
      });
      const lines = createInterface({ input: child.stdout });
      const queue: string[] = [];
      const waiting: ((line: string) => void)[] = [];
      lines.on('line', (line) => {
        const wake = waiting.shift();
        if (wake) wake(line);
        else queue.push(line);
      });
      const next = () => (queue.length ? Promise.resolve(queue.shift()!) : new Promise<string>((resolve) => waiting.push(resolve)));
      processes.push({ child, lines, next });
    }
    for (const contender of processes) expect(await contender.next()).toBe('ready');
    const processRounds = 3;
    for (let round = 0; round < processRounds; round++) {
      await writeFile(file, staleLock(1000 + round));
      for (const contender of processes) contender.child.stdin.write(`go ${dir}\n`);
      const answers = await Promise.all(processes.map((contender) => contender.next()));
      const won = answers.filter((answer) => answer.startsWith('won '));
      expect(won).toHaveLength(1);
      expect(answers.filter((answer) => answer === 'lost locked')).toHaveLength(3);
      const winner = processes[answers.indexOf(won[0])];
      expect((JSON.parse(await readFile(file, 'utf8')) as { pid: number }).pid).toBe(Number(won[0].split(' ')[1]));
      winner.child.stdin.write('release\n');
      expect(await winner.next()).toBe('released');
      await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
      winners.push(1);
    }
    await recordFigures('lock-race', { rounds: rounds + processRounds, contenders: rounds * contenders + processRounds * processes.length, winnersPerRound: [...new Set(winners)] });
    expect(docFigure('racing takeovers of a stale lock')).toBe(`${rounds * contenders} in ${rounds} rounds + ${processRounds} rounds of ${processes.length} processes`);
    expect(docFigure('winners per round')).toBe('1');
  });
});

describe('a lock that is deleted or replaced while the folder is open', () => {
  for (const how of ['deleted', 'replaced'] as const) {
    it(`is noticed (${how}): writing stops with a clear message and the other instance's lock is left alone at exit`, async () => {
      const { dataDir, dispatcher, close, services } = await openTempStore({ seed: true });
      const before = await services.reports.get(office.draft);
      const lock = path.join(dataDir, '.lock');
      const other = JSON.stringify({ pid: process.ppid, startedAt: 1, token: 'another-instance', at: new Date().toISOString() });
      if (how === 'deleted') await rm(lock);
      else await writeFile(lock, other);
      const saved = await dispatcher.dispatch('reports:save-draft', office.manager, {
        id: office.draft,
        baseRev: before!.rev,
        metadata: {},
        sections: { summary: { type: 'richtext', doc: paragraph('锁被删除后的修改，不应写入。') } },
      } as never);
      expect(saved).toMatchObject({ ok: false, error: { code: 'locked', message: expect.stringContaining('停止保存') } });
      // Stays stopped: the next act is refused too, and nothing was written.
      const comment = await dispatcher.dispatch('review:comment', office.supervisor, { id: office.submitted, anchor: { kind: 'document' }, kind: 'note', text: '不应写入' });
      expect(comment).toMatchObject({ ok: false, error: { code: 'locked' } });
      expect((await services.reports.get(office.draft))?.rev).toBe(before!.rev);
      await close();
      if (how === 'replaced') expect(await readFile(lock, 'utf8')).toBe(other);
      else await expect(stat(lock)).rejects.toMatchObject({ code: 'ENOENT' });
    });
  }
});
