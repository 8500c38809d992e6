// Benchmark section 'size': what a first visit downloads before the app is usable — every script and stylesheet
// the page itself requests (not the service worker's background precache), gzip-compressed as a web server
// would send them. Target: first-visit JS+CSS ≤ 150 kB gzip. Also lists the largest lazy chunks of the build.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { withPreviewBrowser } from './browser';

const TARGET_KB = 150;
const OUT_DIR = process.env.BENCH_OUT_DIR ?? 'dist-bench';

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

export async function run(): Promise<void> {
  await withPreviewBrowser(async ({ newPage }) => {
    const page = await newPage();
    const loaded: { url: string; type: string; raw: number; gzip: number }[] = [];
    const pending: Promise<void>[] = [];
    page.on('response', (response) => {
      const request = response.request();
      const type = request.resourceType();
      if (type !== 'script' && type !== 'stylesheet') return;
      if (request.serviceWorker()) return;
      pending.push(
        response.body().then(
          (body) => {
            loaded.push({
              url: new URL(request.url()).pathname,
              type,
              raw: body.length,
              gzip: gzipSync(body).length,
            });
          },
          () => undefined,
        ),
      );
    });
    await page.goto('/');
    // The empty app lands on 导入; the page is usable once its heading shows.
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    const total = loaded.reduce((n, f) => n + f.gzip, 0);
    for (const f of loaded.sort((a, b) => b.gzip - a.gzip)) {
      console.log(`  ${f.type.padEnd(10)} ${kb(f.gzip).padStart(7)} kB gzip (${kb(f.raw)} kB) ${f.url}`);
    }
    console.log(
      `first visit: ${loaded.length} scripts and stylesheets, ${kb(total)} kB gzip (target ≤ ${TARGET_KB} kB: ${total / 1024 <= TARGET_KB ? 'met' : 'NOT met'})`,
    );
  });
  // The lazy chunks, for the record: they load when a page or an export needs them.
  const assets = join(import.meta.dirname, '..', OUT_DIR, 'assets');
  const chunks = readdirSync(assets)
    .filter((name) => name.endsWith('.js'))
    .map((name) => ({
      name,
      gzip: gzipSync(readFileSync(join(assets, name))).length,
      raw: statSync(join(assets, name)).size,
    }))
    .sort((a, b) => b.gzip - a.gzip)
    .slice(0, 8);
  console.log('largest chunks of the build (loaded on demand unless listed above):');
  for (const c of chunks) console.log(`  ${kb(c.gzip).padStart(7)} kB gzip (${kb(c.raw)} kB) ${c.name}`);
}
