import type { Locator, Page } from 'playwright-core';
import { fillCell, gridCell } from './grid';

/** Select the first occurrence of `phrase` inside an element and release the mouse, as a reader would. */
export async function selectPhrase(page: Page, containerSelector: string, phrase: string): Promise<void> {
  await page.evaluate(
    ({ containerSelector, phrase }) => {
      const container = document.querySelector(containerSelector)!;
      const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(phrase);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + phrase.length);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        container.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
        return;
      }
      throw new Error(`phrase not found: ${phrase}`);
    },
    { containerSelector, phrase },
  );
}

/** The passphrase the e2e tests give every supervisor profile (set on creation, or on first choice). */
export const e2ePassphrase = '主管口令-e2e-2026';

/** On the profile form with 主管 chosen: fill the passphrase fields a supervisor profile needs. */
export async function fillSupervisorPassphrase(page: Page, passphrase = e2ePassphrase): Promise<void> {
  await page.getByTestId('profile-passphrase').fill(passphrase);
  await page.getByTestId('profile-passphrase-confirm').fill(passphrase);
}

/**
 * After choosing a supervisor profile: the passphrase dialog unlocks its key — or, for a key made before
 * passphrases (the demo office), sets the passphrase first. Nothing to do when the key is already unlocked.
 */
export async function unlockIfAsked(page: Page, name: string, passphrase = e2ePassphrase): Promise<void> {
  const input = page.getByTestId('passphrase-input');
  const current = page.getByTestId('current-profile').filter({ hasText: name });
  await input.or(current).first().waitFor();
  if (await input.isVisible()) {
    await input.fill(passphrase);
    const confirm = page.getByTestId('passphrase-confirm');
    if (await confirm.isVisible()) await confirm.fill(passphrase);
    await page.getByTestId('passphrase-ok').click();
  }
  await current.waitFor();
}

export async function chooseProfile(page: Page, name: string): Promise<void> {
  const chooser = page.getByText('选择你的身份');
  if (!(await chooser.isVisible())) {
    await page.getByTestId('current-profile').click();
    await page.getByText('切换身份').first().click();
    await chooser.waitFor();
  }
  await page.getByText(name, { exact: true }).click();
  await unlockIfAsked(page, name);
}

export async function pickOption(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator(`.ant-select-item-option[title="${option}"]`).click();
}

/** Reply to a comment card and wait until the reply is recorded on the card and the reply box has closed. */
export async function replyToComment(page: Page, card: Locator, text: string): Promise<void> {
  await card.getByRole('button', { name: '回复' }).click();
  await page.getByLabel('回复内容').fill(text);
  await page.getByRole('button', { name: '确定', exact: true }).click();
  await card.locator('.rd-comment-event').getByText(text).waitFor();
  await page.getByLabel('回复内容').waitFor({ state: 'detached' });
}

/**
 * Open a click-triggered dropdown and wait for `item` in it. A click that lands while the page is still
 * settling (a query finishing re-renders the header) can leave the menu closed; the trigger is clicked again
 * then, as a user would.
 */
export async function openMenu(page: Page, trigger: Locator, item: Locator): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    await trigger.click();
    try {
      await item.waitFor({ state: 'visible', timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/**
 * Choose `option` in the select opened by `trigger` and wait for `result`, the change a person sees. On a busy
 * machine a click can land while the dropdown is still opening and be lost; the choice is made again then.
 */
export async function chooseUntil(page: Page, trigger: Locator, option: Locator, result: Locator): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await openMenu(page, trigger, option);
      // The dropdown can close again while it is still opening (a re-render takes the focus): open it again then.
      await option.click({ timeout: 5_000 });
      await result.waitFor({ state: 'visible', timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** The analysis a manager types into today's log in the review and exchange flows. */
export const sampleAnalysis =
  '今天走访的八户中，五户反映中档烟供不应求，主要原因是本周到货量比上周少两成，而周边工地开工带来了新增需求。' +
  '建议下周把中档品规的订货量上调一成，并优先保障东街两户便利店。另外三户陈列不规范，已现场指导整改，下周回访确认。';

/** Open today's work log and fill it until it is complete and saved, typed as a manager would (not submitted). */
export async function writeTodayLog(page: Page, analysis = sampleAnalysis): Promise<void> {
  await page.getByTestId('today-log').click();
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

/** The first-run form on a fresh data folder: a manager (片区) or a supervisor (部门, with a passphrase). */
export async function firstRun(page: Page, name: string, role: 'manager' | 'supervisor', unit: string): Promise<void> {
  await page.getByLabel('姓名').fill(name);
  if (role === 'supervisor') await page.getByText('主管', { exact: true }).click();
  await page.getByLabel(role === 'manager' ? '片区' : '部门').fill(unit);
  if (role === 'supervisor') await fillSupervisorPassphrase(page);
  await page.getByRole('button', { name: '开始使用' }).click();
  await page.getByTestId('current-profile').filter({ hasText: name }).waitFor();
}

/** 导出 → 交换包. */
export async function openExchange(page: Page): Promise<void> {
  await page.getByRole('menuitem', { name: /导出/ }).click();
  await page.getByTestId('open-exchange').click();
  await page.getByRole('heading', { name: '交换包：发送与接收' }).waitFor();
}

/** Choose a package file on the exchange page and wait for its preview or its refusal. */
export async function pickPackage(page: Page, file: string): Promise<void> {
  await page.getByTestId('exchange-import').locator('input[type="file"]').setInputFiles(file);
  await page.getByTestId('exchange-preview').or(page.getByTestId('exchange-refused')).waitFor();
}
