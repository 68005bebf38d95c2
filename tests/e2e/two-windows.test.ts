import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SectionContent } from '../../electron/core/common/schemas/report';
import { richTextToPlain } from '../../electron/core/common/text/rich-text';
import { startApp, type AppUnderTest } from './harness';

/**
 * Two windows (two browser contexts, as two tabs or a tab and the desktop window would be) on one draft.
 * Window B is taken offline while it edits, so its save is certainly made from an older revision than the one
 * window A stored meanwhile: the concurrent case, without depending on timing.
 */
async function waitState(page: Page, state: string): Promise<void> {
  await page.locator(`[data-testid="save-state"][data-state="${state}"]`).waitFor();
}

function editor(page: Page, title: string) {
  return page.getByLabel(title, { exact: true });
}

async function typeInto(page: Page, title: string, text: string): Promise<void> {
  await editor(page, title).click();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
}

async function storedText(app: AppUnderTest, id: string, sectionId: string): Promise<string> {
  const report = await app.store.services.reports.get(id);
  const content = report?.sections[sectionId] as SectionContent | undefined;
  return content?.type === 'richtext' ? richTextToPlain(content.doc) : '';
}

describe('two windows on one document never lose text', () => {
  let app: AppUnderTest;
  let docId = '';
  let contextA: BrowserContext;
  let contextB: BrowserContext;
  let pageA: Page;
  let pageB: Page;

  beforeAll(async () => {
    app = await startApp();
    ({ context: contextA, page: pageA } = await app.open());
    await pageA.getByLabel('姓名').fill('张伟');
    await pageA.getByLabel('片区').fill('城关片区');
    await pageA.getByRole('button', { name: '开始使用' }).click();
    await pageA.getByRole('heading', { name: '我的文稿' }).waitFor();
    await pageA.getByRole('button', { name: '新建文稿' }).click();
    await pageA.getByTestId('template-card-builtin-work-log').click();
    await pageA.getByRole('dialog').getByLabel('片区', { exact: true }).waitFor();
    await pageA.getByRole('button', { name: '创建并开始撰写' }).click();
    await pageA.getByTestId('completeness-panel').waitFor();
    docId = pageA.url().split('/reports/')[1]!;
    ({ context: contextB, page: pageB } = await app.open());
    await pageB.goto(`${app.transport.url}#/reports/${docId}`);
    await pageB.getByTestId('completeness-panel').waitFor();
  });
  afterAll(async () => {
    await contextA?.close();
    await contextB?.close();
    await app?.close();
  });

  test('edits to different sections from both windows are both kept, and each window shows the other’s', async () => {
    await contextB.setOffline(true);
    await typeInto(pageB, '五、明日计划', '明天走访南街十户零售客户。');
    await pageB.keyboard.press('Control+s');
    await waitState(pageB, 'failed');

    await typeInto(pageA, '三、分析与思考', '细支烟动销加快，库存偏低。');
    await waitState(pageA, 'saved');
    expect(await storedText(app, docId, 'analysis')).toContain('细支烟动销加快');

    await contextB.setOffline(false);
    await pageB.keyboard.press('Control+s');
    await waitState(pageB, 'saved');
    // B's save was merged into A's revision; B now shows A's section too, its own text intact.
    await expect.poll(() => editor(pageB, '三、分析与思考').textContent()).toContain('细支烟动销加快，库存偏低。');
    expect(await editor(pageB, '五、明日计划').textContent()).toContain('明天走访南街十户零售客户。');
    // And A learns of B's save at once from the change feed, without a reload.
    await expect.poll(() => editor(pageA, '五、明日计划').textContent()).toContain('明天走访南街十户零售客户。');

    expect(await storedText(app, docId, 'analysis')).toContain('细支烟动销加快，库存偏低。');
    expect(await storedText(app, docId, 'plan')).toContain('明天走访南街十户零售客户。');
    for (const page of [pageA, pageB]) {
      await page.reload();
      await page.getByTestId('completeness-panel').waitFor();
      expect(await editor(page, '三、分析与思考').textContent()).toContain('细支烟动销加快，库存偏低。');
      expect(await editor(page, '五、明日计划').textContent()).toContain('明天走访南街十户零售客户。');
    }
  });

  test('the same section changed in both windows asks, showing both versions of that part only', async () => {
    await contextB.setOffline(true);
    await typeInto(pageB, '四、问题及需协调事项', '乙窗口：南街断货。');
    await typeInto(pageB, '五、明日计划', '乙窗口补充：下午回访。');
    await pageB.keyboard.press('Control+s');
    await waitState(pageB, 'failed');

    await typeInto(pageA, '四、问题及需协调事项', '甲窗口：北街价格倒挂。');
    await waitState(pageA, 'saved');

    await contextB.setOffline(false);
    await pageB.keyboard.press('Control+s');
    const dialog = pageB.getByRole('dialog');
    await dialog.getByTestId('conflict-parts').waitFor();
    const parts = dialog.getByTestId('conflict-part');
    expect(await parts.count()).toBe(1);
    expect(await parts.first().textContent()).toContain('四、问题及需协调事项');
    expect(await dialog.getByTestId('conflict-mine').textContent()).toContain('乙窗口：南街断货。');
    expect(await dialog.getByTestId('conflict-theirs').textContent()).toContain('甲窗口：北街价格倒挂。');
    expect(await dialog.textContent()).not.toContain('五、明日计划');
    // The time is the office's (Beijing) time of the stored version.
    const stored = await app.store.services.reports.get(docId);
    const beijing = new Date(new Date(stored!.updatedAt).getTime() + 8 * 3600_000).toISOString().slice(11, 19);
    expect(await dialog.textContent()).toContain(beijing);

    await dialog.getByTestId('conflict-keep-mine').click();
    await waitState(pageB, 'saved');
    expect(await storedText(app, docId, 'issues')).toContain('乙窗口：南街断货。');
    expect(await storedText(app, docId, 'issues')).not.toContain('甲窗口');
    // The part that did not overlap was saved with it, and A's earlier sections are untouched.
    expect(await storedText(app, docId, 'plan')).toContain('乙窗口补充：下午回访。');
    expect(await storedText(app, docId, 'analysis')).toContain('细支烟动销加快，库存偏低。');
    // Window A follows: the overlapping section now shows what B kept.
    await expect.poll(() => editor(pageA, '四、问题及需协调事项').textContent()).toContain('乙窗口：南街断货。');
  });
});
