// 表5 公租房: raised, allocated, allocation rate; the year's task and its completion; the rate against the
// same period last year (上年同期分配率, only known from the return). Stock figures: compared across years.
import type { Thresholds } from '../settings';
import {
  type CalcContext,
  monthIncrease,
  reportedFigures,
  reportedIncreases,
  rollUp,
  UNKNOWN_INCREASE,
  unitIdentity,
} from './context';
import { noFigures, sumFigures, tableFigures } from './figures';
import { makeRate, rateAtLeast, rateToBp } from './format';
import { orderByRate, withRanks } from './rank';
import { plannedFigure, unreportedRows } from './targets';
import type {
  AllocationFlag,
  LastYearTrend,
  PublicRentalRow,
  PublicRentalSection,
  Rate,
  RowIdentity,
  YearTaskFlag,
} from './types';

export function allocationFlag(rate: Rate | null, t: Thresholds): AllocationFlag {
  if (rate === null) return 'none';
  if (rateAtLeast(rate, t.allocationTarget)) return 'target';
  return rateAtLeast(rate, t.allocationLow) ? 'middle' : 'low';
}

export function yearTaskFlag(task: number, allocated: number, t: Thresholds): YearTaskFlag {
  const rate = makeRate(allocated, task);
  if (rate === null) return 'none';
  if (allocated === 0) return 'zero';
  return rateAtLeast(rate, t.allocationTarget) ? 'done' : 'partial';
}

/** fell when this year's allocation rate, at the declared precision (0.01%), is below 上年同期分配率. */
export function lastYearTrend(rate: Rate | null, lastYear: number | null): LastYearTrend {
  if (rate === null || lastYear === null) return 'none';
  return rateToBp(rate) < lastYear ? 'fell' : 'held';
}

export function analysePublicRental(ctx: CalcContext): PublicRentalSection {
  const t = ctx.thresholds;
  const unitRows = reportedFigures(ctx, 'publicRental').map(({ unit, fig }): PublicRentalRow => {
    const stock = ctx.previousStock.get(unit.id)?.tables.publicRental;
    const figures = tableFigures(ctx, 'publicRental', unit, fig);
    const task = plannedFigure(ctx, unit, 'rentalTask', fig.yearTask);
    const yearTask = task.value ?? fig.yearTask;
    const rate = makeRate(figures.allocated, figures.raised);
    const where = { table: 'publicRental' as const, unit, field: 'allocated', label: '累计已分配' };
    return {
      ...unitIdentity(ctx, unit),
      ...figures,
      allocatedMonth: monthIncrease(ctx, where, 'stock', figures.allocated, stock?.allocated, null),
      rate,
      flag: allocationFlag(rate, t),
      rank: null,
      yearTask,
      taskFromTarget: task.fromTarget,
      yearRate: makeRate(figures.yearAllocated, yearTask),
      yearFlag: yearTaskFlag(yearTask, figures.yearAllocated, t),
      trend: lastYearTrend(rate, figures.lastYearRate),
    };
  });
  const sum = (identity: RowIdentity, parts: PublicRentalRow[]): PublicRentalRow => {
    const figures = sumFigures('publicRental', parts);
    const rate = makeRate(figures.allocated, figures.raised);
    return {
      ...identity,
      ...figures,
      allocatedMonth: reportedIncreases(parts, (p) => p.allocatedMonth),
      rate,
      flag: allocationFlag(rate, t),
      rank: null,
      taskFromTarget: parts.some((p) => p.taskFromTarget),
      yearRate: makeRate(figures.yearAllocated, figures.yearTask),
      yearFlag: yearTaskFlag(figures.yearTask, figures.yearAllocated, t),
      trend: 'none',
    };
  };
  const units = withRanks(unitRows);
  // Not reported, but with an allocation task: the task counts; nothing raised or allocated is known.
  const unreported = unreportedRows<PublicRentalRow>(ctx, 'publicRental', 'rentalTask', (target) => ({
    ...noFigures('publicRental'),
    allocatedMonth: UNKNOWN_INCREASE,
    rate: null,
    flag: 'none',
    rank: null,
    yearTask: target,
    taskFromTarget: true,
    yearRate: null,
    yearFlag: 'none',
    trend: 'none',
  }));
  const { groups, province } = rollUp(ctx, units, sum, unreported);
  const ids = (rows: PublicRentalRow[]) => rows.map((r) => r.id);
  return {
    units,
    groups: withRanks(groups),
    province,
    unreported,
    lists: {
      atTarget: ids(units.filter((r) => r.flag === 'target')),
      low: ids(
        orderByRate(
          units.filter((r) => r.flag === 'low'),
          'asc',
        ),
      ),
      withTask: ids(units.filter((r) => r.yearTask > 0)),
      yearDone: ids(units.filter((r) => r.yearFlag === 'done')),
      yearZero: ids(units.filter((r) => r.yearFlag === 'zero')),
      fell: ids(units.filter((r) => r.trend === 'fell')),
    },
  };
}
