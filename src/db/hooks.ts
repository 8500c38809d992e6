// Live queries for the pages: they re-render when the database changes (in this tab or another).
import { useLiveQuery } from 'dexie-react-hooks';
import type { ParsedReturn, PeriodKey } from '../domain/types';
import { db } from './database';
import { getAllCurrentReturns, getCurrentReturns, listPeriods } from './returns-repo';

export function usePeriods(): PeriodKey[] | undefined {
  return useLiveQuery(() => listPeriods(db), []);
}

export function useCurrentReturns(period: PeriodKey | null): ParsedReturn[] | undefined {
  return useLiveQuery(() => (period ? getCurrentReturns(db, period) : Promise.resolve([])), [period]);
}

export function useAllCurrentReturns(): Map<PeriodKey, ParsedReturn[]> | undefined {
  return useLiveQuery(() => getAllCurrentReturns(db), []);
}
