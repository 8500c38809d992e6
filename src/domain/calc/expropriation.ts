// 表3 征收: plan, 征收, 拆迁, their total, completion rate, ahead/behind against the thresholds.
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
import type { ExpropriationFlag, ExpropriationRow, ExpropriationSection, Rate, RowIdentity } from './types';

export function expropriationFlag(rate: Rate | null, t: Thresholds): ExpropriationFlag {
  if (rate === null) return 'none';
  if (rateAtLeast(rate, t.expropriationAhead)) return 'ahead';
  return rateAtLeast(rate, t.expropriationBehind) ? 'middle' : 'behind';
}

export function analyseExpropriation(ctx: CalcContext): ExpropriationSection {
  const t = ctx.thresholds;
  const households = (v: number) => `${v}户`;
  const unitRows = reportedFigures(ctx, 'expropriation').map(({ unit, fig }): ExpropriationRow => {
    const prev = ctx.previous.get(unit.id)?.tables.expropriation;
    const sum = fig.expropriated + fig.demolished;
    // Each cumulative part is checked for a fall on its own; the month figure is that of the total.
    if (prev) {
      cumulativeIncrease(
        ctx,
        { table: 'expropriation', unit, field: 'expropriated', label: '累计完成征收' },
        fig.expropriated,
        prev.expropriated,
        null,
        households,
      );
      cumulativeIncrease(
        ctx,
        { table: 'expropriation', unit, field: 'demolished', label: '累计完成拆迁' },
        fig.demolished,
        prev.demolished,
        null,
        households,
      );
    }
    const fell =
      prev !== undefined && (fig.expropriated < prev.expropriated || fig.demolished < prev.demolished);
    const month = fell
      ? {
          value: sum - (prev.expropriated + prev.demolished),
          source: 'computed' as const,
          declared: fig.doneMonth,
          incomplete: false,
        }
      : cumulativeIncrease(
          ctx,
          { table: 'expropriation', unit, field: 'total', label: '征收（拆迁）合计' },
          sum,
          prev ? prev.expropriated + prev.demolished : undefined,
          fig.doneMonth,
          households,
        );
    const planned = plannedFigure(ctx, unit, 'expropriationPlan', fig.plan);
    const plan = planned.value ?? fig.plan;
    const rate = makeRate(sum, plan);
    return {
      ...unitIdentity(ctx, unit),
      plan,
      fromTarget: planned.fromTarget,
      expropriated: fig.expropriated,
      demolished: fig.demolished,
      total: sum,
      month,
      rate,
      flag: expropriationFlag(rate, t),
      rank: null,
    };
  });
  const sum = (identity: RowIdentity, parts: ExpropriationRow[]): ExpropriationRow => {
    const plan = total(parts, (p) => p.plan);
    const expropriated = total(parts, (p) => p.expropriated);
    const demolished = total(parts, (p) => p.demolished);
    const rate = makeRate(expropriated + demolished, plan);
    return {
      ...identity,
      plan,
      fromTarget: parts.some((p) => p.fromTarget),
      expropriated,
      demolished,
      total: expropriated + demolished,
      month: reportedIncreases(parts, (p) => p.month),
      rate,
      flag: expropriationFlag(rate, t),
      rank: null,
    };
  };
  const units = withRanks(unitRows);
  const unreported = unreportedRows<ExpropriationRow>(
    ctx,
    'expropriation',
    'expropriationPlan',
    (target) => ({
      plan: target,
      fromTarget: true,
      expropriated: 0,
      demolished: 0,
      total: 0,
      month: UNKNOWN_INCREASE,
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
