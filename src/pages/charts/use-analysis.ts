// The analysis of the selected 报告期 and the province trends, recomputed when returns or thresholds change.
import { useMemo } from 'react';
import { useAllCurrentReturns } from '../../db/hooks';
import { useSetting } from '../../db/settings-repo';
import { analysePeriod, analyseTrends } from '../../domain/calc';
import type { PeriodAnalysis, TrendPoint } from '../../domain/calc/types';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../../domain/settings';
import { defaultRegister } from '../../domain/units';
import { usePeriod } from '../period-context';

export interface AnalysisState {
  loading: boolean;
  /** null while loading or when no period has data. */
  analysis: PeriodAnalysis | null;
  trends: TrendPoint[];
  thresholds: Thresholds;
}

export function useAnalysis(): AnalysisState {
  const { period, loading: periodsLoading } = usePeriod();
  const returnsByPeriod = useAllCurrentReturns();
  const stored = useSetting<Partial<Thresholds>>('thresholds', DEFAULT_THRESHOLDS);
  // A value saved by an older version may lack a threshold added since: the default fills it.
  const thresholds = useMemo<Thresholds>(() => ({ ...DEFAULT_THRESHOLDS, ...stored }), [stored]);
  const analysis = useMemo(
    () =>
      returnsByPeriod && period && returnsByPeriod.has(period)
        ? analysePeriod({ returnsByPeriod, period, register: defaultRegister, thresholds })
        : null,
    [returnsByPeriod, period, thresholds],
  );
  const trends = useMemo(
    () => (returnsByPeriod ? analyseTrends(returnsByPeriod, defaultRegister) : []),
    [returnsByPeriod],
  );
  return { loading: periodsLoading || returnsByPeriod === undefined, analysis, trends, thresholds };
}
