/**
 * Export progress as a person sees it, on an office of 1,500 documents (a 台账 of everything takes a second or
 * two): the dialog's bar and its percentage are the one number the backend job reports, the bar is drawn where
 * the text says, the number only rises, and when the file is there a notification names it with 「打开」. In the
 * browser 「打开」 hands the same file to the browser again (a page cannot open files on the computer), as its
 * text says. (The desktop app's 「打开」, export:open-file, and its refusal over HTTP are in
 * tests/integration/channels.test.ts.)
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seededSupervisorPassphrase, seedOffice } from '../../scripts/seed/seed-office';
import { unlockIfAsked } from './actions';
import { screenshot, seedsDir, startApp, type AppUnderTest } from './harness';

/** One look at the progress dialog: its text, the number it was drawn from, and how full the bar is. */
interface Sample {
  text: string;
  percent: number;
  bar: number;
}

/** Sample the progress dialog every animation frame until it closes (in the page, so no frame is missed). */
function sampleProgress(page: Page): Promise<Sample[]> {
  return page.evaluate(
    () =>
      new Promise<Sample[]>((resolve) => {
        const samples: Sample[] = [];
        let seen = false;
        const look = () => {
          const dialog = document.querySelector<HTMLElement>('[data-testid="export-progress"]');
          const visible = !!dialog && dialog.getClientRects().length > 0;
          if (visible) {
            seen = true;
            const rail = dialog.querySelector<HTMLElement>('.ant-progress-rail');
            const track = dialog.querySelector<HTMLElement>('.ant-progress-track');
            samples.push({
              text: dialog.querySelector('.ant-progress-text, .ant-progress-indicator')?.textContent ?? '',
              percent: Number(dialog.dataset.percent),
              bar: rail && track ? (track.getBoundingClientRect().width / rail.getBoundingClientRect().width) * 100 : -1,
            });
          } else if (seen) {
            resolve(samples);
            return;
          }
          requestAnimationFrame(look);
        };
        requestAnimationFrame(look);
      }),
  );
}

describe('export progress and the finished message (browser mode)', () => {
  let app: AppUnderTest;
  let page: Page;
  let supervisorName: string;

  beforeAll(async () => {
    let name = '';
    app = await startApp({
      prepare: async (dataDir) => {
        const seeded = await seedOffice({ dataDir, count: 1500, seedsDir });
        name = seeded.office.supervisors[0]!.name;
      },
    });
    supervisorName = name;
    ({ page } = await app.open());
    await page.getByText('选择你的身份').waitFor();
    await page.getByText(supervisorName, { exact: true }).click();
    await unlockIfAsked(page, supervisorName, seededSupervisorPassphrase);
  }, 180_000);
  afterAll(async () => {
    await app?.close();
  });

  test('the bar and its percentage are the job’s own number and rise to the end; then 「已导出」 with 「打开」', async () => {
    await page.getByRole('menuitem', { name: '导出' }).click();
    await page.getByRole('tab', { name: '台账' }).click();
    // Everything this supervisor may read: hundreds of documents over five years.
    await page.getByTestId('register-count').filter({ hasText: /符合条件的文稿：\d{3,} 篇/ }).waitFor({ timeout: 30_000 });

    // Every status the backend reported, as the page received it.
    const reported: number[] = [];
    page.on('response', async (response) => {
      if (!response.url().endsWith('/api/export%3Astatus')) return;
      const body = (await response.json().catch(() => null)) as { ok: boolean; value?: { percent: number } } | null;
      if (body?.ok && body.value) reported.push(body.value.percent);
    });
    const sampling = sampleProgress(page);
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByTestId('export-register').click();
    const samples = await sampling;
    const file = await download;

    const shown = samples.map((sample) => sample.percent);
    // What is written is what the bar is drawn from, and the bar is drawn there (no animation lagging behind).
    for (const sample of samples) {
      expect(sample.text, JSON.stringify(sample)).toBe(`${sample.percent}%`);
      expect(Math.abs(sample.bar - sample.percent), JSON.stringify(sample)).toBeLessThan(1.5);
    }
    // Only numbers the job reported; never backwards; rising through several steps to the end.
    for (const percent of new Set(shown)) if (percent !== 0) expect(reported).toContain(percent);
    expect(shown).toEqual([...shown].sort((a, b) => a - b));
    const distinct = [...new Set(shown)];
    expect(distinct.length, `shown: ${distinct.join(', ')}`).toBeGreaterThanOrEqual(3);
    expect(distinct.filter((percent) => percent > 0 && percent < 100).length).toBeGreaterThanOrEqual(2);
    // 100 is shown only once the job said done, and it was shown before the dialog closed.
    expect(reported.at(-1)).toBe(100);
    expect(reported.slice(0, -1).every((percent) => percent < 100)).toBe(true);
    expect(shown.at(-1)).toBe(100);

    // The finished message names the file and says what 「打开」 does in the browser.
    const done = page.getByTestId('export-done');
    await done.waitFor();
    expect(file.suggestedFilename()).toBe('文稿台账.xlsx');
    await expect.poll(() => done.textContent()).toContain(`已导出：${file.suggestedFilename()}`);
    expect(await done.textContent()).toContain('「打开」会把这个文件再下载一次');
    const open = done.getByRole('button', { name: '打开' });
    expect(await open.isVisible()).toBe(true);
    await screenshot(page, 'export-done-message');
    // 「打开」 hands the same file to the browser again.
    const again = page.waitForEvent('download', { timeout: 10_000 });
    await open.click();
    expect((await again).suggestedFilename()).toBe(file.suggestedFilename());
  }, 120_000);
});
