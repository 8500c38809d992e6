// 图表 against the built app: empty state, then the demo data's charts (bars per unit with a plan, reference
// lines, data table, CSV), and a threshold change in 设置 recolouring the start-rate bars.
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { loadDemo } from './demo';
import { expect, test } from './fixtures';

// Units of the 2018-09 sample returns with a start plan: the bulletin's 25 at 100% plus its 22 lagging.
const UNITS_WITH_PLAN = 47;

test('charts: empty state, then the start-rate chart of the demo data', async ({ page }) => {
  await page.goto('/#/charts');
  await expect(page.getByRole('heading', { level: 1, name: '图表' })).toBeVisible();
  await expect(page.getByTestId('charts-empty')).toContainText('载入示例数据');

  await loadDemo(page);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '图表' }).click();

  const start = page.getByTestId('start-rate-chart');
  await expect(start.getByRole('heading', { name: '各市县棚户区改造开工率' })).toBeVisible();
  await expect(start).toContainText('全省开工率 86.02%');
  await expect(start.getByTestId('start-rate-bar')).toHaveCount(UNITS_WITH_PLAN);
  // Each bar carries its figure, so the rate reads without hovering (农安县 has no bar at all at 0%).
  await expect(start.locator('[data-unit="伊通县"] text.bar-value')).toHaveText('5.20%');
  await expect(start.locator('[data-unit="农安县"] text.bar-value')).toHaveText('0.00%');
  await expect(page.getByTestId('loan-bank-chart').locator('svg text', { hasText: /^197\.54$/ })).toHaveCount(
    1,
  );
  await expect(start.locator('.recharts-reference-line')).toHaveCount(2);
  await expect(start.locator('.recharts-reference-line.ref-target')).toHaveCount(1);
  await expect(start.locator('.recharts-reference-line.ref-warning')).toHaveCount(1);
  await expect(start.locator('svg text', { hasText: '目标100%' })).toHaveCount(1);
  await expect(start.locator('svg text', { hasText: '预警线60%' })).toHaveCount(1);
  // The legend says in words what the colours mean.
  await expect(start.getByRole('list', { name: '图例' })).toContainText('低于预警线（<60%）');

  // The data table lists the same units, highest rate first, lowest (农安县, 0) last.
  await start.getByRole('button', { name: '查看数据表' }).click();
  const rows = start.locator('table tbody tr');
  await expect(rows).toHaveCount(UNITS_WITH_PLAN);
  await expect(rows.last()).toContainText('农安县');
  await expect(rows.last()).toContainText('0.00');

  const downloading = page.waitForEvent('download');
  await start.getByRole('button', { name: '下载CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('开工率-2018年1-9月.csv');
  const csv = await readFile(await download.path(), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv.split('\r\n')[0]?.slice(1)).toBe('排名,市县,年度计划（套）,累计开工（套）,开工率（%）,状态');
  expect(csv.trim().split('\r\n')).toHaveLength(UNITS_WITH_PLAN + 1);

  await expect(page.getByTestId('loan-bank-chart')).toContainText('全省本年授信310.04亿元');
  await expect(page.getByTestId('allocation-rate-chart').locator('.recharts-reference-line')).toHaveCount(1);
  await expect(
    page.getByTestId('trends-chart').getByRole('heading', { name: '全省累计开工（套）' }),
  ).toBeVisible();

  // The contents line jumps to a chart's heading and leaves the route alone.
  await page.getByRole('navigation', { name: '本页内容' }).getByRole('button', { name: '全省趋势' }).click();
  await expect(page.getByTestId('trends-chart').getByRole('heading', { level: 2 })).toBeFocused();
  expect(new URL(page.url()).hash).toBe('#/charts');

  const axe = await new AxeBuilder({ page }).include('#main').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
});

test('a threshold saved in 设置 moves units between flags on the chart', async ({ page }) => {
  await loadDemo(page);
  await page.goto('/#/charts');
  const start = page.getByTestId('start-rate-chart');
  await start.getByRole('button', { name: '查看数据表' }).click();
  await expect(start.locator('tbody tr', { hasText: '低于60%' })).toHaveCount(7);

  await page.goto('/#/settings');
  await page.getByLabel('开工率预警线（%）').fill('45');
  await page.getByRole('button', { name: '保存阈值' }).click();
  await expect(page.getByRole('status').filter({ hasText: '预警阈值已保存' })).toBeVisible();

  await page.goto('/#/charts');
  await start.getByRole('button', { name: '查看数据表' }).click();
  // 农安县 0, 伊通县 5.2, 乾安县 29.5, 前郭县 30.3, 四平市 41.6, 九台区 41.7 stay; 通化市 47.0 leaves.
  await expect(start.locator('tbody tr', { hasText: '低于45%' })).toHaveCount(6);
  await expect(start.locator('svg text', { hasText: '预警线45%' })).toHaveCount(1);

  await page.goto('/#/settings');
  await page.getByLabel('开工率预警线（%）').fill('120');
  await page.getByRole('button', { name: '保存阈值' }).click();
  await expect(page.getByRole('alert')).toContainText('不能高于开工率目标');
  await page.getByRole('button', { name: '恢复默认阈值' }).click();
  await expect(page.getByLabel('开工率预警线（%）')).toHaveValue('60');
});
