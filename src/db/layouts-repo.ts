// Saved header mappings (表头对照), one per unit and table (id `${unitId}|${table}`): read for every import so
// a unit's next file is read with them, listed and deleted in 设置. They are written only with a return, in its
// import transaction (see import-repo), never on their own.
import { useLiveQuery } from 'dexie-react-hooks';
import type { HeaderLayout, TableKey, UnitId } from '../domain/types';
import { type AnjuDatabase, db as appDb, type LayoutRecord } from './database';

export function layoutId(unitId: UnitId, table: TableKey): string {
  return `${unitId}|${table}`;
}

/** Every saved mapping, by unit and table. */
export async function listLayouts(db: AnjuDatabase): Promise<LayoutRecord[]> {
  return db.layouts.toArray();
}

/** The mappings as the reader takes them. */
export function toHeaderLayouts(records: readonly LayoutRecord[]): HeaderLayout[] {
  return records.map((r) => ({ unitId: r.unitId, table: r.table, headers: r.headers }));
}

export async function deleteLayout(db: AnjuDatabase, id: string): Promise<void> {
  await db.layouts.delete(id);
}

export function useLayouts(): LayoutRecord[] | undefined {
  return useLiveQuery(() => listLayouts(appDb), []);
}
