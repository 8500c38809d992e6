// npm run bench: prints speed and size figures against the targets named in the issues. Each section is its
// own module; run one with `npm run bench -- reader` (names: reader, review, calc, exports, browser, tables, overview,
// safety, fuzz, size, sync).
import { run as runBrowser } from './browser';
import { run as runBrowserOverview } from './browser-overview';
import { run as runBrowserTables } from './browser-tables';
import { run as runCalc } from './calc';
import { run as runExports } from './exports';
import { run as runFuzz } from './fuzz';
import { run as runReader } from './reader';
import { run as runReview } from './review';
import { run as runSafety } from './safety';
import { run as runSize } from './size';
import { run as runSync } from './sync';

const sections: Record<string, () => Promise<void>> = {
  reader: runReader,
  review: runReview,
  calc: runCalc,
  exports: runExports,
  browser: runBrowser,
  tables: runBrowserTables,
  overview: runBrowserOverview,
  safety: runSafety,
  fuzz: runFuzz,
  size: runSize,
  sync: runSync,
};

const wanted = process.argv.slice(2);
for (const [name, run] of Object.entries(sections)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  console.log(`\n== ${name} ==`);
  await run();
}
