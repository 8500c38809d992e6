// The schema guard: every declared version's stores equal the committed snapshot's (a shipped version never
// changes; a change is a new version), the stores and data migrations agree with the schema, and the guard
// itself catches every kind of change made to a copy of the schema.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { AnjuDatabase } from './database';
import { DATA_MIGRATIONS, DATA_VERSION, STORE_NAMES } from './migrations';
import { SCHEMA_VERSIONS, type SchemaVersion, schemaGuardProblems } from './schema';
import snapshotFile from './schema-snapshot.json';

const snapshot = snapshotFile.versions as unknown as SchemaVersion[];

/** A copy of the declared versions with one change made by `edit`. */
function edited(edit: (versions: SchemaVersion[]) => void): SchemaVersion[] {
  const copy = structuredClone(SCHEMA_VERSIONS) as SchemaVersion[];
  edit(copy);
  return copy;
}

describe('schema guard', () => {
  it('every declared version is the snapshot’s, unchanged', () => {
    expect(schemaGuardProblems(snapshot)).toEqual([]);
  });

  const stores = SCHEMA_VERSIONS.flatMap((v) =>
    Object.keys(v.stores).map((store) => ({ v: v.version, store })),
  );
  it.each(stores)('v$v: an index added to $store is caught', ({ v, store }) => {
    const changed = edited((versions) => {
      const version = versions.find((x) => x.version === v) as SchemaVersion;
      version.stores[store] = `${version.stores[store]}, extraIndex`;
    });
    expect(schemaGuardProblems(snapshot, changed).join('\n')).toMatch(`version ${v} changed its stores`);
  });

  it.each(stores)('v$v: $store removed from its version is caught', ({ v, store }) => {
    const changed = edited((versions) => {
      delete (versions.find((x) => x.version === v) as SchemaVersion).stores[store];
    });
    expect(schemaGuardProblems(snapshot, changed).join('\n')).toMatch(`version ${v} changed its stores`);
  });

  it('a store added to a shipped version is caught; the same store as a new version only asks to be frozen', () => {
    const last = SCHEMA_VERSIONS.length;
    const intoOld = edited((versions) => {
      (versions[last - 1] as SchemaVersion).stores.drafts = 'id';
    });
    expect(schemaGuardProblems(snapshot, intoOld).join('\n')).toMatch(`version ${last} changed its stores`);
    const asNew = [...SCHEMA_VERSIONS, { version: last + 1, stores: { drafts: 'id' } }];
    expect(schemaGuardProblems(snapshot, asNew)).toEqual([
      `version ${last + 1} is not in schema-snapshot.json: append it there to freeze it`,
    ]);
    expect(
      schemaGuardProblems([...snapshot, { version: last + 1, stores: { drafts: 'id' } }], asNew),
    ).toEqual([]);
  });

  it('a version dropped or out of order is caught', () => {
    expect(schemaGuardProblems(snapshot, SCHEMA_VERSIONS.slice(0, -1)).join('\n')).toMatch(
      'no longer declared',
    );
    expect(schemaGuardProblems(snapshot, [...SCHEMA_VERSIONS].reverse()).join('\n')).toMatch(
      'versions go 1, 2, 3',
    );
  });

  it('the data version is the last schema version, each version reached by a data migration', () => {
    expect(DATA_VERSION).toBe(SCHEMA_VERSIONS.length);
    for (const v of SCHEMA_VERSIONS.slice(1)) {
      expect(
        DATA_MIGRATIONS.some((m) => m.from === v.version - 1),
        `a migration to v${v.version}`,
      ).toBe(true);
    }
  });

  it('backups list every store the schema has, and a store added by a version is added by its migration', async () => {
    const db = new AnjuDatabase(`guard-${crypto.randomUUID()}`);
    await db.open();
    expect([...STORE_NAMES].sort()).toEqual(db.tables.map((t) => t.name).sort());
    for (const v of SCHEMA_VERSIONS.slice(1)) {
      const added = Object.keys(v.stores).filter(
        (s) => !SCHEMA_VERSIONS.some((o) => o.version < v.version && s in o.stores),
      );
      const step = DATA_MIGRATIONS.find((m) => m.from === v.version - 1);
      expect([...(step?.addsStores ?? [])].sort(), `v${v.version}`).toEqual(added.sort());
    }
    await db.delete();
  });
});
