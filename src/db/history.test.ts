import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { dumpDatabase } from './backup';
import { AnjuDatabase } from './database';
import { currentReturnMap, makeReturn, storeImport } from './fixtures/sample-data';
import { listRecentImports, listRevisions, restoreRevision, undoImport } from './history';

let counter = 0;
const opened: AnjuDatabase[] = [];
function freshDb(): AnjuDatabase {
  counter++;
  const db = new AnjuDatabase(`history-${counter}-${Date.now()}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('revisions, restore and undo', () => {
  async function threeImports(db: AnjuDatabase) {
    const i1 = await storeImport(
      db,
      [makeReturn('220122', '2018-09', 1), makeReturn('220182', '2018-09', 2)],
      {
        importId: 'i1',
        at: 1_000,
      },
    );
    const i2 = await storeImport(
      db,
      [makeReturn('220122', '2018-09', 3), makeReturn('220183', '2018-09', 4)],
      {
        importId: 'i2',
        at: 2_000,
      },
    );
    return { i1, i2 };
  }

  it('lists a unit’s revisions newest first, the current one marked, each with its changes', async () => {
    const db = freshDb();
    await threeImports(db);
    const entries = await listRevisions(db, '220122', '2018-09');
    expect(entries.map((e) => e.revision.importId)).toEqual(['i2', 'i1']);
    expect(entries.map((e) => e.isCurrent)).toEqual([true, false]);
    // Seeds 1 → 3: 累计开工 629 → 687 套, among others.
    expect(entries[0]?.changes).toContainEqual(
      expect.objectContaining({ table: 'start', label: '累计开工', before: expect.stringContaining('629') }),
    );
    expect(entries[1]?.changes).toEqual([]);
    expect(entries[1]?.isFirst).toBe(true);
  });

  it('恢复此版本 moves the head and can itself be undone', async () => {
    const db = freshDb();
    const { i1 } = await threeImports(db);
    const oldId = i1.changes[0]?.to as number;
    const restored = await restoreRevision(db, oldId, 3_000);
    expect(restored.ok).toBe(true);
    expect((await db.heads.get({ unitId: '220122', period: '2018-09' }))?.revisionId).toBe(oldId);
    expect((await listRevisions(db, '220122', '2018-09')).find((e) => e.isCurrent)?.revision.id).toBe(oldId);
    if (!restored.ok) return;
    expect((await undoImport(db, restored.value.id, 4_000)).ok).toBe(true);
    const head = await db.heads.get({ unitId: '220122', period: '2018-09' });
    expect(head?.revisionId).not.toBe(oldId);
    expect(await db.revisions.count()).toBe(4);
  });

  it('undoing an import puts every return it stored back to its previous revision or to absent', async () => {
    const db = freshDb();
    await threeImports(db);
    const afterFirst = new Map([...(await currentReturnMap(db))].filter(([k]) => k !== '220183|2018-09'));
    const result = await undoImport(db, 'i2', 5_000);
    expect(result.ok).toBe(true);
    const now = await currentReturnMap(db);
    expect(now.has('220183|2018-09')).toBe(false);
    expect(now.get('220122|2018-09')).toBe(
      (await db.revisions.where('importId').equals('i1').first())?.contentHash,
    );
    expect(now.size).toBe(2);
    expect(afterFirst.get('220182|2018-09')).toBe(now.get('220182|2018-09'));
    // Revisions are never deleted: the undone import's returns remain in history.
    expect(await db.revisions.count()).toBe(4);
    expect((await db.imports.get('i2'))?.undone).toBe(true);
    const recent = await listRecentImports(db);
    expect(recent[0]?.kind).toBe('undo');
  });

  it('an import cannot be undone twice', async () => {
    const db = freshDb();
    await threeImports(db);
    await undoImport(db, 'i2');
    const before = await dumpDatabase(db);
    const again = await undoImport(db, 'i2');
    expect(again).toEqual({ ok: false, message: '这次导入已经撤销过了。' });
    expect(await dumpDatabase(db)).toEqual(before);
  });

  it('undoing an earlier import is refused while a later one still holds one of its returns', async () => {
    const db = freshDb();
    await threeImports(db);
    const before = await dumpDatabase(db);
    const result = await undoImport(db, 'i1');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/220122.*未做任何更改/);
    expect(await dumpDatabase(db)).toEqual(before);
    // After undoing the later one, the earlier one can go.
    expect((await undoImport(db, 'i2')).ok).toBe(true);
    expect((await undoImport(db, 'i1')).ok).toBe(true);
    expect(await db.heads.count()).toBe(0);
  });
});
