// Live queries for the pages: they re-render when the database changes (in this tab or another).
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { type Thresholds, withDefaultThresholds } from '../domain/settings';
import type { ParsedReturn, PeriodKey, UnitId } from '../domain/types';
import { type BackupReminder, backupReminder } from './backup-reminder';
import { db, type ImportRecord } from './database';
import { refusedUnits } from './file-reads';
import { listRecentImports, listRevisions, type RevisionEntry } from './history';
import { findInterruptedImports, type InterruptedImport } from './interrupted-imports';
import {
  getAllCurrentReturns,
  getCurrentReturns,
  getReturnsOfPeriods,
  getUnitReturns,
  listPeriods,
} from './returns-repo';
import { useSetting } from './settings-repo';
import { listUnresolvedFiles, type UnresolvedFileRecord } from './unresolved-files';

export function usePeriods(): PeriodKey[] | undefined {
  return useLiveQuery(() => listPeriods(db), []);
}

export function useCurrentReturns(period: PeriodKey | null): ParsedReturn[] | undefined {
  return useLiveQuery(() => (period ? getCurrentReturns(db, period) : Promise.resolve([])), [period]);
}

/** A period's current returns and its refused units, read together and tagged with the period they are of. */
export interface PeriodReturns {
  period: PeriodKey;
  returns: ParsedReturn[];
  refused: UnitId[];
}

/**
 * The period's returns and refused units; undefined while loading, and also while another period's are still
 * held (a live query keeps its last result until the new one arrives: a new label over the old figures).
 */
export function usePeriodReturns(period: PeriodKey | null): PeriodReturns | undefined {
  const result = useLiveQuery(async (): Promise<PeriodReturns | null> => {
    if (!period) return null;
    const [returns, refused] = await Promise.all([getCurrentReturns(db, period), refusedUnits(db, period)]);
    return { period, returns, refused };
  }, [period]);
  return result && result.period === period ? result : undefined;
}

export function useAllCurrentReturns(): Map<PeriodKey, ParsedReturn[]> | undefined {
  return useLiveQuery(() => getAllCurrentReturns(db), []);
}

/** The current returns of a few periods, by period (each asked period a key); undefined while loading. */
export function useReturnsOfPeriods(
  periods: readonly PeriodKey[],
): Map<PeriodKey, ParsedReturn[]> | undefined {
  return useLiveQuery(() => getReturnsOfPeriods(db, periods), [periods.join(',')]);
}

/** One unit's current returns of every period, by period. */
export function useUnitReturns(unitId: UnitId): Map<PeriodKey, ParsedReturn[]> | undefined {
  return useLiveQuery(() => getUnitReturns(db, unitId), [unitId]);
}

/** The thresholds in force: the stored ones over the defaults (see withDefaultThresholds). */
export function useThresholds(): Thresholds {
  const stored = useSetting<unknown>('thresholds', undefined);
  return useMemo(() => withDefaultThresholds(stored), [stored]);
}

export interface AnalysisInputs {
  /** The current returns of the asked periods, each a key; undefined while loading. */
  returnsByPeriod: Map<PeriodKey, ParsedReturn[]> | undefined;
  thresholds: Thresholds;
}

/** What an analysis of the asked periods needs from the store, live: their returns and the thresholds. */
export function useAnalysisInputs(periods: readonly PeriodKey[]): AnalysisInputs {
  return { returnsByPeriod: useReturnsOfPeriods(periods), thresholds: useThresholds() };
}

/** Whether a backup is due (设置 and 导入 remind the user). */
export function useBackupReminder(): BackupReminder | undefined {
  return useLiveQuery(() => backupReminder(db), []);
}

/** The latest imports, merges, restores and undos, newest first. */
export function useRecentImports(limit: number): ImportRecord[] | undefined {
  return useLiveQuery(() => listRecentImports(db, limit), [limit]);
}

/** One unit's versions of one period's return, for its version history. */
export function useRevisionList(unitId: UnitId, period: PeriodKey): RevisionEntry[] | undefined {
  return useLiveQuery(() => listRevisions(db, unitId, period), [unitId, period]);
}

/**
 * The period's refused files still to resolve, by unit (概览's attention list); undefined while loading, and
 * while another period's are still held (a live query keeps its last answer until the new one arrives).
 */
export function useUnresolvedFiles(period: PeriodKey | null): UnresolvedFileRecord[] | undefined {
  const result = useLiveQuery(
    async () => ({ period, files: period ? await listUnresolvedFiles(db, period) : [] }),
    [period],
  );
  return result && result.period === period ? result.files : undefined;
}

/** Imports cut short by a closed page or a crashed browser, not yet seen by the user (named once at start). */
export function useInterruptedImports(): InterruptedImport[] | undefined {
  return useLiveQuery(() => findInterruptedImports(db), []);
}
