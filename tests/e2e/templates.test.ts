import { chooseUntil, fillSupervisorPassphrase } from './actions';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDispatcher, type Dispatcher } from '../../electron/api/dispatcher';
import type { Report } from '../../electron/core/common/schemas/report';
import type { Template } from '../../electron/core/common/schemas/template';
import { screenshot, startApp, type AppUnderTest } from './harness';

const builtIns = ['市场分析报告', '市场调研报告', '零售客户经营指导书', '客户经理工作日志'];
const copyName = '城关片区市场分析报告';

/** Call a channel the way the app does, as a given profile; throws on an error envelope. */
async function call<T>(dispatcher: Dispatcher, profileId: string, channel: string, input: unknown): Promise<T> {
  const result = await dispatcher.dispatch(channel, profileId, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

function templateItem(page: Page, name: string) {
  return page.getByTestId('template-item').filter({ has: page.getByText(name, { exact: true }) });
}

describe('template editor in Chromium', () => {
  let app: AppUnderTest;
  let dispatcher: Dispatcher;
  let page: Page;
  let profileId: string;
  const managerId = 'mgr-li-e2e';
  let templateId: string;
  let exported: { fileName: string; text: string };

  beforeAll(async () => {
    app = await startApp();
    dispatcher = createDispatcher(app.store.services, { identity: { name: 'ReportDesk', version: 'test' } });
    ({ page } = await app.open());
    await page.getByText('欢迎使用报告台').waitFor();
    // Office templates are the supervisors': the editor is driven by a 主管; documents are written by a manager.
    await page.getByLabel('姓名').fill('张伟');
    await page.getByText('主管', { exact: true }).click();
    await page.getByLabel('部门').fill('营销部');
    await fillSupervisorPassphrase(page);
    await page.getByRole('button', { name: '开始使用' }).click();
    await page.getByTestId('current-profile').filter({ hasText: '张伟' }).waitFor();
    profileId = (await app.store.services.profiles.list())[0].id;
    await app.store.services.profiles.save({ id: managerId, name: '李娜', role: 'manager', unit: '城关片区', createdAt: '2026-01-02T04:00:00.000Z' });
  });
  afterAll(async () => {
    await app?.close();
  });

  test('the 模板 page lists the four built-ins; built-ins are read-only and can be duplicated', async () => {
    await page.getByRole('menuitem', { name: '模板' }).click();
    await page.getByRole('heading', { name: '模板' }).waitFor();
    for (const name of builtIns) await templateItem(page, name).waitFor();
    expect(await page.getByTestId('template-item').count()).toBe(4);
    expect(await templateItem(page, '市场分析报告').textContent()).toContain('内置');

    await templateItem(page, '市场分析报告').click();
    await page.getByTestId('template-preview').getByText('表1 主要经济指标', { exact: true }).waitFor();
    expect(await page.getByTestId('builtin-hint').textContent()).toContain('内置模板只读，请复制后修改');
    expect(await page.getByTestId('edit-template').isDisabled()).toBe(true);
    await screenshot(page, 'templates-list');

    await page.getByTestId('duplicate-template').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('name-dialog-input').fill(copyName);
    await dialog.getByRole('button', { name: '复制为新模板' }).click();
    await page.getByText(`已复制为新模板：${copyName}`).waitFor();
    await templateItem(page, copyName).waitFor();
    expect(await templateItem(page, copyName).textContent()).toContain('自定义');
    expect(await page.getByTestId('preview-version').textContent()).toBe('版本 1');
    expect(await page.getByTestId('edit-template').isDisabled()).toBe(false);

    const copy = (await app.store.services.templates.listLatest()).find((summary) => summary.name === copyName);
    expect(copy).toMatchObject({ version: 1, builtIn: false, kind: 'market-analysis' });
    templateId = copy!.id;
  });

  test('editing saves v2; a document made from v1 keeps v1 and its sections', async () => {
    // A document written before the edit.
    const before = await call<Report>(dispatcher, managerId, 'reports:create', {
      templateId,
      metadata: { 报告期: '2026-02', 片区: '城关片区', 客户经理: '张伟' },
    });
    expect(before.templateVersion).toBe(1);
    const v1 = (await app.store.services.templates.get(templateId, 1)) as Template;

    await page.getByTestId('edit-template').click();
    const editor = page.getByTestId('template-editor');
    await editor.waitFor();
    expect(await page.getByTestId('editor-version').textContent()).toBe('基于 v1');
    await editor.getByRole('tab', { name: /章节/ }).click();

    // Rename the first section.
    await editor.getByTestId('section-0-toggle').click();
    await editor.getByTestId('section-0-title').fill('一、总体运行情况及主要特点');

    // Add a section at the end.
    await editor.getByTestId('add-section').first().click();
    const added = editor.getByTestId(`section-${v1.sections.length}`);
    await added.getByTestId(`section-${v1.sections.length}-title`).fill('八、其他需要说明的事项');

    // Add a computed column to 表1 with a wrong formula first, then the right one.
    await editor.getByTestId('section-1-toggle').click();
    const table = editor.getByTestId('section-1-table');
    await table.getByTestId('section-1-table-add-computed').click();
    // The new column comes after the built-in's columns (v2 of 表1 has 单位, 计划 and 完成率 too).
    const addedColumn = `section-1-table-column-${v1.sections[1].table!.columns.length}`;
    const yearOnYear = v1.sections[1].table!.columns.findIndex((candidate) => candidate.key === '同比');
    const column = table.getByTestId(addedColumn);
    await column.getByTestId(`${addedColumn}-key`).fill('增减量');
    await column.getByTestId(`${addedColumn}-label`).fill('增减量');
    const formula = column.getByTestId(`${addedColumn}-formula`);
    await formula.fill('本期 - 去年同期');
    const formulaError = column.getByTestId(`${addedColumn}-formula-error`);
    await formulaError.waitFor();
    expect(await formulaError.textContent()).toContain('引用了不存在的列“去年同期”');

    // A save with a broken formula is refused before it reaches the backend.
    await page.getByTestId('save-template').click();
    await page.getByTestId('editor-issue-summary').waitFor();
    expect(await page.getByTestId('editor-issue-summary').textContent()).toContain('不存在的列“去年同期”');
    await column.scrollIntoViewIfNeeded();
    await screenshot(page, 'template-editor-formula-error');

    await formula.fill('(本期 - 上年同期');
    await formulaError.waitFor();
    expect(await formulaError.textContent()).toMatch(/第 \d+ 个字符/);
    await formula.fill('本期 - 上年同期');
    await formulaError.waitFor({ state: 'detached' });
    // The live preview computes the sample row: 本期 120 − 上年同期 100 = 20.00; 同比 20.0%.
    const preview = table.getByTestId('section-1-table-preview');
    expect(await preview.getByTestId(`section-1-table-preview-cell-${v1.sections[1].table!.columns.length}`).textContent()).toBe('20.00');
    expect(await preview.getByTestId(`section-1-table-preview-cell-${yearOnYear}`).textContent()).toBe('20.0%');
    await preview.scrollIntoViewIfNeeded();
    await screenshot(page, 'template-editor');

    await page.getByTestId('save-template').click();
    await page.getByText('已保存为 v2').waitFor();
    expect(await page.getByTestId('editor-version').textContent()).toBe('基于 v2');
    await page.getByTestId('close-editor').click();
    await editor.waitFor({ state: 'detached' });
    await page.getByTestId('template-preview').getByText('八、其他需要说明的事项', { exact: true }).waitFor();
    expect(await page.getByTestId('preview-version').textContent()).toBe('版本 2');

    // The store has both versions; v1 is untouched.
    expect(await app.store.services.templates.versions(templateId)).toEqual([1, 2]);
    const v2 = (await app.store.services.templates.get(templateId)) as Template;
    expect(v2.version).toBe(2);
    expect(v2.sections[0].title).toBe('一、总体运行情况及主要特点');
    expect(v2.sections.at(-1)).toMatchObject({ title: '八、其他需要说明的事项', kind: 'richtext' });
    expect(v2.sections[1].table?.columns.at(-1)).toMatchObject({ key: '增减量', label: '增减量', type: 'decimal', formula: '本期 - 上年同期' });
    expect(await app.store.services.templates.get(templateId, 1)).toEqual(v1);

    // The document made from v1 keeps v1: same version, same sections, and it opens with v1's structure.
    const stored = (await app.store.services.reports.get(before.id)) as Report;
    expect(stored.templateVersion).toBe(1);
    expect(stored.sections).toEqual(before.sections);
    expect(Object.keys(stored.sections)).toEqual(v1.sections.map((section) => section.id));
    const opened = await call<{ report: Report; template: Template }>(dispatcher, managerId, 'reports:get', { id: before.id });
    expect(opened.template.version).toBe(1);
    expect(opened.template.sections[0].title).toBe(v1.sections[0].title);
    expect(opened.template.sections).toHaveLength(v1.sections.length);

    // A document made now uses v2.
    const after = await call<Report>(dispatcher, managerId, 'reports:create', {
      templateId,
      metadata: { 报告期: '2026-03', 片区: '城关片区', 客户经理: '张伟' },
    });
    expect(after.templateVersion).toBe(2);
    expect(Object.keys(after.sections)).toEqual(v2.sections.map((section) => section.id));
  });

  test('an earlier version can be viewed read-only from the version selector', async () => {
    await page.getByTestId('version-select').click();
    await page.locator('.ant-select-item-option').filter({ hasText: /^v1$/ }).click();
    await page.getByTestId('old-version-hint').waitFor();
    expect(await page.getByTestId('old-version-hint').textContent()).toContain('v1');
    expect(await page.getByTestId('preview-version').textContent()).toBe('版本 1');
    expect(await page.getByTestId('template-preview').textContent()).not.toContain('八、其他需要说明的事项');
    expect(await page.getByTestId('edit-template').textContent()).toContain('编辑最新版本');
    await page.getByTestId('version-select').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'v2（最新）' }).click();
    await page.getByTestId('old-version-hint').waitFor({ state: 'detached' });
  });

  test('export downloads the file; importing it again changes nothing; a bad file names line and field', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-template').click()]);
    expect(download.suggestedFilename()).toBe(`${copyName}_v2.rdtpl.json`);
    const text = await readFile((await download.path()) as string, 'utf8');
    const file = JSON.parse(text) as { format: string; formatVersion: number; template: Template };
    expect(file.format).toBe('reportdesk-template');
    expect(file.template).toMatchObject({ id: templateId, version: 2, name: copyName });
    exported = { fileName: download.suggestedFilename(), text };

    await page.getByTestId('import-template').click();
    const dialog = page.getByRole('dialog', { name: '导入模板' });
    await dialog.waitFor();
    await dialog.locator('input[type=file]').setInputFiles({ name: exported.fileName, mimeType: 'application/json', buffer: Buffer.from(exported.text) });
    await dialog.getByTestId('import-result').getByText('未变化').waitFor();
    expect(await dialog.getByTestId('import-result').textContent()).toContain('v2');
    expect(await app.store.services.templates.versions(templateId)).toEqual([1, 2]);

    // A wrong section kind: the message names the file's line and the field.
    const lines = exported.text.split('\n');
    const kindLines = lines.map((line, index) => (line.includes('"kind": "richtext"') ? index : -1)).filter((index) => index >= 0);
    const line = kindLines[2];
    lines[line] = lines[line].replace('"richtext"', '"chart"');
    await dialog.locator('input[type=file]').setInputFiles({ name: 'bad.rdtpl.json', mimeType: 'application/json', buffer: Buffer.from(lines.join('\n')) });
    const problem = dialog.getByTestId('import-error');
    await problem.waitFor();
    const message = (await problem.textContent()) ?? '';
    expect(message).toContain(`第 ${line + 1} 行`);
    // In the editor's words: 第 N 章 with its title and the kinds by their Chinese names, not sections.4.kind.
    expect(message).toMatch(/第 \d+ 章“.+?”的类型：应为以下之一："richtext"（文字）、"table"（表格）、"fields"（字段）/);
    expect(message).not.toMatch(/sections\.\d+/);
    expect(await dialog.textContent()).toContain('无法导入 bad.rdtpl.json');
    await screenshot(page, 'template-import-error');

    // A syntax error names line and column.
    await dialog.locator('input[type=file]').setInputFiles({ name: 'broken.rdtpl.json', mimeType: 'application/json', buffer: Buffer.from('{\n  "format": "reportdesk-template",\n  "formatVersion": 1,,\n}') });
    await problem.getByText('broken.rdtpl.json 第 3 行').waitFor();
    expect(await app.store.services.templates.versions(templateId)).toEqual([1, 2]);
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  test('unsaved changes ask before leaving; a conflicting save offers reload or keep-mine', async () => {
    await page.getByTestId('edit-template').click();
    const editor = page.getByTestId('template-editor');
    await editor.waitFor();
    await page.getByLabel('模板名称').fill(`${copyName}（修订）`);
    await page.getByTestId('close-editor').click();
    await page.locator('.ant-modal-confirm-title', { hasText: '放弃未保存的修改？' }).waitFor();
    await page.getByRole('button', { name: '继续编辑' }).click();
    expect(await page.getByLabel('模板名称').inputValue()).toBe(`${copyName}（修订）`);

    // Someone else saves v3 meanwhile.
    const latest = (await app.store.services.templates.get(templateId)) as Template;
    await call(dispatcher, profileId, 'templates:save', { template: { ...latest, description: '别处修改' }, baseVersion: 2 });
    await page.getByTestId('save-template').click();
    const conflict = page.getByTestId('editor-conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('模板已被修改为 v3');
    await screenshot(page, 'template-editor-conflict');
    await conflict.getByRole('button', { name: '保留我的修改' }).click();
    await page.getByTestId('editor-version').getByText('基于 v3').waitFor();
    await page.getByTestId('save-template').click();
    await page.getByText('已保存为 v4').waitFor();
    const saved = (await app.store.services.templates.get(templateId)) as Template;
    expect(saved.name).toBe(`${copyName}（修订）`);
    await page.getByTestId('close-editor').click();
    await editor.waitFor({ state: 'detached' });
  });

  test('a new template starts blank and its first save makes v1', async () => {
    await page.getByTestId('new-template').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('name-dialog-input').fill('专卖协同周报');
    await dialog.getByRole('button', { name: '开始编辑' }).click();
    const editor = page.getByTestId('template-editor');
    await editor.waitFor();
    await page.getByText('新模板 · 尚未保存').waitFor();
    // Leaving a new template without saving asks, and stores nothing.
    await page.getByTestId('close-editor').click();
    await page.getByRole('button', { name: '放弃修改' }).click();
    await editor.waitFor({ state: 'detached' });
    expect((await app.store.services.templates.listLatest()).some((summary) => summary.name === '专卖协同周报')).toBe(false);

    await page.getByTestId('new-template').click();
    await page.getByRole('dialog').getByTestId('name-dialog-input').fill('专卖协同周报');
    await page.getByRole('dialog').getByRole('button', { name: '开始编辑' }).click();
    await editor.waitFor();
    await editor.getByRole('tab', { name: /章节/ }).click();
    await chooseUntil(
      page,
      editor.getByTestId('section-0-kind'),
      page.locator('.ant-select-item-option').filter({ hasText: '数据表格' }),
      editor.getByTestId('section-0-table-column-0-key'),
    );
    await page.getByTestId('save-template').click();
    await page.getByText('已保存为 v1').waitFor();
    await page.getByTestId('close-editor').click();
    await editor.waitFor({ state: 'detached' });
    await templateItem(page, '专卖协同周报').waitFor();
    const created = (await app.store.services.templates.listLatest()).find((summary) => summary.name === '专卖协同周报');
    expect(created).toMatchObject({ version: 1, builtIn: false, kind: 'custom', sectionCount: 1 });
    const template = (await app.store.services.templates.get(created!.id)) as Template;
    expect(template.sections[0]).toMatchObject({ kind: 'table', table: { columns: [{ key: '列1', type: 'text' }] } });
  });
});
