// 表1 开工: plan, started, this month, start rate against the target and the warning line, ranks and lists.
import type { Thresholds } from '../settings';
import {
  type CalcContext,
  cumulativeIncrease,
  reportedFigures,
  rollUp,
  sumIncreases,
  total,
  unitIdentity,
} from './context';
import { makeRate, rateAtLeast } from './format';
import { orderByRate, withRanks } from './rank';
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
    const rate = makeRate(fig.started, fig.plan);
    return {
      ...unitIdentity(ctx, unit),
      plan: fig.plan,
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
      started,
      month: sumIncreases(parts.map((p) => p.month)),
      rate,
      declaredRate: null,
      flag: startFlag(rate, t),
      rank: null,
    };
  };
  const units = withRanks(unitRows);
  const { groups, province } = rollUp(ctx, units, sum);
  return {
    units,
    groups: withRanks(groups),
    province,
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
