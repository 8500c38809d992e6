import { expect, test } from './fixtures';

test('the app shell loads with its five sections', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('安居工程月报汇总');
  const nav = page.getByRole('navigation', { name: '主导航' });
  for (const label of ['导入', '数据', '图表', '通报', '设置']) {
    await expect(nav.getByRole('link', { name: label })).toBeVisible();
  }
  await nav.getByRole('link', { name: '设置' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '设置' })).toBeVisible();
  await expect(nav.getByRole('link', { name: '设置' })).toHaveAttribute('aria-current', 'page');
});
