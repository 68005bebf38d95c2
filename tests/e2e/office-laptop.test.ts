/**
 * The office laptop (issue 13): at 1366×768 and 1024×700 the decision panel and the comment list stand beside the
 * text inside the window, the inbox row shows 疑似雷同, a profile switch lands on that person's home, and a
 * supervisor opens, comments, grades and approves a document with the keyboard alone. Screenshots of the inbox,
 * the review, the dashboard and the editor at both sizes go to docs/screenshots.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chooseProfile } from './actions';
import { screenshot, startApp, type AppUnderTest } from './harness';

// The planted copy in the sample office: 王强's log of 25 November repeats 李娜's (submitted, not yet reviewed).
const copiedId = 'demo-wl-wangqiang-2026-11-25';

const sizes = [
  { width: 1366, height: 768 },
  { width: 1024, height: 700 },
] as const;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

async function box(page: Page, selector: string): Promise<Box> {
  const found = await page.locator(selector).first().boundingBox();
  if (!found) throw new Error(`not on screen: ${selector}`);
  return found;
}

/** `inner` starts inside the window (its head readable: at least 40 px of it above the bottom edge) and ends before the right edge. */
function expectInWindow(inner: Box, size: { width: number; height: number }, what: string): void {
  expect(inner.x, `${what}: left edge`).toBeGreaterThanOrEqual(0);
  expect(inner.x + inner.width, `${what}: right edge`).toBeLessThanOrEqual(size.width);
  expect(inner.y, `${what}: top edge`).toBeGreaterThanOrEqual(0);
  expect(inner.y + 40, `${what}: head visible`).toBeLessThanOrEqual(size.height);
}

/** The top of the first comment card in the margin and of the cell it is about (the sample's comment on row 1's 客户名称). */
async function cardAndCell(page: Page): Promise<{ card: number; cell: number; scrollY: number }> {
  return page.evaluate(() => {
    const card = document.querySelector('[data-testid="comment-margin"] .rd-comment-card');
    const cell = document.querySelector('[data-cell^="visits:"][data-cell$=":客户名称"]');
    if (!card || !cell) throw new Error('no comment card or no commented cell');
    return { card: card.getBoundingClientRect().top, cell: cell.getBoundingClientRect().top, scrollY: window.scrollY };
  });
}

/**
 * Comments in the margin, as in Word: the card stands at the height of its cell (within 40 px; pushed below the
 * card before it only when that one is in the way — here it is the first card), and moves with the document.
 */
async function expectCardBesideCell(page: Page, text: Box, tag: string): Promise<void> {
  const start = await cardAndCell(page);
  // Scroll the document so the cell stands in the upper part of the window, where the margin is beside the text:
  // by 下方还有 n 条点评 when the card is below the margin's view (the decision fills the pane's lower part), else by the wheel.
  await page.mouse.move(text.x + 50, text.y + 50);
  const below = page.getByTestId('comments-below');
  if (await below.isVisible()) {
    await below.click();
    await page.waitForFunction((before) => window.scrollY > before, start.scrollY);
  } else if (start.cell > 220) {
    await page.mouse.wheel(0, start.cell - 200);
    await page.waitForFunction((before) => window.scrollY > before, start.scrollY);
  }
  await page.waitForFunction(() => {
    const card = document.querySelector('[data-testid="comment-margin"] .rd-comment-card');
    const cell = document.querySelector('[data-cell^="visits:"][data-cell$=":客户名称"]');
    return !!card && !!cell && Math.abs(card.getBoundingClientRect().top - cell.getBoundingClientRect().top) <= 40;
  });
  const aligned = await cardAndCell(page);
  expect(Math.abs(aligned.card - aligned.cell), 'card beside its cell').toBeLessThanOrEqual(40);
  await page.screenshot({ path: `.tmp/margin-${tag}.png` });
  // The document scrolls on: the card goes with it, still beside its cell (waiting until the scroll has reached it).
  // The wheel over the document's sticky header (over the text it could scroll a table's own rows instead).
  await page.mouse.move(text.x + text.width / 2, 24);
  await page.mouse.wheel(0, 60);
  await page.waitForFunction(
    ({ offset, before }) => {
      const card = document.querySelector('[data-testid="comment-margin"] .rd-comment-card');
      const cell = document.querySelector('[data-cell^="visits:"][data-cell$=":客户名称"]');
      if (!card || !cell || window.scrollY <= before + 10) return false;
      return Math.abs(card.getBoundingClientRect().top - cell.getBoundingClientRect().top - offset) <= 2;
    },
    { offset: aligned.card - aligned.cell, before: aligned.scrollY },
  );
  const moved = await cardAndCell(page);
  expect(moved.cell, 'the document moved').toBeLessThan(aligned.cell - 10);
  expect(Math.abs(moved.card - aligned.card - (moved.cell - aligned.cell)), 'the card moved as far as its cell').toBeLessThanOrEqual(4);
  await page.screenshot({ path: `.tmp/margin-${tag}-scrolled.png` });
  await page.mouse.move(text.x + 50, text.y + 50);
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Press Tab until the focused element matches `selector` (as a keyboard user tabs to a control); fails after `limit` presses. */
async function tabTo(page: Page, selector: string, limit = 250): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if (await page.evaluate((wanted) => !!document.activeElement?.matches(wanted), selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function focusedRowKey(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('data-row-key') ?? null);
}

describe('office laptop: layouts at 1366×768 and 1024×700, signals and the keyboard', () => {
  let app: AppUnderTest;
  let page: Page;

  beforeAll(async () => {
    app = await startApp();
    ({ page } = await app.open());
    await page.getByRole('button', { name: '载入示例数据' }).click();
    await page.getByText('选择你的身份').waitFor();
  });
  afterAll(async () => {
    await app?.close();
  });

  for (const size of sizes) {
    const tag = `${size.width}x${size.height}`;
    test(`at ${tag}: 疑似雷同 in the inbox row; the decision and the comments beside the text; the dashboard and the editor`, async () => {
      await page.setViewportSize(size);
      // A supervisor starts at 待审阅 (also when switching while another person's document is open).
      await chooseProfile(page, '陈主任');
      await page.getByRole('heading', { name: '待审阅' }).waitFor();
      expect(new URL(page.url()).hash).toBe('#/inbox');

      const row = page.locator(`[data-row-key="${copiedId}"]`);
      await row.getByTestId('copy-flag').waitFor();
      const flag = await row.getByTestId('copy-flag').boundingBox();
      const body = await box(page, '.rd-report-table .ant-table-body, .rd-report-table .ant-table-tbody-virtual-holder');
      expect(flag).not.toBeNull();
      // The whole tag is drawn inside the table's visible body (not cut by a column or the window).
      expect(flag!.x).toBeGreaterThanOrEqual(body.x);
      expect(flag!.x + flag!.width).toBeLessThanOrEqual(Math.min(body.x + body.width, size.width));
      expect(await row.getByTestId('copy-flag').textContent()).toMatch(/^疑似雷同 \d+%$/);
      for (const text of ['已提交']) await row.getByText(text, { exact: true }).waitFor();
      await screenshot(page, `office-${tag}-inbox`);

      // Opened from 待审阅: the navigation says so; the review stands beside the text, inside the window.
      await row.click();
      await page.getByTestId('decision-panel').waitFor();
      await page.getByTestId('comment-list').waitFor();
      expect(await page.locator('.ant-menu-item-selected').textContent()).toContain('待审阅');
      const text = await box(page, '[data-testid="document-body"]');
      for (const [selector, what] of [
        ['[data-testid="decision-panel"]', 'decision panel'],
        ['[data-testid="comment-list"]', 'comment list'],
      ] as const) {
        const part = await box(page, selector);
        expectInWindow(part, size, what);
        expect(part.x, `${what} beside the text`).toBeGreaterThanOrEqual(text.x + text.width);
        expect(part.y, `${what} beside the text, not under it`).toBeLessThan(text.y + text.height);
      }
      // The sticky header is one line: it is no taller than its buttons.
      expect((await box(page, '[data-testid="document-header"]')).height).toBeLessThanOrEqual(64);
      // Scrolled far down, the pane is still there.
      await page.mouse.move(text.x + 50, text.y + 50);
      await page.mouse.wheel(0, 2500);
      await page.waitForFunction(() => window.scrollY > 300);
      expectInWindow(await box(page, '[data-testid="decision-panel"]'), size, 'decision panel after scrolling');
      expectInWindow(await box(page, '[data-testid="comment-list"]'), size, 'comment list after scrolling');
      await page.evaluate(() => window.scrollTo(0, 0));
      if (size.width === 1366) {
        // A cell comment: named by row and column, a red corner on the cell, a line from its card to the cell.
        const cell = page.locator('[data-cell^="visits:"][data-cell$=":客户名称"]').first();
        const customer = ((await cell.textContent()) ?? '').trim();
        await cell.click();
        await page.getByRole('dialog').getByText(`一、拜访明细 · ${customer}（第 1 行）／客户名称：${customer}`).waitFor();
        await page.getByLabel('点评内容').fill('请补充该店本次的库存情况。');
        await page.getByRole('button', { name: '保存点评' }).click();
        const card = page.getByTestId('comment-list').locator('.rd-comment-card').filter({ hasText: '请补充该店本次的库存情况。' });
        await card.waitFor();
        const corner = await cell.evaluate((element) => getComputedStyle(element, '::after').borderRightColor);
        expect(corner).toMatch(/rgb\((224, 36, 36|31, 95, 168)\)/);
        await card.click();
        await page.getByTestId('margin-link').waitFor();
      }
      // The comment on row 1's 客户名称 (written just above at 1366×768) stands beside its cell in the margin.
      await expectCardBesideCell(page, text, tag);
      await screenshot(page, `office-${tag}-review`);

      await page.keyboard.press('Alt+6');
      await page.getByTestId('dashboard').waitFor();
      await page.locator('[data-testid="dashboard"] canvas, [data-testid="dashboard"] svg').first().waitFor();
      await screenshot(page, `office-${tag}-dashboard`);

      // Switching profile on an open document goes to the new person's home, with no "not found" on the way.
      await page.goto(`${new URL(page.url()).origin}/#/reports/${copiedId}`);
      await page.getByTestId('decision-panel').waitFor();
      await chooseProfile(page, '张伟');
      await page.getByTestId('report-count').filter({ hasText: /\d/ }).waitFor();
      expect(new URL(page.url()).hash).toBe('#/reports');
      expect(await page.getByText('找不到该文稿').count()).toBe(0);

      // A manager's editor: the completeness panel beside the text, inside the window.
      await page.getByTestId('today-log').click();
      await page.getByTestId('completeness-panel').waitFor();
      const draft = await box(page, '[data-testid="document-body"]');
      const panel = await box(page, '[data-testid="completeness-panel"]');
      expectInWindow(panel, size, 'completeness panel');
      expect(panel.x).toBeGreaterThanOrEqual(draft.x + draft.width);
      expect((await box(page, '[data-testid="document-header"]')).height).toBeLessThanOrEqual(64);
      await screenshot(page, `office-${tag}-editor`);
    });
  }

  test('a supervisor opens, comments, grades and approves with the keyboard alone', async () => {
    await page.setViewportSize(sizes[1]);
    await chooseProfile(page, '陈主任');
    await page.getByRole('heading', { name: '待审阅' }).waitFor();
    const target = page.locator(`[data-row-key="${copiedId}"]`);
    await target.waitFor();

    // Into the list with Tab, down the rows with the arrow keys, open with Enter.
    await tabTo(page, '.rd-report-table .ant-table-row');
    // Each press moves the focus one row down: the next press waits until it has (a busy machine is slow to draw).
    let focused = await focusedRowKey(page);
    for (let presses = 0; presses < 60 && focused !== copiedId; presses++) {
      await page.keyboard.press('ArrowDown');
      await page.waitForFunction((before) => {
        const key = document.activeElement?.getAttribute('data-row-key');
        return !!key && key !== before;
      }, focused);
      focused = await focusedRowKey(page);
    }
    expect(focused).toBe(copiedId);
    await page.keyboard.press('Enter');
    await page.getByTestId('decision-panel').waitFor();

    // A comment on the analysis section: Tab to its 点评 button, Enter, type, Ctrl+Enter.
    await tabTo(page, '[data-testid="comment-section-analysis"]');
    await page.keyboard.press('Enter');
    await page.getByLabel('点评内容').waitFor();
    await page.keyboard.type('分析抓住了到货和需求两头，建议补一句本周的订足率。');
    await page.keyboard.press('Control+Enter');
    const card = page.getByTestId('comment-list').locator('.rd-comment-card').filter({ hasText: '建议补一句本周的订足率' });
    await card.waitFor();

    // The grade: Tab to the select, open it with Enter, arrow to 良好, Enter; then Tab to 通过 and press Enter.
    await tabTo(page, '[data-testid="decision-panel"] input[aria-label="评定等级"]');
    await page.keyboard.press('Enter');
    await page.locator('.ant-select-item-option').first().waitFor();
    for (let presses = 0; presses < 10; presses++) {
      if ((await page.locator('.ant-select-item-option-active').getAttribute('title')) === '良好') break;
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await page.getByTestId('decision-panel').locator('.ant-select', { hasText: '良好' }).waitFor();
    await tabTo(page, '[data-testid="decision-panel"] button.ant-btn-primary');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('通过');
    await page.keyboard.press('Enter');
    await page.getByTestId('document-status').filter({ hasText: '已通过' }).waitFor();

    const stored = (await app.store.services.reports.get(copiedId))!;
    expect(stored.status).toBe('approved');
    expect(stored.review).toMatchObject({ grade: '良好' });
    const records = JSON.stringify(await app.store.services.reviews.records(copiedId));
    expect(records).toContain('分析抓住了到货和需求两头，建议补一句本周的订足率。');
  });

  test('the profile menu opens on Enter; ? shows the shortcut list, also under 设置', async () => {
    await page.setViewportSize(sizes[0]);
    await page.keyboard.press('Alt+2');
    await page.getByRole('heading', { name: '待审阅' }).waitFor();
    await tabTo(page, '[data-testid="current-profile"]');
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: '切换身份' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('menuitem', { name: '切换身份' }).waitFor({ state: 'hidden' });

    await page.locator('body').press('?');
    const dialog = page.getByRole('dialog', { name: '快捷键' });
    await dialog.getByText('显示或收起审阅栏').waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.keyboard.press('Alt+5');
    await page.getByTestId('shortcut-list').getByText('为选中的文字或表格单元格添加点评').waitFor();
  });
});

describe('the grid by keyboard: Enter on 添加一行, Chinese from an IME into a choice cell', () => {
  let app: AppUnderTest;
  let page: Page;
  beforeAll(async () => {
    app = await startApp();
    ({ page } = await app.open());
    await page.getByRole('button', { name: '载入示例数据' }).click();
    await page.getByText('选择你的身份').waitFor();
    await chooseProfile(page, '张伟');
  });
  afterAll(async () => {
    await app?.close();
  });

  test('Enter on 添加一行 adds a row; 实地 composed with an IME lands in the 方式 cell', async () => {
    await page.getByTestId('today-log').click();
    await page.getByTestId('completeness-panel').waitFor();
    const add = page.getByTestId('grid-add-row-visits');
    await add.focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-cell^="visits:"][data-cell$=":方式"]').first().waitFor();
    expect(await page.locator('[data-cell^="visits:"][data-cell$=":方式"]').count()).toBe(1);
    await add.focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-cell^="visits:"][data-cell$=":方式"]').nth(1).waitFor();

    // To the 方式 cell of the first row with the arrow keys, then Chinese through an IME (composition, then commit).
    await page.locator('[data-cell^="visits:"][data-cell$=":序号"]').first().click();
    await page.keyboard.press('Escape');
    for (let presses = 0; presses < 12; presses++) {
      if (((await page.getByTestId('grid-status-visits').textContent()) ?? '').includes('方式')) break;
      await page.keyboard.press('ArrowRight');
    }
    expect(await page.getByTestId('grid-status-visits').textContent()).toContain('方式');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'shi', selectionStart: 3, selectionEnd: 3 });
    await cdp.send('Input.imeSetComposition', { text: '实', selectionStart: 1, selectionEnd: 1 });
    await cdp.send('Input.insertText', { text: '实地' });
    await page.locator('.ant-select-item-option[title="实地"]').waitFor();
    await page.keyboard.press('Enter');
    const cell = page.locator('[data-cell^="visits:"][data-cell$=":方式"]').first();
    await cell.filter({ hasText: '实地' }).waitFor();

    // Text typed without an IME (one character) is not dropped either: it becomes the list's search.
    await page.locator('[data-cell^="visits:"][data-cell$=":方式"]').nth(1).click();
    await page.getByTestId('grid-status-visits').filter({ hasText: '第 2 行' }).waitFor();
    await page.keyboard.insertText('电');
    await page.locator('.ant-select-item-option[title="电话"]').waitFor();
    await page.keyboard.press('Enter');
    await page.locator('[data-cell^="visits:"][data-cell$=":方式"]').nth(1).filter({ hasText: '电话' }).waitFor();

    await page.getByTestId('save-state').and(page.locator('[data-state="saved"]')).waitFor();
    const id = page.url().split('/reports/')[1];
    const stored = (await app.store.services.reports.get(id))!;
    const visits = stored.sections.visits;
    expect(visits.type === 'table' ? visits.rows.map((row) => row.cells['方式']) : []).toEqual(['实地', '电话']);

    // A cell still being typed in when the page is reloaded keeps its text, as rich text does.
    await page.locator('[data-cell^="visits:"][data-cell$=":客户名称"]').nth(1).click();
    await page.keyboard.type('南门便利店');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.reload();
    await page.getByTestId('completeness-panel').waitFor();
    await page.locator('[data-cell^="visits:"][data-cell$=":客户名称"]').nth(1).filter({ hasText: '南门便利店' }).waitFor();
    const reloaded = (await app.store.services.reports.get(id))!.sections.visits;
    expect(reloaded.type === 'table' ? reloaded.rows[1].cells['客户名称'] : null).toBe('南门便利店');
  });
});
