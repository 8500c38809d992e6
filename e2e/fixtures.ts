// Shared Playwright fixture: every test fails on a page error or a console error, and on any request that
// leaves 127.0.0.1.
import { test as base, expect } from '@playwright/test';

export const test = base.extend<{ failOnPageErrors: undefined }>({
  failOnPageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      const foreign: string[] = [];
      page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
      });
      page.on('request', (req) => {
        const url = new URL(req.url());
        if (['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol) && url.hostname !== '127.0.0.1') {
          foreign.push(req.url());
        }
      });
      await use(undefined);
      expect(errors, 'page errors').toEqual([]);
      expect(foreign, 'requests leaving 127.0.0.1').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
