// Damaged and hostile files in the built app: a file that would hold the reader up is stopped at its time budget
// (读取超时) while the good files import and the picker stays usable; a damaged zip is refused as 文件已损坏; the
// CSP arrives as a response header on the reader worker's script; a chart's CSV keeps formula-like text inert; an
// import cut short is named at the next start with what it saved.
import { readFile } from 'node:fs/promises';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { expect, test } from './fixtures';
import { ImportPageModel, sampleBytes } from './import-model';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const file = (name: string, buffer: Buffer | Uint8Array) => ({
  name,
  mimeType: XLSX_MIME,
  buffer: Buffer.from(buffer),
});

/**
 * A sound workbook that takes long to read: a sample return with a sixth sheet of a million number cells (not
 * a table, so it would be read and passed over; half a minute here). Under a budget of 5 s it stands for any file that holds the
 * reader up — once, a damaged deflate stream SheetJS never finished reading.
 */
function slowWorkbook(): Uint8Array {
  const files = unzipSync(sampleBytes('2018-09', '农安县'));
  const rows: string[] = [];
  for (let r = 1; r <= 100_000; r++) {
    let cells = '';
    for (let c = 0; c < 10; c++)
      cells += `<c r="${String.fromCharCode(65 + c)}${r}"><v>${(r * 7 + c * 13) % 99991}</v></c>`;
    rows.push(`<row r="${r}">${cells}</row>`);
  }
  files['xl/worksheets/sheet6.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`,
  );
  const patch = (name: string, edit: (xml: string) => string) => {
    files[name] = strToU8(edit(strFromU8(files[name] as Uint8Array)));
  };
  patch('[Content_Types].xml', (x) =>
    x.replace(
      '</Types>',
      '<Override PartName="/xl/worksheets/sheet6.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
  );
  patch('xl/_rels/workbook.xml.rels', (x) =>
    x.replace(
      '</Relationships>',
      '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet6.xml"/></Relationships>',
    ),
  );
  patch('xl/workbook.xml', (x) =>
    x.replace('</sheets>', '<sheet name="附表" sheetId="99" r:id="rId99"/></sheets>'),
  );
  return zipSync(files, { level: 1 });
}

async function setReadTimeout(page: import('@playwright/test').Page, seconds: string): Promise<void> {
  await page.goto('/#/settings');
  const field = page.getByLabel('单个文件读取时限（秒）', { exact: true });
  await expect(field).toHaveValue('20');
  await field.fill(seconds);
  await page.getByRole('button', { name: '保存单个文件读取时限（秒）' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `超过 ${seconds} 秒仍未完成时，将停止读取` }),
  ).toBeVisible();
}

test('a file that holds the reader up is refused as 读取超时; the others import; the picker stays usable', async ({
  page,
}) => {
  const workerResponses: { url: string; csp: string | undefined }[] = [];
  page.on('response', (response) => {
    if (/worker[^/]*\.js(\?|$)/.test(response.url())) {
      workerResponses.push({ url: response.url(), csp: response.headers()['content-security-policy'] });
    }
  });
  // 5 s: well past a sample's read (under a second, a fresh worker included), far short of the slow file's.
  await setReadTimeout(page, '5');
  const model = new ImportPageModel(page);
  await model.open();
  const good = ['东丰县', '东辽县', '临江市'].map((u) =>
    file(`${u}-2018年1-9月.xlsx`, sampleBytes('2018-09', u)),
  );
  await model.picker.setInputFiles(
    [good[0], file('慢的文件.xlsx', slowWorkbook()), good[1], good[2]].filter((f) => f !== undefined),
  );
  // While it is read, the picker and 载入示例数据 stay usable, and a file chosen now joins the reading.
  await expect(page.locator('progress#read-progress')).toBeVisible();
  await expect(model.picker).toBeEnabled();
  await expect(page.getByRole('button', { name: '载入示例数据' })).toBeEnabled();
  await model.picker.setInputFiles([file('梨树县-2018年1-9月.xlsx', sampleBytes('2018-09', '梨树县'))]);

  const list = page.getByRole('table', { name: '文件列表' });
  await expect(list.locator('tbody tr')).toHaveCount(5, { timeout: 60_000 });
  await expect(page.locator('progress#read-progress')).toHaveCount(0, { timeout: 60_000 });
  const slow = model.row('慢的文件.xlsx');
  await expect(slow).toHaveAttribute('data-status', 'error');
  await expect(slow).toContainText('读取超时（文件可能已损坏）：读取超过 5 秒仍未完成，已停止读取');
  for (const name of [...good.map((f) => f.name), '梨树县-2018年1-9月.xlsx']) {
    await expect(model.row(name)).toContainText(/可导入|有警告/);
  }
  expect(await model.confirm()).toContain('已导入 4 份，替换 0 份，跳过 0 份（已存在），拒绝 1 个文件');

  // Afterwards the picker reads again (a fresh worker took the stopped one's place).
  await model.choose([file('农安县-2018年1-9月.xlsx', sampleBytes('2018-09', '农安县'))]);
  await expect(model.row('农安县-2018年1-9月.xlsx')).toContainText(/可导入|有警告/);

  // The policy binds the reader worker: it came with its script, as a header (a page's <meta> does not reach it).
  expect(workerResponses.length).toBeGreaterThan(0);
  for (const r of workerResponses) {
    // Workers from the app's own scripts only: no blob: worker.
    expect(r.csp, r.url).toMatch(/(?:^|; )worker-src 'self'(?:;|$)/);
    expect(r.csp, r.url).toContain("frame-ancestors 'none'");
    expect(r.csp, r.url).toContain("connect-src 'self'");
  }
});

test('the app is served with its CSP as a header, frame-ancestors included', async ({ page }) => {
  const response = await page.goto('/');
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response?.headers()['x-content-type-options']).toBe('nosniff');
});

test('a damaged .xlsx (a changed byte, a cut) is refused as 文件已损坏 and nothing of it is stored', async ({
  page,
}) => {
  const model = new ImportPageModel(page);
  await model.open();
  const bytes = sampleBytes('2018-09', '德惠市');
  const flipped = Buffer.from(bytes);
  // A byte inside the first sheet's compressed data.
  const at = flipped.indexOf('xl/worksheets/sheet1.xml') + 'xl/worksheets/sheet1.xml'.length + 40;
  flipped[at] = (flipped[at] ?? 0) ^ 0x08;
  const cut = bytes.subarray(0, Math.floor(bytes.length * 0.7));
  await model.choose([
    file('改动了一个字节.xlsx', flipped),
    file('被截断.xlsx', cut),
    file('东丰县-2018年1-9月.xlsx', sampleBytes('2018-09', '东丰县')),
  ]);
  for (const name of ['改动了一个字节.xlsx', '被截断.xlsx']) {
    await expect(model.row(name)).toHaveAttribute('data-status', 'error');
    await expect(model.row(name)).toContainText('文件已损坏');
    await expect(model.row(name)).toContainText('请让报送单位重新发送');
  }
  expect(await model.confirm()).toContain('已导入 1 份，替换 0 份，跳过 0 份（已存在），拒绝 2 个文件');
});

test('下载CSV writes a bank name that looks like a formula as inert text', async ({ page }) => {
  const EVIL = '=HYPERLINK("http://evil.example","点我")';
  const wb = XLSX.read(sampleBytes('2018-09', '长春市'));
  const ws = wb.Sheets.表2 as XLSX.WorkSheet;
  expect(ws.B8?.v).toBe('中国光大银行');
  ws.B8 = { t: 's', v: EVIL };
  const evil = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
  const model = new ImportPageModel(page);
  await model.open();
  await model.choose([file('长春市-2018年1-9月.xlsx', evil)]);
  expect(await model.confirm()).toContain('已导入 1 份');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '图表' }).click();
  const chart = page.getByTestId('loan-bank-chart');
  await expect(chart).toBeVisible();
  const downloading = page.waitForEvent('download');
  await chart.getByRole('button', { name: '下载CSV' }).click();
  const csv = await readFile(await (await downloading).path(), 'utf8');
  const line = csv.split('\r\n').find((l) => l.includes('HYPERLINK'));
  expect(line).toBeDefined();
  // Quoted, with an apostrophe first: Excel, WPS and LibreOffice show it as text and never run it.
  expect(line?.startsWith(`"'=HYPERLINK(""http://evil.example"",""点我"")"`)).toBe(true);
  expect(csv.split('\r\n').some((l) => /^[=+\-@]/.test(l) || /,[=+\-@]/.test(l))).toBe(false);
});

test('an import cut short (the page closed after some returns) is named at the next start with what it saved', async ({
  page,
}) => {
  const model = new ImportPageModel(page);
  await model.open();
  await model.choose([
    file('东丰县-2018年1-9月.xlsx', sampleBytes('2018-09', '东丰县')),
    file('德惠市-2018年1-9月.xlsx', sampleBytes('2018-09', '德惠市')),
  ]);
  expect(await model.confirm()).toContain('已导入 2 份');
  // The store as a crash leaves it: the import record still 'started', planned with a third return it never
  // wrote (what commitImport writes first; the two returns are real, written by the app).
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('anju-progress');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('imports', 'readwrite');
          const store = tx.objectStore('imports');
          const all = store.getAll();
          all.onsuccess = () => {
            const record = all.result[0];
            record.state = 'started';
            record.planned = [
              ...record.changes.map((c: { unitId: string; period: string }) => ({
                unitId: c.unitId,
                period: c.period,
                fileName: 'x.xlsx',
              })),
              { unitId: '220122', period: '2018-09', fileName: '农安县-2018年1-9月.xlsx' },
            ];
            store.put(record);
          };
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await page.reload();
  const notice = page.getByTestId('interrupted-import');
  await expect(notice).toContainText('上次的导入');
  await expect(notice).toContainText('没有完成：页面或浏览器在保存途中关闭了');
  await expect(notice).toContainText('已保存 2 份（');
  await expect(notice).toContainText('东丰县2018年1-9月');
  await expect(notice).toContainText('德惠市2018年1-9月');
  await expect(notice).toContainText('没有保存 1 份（农安县2018年1-9月）');
  await notice.getByRole('button', { name: '知道了' }).click();
  await expect(notice).toHaveCount(0);
  await page.reload();
  await page.getByRole('heading', { name: '导入月报' }).waitFor();
  await expect(page.getByTestId('interrupted-import')).toHaveCount(0);
});
