// The analysis the data and unit pages show: the selected period's rows from calc, recomputed when the stored
// returns, the period or the thresholds change. Only the three periods calc needs are read (the period, the one
// before it in the year, the previous month), so ten years of history cost nothing here.
import { useMemo } from 'react';
import { useReturnsOfPeriods } from '../../db/hooks';
import { useSetting } from '../../db/settings-repo';
import { analysePeriod, type PeriodAnalysis } from '../../domain/calc';
import { previousMonth, previousPeriod } from '../../domain/period';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../../domain/settings';
import type { PeriodKey } from '../../domain/types';
import { defaultRegister } from '../../domain/units';
import { usePeriod } from '../period-context';

export type AnalysisState =
  | { status: 'loading' }
  | { status: 'empty' }
  | { status: 'ready'; period: PeriodKey; analysis: PeriodAnalysis; thresholds: Thresholds };

function windowOf(period: PeriodKey | null): PeriodKey[] {
  if (period === null) return [];
  const prev = previousPeriod(period);
  return [period, ...(prev ? [prev] : []), previousMonth(period)];
}

export function useAnalysis(): AnalysisState {
  const { period, periods, loading } = usePeriod();
  const needed = useMemo(() => windowOf(period), [period]);
  const returnsByPeriod = useReturnsOfPeriods(needed);
  const thresholds = useSetting<Thresholds>('thresholds', DEFAULT_THRESHOLDS);
  return useMemo<AnalysisState>(() => {
    if (loading) return { status: 'loading' };
    if (periods.length === 0 || period === null) return { status: 'empty' };
    // The live query may still hold the previous period's window for a moment: wait for this one's.
    if (returnsByPeriod === undefined || !needed.every((p) => returnsByPeriod.has(p)))
      return { status: 'loading' };
    const analysis = analysePeriod({ returnsByPeriod, period, register: defaultRegister, thresholds });
    return { status: 'ready', period, analysis, thresholds };
  }, [loading, periods.length, period, needed, returnsByPeriod, thresholds]);
}
