import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** A grid cell by section, column and row position (data-cell="<section>:<rowId>:<column>"). */
export function gridCell(page: Page, sectionId: string, columnKey: string, rowIndex: number): Locator {
  return page.locator(`[data-cell^="${sectionId}:"][data-cell$=":${columnKey}"]`).nth(rowIndex);
}

/**
 * Type into a grid cell as a person would: click it, wait until its editor has the keyboard, type, and
 * confirm with Enter; then wait until the cell shows `shown` (the formatted value) when given.
 */
export async function fillCell(page: Page, cell: Locator, text: string, shown?: string): Promise<void> {
  await cell.click();
  await cell.locator('input.rd-grid-input:focus').waitFor();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  if (shown !== undefined) await cell.filter({ hasText: shown }).waitFor();
}

/** Wait until a (computed) cell shows `text`, then assert it exactly. */
export async function expectCell(cell: Locator, text: string): Promise<void> {
  await cell.filter({ hasText: text }).waitFor({ timeout: 15000 });
  expect((await cell.textContent())?.trim()).toBe(text);
}
