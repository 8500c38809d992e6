// Benchmark section 'safety': backup size and speed, restore, merge and undo on a year of data (50 units × 12
// periods, fake-indexeddb in Node), then export and restore of the 100 demo returns in the built app in Chromium.
import 'fake-indexeddb/auto';
import { createBackup, encodeBackup, readBackup, restoreBackup } from '../src/db/backup';
import { AnjuDatabase } from '../src/db/database';
import { makeReturn, storeImport } from '../src/db/fixtures/sample-data';
import { undoImport } from '../src/db/history';
import { applyMerge, planMerge } from '../src/db/merge';
import { defaultRegister } from '../src/domain/units';
import { withPreviewBrowser } from './browser';

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const value = await work();
  console.log(`${label}: ${(performance.now() - start).toFixed(0)} ms`);
  return value;
}

export async function run(): Promise<void> {
  const units = defaultRegister.units.map((u) => u.id);
  const source = new AnjuDatabase(`bench-safety-a-${Date.now()}`);
  const periods = Array.from({ length: 12 }, (_, i) => `2018-${String(i + 1).padStart(2, '0')}`);
  await timed(`store ${units.length * periods.length} returns (12 imports of ${units.length})`, async () => {
    for (const [i, period] of periods.entries()) {
      await storeImport(
        source,
        units.map((u, j) => makeReturn(u, period, i * 100 + j)),
        { importId: `imp-${period}`, at: i + 1 },
      );
    }
  });
  const backup = await timed('create backup', () => createBackup(source));
  const json = encodeBackup(backup, false);
  const gz = await timed('encode gzip', async () => encodeBackup(backup, true));
  console.log(
    `backup size: JSON ${(json.length / 1024).toFixed(0)} KB, gzip ${(gz.length / 1024).toFixed(0)} KB`,
  );
  const read = await timed('read + verify gzip backup', () => readBackup(gz, 'bench.json.gz'));
  if (!read.ok) throw new Error(read.message);
  const target = new AnjuDatabase(`bench-safety-b-${Date.now()}`);
  await timed('restore into an empty app', () => restoreBackup(target, read.value));

  // A second laptop with half of the year and its own, different 2018-07 returns (50 conflicts).
  const other = new AnjuDatabase(`bench-safety-c-${Date.now()}`);
  for (const [i, period] of periods.slice(0, 6).entries()) {
    await storeImport(
      other,
      units.map((u, j) => makeReturn(u, period, i * 100 + j)),
      { importId: `o-${period}`, at: i + 1 },
    );
  }
  await storeImport(
    other,
    units.map((u, j) => makeReturn(u, '2018-07', 9000 + j)),
    { importId: 'o-fix', at: 100 },
  );
  const plan = await timed('plan merge of a full year into half a year', async () =>
    planMerge(other, await createBackup(source)),
  );
  console.log(
    `merge plan: ${plan.toAdd.length} to add, ${plan.skipped} identical, ${plan.conflicts.length} conflicts`,
  );
  const merged = await timed('apply merge (one transaction)', () =>
    applyMerge(other, plan, new Map(plan.conflicts.map((c) => [c.key, 'incoming'])), 'bench.json'),
  );
  if (!merged.ok) throw new Error(merged.message);
  console.log(
    `merge: ${merged.value.added} versions added, ${merged.value.headsMoved} current returns moved`,
  );
  await timed(`undo an import of ${units.length} returns`, () => undoImport(source, 'imp-2018-12'));
  for (const db of [source, target, other]) await db.delete();
  await runInBrowser();
}

async function runInBrowser(): Promise<void> {
  await withPreviewBrowser(async ({ newPage }) => {
    const page = await newPage();
    await page.goto('/#/import');
    await page.getByRole('button', { name: '载入示例数据' }).click();
    await page.getByTestId('import-summary').waitFor({ timeout: 120_000 });
    await page.goto('/#/settings');
    await page.getByLabel('压缩（.json.gz）').check();
    let start = performance.now();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出备份' }).click();
    const download = await downloading;
    const path = await download.path();
    console.log(
      `browser: export backup of 100 demo returns (gzip): ${(performance.now() - start).toFixed(0)} ms`,
    );
    const fresh = await newPage();
    await fresh.goto('/#/settings');
    start = performance.now();
    await fresh.getByLabel('从备份恢复…').setInputFiles(path);
    await fresh.getByRole('status').filter({ hasText: '已从' }).waitFor({ timeout: 60_000 });
    console.log(`browser: restore it into an empty app: ${(performance.now() - start).toFixed(0)} ms`);
  });
}
