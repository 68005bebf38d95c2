import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chooseProfile, pickOption, replyToComment, selectPhrase, writeTodayLog } from './actions';
import { screenshot, startApp, type AppUnderTest } from './harness';

describe('review: submit, comment, return, fix, resubmit, compare, grade and approve', () => {
  let app: AppUnderTest;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  test('a manager and a supervisor go through a full review round in Chromium', async () => {
    // The manager writes today's log and submits it.
    const manager = await app.open();
    const writer = manager.page;
    await writer.getByRole('button', { name: '载入示例数据' }).click();
    await writer.getByText('张伟', { exact: true }).waitFor();
    await chooseProfile(writer, '张伟');
    await writeTodayLog(writer);
    await screenshot(writer, 'review-1-manager-drafts');
    await writer.getByRole('button', { name: '提交' }).click();
    await writer.getByTestId('document-status').filter({ hasText: '已提交' }).waitFor();
    const id = writer.url().split('/reports/')[1];
    expect(id).toBeTruthy();

    // The supervisor finds it in 待审阅 and comments on a passage and on a table cell.
    const supervisor = await app.open();
    const reviewer = supervisor.page;
    await chooseProfile(reviewer, '陈主任');
    await reviewer.getByRole('menuitem', { name: /待审阅/ }).click();
    const title = (await app.store.services.reports.get(id))!.title;
    await reviewer.getByText(title).click();
    await reviewer.getByTestId('decision-panel').waitFor();
    await selectPhrase(reviewer, '[data-testid="rich-analysis"]', '建议下周把中档品规的订货量上调一成');
    await reviewer.getByTestId('comment-selection').click();
    await reviewer.getByLabel('点评内容').fill('上调一成的依据是什么？请结合近四周的订货和到货数据说明。');
    await reviewer.getByRole('button', { name: '保存点评' }).click();
    await reviewer.locator('.rd-comment-mark').first().waitFor();
    await reviewer.locator('[data-cell^="visits:"][data-cell$=":客户名称"]').first().click();
    await reviewer.getByLabel('点评内容').fill('请补充该店的档位和本次的库存情况。');
    await reviewer.getByRole('button', { name: '保存点评' }).click();
    await reviewer.getByTestId('review-pane').locator('.rd-comment-card').getByText('请补充该店的档位和本次的库存情况。').waitFor();

    // 需改进 without a reason is refused; with one, the document goes back.
    await pickOption(reviewer, '评定等级', '需改进');
    await reviewer.getByRole('button', { name: '退回修改' }).click();
    await reviewer.getByText('评定为“需改进”时必须说明理由').waitFor();
    expect((await app.store.services.reports.get(id))!.status).toBe('submitted');
    await screenshot(reviewer, 'review-2-supervisor-comments');
    await reviewer.getByLabel('评定理由').fill('分析有数据但依据不足，措施需要量化。');
    await reviewer.getByRole('button', { name: '退回修改' }).click();
    await reviewer.getByTestId('document-status').filter({ hasText: '已退回' }).waitFor();

    // The manager sees the comments, replies, edits, marks fixed and resubmits.
    await writer.reload();
    await writer.getByTestId('document-status').filter({ hasText: '已退回' }).waitFor();
    await writer.getByTestId('review-pane').getByText('上调一成的依据是什么').waitFor();
    const textComment = writer.locator('.rd-comment-card').filter({ hasText: '上调一成的依据是什么' });
    await replyToComment(writer, textComment, '已补充近四周数据，见修改后的第二段。');
    await writer.getByLabel('三、分析与思考', { exact: true }).click();
    await writer.keyboard.press('Control+End');
    await writer.keyboard.type('近四周中档烟订货量分别为86、90、95、101条，到货满足率从92%降到81%，上调一成与需求增速一致。');
    await textComment.getByRole('button', { name: '标记已整改' }).click();
    await writer.getByLabel(/说明如何整改/).fill('补充了近四周订货与到货数据。');
    await writer.getByRole('button', { name: '确定', exact: true }).click();
    await textComment.getByText('已整改', { exact: true }).waitFor();
    await writer.getByTestId('save-state').and(writer.locator('[data-state="saved"]')).waitFor();
    await screenshot(writer, 'review-3-manager-fixes');
    await writer.getByRole('button', { name: '修改后重新提交' }).click();
    await writer.getByTestId('document-status').filter({ hasText: '已提交' }).waitFor();

    // The supervisor compares the revisions, confirms the fix, grades 优秀 with 会上表扬 and approves.
    await reviewer.reload();
    await reviewer.getByTestId('decision-panel').waitFor();
    await reviewer.getByRole('button', { name: '版本对比' }).click();
    await reviewer.getByTestId('compare-drawer').locator('.rd-diff-added').first().waitFor();
    await screenshot(reviewer, 'review-4-compare');
    await reviewer.keyboard.press('Escape');
    const fixed = reviewer.locator('.rd-comment-card').filter({ hasText: '上调一成的依据是什么' });
    await fixed.getByRole('button', { name: '确认解决' }).click();
    await fixed.getByText('已解决', { exact: true }).waitFor();
    await pickOption(reviewer, '评定等级', '优秀');
    await reviewer.getByText('会上表扬', { exact: true }).click();
    await reviewer.getByLabel('总体点评').fill('数据翔实，措施具体，会上表扬。');
    await reviewer.getByRole('button', { name: '通过', exact: true }).click();
    await reviewer.getByTestId('document-status').filter({ hasText: '已通过' }).waitFor();
    await screenshot(reviewer, 'review-5-approved');

    const stored = (await app.store.services.reports.get(id))!;
    expect(stored.status).toBe('approved');
    expect(stored.review).toMatchObject({ grade: '优秀', meetingFlag: 'praise' });
    expect(await app.store.services.reviews.revisions(id)).toEqual([1, 2]);
    const verified = await app.store.services.reviews.verify(id, { count: stored.review!.count, head: stored.review!.head });
    expect(verified.ok).toBe(true);
    await manager.context.close();
    await supervisor.context.close();
  });
});
