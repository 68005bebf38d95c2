import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discard, openMachine, recordCounts, recordsOf, roundTrip, tempDir, waitFor, writeAndSubmit, type Machine, type Until } from '../helpers/sync-office';
import { allConnected, shareFolder, startSyncthing, syncthingAvailable, type Syncthing } from '../helpers/syncthing';

/**
 * Three real Syncthing instances on loopback, one per machine (a supervisor and two managers), each machine with
 * its own data folder, store and sync service running in the background. Nothing is run by hand: every step
 * arrives by itself, through the engine.
 */
const until: Until = (what, probe) => waitFor(what, probe, 45_000, 100);

describe.skipIf(!syncthingAvailable())('office sync through three real Syncthing instances', () => {
  let root = '';
  const engines: Syncthing[] = [];
  const machines: Machine[] = [];
  let supervisor: Machine;
  let zhang: Machine;
  let li: Machine;
  const docs: string[] = [];

  beforeAll(async () => {
    root = await tempDir('reportdesk-syncthing-');
    const names = ['supervisor', 'zhang', 'li'];
    const folders = names.map((name) => path.join(root, name, 'office'));
    for (const folder of folders) await mkdir(folder, { recursive: true });
    for (const name of names) engines.push(await startSyncthing(path.join(root, name, 'syncthing')));
    await shareFolder(engines, folders);
    await waitFor('the three instances connected', () => allConnected(engines), 30_000, 200);

    const sync = { quickDelayMs: 50, eventDelayMs: 150 };
    supervisor = await openMachine({ name: '陈主任', role: 'supervisor' }, { sync });
    zhang = await openMachine({ name: '张伟', role: 'manager', unit: '城关片区' }, { sync });
    li = await openMachine({ name: '李娜', role: 'manager', unit: '城北片区' }, { sync });
    machines.push(supervisor, zhang, li);
    for (const [index, machine] of machines.entries()) {
      await machine.call('sync:configure', { folder: folders[index]!, batchSeconds: 1, scanSeconds: 3, syncthing: { address: engines[index]!.address, apiKey: engines[index]!.apiKey } });
      await machine.store.sync.start();
    }
    // Joining: the managers check the supervisor's fingerprint once its roster has reached them…
    const fingerprint = (await supervisor.call('sync:status', {})).myFingerprint!;
    for (const manager of [zhang, li]) {
      await until(`${manager.name} joins`, async () => {
        const result = await manager.dispatcher.dispatch('sync:join', manager.profileId, { fingerprint });
        return result.ok;
      });
    }
    // …and the supervisor admits each by the fingerprint they read out, once their identity has arrived.
    for (const manager of [zhang, li]) {
      const own = (await manager.call('exchange:identity', {})).fingerprint;
      await until(`${manager.name} admitted`, async () => (await supervisor.dispatcher.dispatch('sync:admit', supervisor.profileId, { fingerprint: own })).ok);
    }
    for (const manager of [zhang, li]) await until(`${manager.name} sees the roster with them on it`, async () => (await manager.call('sync:status', {})).onRoster);
  }, 90_000);

  afterAll(async () => {
    for (const machine of machines) await machine.store.sync.stop().catch(() => undefined);
    for (const engine of engines) await engine.stop().catch(() => undefined);
    await discard(machines);
    if (root) await rm(root, { recursive: true, force: true });
  }, 60_000);

  it('submit → comment → return → reply and fix → resubmit → approve, every step arriving by itself', async () => {
    docs.push(await roundTrip(supervisor, zhang, until));
    // Syncthing's view is shown where its API key is given.
    const status = await zhang.call('sync:status', {});
    expect(status.syncthing).toMatchObject({ ok: true, folder: { id: 'office', label: '报告台同步' } });
    expect(status.syncthing!.devices).toHaveLength(2);
    expect(status.syncthing!.devices.every((device) => device.connected)).toBe(true);
  }, 120_000);

  it('one instance stopped for part of the time: its work waits, the rest keeps flowing, and it catches up when back', async () => {
    const liEngine = engines[2]!;
    await liEngine.stop();
    const waiting = await writeAndSubmit(li, '城北便民店', ['城北便民店库存偏高，细支烟动销慢。']);
    // The office keeps flowing meanwhile.
    docs.push(await roundTrip(supervisor, zhang, until, '东街烟酒店'));
    expect(await supervisor.store.services.reports.get(waiting)).toBeNull();
    expect((await li.call('sync:status', {})).pendingToSend).toBe(1);
    await liEngine.start();
    await until('李娜\'s submission after her machine is back', async () => (await supervisor.store.services.reports.get(waiting))?.status === 'submitted');
    await supervisor.call('review:decide', { id: waiting, decision: 'approve', grade: '良好', meetingFlag: 'none' });
    await until('the approval at 李娜', async () => (await li.store.services.reports.get(waiting))?.status === 'approved');
    docs.push(waiting);
    docs.push(await roundTrip(supervisor, li, until, '北街超市'));
  }, 150_000);

  it('ends with all three agreeing: the same records, verify clean, nothing lost or doubled, outboxes pruned', async () => {
    await until('every package acknowledged and pruned', async () => {
      for (const machine of machines) if ((await machine.call('sync:status', {})).pendingToSend !== 0) return false;
      return true;
    });
    const owner = new Map<string, Machine>([[docs[0]!, zhang], [docs[1]!, zhang], [docs[2]!, li], [docs[3]!, li]]);
    for (const [id, manager] of owner) {
      const mine = await recordsOf(manager, [id]);
      expect(Object.keys(mine).length).toBeGreaterThanOrEqual(2);
      expect(await recordsOf(supervisor, [id])).toEqual(mine);
      for (const machine of [manager, supervisor]) expect([...(await recordCounts(machine, id)).values()].every((count) => count === 1)).toBe(true);
    }
    for (const machine of machines) {
      expect((await machine.call('review:verify-all', {})).problems).toEqual([]);
      const status = await machine.call('sync:status', {});
      expect(status).toMatchObject({ state: 'ok', refused: [], problem: null });
    }
    const inbox = await supervisor.call('review:inbox', { status: 'approved' });
    expect(inbox.entries.map((entry) => entry.summary.id).sort()).toEqual([...docs].sort());
    expect(inbox.entries.every((entry) => entry.summary.status === 'approved')).toBe(true);
  }, 90_000);
});
