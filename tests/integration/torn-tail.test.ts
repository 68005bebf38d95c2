import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reviewLogPath } from '../../electron/store/review-repository';
import { office, openTempStore } from '../helpers/temp-store';

describe('a review log whose last line was cut (power loss)', () => {
  it('is cut back to its last complete line at open, the cut bytes kept in quarantine and reported; the next comment and verify work', async () => {
    const first = await openTempStore({ seed: true });
    const { dataDir } = first;
    const comment = await first.dispatcher.dispatch('review:comment', office.supervisor, { id: office.submitted, anchor: { kind: 'document' }, kind: 'note', text: '第一条点评' });
    expect(comment.ok).toBe(true);
    await first.close();

    // Half of a further line, as a power cut while appending leaves it; the index is not marked clean either.
    const log = reviewLogPath(dataDir, office.submitted);
    const whole = await readFile(log, 'utf8');
    const torn = '{"record":{"id":"half-written","docId":"rpt-zhang-submitted","revi';
    await writeFile(log, whole + torn);
    await rm(path.join(dataDir, 'index', 'clean'));

    const second = await openTempStore({ dataDir });
    expect(await readFile(log, 'utf8')).toBe(whole);
    const problems = await second.services.health.problems();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: path.relative(dataDir, log), reason: expect.stringContaining('写入不完整') });
    expect(await readFile(path.join(dataDir, problems[0].movedTo), 'utf8')).toBe(torn);
    const settings = await second.dispatcher.dispatch('store:problems', office.supervisor, {});
    expect(JSON.stringify(settings)).toContain('写入不完整');

    const next = await second.dispatcher.dispatch('review:comment', office.supervisor, { id: office.submitted, anchor: { kind: 'document' }, kind: 'note', text: '第二条点评' });
    expect(next.ok).toBe(true);
    expect(await second.dispatcher.dispatch('review:verify', office.supervisor, { id: office.submitted })).toMatchObject({ ok: true, value: { ok: true, problems: [] } });
  });

  it('found by verify in a folder that was closed cleanly is cut the same way, and verify is clean', async () => {
    const first = await openTempStore({ seed: true });
    await first.close();
    const log = reviewLogPath(first.dataDir, office.submitted);
    const whole = await readFile(log, 'utf8');
    await writeFile(log, `${whole}{"record":`);
    const second = await openTempStore({ dataDir: first.dataDir });
    expect(await second.dispatcher.dispatch('review:verify', office.supervisor, { id: office.submitted })).toMatchObject({ ok: true, value: { ok: true } });
    expect(await readFile(log, 'utf8')).toBe(whole);
    expect(await second.services.health.problems()).toHaveLength(1);
  });
});
