// The app shell: the page named in the tab, the six sections in the main navigation, the focus on a page change,
// and the three steps shown on a first visit.
import { expect, test } from './fixtures';

test('the app shell loads with its six sections', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('导入月报 - 安居工程月报汇总');
  const nav = page.getByRole('navigation', { name: '主导航' });
  for (const label of ['概览', '导入', '数据', '图表', '通报', '设置']) {
    await expect(nav.getByRole('link', { name: label })).toBeVisible();
  }
  await nav.getByRole('link', { name: '设置' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '设置' })).toBeVisible();
  await expect(nav.getByRole('link', { name: '设置' })).toHaveAttribute('aria-current', 'page');
  // The tab names the page, and the focus moved from the link to the page itself.
  await expect(page).toHaveTitle('设置 - 安居工程月报汇总');
  await expect(page.getByRole('main')).toBeFocused();
});

test('a first visit explains the three steps', async ({ page }) => {
  await page.goto('/');
  const steps = page.locator('details.first-steps');
  await expect(steps).toHaveAttribute('open', '');
  for (const step of ['导入月报', '核对数据和图表', '生成通报']) {
    await expect(steps.getByRole('listitem').filter({ hasText: step })).toBeVisible();
  }
  await steps.getByRole('link', { name: '数据' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '汇总数据' })).toBeVisible();
});

test('the skip link is the first stop of the keyboard and keeps the page', async ({ page }) => {
  await page.goto('/#/settings');
  await expect(page.getByRole('heading', { level: 1, name: '设置' })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '跳到正文' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  // Still 设置: the link did not send the hash router to another page.
  await expect(page.getByRole('heading', { level: 1, name: '设置' })).toBeVisible();
  expect(new URL(page.url()).hash).toBe('#/settings');
});
