import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { reportSchema, type Report } from '../../electron/core/common/schemas/report';
import { reportFilePath } from '../../electron/store/report-repository';
import { office, openTempStore } from '../helpers/temp-store';

describe('documents remembered between reads', () => {
  it('are read again when their file changes on disk while the store is open', async () => {
    const { services, dataDir } = await openTempStore({ seed: true });
    const first = (await services.reports.get(office.draft))!;
    expect(await services.reports.get(office.draft)).toBe(first);

    // Edited by hand (or a sync tool): same store, no restart.
    const file = reportFilePath(dataDir, office.draft);
    const edited: Report = { ...(JSON.parse(await readFile(file, 'utf8')) as Report), title: '手工修改的标题' };
    await writeFile(file, JSON.stringify(edited, null, 1));
    expect((await services.reports.get(office.draft))?.title).toBe('手工修改的标题');

    // A save bases its revision check on what is on disk now.
    const saved = await services.reports.save({ ...edited, title: '再次保存' }, edited.rev);
    expect(saved.rev).toBe(edited.rev + 1);
    expect(JSON.parse(await readFile(file, 'utf8')).title).toBe('再次保存');
    await expect(services.reports.save({ ...edited, title: '过期的版本' }, edited.rev)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('give what reading the file gives, key order included', async () => {
    const { services, dataDir } = await openTempStore({ seed: true });
    const current = (await services.reports.get(office.submitted))!;
    await services.reports.saveReview(office.submitted, { ...current.review!, openComments: 3 });
    const remembered = (await services.reports.get(office.submitted))!;
    const reread = reportSchema.parse(JSON.parse(await readFile(reportFilePath(dataDir, office.submitted), 'utf8')));
    expect(remembered).toEqual(reread);
    expect(Object.keys(remembered)).toEqual(Object.keys(reread));
    expect(Object.keys(remembered.review ?? {})).toEqual(Object.keys(reread.review ?? {}));
  });
});
