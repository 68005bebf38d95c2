import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { canonicalJson } from '../../electron/core/common/canonical';
import { createDispatcher } from '../../electron/api/dispatcher';
import { hashFolder } from '../helpers/temp-store';
import { fillSupervisorPassphrase, firstRun, openExchange, pickOption, pickPackage, replyToComment, selectPhrase, writeTodayLog } from './actions';
import { launchChromium, screenshot, startApp, type AppUnderTest } from './harness';

let downloads = 0;

/** Click an export button and keep the downloaded package in `folder`. */
async function download(page: Page, testId: string, folder: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  // Each download kept apart (two exports in the same second get the same suggested name).
  const target = path.join(folder, `${++downloads}-${file.suggestedFilename()}`);
  await file.saveAs(target);
  await page.getByTestId('exchange-exported').waitFor();
  return target;
}

/** Pick a package in the import card and wait for its preview (or its refusal). */
async function applyPicked(page: Page): Promise<string> {
  await page.getByTestId('exchange-apply').click();
  const result = page.getByTestId('exchange-applied');
  await result.waitFor();
  return result.innerText();
}

describe('exchange: two machines, two data folders, packages through the UI', () => {
  let browser: Browser;
  let laptop: AppUnderTest;
  let office: AppUnderTest;
  let writer: Page;
  let reviewer: Page;
  let folder: string;
  let id = '';
  const files: Record<string, string> = {};

  beforeAll(async () => {
    browser = await launchChromium();
    laptop = await startApp({ browser });
    office = await startApp({ browser });
    folder = await mkdtemp(path.join(os.tmpdir(), 'reportdesk-packages-'));
    writer = (await laptop.open()).page;
    reviewer = (await office.open()).page;
  });
  afterAll(async () => {
    await laptop?.close();
    await office?.close();
    await browser?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  test("the manager submits on the laptop and exports; the supervisor checks the fingerprint and imports", async () => {
    await firstRun(writer, '张伟', 'manager', '城关片区');
    await firstRun(reviewer, '陈主任', 'supervisor', '营销部');

    // Today's log, written and submitted on the laptop.
    await writeTodayLog(writer);
    await writer.getByRole('button', { name: '提交' }).click();
    await writer.getByTestId('document-status').filter({ hasText: '已提交' }).waitFor();
    id = writer.url().split('/reports/')[1];
    expect(id).toBeTruthy();

    // The manager's fingerprint, as 设置 shows it (read out over the phone).
    await writer.getByRole('menuitem', { name: /设置/ }).click();
    const fingerprint = (await writer.getByTestId('my-fingerprint').innerText()).trim();
    expect(fingerprint).toMatch(/^([0-9a-f]{4} ){7}[0-9a-f]{4}$/);

    // 导出 → 交换包: everything new since the last export, as a download.
    await openExchange(writer);
    files.p1 = await download(writer, 'export-submissions', folder);
    expect(path.basename(files.p1)).toMatch(/^1-提交包_张伟_\d{8}-\d{6}\.rdpkg$/);

    // The supervisor picks the file: a preview, with the first-time warning and the fingerprint to compare.
    await openExchange(reviewer);
    await pickPackage(reviewer, files.p1);
    const preview = reviewer.getByTestId('exchange-preview');
    await preview.getByText('首次收到此人的文件，请核对指纹').waitFor();
    expect(await reviewer.getByTestId('preview-sender').innerText()).toBe('张伟');
    expect(await reviewer.getByTestId('preview-fingerprint').innerText()).toContain(fingerprint);
    expect(await reviewer.getByTestId('preview-totals').innerText()).toContain('1 篇文稿 · 新版本 1 个');
    await preview.getByText('新建', { exact: true }).waitFor();
    expect(await reviewer.getByTestId('exchange-apply').isDisabled()).toBe(true);
    await screenshot(reviewer, 'exchange-preview');

    await reviewer.getByTestId('exchange-trust').click();
    expect(await applyPicked(reviewer)).toContain('已导入：新文稿 1 篇');
    expect(await reviewer.getByTestId('exchange-applied').innerText()).toContain('已信任 张伟 的密钥');
    await reviewer.getByTestId('exchange-log').getByText(path.basename(files.p1)).waitFor();
    // 张伟 is on the supervisor's roster now.
    expect((await office.store.services.exchange.trusted()).map((entry) => entry.name)).toEqual(['张伟']);
  });

  test('the supervisor comments and returns it; the review package brings it back to the laptop', async () => {
    await reviewer.getByRole('menuitem', { name: /待审阅/ }).click();
    const title = (await office.store.services.reports.get(id))!.title;
    await reviewer.getByText(title).click();
    await reviewer.getByTestId('decision-panel').waitFor();
    await selectPhrase(reviewer, '[data-testid="rich-analysis"]', '建议下周把中档品规的订货量上调一成');
    await reviewer.getByTestId('comment-selection').click();
    await reviewer.getByLabel('点评内容').fill('上调一成的依据是什么？请结合近四周的订货和到货数据说明。');
    await reviewer.getByRole('button', { name: '保存点评' }).click();
    await reviewer.locator('.rd-comment-mark').first().waitFor();
    await pickOption(reviewer, '评定等级', '需改进');
    await reviewer.getByLabel('评定理由').fill('依据不足，措施需要量化。');
    await reviewer.getByRole('button', { name: '退回修改' }).click();
    await reviewer.getByTestId('document-status').filter({ hasText: '已退回' }).waitFor();

    await openExchange(reviewer);
    files.r1 = await download(reviewer, 'export-reviews', folder);
    expect(path.basename(files.r1)).toMatch(/^\d-审阅包_陈主任_致张伟_/);

    // On the laptop: the review package from 陈主任, checked against his fingerprint.
    const supervisorId = (await office.store.services.profiles.list())[0].id;
    const supervisorKey = await office.store.services.signer.identity(supervisorId);
    await pickPackage(writer, files.r1);
    expect(await writer.getByTestId('preview-fingerprint').innerText()).toContain(supervisorKey.fingerprint);
    await writer.getByTestId('exchange-preview').getByText('更新状态').waitFor();
    await writer.getByTestId('exchange-trust').click();
    expect(await applyPicked(writer)).toContain('更新 1 篇');

    // Seen on the laptop exactly as if reviewed there: returned, with the comment on the passage.
    await writer.goto(`${laptop.transport.entryUrl.split('?')[0]}#/reports/${id}`);
    await writer.getByTestId('document-status').filter({ hasText: '已退回' }).waitFor();
    await writer.getByTestId('review-pane').getByText('上调一成的依据是什么').waitFor();
    await writer.locator('.rd-comment-mark').first().waitFor();
  });

  test('resubmit, a duplicate and an out-of-order import, approve: both folders end with the same records', async () => {
    const textComment = writer.locator('.rd-comment-card').filter({ hasText: '上调一成的依据是什么' });
    await replyToComment(writer, textComment, '已补充近四周数据。');
    await writer.getByLabel('三、分析与思考', { exact: true }).click();
    await writer.keyboard.press('Control+End');
    await writer.keyboard.type('近四周中档烟订货量分别为86、90、95、101条，到货满足率从92%降到81%。');
    await writer.getByTestId('save-state').and(writer.locator('[data-state="saved"]')).waitFor();
    await writer.getByRole('button', { name: '修改后重新提交' }).click();
    await writer.getByTestId('document-status').filter({ hasText: '已提交' }).waitFor();
    await openExchange(writer);
    files.p2 = await download(writer, 'export-submissions', folder);

    // The supervisor gets the old package again first: nothing new, nothing changes.
    await openExchange(reviewer);
    await pickPackage(reviewer, files.p1);
    await reviewer.getByText('包中的内容本机都已有，导入不会改变任何内容。').waitFor();
    expect(await applyPicked(reviewer)).toContain('新记录 0 条');
    await pickPackage(reviewer, files.p2);
    await reviewer.getByTestId('exchange-preview').getByText('第 2 版 新').waitFor();
    expect(await applyPicked(reviewer)).toContain('新版本 1 个');

    // Approve, and send the reviews back.
    await reviewer.getByRole('menuitem', { name: /待审阅/ }).click();
    await reviewer.getByText((await office.store.services.reports.get(id))!.title).click();
    await reviewer.getByTestId('decision-panel').waitFor();
    await pickOption(reviewer, '评定等级', '优秀');
    await reviewer.getByRole('button', { name: '通过', exact: true }).click();
    await reviewer.getByTestId('document-status').filter({ hasText: '已通过' }).waitFor();
    await openExchange(reviewer);
    files.r2 = await download(reviewer, 'export-reviews', folder);

    // The laptop imports the new review package, then the old one arrives late.
    await pickPackage(writer, files.r2);
    expect(await applyPicked(writer)).toContain('更新 1 篇');
    await pickPackage(writer, files.r1);
    await writer.getByText('包中的内容本机都已有，导入不会改变任何内容。').waitFor();
    expect(await applyPicked(writer)).toContain('新记录 0 条');
    expect((await laptop.store.services.reports.get(id))!).toMatchObject({ status: 'approved', revision: 2, review: { grade: '优秀' } });

    // Identical review records on both sides: the same ids with the same canonical content.
    const recordsOf = async (app: AppUnderTest) =>
      Object.fromEntries((await app.store.services.reviews.records(id)).map((record) => [record.id, canonicalJson(record)]));
    const onLaptop = await recordsOf(laptop);
    expect(Object.keys(onLaptop).length).toBeGreaterThanOrEqual(6);
    expect(onLaptop).toEqual(await recordsOf(office));
    for (const app of [laptop, office]) {
      const stored = (await app.store.services.reports.get(id))!;
      expect((await app.store.services.reviews.verify(id, { count: stored.review!.count, head: stored.review!.head })).ok).toBe(true);
    }
  });

  test('a damaged package is refused with its message, and nothing is written', async () => {
    const corpus = path.resolve(__dirname, '..', 'fixtures', 'packages');
    const before = await hashFolder(laptop.dataDir);
    await pickPackage(writer, path.join(corpus, 'hash-mismatch.rdpkg'));
    const refused = writer.getByTestId('exchange-refused');
    expect(await refused.innerText()).toContain('与清单中的 sha256 校验值不符');
    await pickPackage(writer, path.join(corpus, 'reviews-for-another-manager.rdpkg'));
    expect(await writer.getByTestId('exchange-refused').innerText()).toContain('不是发给你（张伟）的');
    expect(await hashFolder(laptop.dataDir)).toEqual(before);
  });
  test("a fake supervisor: a second 陈主任 made on the manager's laptop approves 张伟's own log; the real supervisor's machine refuses the package", async () => {
    // On the laptop, someone makes a local supervisor profile named after the real one. This machine trusts the
    // real 陈主任 (from his review packages), so the same name and role needs an explicit confirmation.
    await writer.getByTestId('current-profile').click();
    await writer.getByText('切换身份').first().click();
    await writer.getByText('选择你的身份').waitFor();
    await writer.getByLabel('姓名').fill('陈主任');
    await writer.getByText('主管', { exact: true }).click();
    await writer.getByLabel('部门').fill('营销部');
    await fillSupervisorPassphrase(writer);
    await writer.getByRole('button', { name: '开始使用' }).click();
    const confirm = writer.getByText('我确认这是另一个人', { exact: false });
    await confirm.waitFor();
    await confirm.click();
    expect(await writer.getByTestId('profile-confirm-same-name').isChecked()).toBe(true);
    await writer.getByRole('button', { name: '开始使用' }).click();
    await writer.getByTestId('current-profile').filter({ hasText: '陈主任' }).waitFor();
    const fake = (await laptop.store.services.profiles.list()).find((profile) => profile.name === '陈主任' && profile.role === 'supervisor')!;
    const manager = (await laptop.store.services.profiles.list()).find((profile) => profile.name === '张伟')!;

    // The fake supervisor reopens 张伟's approved log and approves it again: 优秀, 会上表扬.
    const dispatcher = createDispatcher(laptop.store.services, { identity: { name: 'ReportDesk', version: 'test' } });
    const act = async (profileId: string, channel: string, input: unknown) => {
      const result = await dispatcher.dispatch(channel, profileId, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.value;
    };
    await act(fake.id, 'review:reopen', { id, reason: '重新评定' });
    await act(fake.id, 'review:decide', { id, decision: 'approve', grade: '优秀', meetingFlag: 'praise' });
    const pkg = (await act(manager.id, 'exchange:export-submissions', { ids: [id] })) as { fileName: string; dataBase64: string };
    files.fake = path.join(folder, `fake-${pkg.fileName}`);
    await writeFile(files.fake, Buffer.from(pkg.dataBase64, 'base64'));

    // On the real supervisor's machine: refused, with a message that says why; nothing is written.
    const before = await hashFolder(office.dataDir);
    await openExchange(reviewer);
    await pickPackage(reviewer, files.fake);
    const refused = await reviewer.getByTestId('exchange-refused').innerText();
    expect(refused).toContain('与本机身份“陈主任”（主管）同名，但不是同一把密钥：可能有人冒名，已拒绝整个交换包');
    expect(refused).toContain(laptop.store.services.signer.fingerprint((await laptop.store.services.signer.identity(fake.id)).publicKey));
    await screenshot(reviewer, 'exchange-fake-supervisor-refused');
    expect(await hashFolder(office.dataDir)).toEqual(before);
    expect((await office.store.services.reports.get(id))!.review).toMatchObject({ grade: '优秀' });
    expect((await office.store.services.reviews.records(id)).some((record) => record.authorId === fake.id)).toBe(false);
  });
});
