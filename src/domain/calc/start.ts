// 表1 开工: plan, started, this month, start rate against the target and the warning line, ranks and lists.
import type { Thresholds } from '../settings';
import { type CalcContext, reportedFigures, rollUp, unitIdentity } from './context';
import { noFigures, sumFigures, tableFigures } from './figures';
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
    const figures = tableFigures(ctx, 'start', unit, fig);
    const planned = plannedFigure(ctx, unit, 'startPlan', fig.plan);
    const plan = planned.value ?? fig.plan;
    const rate = makeRate(figures.started, plan);
    const flag = startFlag(rate, t);
    return {
      ...unitIdentity(ctx, unit),
      ...figures,
      plan,
      fromTarget: planned.fromTarget,
      rate,
      flag,
      rank: null,
    };
  });
  const sum = (identity: RowIdentity, parts: StartRow[]): StartRow => {
    const figures = sumFigures('start', parts);
    const rate = makeRate(figures.started, figures.plan);
    const fromTarget = parts.some((p) => p.fromTarget);
    return { ...identity, ...figures, fromTarget, rate, flag: startFlag(rate, t), rank: null };
  };
  const units = withRanks(unitRows);
  // Not reported, but planned: the target counts; what was started is not known, so no rate and no flag.
  const unreported = unreportedRows<StartRow>(ctx, 'start', 'startPlan', (target) => ({
    ...noFigures('start'),
    plan: target,
    fromTarget: true,
    rate: null,
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
