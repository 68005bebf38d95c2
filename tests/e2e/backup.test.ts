import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { StoreHost } from '../../electron/host/store-host';
import { startHttpTransport, type HttpTransport } from '../../electron/server/http-transport';
import { openStore } from '../../electron/store/open-store';
import { fixtureSeedsDir, seedOffice } from '../helpers/temp-store';
import { chooseProfile } from './actions';
import { launchChromium, rendererDir, screenshot } from './harness';

/** Browser mode as `npm run start:web` runs it: a StoreHost (backups, restore, move) behind the HTTP transport. */
describe('备份与恢复 in Chromium (browser mode)', () => {
  let root: string;
  let host: StoreHost;
  let transport: HttpTransport;
  let browser: Browser;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'reportdesk-e2e-backup-'));
    const dataDir = path.join(root, 'data');
    const seeded = await openStore({ dataDir, seedsDir: fixtureSeedsDir, backgroundCheck: false });
    await seedOffice(seeded.services);
    await seeded.close();
    host = await StoreHost.open({
      startDir: dataDir,
      pointerFile: path.join(root, 'data-location.json'),
      locationSource: 'environment',
      identity: { name: 'ReportDesk 报告台', version: 'e2e' },
      // The daily backup is tested in tests/integration/backup.test.ts; here the page starts with none.
      dailyBackups: false,
      openOptions: { seedsDir: fixtureSeedsDir },
    });
    transport = await startHttpTransport({ dispatcher: host, rendererDir, port: 0, token: 'e2e-token' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await transport?.close();
    await host?.close();
    await rm(root, { recursive: true, force: true });
  });

  test('the icon is the favicon and the header logo; 立即备份, preview and restore into a new folder; a bad file is refused', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(transport.entryUrl);
    await page.getByText('选择你的身份').waitFor();
    await chooseProfile(page, '张明');

    // The icon: a favicon the browser can load, and the logo drawn in the header.
    const favicon = await page.locator('link[rel="icon"]').getAttribute('href');
    expect(favicon).toMatch(/\.svg$/);
    const served = await page.request.get(new URL(favicon!, page.url()).href);
    expect(served.status()).toBe(200);
    expect(served.headers()['content-type']).toContain('image/svg+xml');
    expect(await served.text()).toContain('<svg');
    const logo = page.getByTestId('brand-logo');
    await logo.waitFor();
    expect(await logo.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
    await page.getByRole('heading', { name: '我的文稿' }).waitFor();
    await screenshot(page, 'app-icon-header');
    // The favicon as the browser draws it (a headless browser has no tab strip to photograph).
    const iconPage = await context.newPage();
    await iconPage.setViewportSize({ width: 320, height: 200 });
    await iconPage.setContent(`<body style="margin:0;background:#dfe3ea;font:14px sans-serif"><div style="display:flex;align-items:center;gap:8px;margin:24px;padding:8px 12px;background:#fff;border-radius:8px 8px 0 0;width:220px"><img src="data:image/svg+xml;base64,${Buffer.from(await served.body()).toString('base64')}" width="16" height="16"> 报告台 ReportDesk</div><img style="margin:0 24px" src="data:image/svg+xml;base64,${Buffer.from(await served.body()).toString('base64')}" width="96" height="96"></body>`);
    await screenshot(iconPage, 'app-icon-favicon');
    await iconPage.close();

    await page.getByRole('menuitem', { name: '设置' }).click();
    const card = page.getByTestId('backup-card');
    await card.getByText('尚未备份').waitFor();
    await card.getByTestId('backup-now').click();
    await card.getByTestId('backup-last').filter({ hasText: '个文件' }).waitFor();
    const status = await host.status();
    expect(status.last?.file).toBeTruthy();
    expect(status.backups).toHaveLength(1);

    // Preview before anything changes.
    await card.getByTestId('backup-choose').locator('input').fill(status.last!.file);
    await card.getByTestId('backup-inspect').click();
    const preview = card.getByTestId('backup-preview');
    await preview.getByText('张明 · 客户经理').waitFor();
    await preview.getByText('王主任 · 主管').waitFor();
    await preview.getByText('共 4 篇').waitFor();
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-backup');

    // Restore into a new folder.
    const target = path.join(root, 'restored');
    await card.getByTestId('backup-target').fill(target);
    await card.getByTestId('backup-restore').click();
    await card.getByTestId('backup-restored').filter({ hasText: target }).waitFor();
    const reopened = await openStore({ dataDir: target, seedsDir: fixtureSeedsDir, backgroundCheck: false });
    expect((await reopened.services.reports.list()).length).toBe(4);
    await reopened.close();

    // A file that is not a backup: refused in words, nothing restored.
    const foreign = path.join(root, '照片.rdbackup');
    await writeFile(foreign, '这不是备份');
    await card.getByTestId('backup-choose').locator('input').fill(foreign);
    await card.getByTestId('backup-inspect').click();
    await card.getByTestId('backup-restore-error').filter({ hasText: '这不是报告台备份文件' }).waitFor();
    expect(await card.getByTestId('backup-preview').count()).toBe(0);
    await context.close();
  });
});
