/**
 * Bad input on an ordinary day (issue 13, "Bad input"): 5,000 rows pasted into a data table, 2 MB of text pasted
 * into a section, the window narrowed to 800 px, twenty tabs on one document. Each time the next act still works
 * (asserted on what the person sees), nothing is lost (the stored document is read again from the data folder),
 * and a refusal is shown next to what caused it.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SectionContent } from '../../electron/core/common/schemas/report';
import { richTextToPlain } from '../../electron/core/common/text/rich-text';
import { fillCell, gridCell } from './grid';
import { startApp, type AppUnderTest } from './harness';

async function waitSaved(page: Page, timeout = 30_000): Promise<void> {
  await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor({ timeout });
}

/** Paste `text` into the element at `selector` as the browser does for Ctrl+V (a ClipboardEvent with text/plain). */
async function pasteInto(page: Page, selector: string, text: string): Promise<void> {
  await page.evaluate(
    ({ selector, text }) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      const target = document.querySelector(selector) as HTMLElement;
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    { selector, text },
  );
}

async function stored(app: AppUnderTest, id: string, sectionId: string): Promise<SectionContent | undefined> {
  const report = await app.store.services.reports.get(id);
  return report?.sections[sectionId] as SectionContent | undefined;
}

async function storedText(app: AppUnderTest, id: string, sectionId: string): Promise<string> {
  const content = await stored(app, id, sectionId);
  return content?.type === 'richtext' ? richTextToPlain(content.doc) : '';
}

let analyses = 0;

/**
 * A new market analysis (rich text and data tables) made through the UI; returns its id. From the second one on,
 * the dialog says a draft of this month exists: 仍然新建.
 */
async function newAnalysis(page: Page): Promise<string> {
  await page.getByRole('menuitem', { name: '我的文稿' }).click();
  await page.getByRole('button', { name: '新建文稿' }).click();
  await page.getByTestId('template-card-builtin-market-analysis').click();
  await page.getByRole('button', { name: analyses > 0 ? '仍然新建' : '创建并开始撰写' }).click();
  analyses += 1;
  await page.getByTestId('completeness-panel').waitFor();
  return page.url().split('/reports/')[1]!;
}

describe('bad input: huge pastes, a narrow window, twenty tabs', () => {
  let app: AppUnderTest;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    app = await startApp();
    ({ context, page } = await app.open());
    await page.getByLabel('姓名').fill('张伟');
    await page.getByLabel('片区').fill('城关片区');
    await page.getByRole('button', { name: '开始使用' }).click();
    await page.getByRole('heading', { name: '我的文稿' }).waitFor();
  });
  afterAll(async () => {
    await app?.close();
  });

  test('5,000 rows pasted into a data table are all kept; more than the table holds is refused beside the table', async () => {
    const id = await newAnalysis(page);
    const first = await gridCell(page, 'price-class', '销量', 0).getAttribute('data-cell');
    const lines = Array.from({ length: 5000 }, (_, index) => `${1000 + index}\t${900 + index}`);
    const started = Date.now();
    await page.locator(`[data-cell="${first}"]`).click();
    await pasteInto(page, `[data-cell="${first}"]`, `${lines.join('\r\n')}\r\n`);
    await page.getByTestId('grid-paste-result').filter({ hasText: '已粘贴 10000 个单元格' }).waitFor({ timeout: 60_000 });
    await waitSaved(page, 60_000);
    const pasteSeconds = (Date.now() - started) / 1000;

    // Still responsive: the next act (typing into the first cell) works and is saved.
    await fillCell(page, gridCell(page, 'price-class', '销量', 0), '4321', '4,321.00');
    await waitSaved(page);
    const table = await stored(app, id, 'price-class');
    expect(table?.type).toBe('table');
    const rows = table?.type === 'table' ? table.rows : [];
    expect(rows).toHaveLength(5000);
    expect(rows[0]!.cells).toMatchObject({ 销量: 4321, 上年同期: 900 });
    expect(rows[4999]!.cells).toMatchObject({ 销量: 5999, 上年同期: 5899 });
    expect(pasteSeconds, 'paste of 5,000 rows, saved').toBeLessThan(30);

    // Ten more rows below the last one: the table holds 5,000 — refused beside the table, nothing changed.
    // The person scrolls the table to its end: row 5000 is drawn.
    await page.getByTestId('grid-price-class').evaluate((table) => (table.parentElement!.scrollTop = table.parentElement!.scrollHeight));
    await page.locator('th.rd-grid-rownum', { hasText: /^5000$/ }).waitFor();
    const last = await page.locator('[data-cell^="price-class:"][data-cell$=":销量"][data-row]').last().getAttribute('data-cell');
    await page.locator(`[data-cell="${last}"]`).scrollIntoViewIfNeeded();
    await page.locator(`[data-cell="${last}"]`).click();
    await pasteInto(page, `[data-cell="${last}"]`, Array.from({ length: 11 }, () => '1\t2').join('\r\n'));
    const refusal = page.getByTestId('grid-refusal-price-class');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('5000');
    // Beside the table: inside the table's own section.
    expect(await page.locator('#section-price-class').getByTestId('grid-refusal-price-class').count()).toBe(1);
    await waitSaved(page);
    const after = await stored(app, id, 'price-class');
    expect(after?.type === 'table' ? after.rows.length : 0).toBe(5000);
  }, 180_000);

  test('2 MB pasted into a section is refused beside the section; the text already there stays, and typing goes on', async () => {
    const id = await newAnalysis(page);
    const section = page.getByLabel('一、总体运行情况', { exact: true });
    await section.click();
    await page.keyboard.type('十月全片区卷烟销量稳中有升。');
    await waitSaved(page);
    // 2 MB of ordinary text: lines of a paragraph each.
    const line = '本月走访零售客户，细支烟动销加快，库存结构持续优化，高端烟拉动明显，'.repeat(4);
    const huge = Array.from({ length: Math.ceil((2 * 1024 * 1024) / line.length) }, () => line).join('\n');
    expect(huge.length).toBeGreaterThanOrEqual(2 * 1024 * 1024);
    await pasteInto(page, '[aria-label="一、总体运行情况"]', huge);
    const refusal = page.getByTestId('section-refusal-overview');
    await refusal.waitFor({ timeout: 20_000 });
    expect(await refusal.textContent()).toMatch(/过长|上限/);
    // Next to the section it concerns.
    expect(await page.locator('#section-overview').getByTestId('section-refusal-overview').count()).toBe(1);
    // Still responsive: typing goes on and is saved, the earlier text kept.
    await section.click();
    await page.keyboard.press('End');
    await page.keyboard.type('存销比保持在合理区间。');
    await waitSaved(page);
    const text = await storedText(app, id, 'overview');
    expect(text).toContain('十月全片区卷烟销量稳中有升。');
    expect(text).toContain('存销比保持在合理区间。');
    expect(text.length).toBeLessThan(1000);
  }, 120_000);

  test('at 800 px wide the editor still shows the text and its checks, and the next act works', async () => {
    const id = await newAnalysis(page);
    await page.setViewportSize({ width: 800, height: 700 });
    const section = page.getByLabel('一、总体运行情况', { exact: true });
    await section.click();
    await page.keyboard.type('窄窗口下也能撰写。');
    await waitSaved(page);
    // Nothing is wider than the window (no sideways scrolling of the page itself).
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // The text box is usable: at least 300 px wide and inside the window.
    const box = (await section.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(300);
    expect(box.x + box.width).toBeLessThanOrEqual(800);
    // The completeness checks are reachable.
    await page.getByTestId('completeness-panel').scrollIntoViewIfNeeded();
    expect(await page.getByTestId('completeness-panel').isVisible()).toBe(true);
    expect(await storedText(app, id, 'overview')).toContain('窄窗口下也能撰写。');
    await page.setViewportSize({ width: 1366, height: 820 });
  }, 60_000);

  test('twenty tabs on one document all open it, and edits from two of them are both kept', async () => {
    const id = await newAnalysis(page);
    // A browser holds at most six connections to one server: the tabs share one change stream, not one each.
    let streams = 0;
    const countStreams = (request: { url(): string }) => {
      if (new URL(request.url()).pathname === '/events') streams += 1;
    };
    context.on('request', countStreams);
    const tabs: Page[] = [];
    for (let index = 0; index < 20; index += 1) {
      const tab = await context.newPage();
      await tab.goto(`${app.transport.url}#/reports/${id}`);
      tabs.push(tab);
    }
    // Every tab shows the document (none waits forever for a connection).
    for (const [index, tab] of tabs.entries()) {
      await tab.getByTestId('completeness-panel').waitFor({ timeout: 20_000 }).catch((error: Error) => {
        throw new Error(`tab ${index + 1} did not open the document: ${error.message}`);
      });
    }
    const last = tabs[19]!;
    await last.getByLabel('一、总体运行情况', { exact: true }).click();
    await last.keyboard.type('第二十个标签页写的总体情况。');
    await waitSaved(last);
    const firstTab = tabs[0]!;
    await firstTab.bringToFront();
    await firstTab.getByLabel(/^[一二三四五六七八九十]+、销售结构分析$/).click();
    await firstTab.keyboard.type('第一个标签页写的分价类分析。');
    await waitSaved(firstTab);
    expect(await storedText(app, id, 'overview')).toContain('第二十个标签页写的总体情况。');
    const report = await app.store.services.reports.get(id);
    const texts = Object.values(report!.sections).map((content) => (content.type === 'richtext' ? richTextToPlain(content.doc) : ''));
    expect(texts.join('\n')).toContain('第一个标签页写的分价类分析。');
    // The first tab learnt of the other tab's text without a reload.
    await firstTab.getByLabel('一、总体运行情况', { exact: true }).filter({ hasText: '第二十个标签页写的总体情况。' }).waitFor({ timeout: 15_000 });
    context.off('request', countStreams);
    expect(streams, 'change streams opened by the twenty-one tabs').toBeLessThanOrEqual(2);
    for (const tab of tabs) await tab.close();
  }, 400_000);
});
