// 载入示例数据 for the specs that need the sample returns stored before they start.
import { expect, type Page } from '@playwright/test';

/**
 * Open 导入, press 载入示例数据 and wait for the import summary: visible, or containing `expected` when given
 * ('已导入 100 份' for a first import, '跳过' for a repeat).
 */
export async function loadDemo(page: Page, expected?: string): Promise<void> {
  await page.goto('/#/import');
  await page.getByRole('button', { name: '载入示例数据' }).click();
  const summary = page.getByTestId('import-summary');
  if (expected === undefined) await expect(summary).toBeVisible({ timeout: 90_000 });
  else await expect(summary).toContainText(expected, { timeout: 90_000 });
}

/** As loadDemo, waiting until every file is read and confirming the import if it still asks for a decision. */
export async function loadDemoConfirmingIfAsked(page: Page): Promise<void> {
  await page.goto('/#/import');
  await page.getByRole('button', { name: '载入示例数据' }).click();
  await expect(page.getByText('已读取 100 / 100 个文件')).toBeVisible({ timeout: 60_000 });
  const summary = page.getByTestId('import-summary');
  // The demo stores itself when nothing needs a decision; if it still waits, confirm it as a user would.
  try {
    await summary.waitFor({ timeout: 20_000 });
  } catch {
    await page.getByRole('button', { name: '确认导入' }).click();
  }
  await expect(summary).toContainText('已导入 100 份', { timeout: 60_000 });
}
