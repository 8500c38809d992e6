// Versioned data is migrated where it is read: pure functions that bring the records of an older backup (or
// a database of an older schema) to the current shape. Restore, merge, sync and Dexie's upgrade() all use
// these, so a record never exists in two shapes. Unknown properties are kept (a newer app may add some).

/** Every store, in the order a backup lists them. A store added to the schema must be added here. */
export const STORE_NAMES = [
  'revisions',
  'heads',
  'imports',
  'settings',
  'bulletins',
  'layouts',
  'targets',
  'issued',
  'fileReads',
] as const;

export type StoreName = (typeof STORE_NAMES)[number];

/** The records of a backup, store by store, as loosely typed as they arrive from a file. */
export type RawStores = Record<string, unknown[]>;

/** One step: the data of backup version `from` → version `from + 1`. Pure; returns new arrays. */
export interface DataMigration {
  from: number;
  /** What the step does, for the log and the tests. */
  what: string;
  migrate: (data: RawStores) => RawStores;
}

/** The data version written by this app. Bump it with a new entry in DATA_MIGRATIONS. */
export const DATA_VERSION = 2;

export const DATA_MIGRATIONS: readonly DataMigration[] = [
  {
    from: 1,
    what: 'v2 adds the stores layouts, targets, issued and fileReads (empty in a v1 backup)',
    migrate: (data) => ({ ...data, layouts: [], targets: [], issued: [], fileReads: [] }),
  },
];

/** Bring data of version `version` up to DATA_VERSION; a version with no path is refused by the caller. */
export function migrateData(version: number, data: RawStores): RawStores {
  let out = data;
  for (let v = version; v < DATA_VERSION; v++) {
    const step = DATA_MIGRATIONS.find((m) => m.from === v);
    if (!step) throw new Error(`no data migration from version ${v}`);
    out = step.migrate(out);
  }
  return out;
}
