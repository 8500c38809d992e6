// Imports cut short: an import of files is recorded as 'started' (with what it planned to store) before any
// return is written and marked 'finished' after the last. One still 'started' whose Web Lock nobody holds was cut
// short (the page closed, the browser crashed); it is named at the next start, with the returns it saved (each
// whole: a return is written all or nothing) and those it did not, until the user has seen it.
import type { PeriodKey, UnitId } from '../domain/types';
import type { AnjuDatabase } from './database';
import { importLockName, unitPeriodName } from './import-repo';

export interface InterruptedImport {
  id: string;
  at: number;
  /** How many files the import set out to store. */
  files: number;
  /** The returns written (unit and period, as 农安县2018年1-9月), and those not. */
  saved: string[];
  unsaved: string[];
}

/** The names of the Web Locks held now in this browser (none where it has no Web Locks). */
export async function heldLockNames(): Promise<Set<string>> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return new Set();
  const state = await locks.query();
  return new Set((state.held ?? []).map((l) => l.name ?? ''));
}

/**
 * The imports left 'started' that nobody is writing (`held`: the Web Locks held now, in any tab of this
 * browser; an import another tab is still writing holds its lock). Newest first.
 */
export async function findInterruptedImports(
  db: AnjuDatabase,
  held?: ReadonlySet<string>,
): Promise<InterruptedImport[]> {
  const started = await db.imports.filter((r) => r.state === 'started').toArray();
  if (started.length === 0) return [];
  const busy = held ?? (await heldLockNames());
  const key = (unitId: UnitId, period: PeriodKey) => `${unitId}|${period}`;
  return started
    .filter((r) => !busy.has(importLockName(r.id)))
    .sort((a, b) => b.at - a.at)
    .map((r) => {
      const written = new Set(r.changes.filter((c) => c.to !== null).map((c) => key(c.unitId, c.period)));
      const planned = r.planned ?? [];
      const files = new Set(planned.map((p) => p.fileName));
      return {
        id: r.id,
        at: r.at,
        files: files.size,
        saved: planned
          .filter((p) => written.has(key(p.unitId, p.period)))
          .map((p) => unitPeriodName(p.unitId, p.period)),
        unsaved: planned
          .filter((p) => !written.has(key(p.unitId, p.period)))
          .map((p) => unitPeriodName(p.unitId, p.period)),
      };
    });
}

/** The user has seen it: the record stays (its saved returns can be undone as any import) but is no longer named. */
export async function acknowledgeInterrupted(db: AnjuDatabase, id: string): Promise<void> {
  await db.transaction('rw', db.imports, async () => {
    const record = await db.imports.get(id);
    if (record?.state === 'started') await db.imports.put({ ...record, state: 'interrupted' });
  });
}
