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

/** A stored record as it comes from a file or an old database: unknown properties are kept as they are. */
export type RawRecord = Record<string, unknown>;

/**
 * One step: the data of version `from` → version `from + 1`, pure. The same step is Dexie's upgrade() of schema
 * version `from + 1` (see schema.ts) and the upgrade of every older backup read (restore, merge): the next
 * version's record change is one entry here, used by both.
 */
export interface DataMigration {
  from: number;
  /** What the step does, for the log and the tests. */
  what: string;
  /** Stores the version adds: an older backup has none of their records (Dexie creates the stores itself). */
  addsStores?: readonly StoreName[];
  /** How each record of a store changes: the old record in, the new one out (a new object; unknown properties kept). */
  records?: Partial<Record<StoreName, (record: RawRecord) => RawRecord>>;
}

/** The data version written by this app: the last schema version. Bump both with a new entry below. */
export const DATA_VERSION = 2;

export const DATA_MIGRATIONS: readonly DataMigration[] = [
  {
    from: 1,
    what: 'v2 adds the stores layouts, targets, issued and fileReads (empty in a v1 backup)',
    addsStores: ['layouts', 'targets', 'issued', 'fileReads'],
  },
];

/** One record of `store` through one step (unchanged when the step does not touch the store). */
export function migrateRecord(step: DataMigration, store: string, record: RawRecord): RawRecord {
  const change = step.records?.[store as StoreName];
  return change ? change(record) : record;
}

/** One step over a whole backup's data: its new stores empty, each record of a changed store migrated. */
function migrateStep(step: DataMigration, data: RawStores): RawStores {
  const out: RawStores = { ...data };
  for (const store of step.addsStores ?? []) out[store] ??= [];
  for (const store of Object.keys(step.records ?? {})) {
    out[store] = (out[store] ?? []).map((r) => migrateRecord(step, store, r as RawRecord));
  }
  return out;
}

/** Bring data of version `version` up to `target`; a version with no path is refused by the caller. */
export function migrateData(
  version: number,
  data: RawStores,
  migrations: readonly DataMigration[] = DATA_MIGRATIONS,
  target: number = DATA_VERSION,
): RawStores {
  let out = data;
  for (let v = version; v < target; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step) throw new Error(`no data migration from version ${v}`);
    out = migrateStep(step, out);
  }
  return out;
}
