// Annual targets (设置 → 年度目标): one record per year and unit, written in one transaction per save (typed by
// hand, read from a workbook, or taken from the first returns of the year), each change keeping the state it
// replaced in the record's history with its source, note and time. Nothing of a unit's targets is ever lost.
import { useLiveQuery } from 'dexie-react-hooks';
import { notice } from '../domain/messages';
import { makePeriod } from '../domain/period';
import {
  type ProposedTargets,
  pickTargets,
  sameTargets,
  targetsFromFirstReturns,
  type UnitTargets,
} from '../domain/targets';
import type { PeriodKey, UnitId } from '../domain/types';
import { type AnjuDatabase, db, type TargetRecord, type TargetState } from './database';
import { storageErrorMessage } from './errors';
import { getReturnsOfPeriods } from './returns-repo';
import type { StoreResult } from './use-db-action';

export interface TargetChange {
  unitId: UnitId;
  targets: UnitTargets;
}

export interface SaveTargetsOptions {
  year: number;
  source: TargetRecord['source'];
  /** Where the figures come from; required for figures typed by hand. */
  note: string;
  fileName?: string;
  now?: number;
}

export interface SaveTargetsSummary {
  /** Units whose targets were set or changed. */
  changed: number;
  /** Units whose targets were already these. */
  unchanged: number;
}

/** A record's own state (for its history). */
export function stateOf(record: TargetRecord): TargetState {
  const state: TargetState = { ...pickTargets(record), source: record.source, updatedAt: record.updatedAt };
  if (record.note !== undefined) state.note = record.note;
  if (record.fileName !== undefined) state.fileName = record.fileName;
  return state;
}

/** The record after a change: the new figures, the old state pushed onto the history. */
export function changedRecord(
  existing: TargetRecord | undefined,
  year: number,
  unitId: UnitId,
  targets: UnitTargets,
  meta: { source: TargetRecord['source']; note?: string; fileName?: string; updatedAt: number },
): TargetRecord {
  const record: TargetRecord = {
    year,
    unitId,
    ...pickTargets(targets),
    source: meta.source,
    updatedAt: meta.updatedAt,
  };
  if (meta.note) record.note = meta.note;
  if (meta.fileName) record.fileName = meta.fileName;
  const history = existing ? [...(existing.history ?? []), stateOf(existing)] : [];
  if (history.length > 0) record.history = history;
  return record;
}

/**
 * Set the targets of some units for a year, all in one transaction (all or nothing). A unit whose targets are
 * already these is left as it is; a change keeps the replaced state in the record's history.
 */
export async function saveTargets(
  database: AnjuDatabase,
  changes: readonly TargetChange[],
  options: SaveTargetsOptions,
): Promise<StoreResult<SaveTargetsSummary>> {
  const note = options.note.trim();
  if (options.source === 'manual' && note === '')
    return { ok: false, message: notice('targets.noteRequired') };
  const now = options.now ?? Date.now();
  try {
    return await database.transaction('rw', database.targets, async () => {
      const existing = await database.targets.where('year').equals(options.year).toArray();
      const byUnit = new Map(existing.map((r) => [r.unitId, r]));
      const records: TargetRecord[] = [];
      let unchanged = 0;
      for (const change of changes) {
        const old = byUnit.get(change.unitId);
        if (old && sameTargets(old, change.targets)) {
          unchanged++;
          continue;
        }
        const meta: Parameters<typeof changedRecord>[4] = { source: options.source, updatedAt: now };
        if (note) meta.note = note;
        if (options.fileName) meta.fileName = options.fileName;
        records.push(changedRecord(old, options.year, change.unitId, change.targets, meta));
      }
      await database.targets.bulkPut(records);
      return { ok: true, value: { changed: records.length, unchanged } } as const;
    });
  } catch (err) {
    return { ok: false, message: storageErrorMessage(err) };
  }
}

/** The records of a year, register-independent (by unit id). */
export async function listTargetRecords(database: AnjuDatabase, year: number): Promise<TargetRecord[]> {
  return database.targets.where('year').equals(year).toArray();
}

/** A year's targets by unit, for the computation. */
export async function yearTargets(database: AnjuDatabase, year: number): Promise<Map<UnitId, UnitTargets>> {
  const records = await listTargetRecords(database, year);
  return new Map(records.map((r) => [r.unitId, pickTargets(r)]));
}

/** Every year's targets (for the trends over several years). */
export async function allTargets(database: AnjuDatabase): Promise<Map<number, Map<UnitId, UnitTargets>>> {
  const out = new Map<number, Map<UnitId, UnitTargets>>();
  for (const r of await database.targets.toArray()) {
    const year = out.get(r.year) ?? new Map<UnitId, UnitTargets>();
    year.set(r.unitId, pickTargets(r));
    out.set(r.year, year);
  }
  return out;
}

/** 取自本年首期月报: the proposal from the stored returns of the year (nothing is written). */
export async function proposeFromFirstReturns(
  database: AnjuDatabase,
  year: number,
): Promise<ProposedTargets[]> {
  const periods: PeriodKey[] = Array.from({ length: 12 }, (_, i) => makePeriod(year, i + 1));
  return targetsFromFirstReturns(await getReturnsOfPeriods(database, periods), year);
}

// ---- live queries for the pages --------------------------------------------------------------------------

/** A year's target records (with their history), live. */
export function useTargetRecords(year: number): TargetRecord[] | undefined {
  return useLiveQuery(() => listTargetRecords(db, year), [year]);
}

/** Every year's targets, live. */
export function useAllTargets(): Map<number, Map<UnitId, UnitTargets>> | undefined {
  return useLiveQuery(() => allTargets(db), []);
}

export function saveTargetChanges(
  changes: readonly TargetChange[],
  options: SaveTargetsOptions,
): Promise<StoreResult<SaveTargetsSummary>> {
  return saveTargets(db, changes, options);
}

export function proposeTargetsFromReturns(year: number): Promise<ProposedTargets[]> {
  return proposeFromFirstReturns(db, year);
}
