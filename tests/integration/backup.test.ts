import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Result } from '../../electron/api/result';
import { backupFailureReason } from '../../electron/core/backup/errors';
import { backupFileName } from '../../electron/core/backup/schema';
import { buildZip, rawEntry, readZip, writeZip } from '../../electron/core/exchange/zip';
import { StoreHost } from '../../electron/host/store-host';
import { readBackupFile } from '../../electron/store/backup/backup-file';
import { openStore } from '../../electron/store/open-store';
import { testPassphrase } from '../helpers/unlock';
import { adoptBackups } from '../helpers/backup-host';
import { fixtureSeedsDir, hashFolder, listTree, makeTempDir, office, openTempStore, testIdentity } from '../helpers/temp-store';

const paragraph = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

function valueOf<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** The data files of a folder (what a backup holds: no index cache, lock or backup state). */
async function dataHashes(dir: string): Promise<Record<string, string>> {
  const all = await hashFolder(dir);
  return Object.fromEntries(
    Object.entries(all).filter(([name]) => !name.startsWith('index/') && name !== '.lock' && name !== 'backup-state.json' && !name.endsWith('/')),
  );
}

/** Choose the supervisor with the test passphrase, as a person does after starting the app (unlocks the key). */
async function unlockAs(host: StoreHost): Promise<void> {
  const selected = await host.dispatch('profiles:select', null, { id: office.supervisor, passphrase: testPassphrase });
  if (!selected.ok) throw new Error(selected.error.message);
}

/** Open a restored folder as the app would and check it: nothing quarantined, every review log verifies. */
async function expectOpensClean(dataDir: string): Promise<number> {
  const store = await openStore({ dataDir, seedsDir: fixtureSeedsDir });
  try {
    expect(await store.services.health.problems()).toEqual([]);
    const list = await store.services.reports.list();
    for (const summary of list) {
      const report = await store.services.reviews.verify(summary.id);
      expect(report.problems, summary.id).toEqual([]);
      expect(report.records).toBe(summary.reviewCount);
    }
    const checked = await store.checked;
    expect(checked.quarantined).toBe(0);
    return list.length;
  } finally {
    await store.close();
  }
}

async function seededHost() {
  const store = await openTempStore({ seed: true });
  const host = await adoptBackups(store);
  return { store, host };
}

describe('a backup taken while people work', () => {
  it('is a consistent snapshot: restored, it opens clean and every review log verifies', async () => {
    const { store, host } = await seededHost();
    let rev = 1;
    let comments = 0;
    let stop = false;
    // A stream of saves (manager) and comments (supervisor) through the app's own gate, while backups are taken.
    const saves = (async () => {
      for (let round = 0; !stop && round < 400; round++) {
        const saved = valueOf<{ rev: number }>(
          await host.dispatch('reports:save-draft', office.manager, {
            id: office.draft,
            baseRev: rev,
            metadata: { 店名: `城关便民超市 第${round}版` },
            sections: { summary: { type: 'richtext', doc: paragraph(`第 ${round} 次修改：`.repeat(20)) } },
          }),
        );
        rev = saved.rev;
      }
    })();
    const reviews = (async () => {
      for (let round = 0; !stop && round < 400; round++) {
        valueOf(await host.dispatch('review:comment', office.supervisor, { id: office.submitted, anchor: { kind: 'document' }, kind: 'note', text: `第 ${round} 条备注` }));
        comments += 1;
      }
    })();
    const backups = [];
    for (let index = 0; index < 3; index++) {
      // Wait for the stream to have moved on between backups (no timing: count acts).
      const before = comments + rev;
      while (comments + rev < before + 5) await new Promise((resolve) => setImmediate(resolve));
      backups.push(await host.backupNow());
    }
    stop = true;
    await Promise.all([saves, reviews]);
    expect(comments).toBeGreaterThan(5);

    for (const backup of backups) {
      const read = await readBackupFile(backup.file);
      const target = path.join(await makeTempDir('reportdesk-restored-'), 'data');
      await host.restore({ file: backup.file, mode: 'new-folder', target });
      expect(await expectOpensClean(target)).toBe(4);
      // The restored draft is one of the saved versions, whole.
      const draft = JSON.parse(await readFile(path.join(target, ...read.files.find((file) => file.path.endsWith(`${office.draft}.json`))!.path.split('/')), 'utf8'));
      expect(draft.rev).toBeGreaterThanOrEqual(1);
      expect(draft.metadata['店名']).toMatch(/^城关便民超市/);
    }
    // The live store is still fine too.
    expect(store.dataDir).toBe(host.dataDir);
  });

  it('restores byte for byte: every file the backup holds equals the source', async () => {
    const { store, host } = await seededHost();
    // Keys too: make one and keep its file exactly as it is.
    valueOf(await host.dispatch('exchange:identity', office.supervisor, {}));
    const source = await dataHashes(store.dataDir);
    const backup = await host.backupNow();
    const read = await readBackupFile(backup.file);
    expect(Object.keys(source).sort()).toEqual(read.files.map((file) => file.path).sort());
    expect(read.files.some((file) => file.path.startsWith('keys/'))).toBe(true);
    const target = path.join(await makeTempDir('reportdesk-restored-'), 'data');
    await host.restore({ file: backup.file, mode: 'new-folder', target });
    expect(await dataHashes(target)).toEqual(source);
    for (const file of read.files) expect(await readFile(path.join(target, file.path))).toEqual(Buffer.from(file.data));
    expect(await expectOpensClean(target)).toBe(4);
  });

  it('replaces the current folder only after a backup of it, and the app goes on with the restored data', async () => {
    const { host } = await seededHost();
    valueOf(await host.dispatch('review:comment', office.supervisor, { id: office.submitted, anchor: { kind: 'document' }, kind: 'note', text: '备份之前的备注' }));
    const backup = await host.backupNow();
    const original = await dataHashes(host.dataDir);
    // Work after the backup: one more comment.
    valueOf(await host.dispatch('review:comment', office.supervisor, { id: office.submitted, anchor: { kind: 'document' }, kind: 'note', text: '备份之后的备注' }));
    const changed = await dataHashes(host.dataDir);
    const result = await host.restore({ file: backup.file, mode: 'replace' });
    expect(result.safetyBackup).not.toBeNull();
    expect(await dataHashes(host.dataDir)).toEqual(original);
    // The safety backup holds the state just before the restore.
    const safety = await readBackupFile(result.safetyBackup!);
    expect(Object.fromEntries(safety.files.map((file) => [file.path, file.sha256]))).toEqual(changed);
    // The app answers from the restored folder.
    const review = valueOf<{ state: { comments: { text: string }[] } }>(await host.dispatch('review:get', office.supervisor, { id: office.submitted }));
    expect(review.state.comments.map((comment) => comment.text)).toContain('备份之前的备注');
    expect(review.state.comments.map((comment) => comment.text)).not.toContain('备份之后的备注');
  });

  it('prunes to the newest of 14 days and 8 weeks', async () => {
    const { host } = await seededHost();
    const status = await host.status();
    // 40 old backups, one a day, plus today's real one.
    const day = 24 * 60 * 60_000;
    const start = Date.UTC(2026, 9, 1, 2);
    for (let index = 0; index < 40; index++) await writeFile(path.join(status.folder, backupFileName(new Date(start + index * day))), 'old');
    await writeFile(path.join(status.folder, 'notes.txt'), 'not a backup');
    await host.backupNow();
    const names = await readdir(status.folder);
    expect(names).toContain('notes.txt');
    const kept = names.filter((name) => name.endsWith('.rdbackup'));
    // 14 daily (today + 13 old days) plus the weeks not already covered, at most 8 weeks in all.
    expect(kept.length).toBeLessThanOrEqual(14 + 8);
    expect(kept.length).toBeGreaterThanOrEqual(14);
  });
});

describe('automatic backups', () => {
  it('takes one on the first act of the day and one at exit, not one per act', async () => {
    const dataDir = await makeTempDir('reportdesk-daily-');
    await (await openTempStore({ dataDir, seed: true })).close();
    const backups = await makeTempDir('reportdesk-daily-backups-');
    const host = await StoreHost.open({ startDir: dataDir, pointerFile: null, locationSource: 'environment', identity: testIdentity, openOptions: { seedsDir: fixtureSeedsDir } });
    onTestFinished(() => host.close());
    await host.setFolder(backups);
    await unlockAs(host);
    valueOf(await host.dispatch('reports:list', office.manager, {}));
    await host.idle();
    const first = await host.status();
    expect(first.backups).toHaveLength(1);
    expect((await readBackupFile(first.backups[0].file)).manifest.reason).toBe('daily');
    valueOf(await host.dispatch('review:comment', office.supervisor, { id: office.submitted, anchor: { kind: 'document' }, kind: 'note', text: '当天的第二个动作' }));
    await host.idle();
    expect((await host.status()).backups).toHaveLength(1);
    await host.close({ backupAtExit: true });
    const names = (await readdir(backups)).filter((name) => name.endsWith('.rdbackup')).sort();
    expect(names).toHaveLength(2);
    const read = await Promise.all(names.map((name) => readBackupFile(path.join(backups, name))));
    expect(read.map((backup) => backup.manifest.reason).sort()).toEqual(['daily', 'exit']);
    const atExit = read.find((backup) => backup.manifest.reason === 'exit')!;
    expect(atExit.summary.reviewRecords).toBeGreaterThan((await readBackupFile(first.backups[0].file)).summary.reviewRecords);
  });
});

describe('bad backups are refused and nothing changes', () => {
  async function refusedRestore(makeFile: (good: Buffer, folder: string) => Promise<string>, reason: string) {
    const { store, host } = await seededHost();
    const good = await readFile((await host.backupNow()).file);
    const folder = await makeTempDir('reportdesk-bad-');
    const file = await makeFile(good, folder);
    const before = await hashFolder(store.dataDir);
    const target = path.join(folder, 'target');
    for (const attempt of [
      () => host.inspect(file),
      () => host.restore({ file, mode: 'new-folder', target }),
      () => host.restore({ file, mode: 'replace' }),
    ]) {
      const error = await attempt().then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(backupFailureReason(error), String(error)).toBe(reason);
      expect((error as Error).message).not.toBe('');
    }
    expect(await hashFolder(store.dataDir)).toEqual(before);
    expect(await readdir(folder)).not.toContain('target');
    // The refusal reaches the person through the channel with its reason.
    const result = await host.dispatch('backup:inspect', office.manager, { file });
    expect(result.ok).toBe(false);
    if (!result.ok) expect((result.error.details as { reason: string }).reason).toBe(reason);
  }

  it('a truncated backup', () =>
    refusedRestore(async (good, folder) => {
      const file = path.join(folder, 'cut.rdbackup');
      await writeFile(file, good.subarray(0, Math.floor(good.length * 0.6)));
      return file;
    }, 'truncated'));

  it('a corrupted backup (one byte of compressed data flipped)', () =>
    refusedRestore(async (good, folder) => {
      const bad = Buffer.from(good);
      // Inside the first entry's compressed data (the manifest: a 30-byte header and a 13-byte name before it), so
      // the damage is always in data, never in a header that would read as truncation.
      bad[100] ^= 0xff;
      const file = path.join(folder, 'flipped.rdbackup');
      await writeFile(file, bad);
      return file;
    }, 'corrupt'));

  it('a backup whose file was changed and re-zipped (hash no longer matches the manifest)', () =>
    refusedRestore(async (good, folder) => {
      const entries = readZip(good, { maxEntries: 1e5, maxEntrySize: 1e9, maxTotalSize: 4e9, maxRatio: 1e4, ratioFloor: 1e9 });
      const forged = entries.map((entry) =>
        entry.name.startsWith('data/profiles/') ? { name: entry.name, data: new TextEncoder().encode(new TextDecoder().decode(entry.data).replace('张明', '张冒')) } : entry,
      );
      const file = path.join(folder, 'forged.rdbackup');
      await writeFile(file, writeZip(forged));
      return file;
    }, 'hash-mismatch'));

  it('a foreign file (a zip that is not a ReportDesk backup)', () =>
    refusedRestore(async (_good, folder) => {
      const file = path.join(folder, 'photos.zip');
      await writeFile(file, writeZip([{ name: 'IMG_0001.jpg', data: randomBytes(2000) }]));
      return file;
    }, 'not-backup'));

  it('a foreign file (not a zip at all)', () =>
    refusedRestore(async (_good, folder) => {
      const file = path.join(folder, 'notes.rdbackup');
      await writeFile(file, '这不是备份');
      return file;
    }, 'not-backup'));

  it('a backup from a newer version of the app', () =>
    refusedRestore(async (good, folder) => {
      const entries = readZip(good, { maxEntries: 1e5, maxEntrySize: 1e9, maxTotalSize: 4e9, maxRatio: 1e4, ratioFloor: 1e9 });
      const newer = entries.map((entry) =>
        entry.name === 'manifest.json' ? { name: entry.name, data: new TextEncoder().encode(JSON.stringify({ ...JSON.parse(new TextDecoder().decode(entry.data)), version: 2, compression: 'zstd' })) } : entry,
      );
      const file = path.join(folder, 'newer.rdbackup');
      await writeFile(file, buildZip(newer.map((entry) => rawEntry(entry.name, entry.data))));
      return file;
    }, 'newer-format'));

  it('a restore into a folder that is not empty', async () => {
    const { host } = await seededHost();
    const backup = await host.backupNow();
    const target = await makeTempDir('reportdesk-full-target-');
    await writeFile(path.join(target, '我的文件.docx'), 'keep me');
    const before = await hashFolder(target);
    const error = await host.restore({ file: backup.file, mode: 'new-folder', target }).catch((caught: unknown) => caught);
    expect(backupFailureReason(error)).toBe('target-not-empty');
    expect(await hashFolder(target)).toEqual(before);
  });

  it('two restores at once: one goes ahead, the other is refused with a clear message', async () => {
    const { host } = await seededHost();
    const backup = await host.backupNow();
    const target = path.join(await makeTempDir('reportdesk-twice-'), 'data');
    const outcomes = await Promise.allSettled([
      host.restore({ file: backup.file, mode: 'new-folder', target }),
      host.restore({ file: backup.file, mode: 'new-folder', target }),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
    expect(['restore-running', 'target-not-empty']).toContain(backupFailureReason(refused.reason));
    expect(await expectOpensClean(target)).toBe(4);

    // Two replacing restores of the running app's folder: the second is refused, the folder is the backup's.
    const replaced = await Promise.allSettled([host.restore({ file: backup.file, mode: 'replace' }), host.restore({ file: backup.file, mode: 'replace' })]);
    expect(replaced.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    expect(backupFailureReason((replaced.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult).reason)).toBe('restore-running');
  });
});

/** A real small file system (root only, as here and in CI); always unmounted. */
async function mountTmpfs(size: string, options = ''): Promise<string> {
  const dir = await makeTempDir('reportdesk-tmpfs-');
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}${options ? `,${options}` : ''}`, 'tmpfs', dir]);
  onTestFinished(() => {
    execFileSync('umount', [dir]);
  });
  return dir;
}

describe('a backup folder that cannot take the backup', () => {
  async function hostWithBigData() {
    const { store, host } = await seededHost();
    // 3 MB that does not compress (a quarantined file is backed up like everything else).
    await mkdir(path.join(store.dataDir, 'quarantine'), { recursive: true });
    await writeFile(path.join(store.dataDir, 'quarantine', 'big.bin'), randomBytes(3 * 1024 * 1024));
    return { store, host };
  }

  it('a full disk (2 MB tmpfs) leaves no partial file and says why', async () => {
    const { store, host } = await hostWithBigData();
    const folder = await mountTmpfs('2m');
    await host.setFolder(folder);
    const before = await dataHashes(store.dataDir);
    const error = await host.backupNow().catch((caught: unknown) => caught);
    expect(backupFailureReason(error)).toBe('disk-full');
    expect(await readdir(folder)).toEqual([]);
    const status = await host.status();
    expect(status.lastError).toMatchObject({ reason: 'disk-full' });
    expect(status.last).toBeNull();
    expect(await dataHashes(store.dataDir)).toEqual(before);
  });

  it('a restore onto a full disk leaves no partial folder', async () => {
    const { host } = await hostWithBigData();
    const backup = await host.backupNow();
    const disk = await mountTmpfs('2m');
    const target = path.join(disk, 'data');
    const error = await host.restore({ file: backup.file, mode: 'new-folder', target }).catch((caught: unknown) => caught);
    expect(backupFailureReason(error)).toBe('disk-full');
    expect(await listTree(disk)).toEqual([]);
  });

  it('a read-only folder', async () => {
    const { store, host } = await seededHost();
    const folder = await mountTmpfs('4m');
    execFileSync('mount', ['-o', 'remount,ro', folder]);
    await host.setFolder(folder);
    const before = await dataHashes(store.dataDir);
    const error = await host.backupNow().catch((caught: unknown) => caught);
    expect(backupFailureReason(error)).toBe('folder-read-only');
    expect(await readdir(folder)).toEqual([]);
    expect(await dataHashes(store.dataDir)).toEqual(before);
  });

  it('an unplugged disk (the chosen folder is gone)', async () => {
    const { store, host } = await seededHost();
    const gone = path.join(await makeTempDir('reportdesk-usb-'), 'E盘', '报告台备份');
    await host.setFolder(gone);
    const before = await dataHashes(store.dataDir);
    const result = await host.dispatch('backup:now', office.manager, {});
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect((result.error.details as { reason: string }).reason).toBe('folder-missing');
      expect(result.error.message).toContain(gone);
    }
    expect(await dataHashes(store.dataDir)).toEqual(before);
  });
});

describe('moving the data folder', () => {
  it('copies, verifies, switches and keeps the old folder; the next start opens the new one', async () => {
    const start = await makeTempDir('reportdesk-home-');
    const pointerFile = path.join(await makeTempDir('reportdesk-app-'), 'data-location.json');
    const seeded = await openTempStore({ dataDir: start, seed: true });
    await seeded.close();
    const host = await StoreHost.open({ startDir: start, pointerFile, locationSource: 'default', identity: testIdentity, dailyBackups: false, openOptions: { seedsDir: fixtureSeedsDir } });
    onTestFinished(() => host.close());
    await unlockAs(host);
    const source = await dataHashes(start);
    const target = path.join(await makeTempDir('reportdesk-newplace-'), '报告台数据');
    const moved = valueOf<{ from: string; to: string; files: number }>(await host.dispatch('data:move', office.manager, { target }));
    expect(moved).toMatchObject({ from: start, to: target });
    expect(await dataHashes(target)).toEqual(source);
    expect(await dataHashes(start)).toEqual(source);
    expect(host.dataDir).toBe(target);
    // Work goes to the new folder.
    valueOf(await host.dispatch('review:comment', office.supervisor, { id: office.submitted, anchor: { kind: 'document' }, kind: 'note', text: '搬家后的备注' }));
    expect(await dataHashes(start)).toEqual(source);
    expect((await host.status()).location.source).toBe('moved');
    await host.close();
    // The next start follows the pointer.
    const next = await StoreHost.open({ startDir: start, pointerFile, locationSource: 'default', identity: testIdentity, dailyBackups: false, openOptions: { seedsDir: fixtureSeedsDir } });
    await unlockAs(next);
    onTestFinished(() => next.close());
    expect(next.dataDir).toBe(target);
    // A move into a folder that holds something is refused and nothing moves.
    const busy = await makeTempDir('reportdesk-busy-');
    await writeFile(path.join(busy, 'x.txt'), 'x');
    const refused = await next.dispatch('data:move', office.manager, { target: busy });
    expect(refused.ok).toBe(false);
    expect(next.dataDir).toBe(target);
  });
});
