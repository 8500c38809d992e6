// Data that carries its version: the committed v1 backup restores straight into the current schema (every
// record, every content hash as it was computed then), and one data migration serves both roads — Dexie's
// upgrade() of a schema version and the upgrade of an older backup — giving the same records.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { ParsedReturn } from '../domain/types';
import { type BackupFile, dumpDatabase, restoreFromFile } from './backup';
import { AnjuDatabase } from './database';
import { contentHashOf } from './import-repo';
import {
  DATA_MIGRATIONS,
  type DataMigration,
  migrateData,
  type RawRecord,
  type RawStores,
} from './migrations';
import { getAllCurrentReturns } from './returns-repo';
import { declareSchema, SCHEMA_VERSIONS } from './schema';

const V1_BYTES = new Uint8Array(readFileSync(new URL('./fixtures/v1.json', import.meta.url)));
const V1: BackupFile = JSON.parse(new TextDecoder().decode(V1_BYTES));

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

function fresh(): AnjuDatabase {
  const db = new AnjuDatabase(`data-migrations-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}

describe('the version-1 backup', () => {
  it('restores straight into the current schema, every record kept', async () => {
    const db = fresh();
    const result = await restoreFromFile(db, V1_BYTES, 'v1.json');
    if (!result.ok) throw new Error(result.message);
    const after = await dumpDatabase(db);
    expect(after).toEqual(migrateData(1, V1.data as unknown as RawStores));
    expect(after.revisions).toEqual(V1.data.revisions);
    expect(result.value).toMatchObject({
      returns: V1.data.heads.length,
      revisions: V1.data.revisions.length,
    });
    const current = await getAllCurrentReturns(db);
    expect([...current.values()].flat().length).toBe(V1.data.heads.length);
  });

  it('keeps the content hashes computed by version 1: stored returns never look changed', async () => {
    expect(V1.data.revisions.length).toBeGreaterThan(10);
    for (const rev of V1.data.revisions) {
      expect(await contentHashOf(rev as unknown as ParsedReturn), `${rev.unitId} ${rev.period}`).toBe(
        rev.contentHash,
      );
    }
  });
});

// The next version's change, tried before it exists: version 3 renames 表1's 备注 (note → remark) in every
// stored return and marks every setting. One migration; the schema declares it as version 3's upgrade.
const rename = (r: RawRecord): RawRecord => {
  const tables = { ...(r.tables as Record<string, Record<string, unknown>>) };
  if (tables.start) {
    const { note, ...rest } = tables.start;
    tables.start = { ...rest, remark: note };
  }
  return { ...r, tables };
};
const NEXT: DataMigration = {
  from: 2,
  what: 'v3 (a probe): 表1 note becomes remark; settings marked',
  records: { revisions: rename, settings: (s) => ({ ...s, migrated: true }) },
};
const NEXT_VERSIONS = [...SCHEMA_VERSIONS, { version: 3, stores: {} }];
const NEXT_MIGRATIONS = [...DATA_MIGRATIONS, NEXT];

/** The database as the next version of the app would open it. */
function nextDatabase(name: string): Dexie {
  const db = new Dexie(name);
  declareSchema(db, NEXT_VERSIONS, NEXT_MIGRATIONS);
  opened.push(db);
  return db;
}

async function dumpAll(db: Dexie): Promise<RawStores> {
  const out: RawStores = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}

describe('one data migration for both roads', () => {
  it("Dexie's upgrade of a version-2 database gives what the backup upgrade gives", async () => {
    const db = fresh();
    const restored = await restoreFromFile(db, V1_BYTES, 'v1.json');
    if (!restored.ok) throw new Error(restored.message);
    const v2 = await dumpDatabase(db);
    db.close();

    const next = nextDatabase(db.name);
    await next.open();
    expect(next.verno).toBe(3);
    const upgraded = await dumpAll(next);
    const fromBackup = migrateData(2, v2 as unknown as RawStores, NEXT_MIGRATIONS, 3);
    for (const store of Object.keys(fromBackup)) expect(upgraded[store], store).toEqual(fromBackup[store]);
    // The migration did what it says, on every record.
    const revisions = upgraded.revisions as { tables: { start?: Record<string, unknown> } }[];
    expect(
      revisions.every((r) => !r.tables.start || ('remark' in r.tables.start && !('note' in r.tables.start))),
    ).toBe(true);
    expect((upgraded.settings as RawRecord[]).every((s) => s.migrated === true)).toBe(true);
  });

  it('a version-1 database goes through both steps in Dexie as a version-1 backup does', async () => {
    const name = `data-migrations-v1-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    declareSchema(old, SCHEMA_VERSIONS.slice(0, 1), []);
    await old.open();
    for (const store of old.tables.map((t) => t.name)) {
      await old.table(store).bulkAdd((V1.data as unknown as RawStores)[store] ?? []);
    }
    old.close();

    const next = nextDatabase(name);
    await next.open();
    const upgraded = await dumpAll(next);
    const fromBackup = migrateData(1, V1.data as unknown as RawStores, NEXT_MIGRATIONS, 3);
    for (const store of Object.keys(fromBackup)) expect(upgraded[store], store).toEqual(fromBackup[store]);
  });
});
