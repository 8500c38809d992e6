// The analysis the data and unit pages show: the selected period's rows from calc, recomputed when the stored
// returns, the period or the thresholds change.
import { useMemo } from 'react';
import { useAllCurrentReturns } from '../../db/hooks';
import { useSetting } from '../../db/settings-repo';
import { analysePeriod, type PeriodAnalysis } from '../../domain/calc';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../../domain/settings';
import type { ParsedReturn, PeriodKey } from '../../domain/types';
import { defaultRegister } from '../../domain/units';
import { usePeriod } from '../period-context';

export type AnalysisState =
  | { status: 'loading' }
  | { status: 'empty' }
  | {
      status: 'ready';
      period: PeriodKey;
      analysis: PeriodAnalysis;
      returnsByPeriod: Map<PeriodKey, ParsedReturn[]>;
      thresholds: Thresholds;
    };

export function useAnalysis(): AnalysisState {
  const { period, loading } = usePeriod();
  const returnsByPeriod = useAllCurrentReturns();
  const thresholds = useSetting<Thresholds>('thresholds', DEFAULT_THRESHOLDS);
  return useMemo<AnalysisState>(() => {
    if (loading || returnsByPeriod === undefined) return { status: 'loading' };
    if (period === null || !returnsByPeriod.has(period)) {
      return returnsByPeriod.size === 0 ? { status: 'empty' } : { status: 'loading' };
    }
    const analysis = analysePeriod({ returnsByPeriod, period, register: defaultRegister, thresholds });
    return { status: 'ready', period, analysis, returnsByPeriod, thresholds };
  }, [loading, period, returnsByPeriod, thresholds]);
}
