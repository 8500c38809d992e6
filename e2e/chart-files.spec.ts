// 图表 as files and on paper: each chart saved as SVG and PNG (re-read: the bars, reference lines, title and
// legend are there and drawn), and the printed page (a real PDF, its text placed by pdftotext) with every
// bar's figure and the reference lines inside the page.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { HAS_PDFTOTEXT, pdfWords } from '../src/integration/pdf-words';
import { loadDemo } from './demo';
import { expect, test } from './fixtures';

// Units of the 2018-09 sample returns with a start plan (see charts.spec.ts).
const UNITS_WITH_PLAN = 47;

async function download(page: Page, click: () => Promise<void>): Promise<{ file: Download; bytes: Buffer }> {
  const downloading = page.waitForEvent('download');
  await click();
  const file = await downloading;
  return { file, bytes: await readFile(await file.path()) };
}

async function openCharts(page: Page) {
  await loadDemo(page);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '图表' }).click();
  await expect(page.getByTestId('start-rate-chart').getByTestId('start-rate-bar')).toHaveCount(
    UNITS_WITH_PLAN,
  );
}

/** Pixels of each colour (#rrggbb, within a small tolerance) in an image drawn by the browser itself. */
async function countColours(page: Page, bytes: Buffer, mime: string, colours: string[]) {
  return page.evaluate(
    async ({ base64, mime, colours }) => {
      const raw = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([raw], { type: mime }));
      const image = new Image();
      image.src = url;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no canvas');
      ctx.drawImage(image, 0, 0);
      URL.revokeObjectURL(url);
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      const wanted = colours.map((c) => [1, 3, 5].map((i) => Number.parseInt(c.slice(i, i + 2), 16)));
      const counts = colours.map(() => 0);
      let white = 0;
      for (let p = 0; p < data.length; p += 4) {
        const [r, g, b] = [data[p] ?? 0, data[p + 1] ?? 0, data[p + 2] ?? 0];
        if (r > 250 && g > 250 && b > 250) white++;
        wanted.forEach((w, i) => {
          if (Math.abs(r - (w[0] ?? 0)) < 8 && Math.abs(g - (w[1] ?? 0)) < 8 && Math.abs(b - (w[2] ?? 0)) < 8)
            counts[i] = (counts[i] ?? 0) + 1;
        });
      }
      return { width: canvas.width, height: canvas.height, counts, white };
    },
    { base64: bytes.toString('base64'), mime, colours },
  );
}

/** What the saved SVG holds, read back by the browser's XML parser. */
async function readSvg(page: Page, text: string) {
  return page.evaluate((markup) => {
    const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      root: root.nodeName,
      parseError: doc.getElementsByTagName('parsererror').length,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      bars: doc.querySelectorAll('[data-testid="start-rate-bar"]').length,
      targetLines: doc.querySelectorAll('.ref-target').length,
      warningLines: doc.querySelectorAll('.ref-warning').length,
      texts: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? ''),
      // Styles come inline, not from the page's stylesheets (a slide has none).
      unstyledText: [...doc.querySelectorAll('svg svg text')].filter((t) => !t.getAttribute('style')).length,
    };
  }, text);
}

test('each chart saves as SVG and PNG: title, legend, every bar and the reference lines drawn', async ({
  page,
}, testInfo) => {
  await openCharts(page);
  const start = page.getByTestId('start-rate-chart');

  const svg = await download(page, () => start.getByRole('button', { name: '下载SVG图片' }).click());
  expect(svg.file.suggestedFilename()).toBe('开工率-2018年1-9月.svg');
  const text = svg.bytes.toString('utf8');
  expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  const read = await readSvg(page, text);
  expect(read.root).toBe('svg');
  expect(read.parseError).toBe(0);
  expect(read.bars).toBe(UNITS_WITH_PLAN);
  expect(read.targetLines).toBe(1);
  expect(read.warningLines).toBe(1);
  expect(read.unstyledText).toBe(0);
  expect(read.texts).toEqual(
    expect.arrayContaining([
      '各市县棚户区改造开工率',
      '目标100%',
      '预警线60%',
      '伊通县',
      '5.20%',
      '低于预警线（<60%）',
      '达到目标（≥100%）',
    ]),
  );
  // Drawn as an image on its own (no page styles), the green, amber and red bars are there.
  const fromSvg = await countColours(page, svg.bytes, 'image/svg+xml', ['#1a7f37', '#bf8700', '#cf222e']);
  expect(fromSvg.width).toBe(read.width);
  for (const count of fromSvg.counts) expect(count).toBeGreaterThan(200);

  const png = await download(page, () => start.getByRole('button', { name: '下载PNG图片' }).click());
  expect(png.file.suggestedFilename()).toBe('开工率-2018年1-9月.png');
  await writeFile(testInfo.outputPath('start-rate.png'), png.bytes);
  expect(png.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  // Twice the SVG's size, for a sharp slide; on white, with the same three bar colours.
  expect(png.bytes.readUInt32BE(16)).toBe(read.width * 2);
  expect(png.bytes.readUInt32BE(20)).toBe(read.height * 2);
  const fromPng = await countColours(page, png.bytes, 'image/png', ['#1a7f37', '#bf8700', '#cf222e']);
  for (const [i, count] of fromPng.counts.entries())
    expect(count).toBeGreaterThan((fromSvg.counts[i] ?? 0) * 3);
  expect(fromPng.white / (fromPng.width * fromPng.height)).toBeGreaterThan(0.3);

  // The trends chart is three drawings under HTML headings: one file with all three and their headings.
  const trends = page.getByTestId('trends-chart');
  const trendSvg = await download(page, () => trends.getByRole('button', { name: '下载SVG图片' }).click());
  expect(trendSvg.file.suggestedFilename()).toBe('全省进展趋势.svg');
  await writeFile(testInfo.outputPath('trends.svg'), trendSvg.bytes);
  const trendRead = await readSvg(page, trendSvg.bytes.toString('utf8'));
  expect(trendRead.parseError).toBe(0);
  expect(trendRead.texts).toEqual(
    expect.arrayContaining([
      '全省进展趋势',
      '全省累计开工（套）',
      '全省本年发放贷款（亿元）',
      '全省公租房分配率（%）',
    ]),
  );
  const lines = await countColours(page, trendSvg.bytes, 'image/svg+xml', ['#1a7f37', '#9b1c1c', '#0969da']);
  for (const count of lines.counts) expect(count).toBeGreaterThan(50);

  // The loan chart's legend is in words in the file too.
  const loan = page.getByTestId('loan-bank-chart');
  const loanPng = await download(page, () => loan.getByRole('button', { name: '下载PNG图片' }).click());
  expect(loanPng.file.suggestedFilename()).toBe('棚改贷款-2018年1-9月.png');
  await writeFile(testInfo.outputPath('loan-bank.png'), loanPng.bytes);
  const loanSvg = await download(page, () => loan.getByRole('button', { name: '下载SVG图片' }).click());
  expect((await readSvg(page, loanSvg.bytes.toString('utf8'))).texts).toEqual(
    expect.arrayContaining(['本年授信（亿元）', '本年发放（亿元）', '197.54']),
  );
});

test('图表 prints whole: every bar figure and reference line inside an A4 page', async ({
  page,
}, testInfo) => {
  test.skip(!HAS_PDFTOTEXT, 'pdftotext (poppler-utils) is not installed: apt-get install -y poppler-utils');
  // A wide screen draws the charts wider than the paper: printing must scale them, not cut them.
  await page.setViewportSize({ width: 1600, height: 1000 });
  await openCharts(page);
  const start = page.getByTestId('start-rate-chart');
  await start.getByRole('button', { name: '查看数据表' }).click();
  const figures = (await start.locator('table tbody tr td:nth-child(5)').allTextContents()).map(
    (v) => `${v}%`,
  );
  expect(figures).toHaveLength(UNITS_WITH_PLAN);
  await start.getByRole('button', { name: '隐藏数据表' }).click();

  const pdfPath = testInfo.outputPath('charts.pdf');
  await writeFile(pdfPath, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const { pages, words } = pdfWords(pdfPath);
  // A4 portrait in points, 15 mm margins (42.5 pt): nothing is written in the margins or off the page (a
  // word's box is its font's full line height, so its middle is what must be inside vertically).
  for (const p of pages) {
    expect(p.width).toBeCloseTo(595.3, 0);
    expect(p.height).toBeCloseTo(841.9, 0);
  }
  const outside = words.filter((w) => {
    const middle = (w.yMin + w.yMax) / 2;
    return w.xMin < 42 || w.xMax > 595.3 - 42 || middle < 42 || middle > 841.9 - 42;
  });
  expect(outside.map((w) => `${w.page}: ${w.text}`)).toEqual([]);

  // The start-rate chart is on one page, with all 47 bar figures, both reference lines, and nothing cut.
  const titlePage = words.find((w) => w.text.includes('各市县棚户区改造开工率'))?.page;
  expect(titlePage).toBeDefined();
  const onPage = words.filter((w) => w.page === titlePage).map((w) => w.text);
  const joined = onPage.join(' ');
  expect(joined).toContain('目标100%');
  expect(joined).toContain('预警线60%');
  const expectedCounts = new Map<string, number>();
  for (const f of figures) expectedCounts.set(f, (expectedCounts.get(f) ?? 0) + 1);
  for (const [figure, count] of expectedCounts) {
    const seen = onPage.filter((w) => w.endsWith(figure) && !w.startsWith('开工率')).length;
    expect(seen, `bar figure ${figure}`).toBeGreaterThanOrEqual(count);
  }
  // The loan and allocation charts print too, each whole on its page.
  expect(words.some((w) => w.text.includes('各银行棚改贷款授信与发放'))).toBe(true);
  expect(words.some((w) => w.text === '197.54')).toBe(true);
  expect(joined.length).toBeGreaterThan(0);

  // A picture of the start-rate page for a person to look at (kept with the test output).
  if (existsSync('/usr/bin/pdftoppm') && titlePage !== undefined) {
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      String(titlePage),
      '-l',
      String(titlePage),
      pdfPath,
      testInfo.outputPath('charts-page'),
    ]);
  }
});
