import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { e2ePassphrase, firstRun, openExchange, pickOption, pickPackage, writeTodayLog } from './actions';
import { launchChromium, screenshot, startApp, type AppUnderTest } from './harness';

/**
 * A supervisor met for the first time is trusted only after an explicit fingerprint check on the receiving
 * machine: the manager sees the person, role and grouped fingerprint, compares it with the one the supervisor
 * reads out from their own 设置 page, and confirms with 「核对无误，信任此主管」. Only then is the grade applied.
 */
async function download(page: Page, testId: string, folder: string, name: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const target = path.join(folder, `${name}-${file.suggestedFilename()}`);
  await file.saveAs(target);
  await page.getByTestId('exchange-exported').waitFor();
  return target;
}

describe('confirming a supervisor by fingerprint in the UI', () => {
  let browser: Browser;
  let laptop: AppUnderTest;
  let office: AppUnderTest;
  let writer: Page;
  let reviewer: Page;
  let folder: string;

  beforeAll(async () => {
    browser = await launchChromium();
    laptop = await startApp({ browser });
    office = await startApp({ browser });
    folder = await mkdtemp(path.join(os.tmpdir(), 'reportdesk-trust-'));
    writer = (await laptop.open()).page;
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', acceptDownloads: true });
    reviewer = await context.newPage();
    await reviewer.goto(office.transport.entryUrl);
  });
  afterAll(async () => {
    await laptop?.close();
    await office?.close();
    await browser?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  test('the manager checks the fingerprint the supervisor reads out from 设置, confirms, and the grade is applied', async () => {
    await writer.setViewportSize({ width: 1366, height: 768 });
    await firstRun(writer, '张伟', 'manager', '城关片区');
    await firstRun(reviewer, '陈主任', 'supervisor', '营销部');

    // Written and submitted on the laptop, carried to the office (the supervisor checks 张伟's fingerprint).
    await writeTodayLog(writer);
    await writer.getByRole('button', { name: '提交' }).click();
    await writer.getByTestId('document-status').filter({ hasText: '已提交' }).waitFor();
    const id = writer.url().split('/reports/')[1];
    await openExchange(writer);
    const submissions = await download(writer, 'export-submissions', folder, 'p1');
    await openExchange(reviewer);
    await pickPackage(reviewer, submissions);
    await reviewer.getByTestId('exchange-trust').click();
    await reviewer.getByTestId('exchange-apply').click();
    await reviewer.getByTestId('exchange-applied').waitFor();

    // The supervisor approves it with 优秀 and sends the review package.
    await reviewer.goto(`${office.transport.url}#/reports/${id}`);
    await reviewer.getByTestId('decision-panel').waitFor();
    await pickOption(reviewer, '评定等级', '优秀');
    await reviewer.getByRole('button', { name: '通过', exact: true }).click();
    await reviewer.getByTestId('document-status').filter({ hasText: '已通过' }).waitFor();
    await openExchange(reviewer);
    const reviews = await download(reviewer, 'export-reviews', folder, 'r1');

    // What the supervisor reads out from their own 设置 page.
    await reviewer.getByRole('menuitem', { name: /设置/ }).click();
    const spoken = (await reviewer.getByTestId('my-fingerprint').innerText()).trim();
    expect(spoken).toMatch(/^([0-9a-f]{4} ){7}[0-9a-f]{4}$/);

    // On the laptop: the person, the role and the fingerprint in groups of four, and the explicit step.
    await pickPackage(writer, reviews);
    const check = writer.getByTestId('supervisor-check');
    await check.waitFor();
    expect(await check.getByTestId('supervisor-check-name').innerText()).toBe('陈主任');
    expect(await check.innerText()).toContain('主管');
    expect((await check.getByTestId('supervisor-check-fingerprint').innerText()).trim()).toBe(spoken);
    expect(await check.innerText()).toContain('念出“我的身份密钥”中的指纹');
    expect(await writer.getByTestId('exchange-apply').isDisabled()).toBe(true);
    await check.scrollIntoViewIfNeeded();
    await screenshot(writer, 'supervisor-fingerprint-check');
    // Nothing was applied before the confirmation.
    expect((await laptop.store.services.reports.get(id))!.status).toBe('submitted');
    expect(await laptop.store.services.exchange.trusted()).toEqual([]);

    await check.getByRole('button', { name: '核对无误，信任此主管' }).click();
    await writer.getByTestId('supervisor-confirmed').waitFor();
    await writer.getByTestId('exchange-apply').click();
    expect(await writer.getByTestId('exchange-applied').innerText()).toContain('已信任 陈主任 的密钥');
    expect((await laptop.store.services.reports.get(id))!).toMatchObject({ status: 'approved', review: { grade: '优秀' } });
    await writer.goto(`${laptop.transport.url}#/reports/${id}`);
    await writer.getByTestId('document-status').filter({ hasText: '已通过' }).waitFor();

    // 设置 lists whom this machine trusts: role, fingerprint, and where the trust comes from.
    await writer.getByRole('menuitem', { name: /设置/ }).click();
    const trusted = writer.getByTestId('trusted-list');
    await trusted.getByText('陈主任').waitFor();
    expect(await trusted.innerText()).toContain(spoken);
    expect(await trusted.getByTestId('trusted-source').innerText()).toBe('本人的交换包（已核对指纹）');
    expect((await laptop.store.services.exchange.trusted())[0]).toMatchObject({ name: '陈主任', role: 'supervisor', source: 'package' });
  });

  test('the supervisor changes the passphrase under 设置: a wrong current one is refused in words, then the new one unlocks', async () => {
    await reviewer.getByRole('menuitem', { name: /设置/ }).click();
    const card = reviewer.getByTestId('change-passphrase');
    await card.waitFor();
    const supervisorId = (await office.store.services.profiles.list()).find((profile) => profile.role === 'supervisor')!.id;
    const keyFile = () => readFile(path.join(office.dataDir, 'keys', `${supervisorId}.json`), 'utf8');
    const before = await keyFile();

    await card.getByTestId('passphrase-current').fill('不对的原口令-wrong');
    await card.getByTestId('passphrase-new').fill('新的主管口令-2027');
    await card.getByTestId('passphrase-repeat').fill('新的主管口令-2027');
    await card.getByTestId('passphrase-change').click();
    expect(await card.getByTestId('passphrase-change-error').innerText()).toContain('原口令不正确，口令没有修改');
    expect(await keyFile()).toBe(before);

    await card.getByTestId('passphrase-current').fill(e2ePassphrase);
    await card.getByTestId('passphrase-change').click();
    await card.getByTestId('passphrase-changed').waitFor();
    const after = await keyFile();
    expect(after).not.toBe(before);
    expect(after).not.toContain('PRIVATE KEY');
    office.store.services.signer.lock(supervisorId);
    await expect(office.store.services.signer.unlock(supervisorId, e2ePassphrase)).rejects.toThrow('口令不正确');
    await office.store.services.signer.unlock(supervisorId, '新的主管口令-2027');
  });
});
