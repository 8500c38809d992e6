// Reading current returns: the head revision of each unit for a period.
import type { ParsedReturn, PeriodKey, UnitId } from '../domain/types';
import type { AnjuDatabase, ReturnRevision } from './database';

export function revisionToReturn(rev: ReturnRevision): ParsedReturn {
  return { unitId: rev.unitId, period: rev.period, cutoff: rev.cutoff, tables: rev.tables };
}

/**
 * The current revision of every unit that has a return for the period, in the order of the period's heads.
 * The period's heads and its revisions are each read in one request, side by side in one transaction (not a
 * request per head: ten of them cost more than the few older revisions read with the current ones); a head
 * whose revision is not among them is read by its id.
 */
export async function getCurrentRevisions(db: AnjuDatabase, period: PeriodKey): Promise<ReturnRevision[]> {
  return db.transaction('r', db.heads, db.revisions, async () => {
    const [heads, ofPeriod] = await Promise.all([
      db.heads.where('period').equals(period).toArray(),
      db.revisions.where('period').equals(period).toArray(),
    ]);
    const byId = new Map(ofPeriod.map((r) => [r.id, r]));
    const missing = heads.map((h) => h.revisionId).filter((id) => !byId.has(id));
    if (missing.length > 0)
      for (const r of await db.revisions.bulkGet(missing)) if (r !== undefined) byId.set(r.id, r);
    return heads.flatMap((h) => {
      const rev = byId.get(h.revisionId);
      return rev === undefined ? [] : [rev];
    });
  });
}

export async function getCurrentReturns(db: AnjuDatabase, period: PeriodKey): Promise<ParsedReturn[]> {
  return (await getCurrentRevisions(db, period)).map(revisionToReturn);
}

/** Every period with at least one current return, oldest first. */
export async function listPeriods(db: AnjuDatabase): Promise<PeriodKey[]> {
  const keys = await db.heads.orderBy('period').uniqueKeys();
  return keys.map(String);
}

/** All current returns of all periods, by period (for trends and month increases). */
export async function getAllCurrentReturns(db: AnjuDatabase): Promise<Map<PeriodKey, ParsedReturn[]>> {
  const heads = await db.heads.toArray();
  const revs = await db.revisions.bulkGet(heads.map((h) => h.revisionId));
  const out = new Map<PeriodKey, ParsedReturn[]>();
  for (const rev of revs) {
    if (!rev) continue;
    const list = out.get(rev.period) ?? [];
    list.push(revisionToReturn(rev));
    out.set(rev.period, list);
  }
  return new Map([...out.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * The current returns of a few periods (e.g. a period, the one before it and the previous month), by period.
 * Every period asked for is a key (an empty list when nothing is stored), so a reader can tell which
 * periods the answer is for.
 */
export async function getReturnsOfPeriods(
  db: AnjuDatabase,
  periods: readonly PeriodKey[],
): Promise<Map<PeriodKey, ParsedReturn[]>> {
  const unique = [...new Set(periods)];
  const lists = await Promise.all(unique.map((p) => getCurrentReturns(db, p)));
  return new Map(unique.map((p, i) => [p, lists[i] ?? []]));
}

/** One unit's current return of every period, by period (oldest first): its history without reading the rest. */
export async function getUnitReturns(
  db: AnjuDatabase,
  unitId: UnitId,
): Promise<Map<PeriodKey, ParsedReturn[]>> {
  const heads = await db.heads.where('[unitId+period]').between([unitId, ''], [unitId, '\uffff']).toArray();
  const revs = await db.revisions.bulkGet(heads.map((h) => h.revisionId));
  const out = new Map<PeriodKey, ParsedReturn[]>();
  for (const rev of revs) if (rev) out.set(rev.period, [revisionToReturn(rev)]);
  return new Map([...out.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}
