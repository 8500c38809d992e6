// Page model of 核对 (the review dialog over 导入) and helpers that build the refused files the review specs
// need from the real samples: a header the reader does not know, a cell that is no figure.
import { expect, type Locator, type Page } from '@playwright/test';
import * as XLSX from 'xlsx';
import { sampleBytes } from './import-model';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A sample return with some cells of one sheet rewritten, as a user's Excel would save it. */
export function sampleWith(
  period: string,
  unit: string,
  sheet: string,
  cells: Record<string, string | number>,
): { name: string; mimeType: string; buffer: Buffer } {
  const wb = XLSX.read(sampleBytes(period, unit));
  const ws = wb.Sheets[sheet];
  if (!ws) throw new Error(`no sheet ${sheet}`);
  for (const [cell, value] of Object.entries(cells)) {
    ws[cell] = typeof value === 'number' ? { t: 'n', v: value } : { t: 's', v: value };
  }
  const label = period === '2018-08' ? '2018年1-8月' : '2018年1-9月';
  return {
    name: `${unit}-${label}.xlsx`,
    mimeType: XLSX_MIME,
    buffer: XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer,
  };
}

/** The value a sample holds in a cell (to check what was imported against the file itself). */
export function sampleCell(period: string, unit: string, sheet: string, cell: string): unknown {
  const ws = XLSX.read(sampleBytes(period, unit)).Sheets[sheet];
  return ws?.[cell]?.v;
}

export class ReviewModel {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: /^核对/ });
  }

  /** Open 核对 from a file's row by keyboard: focus its button, press Enter. */
  async openByKeyboard(fileName: string): Promise<void> {
    const button = this.page.getByRole('button', { name: `核对 ${fileName}` });
    await button.focus();
    await this.page.keyboard.press('Enter');
    await expect(this.dialog).toBeVisible();
    await this.settled();
  }

  async open(fileName: string): Promise<void> {
    await this.page.getByRole('button', { name: `核对 ${fileName}` }).click();
    await expect(this.dialog).toBeVisible();
    await this.settled();
  }

  /** Wait until the file has been read again with the current decisions. */
  async settled(): Promise<void> {
    await expect(this.dialog.getByText('正在按当前的对照和更正读取…')).toHaveCount(0, { timeout: 30_000 });
  }

  /** The column choice of a header cell (its select is labelled by the header text and cell). */
  mapping(cell: string): Locator {
    return this.dialog.getByRole('combobox', { name: new RegExp(`（${cell}）`) });
  }

  /** Tab (only the keyboard) until `target` has the focus; fails after `limit` presses. */
  async tabTo(target: Locator, limit = 60): Promise<void> {
    for (let i = 0; i < limit; i++) {
      if (await target.evaluate((el) => el === document.activeElement)) return;
      await this.page.keyboard.press('Tab');
    }
    throw new Error('the keyboard never reached the element');
  }

  get confirmButton(): Locator {
    return this.dialog.getByRole('button', { name: '确认核对结果' });
  }

  /** Correct a problem's cell: open its form, type the value and the note, save. */
  async correct(cell: string, value: string, note: string): Promise<void> {
    await this.dialog.getByRole('button', { name: new RegExp(`更正单元格 ${cell}`) }).click();
    const form = this.dialog.getByRole('group', { name: `更正单元格 ${cell}` });
    await form.getByLabel('更正为').fill(value);
    await form.getByLabel('更正依据（必填）').fill(note);
    await form.getByRole('button', { name: '保存更正' }).click();
    await this.settled();
  }
}
