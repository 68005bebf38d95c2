import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { firstRun, writeTodayLog } from './actions';
import { launchChromium, screenshot, startApp, type AppUnderTest } from './harness';

async function openSync(page: Page, folder: string): Promise<string> {
  await page.getByRole('menuitem', { name: /设置/ }).click();
  await page.getByTestId('open-sync').click();
  await page.getByTestId('sync-page').waitFor();
  await page.getByTestId('sync-folder').fill(folder);
  await page.getByTestId('sync-save').click();
  return (await page.getByTestId('sync-my-fingerprint').innerText()).trim();
}

/** Two apps (a supervisor's and a manager's machine) on one office folder, through the UI; takes the sync screenshots. */
describe('office sync in the app', () => {
  let browser: Browser;
  let supervisorApp: AppUnderTest;
  let managerApp: AppUnderTest;
  let folder = '';

  beforeAll(async () => {
    browser = await launchChromium();
    supervisorApp = await startApp({ browser });
    managerApp = await startApp({ browser });
    folder = await mkdtemp(path.join(os.tmpdir(), 'reportdesk-e2e-office-'));
    await supervisorApp.store.sync.start();
    await managerApp.store.sync.start();
  }, 60_000);

  afterAll(async () => {
    await managerApp?.close();
    await supervisorApp?.close();
    await browser?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  test('set up, join, admit; a submission arrives by itself and its acknowledgement shows', async () => {
    const { page: boss } = await supervisorApp.open();
    await firstRun(boss, '陈主任', 'supervisor', '营销部');
    const bossPrint = await openSync(boss, folder);
    expect(bossPrint).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){7}$/);

    const { page: writer } = await managerApp.open();
    await firstRun(writer, '张伟', 'manager', '城关片区');
    const writerPrint = await openSync(writer, folder);
    await writer.getByTestId('sync-join-fingerprint').fill(bossPrint);
    await writer.getByTestId('sync-join').click();
    await writer.getByTestId('sync-people').filter({ hasText: '陈主任' }).waitFor();

    // The supervisor sees the request with the manager's fingerprint and admits them.
    await boss.getByText(writerPrint).waitFor({ timeout: 20_000 });
    await boss.getByTestId('sync-admit').click();
    await boss.getByTestId('sync-people').filter({ hasText: '张伟' }).waitFor();

    // A damaged file in the supervisor's outbox addressed to 张伟 (as a colleague could put there).
    const bossHex = bossPrint.replace(/ /g, '');
    const writerHex = writerPrint.replace(/ /g, '');
    await mkdir(path.join(folder, bossHex, 'outbox'), { recursive: true });
    await writeFile(path.join(folder, bossHex, 'outbox', `to-${writerHex}-000000077.rdpkg`), 'not a package');

    // The manager writes and submits; nothing else is done by hand.
    await writer.getByRole('menuitem', { name: /我的文稿/ }).click();
    await writeTodayLog(writer);
    await writer.getByRole('button', { name: '提交' }).click();
    await writer.getByTestId('document-status').filter({ hasText: '已提交' }).waitFor();

    await boss.getByRole('menuitem', { name: /待审阅/ }).click();
    await boss.getByText('张伟').first().waitFor({ timeout: 30_000 });
    await boss.getByTestId('sync-indicator').filter({ hasText: '同步正常' }).waitFor({ timeout: 30_000 });
    await screenshot(boss, 'sync-indicator');

    await writer.getByTestId('sync-indicator').click();
    await writer.getByText(/陈主任 已收到你的提交 · /).waitFor({ timeout: 30_000 });
    await writer.getByTestId('sync-refused').filter({ hasText: '陈主任' }).waitFor({ timeout: 30_000 });
    await expect(writer.getByTestId('sync-refused').innerText()).resolves.toContain('to-');
    await screenshot(writer, 'sync-settings');
  }, 180_000);
});
