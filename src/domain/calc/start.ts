// 表1 开工: plan, started, this month, start rate against the target and the warning line, ranks and lists.
import type { Thresholds } from '../settings';
import {
  type CalcContext,
  cumulativeIncrease,
  reportedFigures,
  reportedIncreases,
  rollUp,
  total,
  UNKNOWN_INCREASE,
  unitIdentity,
} from './context';
import { makeRate, rateAtLeast } from './format';
import { orderByRate, withRanks } from './rank';
import { plannedFigure, unreportedRows } from './targets';
import type { Rate, RowIdentity, StartFlag, StartRow, StartSection } from './types';

export function startFlag(rate: Rate | null, t: Thresholds): StartFlag {
  if (rate === null) return 'none';
  if (rateAtLeast(rate, t.startTarget)) return 'reached';
  return rateAtLeast(rate, t.startWarning) ? 'lagging' : 'below';
}

export function analyseStart(ctx: CalcContext): StartSection {
  const t = ctx.thresholds;
  const unitRows = reportedFigures(ctx, 'start').map(({ unit, fig }): StartRow => {
    const prev = ctx.previous.get(unit.id)?.tables.start;
    const planned = plannedFigure(ctx, unit, 'startPlan', fig.plan);
    const plan = planned.value ?? fig.plan;
    const rate = makeRate(fig.started, plan);
    return {
      ...unitIdentity(ctx, unit),
      plan,
      fromTarget: planned.fromTarget,
      started: fig.started,
      month: cumulativeIncrease(
        ctx,
        { table: 'start', unit, field: 'started', label: '累计开工' },
        fig.started,
        prev?.started,
        fig.startedMonth,
        (v) => `${v}套`,
      ),
      rate,
      declaredRate: fig.declaredRate,
      flag: startFlag(rate, t),
      rank: null,
    };
  });
  const sum = (identity: RowIdentity, parts: StartRow[]): StartRow => {
    const plan = total(parts, (p) => p.plan);
    const started = total(parts, (p) => p.started);
    const rate = makeRate(started, plan);
    return {
      ...identity,
      plan,
      fromTarget: parts.some((p) => p.fromTarget),
      started,
      month: reportedIncreases(parts, (p) => p.month),
      rate,
      declaredRate: null,
      flag: startFlag(rate, t),
      rank: null,
    };
  };
  const units = withRanks(unitRows);
  // Not reported, but planned: the target counts; what was started is not known, so no rate and no flag.
  const unreported = unreportedRows<StartRow>(ctx, 'start', 'startPlan', (target) => ({
    plan: target,
    fromTarget: true,
    started: 0,
    month: UNKNOWN_INCREASE,
    rate: null,
    declaredRate: null,
    flag: 'none',
    rank: null,
  }));
  const { groups, province } = rollUp(ctx, units, sum, unreported);
  return {
    units,
    groups: withRanks(groups),
    province,
    unreported,
    lists: {
      reached: orderByRate(
        units.filter((r) => r.flag === 'reached'),
        'desc',
      ).map((r) => r.id),
      lagging: orderByRate(
        units.filter((r) => r.flag === 'lagging' || r.flag === 'below'),
        'asc',
      ).map((r) => r.id),
      below: orderByRate(
        units.filter((r) => r.flag === 'below'),
        'asc',
      ).map((r) => r.id),
      noPlan: units.filter((r) => r.flag === 'none').map((r) => r.id),
    },
  };
}
