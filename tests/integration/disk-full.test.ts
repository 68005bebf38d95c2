import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, open, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ChannelInput, ChannelName } from '../../electron/api/contract';
import type { Dispatcher } from '../../electron/api/dispatcher';
import type { CoreServices } from '../../electron/core/services';
import { docFigure, recordFigures } from '../helpers/reliability-doc';
import { office, openTempStore } from '../helpers/temp-store';

const mounts: string[] = [];
afterAll(() => {
  // Unmounted whatever happened in the test.
  for (const dir of mounts) {
    try {
      execFileSync('umount', [dir]);
    } catch {
      execFileSync('umount', ['-l', dir]);
    }
    rmSync(dir, { recursive: true, force: true });
  }
});

const paragraph = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

/** Fill the file system of `dir` until a write fails with ENOSPC; the filler file is returned to free it later. */
async function fill(dir: string): Promise<string> {
  const filler = path.join(dir, 'filler.bin');
  const handle = await open(filler, 'w');
  try {
    for (const size of [256 * 1024, 4096, 1]) {
      const chunk = Buffer.alloc(size, 1);
      for (;;) {
        try {
          await handle.write(chunk);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
          throw error;
        }
      }
    }
  } finally {
    await handle.close().catch(() => undefined);
  }
  return filler;
}

/** What was acknowledged: every document's file and every record of its log. */
async function acknowledged(services: CoreServices) {
  const state: Record<string, { status: string; rev: number; records: string[] }> = {};
  for (const summary of await services.reports.list()) {
    const report = await services.reports.get(summary.id);
    state[summary.id] = { status: report!.status, rev: report!.rev, records: (await services.reviews.records(summary.id)).map((record) => record.id) };
  }
  return state;
}

describe('a full disk', () => {
  it('fails every act with a clear Chinese message, loses nothing acknowledged, opens clean and goes on once there is space', { timeout: 120_000 }, async () => {
    const mountPoint = await mkdtemp(path.join(os.tmpdir(), 'reportdesk-diskfull-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mountPoint]);
    mounts.push(mountPoint);
    const dataDir = path.join(mountPoint, 'data');
    await mkdir(dataDir);
    const first = await openTempStore({ dataDir, seed: true });
    await first.store.checked;
    const call = async <K extends ChannelName>(dispatcher: Dispatcher, as: string, channel: K, input: ChannelInput<K>) => dispatcher.dispatch(channel, as, input);
    const made = async <K extends ChannelName>(as: string, channel: K, input: ChannelInput<K>) => {
      const result = await call(first.dispatcher, as, channel, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.value as { id: string };
    };
    const c1 = (await made(office.supervisor, 'review:comment', { id: office.submitted, anchor: { kind: 'document' }, kind: 'problem', text: '库存偏高。' })).id;
    const c2 = (await made(office.supervisor, 'review:comment', { id: office.submitted, anchor: { kind: 'document' }, kind: 'note', text: '格式。' })).id;
    await made(office.manager, 'review:mark-fixed', { id: office.submitted, commentId: c2, note: '已改。' });
    const before = await acknowledged(first.services);

    const filler = await fill(mountPoint);
    const acts: [string, string, ChannelName, unknown][] = [
      ['create', office.manager, 'reports:create', { templateId: office.templateId, metadata: {} }],
      ['save', office.manager, 'reports:save-draft', { id: office.draft, baseRev: 1, metadata: {}, sections: { summary: { type: 'richtext', doc: paragraph('磁盘满时的修改。') } } }],
      ['submit', office.manager, 'reports:submit', { id: office.draft, baseRev: 1 }],
      ['comment', office.supervisor, 'review:comment', { id: office.submitted, anchor: { kind: 'document' }, kind: 'suggestion', text: '请补充下周计划。' }],
      ['reply', office.manager, 'review:reply', { id: office.submitted, commentId: c1, text: '已补充。' }],
      ['edit', office.supervisor, 'review:edit-comment', { id: office.submitted, commentId: c1, kind: 'problem', text: '库存数据与台账不一致。' }],
      ['mark fixed', office.manager, 'review:mark-fixed', { id: office.submitted, commentId: c1, note: '已核对。' }],
      ['resolve', office.supervisor, 'review:settle', { id: office.submitted, commentId: c2, action: 'resolve' }],
      ['retract', office.supervisor, 'review:retract-comment', { id: office.submitted, commentId: c1, reason: '看错了' }],
      ['decide', office.supervisor, 'review:decide', { id: office.submitted, decision: 'return', grade: '需改进', reason: '分析不足。', meetingFlag: 'none' }],
      ['reopen', office.supervisor, 'review:reopen', { id: office.otherApproved, reason: '再核对' }],
    ];
    const failures: string[] = [];
    for (const [name, as, channel, input] of acts) {
      const result = await call(first.dispatcher, as, channel, input as never);
      expect(result.ok, `${name} on a full disk`).toBe(false);
      if (!result.ok) {
        expect(result.error, name).toMatchObject({ code: 'unavailable', message: expect.stringContaining('磁盘空间已满') });
        failures.push(name);
      }
    }
    // Nothing acknowledged is lost, even before there is space again.
    const during = await acknowledged(first.services);
    for (const [id, state] of Object.entries(before)) {
      expect(during[id], id).toBeDefined();
      expect(during[id].records.slice(0, state.records.length), id).toEqual(state.records);
    }

    // Space again: the folder opens clean (what a failed act half did is finished or rolled back) and work goes on.
    await rm(filler);
    await first.close();
    const second = await openTempStore({ dataDir });
    const after = await acknowledged(second.services);
    for (const [id, state] of Object.entries(before)) expect(after[id].records.slice(0, state.records.length), id).toEqual(state.records);
    const verified = await second.dispatcher.dispatch('review:verify-all', office.supervisor, {});
    expect(verified).toMatchObject({ ok: true, value: { problems: [] } });
    const quarantined = (await second.services.health.problems()).filter((problem) => !problem.movedTo.endsWith('.tail'));
    expect(quarantined).toEqual([]);
    const created = await second.dispatcher.dispatch('reports:create', office.manager, { templateId: office.templateId, metadata: {} });
    expect(created.ok).toBe(true);
    const comment = await second.dispatcher.dispatch('review:comment', office.supervisor, { id: office.submitted, anchor: { kind: 'document' }, kind: 'note', text: '有空间了。' });
    expect(comment.ok).toBe(true);
    const draft = await second.services.reports.get(office.draft);
    if (draft?.status === 'draft') expect((await second.dispatcher.dispatch('reports:submit', office.manager, { id: office.draft, baseRev: draft.rev })).ok).toBe(true);
    await second.close();

    await recordFigures('disk-full', { acts: failures, clear: failures.length, lost: 0 });
    expect(docFigure('acts tried on a full disk (2 MB tmpfs)')).toBe(String(acts.length));
    expect(docFigure('failed with 「磁盘空间已满……」')).toBe(String(failures.length));
  });
});
