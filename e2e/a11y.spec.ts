// Accessibility: axe finds no serious or critical violation on 导入, every attachment of 数据 (each view), 图表,
// 设置 and a unit's page, with the demo data loaded.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { loadDemoConfirmingIfAsked } from './demo';
import { expect, test } from './fixtures';

/** Serious and critical violations, as 'rule: target' lines (readable in a failure). */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${v.help}`));
}

test('no serious or critical violation on 导入, 数据, 图表, 设置 and the unit page', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/#/import');
  await expect(page.getByRole('heading', { level: 1, name: '导入月报' })).toBeVisible();
  expect(await seriousViolations(page), 'import page, empty').toEqual([]);

  await loadDemoConfirmingIfAsked(page);
  expect(await seriousViolations(page), 'import page, with files').toEqual([]);

  const views: { hash: string; caption: RegExp; prepare?: (page: Page) => Promise<void>; name: string }[] = [
    { name: '附件1', hash: '#/data/start', caption: /附件1/ },
    {
      name: '附件1 grouped',
      hash: '#/data/start',
      caption: /附件1/,
      prepare: async (p) => p.getByRole('checkbox', { name: '按市州分组' }).check(),
    },
    { name: '附件2', hash: '#/data/loan', caption: /附件2/ },
    {
      name: '附件2 banks',
      hash: '#/data/loan',
      caption: /附件2/,
      prepare: async (p) => p.getByRole('radio', { name: '按银行汇总' }).check(),
    },
    { name: '附件3', hash: '#/data/expropriation', caption: /附件3/ },
    { name: '附件4', hash: '#/data/carryOver', caption: /附件4/ },
    {
      name: '附件4 units',
      hash: '#/data/carryOver',
      caption: /附件4/,
      prepare: async (p) => p.getByRole('radio', { name: '按单位汇总' }).check(),
    },
    { name: '附件5', hash: '#/data/publicRental', caption: /附件5/ },
  ];
  for (const view of views) {
    await page.goto(`/${view.hash}`);
    await expect(page.locator('table.data caption').first()).toHaveText(view.caption);
    await view.prepare?.(page);
    expect(await seriousViolations(page), view.name).toEqual([]);
  }

  await page.goto('/#/charts');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('.recharts-surface').first()).toBeVisible({ timeout: 30_000 });
  expect(await seriousViolations(page), 'charts page').toEqual([]);

  await page.goto('/#/settings');
  await expect(page.getByRole('heading', { level: 1, name: '设置' })).toBeVisible();
  await expect(page.getByTestId('storage-usage')).toBeVisible();
  expect(await seriousViolations(page), 'settings page').toEqual([]);

  await page.goto('/#/unit/220122');
  await expect(page.getByRole('heading', { level: 1, name: '农安县' })).toBeVisible();
  await expect(page.getByTestId('unit-history')).toBeVisible();
  expect(await seriousViolations(page), 'unit page').toEqual([]);
});
