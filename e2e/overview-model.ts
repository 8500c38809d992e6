// Page model of 概览: its cards' figures and changes, the attention list, the tile map (tiles, classes, legend,
// the measure picker) and the month-over-month table.
import { expect, type Locator, type Page } from '@playwright/test';

export class OverviewModel {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/#/overview');
    await this.ready();
  }

  /** The page is drawn: its heading and the map's 50 tiles. */
  async ready(): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: /^概览/ })).toBeVisible();
    await expect(this.tiles).toHaveCount(50);
  }

  card(table: string): Locator {
    return this.page.getByTestId(`card-${table}`);
  }

  /** A card figure as shown: '86.02%', '81,948套'. */
  async figure(key: string): Promise<string> {
    return ((await this.page.getByTestId(`value-${key}`).textContent()) ?? '').trim();
  }

  /** A card's change as shown, without its note: '+7.21个百分点', '—'. */
  async change(key: string, kind: 'month' | 'year'): Promise<string> {
    const dd = this.page.getByTestId(`change-${key}-${kind}`).locator('dd');
    return (await dd.evaluate((el) => el.firstChild?.textContent ?? '')).trim();
  }

  get attention(): Locator {
    return this.page.getByTestId('attention-table');
  }

  /** The attention list as unit name → number of flags. */
  async attentionRows(): Promise<Map<string, number>> {
    await expect(this.attention.locator('tbody tr').first()).toBeVisible();
    const rows = await this.attention
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [
          tr.querySelector('th')?.textContent?.trim() ?? '',
          Number(tr.querySelector('td:last-child')?.textContent ?? 'NaN'),
        ]),
      );
    return new Map(rows as [string, number][]);
  }

  get map(): Locator {
    return this.page.getByTestId('tile-map');
  }

  get tiles(): Locator {
    return this.page.locator('[data-testid="tile-map"] a.ov-tile');
  }

  tile(unitId: string): Locator {
    return this.page.locator(`[data-testid="tile-map"] a.ov-tile[data-unit="${unitId}"]`);
  }

  async pickMeasure(label: string): Promise<void> {
    await this.map.getByRole('combobox', { name: '着色指标' }).selectOption({ label });
  }

  /** Each tile's class for the measure shown, by unit id. */
  async classes(): Promise<Map<string, string>> {
    const pairs = await this.tiles.evaluateAll((as) =>
      as.map((a) => [a.getAttribute('data-unit') ?? '', a.getAttribute('data-class') ?? '']),
    );
    return new Map(pairs as [string, string][]);
  }

  get monthTable(): Locator {
    return this.page.getByTestId('month-table');
  }
}
