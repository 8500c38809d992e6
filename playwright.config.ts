// Playwright runs against the built app (vite build + vite preview), in Debian's Chromium.
import { defineConfig } from '@playwright/test';
import { SYNC_TEST_PORT } from './e2e/sync-server';

const port = Number(process.env.E2E_PORT ?? 4173);
const outDir = process.env.OUT_DIR ?? 'dist';

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    acceptDownloads: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        '--no-sandbox',
      ],
    },
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort --outDir ${outDir}`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 60_000,
    // The sync spec's PouchDB Server, reached as the office's reverse proxy would: /couchdb on the app's origin.
    env: { ANJU_SYNC_PROXY: `http://127.0.0.1:${SYNC_TEST_PORT}` },
  },
});
