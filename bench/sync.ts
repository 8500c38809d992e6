// Benchmark section 'sync': a year of returns (50 units × 12 periods = 600 revisions, their heads and 12 import
// records) on a PouchDB Server started here; the time for an empty laptop (the built app in Chromium) to receive
// all of it after signing in; then the time for a change on one laptop to appear on another.
import type { Page } from 'playwright';
import { correctedSample, ImportPageModel } from '../e2e/import-model';
import { currentHashes } from '../e2e/sync-model';
import { SYNC_TEST_PORT, SYNC_USERS, startSyncServer } from '../e2e/sync-server';
import { makeReturn } from '../src/db/fixtures/sample-data';
import { contentHashOf } from '../src/db/import-repo';
import { headToDoc, importToDoc, revisionToDoc } from '../src/db/sync/documents';
import { defaultRegister } from '../src/domain/units';
import { withPreviewBrowser } from './browser';

const DATABASE = 'anju-bench';

/** The docs of a year of returns as laptops would have sent them. */
async function yearOfDocs(): Promise<object[]> {
  const units = defaultRegister.units.map((u) => u.id);
  const docs: object[] = [];
  let id = 1;
  for (let m = 1; m <= 12; m++) {
    const period = `2018-${String(m).padStart(2, '0')}`;
    const hashes = new Map<number, string>();
    const changes: { unitId: string; period: string; from: null; to: number }[] = [];
    for (const [j, unitId] of units.entries()) {
      const ret = makeReturn(unitId, period, m * 100 + j);
      const contentHash = await contentHashOf(ret);
      const rev = {
        id,
        ...ret,
        fileName: `${unitId}-${period}.xlsx`,
        fileHash: contentHash,
        contentHash,
        importedAt: Date.UTC(2018, m, 5),
        importId: `imp-${period}`,
        origin: 'file' as const,
      };
      hashes.set(id, contentHash);
      changes.push({ unitId, period, from: null, to: id });
      docs.push(revisionToDoc(rev), headToDoc(rev, contentHash));
      id++;
    }
    const record = importToDoc(
      { id: `imp-${period}`, at: Date.UTC(2018, m, 5), kind: 'import', files: [], changes },
      { hashOf: (i) => hashes.get(i), idOf: () => undefined },
    );
    if (record) docs.push(record);
  }
  return docs;
}

async function signIn(page: Page, user: { name: string; password: string }): Promise<void> {
  await page.goto('/#/settings');
  const form = page.getByRole('form', { name: '登录同步服务器' });
  await form.getByLabel('服务器地址').fill('/couchdb');
  await form.getByLabel('数据库').fill(DATABASE);
  await form.getByLabel('用户名').fill(user.name);
  await form.getByLabel('密码').fill(user.password);
  await form.getByRole('button', { name: '登录并开始同步' }).click();
}

/** How many current returns the app's IndexedDB holds. */
function headCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const req = indexedDB.open('anju-progress');
        req.onsuccess = () => {
          const idb = req.result;
          if (!idb.objectStoreNames.contains('heads')) {
            idb.close();
            resolve(0);
            return;
          }
          const c = idb.transaction(['heads'], 'readonly').objectStore('heads').count();
          c.onsuccess = () => {
            idb.close();
            resolve(c.result);
          };
        };
        req.onerror = () => resolve(0);
      }),
  );
}

/** Resolves when the app holds `count` current returns (polled every 50 ms, at most `timeoutMs`). */
async function waitHeads(page: Page, count: number, timeoutMs = 300_000): Promise<void> {
  const start = performance.now();
  while ((await headCount(page)) < count) {
    if (performance.now() - start > timeoutMs)
      throw new Error(`fewer than ${count} returns after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Every current return of a laptop, as one text to compare two laptops by. */
async function headsText(page: Page): Promise<string> {
  return JSON.stringify(await currentHashes(page));
}

export async function run(): Promise<void> {
  const server = await startSyncServer(SYNC_TEST_PORT);
  process.env.ANJU_SYNC_PROXY = server.url; // the preview started below proxies /couchdb to it
  try {
    server.setup(DATABASE);
    const docs = await yearOfDocs();
    const auth = `Basic ${Buffer.from(`${SYNC_USERS.office.name}:${SYNC_USERS.office.password}`).toString('base64')}`;
    const put = await fetch(`${server.url}/${DATABASE}/_bulk_docs`, {
      method: 'POST',
      headers: { Authorization: auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ docs }),
    });
    if (!put.ok) throw new Error(`filling the server failed: HTTP ${put.status}`);
    const refused = ((await put.json()) as { error?: string; reason?: string }[]).filter((r) => r.error);
    if (refused.length > 0)
      throw new Error(`the server refused ${refused.length} documents: ${refused[0]?.reason}`);
    const revisions = docs.filter((d) => (d as { type: string }).type === 'revision').length;
    console.log(`server holds ${revisions} revisions, ${revisions} heads, 12 import records`);

    await withPreviewBrowser(async ({ newPage }) => {
      const a = await newPage();
      const start = performance.now();
      await signIn(a, SYNC_USERS.teamA);
      await waitHeads(a, revisions);
      const first = performance.now() - start;
      console.log(
        `first sync of ${revisions} revisions into an empty laptop: ${(first / 1000).toFixed(1)} s`,
      );

      const b = await newPage();
      await signIn(b, SYNC_USERS.teamB);
      await waitHeads(b, revisions);
      // A change on A (农安县's real return, corrected, replacing the one on the server, confirmed in 导入) and the
      // time until B holds the same current returns.
      const files = [101, 202, 303].map((started) => ({
        name: `农安县-2018年1-9月-更正${started}.xlsx`,
        mimeType: 'application/octet-stream',
        buffer: correctedSample('2018-09', '农安县', started),
      }));
      const times: number[] = [];
      for (const file of files) {
        const model = new ImportPageModel(a);
        await model.open();
        await model.choose([file]);
        // A replacement asks for a confirmation; a return new to this laptop does not.
        const replace = model.row(file.name).getByLabel(/确认用本文件替换现有数据/);
        if ((await replace.count()) > 0) await replace.check();
        await model.confirm();
        const changed = performance.now();
        const want = await headsText(a);
        while ((await headsText(b)) !== want) {
          if (performance.now() - changed > 120_000) {
            const states = [];
            for (const p of [a, b]) {
              await p.goto('/#/settings');
              states.push(await p.getByTestId('sync-state').textContent());
            }
            const ha = JSON.parse(want) as Record<string, string>;
            const hb = JSON.parse(await headsText(b)) as Record<string, string>;
            const diff = Object.keys({ ...ha, ...hb }).filter((k) => ha[k] !== hb[k]);
            throw new Error(
              `the change did not reach B in 120 s (${states.join(' | ')}; differ: ${diff.join(', ')})`,
            );
          }
          await new Promise((r) => setTimeout(r, 50));
        }
        times.push(performance.now() - changed);
      }
      console.log(
        `a change on A seen on B: ${times.map((t) => `${(t / 1000).toFixed(2)} s`).join(', ')} (${files.length} replaced returns)`,
      );
    });
  } finally {
    delete process.env.ANJU_SYNC_PROXY;
    await server.stop();
  }
}
