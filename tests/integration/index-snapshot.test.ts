import { copyFile, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportSummary } from '../../electron/core/common/schemas/report';
import { decodeSnapshot, encodeSnapshot } from '../../electron/store/index-snapshot';
import { office, openTempStore } from '../helpers/temp-store';

const snapshotFile = (dataDir: string) => path.join(dataDir, 'index', 'reports.snapshot');

/** A folder whose index was rebuilt (a crash: no clean marker), which writes the compact journal and a snapshot. */
async function storeWithSnapshot() {
  const first = await openTempStore({ seed: true });
  await first.close();
  await rm(path.join(first.dataDir, 'index', 'clean'));
  const second = await openTempStore({ dataDir: first.dataDir });
  await second.close();
  expect((await stat(snapshotFile(first.dataDir))).size).toBeGreaterThan(0);
  return first.dataDir;
}

function paragraph(text: string) {
  return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

describe('the index snapshot', () => {
  it('round-trips summaries, optional fields included, in order', () => {
    const summaries: ReportSummary[] = [
      { id: 'a', templateId: 't', kind: 'guidance-booklet', title: '惠民便利店2026年10月经营指导书', authorId: 'm', authorName: '张伟', region: '城关片区', period: '2026-10', status: 'approved', rev: 4, retailer: '惠民便利店', revision: 1, submittedAt: '2026-11-02T01:00:00.000Z', grade: '优秀', meetingFlag: 'praise', reviewCount: 3, openComments: 0, updatedAt: '2026-11-02T01:00:00.000Z', createdAt: '2026-11-01T01:00:00.000Z' },
      { id: 'b', templateId: 't', kind: 'work-log', title: '', authorId: 'm', authorName: '张伟', region: '', period: '', status: 'draft', rev: 1, revision: 1, reviewCount: 0, openComments: 0, updatedAt: '2026-11-01T01:00:00.000Z', createdAt: '2026-11-01T01:00:00.000Z' },
    ];
    const text = encodeSnapshot(summaries, { file: '1:2', bytes: 99 });
    expect(/^[\x20-\x7e]*$/.test(text)).toBe(true);
    const decoded = decodeSnapshot(text)!;
    expect(decoded.journal).toEqual({ file: '1:2', bytes: 99 });
    expect(decoded.summaries).toEqual(summaries);
    expect(decoded.summaries.map((summary) => JSON.stringify(summary))).toEqual(summaries.map((summary) => JSON.stringify(summary)));
    expect(decodeSnapshot(text.replace('"version":1', '"version":9'))).toBeNull();
    expect(decodeSnapshot(text.slice(0, -10))).toBeNull();
  });

  it('is read at open, with the saves and deletions appended after it', async () => {
    const dataDir = await storeWithSnapshot();
    const first = await openTempStore({ dataDir });
    const before = await first.services.reports.list();
    expect(before).toHaveLength(4);
    const saved = await first.dispatcher.dispatch('reports:save-draft', office.manager, { id: office.draft, baseRev: 1, metadata: {}, sections: { summary: { type: 'richtext', doc: paragraph('快照之后的修改') } } });
    expect(saved.ok).toBe(true);
    expect(await first.dispatcher.dispatch('reports:delete', office.otherManager, { id: office.otherDraft, baseRev: 1 })).toMatchObject({ ok: true });
    const expected = await first.services.reports.list();
    await first.close();

    const again = await openTempStore({ dataDir });
    const list = await again.services.reports.list();
    expect(list.map((summary) => summary.id)).toEqual(expected.map((summary) => summary.id));
    expect(list.find((summary) => summary.id === office.draft)?.rev).toBe(2);
    expect(list.map((summary) => summary.id)).not.toContain(office.otherDraft);
    expect(await again.dispatcher.dispatch('reports:get', office.manager, { id: office.draft })).toMatchObject({ ok: true });
  });

  it('is ignored when damaged or when the journal was replaced, and the journal alone gives the list', async () => {
    const dataDir = await storeWithSnapshot();
    const reference = await openTempStore({ dataDir });
    const expected = (await reference.services.reports.list()).map((summary) => summary.id);
    await reference.close();

    await writeFile(snapshotFile(dataDir), '{"version":1,"count":');
    const damaged = await openTempStore({ dataDir });
    expect((await damaged.services.reports.list()).map((summary) => summary.id)).toEqual(expected);
    await damaged.close();

    // A journal replaced by another file with the same bytes (copied back): the snapshot no longer names it.
    await storeWithSnapshot().then(async (other) => {
      const journal = path.join(other, 'index', 'reports.ndjson');
      await copyFile(journal, `${journal}.copy`);
      await rename(`${journal}.copy`, journal);
      const replaced = await openTempStore({ dataDir: other });
      expect(await replaced.services.reports.list()).toHaveLength(4);
      expect((await readFile(journal, 'utf8')).split('\n').filter(Boolean)).toHaveLength(4);
    });
  });
});
