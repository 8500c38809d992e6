// 表1 开工: plan, started, this month, start rate against the target and the warning line, ranks and lists.
import type { Thresholds } from '../settings';
import type { CalcContext } from './context';
import { rateAtLeast } from './format';
import { planRateSection } from './plan-rate';
import { orderByRate } from './rank';
import type { Rate, StartFlag, StartRow, StartSection } from './types';

export function startFlag(rate: Rate | null, t: Thresholds): StartFlag {
  if (rate === null) return 'none';
  if (rateAtLeast(rate, t.startTarget)) return 'reached';
  return rateAtLeast(rate, t.startWarning) ? 'lagging' : 'below';
}

export function analyseStart(ctx: CalcContext): StartSection {
  const section = planRateSection<'start', StartRow>(ctx, {
    table: 'start',
    target: 'startPlan',
    done: 'started',
    flag: startFlag,
  });
  const { units } = section;
  return {
    ...section,
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
