// Page model of 数据 and of a unit's page for the workflow spec: choose the 报告期, open an attachment, read a
// row of a table as header → text (also for the tables spec), and the unit's 版本记录.
import { expect, type Locator, type Page } from '@playwright/test';

/** The full header of every column in column order (a banded column by its full name: 国开行授信（亿元）). */
export async function tableHeaders(table: Locator): Promise<string[]> {
  return table.locator('thead th[data-col-index]').evaluateAll((ths) =>
    ths
      .map((th) => ({
        index: Number(th.getAttribute('data-col-index')),
        // The sort button's name, not the print-only copy of the label beside it.
        text:
          th.querySelector('button')?.getAttribute('aria-label') ??
          th.querySelector('button')?.textContent ??
          th.textContent ??
          '',
      }))
      .sort((a, b) => a.index - b.index)
      .map((h) => h.text.replace(/[▲▼↕]/g, '').trim()),
  );
}

/** The body row whose row header (first column) is exactly `name`, as header → cell text. */
export async function rowByName(table: Locator, name: string): Promise<Record<string, string>> {
  const row = table
    .locator('tbody tr')
    .filter({ has: table.page().locator('th', { hasText: new RegExp(`^${name}$`) }) });
  // Wait for the row first: right after a tab or period change the table may not be drawn yet, and headers
  // read too early would come back empty.
  await expect(row).toHaveCount(1);
  const heads = await tableHeaders(table);
  const cells = await row.locator('th, td').allTextContents();
  return Object.fromEntries(heads.map((h, i) => [h, (cells[i] ?? '').trim()]));
}

export class DataPageModel {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/#/data');
    await expect(this.page.getByRole('heading', { level: 1, name: '汇总数据' })).toBeVisible();
  }

  get period(): Locator {
    return this.page.getByRole('combobox', { name: '报告期' });
  }

  async selectPeriod(label: string): Promise<void> {
    await this.period.selectOption({ label });
  }

  /** Open 附件n by its tab in the 附件 navigation. */
  async attachment(n: number): Promise<void> {
    await this.page
      .getByRole('navigation', { name: '附件' })
      .getByRole('link', { name: new RegExp(`附件${n}`) })
      .click();
  }

  table(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  /** 附件2 by bank: 按银行汇总. */
  async loanByBank(): Promise<void> {
    await this.page.getByRole('radio', { name: '按银行汇总' }).check();
  }

  async row(table: Locator, name: string): Promise<Record<string, string>> {
    return rowByName(table, name);
  }

  /** Wait until a row's cell shows `text` (the tables follow the store live). */
  async expectCell(table: Locator, name: string, header: string, text: string | RegExp): Promise<void> {
    await expect
      .poll(async () => (await this.row(table, name))[header], { message: `${name} ${header}` })
      .toMatch(text instanceof RegExp ? text : new RegExp(`^${escapeRegExp(text)}$`));
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export class UnitPageModel {
  constructor(
    readonly page: Page,
    readonly unitId: string,
    readonly unitName: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`/#/unit/${this.unitId}`);
    await expect(this.page.getByRole('heading', { level: 1, name: this.unitName })).toBeVisible();
  }

  /** The 版本记录 of the unit for the selected 报告期. */
  get history(): Locator {
    return this.page.getByRole('region', { name: new RegExp(`版本记录：${this.unitName}`) });
  }

  revision(fileName: string): Locator {
    return this.history.getByRole('listitem').filter({ hasText: fileName });
  }

  async restore(fileName: string): Promise<void> {
    await this.history
      .getByRole('button', { name: new RegExp(`恢复此版本.*${escapeRegExp(fileName)}`) })
      .click();
    await expect(this.history.getByRole('status')).toContainText('已恢复');
  }
}
