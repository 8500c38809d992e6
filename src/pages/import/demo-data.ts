// The demo returns shipped inside the app: the 100 sample workbooks (2018年1-8月 and 1-9月 of all 50 units),
// emitted as assets so the service worker precaches them and 载入示例数据 works offline. Loaded on the click:
// the 100 hashed URLs are a few kB the first visit need not carry.
import { notice } from '../../domain/messages';
import type { ReadInput } from '../../import/reader-client';

const DEMO_URLS = import.meta.glob<string>('../../../fixtures/samples/*/*.xlsx', {
  query: '?url',
  import: 'default',
  // Eager: the module holds only the 100 URLs, not the files.
  eager: true,
});

/** A demo file that could not be fetched; its message is the sentence to show. */
export class DemoFetchError extends Error {}

/** How many demo files this build holds (demo-count.ts states it for the page without loading this module). */
export const DEMO_URL_COUNT = Object.keys(DEMO_URLS).length;

/** Fetch every demo workbook (from the precache when offline) as name + bytes, ready for the reader. */
export async function loadDemoFiles(): Promise<ReadInput[]> {
  const entries = Object.entries(DEMO_URLS).sort(([a], [b]) => (a < b ? -1 : 1));
  return Promise.all(
    entries.map(async ([path, url]) => {
      const response = await fetch(url);
      if (!response.ok)
        throw new DemoFetchError(notice('demo.fetch', { file: path.split('/').pop() ?? path }));
      return { name: path.split('/').pop() ?? path, bytes: await response.arrayBuffer() };
    }),
  );
}
