// 数据 on a wide screen and on paper: the tables use the width of a 1920-pixel screen, their header row stays
// in view while the rows scroll under it, and the printed page (a real PDF, its words placed by pdftotext)
// repeats a header row with its labels at the top of every page.
import { writeFile } from 'node:fs/promises';
import type { Locator } from '@playwright/test';
import { HAS_PDFTOTEXT, pdfWords } from '../src/integration/pdf-words';
import { DataPageModel } from './data-model';
import { loadDemo } from './demo';
import { expect, test } from './fixtures';

test.use({ viewport: { width: 1920, height: 1080 } });

/** The element drawn at the middle of a locator's box: what the user sees there. */
async function seenAtMiddle(target: Locator): Promise<string> {
  return target.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const seen = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return seen && (el === seen || el.contains(seen)) ? 'itself' : (seen?.textContent ?? 'nothing');
  });
}

test('数据 uses the wide screen, and its header row stays in view while the rows scroll', async ({
  page,
}) => {
  await loadDemo(page);
  const data = new DataPageModel(page);
  await data.open();
  const table = data.table('table-start');
  await expect(table.locator('tbody tr')).toHaveCount(51);
  // The width of the screen, not a 1400-pixel column in its middle.
  const width = (await table.boundingBox())?.width ?? 0;
  expect(width).toBeGreaterThan(1750);

  const region = page.locator('section.table-scroll').filter({ has: table });
  const header = table.locator('thead th', { hasText: '年度计划（套）' });
  const regionBox = await region.boundingBox();
  expect(regionBox?.height ?? 0).toBeLessThanOrEqual(1080);

  // Scroll the rows as a user does, with the wheel over the table, well past the first screenful.
  await region.hover();
  for (let i = 0; i < 8; i++) await page.mouse.wheel(0, 400);
  await expect.poll(() => region.evaluate((el) => el.scrollTop)).toBeGreaterThan(600);
  const lastRow = table.locator('tbody tr').last();
  await expect(lastRow).toBeInViewport();
  // The header sits at the top of the scrolled box, drawn over the rows, labels readable.
  const top = (await region.boundingBox())?.y ?? 0;
  const headerBox = await header.boundingBox();
  expect(Math.abs((headerBox?.y ?? -100) - top)).toBeLessThanOrEqual(2);
  expect(await seenAtMiddle(header)).toBe('itself');
  await expect(header).toBeInViewport();
  // The first rows went under it: 全省合计 is no longer shown.
  await expect(table.locator('tbody tr').first()).not.toBeInViewport();

  // A keyboard user scrolls the same box: it takes focus, and the header stays.
  await region.focus();
  await page.keyboard.press('Home');
  await expect.poll(() => region.evaluate((el) => el.scrollTop)).toBe(0);
  await page.keyboard.press('End');
  await expect.poll(() => region.evaluate((el) => el.scrollTop)).toBeGreaterThan(600);
  expect(await seenAtMiddle(header)).toBe('itself');
});

test('printed 数据 repeats its header row, with its labels, at the top of every page', async ({
  page,
}, testInfo) => {
  test.skip(!HAS_PDFTOTEXT, 'pdftotext (poppler-utils) is not installed: apt-get install -y poppler-utils');
  await loadDemo(page);
  const data = new DataPageModel(page);
  await data.open();
  await expect(data.table('table-start').locator('tbody tr')).toHaveCount(51);
  // Scrolled down on screen first: the printed table starts at its first row all the same.
  await page.locator('section.table-scroll').evaluate((el) => {
    el.scrollTop = 500;
  });
  const pdfPath = testInfo.outputPath('data.pdf');
  await writeFile(pdfPath, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const { pages, words } = pdfWords(pdfPath);

  // The rows' names as the screen shows them.
  const names = new Set(
    (await data.table('table-start').locator('tbody th[scope="row"]').allTextContents()).map((t) => t.trim()),
  );
  expect(names.size).toBe(51);
  const isRow = (text: string) => names.has(text);
  const tablePages = [...new Set(words.filter((w) => isRow(w.text)).map((w) => w.page))];
  expect(tablePages.length).toBeGreaterThanOrEqual(2);
  for (const p of tablePages) {
    const onPage = words.filter((w) => w.page === p);
    // A word's box is its font's whole line: compare middles. pdftotext cuts 开工率（%） where the font changes,
    // at the % when the % comes from another font than the words: the label is the word or the word's start.
    const middle = (w: { yMin: number; yMax: number }) => (w.yMin + w.yMax) / 2;
    const firstRow = Math.min(...onPage.filter((w) => isRow(w.text)).map(middle));
    for (const label of ['市县', '年度计划（套）', '累计开工（套）', '本月开工（套）', '开工率（']) {
      const heading = onPage.find(
        (w) => w.text === label || (label === '开工率（' && /^开工率（%?）?$/.test(w.text)),
      );
      expect(heading, `page ${p}: ${label}`).toBeDefined();
      if (heading) expect(middle(heading), `page ${p}: ${label} above the rows`).toBeLessThan(firstRow);
    }
    // No sort marks on paper.
    expect(onPage.filter((w) => /[▲▼↕]/.test(w.text))).toEqual([]);
  }
  // Every one of the 51 rows (全省合计 and the 50 units) is printed, on landscape pages.
  const printed = words.filter((w) => isRow(w.text));
  expect(new Set(printed.map((w) => `${w.page}:${Math.round(w.yMin)}`)).size).toBe(51);
  for (const p of tablePages) expect((pages[p - 1]?.width ?? 0) > (pages[p - 1]?.height ?? 0)).toBe(true);
});
