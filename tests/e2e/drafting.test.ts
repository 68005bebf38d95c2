import ExcelJS from 'exceljs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { richTextToPlain } from '../../electron/core/common/text/rich-text';
import { expectCell, fillCell, gridCell } from './grid';
import { screenshot, startApp, type AppUnderTest } from './harness';

async function waitSaved(page: Page): Promise<void> {
  await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor();
}

async function newDocument(page: Page, templateId: string, fields: Record<string, string> = {}): Promise<string> {
  await page.getByRole('menuitem', { name: '我的文稿' }).click();
  await page.getByRole('button', { name: '新建文稿' }).click();
  await page.getByTestId(`template-card-${templateId}`).click();
  for (const [label, value] of Object.entries(fields)) {
    const input = page.getByRole('dialog').getByLabel(label, { exact: true });
    if ((await input.getAttribute('role')) === 'combobox') {
      await input.click();
      await page.locator(`.ant-select-item-option[title="${value}"]`).click();
    } else {
      await input.fill(value);
    }
  }
  await page.getByRole('button', { name: '创建并开始撰写' }).click();
  await page.getByTestId('completeness-panel').waitFor();
  return page.url().split('/reports/')[1];
}

const cell = gridCell;

async function pasteInto(page: Page, target: string, text: string): Promise<void> {
  await page.locator(target).click();
  await page.evaluate(
    ({ target, text }) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document.querySelector(target)!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    { target, text },
  );
}

describe('drafting: the four kinds, Chinese typing, tables with live indicators, paste, xlsx import, search', () => {
  let app: AppUnderTest;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  test('a manager drafts every kind, fills tables, reloads and finds it all saved, then finds it by search', async () => {
    const { page } = await app.open();
    await page.getByLabel('姓名').fill('张伟');
    await page.getByLabel('片区').fill('城关片区');
    await page.getByRole('button', { name: '开始使用' }).click();
    await page.getByRole('heading', { name: '我的文稿' }).waitFor();

    // Work log, research report and booklet: created from their templates, Chinese typed through the keyboard.
    const logId = await newDocument(page, 'builtin-work-log');
    await page.getByLabel('三、分析与思考', { exact: true }).click();
    await page.keyboard.type('今天走访城关片区八户零售客户，细支烟动销明显加快。');
    await waitSaved(page);

    const researchId = await newDocument(page, 'builtin-research', { 调研主题: '城关片区细支烟消费' });
    await page.getByLabel('调研背景与目的', { exact: true }).click();
    await page.keyboard.type('为掌握细支烟在城关片区的消费变化，开展本次调研。');
    await waitSaved(page);
    expect(await page.getByTestId('document-title').textContent()).toContain('关于城关片区细支烟消费的调研报告');

    const bookletId = await newDocument(page, 'builtin-guidance-booklet', {
      许可证号: '510102100001',
      店名: '惠民便利店',
      档位: '12档',
      业态: '便利店',
    });
    await page.getByLabel('一、本月经营回顾', { exact: true }).click();
    await page.keyboard.type('本月惠民便利店订购卷烟四十二条，较上月增加五条。');
    await waitSaved(page);

    // Market analysis: the full table work.
    const analysisId = await newDocument(page, 'builtin-market-analysis');
    await page.getByLabel('一、总体运行情况', { exact: true }).click();
    await page.keyboard.type('十月全片区卷烟销量稳中有升，高端烟拉动明显，存销比保持在合理区间。');

    // Type into the price-class grid and watch the indicators compute.
    await fillCell(page, cell(page, 'price-class', '销量', 0), '1286', '1,286.00');
    await fillCell(page, cell(page, 'price-class', '上年同期', 0), '1100', '1,100.00');
    await expectCell(cell(page, 'price-class', '同比', 0), '16.9%');
    await fillCell(page, cell(page, 'price-class', '社会库存', 0), '579', '579.00');
    await expectCell(cell(page, 'price-class', '存销比', 0), '0.45');
    // A zero denominator gives a marked empty cell, never NaN.
    await expectCell(cell(page, 'price-class', '存销比', 1), '—');

    // Paste a block copied from Excel / WPS into rows 2–3.
    const rowTwo = await cell(page, 'price-class', '销量', 1).getAttribute('data-cell');
    await pasteInto(page, `[data-cell="${rowTwo}"]`, '500\t480\r\n300\t310\r\n');
    await page.getByTestId('grid-paste-result').waitFor();
    await expectCell(cell(page, 'price-class', '同比', 1), '4.2%');
    await expectCell(cell(page, 'price-class', '同比', 2), '-3.2%');
    await screenshot(page, 'drafting-grid');

    // Import rows from an .xlsx with the column-mapping step.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('客户档位');
    sheet.addRow(['档位', '户数', '订货户数', '订购量', '订购金额']);
    sheet.addRow(['1-5档', 120, 96, 2400, 360000]);
    sheet.addRow(['6-15档', 210, 150, 3100, 403000]);
    const xlsx = path.join(app.dataDir, '..', `tiers-${Date.now()}.xlsx`);
    await writeFile(xlsx, Buffer.from(await workbook.xlsx.writeBuffer()));
    await page.getByTestId('grid-import-customer-tiers').click();
    await page.getByTestId('grid-import-file').setInputFiles(xlsx);
    await page.getByTestId('grid-import-summary').waitFor();
    await page.getByTestId('grid-import-submit').click();
    await page.getByTestId('grid-import-result').waitFor();
    const tiers = (await page.locator('[data-cell^="customer-tiers:"][data-cell$=":档位"]').allTextContents()).map((text) => text.trim());
    const imported = tiers.indexOf('1-5档');
    expect(imported).toBeGreaterThanOrEqual(0);
    expect(tiers[imported + 1]).toBe('6-15档');
    await expectCell(cell(page, 'customer-tiers', '订货率', imported), '80.0%');
    await waitSaved(page);
    await screenshot(page, 'drafting-editor');
    await page.getByTestId('completeness-panel').scrollIntoViewIfNeeded();
    await screenshot(page, 'drafting-completeness');

    // Reload: everything was saved.
    await page.reload();
    await page.getByTestId('completeness-panel').waitFor();
    await expectCell(cell(page, 'price-class', '同比', 0), '16.9%');
    expect((await page.locator('[data-cell^="customer-tiers:"][data-cell$=":档位"]').allTextContents()).map((text) => text.trim())).toContain('6-15档');
    expect(await page.getByLabel('一、总体运行情况', { exact: true }).textContent()).toContain('高端烟拉动明显');
    const stored = (await app.store.services.reports.get(analysisId))!;
    const priceClass = stored.sections['price-class'];
    expect(priceClass.type === 'table' && priceClass.rows[0].cells).toMatchObject({ 价类: '一类', 销量: 1286, 上年同期: 1100, 社会库存: 579 });
    const overview = stored.sections['overview'];
    expect(overview.type === 'richtext' && richTextToPlain(overview.doc)).toContain('存销比保持在合理区间');
    for (const id of [logId, researchId, bookletId]) expect(await app.store.services.reports.get(id)).not.toBeNull();
    const booklet = (await app.store.services.reports.get(bookletId))!;
    expect(booklet.title).toBe(`惠民便利店${booklet.period.slice(0, 4)}年${Number(booklet.period.slice(5, 7))}月经营指导书`);

    // Search finds the document by a Chinese word from its body.
    await page.getByRole('menuitem', { name: '我的文稿' }).click();
    await page.getByLabel('搜索').fill('拉动');
    await page.getByTestId('search-snippet').first().waitFor();
    const rows = page.locator('.ant-table-row');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('卷烟市场分析报告');
    await page.getByLabel('搜索').fill('细支烟');
    await page.getByTestId('search-snippet').nth(1).waitFor();
    expect(await page.locator('.ant-table-row').count()).toBe(2);
  });
});
