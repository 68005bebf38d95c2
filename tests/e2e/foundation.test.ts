import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { screenshot, startApp, type AppUnderTest } from './harness';
import { fillSupervisorPassphrase } from './actions';

describe('first run, profiles and the workspace in Chromium', () => {
  let app: AppUnderTest;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  test('a new user creates a profile and lands in an empty workspace', async () => {
    const { page, context } = await app.open();
    await page.getByText('欢迎使用报告台').waitFor();
    await screenshot(page, 'first-run');

    await page.getByLabel('姓名').fill('张伟');
    await page.getByLabel('片区').fill('城关片区');
    await page.getByRole('button', { name: '开始使用' }).click();

    await page.getByRole('heading', { name: '我的文稿' }).waitFor();
    expect(await page.getByTestId('current-profile').textContent()).toContain('张伟');
    expect(await page.getByTestId('current-profile').textContent()).toContain('客户经理');
    await page.getByText('还没有文稿').waitFor();
    for (const label of ['我的文稿', '待审阅', '模板', '导出', '设置']) {
      await page.getByRole('menuitem', { name: label }).waitFor();
    }
    await screenshot(page, 'empty-workspace');

    const profiles = await app.store.services.profiles.list();
    expect(profiles.map((profile) => [profile.name, profile.role, profile.unit])).toEqual([['张伟', 'manager', '城关片区']]);

    // The profile is remembered: a reload opens the workspace directly.
    await page.reload();
    await page.getByRole('heading', { name: '我的文稿' }).waitFor();
    await context.close();
  });

  test('a second person adds a supervisor profile and switches between profiles', async () => {
    const { page, context } = await app.open();
    await page.getByRole('heading', { name: '我的文稿' }).waitFor();
    await page.getByTestId('current-profile').click();
    await page.getByText('切换身份').first().click();
    await page.getByText('选择你的身份').waitFor();

    await page.getByLabel('姓名').fill('陈主任');
    await page.getByText('主管', { exact: true }).click();
    await page.getByLabel('部门').fill('营销部');
    // A supervisor profile protects its signing key with a passphrase from the start.
    await fillSupervisorPassphrase(page);
    await page.getByRole('button', { name: '开始使用' }).click();
    // A supervisor's home is 待审阅.
    await page.getByRole('heading', { name: '待审阅' }).waitFor();
    expect(await page.getByTestId('current-profile').textContent()).toContain('主管');

    await page.getByTestId('current-profile').click();
    await page.getByText('切换身份').first().click();
    await page.getByText('选择你的身份').waitFor();
    await screenshot(page, 'profile-choice');
    await page.getByText('张伟').click();
    await page.getByRole('heading', { name: '我的文稿' }).waitFor();
    await context.close();
  });

  test('English is available from 设置 and every page renders', async () => {
    const { page, context } = await app.open();
    await page.getByRole('heading', { name: '我的文稿' }).waitFor();
    await page.keyboard.press('Alt+5');
    await page.getByRole('heading', { name: '设置' }).waitFor();
    await page.getByText('所有数据文件均完好').waitFor();
    await page.getByLabel('界面语言').click();
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await page.getByRole('menuitem', { name: 'Templates' }).click();
    await page.getByRole('heading', { name: 'Templates' }).waitFor();
    // Back to Chinese for the other tests.
    await page.getByRole('menuitem', { name: 'Settings' }).click();
    await page.getByLabel('Language').click();
    await page.getByText('简体中文', { exact: true }).click();
    await page.getByRole('heading', { name: '设置' }).waitFor();
    expect((await app.store.services.settings.get()).language).toBe('zh-CN');
    await context.close();
  });

  test('a hand-corrupted document file is moved aside and reported under 设置, and the rest loads', async () => {
    const { page, context } = await app.open();
    await page.getByRole('heading', { name: '我的文稿' }).waitFor();
    const [profile] = await app.store.services.profiles.list();
    const ctx = { profile, services: app.store.services };
    const { createReport } = await import('../../electron/core/reports/use-cases');
    const kept = await createReport(ctx, { templateId: 'builtin-work-log', metadata: { 报告期: '2026-11-02' } });
    const broken = await createReport(ctx, { templateId: 'builtin-work-log', metadata: { 报告期: '2026-11-03' } });
    const { writeFile } = await import('node:fs/promises');
    const path = await import('node:path');
    const file = path.join(app.dataDir, 'reports', broken.id.slice(0, 2).toLowerCase(), `${broken.id}.json`);
    await app.restart();
    await writeFile(file, '{"id": "half-written');
    await app.restart();
    expect((await app.store.checked).quarantined).toBe(1);
    await page.reload();
    await page.getByRole('heading', { name: '我的文稿' }).waitFor();
    await page.getByRole('menuitem', { name: '设置' }).click();
    await page.getByText(/发现 \d+ 个损坏的数据文件/).waitFor();
    expect(await page.getByText(`reports/${broken.id.slice(0, 2).toLowerCase()}/${broken.id}.json`).count()).toBe(1);
    await screenshot(page, 'store-problem-reported');
    expect(await app.store.services.reports.get(kept.id)).not.toBeNull();
    expect((await app.store.services.reports.list()).map((summary) => summary.id)).not.toContain(broken.id);
    await context.close();
  });
});
