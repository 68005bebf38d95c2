// Office sync (docs/sync.md): the time from a manager's submit to the document in the supervisor's inbox through
// two real Syncthing instances on loopback, and the import rate of a simulated month of a 30-person office on a
// shared folder (the simulated engine of the scale test).
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { monthPlan, officeMonth } from '../../tests/helpers/sync-month';
import { discard, openMachine, tempDir, waitFor, writeAndSubmit, type Machine } from '../../tests/helpers/sync-office';
import { allConnected, shareFolder, startSyncthing, syncthingAvailable, type Syncthing } from '../../tests/helpers/syncthing';
import { infoRow, limitRow, median, p95, skippedRow, type Measured } from './lib';

const group = '同步 Sync';

async function submitToInbox(submissions: number): Promise<Measured[]> {
  if (!syncthingAvailable()) {
    return [skippedRow({ group, name: 'submit → supervisor inbox through Syncthing, p95', unit: 's', target: '≤ 10 s', reason: 'syncthing is not installed' })];
  }
  const root = await tempDir('reportdesk-bench-sync-');
  const engines: Syncthing[] = [];
  const machines: Machine[] = [];
  try {
    const folders = ['supervisor', 'manager'].map((name) => path.join(root, name, 'office'));
    for (const folder of folders) await mkdir(folder, { recursive: true });
    for (const name of ['supervisor', 'manager']) engines.push(await startSyncthing(path.join(root, name, 'syncthing')));
    await shareFolder(engines, folders);
    await waitFor('Syncthing instances connected', () => allConnected(engines), 60_000, 200);
    const supervisor = await openMachine({ name: '陈主任', role: 'supervisor' });
    const manager = await openMachine({ name: '张伟', role: 'manager' });
    machines.push(supervisor, manager);
    for (const [index, machine] of machines.entries()) {
      // The app's defaults (batch 3 s, scan 15 s): the figure is what an office would see.
      await machine.call('sync:configure', { folder: folders[index]! });
      await machine.store.sync.start();
    }
    const fingerprint = (await supervisor.call('sync:status', {})).myFingerprint!;
    await waitFor('join', async () => (await manager.dispatcher.dispatch('sync:join', manager.profileId, { fingerprint })).ok, 60_000);
    const own = (await manager.call('exchange:identity', {})).fingerprint;
    await waitFor('admit', async () => (await supervisor.dispatcher.dispatch('sync:admit', supervisor.profileId, { fingerprint: own })).ok, 60_000);
    await waitFor('on the roster', async () => (await manager.call('sync:status', {})).onRoster, 60_000);
    const seconds: number[] = [];
    for (let index = 0; index < submissions; index++) {
      const started = performance.now();
      const id = await writeAndSubmit(manager, `测速${index + 1}号店`, ['库存偏高，细支烟动销慢。']);
      await waitFor('the submission in the inbox', async () => (await supervisor.call('review:inbox', {})).entries.some((entry) => entry.summary.id === id), 60_000, 25);
      seconds.push((performance.now() - started) / 1000);
    }
    const note = `${submissions} submissions, one at a time; two Syncthing ${'1.19'} instances on 127.0.0.1, fs watcher delay 1 s; app defaults (scan every 15 s, file-system events)`;
    return [
      infoRow({ group, name: 'submit → supervisor inbox through Syncthing, p50', value: median(seconds), unit: 's', note, digits: 2 }),
      limitRow({ group, name: 'submit → supervisor inbox through Syncthing, p95', value: p95(seconds), unit: 's', limit: 10, note, digits: 2 }),
    ];
  } finally {
    for (const machine of machines) await machine.store.sync.stop().catch(() => undefined);
    for (const engine of engines) await engine.stop().catch(() => undefined);
    await discard(machines);
    await rm(root, { recursive: true, force: true });
  }
}

async function monthImportRate(people: number, workdays: number): Promise<Measured[]> {
  // On the temp folder's disk (real fsyncs), as an office's machines would write; the scale test may use a RAM disk.
  const options = { people, workdays, writeChance: 0.5, seed: 14, onDisk: true };
  const result = await officeMonth(options);
  const plan = monthPlan(options);
  const events = [plan.held ? 'a week of one manager\'s packages late' : '', 'a withdrawal', 'the monthly report'].filter(Boolean).join(', ');
  const imported = result.imported ?? 0;
  const seconds = (result.passMs ?? 0) / 1000;
  return [
    infoRow({
      group,
      name: `a month of a ${people}-person office on a shared folder: packages imported per second of sync passes`,
      value: seconds ? imported / seconds : 0,
      unit: 'packages/s',
      note: `${imported} packages imported (${result.documents} documents, ${result.recordCount} records) in ${seconds.toFixed(1)} s of sync passes (${result.passes ?? 0} passes, each machine's after an act or a changed file, concurrent across machines) on ${people} machines; ${workdays} working days (the scale test's month: ${events}); lost or doubled: ${result.lostOrDoubled?.length ?? 0}`,
      digits: 2,
    }),
  ];
}

export async function benchSync(options: { submissions: number; people: number; workdays: number }): Promise<Measured[]> {
  return [...(await submitToInbox(options.submissions)), ...(await monthImportRate(options.people, options.workdays))];
}
