// Schema versions: a database written by each earlier version opens with the app's class and loses nothing.
// The next version adds a case to MIGRATIONS (its old schema, its seed, and what must hold after the upgrade).
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { AnjuDatabase } from './database';
import { getCurrentReturns } from './returns-repo';
import { type SchemaVersion, storesAt } from './schema';
import snapshotFile from './schema-snapshot.json';
import { sampleReturn } from './test-returns';

// The stores of each shipped version, as frozen in the committed snapshot (never edited: see schema-guard.test.ts).
const snapshot = snapshotFile.versions as unknown as SchemaVersion[];
const V1_STORES = storesAt(1, snapshot);
const V2_STORES = storesAt(2, snapshot);

interface MigrationCase {
  from: number;
  stores: Record<string, string>;
  seed: (old: Dexie) => Promise<void>;
  check: (db: AnjuDatabase) => Promise<void>;
}

const MIGRATIONS: MigrationCase[] = [
  {
    from: 1,
    stores: V1_STORES,
    seed: async (old) => {
      const ret = sampleReturn('220122', '2018-09');
      const id = await old.table('revisions').add({
        ...ret,
        fileName: '农安县.xlsx',
        fileHash: 'f1',
        contentHash: 'c1',
        importedAt: 1,
        importId: 'imp-1',
        origin: 'file',
      });
      await old.table('heads').add({ unitId: '220122', period: '2018-09', revisionId: id, updatedAt: 1 });
      await old.table('imports').add({
        id: 'imp-1',
        at: 1,
        kind: 'import',
        files: ['农安县.xlsx'],
        changes: [{ unitId: '220122', period: '2018-09', from: null, to: id }],
      });
      await old.table('settings').add({ key: 'maxFileSizeMb', value: 5 });
      await old.table('bulletins').add({ period: '2018-09', text: '通报', savedAt: 2, kind: 'edited' });
    },
    check: async (db) => {
      const current = await getCurrentReturns(db, '2018-09');
      expect(current).toEqual([sampleReturn('220122', '2018-09')]);
      expect((await db.imports.get('imp-1'))?.changes).toHaveLength(1);
      expect((await db.settings.get('maxFileSizeMb'))?.value).toBe(5);
      expect(await db.bulletins.where('period').equals('2018-09').count()).toBe(1);
      expect(await db.revisions.where('fileHash').equals('f1').count()).toBe(1);
    },
  },
  {
    from: 2,
    stores: V2_STORES,
    seed: async (old) => {
      await old.table('layouts').add({
        id: '220122|start',
        unitId: '220122',
        table: 'start',
        headers: { 开工数量: 'started' },
        savedAt: 3,
        fileName: '农安县.xlsx',
      });
      await old.table('targets').add({
        year: 2018,
        unitId: '220122',
        startPlan: 1000,
        loanNeed: null,
        expropriationPlan: null,
        rentalTask: 50,
        source: 'manual',
        updatedAt: 4,
      });
    },
    check: async (db) => {
      expect((await db.layouts.get('220122|start'))?.headers).toEqual({ 开工数量: 'started' });
      expect((await db.targets.get([2018, '220122']))?.startPlan).toBe(1000);
    },
  },
];

describe('schema migrations', () => {
  it.each(MIGRATIONS)('opens a version $from database with the app class and keeps its data', async (c) => {
    const name = `migrate-${c.from}-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(c.from).stores(c.stores);
    await old.open();
    await c.seed(old);
    old.close();

    const db = new AnjuDatabase(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(c.from);
    await c.check(db);
    await db.delete();
  });

  it('the current schema is the last one tested', async () => {
    const db = new AnjuDatabase(`verno-${crypto.randomUUID()}`);
    await db.open();
    // A new version() without a MIGRATIONS case for the one before it fails here.
    expect(Math.max(...MIGRATIONS.map((m) => m.from))).toBe(db.verno);
    await db.delete();
  });
});
