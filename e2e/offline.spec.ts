// Offline: after the first visit the service worker serves the app; with the network off it still loads, loads
// the demo returns from its precache, and keeps the data across a reload. Storage settings show in MB.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ImportPageModel } from './import-model';

/**
 * Reload with the network off. The network stays off across a navigation, but this Chromium resets
 * navigator.onLine to true on the new document (the emulated 'offline' state is not re-announced), which a real
 * offline browser never does: the emulation is switched off and on again so the new page hears it.
 */
async function reloadOffline(page: Page, context: BrowserContext): Promise<void> {
  await page.reload();
  await context.setOffline(false);
  await context.setOffline(true);
  await page.waitForFunction(() => !navigator.onLine);
}

test('works offline after the first visit: app, demo data and stored returns', async ({ page, context }) => {
  const model = new ImportPageModel(page);
  await model.open();
  // First visit installs the worker; it controls the page from the next load on.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  await expect(page.getByTestId('offline-status')).toContainText('可离线使用');

  await context.setOffline(true);
  await reloadOffline(page, context);
  await expect(page.getByRole('heading', { level: 1, name: '导入月报' })).toBeVisible();
  await expect(page.getByTestId('offline-status')).toContainText('当前离线');

  // The demo workbooks come from the precache, read by the worker, stored in IndexedDB: all without network.
  await page.getByRole('button', { name: '载入示例数据' }).click();
  await expect(page.getByTestId('import-summary')).toContainText('已导入 100 份', { timeout: 60_000 });

  await reloadOffline(page, context);
  await model.selectPeriod('2018年1-9月');
  await expect(model.completenessSummary()).toHaveText('2018年1-9月：已报送 50 / 50 个单位，全部报齐。');

  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '设置' }).click();
  const storage = page.getByRole('region', { name: '本机存储' });
  await expect(storage.getByTestId('storage-usage')).toHaveText(/^\d+\.\d MB$/);
  await expect(storage.getByTestId('storage-free')).toHaveText(/^\d+\.\d MB$/);
  await expect(storage.getByTestId('storage-persisted')).toContainText(/已获准|未获准/);
  await context.setOffline(false);
});

test('is installable: a manifest with icons and an active service worker', async ({ page }) => {
  await page.goto('/');
  const manifest = await page.evaluate(async () => {
    const link = document.querySelector('link[rel="manifest"]');
    if (!link) return null;
    const res = await fetch((link as HTMLLinkElement).href);
    return res.json();
  });
  expect(manifest?.name).toBe('安居工程月报汇总');
  expect(manifest?.icons?.length).toBeGreaterThan(0);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  const registration = await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return {
      active: reg?.active?.state ?? null,
      waiting: reg?.waiting !== null && reg?.waiting !== undefined,
    };
  });
  expect(registration.active).toBe('activated');
});

test('a new version is offered (有新版本，点击更新), not forced, and applied on click', async ({ page }) => {
  await page.goto('/#/import');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  // Deploy a new version: the served worker script changes (the preview server reads files on each request).
  const swPath = join(import.meta.dirname, '..', process.env.OUT_DIR ?? 'dist', 'sw.js');
  const original = readFileSync(swPath, 'utf8');
  writeFileSync(swPath, `${original}\n// next version\n`);
  try {
    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      await reg?.update();
    });
    const offer = page.getByRole('button', { name: '有新版本，点击更新' });
    await expect(offer).toBeVisible();
    // Not forced: the new worker waits; the page keeps the old one until the user chooses.
    const waiting = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      return reg?.waiting?.state ?? null;
    });
    expect(waiting).toBe('installed');
    await expect(page.getByRole('heading', { level: 1, name: '导入月报' })).toBeVisible();

    await Promise.all([page.waitForEvent('load'), offer.click()]);
    await expect(page.getByRole('heading', { level: 1, name: '导入月报' })).toBeVisible();
    await expect(page.getByRole('button', { name: '有新版本，点击更新' })).toHaveCount(0);
    const after = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      return { waiting: reg?.waiting ?? null, active: reg?.active?.state ?? null };
    });
    expect(after).toEqual({ waiting: null, active: 'activated' });
  } finally {
    writeFileSync(swPath, original);
  }
});
