// Page model of 设置 → 多台电脑同步, and "laptops": browser contexts of their own (own IndexedDB, own session
// cookie) that fail the test on a page error or a request leaving 127.0.0.1, as e2e/fixtures.ts does for `page`.
import { type Browser, type BrowserContext, expect, type Page } from '@playwright/test';

export interface Laptop {
  context: BrowserContext;
  page: Page;
  sync: SyncModel;
  /** Page errors and requests that left 127.0.0.1, checked by close(). */
  problems: string[];
  /** Every request URL the page made. */
  requests: string[];
  close(): Promise<void>;
}

export async function openLaptop(browser: Browser): Promise<Laptop> {
  const context = await browser.newContext({ locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !isExpectedOfflineError(msg.text()))
      problems.push(`console: ${msg.text()}`);
  });
  page.on('request', (req) => {
    requests.push(req.url());
    const url = new URL(req.url());
    if (['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol) && url.hostname !== '127.0.0.1') {
      problems.push(`left 127.0.0.1: ${req.url()}`);
    }
  });
  return {
    context,
    page,
    sync: new SyncModel(page),
    problems,
    requests,
    close: async () => {
      expect(problems, 'page errors and requests leaving 127.0.0.1').toEqual([]);
      await context.close();
    },
  };
}

// The browser itself logs a failed fetch while the context is offline (net::ERR_INTERNET_DISCONNECTED) or when the
// server refuses a write (403): the app handles both; they are not page errors.
function isExpectedOfflineError(text: string): boolean {
  return /ERR_INTERNET_DISCONNECTED|status of 40[13]|Failed to load resource/.test(text);
}

export class SyncModel {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/#/settings');
    await expect(this.page.getByRole('heading', { name: '多台电脑同步' })).toBeVisible();
  }

  get section() {
    return this.page.getByRole('region', { name: '多台电脑同步' });
  }

  get state() {
    return this.page.getByTestId('sync-state');
  }

  async signIn(user: { name: string; password: string }, database: string): Promise<void> {
    await this.open();
    const form = this.page.getByRole('form', { name: '登录同步服务器' });
    await form.getByLabel('服务器地址').fill('/couchdb');
    await form.getByLabel('数据库').fill(database);
    await form.getByLabel('用户名').fill(user.name);
    await form.getByLabel('密码').fill(user.password);
    await form.getByRole('button', { name: '登录并开始同步' }).click();
    await expect(this.section.getByRole('status').filter({ hasText: `已登录：${user.name}` })).toBeVisible({
      timeout: 30_000,
    });
  }

  /** Wait until everything is sent and received (the state says 已同步). */
  async waitSynced(): Promise<void> {
    await this.open();
    await expect(this.state).toContainText('已同步', { timeout: 90_000 });
  }
}

/** Current returns as unit|period → content hash, read straight from the app's IndexedDB. */
export async function currentHashes(page: Page): Promise<Record<string, string>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, string>>((resolve, reject) => {
        const req = indexedDB.open('anju-progress');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const idb = req.result;
          const tx = idb.transaction(['heads', 'revisions'], 'readonly');
          const heads = tx.objectStore('heads').getAll();
          const revs = tx.objectStore('revisions').getAll();
          tx.oncomplete = () => {
            const byId = new Map(
              (revs.result as { id: number; contentHash: string }[]).map((r) => [r.id, r.contentHash]),
            );
            const out: Record<string, string> = {};
            for (const h of heads.result as { unitId: string; period: string; revisionId: number }[]) {
              out[`${h.unitId}|${h.period}`] = byId.get(h.revisionId) ?? 'missing';
            }
            idb.close();
            resolve(out);
          };
        };
      }),
  );
}

/** Put a record straight into a store of the app's IndexedDB (for features whose screens are not built yet). */
export async function putRecord(page: Page, store: string, record: unknown): Promise<void> {
  await page.evaluate(
    ({ store, record }) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('anju-progress');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const idb = req.result;
          const tx = idb.transaction([store], 'readwrite');
          tx.objectStore(store).put(record);
          tx.oncomplete = () => {
            idb.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { store, record },
  );
}

export async function getRecord(page: Page, store: string, key: string): Promise<unknown> {
  return page.evaluate(
    ({ store, key }) =>
      new Promise<unknown>((resolve, reject) => {
        const req = indexedDB.open('anju-progress');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const idb = req.result;
          const get = idb.transaction([store], 'readonly').objectStore(store).get(key);
          get.onsuccess = () => {
            idb.close();
            resolve(get.result);
          };
          get.onerror = () => reject(get.error);
        };
      }),
    { store, key },
  );
}
