// Live sync through a real CouchDB-protocol server (PouchDB Server, in memory, started here on 127.0.0.1 and
// reached through the preview's /couchdb proxy as through the office's reverse proxy). Two browser contexts are
// two laptops signed in as two team users. If the server cannot start, every test here fails (never skips).
import { loadDemo } from './demo';
import { expect, test } from './fixtures';
import { correctedSample, ImportPageModel } from './import-model';
import { currentHashes, getRecord, type Laptop, openLaptop, putRecord } from './sync-model';
import { SYNC_USERS, type SyncServer, startSyncServer } from './sync-server';

// Two laptops, each loading and syncing 100 returns, on a shared 2-core machine.
test.setTimeout(300_000);

let server: SyncServer;
let dbCount = 0;

test.beforeAll(async () => {
  server = await startSyncServer();
});

test.afterAll(async () => {
  await server?.stop();
});

/** A fresh database on the server for each test, prepared as the office would: npm run sync:setup. */
function setupDatabase(): string {
  const name = `anju-e2e-${++dbCount}`;
  const run = () => server.setup(name);
  const first = run();
  expect(first).toContain(`已创建数据库 ${name}`);
  // Safe to run again: nothing changes.
  const again = run();
  expect(again).toContain(`数据库 ${name} 已存在`);
  expect(again).toContain('校验规则（validate_doc_update）已是最新');
  return name;
}

/** 农安县 1-9月 with 表1 累计开工 changed: another return for the same unit and period. */
function corrected(started: number): { name: string; mimeType: string; buffer: Buffer } {
  return {
    name: `农安县-2018年1-9月-更正${started}.xlsx`,
    mimeType: 'application/octet-stream',
    buffer: correctedSample('2018-09', '农安县', started),
  };
}

async function importReplacement(laptop: Laptop, file: ReturnType<typeof corrected>): Promise<void> {
  const model = new ImportPageModel(laptop.page);
  await model.open();
  await model.replaceWith(file);
}

/** Two laptops signed in to a fresh database, A with the samples, B having received them. */
async function twoLaptopsInStep(browser: import('@playwright/test').Browser) {
  const database = setupDatabase();
  const a = await openLaptop(browser);
  const b = await openLaptop(browser);
  await loadDemo(a.page, '已导入 100 份');
  await a.sync.signIn(SYNC_USERS.teamA, database);
  await a.sync.waitSynced();
  await b.sync.signIn(SYNC_USERS.teamB, database);
  const expected = await currentHashes(a.page);
  await expect.poll(() => currentHashes(b.page), { timeout: 90_000 }).toEqual(expected);
  // Offline, the app runs from its service worker: it controls the page once installed and the page reloaded.
  for (const laptop of [a, b]) {
    await laptop.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await laptop.page.reload();
    await laptop.page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    for (const route of ['/#/import', '/#/unit/220122', '/#/settings']) {
      await laptop.page.goto(route);
      await laptop.page.getByRole('heading', { level: 1 }).first().waitFor();
    }
  }
  return { database, a, b };
}

test('A imports the samples and B receives them', async ({ browser }) => {
  const { a, b } = await twoLaptopsInStep(browser);
  expect(Object.keys(await currentHashes(b.page))).toHaveLength(100);
  // What B shows is what A shows: the completeness of both periods.
  const model = new ImportPageModel(b.page);
  await model.open();
  await model.selectPeriod('2018年1-9月');
  await expect(model.completenessSummary()).toContainText('已报送 50 / 50 个单位');
  await b.sync.waitSynced();
  await a.close();
  await b.close();
});

test('B offline imports a corrected return and a mapping; back online, A receives them', async ({
  browser,
}) => {
  const { a, b } = await twoLaptopsInStep(browser);
  await b.context.setOffline(true);
  // A saved header mapping (表头对照), as the review step stores it.
  const layout = {
    id: '220122|start',
    unitId: '220122',
    table: 'start',
    headers: { 开工套数: 'started', 栏次: null },
    savedAt: Date.now(),
    fileName: '农安县-2018年1-9月-更正.xlsx',
  };
  await putRecord(b.page, 'layouts', layout);
  await importReplacement(b, corrected(4321));
  await b.sync.open();
  await expect(b.sync.state).toContainText(/离线，待上传 [1-9]\d* 条/, { timeout: 30_000 });
  const bHashes = await currentHashes(b.page);
  expect(bHashes).not.toEqual(await currentHashes(a.page));

  await b.context.setOffline(false);
  await b.sync.waitSynced();
  await expect.poll(() => currentHashes(a.page), { timeout: 90_000 }).toEqual(bHashes);
  await expect.poll(() => getRecord(a.page, 'layouts', '220122|start'), { timeout: 30_000 }).toEqual(layout);
  // A sees the corrected figure on the unit page, and where it came from in the history.
  await a.page.goto('/#/unit/220122');
  await expect(a.page.getByText('4321').first()).toBeVisible();
  await a.close();
  await b.close();
});

test('A and B replace the same return differently offline: both show the choice, until one picks', async ({
  browser,
}) => {
  const { a, b } = await twoLaptopsInStep(browser);
  await a.context.setOffline(true);
  await b.context.setOffline(true);
  await importReplacement(a, corrected(1111));
  await importReplacement(b, corrected(2222));
  const aHashes = await currentHashes(a.page);
  const bHashes = await currentHashes(b.page);
  await a.context.setOffline(false);
  await b.context.setOffline(false);

  for (const [laptop, mine, theirs] of [
    [a, '1111', '2222'],
    [b, '2222', '1111'],
  ] as const) {
    await laptop.page.goto('/#/import');
    const panel = laptop.page.getByRole('region', { name: '多台电脑同步：需要选择的月报' });
    const conflict = panel.getByRole('group', { name: /农安县.*两台电脑的月报不同/ });
    await expect(conflict).toBeVisible({ timeout: 90_000 });
    const row = conflict.getByRole('row').filter({ hasText: '累计开工' });
    await expect(row).toContainText(mine);
    await expect(row).toContainText(theirs);
    // Nothing was decided for the user: each laptop still shows its own version.
    expect(await currentHashes(laptop.page)).toEqual(laptop === a ? aHashes : bHashes);
    await laptop.page.goto('/#/unit/220122');
    await expect(
      laptop.page
        .getByRole('region', { name: '多台电脑同步：需要选择的月报' })
        .getByRole('group', { name: /农安县.*两台电脑的月报不同/ }),
    ).toBeVisible();
  }

  // A takes B's version: both end on it, and the choice disappears on both.
  await a.page.goto('/#/import');
  const panel = a.page.getByRole('region', { name: '多台电脑同步：需要选择的月报' });
  const confirm = panel.getByRole('button', { name: '确认选择' });
  await expect(confirm).toBeDisabled();
  await panel.getByLabel('采用另一台电脑的').check();
  await confirm.click();
  await expect(a.page.getByRole('status').filter({ hasText: '已采用所选的' })).toBeVisible();
  await expect.poll(() => currentHashes(a.page), { timeout: 30_000 }).toEqual(bHashes);
  await b.page.goto('/#/import');
  await expect(b.page.getByRole('group', { name: /农安县.*两台电脑的月报不同/ })).toHaveCount(0, {
    timeout: 90_000,
  });
  expect(await currentHashes(b.page)).toEqual(bHashes);
  await a.close();
  await b.close();
});

test('the server refuses a negative count and a team user writing a target', async ({ browser }) => {
  const database = setupDatabase();
  const a = await openLaptop(browser);
  await a.sync.signIn(SYNC_USERS.teamA, database);
  await a.sync.waitSynced();
  const put = (doc: { _id: string }) =>
    a.page.evaluate(
      async ({ url, doc }) => {
        const res = await fetch(url, {
          method: 'PUT',
          credentials: 'include',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(doc),
        });
        return { status: res.status, body: (await res.json()) as { reason?: string } };
      },
      { url: `/couchdb/${database}/${encodeURIComponent(doc._id)}`, doc },
    );
  const hash = 'a'.repeat(64);
  const negative = await put({
    _id: `rev:220122:2018-09:${hash}`,
    type: 'revision',
    unitId: '220122',
    period: '2018-09',
    cutoff: '2018-09-30',
    contentHash: hash,
    tables: { start: { plan: 1000, started: -5, startedMonth: null, declaredRate: null, note: '' } },
  } as { _id: string });
  expect(negative.status).toBe(403);
  expect(negative.body.reason).toBe('anju:negative:start.started');

  const target = {
    _id: 'target:2018:220122',
    type: 'target',
    year: 2018,
    unitId: '220122',
    startPlan: 1200,
    loanNeed: null,
    expropriationPlan: null,
    rentalTask: null,
  };
  const byTeam = await put(target);
  expect(byTeam.status).toBe(403);
  expect(byTeam.body.reason).toBe('anju:role:target');
  // The office may write it.
  const byOffice = await fetch(`${server.url}/${database}/${target._id}`, {
    method: 'PUT',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Basic ${Buffer.from(`${SYNC_USERS.office.name}:${SYNC_USERS.office.password}`).toString('base64')}`,
    },
    body: JSON.stringify(target),
  });
  expect(byOffice.status).toBe(201);

  // A target kept on a team laptop is refused when the app sends it, and the user is told why.
  await putRecord(a.page, 'targets', {
    year: 2019,
    unitId: '220122',
    startPlan: 900,
    loanNeed: null,
    expropriationPlan: null,
    rentalTask: null,
    source: 'manual',
    updatedAt: Date.now(),
  });
  await loadDemo(a.page, '已导入 100 份'); // any write through the app starts a pass
  await a.sync.open();
  await expect(a.sync.section.getByRole('list', { name: '服务器拒绝的记录' })).toContainText(
    '服务器拒绝（本账号的角色不能上传年度目标）',
    { timeout: 90_000 },
  );
  await a.close();
});

test('with sync off the app sends no request to any sync server and loads no sync code', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (req) => requests.push(req.url()));
  await loadDemo(page, '已导入 100 份');
  for (const route of ['/#/import', '/#/data', '/#/unit/220122', '/#/settings']) {
    await page.goto(route);
    await page.waitForLoadState('networkidle');
  }
  await expect(page.getByTestId('sync-state')).toContainText('同步未开启');
  const origin = new URL(page.url()).origin;
  expect(requests.filter((u) => !u.startsWith(origin))).toEqual([]);
  expect(requests.filter((u) => u.includes('/couchdb') || u.includes('engine-'))).toEqual([]);
});
