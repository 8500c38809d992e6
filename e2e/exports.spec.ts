// 通报 against the built app with the demo data: the generated text, editing kept per period, 重新生成 after a
// confirmation, printing, and the downloads (导出汇总表, 导出通报, 下载空白模板) checked file by file.
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Download, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import JSZip from 'jszip';
import * as XLSX from 'xlsx';
import { loadDemo } from './demo';
import { expect, test } from './fixtures';
import { ImportPageModel, samplePaths } from './import-model';

async function openBulletin(page: Page) {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '通报' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /通报/ })).toBeVisible();
  await expect(page.getByRole('article', { name: '通报正文' })).toBeVisible();
}

async function downloadBytes(
  page: Page,
  click: () => Promise<void>,
): Promise<{ download: Download; bytes: Buffer }> {
  const downloading = page.waitForEvent('download');
  await click();
  const download = await downloading;
  return { download, bytes: await readFile(await download.path()) };
}

test('bulletin: empty state, generated text, edit kept, regenerate after confirmation, print', async ({
  page,
}) => {
  await page.goto('/#/bulletin');
  await expect(page.getByText('还没有任何月报数据')).toBeVisible();

  await loadDemo(page);
  await openBulletin(page);
  const doc = page.getByRole('article', { name: '通报正文' });
  await expect(doc).toContainText(
    '关于2018年1-9月全省棚户区改造、棚改贷款、房屋征收和公租房分配进展情况的通报',
  );
  await expect(doc).toContainText('截止9月30日，已开工8.19万套,完成年度计划的86.02%');
  await expect(doc).toContainText('农安县（开工率为0）、伊通县（开工率为5.2%）');
  await expect(doc).toContainText('2018年已发放棚改贷款252.32亿元（9月新增1.22亿元）');
  await expect(doc).toContainText('共29个市县分配率达100%');
  await expect(doc).toContainText('附件：1.2018年1-9月全省棚户区改造开工进展情况');
  await expect(page.getByRole('status').filter({ hasText: '自动生成' })).toBeVisible();
  await expect(page.getByRole('button', { name: '重新生成' })).toBeDisabled();

  const axe = await new AxeBuilder({ page }).include('.bulletin-page').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // Edit: the change is saved for the period and survives a reload.
  await page.getByRole('button', { name: '修改文字' }).click();
  const editor = page.getByLabel(/通报文字/);
  const original = await editor.inputValue();
  expect(original.split('\n')[0]).toBe(
    '关于2018年1-9月全省棚户区改造、棚改贷款、房屋征收和公租房分配进展情况的通报',
  );
  await editor.fill(original.replace('有关政府要高度重视', '有关市县政府务必高度重视'));
  await page.getByRole('button', { name: '保存修改' }).click();
  await expect(doc).toContainText('有关市县政府务必高度重视');
  await page.reload();
  await expect(page.getByRole('article', { name: '通报正文' })).toContainText('有关市县政府务必高度重视');
  await expect(page.getByRole('status').filter({ hasText: '修改后的文字' })).toBeVisible();

  // 重新生成 asks first; cancelling keeps the edit.
  await page.getByRole('button', { name: '重新生成' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('历史版本');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(page.getByRole('article', { name: '通报正文' })).toContainText('有关市县政府务必高度重视');
  await page.getByRole('button', { name: '重新生成' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '确定重新生成' }).click();
  await expect(page.getByRole('article', { name: '通报正文' })).toContainText('有关政府要高度重视');
  await page.getByText(/历史版本（2）/).click();
  await expect(page.getByRole('listitem').filter({ hasText: '手动修改' })).toHaveCount(1);

  // Print: no navigation or toolbar, the attachments on their own pages.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeHidden();
  await expect(page.getByRole('toolbar', { name: '通报操作' })).toBeHidden();
  await expect(page.getByRole('heading', { name: '2018年1-9月全省公租房分配进展情况' })).toBeVisible();
  const breaks = await page
    .locator('.attachment')
    .evaluateAll((els) => els.map((el) => getComputedStyle(el).breakBefore));
  expect(breaks).toEqual(['page', 'page', 'page', 'page', 'page']);
  await page.emulateMedia({ media: 'screen' });
});

test('bulletin: 导出汇总表, 导出通报 and 下载空白模板 give the files they promise', async ({ page }) => {
  await loadDemo(page);
  await openBulletin(page);

  // 导出汇总表: five styled sheets, 全省合计 first, no formula.
  const summary = await downloadBytes(page, () => page.getByRole('button', { name: '导出汇总表' }).click());
  expect(summary.download.suggestedFilename()).toBe('2018年1-9月全省安居工程进展汇总表.xlsx');
  const book = XLSX.read(summary.bytes, { cellFormula: true });
  expect(book.SheetNames).toEqual(['附件1', '附件2', '附件3', '附件4', '附件5']);
  const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets.附件1 as XLSX.WorkSheet, {
    header: 1,
    defval: null,
  });
  const total = rows.find((r) => r[1] === '全省合计');
  expect(total?.slice(2, 4)).toEqual([95270, 81948]);
  for (const name of book.SheetNames) {
    const sheet = book.Sheets[name] as XLSX.WorkSheet;
    for (const [address, cell] of Object.entries(sheet)) {
      if (!address.startsWith('!')) expect((cell as XLSX.CellObject).f).toBeUndefined();
    }
  }
  const styled = new ExcelJS.Workbook();
  await styled.xlsx.load(
    summary.bytes.buffer.slice(
      summary.bytes.byteOffset,
      summary.bytes.byteOffset + summary.bytes.byteLength,
    ) as ArrayBuffer,
  );
  const sheet1 = styled.getWorksheet('附件1');
  expect(sheet1?.getCell('C4').font?.bold).toBe(true);
  expect(sheet1?.getCell('C5').border?.top?.style).toBe('thin');
  expect(sheet1?.getCell('C5').numFmt).toBe('#,##0');
  expect(sheet1?.pageSetup.orientation).toBe('landscape');

  // 导出通报: the text and five tables, A4 with the official margins.
  const docx = await downloadBytes(page, () => page.getByRole('button', { name: '导出通报' }).click());
  expect(docx.download.suggestedFilename()).toBe('2018年1-9月全省安居工程进展情况通报.docx');
  const zip = await JSZip.loadAsync(docx.bytes);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  const text = xml.replace(/<[^>]+>/g, '');
  expect(text).toContain('已开工8.19万套,完成年度计划的86.02%');
  expect(text).toContain('吉林省保障性安居工程领导小组办公室');
  // The five attachments, and the 版记's lines at the end.
  expect(xml.match(/<w:tbl>/g)).toHaveLength(6);
  expect(text).toMatch(/吉林省保障性安居工程领导小组办公室\t\d{4}年\d{1,2}月\d{1,2}日印发/);
  expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
  expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);

  // 下载空白模板: all units as a zip, or one unit's workbook.
  const all = await downloadBytes(page, () => page.getByRole('button', { name: '下载空白模板' }).click());
  expect(all.download.suggestedFilename()).toBe('全省月报空白模板-2018年1-9月.zip');
  const entries = unzipSync(new Uint8Array(all.bytes));
  expect(Object.keys(entries)).toHaveLength(50);
  expect(Object.keys(entries)).toContain('九台区-2018年1-9月.xlsx');

  await page.getByLabel('模板单位').selectOption({ label: '农安县' });
  const one = await downloadBytes(page, () => page.getByRole('button', { name: '下载空白模板' }).click());
  expect(one.download.suggestedFilename()).toBe('农安县-2018年1-9月.xlsx');
  const template = XLSX.read(one.bytes);
  expect(template.SheetNames).toEqual(['表1', '表2', '表3', '表4', '表5']);
  const t1 = XLSX.utils.sheet_to_json<unknown[]>(template.Sheets.表1 as XLSX.WorkSheet, {
    header: 1,
    defval: null,
  });
  expect(t1[0]?.[0]).toBe('2018年1-9月棚户区改造开工进展情况（表1）');
  expect(t1[1]?.[0]).toBe('填报单位：农安县');
  // Headers broken into lines between pieces only (never inside a bracket); the reader reads them whole.
  expect(t1[2]?.map((h) => String(h).replaceAll('\n', ''))).toEqual([
    '序号',
    '市县',
    '年度计划（套）',
    '累计开工（套）',
    '其中：本月开工（套）',
    '开工率（%）',
    '备注',
  ]);

  // The coming month's template: 2018年1-10月, cutoff 2018年10月31日.
  await page.getByLabel('模板报告期').selectOption({ label: '2018年1-10月' });
  const next = await downloadBytes(page, () => page.getByRole('button', { name: '下载空白模板' }).click());
  expect(next.download.suggestedFilename()).toBe('农安县-2018年1-10月.xlsx');
  const n1 = XLSX.utils.sheet_to_json<unknown[]>(XLSX.read(next.bytes).Sheets.表1 as XLSX.WorkSheet, {
    header: 1,
    defval: null,
  });
  expect(n1[0]?.[0]).toBe('2018年1-10月棚户区改造开工进展情况（表1）');
  expect(n1[1]).toContain('截止日期：2018年10月31日');
});

test('bulletin: settings (a threshold, a fixed text) change the generated bulletin', async ({ page }) => {
  await loadDemo(page);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '设置' }).click();

  // Lower the warning line to 45%: 通化市 (47.0%) is no longer named with its rate.
  await page.getByLabel('开工率预警线（%）').fill('45');
  await page.getByRole('button', { name: '保存阈值' }).click();
  // A new signature in 通报固定文字.
  await page.getByLabel('落款单位').fill('吉林省住房和城乡建设厅');
  await page.getByRole('button', { name: '保存通报文字' }).click();
  await expect(page.getByRole('status').filter({ hasText: '通报固定文字已保存' })).toBeVisible();

  await openBulletin(page);
  const doc = page.getByRole('article', { name: '通报正文' });
  await expect(doc).toContainText('等6个市县重视不够，工作落实不到位，开工率不到45%');
  await expect(doc).not.toContainText('通化市（开工率为47.0%）');
  await expect(doc).toContainText('吉林省住房和城乡建设厅');
  await expect(doc).not.toContainText('吉林省保障性安居工程领导小组办公室');

  // The Word file's 版头 and 版记 come from 设置 too: the red 发文机关标志, 抄送 and 印发 between their lines.
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '设置' }).click();
  const furniture = page.getByRole('group', { name: '版头与版记（导出的 Word 通报）' });
  await expect(furniture.getByLabel('发文机关标志')).toHaveValue('吉林省保障性安居工程领导小组办公室文件');
  await furniture.getByLabel('抄送机关').fill('省政府办公厅、省财政厅');
  await furniture.getByLabel('印发机关').fill('吉林省住房和城乡建设厅办公室');
  await page.getByRole('button', { name: '保存通报文字' }).click();
  await expect(page.getByRole('status').filter({ hasText: '通报固定文字已保存' })).toBeVisible();
  await openBulletin(page);
  const docx = await downloadBytes(page, () => page.getByRole('button', { name: '导出通报' }).click());
  const zip = await JSZip.loadAsync(docx.bytes);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  const text = xml.replace(/<[^>]+>/g, '');
  expect(text.startsWith('吉林省保障性安居工程领导小组办公室文件')).toBe(true);
  expect(xml).toContain('<w:color w:val="FF0000"/>');
  expect(text).toContain('抄送：省政府办公厅，省财政厅。');
  expect(text).toMatch(/吉林省住房和城乡建设厅办公室\t\d{4}年\d{1,2}月\d{1,2}日印发/);
  expect(await zip.file('word/settings.xml')?.async('string')).toContain('<w:evenAndOddHeaders/>');
});

test('bulletin: edits and drafts stay with their period, past versions can be viewed and restored, 导出通报 says which text', async ({
  page,
}) => {
  await loadDemo(page);
  await openBulletin(page);
  const doc = page.getByRole('article', { name: '通报正文' });
  const period = page.getByRole('combobox', { name: '报告期', exact: true });

  // A saved edit in 1-9月.
  await page.getByRole('button', { name: '修改文字' }).click();
  const editor = page.getByLabel(/通报文字/);
  await editor.fill((await editor.inputValue()).replace('有关政府要高度重视', '九月的修改：务必高度重视'));
  await page.getByRole('button', { name: '保存修改' }).click();
  await expect(doc).toContainText('九月的修改');

  // 导出通报 says it carries the edited text, and it does.
  const edited = await downloadBytes(page, () => page.getByRole('button', { name: '导出通报' }).click());
  await expect(page.getByRole('status').filter({ hasText: '导出通报' })).toContainText('修改后的文字');
  const editedXml =
    (await (await JSZip.loadAsync(edited.bytes)).file('word/document.xml')?.async('string')) ?? '';
  expect(editedXml.replace(/<[^>]+>/g, '')).toContain('九月的修改：务必高度重视');

  // 1-8月 has its own, generated text; an unsaved draft there survives going to 1-9月 and back.
  await period.selectOption({ label: '2018年1-8月' });
  await expect(doc).toContainText('截止8月31日');
  await expect(doc).not.toContainText('九月的修改');
  await expect(page.getByRole('status').filter({ hasText: '自动生成' })).toBeVisible();
  const generated = await downloadBytes(page, () => page.getByRole('button', { name: '导出通报' }).click());
  await expect(page.getByRole('status').filter({ hasText: '导出通报' })).toContainText('自动生成的文字');
  const generatedXml =
    (await (await JSZip.loadAsync(generated.bytes)).file('word/document.xml')?.async('string')) ?? '';
  expect(generatedXml.replace(/<[^>]+>/g, '')).toContain('（8月新增7.39亿元）');

  await page.getByRole('button', { name: '修改文字' }).click();
  await page.getByLabel(/通报文字/).fill('八月草稿');
  await period.selectOption({ label: '2018年1-9月' });
  await expect(page.getByLabel(/通报文字/)).toBeHidden();
  await expect(doc).toContainText('九月的修改');
  await period.selectOption({ label: '2018年1-8月' });
  await expect(page.getByLabel(/通报文字/)).toHaveValue('八月草稿');
  await page.getByRole('button', { name: '取消修改' }).click();

  // Back in 1-9月 after a reload: the edit is still there; regenerate, then view and restore the edit.
  await period.selectOption({ label: '2018年1-9月' });
  await page.reload();
  await expect(page.getByRole('article', { name: '通报正文' })).toContainText('九月的修改');
  await page.getByRole('button', { name: '重新生成' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '确定重新生成' }).click();
  await expect(doc).not.toContainText('九月的修改');
  await page.getByText(/历史版本（2）/).click();
  const editedItem = page.getByRole('listitem').filter({ hasText: '手动修改' });
  await editedItem.getByRole('button', { name: '查看' }).click();
  await expect(page.getByRole('article', { name: /历史版本.*手动修改/ })).toContainText('九月的修改');
  const axe = await new AxeBuilder({ page }).include('.bulletin-page').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await editedItem.getByRole('button', { name: '恢复此版本' }).click();
  await expect(doc).toContainText('九月的修改');
  await expect(page.getByRole('status').filter({ hasText: '修改后的文字' })).toBeVisible();
  await expect(page.getByText(/历史版本（3）/)).toBeVisible();
});

test('bulletin: a period only three units reported names the others in the notice, the text and the attachments', async ({
  page,
}) => {
  const importer = new ImportPageModel(page);
  await importer.open();
  await importer.choose(samplePaths('2018-09').slice(0, 3));
  await importer.confirm();
  await openBulletin(page);

  await expect(page.getByRole('note').filter({ hasText: '尚未报送' })).toContainText(
    '以下 47 个单位本期尚未报送，全省数字为已报送的 3 个单位的合计',
  );
  const doc = page.getByRole('article', { name: '通报正文' });
  await expect(doc).toContainText('等47个市县未报送月报，以下全省数据为已报送的3个市县的合计。');
  // The province figures are the three units' (东丰县, 东辽县, 临江市); August is not stored, so the month
  // increase is their declared 本月 (0).
  await expect(doc).toContainText('2018年为棚改项目授信（审批）总额度14.4亿元（9月无新增）');
  await expect(doc).toContainText(
    '东辽县、临江市等2个市县已取得2018年棚改项目贷款授信（审批）。仍有东丰县未取得',
  );
  await page.getByLabel(/显示附件表/).check();
  await expect(page.getByRole('region', { name: /全省棚户区改造开工进展情况/ })).toContainText(
    '注：合计不含未报送本表的47个市县',
  );
});
