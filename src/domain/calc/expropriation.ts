// 表3 征收: plan, 征收, 拆迁, their total, completion rate, ahead/behind against the thresholds.
import type { Thresholds } from '../settings';
import { type CalcContext, reportedFigures, rollUp, unitIdentity } from './context';
import { noFigures, sumFigures, tableFigures } from './figures';
import { makeRate, rateAtLeast } from './format';
import { orderByRate, withRanks } from './rank';
import { plannedFigure, unreportedRows } from './targets';
import type { ExpropriationFlag, ExpropriationRow, ExpropriationSection, Rate, RowIdentity } from './types';

export function expropriationFlag(rate: Rate | null, t: Thresholds): ExpropriationFlag {
  if (rate === null) return 'none';
  if (rateAtLeast(rate, t.expropriationAhead)) return 'ahead';
  return rateAtLeast(rate, t.expropriationBehind) ? 'middle' : 'behind';
}

export function analyseExpropriation(ctx: CalcContext): ExpropriationSection {
  const t = ctx.thresholds;
  // Each cumulative part is checked for a fall on its own; the month figure is that of their sum (合计).
  const unitRows = reportedFigures(ctx, 'expropriation').map(({ unit, fig }): ExpropriationRow => {
    const figures = tableFigures(ctx, 'expropriation', unit, fig);
    const planned = plannedFigure(ctx, unit, 'expropriationPlan', fig.plan);
    const plan = planned.value ?? fig.plan;
    const rate = makeRate(figures.total, plan);
    const flag = expropriationFlag(rate, t);
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
  const sum = (identity: RowIdentity, parts: ExpropriationRow[]): ExpropriationRow => {
    const figures = sumFigures('expropriation', parts);
    const rate = makeRate(figures.total, figures.plan);
    const fromTarget = parts.some((p) => p.fromTarget);
    return { ...identity, ...figures, fromTarget, rate, flag: expropriationFlag(rate, t), rank: null };
  };
  const units = withRanks(unitRows);
  const unreported = unreportedRows<ExpropriationRow>(
    ctx,
    'expropriation',
    'expropriationPlan',
    (target) => ({
      ...noFigures('expropriation'),
      plan: target,
      fromTarget: true,
      rate: null,
      flag: 'none',
      rank: null,
    }),
  );
  const { groups, province } = rollUp(ctx, units, sum, unreported);
  return {
    units,
    groups: withRanks(groups),
    province,
    unreported,
    lists: {
      ahead: orderByRate(
        units.filter((r) => r.flag === 'ahead'),
        'desc',
      ).map((r) => r.id),
      behind: orderByRate(
        units.filter((r) => r.flag === 'behind'),
        'asc',
      ).map((r) => r.id),
    },
  };
}
