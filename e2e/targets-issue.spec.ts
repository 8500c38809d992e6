// Annual targets and issued bulletins in the built app (real IndexedDB): targets imported from an .xlsx drive the
// province plan and the bulletin, a differing return is warned about, a bad targets file stores nothing; then
// 签发, a corrected return after it, the differences shown unit by unit on 通报 and 数据, and a re-issue.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import JSZip from 'jszip';
import * as XLSX from 'xlsx';
import { loadDemo } from './demo';
import { expect, test } from './fixtures';
import { ImportPageModel, sampleBytes, samplePaths } from './import-model';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Each sample unit's 2018年1-9月 figures, read with SheetJS apart from the app. */
function sampleFigures(): { unit: string; plan: number; started: number }[] {
  return samplePaths('2018-09').map((path) => {
    const ws = XLSX.read(readFileSync(path)).Sheets.表1 as XLSX.WorkSheet;
    const unit = path.split('/').at(-1)?.split('-')[0] ?? '';
    return { unit, plan: Number(ws.C4?.v ?? 0), started: Number(ws.D4?.v ?? 0) };
  });
}

function workbook(rows: unknown[][], name: string) {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), '目标');
  return {
    name,
    mimeType: XLSX_MIME,
    buffer: XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer,
  };
}

async function openSettingsTargets(page: Page) {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '设置' }).click();
  const section = page.getByRole('region', { name: '年度目标' });
  await expect(section).toBeVisible();
  return section;
}

async function openBulletin(page: Page) {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '通报' }).click();
  await expect(page.getByRole('article', { name: '通报正文' })).toBeVisible();
}

const wan = (n: number) => `${n / 10_000}万套`;

test('annual targets imported from an .xlsx drive the plan, the warnings and the bulletin', async ({
  page,
}) => {
  const figures = sampleFigures();
  const total = figures.reduce((s, f) => s + f.plan, 0);
  expect(total).toBe(95_270);
  await loadDemo(page);
  const section = await openSettingsTargets(page);
  await section.getByLabel('年度', { exact: true }).selectOption('2018');

  // A file naming a unit that does not exist is refused whole: nothing is stored.
  const bad = workbook(
    [['2018年年度目标'], ['市县', '棚改年度计划（套）'], ['农安市', 100], ['德惠市', 200]],
    '有错的目标.xlsx',
  );
  await section.locator('input[type="file"]').setInputFiles(bad);
  const refused = page.getByTestId('targets-refused');
  await expect(refused).toContainText('目标文件未导入');
  await expect(refused).toContainText('工作表“目标”单元格 A3：“农安市”不是已知的填报单位');
  await expect(section.getByLabel('德惠市 棚改年度计划（套）')).toHaveValue('');

  // The targets of every unit, 农安县's 500 above what its returns say; 本年棚改需贷款 in 亿元.
  const nongan = figures.find((f) => f.unit === '农安县');
  if (!nongan) throw new Error('no 农安县 sample');
  const file = workbook(
    [
      ['2018年保障性安居工程目标责任书'],
      ['序号', '县（市、区）', '棚改年度计划（套）', '本年棚改需贷款（亿元）'],
      ...figures.map((f, i) => [
        i + 1,
        f.unit,
        f.unit === '农安县' ? f.plan + 500 : f.plan,
        f.unit === '农安县' ? 3.5 : null,
      ]),
      [null, '合计', total + 500, 3.5],
    ],
    '2018年目标责任书.xlsx',
  );
  await section.locator('input[type="file"]').setInputFiles(file);
  const preview = page.getByTestId('targets-preview');
  await expect(preview).toContainText('已读取“2018年目标责任书.xlsx”：50 个单位的2018年年度目标');
  await expect(preview.getByRole('row').filter({ hasText: '农安县' }).first()).toContainText(
    `${nongan.plan + 500}套`,
  );
  await preview.getByRole('button', { name: '确认更改目标' }).click();
  await expect(page.getByRole('status').filter({ hasText: '年度目标已保存' })).toContainText(
    '2018年年度目标已保存：50 个单位有更改',
  );
  await expect(section.getByLabel('农安县 棚改年度计划（套）')).toHaveValue(String(nongan.plan + 500));
  await expect(section.getByLabel('农安县 本年棚改需贷款（亿元）')).toHaveValue('3.5');

  // A change by hand needs its note, and the earlier target stays in the unit's history.
  await section.getByLabel('德惠市 棚改年度计划（套）').fill('4000');
  await section.getByRole('button', { name: '保存年度目标' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '须写明依据' })).toBeVisible();
  await section.getByLabel('依据（必填）').fill('省政府调整计划');
  await section.getByRole('button', { name: '保存年度目标' }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 个单位有更改' })).toBeVisible();
  const dehui = figures.find((f) => f.unit === '德惠市');
  const history = section.getByRole('row', { name: /德惠市/ }).locator('details');
  await history.locator('summary').click();
  await expect(history).toContainText('手工填写');
  await expect(history).toContainText('省政府调整计划');
  await expect(history).toContainText(`从文件导入（2018年目标责任书.xlsx）`);
  await expect(history).toContainText(`棚改年度计划${dehui?.plan}套`);

  const axe = await new AxeBuilder({ page }).include('[aria-labelledby="targets-title"]').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // 通报: the plan is the targets' sum; 数据 warns about the returns that differ, naming both figures.
  const plan = total + 500 + (4000 - (dehui?.plan ?? 0));
  await openBulletin(page);
  await expect(page.getByRole('article', { name: '通报正文' })).toContainText(
    `2018年全省计划改造各类棚户区${wan(plan)}。`,
  );
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '数据' }).click();
  await expect(page.getByTestId('data-targets')).toContainText('按2018年年度目标计算（50 个单位设有目标');
  const warnings = page.getByTestId('data-warnings');
  await warnings.locator('summary').click();
  await expect(warnings).toContainText(
    `农安县2018年1-9月表1填报的棚改年度计划为${nongan.plan}套，与2018年年度目标（目标责任书）的${nongan.plan + 500}套不一致，已按年度目标计算。`,
  );
});

/** 德惠市's September return with its 累计开工 (表1 D4) corrected, saved again as Excel would. */
function correctedDehui(started: number) {
  const wb = XLSX.read(sampleBytes('2018-09', '德惠市'));
  const ws = wb.Sheets.表1 as XLSX.WorkSheet;
  ws.D4 = { t: 'n', v: started };
  return {
    name: '德惠市-2018年1-9月-更正.xlsx',
    mimeType: XLSX_MIME,
    buffer: XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer,
  };
}

async function docxText(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const downloading = page.waitForEvent('download');
  await click();
  const download = await downloading;
  const zip = await JSZip.loadAsync(await readFile(await download.path()));
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return { name: download.suggestedFilename(), text: xml.replace(/<[^>]+>/g, '') };
}

test('签发, then a corrected return: the issued bulletin stands, the differences are shown, and it is re-issued', async ({
  page,
}) => {
  const dehui = sampleFigures().find((f) => f.unit === '德惠市');
  if (!dehui) throw new Error('no 德惠市 sample');
  await loadDemo(page);
  await openBulletin(page);
  const today = await page.evaluate(() => {
    const d = new Date();
    return {
      iso: `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`,
      text: `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`,
      year: d.getFullYear(),
    };
  });
  const doc = page.getByRole('article', { name: '通报正文' });
  // The 成文日期 is the day of generating, never a fixed 2018 date.
  await expect(page.getByLabel('成文日期')).toHaveValue(today.iso);
  await expect(doc.locator('.b-date')).toHaveText(today.text);

  // 签发 with the year's running number 12.
  await page.getByRole('button', { name: '签发…' }).click();
  const panel = page.getByRole('alertdialog', { name: /签发2018年1-9月通报/ });
  await panel.getByLabel('发文字号序号').fill('12');
  await expect(panel).toContainText(`发文字号：吉安居办〔${today.year}〕12号`);
  await panel.getByRole('button', { name: '确定签发' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已签发2018年1-9月通报第1版' })).toContainText(
    `发文字号吉安居办〔${today.year}〕12号`,
  );
  await expect(page.getByRole('status').filter({ hasText: '当前显示的是已签发的第1版' })).toBeVisible();
  await expect(page.getByTestId('issued-status')).toContainText('签发以来本期数据没有变化');
  // Locked: no editing of the issued text.
  await expect(page.getByRole('button', { name: '修改文字' })).toHaveCount(0);
  const issued = await docxText(page, () => page.getByRole('button', { name: '导出通报' }).click());
  expect(issued.name).toBe('2018年1-9月全省安居工程进展情况通报-第1版.docx');
  expect(issued.text).toContain(today.text);

  // A corrected 德惠市 return after the issue: 导入 says the period is issued; the return is stored.
  const importer = new ImportPageModel(page);
  await importer.open();
  await expect(page.getByTestId('import-issued')).toContainText(
    `2018年1-9月（吉安居办〔${today.year}〕12号）`,
  );
  const corrected = correctedDehui(dehui.started + 79);
  await importer.choose([corrected]);
  await importer
    .row(corrected.name)
    .getByLabel(/确认用本文件替换现有数据/)
    .check();
  expect(await importer.confirm()).toContain('替换 1 份');

  // 通报 still shows the issued text, and lists the change unit by unit.
  await openBulletin(page);
  const status = page.getByTestId('issued-status');
  await expect(status).toContainText('签发后更改：德惠市的月报在签发后有更改');
  const differences = status.getByTestId('issued-differences');
  const dehuiRow = differences
    .getByRole('row')
    .filter({ hasText: '德惠市' })
    .filter({ hasText: '累计开工（套）' });
  await expect(dehuiRow).toContainText(String(dehui.started));
  await expect(dehuiRow).toContainText(String(dehui.started + 79));
  await expect(differences).toContainText('长春市全市');
  await expect(differences).toContainText('全省合计');
  await expect(page.getByRole('status').filter({ hasText: '当前显示的是已签发的第1版' })).toBeVisible();

  // 数据 shows the current figures, and the same differences.
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '数据' }).click();
  const dataNotice = page.getByTestId('data-issued');
  await expect(dataNotice).toContainText('2018年1-9月通报已签发（第1版');
  await dataNotice.locator('summary').click();
  await expect(dataNotice.getByTestId('issued-differences')).toContainText('德惠市');

  // Re-issue: the current data as version 2 with the next number; version 1 stays as it was.
  await openBulletin(page);
  await page.getByRole('button', { name: '按当前数据重新签发…' }).click();
  await page.getByRole('toolbar', { name: '通报操作' }).getByRole('button', { name: '签发第2版…' }).click();
  const second = page.getByRole('alertdialog', { name: /签发2018年1-9月通报（第2版）/ });
  await expect(second).toContainText(`发文字号：吉安居办〔${today.year}〕13号`);
  await second.getByRole('button', { name: '确定签发' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已签发2018年1-9月通报第2版' })).toBeVisible();
  await expect(page.getByTestId('issued-status')).toContainText('签发以来本期数据没有变化');
  const versions = page.getByTestId('issued-versions');
  await versions.locator('summary').click();
  await expect(versions.getByRole('listitem')).toHaveCount(2);
  const first = await docxText(page, () =>
    versions
      .getByRole('listitem')
      .filter({ hasText: '第1版' })
      .getByRole('button', { name: '导出此版' })
      .click(),
  );
  expect(first.name).toBe('2018年1-9月全省安居工程进展情况通报-第1版.docx');
  // The first version's attachment holds 德惠市's figure as issued; the second the corrected one.
  // 附件1's row reads 序号, 市县, 年度计划, 累计开工, … with nothing between the cells' texts.
  expect(first.text).toContain(`德惠市${dehui.plan}${dehui.started}`);
  const latest = await docxText(page, () => page.getByRole('button', { name: '导出通报' }).click());
  expect(latest.name).toBe('2018年1-9月全省安居工程进展情况通报-第2版.docx');
  expect(latest.text).toContain(`德惠市${dehui.plan}${dehui.started + 79}`);

  const axe = await new AxeBuilder({ page }).include('.bulletin-page').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});
