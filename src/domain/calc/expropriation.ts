// 表3 征收: plan, 征收, 拆迁, their total, completion rate, ahead/behind against the thresholds.
import type { Thresholds } from '../settings';
import type { CalcContext } from './context';
import { rateAtLeast } from './format';
import { planRateSection } from './plan-rate';
import { orderByRate } from './rank';
import type { ExpropriationFlag, ExpropriationRow, ExpropriationSection, Rate } from './types';

export function expropriationFlag(rate: Rate | null, t: Thresholds): ExpropriationFlag {
  if (rate === null) return 'none';
  if (rateAtLeast(rate, t.expropriationAhead)) return 'ahead';
  return rateAtLeast(rate, t.expropriationBehind) ? 'middle' : 'behind';
}

export function analyseExpropriation(ctx: CalcContext): ExpropriationSection {
  // Each cumulative part is checked for a fall on its own (tableFigures); the month figure is that of their sum (合计).
  const section = planRateSection<'expropriation', ExpropriationRow>(ctx, {
    table: 'expropriation',
    target: 'expropriationPlan',
    done: 'total',
    flag: expropriationFlag,
  });
  const { units } = section;
  return {
    ...section,
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
