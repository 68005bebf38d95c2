/**
 * Export in Chromium, as 陈主任 on the sample office: every document kind as Word 公文, Word 普通 and Excel
 * from the 导出 page, the 台账 and a meeting pack, and the editor's 导出 menu. Every download is opened by
 * readers independent of the writers (python-docx, openpyxl); the data folder must be byte-for-byte unchanged.
 * A 公文 export with comments and the meeting pack are rendered (LibreOffice → PDF → PNG) into docs/screenshots.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDispatcher, type Dispatcher } from '../../electron/api/dispatcher';
import { anchorText, makeTextAnchor } from '../../electron/core/review/anchors';
import { foldReview } from '../../electron/core/common/review-fold';
import { docxToPdf, fontsConfPath, makeTempDir, pdfToPng, pdfToText, removeDir, runPython } from '../helpers/office';
import { hashFolder } from '../helpers/temp-store';
import { openMenu, unlockIfAsked } from './actions';
import { screenshot, screenshotDir, startApp, type AppUnderTest } from './harness';

const supervisor = 'demo-chen';

/** One approved document of each kind in the sample office. */
const documents = [
  { id: 'demo-ma-chengguan-2026-10', kind: '市场分析报告', title: '城关片区2026年10月卷烟市场分析报告', file: '市场分析报告_城关片区_2026年10月_张伟' },
  { id: 'demo-rs-chengdong-slim', kind: '市场调研报告' },
  { id: 'demo-gb-huimin-2026-10', kind: '经营指导书' },
  { id: 'demo-wl-zhangwei-2026-11-19', kind: '工作日志' },
];

const DOCX = String.raw`
import json, sys
from docx import Document
doc = Document(sys.argv[1])
print(json.dumps({'paragraphs': [p.text for p in doc.paragraphs], 'tables': len(doc.tables)}, ensure_ascii=False))
`;
const XLSX = String.raw`
import json, sys
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1])
print(json.dumps({ws.title: ws.max_row for ws in wb.worksheets}, ensure_ascii=False))
`;

async function call<T>(dispatcher: Dispatcher, channel: string, input: unknown, profileId = supervisor): Promise<T> {
  const result = await dispatcher.dispatch(channel, profileId, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

/** Click and wait for the download it starts; saved under `dir` with the name the app suggested. */
async function download(page: Page, dir: string, click: () => Promise<void>): Promise<{ path: string; name: string }> {
  const started: Promise<Download> = page.waitForEvent('download', { timeout: 60_000 });
  await click();
  const file = await started;
  await mkdir(dir, { recursive: true });
  const target = path.join(dir, file.suggestedFilename());
  await file.saveAs(target);
  return { path: target, name: file.suggestedFilename() };
}

/** Two rendered pages side by side, composed in the browser (no image tools needed), saved as a PNG. */
async function sideBySide(page: Page, images: string[], name: string): Promise<void> {
  const tags = images.map((image) => `<img src="data:image/png;base64,${readFileSync(image).toString('base64')}" style="border:1px solid #bbb;margin:8px;box-shadow:0 1px 4px #999">`);
  await page.setContent(`<body style="margin:0;background:#e8e8e8;display:inline-flex;align-items:flex-start">${tags.join('')}</body>`);
  await page.locator('body').screenshot({ path: path.join(screenshotDir, `${name}.png`) });
}

describe('export from the UI in Chromium', () => {
  let app: AppUnderTest;
  let dispatcher: Dispatcher;
  let page: Page;
  let downloads: string;
  const saved: Record<string, string> = {};

  beforeAll(async () => {
    app = await startApp();
    dispatcher = createDispatcher(app.store.services, { identity: { name: 'ReportDesk', version: 'test' } });
    downloads = makeTempDir('reportdesk-downloads-');
    ({ page } = await app.open());
    await page.getByRole('button', { name: '载入示例数据' }).click();
    await page.getByText('选择你的身份').waitFor();
    await page.getByText('陈主任', { exact: true }).click();
    // The demo supervisor's key was made without a passphrase: the first choice sets one.
    await unlockIfAsked(page, '陈主任');

    // More review on the market analysis, so its 公文 export carries several comments with a thread.
    const { report } = await call<{ report: { sections: Record<string, { type: string; doc: never }> } }>(dispatcher, 'review:revision', {
      id: documents[0].id,
      revision: 1,
    });
    const overview = Object.entries(report.sections).find(([, content]) => content.type === 'richtext')!;
    const { text } = anchorText(overview[1].doc);
    const quote = '单条均价162.53元';
    const start = text.indexOf(quote);
    const comment = await call<{ id: string }>(dispatcher, 'review:comment', {
      id: documents[0].id,
      anchor: makeTextAnchor(overview[0], text, start, start + quote.length),
      kind: 'suggestion',
      text: '请与全市均价对比，说明结构提升的来源。',
    });
    await call(dispatcher, 'review:reply', { id: documents[0].id, commentId: comment.id, text: '已补充与全市对比。' }, 'demo-zhangwei');
    await call(dispatcher, 'review:comment', { id: documents[0].id, anchor: { kind: 'section', sectionId: overview[0] }, kind: 'note', text: '会上请张伟介绍经验。' });
  });
  afterAll(async () => {
    await app?.close();
    if (downloads) removeDir(downloads);
  });

  test('each kind as Word 公文, Word 普通 and Excel, the 台账 and a meeting pack; nothing in the data folder changes', async () => {
    const before = await hashFolder(app.dataDir);
    await page.getByRole('menuitem', { name: '导出' }).click();
    await page.getByRole('heading', { name: '导出' }).waitFor();

    for (const document of documents) {
      // Narrow the picker to the kind, as a user would.
      await page.getByRole('tabpanel', { name: '文稿' }).getByLabel('类型', { exact: true }).click();
      await page.locator(`.ant-select-item-option[title="${document.kind}"]`).click();
      await page.locator(`tr[data-row-key="${document.id}"]`).click();
      await page.getByTestId('export-selected').filter({ hasText: '已选：' }).waitFor();
      const title = (await page.getByTestId('export-selected').textContent())!.replace('已选：', '');
      for (const [button, testId] of [
        ['Word 公文', 'export-official'],
        ['Word 普通', 'export-plain'],
        ['Excel', 'export-excel'],
      ]) {
        const buttonElement = page.getByTestId(testId);
        expect(await buttonElement.textContent()).toBe(button);
        // Word 公文 and Word 普通 suggest the same name: keep each layout in its own folder.
        const file = await download(page, path.join(downloads, testId), () => buttonElement.click());
        await page.getByTestId('export-progress').waitFor({ state: 'hidden' });
        if (button === 'Excel') {
          expect(file.name).toMatch(/\.xlsx$/);
          expect(Object.keys(runPython<Record<string, number>>(XLSX, [file.path]))).toContain('基本信息');
        } else {
          expect(file.name).toMatch(/\.docx$/);
          const docx = runPython<{ paragraphs: string[] }>(DOCX, [file.path]);
          expect(docx.paragraphs[0], `${document.kind} ${button}`).toBe(title);
          expect(docx.paragraphs).toContain('审阅记录');
          saved[`${document.id}:${button}`] = file.path;
        }
      }
    }
    expect(path.basename(saved[`${documents[0].id}:Word 公文`])).toBe(`${documents[0].file}_公文.docx`);
    // The two layouts are different files: GB/T 9704 page numbers against 第 1 页 / 共 N 页.
    expect(readFileSync(saved[`${documents[0].id}:Word 公文`])).not.toEqual(readFileSync(saved[`${documents[0].id}:Word 普通`]));

    // The 台账 for October.
    await page.getByRole('tab', { name: '台账' }).click();
    await page.getByRole('tabpanel', { name: '台账' }).getByLabel('期间', { exact: true }).fill('2026-10');
    const october = await call<{ id: string }[]>(dispatcher, 'reports:list', { period: '2026-10' });
    let octoberComments = 0;
    for (const { id } of october) octoberComments += foldReview(await app.store.services.reviews.records(id)).comments.length;
    await page.getByTestId('register-count').filter({ hasText: `符合条件的文稿：${october.length} 篇` }).waitFor();
    const register = await download(page, downloads, () => page.getByTestId('export-register').click());
    expect(register.name).toBe('文稿台账_2026年10月.xlsx');
    // Header rows; four managers and a 合计 row in 统计.
    expect(runPython<Record<string, number>>(XLSX, [register.path])).toMatchObject({ 台账: october.length + 1, 点评明细: octoberComments + 1, 统计: 6 });

    // The meeting pack: October's documents flagged 会上表扬 / 会上讲评.
    await page.getByRole('tab', { name: '会议材料' }).click();
    await page.getByLabel('会议材料期间').fill('2026-10');
    await page.getByTestId('meeting-selected').filter({ hasText: '已选 4 篇' }).waitFor();
    await page.getByLabel('会议名称').fill('十月工作例会');
    await page.locator('[data-testid="meeting-official"]:not([disabled])').waitFor();
    await page.locator('.ant-message-notice').last().waitFor({ state: 'detached' });
    await screenshot(page, 'export-meeting-pack-ui');
    const pack = await download(page, path.join(downloads, 'meeting-official'), () => page.getByTestId('meeting-official').click());
    expect(pack.name).toMatch(/^十月工作例会_\d{4}年\d{1,2}月\d{1,2}日\.docx$/);
    const packText = runPython<{ paragraphs: string[]; tables: number }>(DOCX, [pack.path]);
    expect(packText.paragraphs.slice(0, 3)).toEqual(['县局（分公司）营销部', '十月工作例会', '会议材料']);
    expect(packText.paragraphs).toContain('目　录');
    expect(packText.paragraphs.filter((text) => /^材料[一二三四]\u3000会上(表扬|讲评)/.test(text))).toHaveLength(4);
    saved.pack = pack.path;
    const plainPack = await download(page, path.join(downloads, 'meeting-plain'), () => page.getByTestId('meeting-plain').click());
    expect(runPython<{ paragraphs: string[] }>(DOCX, [plainPack.path]).paragraphs).toContain('十月工作例会');
    const summary = await download(page, downloads, () => page.getByTestId('meeting-excel').click());
    expect(runPython<Record<string, number>>(XLSX, [summary.path])).toMatchObject({ 材料汇总: 5 });

    expect(await hashFolder(app.dataDir)).toEqual(before);
  });

  test('the progress dialog’s 取消 asks the backend to cancel, and no file is delivered', async () => {
    await page.getByRole('tab', { name: '台账' }).click();
    // Hold the job "running" in the UI until 取消 is pressed, then report it cancelled.
    let cancelled = false;
    const cancelRequests: unknown[] = [];
    await page.route('**/api/export%3Astatus', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ ok: true, value: { jobId: 'held', state: cancelled ? 'cancelled' : 'running', done: 1, total: 4, percent: 25, message: '台账' } }),
      }),
    );
    await page.route('**/api/export%3Acancel', async (route) => {
      cancelRequests.push(route.request().postDataJSON());
      cancelled = true;
      await route.continue();
    });
    let downloaded = false;
    page.once('download', () => (downloaded = true));
    await page.getByTestId('export-register').click();
    await page.getByTestId('export-progress').waitFor();
    await page.getByTestId('export-cancel').click();
    await page.getByText('已取消导出，没有生成文件').waitFor();
    expect(cancelRequests).toEqual([{ jobId: expect.any(String) }]);
    expect(downloaded).toBe(false);
    await page.unroute('**/api/export%3Astatus');
    await page.unroute('**/api/export%3Acancel');
  });

  test('the editor’s 导出 menu downloads the open document', async () => {
    await page.goto(`${app.transport.entryUrl.split('#')[0]}#/reports/${documents[1].id}`);
    await page.getByTestId('document-title').waitFor();
    await openMenu(page, page.getByTestId('editor-export'), page.getByText('Word（普通格式）'));
    const file = await download(page, downloads, () => page.getByText('Word（普通格式）').click());
    expect(runPython<{ paragraphs: string[] }>(DOCX, [file.path]).paragraphs[0]).toBe(await page.getByTestId('document-title').textContent());
  });

  test('设置 → 导出 saves the font names and the on-time rule', async () => {
    await page.getByRole('menuitem', { name: '设置' }).click();
    const card = page.getByTestId('export-settings');
    await card.getByRole('radio', { name: /^Windows 自带字体/ }).check();
    await card.getByLabel('一级标题').fill('微软雅黑');
    await card.getByLabel('月报截止：次月第几日').fill('10');
    await card.getByTestId('save-export-settings').click();
    await page.getByText('设置已保存').waitFor();
    const settings = await app.store.services.settings.get();
    expect(settings.exportFonts).toEqual({ names: 'windows', overrides: { heading1: '微软雅黑' } });
    expect(settings.onTimeRule).toEqual({ dailyGraceDays: 0, monthlyDueDay: 10, utcOffsetMinutes: 480 });
  });

  test('renders the 公文 export with comments and the meeting pack into docs/screenshots', async () => {
    await mkdir(screenshotDir, { recursive: true });
    const renders = path.join(downloads, 'renders');
    const official = docxToPdf(saved[`${documents[0].id}:Word 公文`], renders, fontsConfPath);
    const officialPages = pdfToPng(official, path.join(renders, 'official'), 70);
    // Page 1 with the comment markers, and the page where the 审阅记录 starts, listing every comment
    // (LibreOffice 7.4 shows Word comments in a PDF only as note icons, never their text).
    const appendix = pdfToText(official)
      .split('\f')
      .findIndex((text) => text.includes('审阅记录'));
    expect(appendix).toBeGreaterThan(0);
    await sideBySide(page, [officialPages[0], officialPages[appendix]], 'export-official-comments');
    const pack = docxToPdf(saved.pack, renders, fontsConfPath);
    const packPages = pdfToPng(pack, path.join(renders, 'pack'), 70);
    await sideBySide(page, [packPages[0]], 'meeting-pack-cover');
    // The contents with the summary table, and the first document opening with its 材料一 line.
    // The line above a document is spread across the page (pdftotext then reads a space between its characters).
    const firstDocument = pdfToText(pack)
      .split('\f')
      .findIndex((text) => text.replace(/\s+/g, '').includes('材料一会上表扬优秀'));
    expect(firstDocument).toBeGreaterThan(1);
    await sideBySide(page, [packPages[1], packPages[firstDocument]], 'meeting-pack-page');
  });
});
