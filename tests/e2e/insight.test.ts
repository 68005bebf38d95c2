/**
 * Insight in Chromium on the sample office: the 统计 dashboard (every manager, counts checked against the store,
 * charts drawn), 雷同检测 (the planted copy — 王强's log of 25 November repeating 李娜's with small edits and
 * reordered sentences — marked 疑似雷同 in the inbox and shown side by side with its passages highlighted),
 * 生成描述 in the editor, the chart under a table, and the chart in a Word export rendered by LibreOffice.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defaultOfficeCalendar } from '../../electron/core/calendar/office-calendar';
import { deadlineFor, defaultOnTimeRule, isOnTime } from '../../electron/core/calendar/on-time';
import { inMonth } from '../../electron/core/insight/dashboard';
import { proposeSentences } from '../../electron/core/insight/sentences';
import type { ReportSummary } from '../../electron/core/common/schemas/report';
import { foldReview } from '../../electron/core/common/review-fold';
import { richTextToPlain } from '../../electron/core/common/text/rich-text';
import { docxToPdf, fontsConfPath, makeTempDir, officeTools, pdfToPng, pdfToText, removeDir, runPython } from '../helpers/office';
import { chooseProfile, openMenu } from './actions';
import { screenshot, screenshotDir, startApp, type AppUnderTest } from './harness';

const month = '2026-11';
const copiedId = 'demo-wl-wangqiang-2026-11-25';
const originalId = 'demo-wl-lina-2026-11-25';

/** Weekdays of a month whose log was due (end of the day, Beijing time) before `now`. */
function dueWeekdays(monthText: string, now: Date): string[] {
  const [year, monthNumber] = monthText.split('-').map(Number);
  const days: string[] = [];
  for (let day = 1; day <= new Date(Date.UTC(year, monthNumber, 0)).getUTCDate(); day++) {
    const date = new Date(Date.UTC(year, monthNumber - 1, day));
    if (date.getUTCDay() === 0 || date.getUTCDay() === 6) continue;
    const deadline = Date.UTC(year, monthNumber - 1, day + 1) - 8 * 3600_000;
    if (now.getTime() >= deadline) days.push(`${monthText}-${String(day).padStart(2, '0')}`);
  }
  return days;
}

async function cellText(page: Page, testId: string): Promise<string> {
  return ((await page.getByTestId(testId).first().textContent()) ?? '').trim();
}

describe('insight: dashboard, copy detection, sentences and charts', () => {
  let app: AppUnderTest;
  let page: Page;

  beforeAll(async () => {
    app = await startApp();
    ({ page } = await app.open());
    await page.getByRole('button', { name: '载入示例数据' }).click();
    await page.getByText('选择你的身份').waitFor();
    await chooseProfile(page, '陈主任');
  });
  afterAll(async () => {
    await app?.close();
  });

  test('统计 shows every manager with the counts the store holds, charts drawn, a click leading to the list', async () => {
    await page.keyboard.press('Alt+6');
    await page.getByTestId('dashboard').waitFor();
    // The month, picked as a user would.
    await page.getByLabel('统计月份').click();
    await page.getByLabel('统计月份').fill(month);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /2026年11月/ }).waitFor();

    const services = app.store.services;
    const managers = (await services.profiles.list()).filter((profile) => profile.role === 'manager');
    expect(managers.length).toBe(4);
    const summaries = (await services.reports.list()).filter((summary) => summary.status !== 'draft' && inMonth(summary.period, month));
    const now = new Date();
    const due = dueWeekdays(month, now);
    for (const manager of managers) {
      const own = summaries.filter((summary) => summary.authorId === manager.id);
      const count = (filter: (summary: ReportSummary) => boolean) => String(own.filter(filter).length);
      const row = page.getByTestId(`dashboard-row-${manager.id}`);
      await row.waitFor();
      expect(await cellText(page, `dash-manager-${manager.id}`)).toBe(manager.name);
      expect(await cellText(page, `dash-documents-${manager.id}`), manager.name).toBe(String(own.length));
      for (const kind of ['market-analysis', 'research', 'guidance-booklet', 'work-log']) {
        expect(await cellText(page, `dash-kind-${kind}-${manager.id}`), `${manager.name} ${kind}`).toBe(count((summary) => summary.kind === kind));
      }
      // On time / late by the first submission in the review log; missing: due weekdays without a submitted log.
      let onTime = 0;
      let late = 0;
      let open = 0;
      for (const summary of own) {
        const state = foldReview(await services.reviews.records(summary.id));
        const first = state.workflow.filter((event) => event.type === 'submit').map((event) => event.at).sort()[0];
        const cadence = (await services.templates.get(summary.templateId))!.cadence;
        const verdict = isOnTime(cadence, summary.period, first, now);
        if (verdict === true) onTime++;
        if (verdict === false) late++;
        open += state.comments.filter((comment) => !comment.retracted && comment.status === 'open').length;
      }
      const logDays = new Set(own.filter((summary) => summary.kind === 'work-log').map((summary) => summary.period));
      const missingLogs = due.filter((day) => !logDays.has(day)).length;
      // November's 市场分析报告 is due on 12-05, moved to the next workday by the office calendar (12-05 is a Saturday).
      const analysisDue = now.getTime() >= deadlineFor('monthly', '2026-11', defaultOnTimeRule, defaultOfficeCalendar())!.getTime();
      const missingAnalysis = analysisDue && !own.some((summary) => summary.kind === 'market-analysis') ? 1 : 0;
      expect(await cellText(page, `dash-onTime-${manager.id}`), `${manager.name} on time`).toBe(String(onTime));
      expect(await cellText(page, `dash-late-${manager.id}`), `${manager.name} late`).toBe(String(late));
      expect(await cellText(page, `dash-missing-${manager.id}`), `${manager.name} missing`).toBe(String(missingLogs + missingAnalysis));
      expect(await cellText(page, `dash-open-${manager.id}`), `${manager.name} open comments`).toBe(String(open));
      for (const grade of ['优秀', '良好', '合格', '需改进']) {
        expect(await cellText(page, `dash-grade-${grade}-${manager.id}`), `${manager.name} ${grade}`).toBe(count((summary) => summary.grade === grade));
      }
      expect(await cellText(page, `dash-praise-${manager.id}`)).toBe(count((summary) => summary.meetingFlag === 'praise'));
      expect(await cellText(page, `dash-critique-${manager.id}`)).toBe(count((summary) => summary.meetingFlag === 'critique'));
      const goodShare = await cellText(page, `dash-goodShare-${manager.id}`);
      expect(goodShare).toMatch(/^(\d+\.\d%|无数据)$/);
    }
    // The planted copy is counted for 王强; the totals add up.
    expect(await cellText(page, 'dash-copyFlagged-demo-wangqiang')).toBe('1');
    expect(await cellText(page, 'dash-documents-total')).toBe(String(summaries.length));
    expect(await page.locator('.rd-dashboard').textContent()).not.toMatch(/NaN|undefined/);

    // Both charts are drawn (ECharts, SVG) with a bar per manager and state.
    for (const chart of ['dashboard-submission-chart', 'dashboard-grade-chart']) {
      await page.locator(`[data-testid="${chart}"] svg`).waitFor();
      await expect.poll(() => page.locator(`[data-testid="${chart}"] svg path`).count()).toBeGreaterThan(10);
      expect(await page.locator(`[data-testid="${chart}"] svg`).textContent()).toContain('王强');
    }
    await page.locator('.ant-message-notice').last().waitFor({ state: 'detached' }).catch(() => undefined);
    await screenshot(page, 'dashboard');

    // An empty month: every manager still listed, rates 无数据.
    await page.getByLabel('统计月份').click();
    await page.getByLabel('统计月份').fill('2027-03');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /2027年3月/ }).waitFor();
    await page.getByTestId('dash-documents-demo-lina').filter({ hasText: '0' }).waitFor();
    expect(await cellText(page, 'dash-onTimeRate-demo-lina')).toBe('无数据');
    expect(await cellText(page, 'dash-goodShare-total')).toBe('无数据');

    // Click-through: 王强 in November leads to his documents of the month.
    await page.getByLabel('统计月份').click();
    await page.getByLabel('统计月份').fill(month);
    await page.keyboard.press('Enter');
    await page.getByTestId('dash-manager-demo-wangqiang').click();
    await page.waitForURL(/\/reports\?/);
    expect(page.url()).toContain('authorId=demo-wangqiang');
    const wang = summaries.filter((summary) => summary.authorId === 'demo-wangqiang');
    await page.getByTestId('report-count').filter({ hasText: `共 ${wang.length} 篇` }).waitFor();
    await page.getByTestId('author-filter').filter({ hasText: '王强' }).waitFor();
  });

  test('the inbox marks the planted copy 疑似雷同; the review pane shows the copied passages side by side', async () => {
    await page.keyboard.press('Alt+2');
    await page.getByRole('heading', { name: '待审阅' }).waitFor();
    const copied = page.locator(`[data-row-key="${copiedId}"]`);
    await copied.waitFor();
    await copied.getByTestId('copy-flag').waitFor();
    expect(await copied.getByTestId('copy-flag').textContent()).toMatch(/^疑似雷同 \d+%$/);
    // 李娜's original was submitted first and is not marked.
    await page.locator(`[data-row-key="${originalId}"]`).waitFor();
    expect(await page.locator(`[data-row-key="${originalId}"]`).getByTestId('copy-flag').count()).toBe(0);
    expect(await page.getByTestId('copy-flag').count()).toBe(1);

    await copied.click();
    await page.getByTestId('copy-check-card').getByTestId('copy-flag').waitFor();
    await page.getByTestId('open-copy-check').click();
    const dialog = page.locator('.rd-copy-dialog');
    await dialog.getByTestId('copy-matches').waitFor();
    const stored = await app.store.services.insight.getCopyCheck(copiedId, 1);
    expect(stored!.score).toBeGreaterThanOrEqual(0.4);
    expect(await dialog.getByTestId('copy-dialog-score').textContent()).toBe(`重复比例 ${Math.round(stored!.score * 100)}%`);
    // Every copied sentence is highlighted in the text, and each source is 李娜's log of the same day.
    const highlights = await dialog.getByTestId('copy-highlight').allTextContents();
    expect(highlights.length).toBe(stored!.matches.length);
    expect(highlights.length).toBeGreaterThanOrEqual(4);
    expect(highlights.some((text) => text.includes('老片区的顾客不是不买烟了'))).toBe(true);
    const sources = await dialog.getByTestId('copy-source').allTextContents();
    for (const source of sources) expect(source).toContain('李娜');
    expect(await dialog.locator('mark.rd-copy-same').count()).toBeGreaterThan(8);
    await screenshot(page, 'copy-check');
    await page.keyboard.press('Escape');
  });

  test('a writer turns a table into sentences and sees its chart; the Word export carries the chart', async () => {
    // 刘洋's draft market analysis of November: 生成描述 on 表1, inserted into 一、总体运行情况.
    // (Leave the supervisor's document first: 刘洋 may not open 王强's log.)
    await page.keyboard.press('Alt+1');
    await page.getByTestId('report-count').waitFor();
    await chooseProfile(page, '刘洋');
    await page.keyboard.press('Alt+1');
    await page.locator('[data-row-key="demo-ma-xiangzhen1-2026-11"]').click();
    await page.getByTestId('generate-sentences-key-indicators').click();
    const draft = (await app.store.services.reports.get('demo-ma-xiangzhen1-2026-11'))!;
    const template = (await app.store.services.templates.get(draft.templateId, draft.templateVersion))!;
    const table = template.sections.find((section) => section.id === 'key-indicators')!.table!;
    const content = draft.sections['key-indicators'];
    const expected = proposeSentences(table, content.type === 'table' ? content.rows : [], { metadata: draft.metadata, period: draft.period });
    expect(expected.length).toBeGreaterThan(0);
    await page.getByTestId('sentence-proposals').waitFor();
    expect(await page.getByTestId('sentence-proposal').allTextContents()).toEqual(expected.map((proposal) => proposal.text));
    expect(await page.getByTestId('sentence-target').textContent()).toContain('一、总体运行情况');
    await screenshot(page, 'sentences');
    await page.locator('#insert-sentences').click();
    await page.getByText(/已插入 \d+ 句/).waitFor();
    const overview = page.getByLabel('一、总体运行情况', { exact: true });
    await overview.filter({ hasText: `${expected[0].text}。` }).waitFor();
    // Saved as ordinary text of the draft.
    await page.getByRole('button', { name: '保存' }).click();
    await expect
      .poll(async () => {
        const saved = (await app.store.services.reports.get('demo-ma-xiangzhen1-2026-11'))!.sections['overview'];
        return saved.type === 'richtext' ? richTextToPlain(saved.doc) : '';
      })
      .toContain(`${expected[0].text}。`);
    // The price-class structure chart under 表2 is drawn from the rows.
    await page.locator('[data-testid="table-chart-price-class"] svg path').first().waitFor();
    expect(await page.locator('[data-testid="table-chart-price-class"] svg').textContent()).toContain('一类');
    await page.getByTestId('table-chart-price-class').scrollIntoViewIfNeeded();
    await screenshot(page, 'table-chart');

    // Word (公文) of 张伟's market analysis from the editor's 导出 menu; LibreOffice renders the chart.
    await page.keyboard.press('Alt+1');
    await page.getByTestId('report-count').waitFor();
    await chooseProfile(page, '陈主任');
    await page.keyboard.press('Alt+1');
    await page.locator('[data-row-key="demo-ma-chengguan-2026-10"]').click();
    await page.getByTestId('document-header').waitFor();
    // The job shows its progress (or, when quick, 「已导出」); a click lost while the menu was closing is made again.
    // The chart is drawn with the system's CJK fonts, slow on a cold, busy machine: the download may take a while.
    const started: Promise<Download> = page.waitForEvent('download', { timeout: 180_000 });
    for (let attempt = 1; ; attempt += 1) {
      // A busy machine can still be drawing the document as the menu opens, and that can close it again.
      const clicked = await openMenu(page, page.getByTestId('editor-export'), page.getByRole('menuitem', { name: /公文/ }))
        .then(() => page.getByRole('menuitem', { name: /公文/ }).click({ timeout: 5_000 }))
        .then(() => true, () => false);
      if (!clicked) {
        if (attempt === 3) throw new Error('the 导出 menu closed before 公文 could be chosen, three times');
        continue;
      }
      const begun = await page
        .locator('[data-testid="export-progress"], [data-testid="export-done"]')
        .first()
        .waitFor({ timeout: 10_000 })
        .then(() => true, () => false);
      if (begun || attempt === 3) break;
    }
    const file = await started;
    const dir = makeTempDir('reportdesk-insight-');
    try {
      await mkdir(dir, { recursive: true });
      const docx = path.join(dir, file.suggestedFilename());
      await file.saveAs(docx);
      const media = runPython<string[]>(
        `
import json, sys, zipfile
print(json.dumps(sorted(n for n in zipfile.ZipFile(sys.argv[1]).namelist() if n.startswith('word/media/'))))
`,
        [docx],
      );
      expect(media).toEqual(['word/media/image1.png', 'word/media/image1.svg', 'word/media/image2.png', 'word/media/image2.svg']);
      if (!officeTools.libreoffice || !officeTools.poppler) throw new Error('LibreOffice and poppler are needed to render the export');
      const pdf = docxToPdf(docx, dir, fontsConfPath);
      expect(pdfToText(pdf)).toContain('分价类销量结构');
      // The page with the pie chart of 表2 (its caption), rendered and kept.
      const pages = pdfToPng(pdf, path.join(dir, 'page'), 80);
      const withChart = pages.find((_, index) => execPageText(pdf, index + 1).includes('分价类销量结构'));
      expect(withChart).toBeDefined();
      copyFileSync(withChart!, path.join(screenshotDir, 'export-chart.png'));
      expect(readFileSync(path.join(screenshotDir, 'export-chart.png')).length).toBeGreaterThan(10_000);
    } finally {
      removeDir(dir);
    }
  }, 300_000);

  test('the template editor keeps the wording rules and the chart of a table editable', async () => {
    await page.keyboard.press('Alt+3');
    await page.getByRole('heading', { name: '模板' }).waitFor();
    await page.getByTestId('template-item').filter({ hasText: '市场分析报告' }).click();
    await page.getByTestId('duplicate-template').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('name-dialog-input').fill('市场分析（措辞规则）');
    await dialog.getByRole('button', { name: '复制为新模板' }).click();
    await page.getByText('已复制为新模板：市场分析（措辞规则）').waitFor();
    await page.getByTestId('edit-template').click();
    const editor = page.getByTestId('template-editor');
    await editor.waitFor();
    await editor.getByRole('tab', { name: /章节/ }).click();
    await editor.getByTestId('section-1-toggle').click();
    const rules = editor.getByTestId('section-1-insight-rules');
    expect((await rules.inputValue()).split('\n')[0]).toBe(
      // The first wording rule of 表1 in the built-in's version 2.
      '表：{{报告期月}}销售卷烟{{销量.本期:0}}箱，同比{{销量.同比:增长/下降}}{{销量.同比:abs}}，环比{{销量.环比:增长/下降}}{{销量.环比:abs}}；本年累计{{销量.本年累计:0}}箱，完成年度计划的{{销量.完成率}}',
    );
    // A rule naming a column the table does not have is pointed out as it is typed.
    await rules.fill('行：{{指标}}本期{{本月}}');
    await editor.getByText(/“本月”|\{\{本月\}\} 既不是本表的列/).first().waitFor();
    await rules.fill('行[指标=销量（箱）]：{{指标}}本期{{本期:0}}，同比{{同比:增长/下降}}{{同比:abs}}');
    await editor.getByTestId('section-1-insight').getByText(/不是本表的列/).waitFor({ state: 'detached' });
    await editor.getByTestId('section-1-insight').scrollIntoViewIfNeeded();
    await screenshot(page, 'template-sentence-rules');
    await page.getByTestId('save-template').click();
    await page.getByText('已保存为 v2').waitFor();
    const saved = (await app.store.services.templates.listLatest()).find((summary) => summary.name === '市场分析（措辞规则）')!;
    const template = (await app.store.services.templates.get(saved.id))!;
    const table = template.sections[1].table!;
    expect(table.sentenceRules).toEqual([{ when: 'row', rowMatch: { column: '指标', equals: '销量（箱）' }, text: '{{指标}}本期{{本期:0}}，同比{{同比:增长/下降}}{{同比:abs}}' }]);
    expect(table.chart).toEqual({ type: 'bar', category: '指标', series: ['同比', '环比'], title: '主要指标同比、环比变化' });
  });
});

/** The text of one PDF page. */
function execPageText(pdf: string, pageNumber: number): string {
  return execFileSync('pdftotext', ['-f', String(pageNumber), '-l', String(pageNumber), '-enc', 'UTF-8', pdf, '-'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
}
