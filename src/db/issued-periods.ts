// The latest issued version of each issued period, for the notice on 导入: a light query of its own, so the
// first page does not bring the issued-bulletin checks (issued-repo.ts) with it.
import { useLiveQuery } from 'dexie-react-hooks';
import type { PeriodKey } from '../domain/types';
import { type AnjuDatabase, db, type IssuedBulletinRecord } from './database';

export async function latestIssuedByPeriod(
  database: AnjuDatabase,
): Promise<Map<PeriodKey, IssuedBulletinRecord>> {
  const out = new Map<PeriodKey, IssuedBulletinRecord>();
  for (const r of await database.issued.toArray()) {
    const held = out.get(r.period);
    if (!held || held.version < r.version) out.set(r.period, r);
  }
  return out;
}

/** The latest issued version of each period, live; undefined while loading. */
export function useIssuedPeriods(): Map<PeriodKey, IssuedBulletinRecord> | undefined {
  return useLiveQuery(() => latestIssuedByPeriod(db), []);
}
