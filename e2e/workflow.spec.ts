// A month of work in the built app: August's returns, then September's, through the file picker; September's
// increases on 数据; a corrected September return replacing a unit's figure only once confirmed; the unit's
// 版本记录 bringing the old figure back; August's totals when the 报告期 goes back a month; and a late August return.
import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { DataPageModel, UnitPageModel } from './data-model';
import { expect, test } from './fixtures';
import { ImportPageModel, sampleBytes, samplePaths } from './import-model';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The 表1 figures of a sample file, read with SheetJS apart from the app: [累计开工, 本月开工] on row 4. */
function startFigures(path: string): [number, number] {
  const ws = XLSX.read(readFileSync(path)).Sheets.表1;
  if (!ws) throw new Error(`${path}: no 表1`);
  const value = (cell: string) => Number(ws[cell]?.v ?? 0);
  return [value('D4'), value('E4')];
}

/** The province's 累计开工 and Σ 本月开工 of a period's sample files. */
function provinceStart(period: string): { started: number; declaredMonth: number } {
  let started = 0;
  let declaredMonth = 0;
  for (const path of samplePaths(period)) {
    const [s, m] = startFigures(path);
    started += s;
    declaredMonth += m;
  }
  return { started, declaredMonth };
}

const count = (n: number) => n.toLocaleString('en-US');

/** 德惠市's September return with its 累计开工 (表1 D4) corrected, saved again by SheetJS as Excel would. */
function correctedReturn(started: number): { name: string; mimeType: string; buffer: Buffer } {
  const wb = XLSX.read(sampleBytes('2018-09', '德惠市'));
  const ws = wb.Sheets.表1;
  if (!ws) throw new Error('no 表1');
  ws.D4 = { t: 'n', v: started };
  return {
    name: '德惠市-2018年1-9月-更正.xlsx',
    mimeType: XLSX_MIME,
    buffer: XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer,
  };
}

test('a month of work: August, then September, a corrected return, its history, and August again', async ({
  page,
}) => {
  const august = provinceStart('2018-08');
  const september = provinceStart('2018-09');
  const [dehuiAugust] = startFigures(samplePaths('2018-08').find((p) => p.includes('德惠市')) ?? '');
  const [dehuiSeptember, dehuiDeclared] = startFigures(
    samplePaths('2018-09').find((p) => p.includes('德惠市')) ?? '',
  );
  expect(september.started).toBe(81_948);

  // 1. August's 50 returns, then September's 50, through the file picker.
  const importPage = new ImportPageModel(page);
  await importPage.open();
  await importPage.choose(samplePaths('2018-08'));
  expect(await importPage.confirm()).toContain('已导入 50 份，替换 0 份，跳过 0 份（已存在），拒绝 0 个文件');
  await importPage.choose(samplePaths('2018-09'));
  expect(await importPage.confirm()).toContain('已导入 50 份，替换 0 份，跳过 0 份（已存在），拒绝 0 个文件');

  // 2. 数据 opens on the latest period, with September's increases computed from August.
  const data = new DataPageModel(page);
  await data.open();
  await expect(data.period).toHaveValue('2018-09');
  await expect(data.period.locator('option:checked')).toHaveText('2018年1-9月');
  const start = data.table('table-start');
  await expect(start.locator('caption')).toHaveText('附件1 2018年1-9月全省棚户区改造开工进展情况');
  const startTotal = await data.row(start, '全省合计');
  expect(startTotal['累计开工（套）']).toBe(count(september.started));
  // The difference of the two months, not marked 填报 or 不全.
  expect(startTotal['本月开工（套）']).toBe(count(september.started - august.started));
  expect((await data.row(start, '德惠市'))['本月开工（套）']).toBe(count(dehuiSeptember - dehuiAugust));
  await expect(page.getByTestId('data-warnings')).toHaveCount(0);
  await expect(page.getByTestId('data-missing')).toHaveCount(0);

  await data.attachment(2);
  await data.loanByBank();
  const banks = data.table('table-loan-banks');
  const policyBank = await data.row(banks, '中国农业发展银行（农发行）');
  expect(policyBank['本月新增发放（亿元）']).toBe('1.22');
  expect(policyBank['本月新增授信（亿元）']).toBe('0.00');
  expect((await data.row(banks, '国家开发银行（国开行）'))['本月新增发放（亿元）']).toBe('0.00');
  const loanTotal = await data.row(banks, '全省合计');
  expect(loanTotal['本年发放（亿元）']).toBe('252.32');
  expect(loanTotal['本月新增发放（亿元）']).toBe('1.22');

  // 3. A corrected September return for 德惠市: shown old → new, replaced only once confirmed.
  const corrected = correctedReturn(dehuiSeptember + 79);
  await importPage.open();
  await importPage.choose([corrected]);
  const row = importPage.row(corrected.name);
  await expect(row).toContainText('待确认替换');
  const diff = row.getByRole('table').filter({ hasText: '累计开工' });
  await expect(diff).toContainText(new RegExp(`${dehuiSeptember}|${count(dehuiSeptember)}`));
  await expect(diff).toContainText(new RegExp(`${dehuiSeptember + 79}|${count(dehuiSeptember + 79)}`));
  await expect(page.getByRole('button', { name: '确认导入' })).toBeDisabled();
  await row.getByLabel(/确认用本文件替换现有数据/).check();
  expect(await importPage.confirm()).toContain('已导入 0 份，替换 1 份');

  await data.open();
  await data.expectCell(start, '全省合计', '累计开工（套）', count(september.started + 79));
  expect((await data.row(start, '德惠市'))['累计开工（套）']).toBe(count(dehuiSeptember + 79));
  expect((await data.row(start, '全省合计'))['本月开工（套）']).toBe(
    count(september.started + 79 - august.started),
  );
  // The unit's own 本月 (left as it was) now disagrees with the difference of the two months: said so.
  const warnings = page.getByTestId('data-warnings');
  await expect(warnings).toContainText('本期数据有1条提醒');
  await expect(warnings).toContainText(
    `德惠市累计开工本月填报${dehuiDeclared}套，按2018年1-8月与2018年1-9月累计数之差应为${dehuiSeptember + 79 - dehuiAugust}套。`,
  );

  // 4. The unit's 版本记录 lists both revisions; 恢复此版本 brings the old total back.
  const unit = new UnitPageModel(page, '220183', '德惠市');
  await unit.open();
  await expect(unit.history.getByRole('listitem')).toHaveCount(2);
  await expect(unit.revision(corrected.name)).toContainText('当前版本');
  await expect(unit.revision('德惠市-2018年1-9月.xlsx')).toContainText('首次导入');
  await expect(unit.history.getByRole('table', { name: /与上一版本相比的变化/ })).toContainText('累计开工');
  await unit.restore('德惠市-2018年1-9月.xlsx');
  await expect(unit.revision('德惠市-2018年1-9月.xlsx')).toContainText('当前版本');

  await data.open();
  await data.expectCell(start, '全省合计', '累计开工（套）', count(september.started));
  expect((await data.row(start, '德惠市'))['累计开工（套）']).toBe(count(dehuiSeptember));
  await expect(page.getByTestId('data-warnings')).toHaveCount(0);

  // 5. Back to August: its own totals; July is not stored, so 本月 is the declared figure and says so.
  await data.selectPeriod('2018年1-8月');
  await expect(start.locator('caption')).toHaveText('附件1 2018年1-8月全省棚户区改造开工进展情况');
  const augustTotal = await data.row(start, '全省合计');
  expect(augustTotal['累计开工（套）']).toBe(count(august.started));
  expect(augustTotal['本月开工（套）']).toBe(`${count(august.declaredMonth)}（填报）`);
  await data.attachment(4);
  const carry = data.table('table-carryOver');
  await data.expectCell(carry, '全省合计', '项目名称', '84个项目');
  await expect(carry.locator('tbody tr')).toHaveCount(85);
  await data.attachment(2);
  await data.loanByBank();
  // September's 1.22亿元 was the whole difference: August disbursed 252.32 − 1.22.
  expect((await data.row(data.table('table-loan-banks'), '全省合计'))['本年发放（亿元）']).toBe('251.10');
});

test('a late return: September first with its declared 本月, then August arrives and 本月 is computed', async ({
  page,
}) => {
  const unitFile = (period: string) => samplePaths(period).filter((p) => p.includes('德惠市'));
  const [augustStarted] = startFigures(unitFile('2018-08')[0] ?? '');
  const [septemberStarted, declared] = startFigures(unitFile('2018-09')[0] ?? '');
  const importPage = new ImportPageModel(page);
  await importPage.open();
  await importPage.choose(unitFile('2018-09'));
  expect(await importPage.confirm()).toContain('已导入 1 份');

  const data = new DataPageModel(page);
  await data.open();
  const start = data.table('table-start');
  await expect(page.getByTestId('data-missing')).toContainText('本期有 49 个单位尚未上报');
  expect((await data.row(start, '德惠市'))['本月开工（套）']).toBe(`${count(declared)}（填报）`);
  expect((await data.row(start, '全省合计'))['本月开工（套）']).toBe(`${count(declared)}（填报）`);

  // August comes late: September stays the 报告期, and its 本月 is now the difference of the two months.
  await importPage.open();
  await importPage.choose(unitFile('2018-08'));
  expect(await importPage.confirm()).toContain('已导入 1 份');
  await data.open();
  await expect(data.period).toHaveValue('2018-09');
  await data.expectCell(start, '德惠市', '本月开工（套）', count(septemberStarted - augustStarted));
  expect((await data.row(start, '全省合计'))['本月开工（套）']).toBe(count(septemberStarted - augustStarted));
  // The unit's own figure agreed with the difference: no warning.
  await expect(page.getByTestId('data-warnings')).toHaveCount(0);
});
