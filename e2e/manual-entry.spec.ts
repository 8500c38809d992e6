// 手工录入 end to end: a unit's five tables typed in as the template lays them out, checked by the reader's rules
// (a bad figure named at its input), stored with the required note, shown in 数据 and the bulletin, and then
// corrected by hand from the unit's page (手工更正) after the changed figures are confirmed; axe on the page.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DataPageModel, UnitPageModel } from './data-model';
import { expect, test } from './fixtures';

/** Type a row of a table: field header → text. */
async function typeRow(
  page: Page,
  table: string,
  row: number,
  values: Record<string, string>,
): Promise<void> {
  for (const [header, text] of Object.entries(values)) {
    await page.getByLabel(`${table}第${row}行 ${header}`, { exact: true }).fill(text);
  }
}

test('a unit’s five tables typed in appear in the tables and the bulletin, and are corrected by hand', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('/#/import');
  await page.getByRole('link', { name: '手工录入' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '手工录入' })).toBeVisible();
  await page.getByLabel('填报单位').selectOption({ label: '农安县' });
  await page.getByLabel('年份').selectOption('2018');
  await page.getByLabel('截至月份').selectOption('9');

  await typeRow(page, '棚改开工', 1, {
    '年度计划（套）': '约1200',
    '累计开工（套）': '800',
    '其中：本月开工（套）': '50',
  });
  await page.getByLabel('本年棚改需贷款（亿元）').fill('4.07');
  await typeRow(page, '棚改贷款', 1, {
    贷款银行: '国家开发银行',
    '本年授信（审批）额度（亿元）': '1.2',
    '其中：本月新增授信': '0',
    '本年发放贷款（亿元）': '0.5',
    '其中：本月新增发放': '0',
  });
  await page.getByRole('button', { name: '添加一行（银行）' }).click();
  await typeRow(page, '棚改贷款', 2, {
    贷款银行: '农发行',
    '本年授信（审批）额度（亿元）': '2.26',
    '其中：本月新增授信': '0.1',
    '本年发放贷款（亿元）': '1.76',
    '其中：本月新增发放': '0',
  });
  await typeRow(page, '房屋征收', 1, {
    '年度征收计划（户）': '700',
    '累计完成征收（户）': '342',
    '累计完成拆迁（户）': '8',
    '其中：本月完成（户）': '41',
  });
  await typeRow(page, '结转项目', 1, {
    项目名称: '光明片区1期棚户区改造项目',
    涉及户数: '156',
    未完成拆迁户数: '45',
    未完成原因: '补偿标准未达成一致',
    计划完成时间: '2018年12月',
  });
  await typeRow(page, '公租房分配', 1, {
    '累计筹集（套）': '9260',
    '累计已分配（套）': '7279',
    '本年分配任务（套）': '300',
    '本年已分配（套）': '0',
  });

  // The note is required; then the reader's rules name the bad figure at its input, nothing saved.
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('alert')).toContainText('请填写数据来源');
  await page.getByLabel('数据来源（必填）').fill('电话核实（农安县住建局王科长）');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('alert')).toContainText('有 1 处需要改正');
  const plan = page.getByLabel('棚改开工第1行 年度计划（套）', { exact: true });
  await expect(plan).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator(`#${await plan.getAttribute('aria-describedby')}`)).toContainText(
    '“约1200”不是数字',
  );
  await plan.fill('1200');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status').filter({ hasText: '手工录入数据' })).toContainText(
    '已保存农安县2018年1-9月的手工录入数据',
  );

  const data = new DataPageModel(page);
  await page.goto('/#/data/start');
  await data.selectPeriod('2018年1-9月');
  await data.expectCell(data.table('table-start'), '农安县', '年度计划（套）', '1,200');
  await data.expectCell(data.table('table-start'), '农安县', '累计开工（套）', '800');
  await page.goto('/#/bulletin');
  const article = page.getByRole('article', { name: '通报正文' });
  await expect(article).toContainText('2018年全省计划改造各类棚户区1200套');
  await expect(article).toContainText('已开工800套');

  const unit = new UnitPageModel(page, '220122', '农安县');
  await unit.open();
  await expect(unit.history).toContainText('手工录入');
  await expect(unit.history).toContainText('数据来源：电话核实（农安县住建局王科长）');

  // 手工更正 from the unit's page: the form starts from the current figures; the change is confirmed first.
  await page.getByRole('link', { name: '手工更正本期数据' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '手工更正' })).toBeVisible();
  const started = page.getByLabel('棚改开工第1行 累计开工（套）', { exact: true });
  await expect(started).toHaveValue('800');
  await expect(page.getByLabel('棚改贷款第2行 本年发放贷款（亿元）', { exact: true })).toHaveValue('1.76');
  await started.fill('900');
  await page.getByLabel('数据来源（必填）').fill('纸质报表（10月9日）');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('alert')).toContainText('勾选确认替换');
  await expect(page.locator('.replace-diff')).toContainText('900');
  await page.getByLabel(/确认用手工录入的数字替换现有数据/).check();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status').filter({ hasText: '手工录入数据' })).toBeVisible();
  await unit.open();
  await expect(unit.history.getByRole('listitem')).toHaveCount(2);
  await expect(unit.history).toContainText('纸质报表（10月9日）');
  await page.goto('/#/data/start');
  await data.expectCell(data.table('table-start'), '农安县', '累计开工（套）', '900');
});

test('axe finds no serious violation on 手工录入', async ({ page }) => {
  await page.goto('/#/entry');
  await expect(page.getByRole('heading', { level: 1, name: '手工录入' })).toBeVisible();
  await page.getByLabel('填报单位').selectOption({ label: '农安县' });
  await page.getByLabel('棚改开工第1行 年度计划（套）', { exact: true }).fill('-5');
  await page.getByRole('button', { name: '检查' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${v.help}`));
  expect(serious).toEqual([]);
});
