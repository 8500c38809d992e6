// 核对 end to end on the built app: a refused file (a header the reader does not know) mapped by keyboard alone,
// imported, its figures on 数据; the next month's file of the same unit read by the saved mapping without a
// prompt; a 待统计 cell corrected with a note that shows in the version history; a mixed batch whose 问题清单,
// read back with SheetJS, lists every problem; after a reload 导入记录 still lists the refused files, and a
// refused unit is 已报送未导入 (never 未报送) on the completeness grid and in the bulletin.
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import * as XLSX from 'xlsx';
import { DataPageModel, UnitPageModel } from './data-model';
import { expect, test } from './fixtures';
import { ImportPageModel, sampleBytes } from './import-model';
import { ReviewModel, sampleCell, sampleWith, XLSX_MIME } from './review-model';

/** A header no wording of 累计开工 the reader knows, in place of 累计开工（套）. */
const UNKNOWN_HEADER = '已动工数（套）';

test('a column mapped in 核对 by keyboard imports; the next file of the unit is read by the mapping', async ({
  page,
}) => {
  const model = new ImportPageModel(page);
  const review = new ReviewModel(page);
  await model.open();
  const august = sampleWith('2018-08', '德惠市', '表1', { D3: UNKNOWN_HEADER });
  await model.choose([august]);
  await expect(model.row(august.name)).toContainText('有错误');

  await review.openByKeyboard(august.name);
  const select = review.mapping('D3');
  await expect(select).toHaveValue('');
  // Not confirmable yet, and it says why: the required column has no column.
  await expect(review.confirmButton).toBeDisabled();
  await expect(review.dialog).toContainText('必填列“累计开工（套）”还没有对应的列');
  await review.tabTo(select);
  await page.keyboard.press('ArrowDown');
  await expect(select).toHaveValue('started');
  await review.settled();
  // The preview reads the column's figure, in 套.
  const started = Number(sampleCell('2018-08', '德惠市', '表1', 'D4'));
  const shown = started.toLocaleString('zh-CN');
  await expect(review.dialog).toContainText(`读出：${shown}套`);
  await review.tabTo(review.confirmButton);
  await page.keyboard.press('Enter');
  await expect(review.dialog).toHaveCount(0);

  await expect(model.row(august.name)).toContainText('已核对（对照 1 列）');
  await expect(model.row(august.name)).toContainText('可导入');
  expect(await model.confirm()).toContain('已导入 1 份');

  const data = new DataPageModel(page);
  await page.goto('/#/data/start');
  await data.selectPeriod('2018年1-8月');
  await data.expectCell(data.table('table-start'), '德惠市', '累计开工（套）', shown);

  // The next month's file with the same header: read by the saved mapping, no 核对 needed.
  await model.open();
  const september = sampleWith('2018-09', '德惠市', '表1', { D3: UNKNOWN_HEADER });
  await model.choose([september]);
  await expect(model.row(september.name)).toContainText('按已保存的表头对照读取');
  await expect(model.row(september.name)).toContainText(/可导入|有警告/);
  expect(await model.confirm()).toContain('已导入 1 份');
  // Another unit's file with that header is not read by 德惠市's mapping.
  const other = sampleWith('2018-09', '农安县', '表1', { D3: UNKNOWN_HEADER });
  await model.choose([other]);
  await expect(model.row(other.name)).toContainText('有错误');
  await expect(model.row(other.name)).not.toContainText('按已保存的表头对照读取');

  // 设置 → 表头对照 lists the mapping, with the file it came from.
  await page.goto('/#/settings');
  const layouts = page.getByRole('table', { name: '已保存的表头对照' });
  await expect(layouts).toContainText('德惠市');
  await expect(layouts).toContainText(
    `“${UNKNOWN_HEADER.replace('（', '(').replace('）', ')')}” → 累计开工（套）`,
  );
  await expect(layouts).toContainText(august.name);
});

test('a 待统计 cell corrected with a note imports, and the note shows in the version history', async ({
  page,
}) => {
  const model = new ImportPageModel(page);
  const review = new ReviewModel(page);
  await model.open();
  const file = sampleWith('2018-09', '农安县', '表1', { D4: '待统计' });
  await model.choose([file]);
  await expect(model.row(file.name)).toContainText('D4');
  await review.open(file.name);
  await expect(review.dialog.locator('td[data-cell="D4"]')).toContainText('问题1');
  // The note is required.
  await review.dialog.getByRole('button', { name: /更正单元格 D4/ }).click();
  const form = review.dialog.getByRole('group', { name: '更正单元格 D4' });
  await form.getByLabel('更正为').fill('812');
  await form.getByRole('button', { name: '保存更正' }).click();
  await expect(form.getByRole('alert')).toContainText('请填写更正依据');
  await form.getByLabel('更正依据（必填）').fill('电话核实（王科长）');
  await form.getByRole('button', { name: '保存更正' }).click();
  await review.settled();
  await expect(review.dialog.locator('td[data-cell="D4"]')).toContainText('更正为 812');
  await expect(review.dialog).toContainText('可以导入');
  await review.confirmButton.click();
  await expect(model.row(file.name)).toContainText('已核对（更正 1 个单元格）');
  expect(await model.confirm()).toContain('已导入 1 份');

  const unit = new UnitPageModel(page, '220122', '农安县');
  await unit.open();
  const revision = unit.revision(file.name);
  await expect(revision).toContainText('手工更正');
  await expect(revision).toContainText('原为“待统计”，更正为“812”；依据：电话核实（王科长）');
  await page.goto('/#/data/start');
  const data = new DataPageModel(page);
  await data.expectCell(data.table('table-start'), '农安县', '累计开工（套）', '812');
});

test('a mixed batch: the problem list lists every problem; after a reload the refused files are still known', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const model = new ImportPageModel(page);
  await model.open();
  const good = ['东丰县', '东辽县'].map((u) => ({
    name: `${u}-2018年1-9月.xlsx`,
    mimeType: XLSX_MIME,
    buffer: sampleBytes('2018-09', u),
  }));
  const damaged = {
    name: '损坏的文件.xlsx',
    mimeType: XLSX_MIME,
    buffer: Buffer.from('PK\u0003\u0004 broken'),
  };
  const textCells = sampleWith('2018-09', '德惠市', '表1', { D4: '待统计', C4: '约500' });
  const unknownHeader = sampleWith('2018-09', '农安县', '表1', { D3: UNKNOWN_HEADER });
  const files = [...good, damaged, textCells, unknownHeader];
  await model.choose(files);

  // Every problem the list shows, file by file, as file|location.
  const shown: string[] = [];
  for (const f of files) {
    const items = await model.row(f.name).locator('details li').allInnerTexts();
    for (const text of items) shown.push(`${f.name}|${text.replace(/^(错误|警告)：/, '')}`);
  }
  expect(shown.filter((s) => s.startsWith(textCells.name))).toHaveLength(2);
  await model.confirm();

  await model.selectPeriod('2018年1-9月');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出问题清单（2018年1-9月）' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('2018年1-9月月报问题清单.xlsx');
  const wb = XLSX.read(await readFile(await file.path()));
  const rows = XLSX.utils.sheet_to_json<string[]>(wb.Sheets[wb.SheetNames[0] as string] as XLSX.WorkSheet, {
    header: 1,
    raw: false,
  });
  expect(rows[1]).toEqual([
    '序号',
    '单位',
    '文件',
    '工作表',
    '单元格',
    '单元格内容',
    '问题',
    '处理要求',
    '状态',
  ]);
  const listed = rows.slice(2).map((r) => {
    const where = [r[3] ? `工作表“${r[3]}”` : '', r[4] ? `单元格 ${r[4]}` : ''].join('');
    return `${r[2]}|${where ? `${where}：` : ''}${r[6]}`;
  });
  expect(listed.sort()).toEqual(shown.sort());
  const states = rows.slice(2).map((r) => r[8]);
  expect(new Set(states)).toEqual(new Set(['待改正']));
  const textRow = rows.find((r) => r[2] === textCells.name && r[4] === 'D4');
  expect(textRow?.slice(1, 6)).toEqual(['德惠市', textCells.name, '表1', 'D4', '待统计']);

  for (const reload of [false, true]) {
    if (reload) await page.reload();
    await model.open();
    await model.selectPeriod('2018年1-9月');
    const grid = page.getByRole('table', { name: /报送完整性/ });
    for (const unit of ['德惠市', '农安县']) {
      await expect(grid.getByRole('row', { name: new RegExp(`^${unit}`) })).toContainText('已报送未导入');
    }
    await expect(grid.getByRole('row', { name: /^东丰县/ })).toContainText('齐全');
    await expect(model.completenessSummary()).toContainText(
      '已报送 2 / 50 个单位，已报送未导入 2 个：农安县、德惠市，未报送 46 个',
    );
  }

  await page.goto('/#/settings');
  const refused = page.getByRole('table', { name: '未导入的文件' });
  for (const f of [damaged, textCells, unknownHeader]) await expect(refused).toContainText(f.name);
  await expect(refused).not.toContainText(good[0]?.name ?? '');

  await page.goto('/#/bulletin');
  const article = page.getByRole('article', { name: '通报正文' });
  await expect(article).toContainText('报送的月报正在核对');
  const text = (await article.textContent()) ?? '';
  expect(text).toMatch(/农安县、德惠市等2个市县报送的月报正在核对，暂未纳入汇总/);
  expect(text).not.toMatch(/德惠市[^，。]*未报送/);
  expect(text).not.toMatch(/农安县[^，。]*未报送/);
});

test('axe finds no serious violation in 核对', async ({ page }) => {
  const model = new ImportPageModel(page);
  const review = new ReviewModel(page);
  await model.open();
  const file = sampleWith('2018-09', '德惠市', '表1', { D3: UNKNOWN_HEADER, E4: '待统计' });
  await model.choose([file]);
  await review.open(file.name);
  await review.dialog
    .getByRole('button', { name: /更正单元格/ })
    .first()
    .click();
  const results = await new AxeBuilder({ page }).include('dialog').analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${v.help}`));
  expect(serious).toEqual([]);
});
