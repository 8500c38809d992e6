// Benchmark section 'browser-tables': the data tables with ten years of monthly returns (120 generated periods
// × 50 units, plus the two demo months) in the built app's own IndexedDB. Measures navigation to #/data until
// the first paint of the table (target under 300 ms), the same for the unit page (history of 122 periods), and
// one re-sort. The data is written straight into the app's Dexie schema (revisions + heads) from the page.
import type { Page } from '@playwright/test';
import { withPreviewBrowser } from './browser';

const TARGET_MS = 300;
const GENERATED_PERIODS = 120;

async function loadDemo(page: Page): Promise<void> {
  await page.goto('/#/import');
  await page.getByRole('button', { name: '载入示例数据' }).click();
  await page.getByText('已读取 100 / 100 个文件').waitFor({ timeout: 120_000 });
  const summary = page.getByTestId('import-summary');
  try {
    await summary.waitFor({ timeout: 20_000 });
  } catch {
    await page.getByRole('button', { name: '确认导入' }).click();
    await summary.waitFor({ timeout: 120_000 });
  }
}

/**
 * In the page: take every unit's 2018年1-9月 revision as a model and write GENERATED_PERIODS months before
 * 2018-08 with varied figures (cumulative within each year, as real returns are), each as a revision and a head,
 * in one IndexedDB transaction. Returns the number of revisions written.
 */
async function seedHistory(page: Page): Promise<number> {
  return page.evaluate(async (periods: number) => {
    const open = indexedDB.open('anju-progress');
    const idb: IDBDatabase = await new Promise((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = <T>(req: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    type Rev = { unitId: string; period: string; tables: Record<string, unknown> } & Record<string, unknown>;
    const revs = (await all(idb.transaction('revisions').objectStore('revisions').getAll())) as Rev[];
    const models = revs.filter((r) => r.period === '2018-09');
    let seed = 20180930;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const scale = (n: unknown, f: number) => (typeof n === 'number' ? Math.round(n * f) : n);
    const tx = idb.transaction(['revisions', 'heads'], 'readwrite');
    const revisions = tx.objectStore('revisions');
    const heads = tx.objectStore('heads');
    let written = 0;
    for (let i = 0; i < periods; i++) {
      // 2018-07 back to 2008-08.
      const index = 2018 * 12 + 6 - i;
      const year = Math.floor(index / 12);
      const month = (index % 12) + 1;
      const period = `${year}-${String(month).padStart(2, '0')}`;
      const cutoff = `${period}-${new Date(Date.UTC(year, month, 0)).getUTCDate()}`;
      for (const model of models) {
        const f = (month / 9) * (0.6 + 0.8 * rand());
        const t = model.tables as Record<
          string,
          Record<string, unknown> & { banks?: Record<string, unknown>[] }
        >;
        const tables: Record<string, unknown> = {};
        if (t.start)
          tables.start = {
            ...t.start,
            started: scale(t.start.started, f),
            startedMonth: null,
            declaredRate: null,
          };
        if (t.loan)
          tables.loan = {
            ...t.loan,
            banks: (t.loan.banks ?? []).map((b) => ({
              ...b,
              credit: scale(b.credit, f),
              disbursed: scale(b.disbursed, f),
              creditMonth: null,
              disbursedMonth: null,
            })),
          };
        if (t.expropriation)
          tables.expropriation = {
            ...t.expropriation,
            expropriated: scale(t.expropriation.expropriated, f),
            demolished: scale(t.expropriation.demolished, f),
            doneMonth: null,
          };
        if (t.carryOver) tables.carryOver = t.carryOver;
        if (t.publicRental) {
          const raised = t.publicRental.raised as number;
          const allocated = Math.min(raised, scale(t.publicRental.allocated, 0.9 + 0.1 * rand()) as number);
          tables.publicRental = { ...t.publicRental, allocated, declaredRate: null, declaredYearRate: null };
        }
        const rev = {
          unitId: model.unitId,
          period,
          cutoff,
          tables,
          fileName: `bench-${model.unitId}-${period}.xlsx`,
          fileHash: `bench-${model.unitId}-${period}`,
          contentHash: `bench-${model.unitId}-${period}`,
          importedAt: Date.now(),
          importId: 'bench-history',
          origin: 'demo',
        };
        const req = revisions.add(rev);
        req.onsuccess = () => {
          heads.put({ unitId: model.unitId, period, revisionId: req.result, updatedAt: Date.now() });
        };
        written++;
      }
    }
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
    idb.close();
    return written;
  }, GENERATED_PERIODS);
}

/**
 * From the page's own clock: set the hash, then wait until `selector` matches `count` elements and a frame has
 * been painted after that (two animation frames). Milliseconds.
 */
export async function timeNavigation(
  page: Page,
  hash: string,
  selector: string,
  minCount: number,
): Promise<number> {
  return timeNavigationUntil(page, hash, [{ selector, minCount }]);
}

/** A part of a page that must be shown: `selector` matches at least `minCount` elements. */
export interface Expected {
  selector: string;
  minCount: number;
}

/**
 * From the page's own clock: set the hash, then wait until every expected part is shown at once and a frame
 * has been painted after that (two animation frames). Milliseconds.
 */
export async function timeNavigationUntil(page: Page, hash: string, expected: Expected[]): Promise<number> {
  return page.evaluate(
    ({ hash, expected }) =>
      new Promise<number>((resolve, reject) => {
        const t0 = performance.now();
        location.hash = hash;
        const deadline = t0 + 60_000;
        const check = () => {
          if (expected.every((e) => document.querySelectorAll(e.selector).length >= e.minCount)) {
            requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
          } else if (performance.now() > deadline) {
            reject(new Error(`${JSON.stringify(expected)} never shown`));
          } else {
            requestAnimationFrame(check);
          }
        };
        check();
      }),
    { hash, expected },
  );
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

function verdict(ms: number): string {
  return ms < TARGET_MS ? 'OK' : 'OVER TARGET';
}

/**
 * The built app on `page` with ten years in its store: the demo loaded, GENERATED_PERIODS months seeded before
 * it, the page reloaded on 导入 and every period listed. Returns the number of periods. (Also used by the
 * 'overview' section.)
 */
export async function openTenYears(page: Page): Promise<number> {
  // tsx keeps function names with a __name() helper that the page does not have.
  await page.addInitScript('globalThis.__name = (f) => f');
  await loadDemo(page);
  const written = await seedHistory(page);
  // Dexie's live queries see only Dexie's own writes: reload so the app reads the seeded store.
  await page.goto('/#/import');
  await page.reload();
  await page.getByRole('heading', { name: '导入月报' }).waitFor();
  const options = page.getByRole('combobox', { name: '报告期' }).locator('option');
  await options.nth(GENERATED_PERIODS + 1).waitFor({ state: 'attached', timeout: 60_000 });
  const periods = await options.count();
  console.log(`store: ${written} generated revisions + 100 demo returns, ${periods} periods × 50 units`);
  return periods;
}

export async function run(): Promise<void> {
  await withPreviewBrowser(async ({ newPage }) => {
    const page = await newPage();
    const periods = await openTenYears(page);

    const tableRows = '[data-testid="table-start"] tbody tr';
    const cold = await timeNavigation(page, '#/data/start', tableRows, 51);
    console.log(
      `#/import → #/data (first time after load): ${Math.round(cold)} ms to the painted table (target < ${TARGET_MS} ms: ${verdict(cold)})`,
    );
    const warm: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.evaluate(() => {
        location.hash = '#/import';
      });
      await page.getByRole('heading', { name: '导入月报' }).waitFor();
      warm.push(await timeNavigation(page, '#/data/start', tableRows, 51));
    }
    const warmMedian = median(warm);
    console.log(
      `#/import → #/data (again, median of ${warm.length}): ${Math.round(warmMedian)} ms (target < ${TARGET_MS} ms: ${verdict(warmMedian)}); runs ${warm.map(Math.round).join(', ')} ms`,
    );

    const tabs: number[] = [];
    for (const key of ['loan', 'expropriation', 'carryOver', 'publicRental']) {
      tabs.push(await timeNavigation(page, `#/data/${key}`, `[data-testid="table-${key}"] tbody tr`, 2));
    }
    console.log(
      `switching attachments (附件2–5): ${tabs.map(Math.round).join(', ')} ms (target < ${TARGET_MS} ms: ${verdict(Math.max(...tabs))})`,
    );

    await page.evaluate(() => {
      location.hash = '#/data/start';
    });
    await page.locator(tableRows).nth(50).waitFor();
    const sortMs = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const button = [
            ...document.querySelectorAll<HTMLButtonElement>('[data-testid="table-start"] thead button'),
          ].find((b) => b.textContent?.includes('开工率'));
          const t0 = performance.now();
          button?.click();
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
        }),
    );
    console.log(`sorting 附件1 by 开工率: ${Math.round(sortMs)} ms to the painted table`);

    const unitMs = await timeNavigation(
      page,
      '#/unit/220122',
      '[data-testid="unit-history"] tbody tr',
      periods,
    );
    console.log(
      `#/data → #/unit/农安县 with ${periods} periods of history: ${Math.round(unitMs)} ms (target < ${TARGET_MS} ms: ${verdict(unitMs)})`,
    );
    await page.context().close();
  });
}
