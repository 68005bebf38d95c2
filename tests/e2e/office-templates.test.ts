import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDispatcher } from '../../electron/api/dispatcher';
import type { Template } from '../../electron/core/common/schemas/template';
import { templateToFile } from '../../electron/core/templates/template-file';
import { hashFolder } from '../helpers/temp-store';
import { firstRun, openExchange, sampleAnalysis } from './actions';
import { fillCell, gridCell } from './grid';
import { launchChromium, screenshot, startApp, type AppUnderTest } from './harness';

/**
 * Issue 17's walk across two data folders: the supervisor copies the built-in 工作日志 into an office template and
 * publishes it, a manager on another machine receives it, writes and submits a log with it, and the supervisor
 * imports the submission (this used to be refused: the import re-stamped and renumbered the template). A second
 * version published later moves the manager's existing draft, text kept.
 */
const officeName = '城关工作日志（营销部版）';

function templateItem(page: Page, name: string) {
  return page.getByTestId('template-item').filter({ has: page.getByText(name, { exact: true }) });
}

let downloads = 0;
async function download(page: Page, testId: string, folder: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const target = path.join(folder, `${++downloads}-${file.suggestedFilename()}`);
  await file.saveAs(target);
  await page.getByTestId('exchange-exported').waitFor();
  return target;
}

async function pickAndApply(page: Page, file: string, trust: boolean): Promise<string> {
  await page.getByTestId('exchange-import').locator('input[type="file"]').setInputFiles(file);
  await page.getByTestId('exchange-preview').waitFor();
  if (trust) await page.getByTestId('exchange-trust').click();
  await page.getByTestId('exchange-apply').click();
  const result = page.getByTestId('exchange-applied');
  await result.waitFor();
  return result.innerText();
}

/** 新建文稿 from the office template; lands in the editor. */
async function newFromOfficeTemplate(page: Page, templateId: string): Promise<void> {
  await page.getByRole('menuitem', { name: /我的文稿/ }).click();
  await page.getByRole('button', { name: '新建文稿' }).click();
  await page.getByTestId(`template-card-${templateId}`).click();
}

/** The log's required parts, typed as a manager would, until it is complete and saved. */
async function writeLog(page: Page, analysis: string): Promise<void> {
  await page.getByTestId('completeness-panel').waitFor();
  await page.getByLabel('计划拜访户数').fill('10');
  await page.getByLabel('实际拜访户数').fill('8');
  await page.getByTestId('grid-add-row-visits').click();
  await fillCell(page, gridCell(page, 'visits', '序号', 0), '1', '1');
  await fillCell(page, gridCell(page, 'visits', '许可证号', 0), '510102100001', '510102100001');
  await fillCell(page, gridCell(page, 'visits', '客户名称', 0), '东街便利店', '东街便利店');
  await page.getByLabel('三、分析与思考', { exact: true }).click();
  await page.keyboard.type(analysis);
  await page.getByLabel('五、明日计划', { exact: true }).click();
  await page.keyboard.type('回访东街两户便利店，核实中档烟到货情况。');
  await page.getByText('可以提交：没有缺项').waitFor();
  await page.getByTestId('save-state').and(page.locator('[data-state="saved"]')).waitFor();
}

describe('office templates across two machines', () => {
  let browser: Browser;
  let laptop: AppUnderTest;
  let office: AppUnderTest;
  let writer: Page;
  let reviewer: Page;
  let folder: string;
  let templateId = '';
  let submittedId = '';
  let draftId = '';

  beforeAll(async () => {
    browser = await launchChromium();
    laptop = await startApp({ browser });
    office = await startApp({ browser });
    folder = await mkdtemp(path.join(os.tmpdir(), 'reportdesk-office-templates-'));
    writer = (await laptop.open()).page;
    reviewer = (await office.open()).page;
  });
  afterAll(async () => {
    await laptop?.close();
    await office?.close();
    await browser?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  test('the supervisor publishes an office template; the manager receives it and cannot change it', async () => {
    await firstRun(writer, '张伟', 'manager', '城关片区');
    await firstRun(reviewer, '陈主任', 'supervisor', '营销部');

    await reviewer.getByRole('menuitem', { name: '模板' }).click();
    await templateItem(reviewer, '客户经理工作日志').click();
    await reviewer.getByTestId('duplicate-template').click();
    const dialog = reviewer.getByRole('dialog');
    await dialog.getByTestId('name-dialog-input').fill(officeName);
    await dialog.getByRole('button', { name: '复制为新模板' }).click();
    await templateItem(reviewer, officeName).getByText('发布人 陈主任').waitFor();
    const published = (await office.store.services.templates.listLatest()).find((summary) => summary.name === officeName)!;
    templateId = published.id;
    expect(published).toMatchObject({ version: 1, builtIn: false, publisher: { name: '陈主任' } });

    // No documents yet: the review package carries the office's templates, for every manager.
    await openExchange(reviewer);
    const templatesOnly = await download(reviewer, 'export-reviews', folder);
    expect(path.basename(templatesOnly)).toContain('致全体客户经理');

    // The manager receives it from 我的文稿 (收取), after comparing the supervisor's fingerprint.
    await writer.getByRole('menuitem', { name: /我的文稿/ }).click();
    await writer.getByTestId('receive-package').click();
    await writer.getByRole('heading', { name: '交换包：发送与接收' }).waitFor();
    await writer.getByTestId('exchange-import').locator('input[type="file"]').setInputFiles(templatesOnly);
    await writer.getByTestId('exchange-preview').getByText(`${officeName} v1（新）`).waitFor();
    await writer.getByTestId('exchange-trust').click();
    await writer.getByTestId('exchange-apply').click();
    await writer.getByTestId('exchange-applied').waitFor();
    const arrived = await laptop.store.services.templates.get(templateId, 1);
    // The same version on both machines: id, number, publisher, author and time unchanged.
    expect(arrived).toEqual(await office.store.services.templates.get(templateId, 1));

    // On the manager's 模板 page it is read-only; a direct call to change it is refused and nothing changes.
    await writer.getByRole('menuitem', { name: '模板' }).click();
    await writer.getByTestId('templates-manager-hint').waitFor();
    await templateItem(writer, officeName).click();
    expect(await writer.getByTestId('edit-template').isDisabled()).toBe(true);
    expect(await writer.getByTestId('duplicate-template').count()).toBe(0);
    expect(await writer.getByTestId('import-template').count()).toBe(0);
    const dispatcher = createDispatcher(laptop.store.services, { identity: { name: 'ReportDesk', version: 'test' } });
    const managerId = (await laptop.store.services.profiles.list())[0].id;
    const before = await hashFolder(laptop.dataDir);
    const weakened = arrived!.sections.map((section) => ({ ...section, required: false, minLength: undefined }));
    const refused = await dispatcher.dispatch('templates:save', managerId, { template: { ...arrived!, sections: weakened }, baseVersion: 1 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', message: '只有主管可以执行此操作' } });
    expect(await hashFolder(laptop.dataDir)).toEqual(before);
  });

  test('the manager writes and submits with it; the supervisor imports the submission and opens it from the list', async () => {
    await newFromOfficeTemplate(writer, templateId);
    await writer.getByRole('button', { name: '创建并开始撰写' }).click();
    await writeLog(writer, sampleAnalysis);
    // A value outside a choice column's options is refused out loud, and nothing is entered.
    await gridCell(writer, 'visits', '方式', 0).click();
    await writer.locator('.rd-grid-select input').first().waitFor();
    await writer.keyboard.type('上门');
    await writer.getByTestId('grid-choice-refused').filter({ hasText: '“上门”不在“方式”的选项中，未填入（可选：实地、电话）' }).waitFor();
    await writer.keyboard.press('Escape');
    await writer.getByTestId('grid-choice-refused').waitFor({ state: 'detached' });
    await writer.getByTestId('save-state').and(writer.locator('[data-state="saved"]')).waitFor();
    await writer.getByRole('button', { name: '提交' }).click();
    await writer.getByTestId('document-status').filter({ hasText: '已提交' }).waitFor();
    submittedId = writer.url().split('/reports/')[1];
    const submitted = (await laptop.store.services.reports.get(submittedId))!;
    expect(submitted).toMatchObject({ templateId, templateVersion: 1 });
    expect(JSON.stringify(submitted.sections['visits'])).not.toContain('上门');

    await openExchange(writer);
    const submissions = await download(writer, 'export-submissions', folder);

    // 收取 from 待审阅 this time.
    await reviewer.getByRole('menuitem', { name: /待审阅/ }).click();
    await reviewer.getByTestId('receive-package').click();
    expect(await pickAndApply(reviewer, submissions, true)).toContain('已导入：新文稿 1 篇');
    const links = reviewer.getByTestId('imported-documents');
    const title = (await office.store.services.reports.get(submittedId))!.title;
    await links.getByRole('link', { name: title }).click();
    await reviewer.getByTestId('document-status').filter({ hasText: '已提交' }).waitFor();
    expect(reviewer.url()).toContain(`/reports/${submittedId}`);
    await reviewer.getByText('今天走访的八户中').first().waitFor();
  });

  test('a second version published later moves an existing draft, its text kept', async () => {
    // A draft made from v1 (a different day's log; the submitted one is not a draft, so no warning).
    await newFromOfficeTemplate(writer, templateId);
    await writer.getByRole('dialog').getByLabel('报告期').fill('2026-11-04');
    await writer.getByRole('dialog').getByLabel('报告期').press('Enter');
    await writer.getByRole('button', { name: '创建并开始撰写' }).click();
    await writer.getByTestId('completeness-panel').waitFor();
    draftId = writer.url().split('/reports/')[1];
    await writer.getByLabel('三、分析与思考', { exact: true }).click();
    await writer.keyboard.type('东街两户便利店中档烟断货三天，已与配送中心协调。');
    await writer.getByLabel('五、明日计划', { exact: true }).click();
    await writer.keyboard.type('核实配送到货时间。');
    await writer.getByTestId('save-state').and(writer.locator('[data-state="saved"]')).waitFor();

    // A second draft for the same template and day is warned about, and the existing one offered.
    await newFromOfficeTemplate(writer, templateId);
    await writer.getByRole('dialog').getByLabel('报告期').fill('2026-11-04');
    await writer.getByRole('dialog').getByLabel('报告期').press('Enter');
    await writer.getByTestId('existing-draft').waitFor();
    await writer.getByTestId('open-existing-draft').click();
    await writer.waitForURL(`**/reports/${draftId}`);

    // The supervisor publishes v2: a section renamed, one added, a column removed and one renamed.
    const dispatcher = createDispatcher(office.store.services, { identity: { name: 'ReportDesk', version: 'test' } });
    const supervisorId = (await office.store.services.profiles.list())[0].id;
    const v1 = (await office.store.services.templates.get(templateId, 1))!;
    const sections: Template['sections'] = v1.sections.map((section) => {
      if (section.id === 'plan') return { ...section, title: '五、下步工作计划' };
      if (section.id !== 'visits' || !section.table) return section;
      const columns = section.table.columns.filter((column) => column.key !== '宣传').map((column) => (column.key === '陈列' ? { ...column, label: '陈列情况' } : column));
      return { ...section, table: { ...section.table, columns } };
    });
    sections.push({ id: 'other', title: '六、其他', kind: 'richtext', guidance: '', required: false });
    const saved = await dispatcher.dispatch('templates:save', supervisorId, { template: { ...v1, sections }, baseVersion: 1 });
    expect(saved).toMatchObject({ ok: true, value: { version: 2 } });
    await openExchange(reviewer);
    const withV2 = await download(reviewer, 'export-reviews', folder);
    await writer.getByRole('menuitem', { name: /我的文稿/ }).click();
    await writer.getByTestId('receive-package').click();
    await pickAndApply(writer, withV2, false);

    // The draft shows 「有新版本 v2」 with what changed, and moves on request.
    await writer.goto(`${laptop.transport.entryUrl.split('?')[0]}#/reports/${draftId}`);
    const notice = writer.getByTestId('template-update');
    await notice.getByText('有新版本 v2').waitFor();
    const changes = await writer.getByTestId('template-update-changes').innerText();
    expect(changes).toContain('新增章节：“六、其他”');
    expect(changes).toContain('章节改名：“五、明日计划”→“五、下步工作计划”');
    expect(changes).toContain('“一、拜访明细”：删除 “宣传”；改名 “陈列”→“陈列情况”');
    await writer.mouse.move(0, 0);
    await screenshot(writer, 'template-new-version');
    await writer.getByTestId('move-to-version').click();
    await notice.waitFor({ state: 'detached' });
    await writer.getByLabel('五、下步工作计划', { exact: true }).getByText('核实配送到货时间。').waitFor();
    await writer.getByLabel('三、分析与思考', { exact: true }).getByText('东街两户便利店中档烟断货三天').waitFor();
    await writer.getByLabel('六、其他', { exact: true }).waitFor();
    const moved = (await laptop.store.services.reports.get(draftId))!;
    expect(moved.templateVersion).toBe(2);
    expect(JSON.stringify(moved.sections['plan'])).toContain('核实配送到货时间。');
  });

  test('a template file with mistakes is explained in people words in the dialog, and not toasted over it', async () => {
    const v2 = (await office.store.services.templates.get(templateId))!;
    const text = templateToFile({ ...v2, id: 'hand-written', name: '手写模板', publisher: undefined, contentHash: undefined })
      .replace('"kind": "table"', '"kind": "tabel"')
      .replace('"cadence": "daily"', '"cadence"： "daily"');
    await reviewer.getByRole('menuitem', { name: '模板' }).click();
    await reviewer.getByTestId('import-template').click();
    const dialog = reviewer.getByRole('dialog');
    await dialog.locator('input[type=file]').setInputFiles({ name: '手写模板.rdtpl.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    const error = dialog.getByTestId('import-error');
    await error.waitFor();
    expect(await error.innerText()).toContain('全角冒号“：”，请改为半角冒号“:”');
    expect(await reviewer.locator('.ant-notification-notice').count()).toBe(0);

    // Fixed colon, wrong kind left: the line, 第 1 章 with its title, the kinds in Chinese.
    const second = text.replace('"cadence"： "daily"', '"cadence": "daily"');
    await dialog.locator('input[type=file]').setInputFiles({ name: '手写模板.rdtpl.json', mimeType: 'application/json', buffer: Buffer.from(second) });
    await error.getByText(/第 \d+ 行，第 1 章“一、拜访明细”的类型/).first().waitFor();
    expect(await error.innerText()).toContain('"table"（表格）');
    expect(await error.innerText()).not.toContain('sections.0');
    expect(await reviewer.locator('.ant-notification-notice').count()).toBe(0);
    await screenshot(reviewer, 'office-template-import-error');
  });
});
