// The one analysis every page shows (数据, 图表, 通报, 概览, the unit page): the selected 报告期 analysed with the
// thresholds in force (stored over defaults), recomputed when the returns, the period or the thresholds change.
// Only the periods needed are read (the analysis window, plus what a page asks for), so ten years cost nothing.
import { useMemo } from 'react';
import { useAllCurrentReturns, useAnalysisInputs } from '../db/hooks';
import { useAllTargets, useYearTargets } from '../db/targets-repo';
import { analysePeriod, analyseTrends, type PeriodAnalysis, type TrendPoint } from '../domain/calc';
import { analysisWindow } from '../domain/calc/window';
import type { Thresholds } from '../domain/settings';
import { targetYearOf } from '../domain/targets';
import type { ParsedReturn, PeriodKey } from '../domain/types';
import { defaultRegister } from '../domain/units';
import { usePeriod } from './period-context';

export type AnalysisState =
  | { status: 'loading' }
  /** No period has any stored return. */
  | { status: 'empty' }
  | {
      status: 'ready';
      period: PeriodKey;
      analysis: PeriodAnalysis;
      thresholds: Thresholds;
      /** The returns read: the analysis window and the asked periods, each a key (empty list when none). */
      returnsByPeriod: ReadonlyMap<PeriodKey, readonly ParsedReturn[]>;
    };

export interface AnalysisOptions {
  /** Periods to read besides the analysis window, for a page that compares with them (概览: the year, last year). */
  alsoRead?: (period: PeriodKey) => readonly PeriodKey[];
}

const NONE: readonly PeriodKey[] = [];

export function useAnalysis(options: AnalysisOptions = {}): AnalysisState {
  const { period, periods, loading } = usePeriod();
  const { alsoRead } = options;
  const needed = useMemo(
    () => (period === null ? NONE : [...new Set([...analysisWindow(period), ...(alsoRead?.(period) ?? [])])]),
    [period, alsoRead],
  );
  const { returnsByPeriod, thresholds } = useAnalysisInputs(needed);
  // The annual targets of the period's year (目标责任书): plans, loan needs and tasks follow them when set.
  const year = period === null ? null : targetYearOf(period);
  const targets = useYearTargets(year);
  return useMemo<AnalysisState>(() => {
    if (loading) return { status: 'loading' };
    if (periods.length === 0 || period === null) return { status: 'empty' };
    // The live query may still hold the previous period's answer for a moment: wait for this one's.
    if (returnsByPeriod === undefined || !needed.every((p) => returnsByPeriod.has(p)))
      return { status: 'loading' };
    if (targets === undefined || targets.year !== year) return { status: 'loading' };
    const analysis = analysePeriod({
      returnsByPeriod,
      period,
      register: defaultRegister,
      thresholds,
      targets: targets.targets,
    });
    return { status: 'ready', period, analysis, thresholds, returnsByPeriod };
  }, [loading, periods.length, period, needed, returnsByPeriod, thresholds, targets, year]);
}

/** The province figures of every stored period, oldest first (图表's trend chart); undefined while loading. */
export function useProvinceTrends(): TrendPoint[] | undefined {
  const all = useAllCurrentReturns();
  const targets = useAllTargets();
  return useMemo(
    () => (all && targets ? analyseTrends(all, defaultRegister, (year) => targets.get(year)) : undefined),
    [all, targets],
  );
}
