// 表5 公租房: raised, allocated, allocation rate; the year's task and its completion; the rate against the
// same period last year (上年同期分配率, only known from the return). Stock figures: compared across years.
import type { Thresholds } from '../settings';
import {
  type CalcContext,
  reportedFigures,
  reportedIncreases,
  rollUp,
  stockIncrease,
  total,
  UNKNOWN_INCREASE,
  unitIdentity,
} from './context';
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
    const prev = ctx.previousStock.get(unit.id)?.tables.publicRental;
    const rate = makeRate(fig.allocated, fig.raised);
    const task = plannedFigure(ctx, unit, 'rentalTask', fig.yearTask);
    const yearTask = task.value ?? fig.yearTask;
    return {
      ...unitIdentity(ctx, unit),
      raised: fig.raised,
      allocated: fig.allocated,
      allocatedMonth: stockIncrease(fig.allocated, prev?.allocated),
      rate,
      flag: allocationFlag(rate, t),
      rank: null,
      yearTask,
      taskFromTarget: task.fromTarget,
      yearAllocated: fig.yearAllocated,
      yearRate: makeRate(fig.yearAllocated, yearTask),
      yearFlag: yearTaskFlag(yearTask, fig.yearAllocated, t),
      lastYearRate: fig.lastYearRate,
      trend: lastYearTrend(rate, fig.lastYearRate),
    };
  });
  const sum = (identity: RowIdentity, parts: PublicRentalRow[]): PublicRentalRow => {
    const raised = total(parts, (p) => p.raised);
    const allocated = total(parts, (p) => p.allocated);
    const yearTask = total(parts, (p) => p.yearTask);
    const yearAllocated = total(parts, (p) => p.yearAllocated);
    const rate = makeRate(allocated, raised);
    return {
      ...identity,
      raised,
      allocated,
      allocatedMonth: reportedIncreases(parts, (p) => p.allocatedMonth),
      rate,
      flag: allocationFlag(rate, t),
      rank: null,
      yearTask,
      taskFromTarget: parts.some((p) => p.taskFromTarget),
      yearAllocated,
      yearRate: makeRate(yearAllocated, yearTask),
      yearFlag: yearTaskFlag(yearTask, yearAllocated, t),
      lastYearRate: null,
      trend: 'none',
    };
  };
  const units = withRanks(unitRows);
  // Not reported, but with an allocation task: the task counts; nothing raised or allocated is known.
  const unreported = unreportedRows<PublicRentalRow>(ctx, 'publicRental', 'rentalTask', (target) => ({
    raised: 0,
    allocated: 0,
    allocatedMonth: UNKNOWN_INCREASE,
    rate: null,
    flag: 'none',
    rank: null,
    yearTask: target,
    taskFromTarget: true,
    yearAllocated: 0,
    yearRate: null,
    yearFlag: 'none',
    lastYearRate: null,
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
