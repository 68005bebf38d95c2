import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { firstRun } from './actions';
import { screenshot, startApp, type AppUnderTest } from './harness';

const packages = path.resolve(__dirname, '..', 'fixtures', 'packages');
const englishMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Open the date picker of 待审阅 → 未提交 and read what a person sees: the month and year buttons and the weekday heads. */
async function readDatePicker(page: Page, tab: string, label: string): Promise<{ month: string; year: string; weekdays: string[] }> {
  await page.getByRole('tab', { name: tab }).click();
  await page.getByLabel(label).click();
  const panel = page.locator('.ant-picker-dropdown:visible .ant-picker-date-panel');
  await panel.waitFor();
  const seen = {
    month: (await panel.locator('.ant-picker-month-btn').textContent())!.trim(),
    year: (await panel.locator('.ant-picker-year-btn').textContent())!.trim(),
    weekdays: (await panel.locator('thead th').allTextContents()).map((text) => text.trim()),
  };
  await screenshot(page, `date-picker-${label === 'Date' ? 'en' : 'zh-CN'}`);
  await page.keyboard.press('Escape');
  await panel.waitFor({ state: 'hidden' });
  return seen;
}

/** 设置 → 界面语言 (or Settings → Language). */
async function switchLanguage(page: Page, to: 'English' | '简体中文'): Promise<void> {
  const english = to === '简体中文';
  await page.getByRole('menuitem', { name: english ? 'Settings' : '设置' }).click();
  await page.getByRole('heading', { name: english ? 'Settings' : '设置' }).waitFor();
  await page.getByLabel(english ? 'Language' : '界面语言').click();
  await page.getByText(to, { exact: true }).click();
  await page.getByRole('heading', { name: english ? '设置' : 'Settings' }).waitFor();
}

describe('the UI in English and in zh-CN: refusals from the core and date pickers', () => {
  let app: AppUnderTest;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  test('zh-CN date pickers show Chinese months and weeks from Monday; in English, English months, and a refused package says why in English', async () => {
    const { page, context } = await app.open();
    await firstRun(page, '陈主任', 'supervisor', '营销部');
    await page.getByRole('heading', { name: '待审阅' }).waitFor();

    // zh-CN (the default): 12月 / 2026年, 一 … 日.
    const zh = await readDatePicker(page, '未提交', '日期');
    expect(zh.month).toMatch(/^(1[0-2]|[1-9])月$/);
    expect(zh.year).toMatch(/^\d{4}年$/);
    expect(zh.weekdays).toEqual(['一', '二', '三', '四', '五', '六', '日']);

    await switchLanguage(page, 'English');
    await page.getByRole('menuitem', { name: 'To review' }).click();
    const en = await readDatePicker(page, 'Not submitted', 'Date');
    expect(englishMonths).toContain(en.month);
    expect(en.year).toMatch(/^\d{4}$/);
    expect(en.weekdays).toEqual(['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su']);

    // A package in which a manager approves his own document (properly signed): refused by the core, by key.
    await page.getByRole('menuitem', { name: 'Export' }).click();
    await page.getByTestId('open-exchange').click();
    await page.getByTestId('exchange-import').locator('input[type="file"]').setInputFiles(path.join(packages, 'record-manager-decides.rdpkg'));
    const refused = page.getByTestId('exchange-refused');
    await refused.waitFor();
    const text = (await refused.textContent())!;
    expect(text).toContain('Cannot import record-manager-decides.rdpkg');
    // The words a parameter chooses (the record type, the rule) are English too.
    expect(text).toMatch(/Record \S+: “[^”]+” may not decide on the review \(only a supervisor may decide on the review\)/);
    expect(text).not.toContain('无权');
    expect(text).not.toContain('只有主管可以');

    // A zip with no manifest: the whole sentence is the catalogue's English.
    await page.getByTestId('exchange-import').locator('input[type="file"]').setInputFiles(path.join(packages, 'no-manifest.rdpkg'));
    await refused.filter({ hasText: 'no-manifest.rdpkg' }).waitFor();
    expect(await refused.textContent()).toContain('This is not a ReportDesk exchange package: the manifest file manifest.json is missing');
    expect(await refused.textContent()).not.toMatch(/[\u4e00-\u9fff]/);
    await screenshot(page, 'english-refused-package');

    // Back in zh-CN the same refusal reads in Chinese.
    await switchLanguage(page, '简体中文');
    await page.getByRole('menuitem', { name: /导出/ }).click();
    await page.getByTestId('open-exchange').click();
    await page.getByTestId('exchange-import').locator('input[type="file"]').setInputFiles(path.join(packages, 'no-manifest.rdpkg'));
    await refused.filter({ hasText: '这不是报告台交换包：缺少清单文件 manifest.json' }).waitFor();
    expect((await app.store.services.settings.get()).language).toBe('zh-CN');
    await context.close();
  });
});
