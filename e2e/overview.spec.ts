// 概览 against the built app: the landing page (导入 when empty, 概览 with data), the cards equal to the 数据
// tables, the attention list equal to the warning lists of 数据's filters, the month table, the tile map (50
// tiles, classes that follow 设置, hover/focus details, click, Enter and Tab to every tile, measures), its files
// (SVG, PNG) and its print on one A4 landscape page; axe finds no serious violation.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Download, Locator, Page } from '@playwright/test';
import { rowByName } from './data-model';
import { loadDemoConfirmingIfAsked } from './demo';
import { expect, test } from './fixtures';
import { OverviewModel } from './overview-model';

async function openData(page: Page, table: string): Promise<Locator> {
  await page.goto(`/#/data/${table}`);
  const t = page.getByTestId(`table-${table}`);
  await expect(t.locator('tbody tr').first()).toBeVisible();
  return t;
}

/** Choose the 状态 filter option that starts with `label` (its text ends with the count). */
async function filterBy(page: Page, label: string): Promise<void> {
  const select = page.getByRole('combobox', { name: '状态' });
  const options = await select.locator('option').allTextContents();
  const option = options.find((o) => o.startsWith(label));
  expect(option, `filter ${label} among ${options.join(' / ')}`).toBeDefined();
  await select.selectOption({ label: option as string });
}

/** The unit rows' names of a data table (not 全省合计). */
async function unitNames(table: Locator): Promise<string[]> {
  const names = (await table.locator('tbody th[scope="row"]').allTextContents()).map((t) => t.trim());
  return names.filter((n) => n !== '全省合计');
}

async function download(page: Page, click: () => Promise<void>): Promise<{ file: Download; bytes: Buffer }> {
  const downloading = page.waitForEvent('download');
  await click();
  const file = await downloading;
  return { file, bytes: await readFile(await file.path()) };
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${v.help}`));
}

test('the app lands on 导入 while empty and on 概览 once data is stored; 概览 is the first section', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: '导入月报' })).toBeVisible();
  await expect(page).toHaveTitle('导入月报 - 安居工程月报汇总');
  const nav = page.getByRole('navigation', { name: '主导航' });
  await expect(nav.getByRole('link').first()).toHaveText('概览');
  // Opened by hand in an empty app, 概览 shows the way to 导入.
  await nav.getByRole('link', { name: '概览' }).click();
  await expect(page.getByRole('main').getByRole('link', { name: '导入' })).toBeVisible();

  await loadDemoConfirmingIfAsked(page);
  await page.goto('/');
  const overview = new OverviewModel(page);
  await overview.ready();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('概览 · 2018年1-9月');
  await expect(page).toHaveTitle('概览 - 安居工程月报汇总');
  await expect(nav.getByRole('link', { name: '概览' })).toHaveAttribute('aria-current', 'page');
  // 导入 stays where it is asked for.
  await page.goto('/#/import');
  await expect(page.getByRole('heading', { level: 1, name: '导入月报' })).toBeVisible();

  // It follows the shared 报告期: August has no stored July to compare with.
  await page.goto('/');
  await overview.ready();
  await page.getByRole('combobox', { name: '报告期' }).selectOption('2018-08');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('概览 · 2018年1-8月');
  await expect.poll(() => overview.change('started', 'month')).toBe('—');
  await expect.poll(() => overview.change('credit', 'month')).toBe('—');

  expect(await seriousViolations(page), '概览').toEqual([]);
  await page.getByRole('combobox', { name: '报告期' }).selectOption('2018-09');
  await overview.tile('220122').focus();
  await expect(page.getByTestId('map-detail').getByRole('heading', { level: 3 })).toHaveText('农安县');
  expect(await seriousViolations(page), '概览, a tile focused and its details shown').toEqual([]);
});

test('the cards show the 数据 tables’ 全省合计, with the change since last month and none since last year', async ({
  page,
}) => {
  await loadDemoConfirmingIfAsked(page);
  const overview = new OverviewModel(page);
  await overview.open();
  const shown = new Map<string, string>();
  for (const key of [
    'startRate',
    'started',
    'startPlan',
    'credit',
    'disbursed',
    'householdsDone',
    'expropriationRate',
    'carryOverProjects',
    'carryOverUnfinished',
    'allocationRate',
    'yearRate',
    'yearAllocated',
    'yearTask',
  ]) {
    shown.set(key, await overview.figure(key));
    // 2017 is not stored: no change against last year, shown as a dash and never as 0.
    expect(await overview.change(key, 'year'), key).toBe('—');
  }
  const months = new Map<string, string>();
  for (const key of ['started', 'disbursed', 'householdsDone'])
    months.set(key, await overview.change(key, 'month'));

  // The card opens its table.
  await overview
    .card('loan')
    .getByRole('link', { name: /查看附件2/ })
    .click();
  await expect(page).toHaveURL(/#\/data\/loan$/);

  const start = await rowByName(await openData(page, 'start'), '全省合计');
  expect(shown.get('startRate')).toBe(`${start['开工率（%）']}%`);
  expect(shown.get('started')).toBe(`${start['累计开工（套）']}套`);
  expect(shown.get('startPlan')).toBe(`${start['年度计划（套）']}套`);
  expect(months.get('started')).toBe(`+${start['本月开工（套）']}套`);

  const loan = await rowByName(await openData(page, 'loan'), '全省合计');
  expect(shown.get('credit')).toBe(`${loan['本年授信（审批）（亿元）']}亿元`);
  expect(shown.get('disbursed')).toBe(`${loan['本年发放（亿元）']}亿元`);
  expect(months.get('disbursed')).toBe(`+${loan['本月新增发放（亿元）']}亿元`);

  const exp = await rowByName(await openData(page, 'expropriation'), '全省合计');
  expect(shown.get('householdsDone')).toBe(`${exp['合计（户）']}户`);
  expect(shown.get('expropriationRate')).toBe(`${exp['完成率（%）']}%`);
  expect(months.get('householdsDone')).toBe(`+${exp['本月完成（户）']}户`);

  const carry = await rowByName(await openData(page, 'carryOver'), '全省合计');
  expect(shown.get('carryOverProjects')).toBe(carry.项目名称?.replace('个项目', '个'));
  expect(shown.get('carryOverUnfinished')).toBe(`${carry['未完成拆迁户数（户）']}户`);

  const rental = await rowByName(await openData(page, 'publicRental'), '全省合计');
  expect(shown.get('allocationRate')).toBe(`${rental['分配率（%）']}%`);
  expect(shown.get('yearTask')).toBe(`${rental['本年分配任务（套）']}套`);
  expect(shown.get('yearAllocated')).toBe(`${rental['本年已分配（套）']}套`);
  expect(shown.get('yearRate')).toBe(`${rental['本年任务完成率（%）']}%`);
});

test('需要关注 holds exactly the units of the warning lists, each with as many flags as lists', async ({
  page,
}) => {
  await loadDemoConfirmingIfAsked(page);
  // The warning lists as 数据's own filters give them.
  const lists: [string, string][] = [
    ['start', '低于预警线'],
    ['loan', '有需求未取得授信'],
    ['expropriation', '进度缓慢'],
    ['carryOver', '项目较多'],
    ['publicRental', '分配率低于80%'],
    ['publicRental', '本年分配为零'],
    ['publicRental', '较上年同期下降'],
  ];
  const expected = new Map<string, number>();
  for (const [table, label] of lists) {
    let t = await openData(page, table);
    if (table === 'carryOver') {
      await page.getByRole('radio', { name: '按单位汇总' }).check();
      t = page.getByTestId('table-carryOver-units');
    }
    await filterBy(page, label);
    const names = await unitNames(t);
    expect(names.length, label).toBeGreaterThan(0);
    for (const n of names) expected.set(n, (expected.get(n) ?? 0) + 1);
  }
  const overview = new OverviewModel(page);
  await overview.open();
  const rows = await overview.attentionRows();
  expect(new Map([...rows].sort())).toEqual(new Map([...expected].sort()));

  // Sortable by the number of flags: most first, then fewest first.
  const counts = async () => (await overview.attentionRows()).values();
  expect([...(await counts())]).toEqual([...(await counts())].sort((a, b) => b - a));
  await overview.attention.getByRole('button', { name: /事项数/ }).click();
  await expect(overview.attention.locator('thead th').last()).toHaveAttribute('aria-sort', 'ascending');
  expect([...(await counts())]).toEqual([...(await counts())].sort((a, b) => a - b));
  // The words name the figure and the line: 农安县 started nothing against a 60% line.
  await expect(overview.attention.locator('tr', { hasText: '农安县' })).toContainText(
    '开工率0.0%，低于预警线60%',
  );
});

test('the month table: the province and every 市州, this period, the last and the change, movers marked', async ({
  page,
}) => {
  await loadDemoConfirmingIfAsked(page);
  const overview = new OverviewModel(page);
  await overview.open();
  const table = overview.monthTable;
  const names = (await table.locator('tbody th[scope="row"]').allTextContents()).map((t) => t.trim());
  expect(names).toEqual([
    '全省合计',
    '长春市',
    '吉林市',
    '四平市',
    '辽源市',
    '通化市',
    '白山市',
    '松原市',
    '白城市',
    '延边朝鲜族自治州',
    '省直管',
  ]);
  const province = table.locator('tbody tr[data-scope="province"] td');
  // 累计开工: 81,948 now, 75,082 in August, +6,866.
  await expect(province.nth(3)).toHaveText('81,948');
  await expect(province.nth(4)).toHaveText('75,082');
  await expect(province.nth(5)).toHaveText('+6,866');
  // Each column with a rise marks its largest, in words.
  expect(await table.locator('td.ov-mover', { hasText: '增幅最大' }).count()).toBeGreaterThanOrEqual(4);
});

test('the map: 50 tiles by class, details on hover and focus, Tab to every tile, Enter and click open the unit', async ({
  page,
}) => {
  await loadDemoConfirmingIfAsked(page);
  const overview = new OverviewModel(page);
  await overview.open();
  const classes = await overview.classes();
  expect(classes.size).toBe(50);
  const below = [...classes].filter(([, c]) => c === 'below').map(([id]) => id);
  expect(below).toHaveLength(7);
  await expect(overview.map.getByTestId('map-legend').locator('li[data-class="below"]')).toContainText(
    '开工率低于预警线60%（7个）',
  );
  // 榆树市 started 79.7%: lagging, not below the line.
  expect(classes.get('220182')).toBe('lagging');

  // Hover and focus show the unit's figures.
  await overview.tile('220182').hover();
  const detail = overview.map.getByTestId('map-detail');
  await expect(detail.getByRole('heading', { level: 3 })).toHaveText('榆树市');
  await expect(detail).toContainText('开工率79.7%');
  await overview.tile('222404').focus();
  await expect(detail.getByRole('heading', { level: 3 })).toHaveText('珲春市');

  // The keyboard reaches every tile, row by row, from the button before the map.
  await overview.map.getByRole('button', { name: '打印地图' }).focus();
  const reached: string[] = [];
  for (let i = 0; i < 50; i++) {
    await page.keyboard.press('Tab');
    reached.push(await page.evaluate(() => document.activeElement?.getAttribute('data-unit') ?? ''));
  }
  expect(new Set(reached).size).toBe(50);
  expect(reached).not.toContain('');
  // Row by row from the north-west: 镇赉县 first, 集安市 (the southernmost) last; Enter opens its page.
  expect(reached[0]).toBe('220821');
  expect(reached.at(-1)).toBe('220582');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: '集安市' })).toBeVisible();

  await overview.open();
  await overview.tile('220122').click();
  await expect(page.getByRole('heading', { level: 1, name: '农安县' })).toBeVisible();
  await expect(page).toHaveURL(/#\/unit\/220122$/);

  // Another measure: the public rental allocation classes and their words.
  await overview.open();
  await overview.pickMeasure('公租房分配率');
  await expect(overview.map.getByTestId('map-legend')).toContainText('公租房分配率低于80%');
  const rental = await overview.classes();
  expect([...rental.values()].filter((c) => c === 'low')).toHaveLength(7);
  await overview.pickMeasure('未完成结转项目');
  await expect(overview.tile('220100')).toHaveAttribute('aria-label', /未完成结转项目\d+个/);
});

test('the classes follow a threshold changed in 设置', async ({ page }) => {
  await loadDemoConfirmingIfAsked(page);
  const overview = new OverviewModel(page);
  await overview.open();
  const before = await overview.classes();
  await page.goto('/#/settings');
  await page.getByLabel('开工率预警线（%）').fill('80');
  await page.getByRole('button', { name: '保存阈值' }).click();
  await expect(page.getByRole('status').filter({ hasText: '预警阈值已保存' })).toBeVisible();
  await overview.open();
  await expect(overview.map.getByTestId('map-legend')).toContainText('开工率低于预警线80%');
  await expect.poll(async () => (await overview.classes()).get('220182')).toBe('below');
  const after = await overview.classes();
  const moved = [...after].filter(([id, c]) => before.get(id) !== c).map(([id]) => id);
  // Only units between 60% and 80% move, all from lagging to below.
  expect(moved.length).toBeGreaterThan(0);
  for (const id of moved) {
    expect(before.get(id), id).toBe('lagging');
    expect(after.get(id), id).toBe('below');
  }
  await expect(overview.tile('220182')).toHaveAttribute('aria-label', /开工率低于预警线80%/);
});

/** Every word of a PDF with its page, as pdftotext places them. */
function pdfPages(pdfPath: string): { width: number; height: number; words: string[] }[] {
  const html = execFileSync('pdftotext', ['-bbox', pdfPath, '-'], { encoding: 'utf8' });
  return html
    .split('<page ')
    .slice(1)
    .map((block) => {
      const size = /width="([\d.]+)" height="([\d.]+)"/.exec(block);
      const words = [...block.matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((m) => m[1] ?? '');
      return { width: Number(size?.[1]), height: Number(size?.[2]), words };
    });
}

test('the map saves as SVG and PNG and prints alone on one A4 landscape page', async ({ page }, testInfo) => {
  await loadDemoConfirmingIfAsked(page);
  const overview = new OverviewModel(page);
  await overview.open();
  const unitNames = await overview.tiles.evaluateAll((as) =>
    as.map((a) => a.querySelector('.ov-tile-name')?.textContent ?? ''),
  );
  expect(unitNames).toHaveLength(50);

  const svg = await download(page, () => overview.map.getByRole('button', { name: '下载SVG图片' }).click());
  expect(svg.file.suggestedFilename()).toBe('概览地图-开工率-2018年1-9月.svg');
  const read = await page.evaluate((markup) => {
    const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
    return {
      parseError: doc.getElementsByTagName('parsererror').length,
      tiles: doc.querySelectorAll('a.ov-tile, a rect').length,
      texts: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? ''),
    };
  }, svg.bytes.toString('utf8'));
  expect(read.parseError).toBe(0);
  expect(read.texts).toEqual(
    expect.arrayContaining([
      '2018年1-9月各市县开工率分布图',
      ...unitNames,
      '✓ 开工率达到100%',
      '✕ 开工率低于预警线60%',
      '延边州',
    ]),
  );

  const png = await download(page, () => overview.map.getByRole('button', { name: '下载PNG图片' }).click());
  expect(png.file.suggestedFilename()).toBe('概览地图-开工率-2018年1-9月.png');
  expect(png.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.bytes.readUInt32BE(16)).toBeGreaterThan(1000);
  await writeFile(testInfo.outputPath('map.png'), png.bytes);

  test.skip(
    !existsSync('/usr/bin/pdftotext'),
    'pdftotext (poppler-utils) is not installed: apt-get install -y poppler-utils',
  );
  // 打印地图 marks the body so that only the map prints (the print dialog itself cannot be driven here).
  await page.evaluate(() => document.body.classList.add('printing-map'));
  const mapPdf = testInfo.outputPath('map.pdf');
  await writeFile(mapPdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const pages = pdfPages(mapPdf);
  expect(pages).toHaveLength(1);
  // A4 landscape in points.
  expect(pages[0]?.width).toBeCloseTo(841.9, 0);
  expect(pages[0]?.height).toBeCloseTo(595.3, 0);
  const words = pages[0]?.words.join(' ') ?? '';
  for (const name of unitNames) expect(words, name).toContain(name);
  expect(words).toContain('开工率低于预警线60%');

  // Printed with the whole page, the map still sits whole on one landscape page.
  await page.evaluate(() => document.body.classList.remove('printing-map'));
  const fullPdf = testInfo.outputPath('overview.pdf');
  await writeFile(fullPdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const all = pdfPages(fullPdf);
  const mapPage = all.find((p) => p.words.join(' ').includes('各市县开工率分布图'));
  expect(mapPage).toBeDefined();
  for (const name of unitNames) expect(mapPage?.words.join(' '), name).toContain(name);
  for (const p of all) expect(p.width).toBeGreaterThan(p.height);
});
