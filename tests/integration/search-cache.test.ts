import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashFolder, office, openTempStore } from '../helpers/temp-store';

function paragraph(text: string) {
  return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

const segmentFile = (dataDir: string) => path.join(dataDir, 'index', 'search.bin');

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

async function save(dispatcher: Awaited<ReturnType<typeof openTempStore>>['dispatcher'], baseRev: number, text: string) {
  const result = await dispatcher.dispatch('reports:save-draft', office.manager, {
    id: office.draft,
    baseRev,
    metadata: {},
    sections: { summary: { type: 'richtext', doc: paragraph(text) } },
  });
  expect(result.ok).toBe(true);
}

describe('the search cache', () => {
  it('is built by the first search without writing to the folder, and stored when the store closes', async () => {
    const first = await openTempStore({ seed: true });
    const before = await hashFolder(first.dataDir);
    expect((await first.services.reports.search('拜访')).length).toBeGreaterThanOrEqual(0);
    expect(await hashFolder(first.dataDir)).toEqual(before);
    await first.close();
    expect(await exists(segmentFile(first.dataDir))).toBe(true);
  });

  it('finds text saved in this session, and after a restart finds the new text, not the old', async () => {
    const first = await openTempStore({ seed: true });
    await first.services.reports.search('任意');
    await save(first.dispatcher, 1, '城关片区卷烟陈列整改到位');
    expect((await first.services.reports.search('陈列整改')).map((hit) => hit.id)).toEqual([office.draft]);
    await first.close();

    // A save in a session that never searched: the stored segment is out of date for that document.
    const second = await openTempStore({ dataDir: first.dataDir });
    await save(second.dispatcher, 2, '价格公示牌已更换');
    await second.close();

    const third = await openTempStore({ dataDir: first.dataDir });
    expect((await third.services.reports.search('价格公示')).map((hit) => hit.id)).toEqual([office.draft]);
    expect(await third.services.reports.search('陈列整改')).toEqual([]);
  });

  it('is rebuilt from the documents when the stored segment is damaged', async () => {
    const first = await openTempStore({ seed: true });
    await save(first.dispatcher, 1, '新品细支烟铺货情况');
    await first.services.reports.search('细支');
    await first.close();
    const file = segmentFile(first.dataDir);
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, Math.floor(bytes.length / 2)));

    const again = await openTempStore({ dataDir: first.dataDir });
    expect((await again.services.reports.search('细支烟铺货')).map((hit) => hit.id)).toEqual([office.draft]);
    await writeFile(file, 'garbage');
    await again.close();
    // Closing after a rebuild stores a whole segment again.
    expect((await readFile(file)).length).toBeGreaterThan(100);
  });

  it('drops deleted documents from results', async () => {
    const first = await openTempStore({ seed: true });
    await save(first.dispatcher, 1, '需要删除的草稿内容');
    await first.services.reports.search('草稿');
    await first.close();
    const second = await openTempStore({ dataDir: first.dataDir });
    expect(await second.dispatcher.dispatch('reports:delete', office.manager, { id: office.draft, baseRev: 2 })).toMatchObject({ ok: true });
    expect(await second.services.reports.search('需要删除')).toEqual([]);
  });
});
