// Page model of 导入 for the store's specs (and the benchmark): choose files, confirm, read the summary and the
// completeness of a period.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import * as XLSX from 'xlsx';

export const SAMPLES_DIR = join(import.meta.dirname, '..', 'fixtures', 'samples');

/** The sample files of a period folder ('2018-08', '2018-09'), full paths, sorted. */
export function samplePaths(period: string): string[] {
  const dir = join(SAMPLES_DIR, period);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.xlsx'))
    .sort()
    .map((f) => join(dir, f));
}

export function sampleBytes(period: string, unitName: string): Buffer {
  const label = period === '2018-08' ? '2018年1-8月' : '2018年1-9月';
  return readFileSync(join(SAMPLES_DIR, period, `${unitName}-${label}.xlsx`));
}

/** A sample with 表1 累计开工 changed: a different return for the same unit and period. */
export function correctedSample(period: string, unit: string, started: number): Buffer {
  const wb = XLSX.read(sampleBytes(period, unit));
  const sheet = wb.Sheets.表1;
  if (!sheet) throw new Error('表1 missing');
  sheet.D4 = { t: 'n', v: started };
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

export class ImportPageModel {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/#/import');
    await expect(this.page.getByRole('heading', { level: 1, name: '导入月报' })).toBeVisible();
  }

  get picker() {
    return this.page.getByLabel('选择文件');
  }

  /** Choose files and wait until every one is read. */
  async choose(files: Parameters<Page['setInputFiles']>[1]): Promise<void> {
    const count = Array.isArray(files) ? files.length : 1;
    await this.picker.setInputFiles(files);
    await expect(this.page.getByText(`已读取 ${count} / ${count} 个文件`)).toBeVisible({ timeout: 60_000 });
    await expect(this.page.getByRole('button', { name: '确认导入' })).toBeVisible();
    // The list loads its code with the first files: wait for the rows themselves, not only the count above them.
    const list = Array.isArray(files) ? files : [files];
    for (const f of list) {
      const name = typeof f === 'string' ? basename(f) : 'name' in f ? f.name : null;
      if (name) await expect(this.row(name).first()).toBeVisible();
    }
  }

  row(fileName: string) {
    return this.page.getByRole('table', { name: '文件列表' }).getByRole('row').filter({ hasText: fileName });
  }

  /** Choose one file that replaces a stored return, confirm the replacement and the import. */
  async replaceWith(file: { name: string; mimeType: string; buffer: Buffer }): Promise<string> {
    await this.choose([file]);
    await this.row(file.name)
      .getByLabel(/确认用本文件替换现有数据/)
      .check();
    return this.confirm();
  }

  async confirm(): Promise<string> {
    await this.page.getByRole('button', { name: '确认导入' }).click();
    const summary = this.page.getByTestId('import-summary');
    await expect(summary).toBeVisible({ timeout: 60_000 });
    return (await summary.textContent()) ?? '';
  }

  async selectPeriod(label: string): Promise<void> {
    await this.page.getByRole('combobox', { name: '报告期' }).selectOption({ label });
  }

  completenessSummary() {
    return this.page.getByTestId('completeness-summary');
  }

  /** The completeness table of the selected period as text, row by row. */
  async completenessRows(): Promise<string[]> {
    return this.page
      .getByRole('table', { name: /报送完整性/ })
      .getByRole('row')
      .allInnerTexts();
  }
}
