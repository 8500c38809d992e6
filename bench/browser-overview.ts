// Benchmark section 'overview': 概览 with ten years of monthly returns (120 generated periods × 50 units plus the
// two demo months, see browser-tables) in the built app's IndexedDB. Measures the move from 导入 to 概览 until
// its cards, attention list, month table and the 50 map tiles are all painted (target under 300 ms), the same again
// (median of five), a change of 报告期 on 概览, and a change of the map's measure.
import type { Page } from '@playwright/test';
import { withPreviewBrowser } from './browser';
import { median, openTenYears, timeNavigation, timeNavigationUntil } from './browser-tables';

const TARGET_MS = 300;
const PAINTED = '[data-testid="tile-map"] a.ov-tile';

function verdict(ms: number): string {
  return ms < TARGET_MS ? 'OK' : 'OVER TARGET';
}

/** What the page shows when a change is done: `count` elements match `selector`, the first containing `text`. */
interface Shown {
  selector: string;
  text: string;
  count?: number;
}

/**
 * From the page's own clock: from the next change event (a select moved by `act`) until the page shows `done`
 * and a frame has been painted after it. Milliseconds.
 */
async function timeChange(page: Page, act: () => Promise<unknown>, done: Shown): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { benchT0?: number };
    w.benchT0 = undefined;
    document.addEventListener(
      'change',
      () => {
        w.benchT0 = performance.now();
      },
      { capture: true, once: true },
    );
  });
  await act();
  return page.evaluate(
    ({ selector, text, count }) =>
      new Promise<number>((resolve, reject) => {
        const w = window as unknown as { benchT0?: number };
        const start = performance.now();
        const check = () => {
          const found = document.querySelectorAll(selector);
          const shown = found.length >= (count ?? 1) && (found[0]?.textContent ?? '').includes(text);
          if (w.benchT0 !== undefined && shown) {
            const t0 = w.benchT0;
            requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
          } else if (performance.now() - start > 60_000) reject(new Error(`never: ${selector} ${text}`));
          else requestAnimationFrame(check);
        };
        check();
      }),
    done,
  );
}

export async function run(): Promise<void> {
  await withPreviewBrowser(async ({ newPage }) => {
    const page = await newPage();
    await openTenYears(page);
    // The whole page, not only the map: the clock runs until the month table's last row and the attention
    // list are drawn too.
    const ready = (hash: string) =>
      timeNavigationUntil(page, hash, [
        { selector: PAINTED, minCount: 50 },
        { selector: '[data-testid="month-table"] tbody tr[data-scope="direct"]', minCount: 1 },
        { selector: '[data-testid="attention-table"] tbody tr', minCount: 1 },
        { selector: '.ov-card', minCount: 5 },
      ]);
    // The trend lines read the year's months apart and come after the page: how long after the move.
    const trendLines = async (hash: string) => timeNavigation(page, hash, '.ov-card .ov-sparkline', 5);
    const cold = await ready('#/overview');
    console.log(
      `#/import → #/overview (first time after load): ${Math.round(cold)} ms to the painted page (target < ${TARGET_MS} ms: ${verdict(cold)})`,
    );
    // Away to 导入 and back, five times, timing the way back.
    const fiveTimes = async (measure: () => Promise<number>) => {
      const runs: number[] = [];
      for (let i = 0; i < 5; i++) {
        await page.evaluate(() => {
          location.hash = '#/import';
        });
        await page.getByRole('heading', { name: '导入月报' }).waitFor();
        runs.push(await measure());
      }
      return runs;
    };
    const warm = await fiveTimes(() => ready('#/overview'));
    const warmMedian = median(warm);
    console.log(
      `#/import → #/overview (again, median of ${warm.length}): ${Math.round(warmMedian)} ms (target < ${TARGET_MS} ms: ${verdict(warmMedian)}); runs ${warm.map(Math.round).join(', ')} ms`,
    );
    const lines = await fiveTimes(() => trendLines('#/overview'));
    console.log(
      `… and the cards' trend lines (9 months of 2018) drawn: median ${Math.round(median(lines))} ms; runs ${lines.map(Math.round).join(', ')} ms`,
    );
    // The cards compare with last year: with ten years stored, every one of them has a figure to compare with.
    const yearChange = await page.getByTestId('change-startRate-year').locator('dd').textContent();
    console.log(`(2018年1-9月 开工率 较上年同期: ${yearChange?.trim()})`);

    const periodMs = await timeChange(
      page,
      () => page.getByRole('combobox', { name: '报告期' }).selectOption('2017-06'),
      { selector: '#overview-title', text: '2017年1-6月' },
    );
    console.log(
      `报告期 2018年1-9月 → 2017年1-6月 on 概览: ${Math.round(periodMs)} ms (target < ${TARGET_MS} ms: ${verdict(periodMs)})`,
    );
    const measureMs = await timeChange(
      page,
      () => page.getByRole('combobox', { name: '着色指标' }).selectOption('allocationRate'),
      { selector: '[data-testid="map-legend"]', text: '公租房分配率' },
    );
    console.log(`map measure 开工率 → 公租房分配率: ${Math.round(measureMs)} ms`);
    await page.context().close();
  });
}
