// The Dexie schema as data, version by version: the stores (and indexes) each version declares, and the upgrade
// each runs — the same pure record migrations (migrations.ts) that bring an older backup to the current shape,
// so a record never exists in two shapes. A shipped version never changes: schema-guard.test.ts holds every
// version to the committed schema-snapshot.json, and a change of stores is a new version with its migration.
import type { Dexie, Transaction } from 'dexie';
import { DATA_MIGRATIONS, type DataMigration, migrateRecord } from './migrations';

export interface SchemaVersion {
  version: number;
  /** What Dexie's version(n).stores() is given: the stores this version adds or changes (null deletes one). */
  stores: Record<string, string | null>;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      revisions: '++id, [unitId+period], period, fileHash, contentHash, importId',
      heads: '[unitId+period], period, revisionId',
      imports: 'id, at',
      settings: 'key',
      bulletins: '++id, period, [period+savedAt]',
    },
  },
  // v2: saved header mappings, annual targets, issued bulletins, and the outcome of every file read.
  {
    version: 2,
    stores: {
      layouts: 'id, unitId, [unitId+table]',
      targets: '[year+unitId], year, unitId',
      issued: 'id, period, [period+version]',
      fileReads: 'id, importId, period, unitId, fileHash, at',
    },
  },
];

/** Rewrite every record of the stores a migration changes, inside Dexie's upgrade transaction. */
async function upgradeRecords(tx: Transaction, step: DataMigration): Promise<void> {
  for (const store of Object.keys(step.records ?? {})) {
    await tx
      .table(store)
      .toCollection()
      .modify((record, ref) => {
        ref.value = migrateRecord(step, store, record);
      });
  }
}

/**
 * Declare the versions on a Dexie database: each version's stores, and as its upgrade the data migration that
 * leads to it (from version − 1), when that migration changes records. Tests pass a longer list to try the next
 * version before it exists.
 */
export function declareSchema(
  db: Dexie,
  versions: readonly SchemaVersion[] = SCHEMA_VERSIONS,
  migrations: readonly DataMigration[] = DATA_MIGRATIONS,
): void {
  for (const { version, stores } of versions) {
    const declared = db.version(version).stores(stores);
    const step = migrations.find((m) => m.from === version - 1);
    if (step?.records) declared.upgrade((tx) => upgradeRecords(tx, step));
  }
}

/**
 * What breaks the rule that a shipped version never changes, against the committed snapshot: a version whose
 * stores differ from the snapshot's, a snapshot version the code lost, versions out of order, or a new version not
 * yet added to the snapshot (adding it there is the deliberate act that freezes it). Empty when all is well.
 */
export function schemaGuardProblems(
  snapshot: readonly SchemaVersion[],
  versions: readonly SchemaVersion[] = SCHEMA_VERSIONS,
): string[] {
  const problems: string[] = [];
  versions.forEach((v, i) => {
    if (v.version !== i + 1)
      problems.push(`version ${v.version} is at place ${i + 1}: versions go 1, 2, 3 …`);
  });
  for (const frozen of snapshot) {
    const now = versions.find((v) => v.version === frozen.version);
    if (!now) problems.push(`version ${frozen.version} is in the snapshot but no longer declared`);
    else if (JSON.stringify(sortedStores(now.stores)) !== JSON.stringify(sortedStores(frozen.stores))) {
      problems.push(
        `version ${frozen.version} changed its stores (${JSON.stringify(frozen.stores)} → ${JSON.stringify(now.stores)}): ` +
          'a shipped version never changes; declare the change as a new version with its data migration',
      );
    }
  }
  for (const v of versions) {
    if (!snapshot.some((s) => s.version === v.version)) {
      problems.push(`version ${v.version} is not in schema-snapshot.json: append it there to freeze it`);
    }
  }
  return problems;
}

function sortedStores(stores: Record<string, string | null>): [string, string | null][] {
  return Object.entries(stores).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The whole schema at `version`: every store its versions declared up to it (a null one deleted). */
export function storesAt(
  version: number,
  versions: readonly SchemaVersion[] = SCHEMA_VERSIONS,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of versions) {
    if (v.version > version) continue;
    for (const [store, spec] of Object.entries(v.stores)) {
      if (spec === null) delete out[store];
      else out[store] = spec;
    }
  }
  return out;
}
