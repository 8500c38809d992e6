// The one analysis every page shows (数据, 图表, 通报, 概览, the unit page): the selected 报告期 analysed with the
// thresholds in force (stored over defaults), recomputed when the returns, the period or the thresholds change.
// Only the periods needed are read (the analysis window, plus what a page asks for), so ten years cost nothing.
import { useMemo } from 'react';
import { useAllCurrentReturns, useAnalysisInputs } from '../db/hooks';
import { useAllTargets } from '../db/targets-repo';
import { analysePeriod, analyseTrends, type PeriodAnalysis, type TrendPoint } from '../domain/calc';
import { monthsOfYearTo } from '../domain/calc/overview';
import { analysisWindow } from '../domain/calc/window';
import type { Thresholds } from '../domain/settings';
import { targetYearOf, type YearTargets } from '../domain/targets';
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
      /**
       * Another period read (an asked one) analysed with the same inputs, once; null when nothing is stored
       * for it or it was not read. Comparisons with other periods go through here, so they follow the page.
       */
      analyseAt: (period: PeriodKey) => PeriodAnalysis | null;
    };

export interface AnalysisOptions {
  /** Periods to read besides the analysis window, for a page that compares with them (概览: the year, last year). */
  alsoRead?: (period: PeriodKey) => readonly PeriodKey[];
}

const NONE: readonly PeriodKey[] = [];
const NO_TARGETS: YearTargets = new Map();

export function useAnalysis(options: AnalysisOptions = {}): AnalysisState {
  const { period, periods, loading } = usePeriod();
  const { alsoRead } = options;
  const needed = useMemo(
    () => (period === null ? NONE : [...new Set([...analysisWindow(period), ...(alsoRead?.(period) ?? [])])]),
    [period, alsoRead],
  );
  const { returnsByPeriod, thresholds } = useAnalysisInputs(needed);
  // The annual targets of every year (a page may analyse a period of another year too).
  const targets = useAllTargets();
  return useMemo<AnalysisState>(() => {
    if (loading) return { status: 'loading' };
    if (periods.length === 0 || period === null) return { status: 'empty' };
    // The live query may still hold the previous period's answer for a moment: wait for this one's.
    if (returnsByPeriod === undefined || !needed.every((p) => returnsByPeriod.has(p)))
      return { status: 'loading' };
    if (targets === undefined) return { status: 'loading' };
    // Each period with the annual targets of its own year (目标责任书): plans, needs and tasks follow them.
    const analyse = (p: PeriodKey) =>
      analysePeriod({
        returnsByPeriod,
        period: p,
        register: defaultRegister,
        thresholds,
        targets: targets.get(targetYearOf(p)) ?? NO_TARGETS,
      });
    const analysis = analyse(period);
    const cache = new Map<PeriodKey, PeriodAnalysis | null>([[period, analysis]]);
    const analyseAt = (p: PeriodKey): PeriodAnalysis | null => {
      let found = cache.get(p);
      if (found === undefined) {
        found = (returnsByPeriod.get(p)?.length ?? 0) > 0 ? analyse(p) : null;
        cache.set(p, found);
      }
      return found;
    };
    return { status: 'ready', period, analysis, thresholds, returnsByPeriod, analyseAt };
  }, [loading, periods.length, period, needed, returnsByPeriod, thresholds, targets]);
}

/**
 * The province figures of the stored months of the period's year up to it (概览's trend lines), read apart from
 * the analysis so the page is drawn without waiting for them; undefined while loading, and while period is null
 * (nothing asked for yet).
 */
export function useYearTrends(period: PeriodKey | null): TrendPoint[] | undefined {
  const months = useMemo(() => (period === null ? NONE : monthsOfYearTo(period)), [period]);
  const { returnsByPeriod } = useAnalysisInputs(months);
  const targets = useAllTargets();
  return useMemo(() => {
    if (months.length === 0) return undefined;
    if (returnsByPeriod === undefined || !months.every((p) => returnsByPeriod.has(p))) return undefined;
    if (targets === undefined) return undefined;
    // The same targets as the analysis above (the overview's tests hold the two equal).
    return analyseTrends(returnsByPeriod, defaultRegister, (year) => targets.get(year));
  }, [returnsByPeriod, months, targets]);
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
