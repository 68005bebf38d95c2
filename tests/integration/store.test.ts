import { spawnSync } from 'node:child_process';
import { appendFile, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../electron/api/contract';
import type { Result } from '../../electron/api/result';
import type { Report } from '../../electron/core/common/schemas/report';
import { DomainError } from '../../electron/core/common/errors';
import { richTextToPlain } from '../../electron/core/common/text/rich-text';
import { writeFileAtomic } from '../../electron/store/atomic-write';
import { openStore } from '../../electron/store/open-store';
import { fixtureSeedsDir, hashFolder, listTree, makeTempDir, office, openTempStore } from '../helpers/temp-store';

/** Where the store keeps a document, relative to the data folder. */
function reportPath(id: string): string {
  return `reports/${id.slice(0, 2).toLowerCase()}/${id}.json`;
}

function paragraph(text: string) {
  return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

function summaryText(report: Report): string {
  const section = report.sections['summary'];
  return section?.type === 'richtext' ? richTextToPlain(section.doc) : '';
}

function saveInput(id: string, baseRev: number, text: string) {
  return { id, baseRev, metadata: {}, sections: { summary: { type: 'richtext', doc: paragraph(text) } } };
}

async function journalLines(dataDir: string): Promise<string[]> {
  return (await readFile(path.join(dataDir, 'index', 'reports.ndjson'), 'utf8')).split('\n').filter(Boolean);
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** A pid that belonged to a process which has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', ''], { stdio: 'ignore' });
  return child.pid!;
}

/** Leave the folder as a crash would: no `clean` marker, so the index cannot be trusted. */
async function forgetCleanShutdown(dataDir: string): Promise<void> {
  await rm(path.join(dataDir, 'index', 'clean'));
}

describe('atomic writes', () => {
  it('leave no temporary files after creating and saving documents', async () => {
    const { dataDir, dispatcher } = await openTempStore({ seed: true });
    let rev = 1;
    for (let i = 0; i < 5; i++) {
      const result = await dispatcher.dispatch('reports:save-draft', office.manager, saveInput(office.draft, rev, `第${i}次修改`));
      expect(result.ok).toBe(true);
      rev++;
    }
    const created = await dispatcher.dispatch('reports:create', office.manager, { templateId: office.templateId, metadata: {} });
    expect(created.ok).toBe(true);

    const tree = await listTree(dataDir);
    expect(tree.filter((entry) => entry.endsWith('.tmp'))).toEqual([]);
    const documents = tree.filter((name) => name.startsWith('reports/') && name.endsWith('.json'));
    expect(documents).toHaveLength(5);
    for (const entry of documents) {
      expect(JSON.parse(await readFile(path.join(dataDir, entry), 'utf8')), entry).toHaveProperty('rev');
    }
  });

  it('replace the whole file, and a failed write leaves the old file and no temporary file', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'doc.json');
    await writeFileAtomic(file, '{"v":1}');
    await writeFileAtomic(file, '{"v":2}');
    expect(await readFile(file, 'utf8')).toBe('{"v":2}');

    // The target is a non-empty folder: the final rename cannot succeed.
    const blocked = path.join(dir, 'blocked.json');
    await mkdir(blocked);
    await writeFile(path.join(blocked, 'keep.txt'), 'keep');
    await expect(writeFileAtomic(blocked, '{"v":3}')).rejects.toThrow();
    expect(await listTree(dir)).toEqual(['blocked.json/', 'blocked.json/keep.txt', 'doc.json']);
  });
});

describe('optimistic revisions', () => {
  it('refuse a save based on a stale rev with conflict, return the stored version, and change nothing', async () => {
    const { dataDir, dispatcher } = await openTempStore({ seed: true });
    const first = await dispatcher.dispatch('reports:save-draft', office.manager, saveInput(office.draft, 1, '第一个窗口的内容'));
    expect(first).toMatchObject({ ok: true, value: { rev: 2 } });

    const before = await hashFolder(dataDir);
    const stale = (await dispatcher.dispatch(
      'reports:save-draft',
      office.manager,
      saveInput(office.draft, 1, '第二个窗口的旧内容'),
    )) as Result<never>;
    expect(stale.ok).toBe(false);
    if (stale.ok) return;
    expect(stale.error.code).toBe('conflict');
    expect(stale.error.message).toMatch(/修改/);
    const current = (stale.error.details as { current: Report }).current;
    expect(current.rev).toBe(2);
    expect(summaryText(current)).toBe('第一个窗口的内容');
    expect(await hashFolder(dataDir)).toEqual(before);

    const stored = (await dispatcher.dispatch('reports:get', office.manager, { id: office.draft })) as Result<ChannelOutput<'reports:get'>>;
    expect(stored.ok && summaryText(stored.value.report)).toBe('第一个窗口的内容');
  });

  it('refuse a delete based on a stale rev', async () => {
    const { dataDir, dispatcher } = await openTempStore({ seed: true });
    await dispatcher.dispatch('reports:save-draft', office.manager, saveInput(office.draft, 1, '已修改'));
    const before = await hashFolder(dataDir);
    const result = await dispatcher.dispatch('reports:delete', office.manager, { id: office.draft, baseRev: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await hashFolder(dataDir)).toEqual(before);
  });

  it('let exactly one of two concurrent saves from the same base win', async () => {
    const { services, dispatcher } = await openTempStore({ seed: true });
    const results = await Promise.all([
      dispatcher.dispatch('reports:save-draft', office.manager, saveInput(office.draft, 1, '窗口甲')),
      dispatcher.dispatch('reports:save-draft', office.manager, saveInput(office.draft, 1, '窗口乙')),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok && result.error.code === 'conflict')).toHaveLength(1);
    const winner = results.find((result) => result.ok) as { ok: true; value: Report };
    const stored = await services.reports.get(office.draft);
    expect(stored?.rev).toBe(2);
    expect(summaryText(stored!)).toBe(summaryText(winner.value));
  });
});

describe('the background check after open', () => {
  it('reads only the files changed since the last check, and still catches a hand edit or damage', async () => {
    const first = await openTempStore({ seed: true });
    const { dataDir } = first;
    const all = (await first.services.reports.list()).length;
    await first.store.checked;
    await first.close();

    // A full pass recorded every file; the next open reads none of them.
    const second = await openTempStore({ dataDir });
    expect(await second.store.checked).toEqual({ checked: 0, unchanged: all, quarantined: 0, reindexed: 0 });
    // A save in this session changes its file: the next pass reads that one again.
    const saved = await second.dispatcher.dispatch('reports:save-draft', office.manager, saveInput(office.draft, 1, '本周走访十二户'));
    expect(saved.ok).toBe(true);
    await second.close();

    const third = await openTempStore({ dataDir });
    expect(await third.store.checked).toEqual({ checked: 1, unchanged: all - 1, quarantined: 0, reindexed: 0 });
    await third.close();

    // Outside the app: one file damaged, another's title edited by hand (still a valid document).
    await writeFile(path.join(dataDir, reportPath(office.draft)), '{"id": "rpt-zhang-draft", "title": "半截');
    const editedFile = path.join(dataDir, reportPath(office.otherDraft));
    const edited = JSON.parse(await readFile(editedFile, 'utf8')) as Report;
    await writeFile(editedFile, JSON.stringify({ ...edited, title: '手工改过的标题' }));

    const fourth = await openTempStore({ dataDir });
    expect(await fourth.store.checked).toEqual({ checked: 2, unchanged: all - 2, quarantined: 1, reindexed: 1 });
    expect((await fourth.services.health.problems()).map((problem) => problem.file)).toEqual([reportPath(office.draft)]);
    expect((await fourth.services.reports.list()).find((summary) => summary.id === office.otherDraft)?.title).toBe('手工改过的标题');
    await fourth.close();

    // A garbled record of the last pass is no record: every file is read again, nothing else changes.
    await writeFile(path.join(dataDir, 'index', 'checked.json'), '{"rpt-zhang-draft": 3, "x"');
    const fifth = await openTempStore({ dataDir });
    expect(await fifth.store.checked).toEqual({ checked: all - 1, unchanged: 0, quarantined: 0, reindexed: 0 });
  });
});

describe('corrupt files', () => {
  it('are moved into quarantine/ when the index is rebuilt, reported, and the rest of the store loads', async () => {
    const first = await openTempStore({ seed: true });
    await first.close();
    const { dataDir } = first;
    const notJson = '{"id": "rpt-zhang-draft", "title": "半截';
    const wrongShape = JSON.stringify({ id: office.otherDraft, rev: 'three' });
    await writeFile(path.join(dataDir, reportPath(office.draft)), notJson);
    await writeFile(path.join(dataDir, reportPath(office.otherDraft)), wrongShape);
    await forgetCleanShutdown(dataDir);

    const { dispatcher, services } = await openTempStore({ dataDir });
    const problems = await services.health.problems();
    expect(problems.map((problem) => problem.file).sort()).toEqual([reportPath(office.otherDraft), reportPath(office.draft)].sort());
    expect(problems.find((problem) => problem.file === reportPath(office.draft))?.reason).toMatch(/JSON/);
    expect(problems.find((problem) => problem.file === reportPath(office.otherDraft))?.reason).toMatch(/格式/);

    // Moved, not deleted or rewritten: the quarantined copies hold the exact bytes.
    for (const [problem, text] of [
      [problems.find((item) => item.file === reportPath(office.draft))!, notJson],
      [problems.find((item) => item.file === reportPath(office.otherDraft))!, wrongShape],
    ] as const) {
      expect(problem.movedTo.startsWith('quarantine/')).toBe(true);
      expect(await readFile(path.join(dataDir, problem.movedTo), 'utf8')).toBe(text);
      expect(await exists(path.join(dataDir, problem.file))).toBe(false);
    }

    // Reported through the API …
    const reported = await dispatcher.dispatch('store:problems', null, {});
    expect(reported).toMatchObject({ ok: true, value: expect.arrayContaining([expect.objectContaining({ file: reportPath(office.draft) })]) });
    expect(await dispatcher.dispatch('app:info', null, {})).toMatchObject({ ok: true, value: { problemCount: 2 } });
    // … and the healthy documents are listed and open.
    const list = (await services.reports.list()).map((summary) => summary.id).sort();
    expect(list).toEqual([office.otherApproved, office.submitted].sort());
    expect(await dispatcher.dispatch('reports:get', office.manager, { id: office.submitted })).toMatchObject({ ok: true });
  });

  it('found when a document is opened (index trusted) are moved aside, reported and dropped from the list', async () => {
    const first = await openTempStore({ seed: true });
    await first.close();
    const broken = JSON.stringify({ hello: 'world' });
    await writeFile(path.join(first.dataDir, reportPath(office.draft)), broken);

    const { dispatcher, services, close, dataDir } = await openTempStore({ dataDir: first.dataDir });
    const opened = await dispatcher.dispatch('reports:get', office.manager, { id: office.draft });
    expect(opened).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect((await services.health.problems()).map((problem) => problem.file)).toEqual([reportPath(office.draft)]);
    expect((await services.reports.list()).map((summary) => summary.id)).not.toContain(office.draft);

    // Still gone, and still reported, after a restart.
    await close();
    const again = await openTempStore({ dataDir });
    expect((await again.services.reports.list()).map((summary) => summary.id)).not.toContain(office.draft);
    expect(await again.services.health.problems()).toHaveLength(1);
  });

  it('in profiles and settings are moved aside; the other profiles load and settings fall back to defaults', async () => {
    const first = await openTempStore({ seed: true });
    const settings = await first.services.settings.get();
    await first.services.settings.save({ ...settings, language: 'en', lastProfileId: office.manager, officeName: '青山县局' });
    await first.close();
    const { dataDir } = first;
    await writeFile(path.join(dataDir, 'profiles', `${office.otherManager}.json`), 'not json at all');
    await writeFile(path.join(dataDir, 'settings.json'), JSON.stringify({ language: 'fr' }));

    const { services } = await openTempStore({ dataDir });
    expect((await services.profiles.list()).map((profile) => profile.id).sort()).toEqual([office.manager, office.supervisor].sort());
    expect(await services.settings.get()).toMatchObject({ language: 'zh-CN', lastProfileId: null });
    expect((await services.health.problems()).map((problem) => problem.file).sort()).toEqual(
      [`profiles/${office.otherManager}.json`, 'settings.json'].sort(),
    );
    expect((await listTree(path.join(dataDir, 'quarantine'))).filter((name) => name !== 'problems.ndjson')).toHaveLength(2);
  });
});

describe('document ids', () => {
  it('that could name a file outside the reports folder are refused, and nothing is read or written', async () => {
    const { dispatcher, dataDir } = await openTempStore({ seed: true });
    await writeFile(path.join(dataDir, 'outside.json'), '{}');
    const before = await hashFolder(dataDir);
    for (const id of ['../../outside', '..', 'a/b', 'a\\b', '.hidden', 'con:1']) {
      const result = await dispatcher.dispatch('reports:get', office.manager, { id });
      expect(result, id).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      const saved = await dispatcher.dispatch('reports:save-draft', office.manager, saveInput(id, 1, 'x'));
      expect(saved.ok, id).toBe(false);
    }
    expect(await hashFolder(dataDir)).toEqual(before);
  });
});

describe('the document index', () => {
  it('is rebuilt from the documents after an unclean shutdown (no clean marker, journal behind)', async () => {
    const first = await openTempStore({ seed: true });
    const saved = await first.dispatcher.dispatch('reports:save-draft', office.manager, saveInput(office.draft, 1, '崩溃前保存的内容'));
    expect(saved.ok).toBe(true);
    await first.close();
    const { dataDir } = first;
    // A crash: the journal's last appends never reached the disk, and there is no clean marker.
    await writeFile(path.join(dataDir, 'index', 'reports.ndjson'), '');
    await forgetCleanShutdown(dataDir);
    // A temporary file left by a write the crash interrupted.
    const stray = path.join(dataDir, 'reports', 'rp', `.${office.draft}.json.12345.abcd.tmp`);
    await writeFile(stray, '{"half":');

    const { services } = await openTempStore({ dataDir });
    const list = await services.reports.list();
    expect(list.map((summary) => summary.id).sort()).toEqual(
      [office.draft, office.submitted, office.otherDraft, office.otherApproved].sort(),
    );
    expect(list.find((summary) => summary.id === office.draft)?.rev).toBe(2);
    expect(await exists(stray)).toBe(false);
    // The rebuilt journal is compact: one line per document.
    expect(await journalLines(dataDir)).toHaveLength(4);
  });

  it('is rebuilt when the journal has a half-written line', async () => {
    const first = await openTempStore({ seed: true });
    await first.close();
    await appendFile(path.join(first.dataDir, 'index', 'reports.ndjson'), '{"id":"rpt-zhang-dr');
    const { services } = await openTempStore({ dataDir: first.dataDir });
    expect(await services.reports.list()).toHaveLength(4);
  });

  it('is trusted after a clean shutdown, including deletions', async () => {
    const first = await openTempStore({ seed: true });
    expect(await first.dispatcher.dispatch('reports:delete', office.manager, { id: office.draft, baseRev: 1 })).toMatchObject({ ok: true });
    await first.close();
    expect(await exists(path.join(first.dataDir, 'index', 'clean'))).toBe(true);

    const { services } = await openTempStore({ dataDir: first.dataDir });
    expect((await services.reports.list()).map((summary) => summary.id).sort()).toEqual(
      [office.submitted, office.otherDraft, office.otherApproved].sort(),
    );
  });

  it('drops a document whose file was removed by hand once it is opened', async () => {
    const first = await openTempStore({ seed: true });
    await first.close();
    await rm(path.join(first.dataDir, reportPath(office.draft)));

    const { dispatcher, services, close } = await openTempStore({ dataDir: first.dataDir });
    expect(await dispatcher.dispatch('reports:get', office.manager, { id: office.draft })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect((await services.reports.list()).map((summary) => summary.id)).not.toContain(office.draft);
    await close();
    const again = await openTempStore({ dataDir: first.dataDir });
    expect((await again.services.reports.list()).map((summary) => summary.id)).not.toContain(office.draft);
  });

  it('is compacted at open when the journal has grown far past the live documents', async () => {
    const first = await openTempStore({ seed: true });
    await first.close();
    const journal = path.join(first.dataDir, 'index', 'reports.ndjson');
    const lines = await journalLines(first.dataDir);
    await appendFile(journal, `${Array.from({ length: 1200 }, (_, i) => lines[i % lines.length]).join('\n')}\n`);
    expect((await journalLines(first.dataDir)).length).toBeGreaterThan(1200);

    const { services } = await openTempStore({ dataDir: first.dataDir });
    expect(await services.reports.list()).toHaveLength(4);
    expect(await journalLines(first.dataDir)).toHaveLength(4);
  });
});

describe('the data folder lock', () => {
  it('refuses a second openStore on a folder that is open, with a clear message, until it is closed', async () => {
    const first = await openTempStore({ seed: true });
    const second = openStore({ dataDir: first.dataDir, seedsDir: fixtureSeedsDir });
    await expect(second).rejects.toBeInstanceOf(DomainError);
    await expect(second).rejects.toMatchObject({ code: 'locked', message: expect.stringContaining(first.dataDir) });
    // The refused open did not disturb the first one.
    expect(await first.services.reports.list()).toHaveLength(4);
    expect(await first.dispatcher.dispatch('reports:save-draft', office.manager, saveInput(office.draft, 1, '仍可保存'))).toMatchObject({ ok: true });

    await first.close();
    const reopened = await openTempStore({ dataDir: first.dataDir });
    expect(await reopened.services.reports.list()).toHaveLength(4);
  });

  it('refuses a folder locked by another live process, naming it', async () => {
    const dataDir = await makeTempDir();
    await writeFile(path.join(dataDir, '.lock'), JSON.stringify({ pid: process.ppid, at: new Date().toISOString() }));
    await expect(openStore({ dataDir, seedsDir: fixtureSeedsDir })).rejects.toMatchObject({
      code: 'locked',
      message: expect.stringContaining(String(process.ppid)),
    });
    // The other process's lock is left alone.
    expect(JSON.parse(await readFile(path.join(dataDir, '.lock'), 'utf8')).pid).toBe(process.ppid);
  });

  it('takes over a lock left by a process that has died, or a lock file that is empty or garbled', async () => {
    for (const content of [JSON.stringify({ pid: deadPid(), at: '2026-01-01T00:00:00.000Z' }), '', '{"pid":']) {
      const dataDir = await makeTempDir();
      await writeFile(path.join(dataDir, '.lock'), content);
      const { close } = await openTempStore({ dataDir });
      expect(JSON.parse(await readFile(path.join(dataDir, '.lock'), 'utf8')).pid).toBe(process.pid);
      await close();
      expect(await exists(path.join(dataDir, '.lock'))).toBe(false);
    }
  });

  it('takes over a stale lock that names this process id (a previous run with a recycled pid)', async () => {
    const dataDir = await makeTempDir();
    await writeFile(path.join(dataDir, '.lock'), JSON.stringify({ pid: process.pid, at: '2026-01-01T00:00:00.000Z' }));
    const { services } = await openTempStore({ dataDir });
    expect(await services.reports.list()).toEqual([]);
  });
});
