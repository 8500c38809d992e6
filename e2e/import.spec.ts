// 导入 end to end on the built app: the 100 samples through the file picker, kept after reload; bad files refused
// with file and cell named while the good ones import; a replacement only on confirmation; 载入示例数据 the same
// as importing the samples by hand.
import AxeBuilder from '@axe-core/playwright';
import * as XLSX from 'xlsx';
import { expect, test } from './fixtures';
import { ImportPageModel, sampleBytes, samplePaths } from './import-model';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A sample workbook with one cell of a sheet changed (rewritten by SheetJS, as a user's Excel would save it). */
function withCell(period: string, unit: string, sheet: string, cell: string, value: string | number): Buffer {
  const wb = XLSX.read(sampleBytes(period, unit));
  const ws = wb.Sheets[sheet];
  if (!ws) throw new Error(`no sheet ${sheet}`);
  ws[cell] = typeof value === 'number' ? { t: 'n', v: value } : { t: 's', v: value };
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

test('imports all 100 samples through the file picker and keeps them after reload', async ({ page }) => {
  const model = new ImportPageModel(page);
  await model.open();
  const files = [...samplePaths('2018-08'), ...samplePaths('2018-09')];
  expect(files).toHaveLength(100);
  await model.choose(files);
  await expect(page.locator('tr[data-status="error"]')).toHaveCount(0);
  await expect(model.row('农安县-2018年1-9月.xlsx')).toContainText('2018年1-9月');
  await expect(model.row('农安县-2018年1-9月.xlsx')).toContainText('农安县');
  const summary = await model.confirm();
  expect(summary).toContain('已导入 100 份，替换 0 份，跳过 0 份（已存在），拒绝 0 个文件');

  for (const reload of [false, true]) {
    if (reload) {
      await page.reload();
      await expect(page.getByRole('heading', { level: 1, name: '导入月报' })).toBeVisible();
    }
    await model.selectPeriod('2018年1-9月');
    await expect(model.completenessSummary()).toHaveText('2018年1-9月：已报送 50 / 50 个单位，全部报齐。');
    await model.selectPeriod('2018年1-8月');
    await expect(model.completenessSummary()).toHaveText('2018年1-8月：已报送 50 / 50 个单位，全部报齐。');
    await expect(page.getByRole('table', { name: /报送完整性/ }).getByText('未报送')).toHaveCount(0);
  }

  // The same file again: 已存在, nothing written.
  await model.choose(samplePaths('2018-09').slice(0, 1));
  await expect(page.locator('tr[data-status="exists"]')).toHaveCount(1);
  expect(await model.confirm()).toContain('已导入 0 份，替换 0 份，跳过 1 份（已存在），拒绝 0 个文件');
});

test('refuses a corrupt file and text in a number cell, naming file and cell, while the good ones import', async ({
  page,
}) => {
  const model = new ImportPageModel(page);
  await model.open();
  const good = ['东丰县', '东辽县', '临江市'].map((u) => ({
    name: `${u}-2018年1-9月.xlsx`,
    mimeType: XLSX_MIME,
    buffer: sampleBytes('2018-09', u),
  }));
  const corrupt = {
    name: '损坏的文件.xlsx',
    mimeType: XLSX_MIME,
    buffer: Buffer.from('PK\u0003\u0004 not really a workbook'),
  };
  const textInNumber = {
    name: '德惠市-2018年1-9月.xlsx',
    mimeType: XLSX_MIME,
    buffer: withCell('2018-09', '德惠市', '表1', 'D4', '约三百套'),
  };
  await model.choose([good[0], corrupt, good[1], textInNumber, good[2]].filter((f) => f !== undefined));

  await expect(model.row('损坏的文件.xlsx')).toContainText('有错误');
  await expect(model.row('损坏的文件.xlsx')).toContainText('损坏的文件.xlsx');
  const bad = model.row('德惠市-2018年1-9月.xlsx');
  await expect(bad).toContainText('有错误');
  await expect(bad).toContainText('D4');
  await expect(bad).toContainText('表1');
  for (const f of good) await expect(model.row(f.name)).toContainText(/可导入|有警告/);
  // The refused files lead the list; the status filter shows them alone, and 全部 brings the rest back.
  const list = page.getByRole('table', { name: '文件列表' });
  await expect(list.locator('tbody tr').first()).toHaveAttribute('data-status', 'error');
  await expect(page.getByTestId('confirm-hint')).toHaveText(
    '确认后保存 3 个文件；2 个有错误的文件不会保存。',
  );
  await page.getByRole('button', { name: '有错误 2' }).click();
  await expect(list.locator('tbody tr')).toHaveCount(2);
  await page.getByRole('button', { name: /^全部/ }).click();
  await expect(list.locator('tbody tr')).toHaveCount(5);

  expect(await model.confirm()).toContain('已导入 3 份，替换 0 份，跳过 0 份（已存在），拒绝 2 个文件');
  await model.selectPeriod('2018年1-9月');
  await expect(model.completenessSummary()).toContainText('已报送 3 / 50 个单位，已报送未导入 1 个：德惠市');
  const rows = page.getByRole('table', { name: /报送完整性/ }).getByRole('row');
  // 德惠市 sent a file, refused: 已报送未导入, never 未报送.
  await expect(rows.filter({ hasText: '德惠市' })).toContainText('已报送未导入');
  await expect(rows.filter({ hasText: '东辽县' })).toContainText('齐全');
  // Only the units still to chase: the three complete ones leave the grid, the missing ones stay.
  await page.getByRole('checkbox', { name: '只显示未报齐的单位（47 个）' }).check();
  await expect(rows.filter({ hasText: '东辽县' })).toHaveCount(0);
  await expect(rows.filter({ hasText: '德惠市' })).toContainText('已报送未导入');
  await page.getByRole('checkbox', { name: /只显示未报齐的单位/ }).uncheck();
  await expect(rows.filter({ hasText: '东辽县' })).toContainText('齐全');
  // The refused files stay in the list with their reasons.
  await expect(model.row('德惠市-2018年1-9月.xlsx')).toContainText('D4');
  // The page with its file list, issues and completeness grid passes axe.
  const axe = await new AxeBuilder({ page }).include('main').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
    [],
  );
});

test('a different return for a stored unit is shown side by side and replaces only when confirmed', async ({
  page,
}) => {
  const model = new ImportPageModel(page);
  await model.open();
  await model.choose(samplePaths('2018-09').filter((p) => p.includes('农安县')));
  await model.confirm();

  const corrected = {
    name: '农安县-更正.xlsx',
    mimeType: XLSX_MIME,
    buffer: withCell('2018-09', '农安县', '表1', 'D4', 123),
  };
  await model.choose([corrected]);
  const row = model.row('农安县-更正.xlsx');
  await expect(row).toContainText('待确认替换');
  const diff = row.getByRole('table').filter({ hasText: '累计开工' });
  await expect(diff).toContainText('0套');
  await expect(diff).toContainText('123套');

  // Not confirmed: nothing replaced.
  await expect(page.getByRole('button', { name: '确认导入' })).toBeDisabled();
  await row.getByLabel(/确认用本文件替换现有数据/).check();
  expect(await model.confirm()).toContain('已导入 0 份，替换 1 份');
  await expect(model.row('农安县-更正.xlsx')).toContainText('已替换');
  // After a reload the corrected file is the current return: choosing it again says 已存在.
  await page.reload();
  await model.choose([corrected]);
  await expect(model.row('农安县-更正.xlsx')).toContainText('已存在');
});

test('载入示例数据 gives the same completeness as importing the samples by hand', async ({
  page,
  browser,
}) => {
  const byDemo = new ImportPageModel(page);
  await byDemo.open();
  await page.getByRole('button', { name: '载入示例数据' }).click();
  await expect(page.getByTestId('import-summary')).toContainText(
    '已导入 100 份，替换 0 份，跳过 0 份（已存在），拒绝 0 个文件',
    { timeout: 60_000 },
  );

  // A second, clean browser context imports the same files through the picker.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  const errors: string[] = [];
  otherPage.on('pageerror', (e) => errors.push(e.message));
  const byHand = new ImportPageModel(otherPage);
  await byHand.open();
  await byHand.choose([...samplePaths('2018-08'), ...samplePaths('2018-09')]);
  await byHand.confirm();

  for (const label of ['2018年1-8月', '2018年1-9月']) {
    await byDemo.selectPeriod(label);
    await byHand.selectPeriod(label);
    await expect(byDemo.completenessSummary()).toHaveText(`${label}：已报送 50 / 50 个单位，全部报齐。`);
    await expect(byHand.completenessSummary()).toHaveText(`${label}：已报送 50 / 50 个单位，全部报齐。`);
    expect(await byDemo.completenessRows()).toEqual(await byHand.completenessRows());
  }
  // The same figures too: the 表1 view of both.
  await page.goto('/#/data');
  await otherPage.goto('/#/data');
  // The 数据 page and its table, not the 导入 page still on screen (which names 农安县 too) or a loading line.
  for (const p of [page, otherPage]) {
    await expect(p.getByRole('heading', { level: 1, name: '汇总数据' })).toBeVisible();
    await expect(p.getByRole('main').getByRole('table').first()).toContainText('农安县');
    await expect(p.locator('main .loading')).toHaveCount(0);
  }
  expect(await page.getByRole('main').textContent()).toEqual(await otherPage.getByRole('main').textContent());
  expect(errors).toEqual([]);
  await other.close();
});

test('the drop zone takes dropped files and opens the picker from the keyboard', async ({ page }) => {
  const model = new ImportPageModel(page);
  await model.open();
  const zone = page.getByRole('button', { name: /将月报文件拖到这里/ });

  // Drop: a real DataTransfer carrying a sample workbook.
  const bytes = [...sampleBytes('2018-09', '农安县')];
  const dataTransfer = await page.evaluateHandle((data) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(data)], '农安县-2018年1-9月.xlsx'));
    return dt;
  }, bytes);
  await zone.dispatchEvent('drop', { dataTransfer });
  await expect(page.getByText('已读取 1 / 1 个文件')).toBeVisible();
  await expect(model.row('农安县-2018年1-9月.xlsx')).toContainText('可导入');

  // Keyboard: Tab to the zone, Enter opens the file chooser.
  await zone.focus();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Enter')]);
  expect(chooser.isMultiple()).toBe(true);
  await chooser.setFiles(samplePaths('2018-09').filter((p) => p.includes('德惠市')));
  await expect(page.getByText('已读取 1 / 1 个文件')).toBeVisible();
  await expect(model.row('德惠市-2018年1-9月.xlsx')).toContainText('可导入');
  expect(await model.confirm()).toContain('已导入 2 份');
});

test('a file over the size limit set in 设置 is refused before reading; the others import', async ({
  page,
}) => {
  await page.goto('/#/settings');
  const limit = page.getByLabel('导入文件大小上限（MB）', { exact: true });
  await expect(limit).toHaveValue('20');
  await limit.fill('1');
  await page.getByRole('button', { name: '保存导入文件大小上限（MB）' }).click();
  await expect(page.getByRole('status').filter({ hasText: '大于 1 MB 的文件将不读取' })).toBeVisible();

  const model = new ImportPageModel(page);
  await model.open();
  // A 1.2 MB file: refused on its size alone, whatever it holds.
  const big = { name: '过大的文件.xlsx', mimeType: XLSX_MIME, buffer: Buffer.alloc(1.2 * 1024 * 1024, 1) };
  const good = {
    name: '农安县-2018年1-9月.xlsx',
    mimeType: XLSX_MIME,
    buffer: sampleBytes('2018-09', '农安县'),
  };
  await model.choose([big, good]);
  await expect(model.row('过大的文件.xlsx')).toHaveAttribute('data-status', 'error');
  await expect(model.row('过大的文件.xlsx')).toContainText('超过了 1 MB 的上限');
  const summary = await model.confirm();
  expect(summary).toContain('已导入 1 份');
  expect(summary).toContain('拒绝 1 个文件');
});
