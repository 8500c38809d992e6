// 数据 and the unit page against the built app with the demo data (载入示例数据 on 导入): the province totals
// of every attachment, sorting, the prefecture and flag filters, grouping, and the way to a unit's page.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import * as XLSX from 'xlsx';
import { rowByName } from './data-model';
import { loadDemoConfirmingIfAsked } from './demo';
import { expect, test } from './fixtures';

async function openTable(page: Page, tab: RegExp): Promise<void> {
  await page.getByRole('navigation', { name: '附件' }).getByRole('link', { name: tab }).click();
}

/** '11,851' → 11851; a missing cell is NaN, so a sum over it fails. */
function toNumber(text: string | undefined): number {
  return text === undefined ? Number.NaN : Number(text.replace(/,/g, ''));
}

/** The row header texts of the body, in order. */
async function rowNames(table: Locator): Promise<string[]> {
  // Wait for the body to be drawn: right after a navigation the table may still be loading its data.
  await expect(table.locator('tbody th[scope="row"]').first()).toBeVisible();
  return (await table.locator('tbody th[scope="row"]').allTextContents()).map((t) => t.trim());
}

test.describe('数据 with the demo data', () => {
  test.beforeEach(async ({ page }) => {
    await loadDemoConfirmingIfAsked(page);
    await expect(page.getByRole('combobox', { name: '报告期' })).toHaveValue('2018-09');
    await page.goto('/#/data');
    await expect(page.getByRole('heading', { level: 1, name: '汇总数据' })).toBeVisible();
  });

  test('each attachment shows the province totals of 2018年1-9月', async ({ page }) => {
    const start = page.getByTestId('table-start');
    await expect(start.locator('caption')).toHaveText('附件1 2018年1-9月全省棚户区改造开工进展情况');
    const startTotal = await rowByName(start, '全省合计');
    expect(startTotal['年度计划（套）']).toBe('95,270');
    expect(startTotal['累计开工（套）']).toBe('81,948');
    expect(startTotal['开工率（%）']).toBe('86.02');
    // Pinned first.
    expect((await rowNames(start))[0]).toBe('全省合计');

    await openTable(page, /附件2/);
    await expect(page).toHaveURL(/#\/data\/loan$/);
    const loanTotal = await rowByName(page.getByTestId('table-loan'), '全省合计');
    expect(loanTotal['本年授信（审批）（亿元）']).toBe('310.04');
    expect(loanTotal['本年发放（亿元）']).toBe('252.32');
    expect(loanTotal['国开行发放（亿元）']).toBe('56.85');
    expect(loanTotal['农发行发放（亿元）']).toBe('106.63');

    await openTable(page, /附件3/);
    const expTotal = await rowByName(page.getByTestId('table-expropriation'), '全省合计');
    expect(expTotal['合计（户）']).toBe('38,344');
    expect(expTotal['累计完成征收（户）']).toBe('38,028');
    expect(expTotal['累计完成拆迁（户）']).toBe('316');

    await openTable(page, /附件4/);
    const carry = page.getByTestId('table-carryOver');
    expect((await rowByName(carry, '全省合计')).项目名称).toBe('78个项目');
    // The project list itself: 78 projects plus the total row.
    await expect(carry.locator('tbody tr')).toHaveCount(79);

    await openTable(page, /附件5/);
    const rentalTotal = await rowByName(page.getByTestId('table-publicRental'), '全省合计');
    expect(rentalTotal['累计筹集（套）']).toBe('336,200');
    expect(rentalTotal['累计已分配（套）']).toBe('319,600');
    expect(rentalTotal['分配率（%）']).toBe('95.06');
  });

  test('sorting by start rate puts 农安县 first ascending, keeps 全省合计 on top and marks the header', async ({
    page,
  }) => {
    const table = page.getByTestId('table-start');
    const rateHeader = table.locator('thead th').filter({ hasText: '开工率（%）' });
    await rateHeader.getByRole('button').click();
    await expect(rateHeader).toHaveAttribute('aria-sort', 'ascending');
    const names = await rowNames(table);
    expect(names.slice(0, 3)).toEqual(['全省合计', '农安县', '伊通县']);
    // Keyboard: Enter on the focused sort button turns it descending.
    await rateHeader.getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect(rateHeader).toHaveAttribute('aria-sort', 'descending');
    const desc = await rowNames(table);
    expect(desc[0]).toBe('全省合计');
    expect(desc[1]).not.toBe('农安县');
    // The three units without a plan have no rate: last in both directions.
    expect(new Set(desc.slice(-3))).toEqual(new Set(names.slice(-3)));
    for (const name of desc.slice(-3)) expect((await rowByName(table, name)).状态).toBe('无计划');
    // Names sort in pinyin order: 安图县 (an) first.
    const nameHeader = table.locator('thead th').filter({ hasText: '市县' });
    await nameHeader.getByRole('button').click();
    await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
    expect((await rowNames(table)).slice(0, 2)).toEqual(['全省合计', '安图县']);
  });

  test('the prefecture and flag filters narrow the rows; grouping puts units under their 全市 row', async ({
    page,
  }) => {
    const table = page.getByTestId('table-start');
    await expect(table.locator('tbody tr')).toHaveCount(51);
    await page.getByRole('combobox', { name: '市州' }).selectOption({ label: '长春市' });
    expect(await rowNames(table)).toEqual(['全省合计', '长春市', '九台区', '农安县', '榆树市', '德惠市']);
    await expect(page.getByText('显示 5 / 50 个单位')).toBeVisible();

    await page.getByRole('combobox', { name: '市州' }).selectOption({ label: '全部市州' });
    await page.getByRole('combobox', { name: '状态' }).selectOption({ label: '低于预警线（<60%）（7）' });
    const below = (await rowNames(table)).slice(1);
    expect(new Set(below)).toEqual(
      new Set(['农安县', '伊通县', '乾安县', '前郭县', '四平市', '九台区', '通化市']),
    );
    for (const name of below) {
      expect((await rowByName(table, name)).状态).toContain('低于预警线');
    }

    await page.getByRole('combobox', { name: '状态' }).selectOption({ label: '滞后（<100%）（22）' });
    await expect(table.locator('tbody tr')).toHaveCount(23);

    await page.getByRole('combobox', { name: '状态' }).selectOption({ label: '全部状态' });
    await page.getByRole('searchbox', { name: '查找' }).fill('九台');
    expect(await rowNames(table)).toEqual(['全省合计', '九台区']);
    await page.getByRole('searchbox', { name: '查找' }).fill('');

    await page.getByLabel('按市州分组').check();
    const grouped = await rowNames(table);
    expect(grouped.slice(0, 7)).toEqual([
      '全省合计',
      '长春市全市',
      '长春市',
      '九台区',
      '农安县',
      '榆树市',
      '德惠市',
    ]);
    expect(grouped).toContain('省直管合计');
    await expect(table.locator('tbody tr.subtotal')).toHaveCount(10);
    // The group subtotal is the sum of its units.
    const cc = await rowByName(table, '长春市全市');
    let plan = 0;
    for (const name of ['长春市', '九台区', '农安县', '榆树市', '德惠市']) {
      plan += toNumber((await rowByName(table, name))['年度计划（套）']);
    }
    expect(toNumber(cc['年度计划（套）'])).toBe(plan);
  });

  test('loans: the bank summary view, and carry-over projects finished since last month', async ({
    page,
  }) => {
    await openTable(page, /附件2/);
    await page.getByLabel('按银行汇总').check();
    const banks = page.getByTestId('table-loan-banks');
    const adb = await rowByName(banks, '中国农业发展银行（农发行）');
    expect(adb['本年授信（审批）（亿元）']).toBe('197.54');
    expect(adb['本年发放（亿元）']).toBe('106.63');
    expect((await rowByName(banks, '商业银行小计'))['本年发放（亿元）']).toBe('88.84');
    expect((await rowByName(banks, '全省合计'))['本年授信（审批）（亿元）']).toBe('310.04');

    await openTable(page, /附件4/);
    const carry = page.getByTestId('table-carryOver');
    // 84 projects in August, 78 in September, none new: 6 finished, listed apart and marked 已完成.
    const finished = page.getByTestId('table-carryOver-finished');
    await expect(finished.locator('caption')).toContainText('6个');
    await expect(finished.locator('tbody tr')).toHaveCount(6);
    await expect(finished.locator('tbody tr').filter({ hasText: '已完成' })).toHaveCount(6);
    await expect(carry.locator('tbody tr').filter({ hasText: '新增' })).toHaveCount(0);
    await page.getByRole('combobox', { name: '单位', exact: true }).selectOption({ index: 1 });
    const unitRows = await carry.locator('tbody tr').count();
    expect(unitRows).toBeGreaterThan(1);
    expect(unitRows).toBeLessThan(79);
    await expect(page.getByRole('heading', { name: '本月已完成的项目' })).toBeVisible();

    // Unknown unit ids get a plain message, not a blank page.
    await page.goto('/#/unit/999999');
    await expect(page.getByRole('heading', { level: 1, name: '未知单位' })).toBeVisible();
  });

  test('a unit link opens the unit page with its figures and history', async ({ page }) => {
    await page.getByTestId('table-start').getByRole('link', { name: '农安县', exact: true }).click();
    await expect(page).toHaveURL(/#\/unit\/220122$/);
    await expect(page.getByRole('heading', { level: 1, name: '农安县' })).toBeVisible();
    await expect(page).toHaveTitle('农安县 - 安居工程月报汇总');
    const start = page.getByRole('region', { name: '表1 棚户区改造开工' });
    await expect(start).toContainText('开工率（%）0.00');
    await expect(start).toContainText('低于预警线');
    const history = page.getByTestId('unit-history');
    await expect(history.locator('tbody tr')).toHaveCount(2);
    await expect(history.locator('tbody tr').first()).toContainText('2018年1-9月（当前）');
    // Choosing the earlier period shows that period's figures.
    await history.getByRole('button', { name: '2018年1-8月' }).click();
    await expect(page.getByRole('heading', { level: 2, name: '2018年1-8月各项指标' })).toBeVisible();
  });

  test('导出汇总表 on 数据 downloads the five attachments with the province totals', async ({ page }) => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出汇总表' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('2018年1-9月全省安居工程进展汇总表.xlsx');
    const book = XLSX.read(await readFile(await download.path()));
    expect(book.SheetNames).toEqual(['附件1', '附件2', '附件3', '附件4', '附件5']);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets.附件1 as XLSX.WorkSheet, { header: 1 });
    expect(rows.find((r) => r[1] === '全省合计')?.slice(2, 4)).toEqual([95270, 81948]);
  });
});

test('an empty store shows the way to 导入', async ({ page }) => {
  await page.goto('/#/data');
  await expect(page.getByText('还没有任何月报数据。')).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: '导入' })).toHaveAttribute(
    'href',
    '#/import',
  );
});

test('with only some returns of a period, the totals are theirs and the missing units are named', async ({
  page,
}) => {
  const dir = join(import.meta.dirname, '..', 'fixtures', 'samples', '2018-09');
  const files = ['长春市', '九台区', '农安县'].map((u) => join(dir, `${u}-2018年1-9月.xlsx`));
  await page.goto('/#/import');
  await page.getByLabel('选择文件').setInputFiles(files);
  await expect(page.getByText('已读取 3 / 3 个文件')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByTestId('import-summary')).toContainText('已导入 3 份');

  await page.goto('/#/data/start');
  const table = page.getByTestId('table-start');
  await expect(table.locator('tbody th[scope="row"]')).toHaveText(['全省合计', '长春市', '九台区', '农安县']);
  // Forty-seven names fold under the sentence; opened, they are all there, and no reported unit is among them.
  const notice = page.getByTestId('data-missing');
  await expect(notice).toContainText('本期有 47 个单位尚未上报，合计只含已上报的 3 个单位。');
  await notice.getByText('点击查看未上报单位').click();
  await expect(notice.getByText(/^未上报：/)).toBeVisible();
  await expect(notice).toContainText('榆树市');
  await expect(notice).not.toContainText('农安县');
  let plan = 0;
  for (const name of ['长春市', '九台区', '农安县']) {
    plan += toNumber((await rowByName(table, name))['年度计划（套）']);
  }
  expect((await rowByName(table, '全省合计'))['年度计划（套）']).toBe(plan.toLocaleString('en-US'));
  // August is not stored: 本月 comes from the return's own 本月 column, and says so.
  expect((await rowByName(table, '九台区'))['本月开工（套）']).toBe('165（填报）');
});
