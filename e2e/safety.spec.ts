// Data safety in the browser: backup → clear → restore, two computers merging backups, a page closed
// mid-import, two tabs, no request leaving 127.0.0.1, the CSP, and imported text rendered only as text.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Download, Page } from '@playwright/test';
import * as XLSX from 'xlsx';
import { loadDemo } from './demo';
import { expect, test } from './fixtures';
import { correctedSample, ImportPageModel, samplePaths } from './import-model';

const PERIODS = ['2018年1-8月', '2018年1-9月'];
const TABLE_KEYS = ['start', 'loan', 'expropriation', 'carryOver', 'publicRental'];

/** What the user sees of the stored data: completeness of each period and the five data tables. */
async function visibleData(page: Page, periods = PERIODS): Promise<string[]> {
  const model = new ImportPageModel(page);
  const out: string[] = [];
  for (const label of periods) {
    await model.open();
    await model.selectPeriod(label);
    await expect(model.completenessSummary()).toContainText(label);
    out.push((await model.completenessSummary().textContent()) ?? '', ...(await model.completenessRows()));
    for (const [i, key] of TABLE_KEYS.entries()) {
      await page.goto(`/#/data/${key}`);
      const data = page.getByRole('region', { name: '汇总数据' });
      // The page left stays until the next one is drawn: wait for this table's own caption (附件N 2018年…).
      await expect(data.locator('table').first()).toContainText(new RegExp(`附件${i + 1} \\d{4}年`));
      out.push((await data.textContent()) ?? '');
    }
  }
  return out;
}

async function openBackupSection(page: Page): Promise<void> {
  await page.goto('/#/settings');
  await expect(page.getByRole('heading', { name: '备份与恢复' })).toBeVisible();
}

async function exportBackup(page: Page, gzip = false, prefix = ''): Promise<{ path: string; name: string }> {
  await openBackupSection(page);
  if (gzip) await page.getByLabel('压缩（.json.gz）').check();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出备份' }).click();
  const download: Download = await downloading;
  const path = test.info().outputPath(`${prefix}${download.suggestedFilename()}`);
  await download.saveAs(path);
  await expect(page.getByRole('status').filter({ hasText: '已导出备份' })).toBeVisible();
  return { path, name: download.suggestedFilename() };
}

/** Stored heads and their revisions, read straight from IndexedDB. */
async function storedReturns(page: Page): Promise<{ unitId: string; period: string; tables: string[] }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const req = indexedDB.open('anju-progress');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const idb = req.result;
          const tx = idb.transaction(['heads', 'revisions'], 'readonly');
          const headsReq = tx.objectStore('heads').getAll();
          const revsReq = tx.objectStore('revisions').getAll();
          tx.oncomplete = () => {
            const revs = new Map(
              (revsReq.result as { id: number; tables: Record<string, unknown> }[]).map((r) => [r.id, r]),
            );
            resolve(
              (headsReq.result as { unitId: string; period: string; revisionId: number }[]).map((h) => ({
                unitId: h.unitId,
                period: h.period,
                tables: Object.keys(revs.get(h.revisionId)?.tables ?? {}).sort(),
              })),
            );
            idb.close();
          };
        };
      }),
  );
}

test('the built page carries the content security policy', async ({ page }) => {
  await page.goto('/');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-eval');
});

test('a whole session sends no request beyond 127.0.0.1', async ({ page, context }) => {
  const requests: string[] = [];
  context.on('request', (req) => requests.push(req.url()));
  await loadDemo(page, '已导入 100 份');
  for (const hash of [
    '#/overview',
    '#/data',
    '#/data/loan',
    '#/data/carryOver',
    '#/charts',
    '#/bulletin',
    '#/settings',
    '#/unit/220122',
  ]) {
    await page.goto(`/${hash}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  // The exports: the summary workbook and the Word bulletin, generated in the page.
  await page.goto('/#/bulletin');
  for (const name of ['导出汇总表', '导出通报']) {
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name }).click();
    expect((await downloading).suggestedFilename()).toMatch(/\.(xlsx|docx)$/);
  }
  await exportBackup(page, true);
  expect(requests.length).toBeGreaterThan(100);
  const foreign = requests.filter((url) => {
    const u = new URL(url);
    return !['blob:', 'data:'].includes(u.protocol) && u.hostname !== '127.0.0.1';
  });
  expect(foreign).toEqual([]);
});

test('backup → clear → restore gives the same tables', async ({ page }) => {
  await loadDemo(page, '已导入 100 份');
  const before = await visibleData(page);
  const backup = await exportBackup(page, true);
  expect(backup.name).toMatch(/^安居月报备份-\d{8}-\d{4}\.json\.gz$/);

  // 清除本机数据 names what will be lost, then deletes and reloads.
  await page.getByRole('button', { name: '清除本机数据…' }).click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toContainText('100 份月报、100 个版本');
  await expect(confirm.getByRole('button', { name: '先导出备份' })).toBeVisible();
  const axe = await new AxeBuilder({ page }).include('#main').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  const reloaded = page.waitForEvent('load');
  await confirm.getByRole('button', { name: '确认清除' }).click();
  await reloaded;
  await expect(page.getByRole('heading', { name: '备份与恢复' })).toBeVisible();
  expect(await storedReturns(page)).toEqual([]);
  await page.goto('/#/import');
  await expect(page.getByText('暂无数据：导入月报后')).toBeVisible();

  await openBackupSection(page);
  await page.getByLabel('从备份恢复…').setInputFiles(backup.path);
  await expect(page.getByRole('status').filter({ hasText: '已从' })).toContainText('100 份月报、100 个版本');
  expect(await visibleData(page)).toEqual(before);
});

test('a damaged backup is refused with a message and changes nothing', async ({ page }) => {
  await openBackupSection(page);
  await page.getByLabel('从备份恢复…').setInputFiles({
    name: '安居月报备份-坏.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"anju-progress-backup","version":1,"sha256":"00","data":{"revisions":[]'),
  });
  await expect(page.getByRole('alert')).toContainText('文件“安居月报备份-坏.json”已损坏');
  expect(await storedReturns(page)).toEqual([]);
});

async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

test('two computers exchange backups and merge to the same data', async ({ page, browser }) => {
  const a = page;
  const { context: bContext, page: b, errors: bErrors } = await newPage(browser);
  const modelA = new ImportPageModel(a);
  const modelB = new ImportPageModel(b);
  // A: the first 30 returns of 1-8月; B: the last 30 of 1-8月 (20 overlap) and 10 of 1-9月, with its own 农安县.
  const aug = samplePaths('2018-08');
  const sep = samplePaths('2018-09');
  await modelA.open();
  await modelA.choose(aug.slice(0, 30));
  await modelA.confirm();
  await modelB.open();
  await modelB.choose([...aug.slice(20), ...sep.slice(0, 10)]);
  await modelB.confirm();
  const variant = { name: '农安县-2018年1-8月-更正.xlsx', mimeType: 'application/octet-stream' };
  // Both computers hold 农安县 1-8月, each a different version (a replacement is confirmed where one was stored).
  for (const [model, started] of [
    [modelA, 111],
    [modelB, 222],
  ] as const) {
    await model.choose([{ ...variant, buffer: correctedSample('2018-08', '农安县', started) }]);
    const replace = model.row(variant.name).getByLabel(/确认用本文件替换现有数据/);
    if ((await replace.count()) > 0) await replace.check();
    await model.confirm();
  }

  const backupA = await exportBackup(a, false, 'a-');
  const backupB = await exportBackup(b, false, 'b-');

  async function mergeIn(p: Page, file: string, keep: '采用本机的' | '采用备份中的') {
    await openBackupSection(p);
    await p.getByLabel('合并其他电脑的备份…').setInputFiles(file);
    const review = p.getByRole('region', { name: /合并“/ });
    await expect(review).toBeVisible();
    const conflict = review.getByRole('group', { name: /农安县.*两台电脑的月报不同/ });
    await expect(conflict).toContainText('累计开工');
    // The choice is required before merging.
    await expect(review.getByRole('button', { name: '确认合并' })).toBeDisabled();
    const axe = await new AxeBuilder({ page: p }).include('#main').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
    await conflict.getByLabel(keep).check();
    await review.getByRole('button', { name: '确认合并' }).click();
    await expect(p.getByRole('status').filter({ hasText: '已合并' })).toBeVisible();
  }
  // Both keep A's 农安县 (111).
  await mergeIn(a, backupB.path, '采用本机的');
  await mergeIn(b, backupA.path, '采用备份中的');

  const seenA = await visibleData(a);
  const seenB = await visibleData(b);
  expect(seenA).toEqual(seenB);
  expect(seenA.join('\n')).toContain('2018年1-8月：已报送 50 / 50 个单位');
  const storedA = await storedReturns(a);
  expect(storedA).toHaveLength(60);
  expect(bErrors).toEqual([]);
  await bContext.close();
});

test('a page closed in the middle of an import leaves only whole returns', async ({ context }) => {
  const importer = await context.newPage();
  const watcher = await context.newPage();
  await watcher.goto('/#/settings');
  await importer.goto('/#/import');
  await importer.getByRole('button', { name: '载入示例数据' }).click();
  // Close the importing page once a few returns are stored, while the rest are still being written.
  await expect
    .poll(async () => (await storedReturns(watcher)).length, { intervals: [20], timeout: 90_000 })
    .toBeGreaterThan(5);
  await importer.close({ runBeforeUnload: false });
  const stored = await storedReturns(watcher);
  test.info().annotations.push({ type: 'stored before close', description: String(stored.length) });
  expect(stored.length).toBeGreaterThan(0);
  expect(stored.length).toBeLessThan(100);
  for (const r of stored) expect(r.tables, `${r.unitId} ${r.period}`).toEqual([...TABLE_KEYS].sort());

  // Importing again completes the rest; nothing is doubled.
  const again = await context.newPage();
  await loadDemo(again, '跳过');
  expect(await storedReturns(again)).toHaveLength(100);
});

test('two tabs see each other’s imports without reload', async ({ context, page }) => {
  const other = await context.newPage();
  const model = new ImportPageModel(page);
  const otherModel = new ImportPageModel(other);
  await otherModel.open();
  await other.goto('/#/settings');
  await expect(other.getByText('还没有导入记录')).toBeVisible();
  await model.open();
  await model.choose(samplePaths('2018-09').slice(0, 3));
  await model.confirm();
  // The other tab's import record list and completeness update on their own.
  await expect(other.getByRole('table', { name: '最近的导入记录' })).toContainText('3 份');
  await otherModel.page.goto('/#/import');
  await expect(otherModel.completenessSummary()).toContainText('已报送 3 / 50');
  // And back: an undo in the other tab shows here.
  await other.goto('/#/settings');
  other.once('dialog', (d) => d.accept());
  await other.getByRole('button', { name: /^撤销/ }).first().click();
  await expect(other.getByRole('status').filter({ hasText: '已撤销' })).toBeVisible();
  await expect(page.getByText('暂无数据：导入月报后')).toBeVisible();
});

test('imported text is shown as text and never runs', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const wb = XLSX.read(readFileSync(samplePaths('2018-09').find((p) => p.includes('农安县')) as string));
  const t1 = wb.Sheets.表1;
  const t4 = wb.Sheets.表4;
  if (!t1 || !t4) throw new Error('sheets missing');
  const img = '<img src=x onerror=alert(1)>';
  const script = '<script>window.__pwned=1</script>';
  // The 备注 of 表1, and two carry-over project names (shown on the data and unit pages).
  t1.G4 = { t: 's', v: script };
  t4.C4 = { t: 's', v: img };
  t4.C5 = { t: 's', v: script };
  const model = new ImportPageModel(page);
  await model.open();
  await model.choose([
    {
      name: '农安县-注入.xlsx',
      mimeType: 'application/octet-stream',
      buffer: XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer,
    },
  ]);
  await model.confirm();
  await page.goto('/#/data/carryOver');
  await expect(page.getByRole('main')).toContainText(img);
  await page.goto('/#/unit/220122');
  await expect(page.getByRole('main')).toContainText(img);
  await expect(page.getByRole('main')).toContainText(script);
  expect(await page.locator('main img[src="x"]').count()).toBe(0);
  expect(await page.locator('main script').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
});

test('恢复此版本 on the unit page, then 撤销 in 导入记录', async ({ page }) => {
  const model = new ImportPageModel(page);
  await model.open();
  await model.choose(samplePaths('2018-09').filter((p) => p.includes('农安县')));
  await model.confirm();
  const corrected = {
    name: '农安县-更正.xlsx',
    mimeType: 'application/octet-stream',
    buffer: correctedSample('2018-09', '农安县', 345),
  };
  await model.choose([corrected]);
  await model
    .row(corrected.name)
    .getByLabel(/确认用本文件替换现有数据/)
    .check();
  await model.confirm();

  await page.goto('/#/unit/220122');
  const history = page.getByRole('region', { name: /版本记录：农安县/ });
  await expect(history.getByRole('listitem')).toHaveCount(2);
  const changes = history.getByRole('table', { name: /与上一版本相比的变化/ });
  await expect(changes).toContainText('累计开工');
  await expect(changes).toContainText('345');
  await expect(history.getByText('当前版本')).toHaveCount(1);
  await history.getByRole('button', { name: /恢复此版本.*农安县-2018年1-9月\.xlsx/ }).click();
  await expect(history.getByRole('status')).toContainText('已恢复');
  // The first file's version is current again: its list item carries the 当前版本 flag.
  await expect(history.getByRole('listitem').filter({ hasText: '农安县-2018年1-9月.xlsx' })).toContainText(
    '当前版本',
  );

  await page.goto('/#/settings');
  const record = page.getByRole('table', { name: '最近的导入记录' });
  await expect(record.getByRole('row').nth(1)).toContainText('恢复版本');
  page.once('dialog', (d) => void d.accept());
  await record.getByRole('row').nth(1).getByRole('button', { name: /^撤销/ }).click();
  await expect(page.getByRole('status').filter({ hasText: '已撤销' })).toBeVisible();
  await page.goto('/#/unit/220122');
  await expect(history.getByRole('listitem').filter({ hasText: corrected.name })).toContainText('当前版本');
});

test('an upgrade of the database from another tab tells this tab to reload', async ({ page, context }) => {
  await page.goto('/#/settings');
  await expect(page.getByRole('heading', { name: '备份与恢复' })).toBeVisible();
  // Another tab of the same origin opens the database at a higher version, as a newer release would.
  const other = await context.newPage();
  await other.goto('/icon.svg');
  const upgradedTo = await other.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const probe = indexedDB.open('anju-progress');
        probe.onerror = () => reject(probe.error);
        probe.onsuccess = () => {
          const version = probe.result.version;
          probe.result.close();
          const req = indexedDB.open('anju-progress', version + 1);
          req.onerror = () => reject(req.error);
          req.onblocked = () => reject(new Error('blocked: the old tab did not close its connection'));
          req.onsuccess = () => {
            req.result.close();
            resolve(version + 1);
          };
        };
      }),
  );
  expect(upgradedTo).toBeGreaterThan(1);
  const alert = page.getByRole('alert').filter({ hasText: '应用已在另一标签页升级，请刷新本页' });
  await expect(alert).toBeVisible();
  await expect(alert.getByRole('button', { name: '刷新本页' })).toBeVisible();
});

test('a reminder to back up after a week with changes, gone once a backup is exported', async ({ page }) => {
  const model = new ImportPageModel(page);
  await model.open();
  await model.choose(samplePaths('2018-09').slice(0, 2));
  await model.confirm();
  await expect(page.getByTestId('backup-reminder')).toHaveCount(0);
  // Age the import by ten days, as if the data had been kept that long without a backup.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('anju-progress');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const tx = req.result.transaction('imports', 'readwrite');
          const store = tx.objectStore('imports');
          const all = store.getAll();
          all.onsuccess = () => {
            for (const rec of all.result as { at: number }[])
              store.put({ ...rec, at: rec.at - 10 * 86_400_000 });
          };
          tx.oncomplete = () => {
            req.result.close();
            resolve();
          };
        };
      }),
  );
  await page.reload();
  await expect(page.getByTestId('backup-reminder')).toContainText('本机数据从未备份过');
  await exportBackup(page);
  await expect(page.getByTestId('backup-reminder')).toHaveCount(0);
  await page.goto('/#/import');
  await expect(page.getByRole('heading', { level: 1, name: '导入月报' })).toBeVisible();
  await expect(page.getByTestId('backup-reminder')).toHaveCount(0);
});

test('merging a backup of the same data says there is nothing to merge, and changes nothing', async ({
  page,
}) => {
  const model = new ImportPageModel(page);
  await model.open();
  await model.choose(samplePaths('2018-09').slice(0, 2));
  await model.confirm();
  const before = await storedReturns(page);
  const backup = await exportBackup(page);

  await page.getByLabel('合并其他电脑的备份…').setInputFiles(backup.path);
  const review = page.getByRole('region', { name: /合并“/ });
  await expect(review.getByRole('status')).toHaveText(
    '备份中的 2 份月报与本机完全相同，没有需要合并的内容。',
  );
  await expect(review.getByRole('listitem')).toHaveCount(0);
  await review.getByRole('button', { name: '关闭' }).click();
  await expect(review).toHaveCount(0);
  expect(await storedReturns(page)).toEqual(before);
});
