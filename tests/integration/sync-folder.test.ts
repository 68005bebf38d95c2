import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, symlink, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { discard, formOffice, openMachine, passage, recordCounts, recordsOf, reviseAndResubmit, roundTrip, tempDir, waitFor, writeAndSubmit, type Machine, type Until } from '../helpers/sync-office';

/**
 * Office sync on a plain shared folder (a file share): three machines, passes run by hand (`sync now`), and
 * everything a sync engine or a hostile colleague can do to the files.
 */

const opened: Machine[] = [];
const folders: string[] = [];
afterEach(async () => {
  await discard(opened.splice(0));
  for (const folder of folders.splice(0)) {
    try {
      execFileSync('umount', [folder], { stdio: 'ignore' });
    } catch {
      // Not a mount point.
    }
    await rm(folder, { recursive: true, force: true });
  }
});

async function office(): Promise<{ folder: string; supervisor: Machine; zhang: Machine; li: Machine; until: Until; pass: () => Promise<void> }> {
  const folder = await tempDir('reportdesk-office-');
  folders.push(folder);
  const supervisor = await openMachine({ name: '陈主任', role: 'supervisor' });
  const zhang = await openMachine({ name: '张伟', role: 'manager', unit: '城关片区' });
  const li = await openMachine({ name: '李娜', role: 'manager', unit: '城北片区' });
  opened.push(supervisor, zhang, li);
  const all = [supervisor, zhang, li];
  const pass = async () => {
    for (const machine of all) await machine.call('sync:now', {});
  };
  await formOffice(supervisor, [zhang, li], () => folder, pass);
  const until: Until = async (what, probe) => {
    for (let round = 0; round < 6; round++) {
      await pass();
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    }
    throw new Error(`did not arrive after 6 passes: ${what}`);
  };
  return { folder, supervisor, zhang, li, until, pass };
}

function hex(fingerprint: string | null): string {
  return fingerprint!.replace(/ /g, '');
}

/** sha256 of every file under a folder, except one subfolder (the writer's own). */
async function hashOutside(root: string, except: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  async function walk(dir: string): Promise<void> {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const rel = path.relative(root, full);
      if (rel === except) continue;
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) out[rel] = createHash('sha256').update(await readFile(full)).digest('hex');
      else out[rel] = entry.isSymbolicLink() ? 'link' : 'other';
    }
  }
  await walk(root);
  return out;
}

async function outboxFiles(folder: string, who: Machine): Promise<string[]> {
  const status = await who.call('sync:status', {});
  try {
    return (await readdir(path.join(folder, hex(status.myFingerprint), 'outbox'))).filter((name) => name.endsWith('.rdpkg'));
  } catch {
    return [];
  }
}

describe('office sync on a plain shared folder', () => {
  it('撤回, replies and 已整改 flow by themselves (no periodic scan): a withdrawn submission leaves the supervisor\'s inbox', async () => {
    // Two data folders, one shared folder; both sync services in the background with the periodic scan
    // pushed out to an hour, so only an act (the dispatcher's notify) or a file event starts a pass.
    const folder = await tempDir('reportdesk-office-');
    folders.push(folder);
    const sync = { quickDelayMs: 50, eventDelayMs: 100 };
    const supervisor = await openMachine({ name: '陈主任', role: 'supervisor' }, { sync });
    const zhang = await openMachine({ name: '张伟', role: 'manager', unit: '城关片区' }, { sync });
    opened.push(supervisor, zhang);
    const pass = async () => {
      for (const machine of [supervisor, zhang]) await machine.call('sync:now', {});
    };
    await formOffice(supervisor, [zhang], () => folder, pass, { batchSeconds: 0, scanSeconds: 3600 });
    await pass();
    for (const machine of [supervisor, zhang]) await machine.store.sync.start();
    const wait: Until = (what, probe) => waitFor(what, probe, 20_000, 50);
    const inboxIds = async () => (await supervisor.call('review:inbox', {})).entries.map((entry) => entry.summary.id);
    // Quiet before each act: every package acknowledged and pruned, so no file event is still due to start a
    // pass — what follows the act can only have been started by the act itself.
    const settled = async (what: string) =>
      wait(`${what} (everything acknowledged)`, async () => (await zhang.call('sync:status', {})).pendingToSend === 0 && (await supervisor.call('sync:status', {})).pendingToSend === 0);
    // 张伟's machine restarted after the quiet: a pass still due from an earlier file event (e.g. the supervisor
    // pruning) is dropped with its timer, and the fresh start's own pass has run, so the next pass is the act's.
    const quiet = async (what: string) => {
      await settled(what);
      await zhang.store.sync.stop();
      const before = zhang.store.sync.passes;
      await zhang.store.sync.start();
      await wait(`${what} (张伟's fresh pass)`, async () => zhang.store.sync.passes > before);
    };

    const kept = await writeAndSubmit(zhang, '一号店', ['一号店库存偏高，细支烟动销慢。']);
    const taken = await writeAndSubmit(zhang, '二号店', ['二号店库存正常。']);
    await wait('both submissions in the inbox', async () => {
      const ids = await inboxIds();
      return ids.includes(kept) && ids.includes(taken);
    });

    await quiet('before 撤回');
    // 撤回 on 张伟's machine (the supervisor has not opened it): it leaves the supervisor's inbox by itself.
    const withdrawn = await zhang.call('review:withdraw', { id: taken, reason: '数据填错了' });
    expect(withdrawn).toMatchObject({ status: 'draft', revision: 2 });
    await wait('the withdrawn document out of the inbox', async () => !(await inboxIds()).includes(taken));
    expect(await inboxIds()).toContain(kept);
    expect(await supervisor.store.services.reports.get(taken)).toMatchObject({ status: 'draft', revision: 2 });
    expect((await supervisor.store.services.reviews.records(taken)).map((record) => record.body.type)).toEqual(['submit', 'withdraw']);

    // A return with a comment; the reply and 已整改 (without a resubmit) each arrive by themselves.
    const comment = await supervisor.call('review:comment', { id: kept, anchor: await passage(supervisor, kept, 1, '库存偏高'), kind: 'problem', text: '原因？' });
    await supervisor.call('review:decide', { id: kept, decision: 'return', grade: '需改进', reason: '缺少原因', meetingFlag: 'none' });
    await wait('the return at 张伟', async () => (await zhang.store.services.reports.get(kept))?.status === 'returned');
    const typesAtSupervisor = async (id: string) => (await supervisor.store.services.reviews.records(id)).map((record) => record.body.type);
    await quiet('before the reply');
    await zhang.call('review:reply', { id: kept, commentId: comment.id, text: '节前备货过多。' });
    await wait('the reply at the supervisor', async () => (await typesAtSupervisor(kept)).includes('reply'));
    expect(await typesAtSupervisor(kept)).not.toContain('mark-fixed');
    await quiet('before 已整改');
    await zhang.call('review:mark-fixed', { id: kept, commentId: comment.id, note: '已补充原因' });
    await wait('已整改 at the supervisor', async () => (await typesAtSupervisor(kept)).includes('mark-fixed'));
    expect((await supervisor.store.services.reports.get(kept))?.status).toBe('returned');

    // The withdrawn document, revised and submitted again, comes back into the inbox as revision 2.
    await reviseAndResubmit(zhang, taken, ['二号店库存正常，数据已更正。']);
    await wait('revision 2 of the withdrawn document in the inbox', async () => (await supervisor.store.services.reports.get(taken))?.revision === 2 && (await inboxIds()).includes(taken));
    expect(await typesAtSupervisor(taken)).toEqual(['submit', 'withdraw', 'submit']);

    await settled('at the end');
    for (const id of [kept, taken]) {
      expect(await recordsOf(zhang, [id])).toEqual(await recordsOf(supervisor, [id]));
      for (const machine of [zhang, supervisor]) expect([...(await recordCounts(machine, id)).values()].every((count) => count === 1)).toBe(true);
    }
    for (const machine of [supervisor, zhang]) {
      expect((await machine.call('review:verify-all', {})).problems).toEqual([]);
      expect(await machine.call('sync:status', {})).toMatchObject({ state: 'ok', refused: [], problem: null });
      await machine.store.sync.stop();
    }
  }, 120_000);

  it('clock skew (a supervisor days behind, a manager hours then a month ahead, then set back): delivered, ordered, acknowledged; nothing pruned early, nothing doubled', async () => {
    const folder = await tempDir('reportdesk-office-');
    folders.push(folder);
    const hour = 3_600_000;
    const day = 24 * hour;
    // Each machine's own clock, injected where the core reads time (services.clock); the test moves them.
    const offset = { supervisor: -3 * day, zhang: 5 * hour, li: -7 * hour };
    const clockOf = (who: keyof typeof offset) => ({ now: () => new Date(Date.now() + offset[who]) });
    const supervisor = await openMachine({ name: '陈主任', role: 'supervisor' }, { clock: clockOf('supervisor') });
    const zhang = await openMachine({ name: '张伟', role: 'manager', unit: '城关片区' }, { clock: clockOf('zhang') });
    const li = await openMachine({ name: '李娜', role: 'manager', unit: '城北片区' }, { clock: clockOf('li') });
    opened.push(supervisor, zhang, li);
    const all = [supervisor, zhang, li];
    const pass = async () => {
      for (const machine of all) await machine.call('sync:now', {});
    };
    await formOffice(supervisor, [zhang, li], () => folder, pass);
    const until: Until = async (what, probe) => {
      for (let round = 0; round < 6; round++) {
        await pass();
        const value = await probe();
        if (value !== undefined && value !== false) return value;
      }
      throw new Error(`did not arrive after 6 passes: ${what}`);
    };
    const workflow = async (machine: Machine, id: string) => (await machine.call('review:get', { id })).state.workflow.map((event) => `${event.type}@${event.revision}`);
    /** Each record is dated after every record before it in the log: the order the acts really happened in. */
    const datedInOrder = async (machine: Machine, id: string) => {
      const times = (await machine.store.services.reviews.records(id)).map((record) => record.at);
      return times.every((at, index) => index === 0 || at > times[index - 1]!);
    };

    // The whole round trip with the supervisor 3 days behind 张伟 (whose return would otherwise be dated before the submission).
    const first = await roundTrip(supervisor, zhang, until);
    const second = await roundTrip(supervisor, li, until, '东街烟酒店');
    for (const [manager, id] of [[zhang, first], [li, second]] as const) {
      for (const machine of [manager, supervisor]) {
        expect(await workflow(machine, id)).toEqual(['submit@1', 'return@1', 'submit@2', 'approve@2']);
        expect(await datedInOrder(machine, id)).toBe(true);
        const comment = (await machine.call('review:get', { id })).state.comments[0]!;
        expect(comment.events.map((event) => event.type)).toEqual(['reply', 'mark-fixed']);
      }
    }

    // 张伟's clock jumps a month ahead: his package waits in his outbox, however old it looks, until the supervisor acknowledges it.
    offset.zhang = 30 * day;
    const sup = hex((await supervisor.call('sync:status', {})).myFingerprint);
    const late = await writeAndSubmit(zhang, '三号店', ['三号店库存偏高。']);
    for (let round = 0; round < 3; round++) {
      await zhang.call('sync:now', {});
      offset.zhang += 15 * day;
    }
    const waiting = await outboxFiles(folder, zhang);
    expect(waiting).toHaveLength(1);
    expect(waiting[0]!.startsWith(`to-${sup}-`)).toBe(true);
    expect((await zhang.call('sync:status', {})).pendingToSend).toBe(1);
    // …then set back to two days behind the real time (behind his own earlier records) for the rest.
    offset.zhang = -2 * day;
    await until('the far-future submission at the supervisor', async () => (await supervisor.store.services.reports.get(late))?.status === 'submitted');
    await until('acknowledged and pruned', async () => (await zhang.call('sync:status', {})).pendingToSend === 0 && (await outboxFiles(folder, zhang)).length === 0);
    const comment = await supervisor.call('review:comment', { id: late, anchor: await passage(supervisor, late, 1, '库存偏高'), kind: 'problem', text: '原因？' });
    await supervisor.call('review:decide', { id: late, decision: 'return', grade: '需改进', reason: '缺少原因', meetingFlag: 'none' });
    await until('the return at 张伟', async () => (await zhang.store.services.reports.get(late))?.status === 'returned');
    await zhang.call('review:reply', { id: late, commentId: comment.id, text: '节前备货。' });
    await reviseAndResubmit(zhang, late, ['三号店库存偏高，原因是节前备货。']);
    await until('revision 2 at the supervisor', async () => (await supervisor.store.services.reports.get(late))?.revision === 2 && (await supervisor.store.services.reports.get(late))?.status === 'submitted');
    await supervisor.call('review:decide', { id: late, decision: 'approve', grade: '良好', meetingFlag: 'none' });
    await until('the approval at 张伟', async () => (await zhang.store.services.reports.get(late))?.status === 'approved');
    for (const machine of [zhang, supervisor]) {
      expect(await workflow(machine, late)).toEqual(['submit@1', 'return@1', 'submit@2', 'approve@2']);
      expect(await datedInOrder(machine, late)).toBe(true);
    }

    await until('every package acknowledged', async () => {
      for (const machine of all) if ((await machine.call('sync:status', {})).pendingToSend !== 0) return false;
      return true;
    });
    for (const [manager, id] of [[zhang, first], [li, second], [zhang, late]] as const) {
      expect(await recordsOf(manager, [id])).toEqual(await recordsOf(supervisor, [id]));
      for (const machine of [manager, supervisor]) expect([...(await recordCounts(machine, id)).values()].every((count) => count === 1)).toBe(true);
    }
    const approved = await supervisor.call('review:inbox', { status: 'approved' });
    expect(approved.entries.map((entry) => entry.summary.id).sort()).toEqual([first, second, late].sort());
    for (const machine of all) {
      expect((await machine.call('review:verify-all', {})).problems).toEqual([]);
      expect(await machine.call('sync:status', {})).toMatchObject({ state: 'ok', pendingToSend: 0, refused: [], problem: null });
    }
  }, 120_000);

  it('runs the round trip with two managers, acknowledges, prunes, and every machine agrees', async () => {
    const { folder, supervisor, zhang, li, until, pass } = await office();
    const first = await roundTrip(supervisor, zhang, until);
    const second = await roundTrip(supervisor, li, until, '东街烟酒店');
    // Acknowledgements travel back and every writer prunes what was acknowledged.
    await until('every outbox pruned', async () => {
      for (const machine of [supervisor, zhang, li]) if ((await outboxFiles(folder, machine)).length) return false;
      return true;
    });
    await pass();
    for (const [manager, id] of [[zhang, first], [li, second]] as const) {
      expect(await recordsOf(manager, [id])).toEqual(await recordsOf(supervisor, [id]));
      for (const machine of [manager, supervisor]) expect([...(await recordCounts(machine, id)).values()].every((count) => count === 1)).toBe(true);
    }
    // Nothing of one manager's reaches the other.
    expect(await zhang.store.services.reports.get(second)).toBeNull();
    expect(await li.store.services.reports.get(first)).toBeNull();
    for (const machine of [supervisor, zhang, li]) {
      expect((await machine.call('review:verify-all', {})).problems).toEqual([]);
      const status = await machine.call('sync:status', {});
      expect(status).toMatchObject({ state: 'ok', pendingToSend: 0, refused: [], problem: null });
    }
    const seen = await zhang.call('sync:status', {});
    expect(seen.people).toEqual([expect.objectContaining({ name: '陈主任', role: 'supervisor', unacknowledged: 0 })]);
    expect(seen.people[0]!.lastAckAt).not.toBeNull();
    expect(seen.people[0]!.lastPackageAt).not.toBeNull();
    const sup = await supervisor.call('sync:status', {});
    expect(sup.people.map((person) => person.name).sort()).toEqual(['张伟', '李娜'].sort());
  }, 120_000);

  it("the supervisor's office templates reach every manager by themselves, before any review: a new version and a retirement follow, a manager writes with one and the submission is merged", async () => {
    const { supervisor, zhang, li, until } = await office();
    // The machines' built-in log is the fixture template (tests/helpers/temp-store.ts).
    const copy = await supervisor.call('templates:duplicate', { id: 'fixture-log', name: '城关工作日志（营销部版）' });
    const has = (machine: Machine, version: number, retired = false) => async () =>
      (await machine.call('templates:list', {})).some((summary) => summary.id === copy.id && summary.version === version && Boolean(summary.retired) === retired);
    await until('v1 at both managers', async () => (await has(zhang, 1)()) && (await has(li, 1)()));
    // Managers receive the office's templates; they cannot change them (and nothing changes when they try).
    const before = (await zhang.call('templates:get', { id: copy.id })).template;
    await expect(zhang.call('templates:save', { template: { ...before, description: '改过' }, baseVersion: 1 })).rejects.toThrow(/forbidden/);
    expect((await zhang.call('templates:get', { id: copy.id })).template).toEqual(before);
    const v2 = await supervisor.call('templates:save', { template: { ...copy, description: '营销部修订：补充订货情况' }, baseVersion: 1 });
    expect(v2.version).toBe(2);
    await until('v2 at both managers', async () => (await has(zhang, 2)()) && (await has(li, 2)()));
    expect((await zhang.call('templates:get', { id: copy.id })).template.contentHash).toBe(v2.contentHash);
    // A manager writes with the office template; the submission merges on the supervisor's machine.
    const id = await writeAndSubmit(zhang, '南关便民店', ['走访南关便民店，库存正常。'], copy.id);
    await until('the submission in the inbox', async () => (await supervisor.store.services.reports.get(id))?.status === 'submitted');
    await supervisor.call('templates:retire', { id: copy.id, baseVersion: 2 });
    await until('the retirement at both managers', async () => (await has(zhang, 3, true)()) && (await has(li, 3, true)()));
    for (const machine of [supervisor, zhang, li]) {
      expect((await machine.call('review:verify-all', {})).problems).toEqual([]);
      expect(await machine.call('sync:status', {})).toMatchObject({ refused: [], problem: null });
    }
  }, 120_000);

  it('engine leftovers, forged, foreign, huge, linked and endless files are set aside with the sender named, and the office keeps flowing', async () => {
    const { folder, supervisor, zhang, li, until } = await office();
    const sup = hex((await supervisor.call('sync:status', {})).myFingerprint);
    const zh = hex((await zhang.call('sync:status', {})).myFingerprint);
    const ln = hex((await li.call('sync:status', {})).myFingerprint);
    const supOutbox = path.join(folder, sup, 'outbox');
    await mkdir(supOutbox, { recursive: true });
    const name = (to: string, seq: number) => `to-${to}-${String(seq).padStart(9, '0')}.rdpkg`;
    // Half-arrived files and conflict copies: skipped silently.
    await writeFile(path.join(supOutbox, `.syncthing.${name(zh, 1)}.tmp`), 'half');
    await writeFile(path.join(supOutbox, `~syncthing~${name(zh, 1)}.tmp`), 'half');
    await writeFile(path.join(supOutbox, `to-${zh}-000000001.sync-conflict-20261204-101010-ABCDEFG.rdpkg`), 'conflict copy');
    // Forged (not a package at all), too large (200 MB, sparse), and a link to a file outside.
    await writeFile(path.join(supOutbox, name(zh, 900)), 'PK\u0003\u0004 not really a zip');
    await writeFile(path.join(supOutbox, name(zh, 901)), '');
    await truncate(path.join(supOutbox, name(zh, 901)), 200 * 1024 * 1024);
    await symlink('/etc/hostname', path.join(supOutbox, name(zh, 902)));
    // Subfolders named like a path traversal, carrying a copy of someone's identity: never a person folder.
    const traversal = ['..%2F..%2Fetc', 'a\\..\\..\\b', '..evil'];
    for (const odd of traversal) {
      await mkdir(path.join(folder, odd), { recursive: true });
      await writeFile(path.join(folder, odd, 'identity.json'), await readFile(path.join(folder, zh, 'identity.json')));
    }
    // 10,000 small files in 李娜's outbox.
    const liOutbox = path.join(folder, ln, 'outbox');
    await mkdir(liOutbox, { recursive: true });
    for (let batch = 0; batch < 100; batch++) {
      await Promise.all(Array.from({ length: 100 }, (_, index) => writeFile(path.join(liOutbox, `junk-${batch * 100 + index}.txt`), 'x')));
    }

    // 张伟 submits; his own package is then copied into 李娜's outbox (a package in someone else's folder).
    const id = await writeAndSubmit(zhang, '南关便民店', ['走访南关便民店。', '库存正常。']);
    const before = await hashOutside(folder, zh);
    await zhang.call('sync:now', {});
    // 张伟's pass wrote nothing outside his own subfolder.
    expect(await hashOutside(folder, zh)).toEqual(before);
    const [own] = await outboxFiles(folder, zhang);
    await copyFile(path.join(folder, zh, 'outbox', own!), path.join(liOutbox, name(sup, 1)));

    await until('the submission at the supervisor', async () => (await supervisor.store.services.reports.get(id))?.status === 'submitted');
    const supStatus = await supervisor.call('sync:status', {});
    expect(supStatus.refused).toEqual([expect.objectContaining({ senderName: '李娜', reason: 'wrong-sender', file: name(sup, 1) })]);
    expect(supStatus.refused[0]!.message).toContain('张伟');
    expect(supStatus.joinRequests).toEqual([]);
    // 李娜's copy of 张伟's package was not imported under her name and is not acknowledged.
    expect(await li.store.services.reports.get(id)).toBeNull();

    await supervisor.call('review:decide', { id, decision: 'return', grade: '需改进', reason: '写清楚库存', meetingFlag: 'none' });
    await until('the return at 张伟', async () => (await zhang.store.services.reports.get(id))?.status === 'returned');
    const zhStatus = await zhang.call('sync:status', {});
    const reasons = Object.fromEntries(zhStatus.refused.map((item) => [item.file, item]));
    expect(Object.keys(reasons).sort()).toEqual([name(zh, 900), name(zh, 901), name(zh, 902)]);
    for (const item of zhStatus.refused) expect(item.senderName).toBe('陈主任');
    expect(reasons[name(zh, 901)]!.reason).toBe('too-large');
    expect(reasons[name(zh, 901)]!.message).toContain('200.0 MB');
    expect(reasons[name(zh, 902)]!.reason).toBe('symlink');
    expect(reasons[name(zh, 900)]!.message).not.toBe('');
    // Refused files are not tried again on every pass (same list, same times).
    await zhang.call('sync:now', {});
    expect((await zhang.call('sync:status', {})).refused).toEqual(zhStatus.refused);
    for (const machine of [supervisor, zhang, li]) expect((await machine.call('review:verify-all', {})).problems).toEqual([]);
  }, 120_000);

  it('packages out of order, a week late, deleted before arriving or duplicated: nothing lost, nothing doubled', async () => {
    const { folder, supervisor, zhang, until } = await office();
    const sup = hex((await supervisor.call('sync:status', {})).myFingerprint);
    const supOutbox = path.join(folder, sup, 'outbox');
    const one = await writeAndSubmit(zhang, '一号店', ['一号店库存正常。']);
    const two = await writeAndSubmit(zhang, '二号店', ['二号店库存偏高。']);
    await until('both at the supervisor', async () => (await supervisor.store.services.reports.get(two))?.status === 'submitted' && (await supervisor.store.services.reports.get(one))?.status === 'submitted');

    // Two review packages; the first is held back (still "in transit"), the second arrives first.
    await supervisor.call('review:decide', { id: one, decision: 'approve', grade: '良好', meetingFlag: 'none' });
    await supervisor.call('sync:now', {});
    await supervisor.call('review:decide', { id: two, decision: 'return', grade: '需改进', reason: '原因？', meetingFlag: 'none' });
    await supervisor.call('sync:now', {});
    const files = (await readdir(supOutbox)).filter((file) => file.endsWith('.rdpkg')).sort();
    expect(files).toHaveLength(2);
    const parked = path.join(folder, '..', `${path.basename(folder)}-parked.rdpkg`);
    await rename(path.join(supOutbox, files[0]!), parked);
    folders.push(parked);
    // A duplicate under another name (an engine or a person copying) is ignored.
    await copyFile(path.join(supOutbox, files[1]!), path.join(supOutbox, `${files[1]} (1)`));
    await zhang.call('sync:now', {});
    expect((await zhang.store.services.reports.get(two))?.status).toBe('returned');
    expect((await zhang.store.services.reports.get(one))?.status).toBe('submitted');
    // The held-back package arrives late.
    await rename(parked, path.join(supOutbox, files[0]!));
    await zhang.call('sync:now', {});
    expect((await zhang.store.services.reports.get(one))?.status).toBe('approved');

    // 张伟's next package vanishes from the folder before the supervisor saw it: he writes it again.
    const zh = hex((await zhang.call('sync:status', {})).myFingerprint);
    const id = await writeAndSubmit(zhang, '三号店', ['三号店。']);
    await zhang.call('sync:now', {});
    for (const file of (await readdir(path.join(folder, zh, 'outbox'))).filter((file) => file.endsWith('.rdpkg'))) await rm(path.join(folder, zh, 'outbox', file));
    await until('the vanished submission at the supervisor', async () => (await supervisor.store.services.reports.get(id))?.status === 'submitted');

    await until('everything acknowledged', async () => (await zhang.call('sync:status', {})).pendingToSend === 0 && (await supervisor.call('sync:status', {})).pendingToSend === 0);
    for (const docId of [one, two, id]) {
      expect(await recordsOf(zhang, [docId])).toEqual(await recordsOf(supervisor, [docId]));
      for (const machine of [zhang, supervisor]) expect([...(await recordCounts(machine, docId)).values()].every((count) => count === 1)).toBe(true);
    }
    expect((await supervisor.call('sync:status', {})).refused).toEqual([]);
  }, 120_000);

  it('a missing, full or read-only office folder is reported, nothing is created, and sending resumes by itself', async () => {
    const { folder, supervisor, zhang, until } = await office();
    // Unplugged: the folder is gone.
    const away = `${folder}-unplugged`;
    await rename(folder, away);
    const id = await writeAndSubmit(zhang, '四号店', ['四号店。']);
    const missing = await zhang.call('sync:now', {});
    expect(missing).toMatchObject({ state: 'problem', problem: { code: 'missing' } });
    await expect(stat(folder)).rejects.toThrow();
    await rename(away, folder);
    await until('the submission after plugging back', async () => (await supervisor.store.services.reports.get(id))?.status === 'submitted');
    expect((await zhang.call('sync:status', {})).problem).toBeNull();

    // A full disk, then a read-only one: a tmpfs of its own (root only; skipped elsewhere).
    const small = await tempDir('reportdesk-office-small-');
    folders.push(small);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', small], { stdio: 'ignore' });
    } catch {
      return;
    }
    // Move the office onto it: every machine points at the new folder (as after a move to another share).
    execFileSync('cp', ['-a', `${folder}/.`, small]);
    for (const machine of [supervisor, zhang]) {
      const status = await machine.call('sync:status', {});
      await machine.call('sync:configure', { folder: small });
      expect((await machine.call('sync:status', {})).myFingerprint).toBe(status.myFingerprint);
    }
    const filler = path.join(small, 'filler.bin');
    await writeFile(filler, Buffer.alloc(0));
    try {
      await writeFile(filler, Buffer.alloc(600 * 1024));
    } catch {
      // ENOSPC expected: the disk is full now.
    }
    const late = await writeAndSubmit(zhang, '五号店', ['五号店。']);
    const full = await zhang.call('sync:now', {});
    expect(full).toMatchObject({ state: 'problem', problem: { code: 'disk-full' } });
    expect(full.problem!.message).toContain('已满');
    await rm(filler);
    await until('the submission after space was freed', async () => (await supervisor.store.services.reports.get(late))?.status === 'submitted');
    // Read-only: what arrives is still imported; what this machine would send waits.
    await supervisor.call('review:decide', { id: late, decision: 'approve', grade: '良好', meetingFlag: 'none' });
    await supervisor.call('sync:now', {});
    execFileSync('mount', ['-o', 'remount,ro', small]);
    const readOnly = await zhang.call('sync:now', {});
    expect(readOnly.problem).toMatchObject({ code: 'read-only' });
    expect((await zhang.store.services.reports.get(late))?.status).toBe('approved');
    execFileSync('mount', ['-o', 'remount,rw', small]);
    await until('acknowledged after the folder is writable again', async () => (await supervisor.call('sync:status', {})).pendingToSend === 0);
  }, 120_000);
});
