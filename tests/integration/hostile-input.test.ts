import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import { maxListedIssues } from '../../electron/api/dispatcher';
import { maxRichTextDepth, type RichNode } from '../../electron/core/common/schemas/report';
import { reportFilePath } from '../../electron/store/report-repository';
import { docFigure, recordFigures } from '../helpers/reliability-doc';
import { hashFolder, office, openTempStore } from '../helpers/temp-store';

/** A rich-text document nested `depth` levels deep (blockquote in blockquote …), with one paragraph inside. */
function nested(depth: number): RichNode {
  let node: RichNode = { type: 'paragraph', content: [{ type: 'text', text: '很深' }] };
  for (let level = 3; level < depth; level++) node = { type: 'blockquote', content: [node] };
  return { type: 'doc', content: [node] };
}

const figures: Record<string, unknown> = {};

describe('hostile input is bounded', () => {
  it('a rich-text section nested 884 levels deep is refused with a clear message; 32 levels are fine', async () => {
    const { dispatcher, dataDir, services } = await openTempStore({ seed: true });
    const draft = await services.reports.get(office.draft);
    const before = await hashFolder(dataDir);
    const save = (doc: RichNode, baseRev: number) =>
      dispatcher.dispatch('reports:save-draft', office.manager, { id: office.draft, baseRev, metadata: {}, sections: { summary: { type: 'richtext', doc } } } as never);
    const refused = await save(nested(884), draft!.rev);
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining(`嵌套过深（最多 ${maxRichTextDepth} 层）`) } });
    expect(JSON.stringify(refused).length).toBeLessThan(4000);
    expect(await hashFolder(dataDir)).toEqual(before);
    expect((await save(nested(maxRichTextDepth), draft!.rev)).ok).toBe(true);
    figures['rich text 884 levels deep'] = { answerBytes: JSON.stringify(refused).length };
  });

  it('a document file nested 884 levels deep on disk is quarantined by the background check, which goes on with the rest', async () => {
    const first = await openTempStore({ seed: true });
    const { dataDir } = first;
    const all = (await first.services.reports.list()).length;
    await first.close();
    const file = reportFilePath(dataDir, office.draft);
    const report = JSON.parse(await readFile(file, 'utf8')) as { sections: Record<string, unknown> };
    report.sections['summary'] = { type: 'richtext', doc: nested(884) };
    await writeFile(file, JSON.stringify(report));

    const second = await openTempStore({ dataDir });
    const result = await second.store.checked;
    expect(result).toMatchObject({ quarantined: 1 });
    expect(result.checked + result.unchanged).toBe(all);
    const problems = await second.services.health.problems();
    expect(problems).toEqual([expect.objectContaining({ file: expect.stringContaining(office.draft), reason: expect.stringContaining('嵌套过深') })]);
    expect((await second.services.reports.list()).map((summary) => summary.id)).not.toContain(office.draft);
  });

  it('a quarantined submitted document whose frozen revision and log are intact is rebuilt from them and stays in the inbox', async () => {
    const first = await openTempStore({ seed: true });
    const { dataDir } = first;
    const before = (await first.services.reports.get(office.submitted))!;
    await first.close();
    const file = reportFilePath(dataDir, office.submitted);
    const report = JSON.parse(await readFile(file, 'utf8')) as { sections: Record<string, unknown> };
    report.sections['summary'] = { type: 'richtext', doc: nested(884) };
    await writeFile(file, JSON.stringify(report));

    const second = await openTempStore({ dataDir });
    expect(await second.store.checked).toMatchObject({ quarantined: 1 });
    // The inbox a supervisor sees: the document is back, as its log and frozen revision say.
    await vi.waitFor(
      async () => {
        const inbox = await second.dispatcher.dispatch('review:inbox', office.supervisor, {});
        expect(inbox.ok && (inbox.value as { entries: { summary: { id: string } }[] }).entries.map((entry) => entry.summary.id)).toContain(office.submitted);
      },
      { timeout: 20_000 },
    );
    const rebuilt = (await second.services.reports.get(office.submitted))!;
    expect(rebuilt).toMatchObject({ status: before.status, revision: before.revision, title: before.title, review: before.review });
    expect(rebuilt.sections).toEqual((await second.services.reviews.getRevision(office.submitted, before.revision))!.sections);
    expect((await second.services.health.problems()).map((problem) => problem.file)).toEqual([expect.stringContaining(office.submitted)]);
    expect(await second.dispatcher.dispatch('review:verify', office.supervisor, { id: office.submitted })).toMatchObject({ ok: true, value: { ok: true } });
  });

  it('an input with 1.4 million unknown keys gets an answer of a few kilobytes listing a few of them and the count', async () => {
    const { dispatcher } = await openTempStore({ seed: true });
    const input: Record<string, unknown> = { id: office.draft };
    for (let index = 0; index < 1_400_000; index++) input[`k${index}`] = 1;
    const answer = await dispatcher.dispatch('reports:get', office.manager, input);
    const bytes = Buffer.byteLength(JSON.stringify(answer));
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('等 1400000 个') } });
    expect(bytes).toBeLessThan(4000);
    figures['1.4 million unknown keys'] = { answerBytes: bytes };

    // Many separate problems: at most maxListedIssues are listed, then how many more.
    const rows = Array.from({ length: 5000 }, (_, index) => ({ id: '', cells: { [`c${index}`]: { bad: true } } }));
    const many = await dispatcher.dispatch('reports:save-draft', office.manager, { id: office.draft, baseRev: 1, metadata: {}, sections: { visits: { type: 'table', rows } } } as never);
    expect(many.ok).toBe(false);
    if (!many.ok) {
      expect(many.error.issues!.length).toBe(maxListedIssues + 1);
      expect(many.error.issues![maxListedIssues].message).toMatch(/^另有 \d+ 处问题未列出$/);
      expect(Buffer.byteLength(JSON.stringify(many))).toBeLessThan(16_000);
    }
    await recordFigures('hostile-input', figures);
    expect(docFigure('error answer for 1.4 million unknown keys')).toMatch(/^< 4 KB/);
  });
});
