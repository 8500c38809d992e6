// Imports cut short, on a real Dexie (fake-indexeddb): an import whose page closed after some chunks is found
// at the next start with the returns it saved and those it did not; one another tab is still writing (its
// Web Lock held) is not; a finished one never is; once seen (知道了) it is named no more.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultRegister } from '../domain/units';
import type { AnjuDatabase } from './database';
import { commitImport, importLockName, planImport } from './import-repo';

/** Chunks of ten here, so the 25 returns are written in three transactions and can be cut short between. */
const CHUNK = 10;

import { acknowledgeInterrupted, findInterruptedImports } from './interrupted-imports';
import { freshDb, sampleReturn } from './test-returns';

let db: AnjuDatabase;
afterEach(async () => {
  await db?.delete();
});

const UNITS = defaultRegister.units.slice(0, 25);

/** An import of 25 returns whose tab dies after `chunks` chunks were written: its record is left as it was. */
async function cutShort(chunks: number): Promise<string> {
  const plan = await planImport(
    db,
    UNITS.map((u, i) => ({
      fileName: `${u.name}.xlsx`,
      fileHash: `h${i}`,
      ret: sampleReturn(u.id, '2018-09'),
    })),
  );
  // The tab's death, as the store sees it: after some chunks no transaction commits any more (not even the
  // record's 'finished').
  let written = 0;
  db.revisions.hook('creating', () => {
    written++;
    if (written > chunks * CHUNK) throw new DOMException('gone', 'UnknownError');
  });
  db.imports.hook('updating', (changes) => {
    if ((changes as { state?: string }).state === 'finished') throw new DOMException('gone', 'UnknownError');
  });
  const options = {
    kind: 'import',
    origin: 'file',
    importId: 'imp-cut',
    returnsPerTransaction: CHUNK,
  } as const;
  const result = await commitImport(db, plan, options);
  return result.importId;
}

describe('findInterruptedImports', () => {
  it('names an import cut short with the returns it saved (each whole) and those it did not', async () => {
    db = freshDb();
    const id = await cutShort(2);
    const [found, ...more] = await findInterruptedImports(db, new Set());
    expect(more).toEqual([]);
    expect(found?.id).toBe(id);
    expect(found?.files).toBe(25);
    expect(found?.saved).toEqual(UNITS.slice(0, 20).map((u) => `${u.name}2018年1-9月`));
    expect(found?.unsaved).toEqual(UNITS.slice(20).map((u) => `${u.name}2018年1-9月`));
    // What it saved is there, whole.
    expect(await db.revisions.count()).toBe(20);
    expect(await db.heads.count()).toBe(20);
  });

  it('does not name an import another tab is still writing (its lock is held)', async () => {
    db = freshDb();
    const id = await cutShort(1);
    expect(await findInterruptedImports(db, new Set([importLockName(id)]))).toEqual([]);
  });

  it('never names a finished import', async () => {
    db = freshDb();
    const plan = await planImport(db, [
      { fileName: 'a.xlsx', fileHash: 'h', ret: sampleReturn(UNITS[0]?.id ?? '', '2018-09') },
    ]);
    await commitImport(db, plan, { kind: 'import', origin: 'file' });
    expect(await findInterruptedImports(db, new Set())).toEqual([]);
  });

  it('names it no more once seen, and keeps its record (its saved returns can still be undone)', async () => {
    db = freshDb();
    const id = await cutShort(1);
    await acknowledgeInterrupted(db, id);
    expect(await findInterruptedImports(db, new Set())).toEqual([]);
    expect((await db.imports.get(id))?.changes).toHaveLength(CHUNK);
  });
});
