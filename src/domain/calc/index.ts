// The analysis of a period (the five attachments' figures, flags, ranks and lists) and the province trends.
// Pure: it takes returns already read from the database and returns plain rows.
import { periodLabel, previousMonth, previousPeriod } from '../period';
import { hasAnyTarget, targetYearOf, type YearTargets } from '../targets';
import type { ParsedReturn, PeriodKey, UnitId } from '../types';
import type { UnitRegister } from '../units';
import { analyseCarryOver } from './carry-over';
import type { CalcContext } from './context';
import { analyseExpropriation } from './expropriation';
import { makeRate } from './format';
import { analyseLoan } from './loan';
import { analysePublicRental } from './public-rental';
import { analyseStart } from './start';
import type { AnalysePeriodInput, PeriodAnalysis, TrendPoint } from './types';

const NO_YEAR_TARGETS: YearTargets = new Map();

function hasTarget(targets: YearTargets, unitId: UnitId): boolean {
  const t = targets.get(unitId);
  return t !== undefined && hasAnyTarget(t);
}

export { PROVINCE_ROW_ID, PROVINCE_ROW_NAME } from './context';
export type { FigureColumn, FigureRow, FigureValue } from './figures';
export { figureColumns } from './figures';
export * from './format';
export { comparePinyin } from './sort';
export type * from './types';

function byUnit(
  returns: readonly ParsedReturn[] | undefined,
  register: UnitRegister,
): Map<UnitId, ParsedReturn> {
  const out = new Map<UnitId, ParsedReturn>();
  // Units outside the register cannot be grouped or named: they are left out.
  for (const r of returns ?? []) if (register.unit(r.unitId)) out.set(r.unitId, r);
  return out;
}

/** Everything the tables, charts, bulletin and exports show for one period. */
export function analysePeriod({
  returnsByPeriod,
  period,
  register,
  thresholds,
  targets = NO_YEAR_TARGETS,
}: AnalysePeriodInput): PeriodAnalysis {
  const prev = previousPeriod(period);
  const prevMonth = previousMonth(period);
  const ctx: CalcContext = {
    period,
    previousPeriod: prev,
    previousMonth: prevMonth,
    register,
    thresholds,
    current: byUnit(returnsByPeriod.get(period), register),
    previous: prev ? byUnit(returnsByPeriod.get(prev), register) : new Map(),
    previousStock: byUnit(returnsByPeriod.get(prevMonth), register),
    targets,
    warnings: [],
  };
  return {
    period,
    previousPeriod: prev,
    previousMonth: prevMonth,
    thresholds,
    reportedUnits: register.units.filter((u) => ctx.current.has(u.id)).map((u) => u.id),
    missingUnits: register.units.filter((u) => !ctx.current.has(u.id)).map((u) => u.id),
    targetUnits: register.units.filter((u) => hasTarget(targets, u.id)).map((u) => u.id),
    start: analyseStart(ctx),
    loan: analyseLoan(ctx),
    expropriation: analyseExpropriation(ctx),
    carryOver: analyseCarryOver(ctx),
    publicRental: analysePublicRental(ctx),
    warnings: ctx.warnings,
  };
}

/**
 * The province figures of every stored period, oldest first. With a year's targets, the plan is each unit's
 * target (a unit without a return counts with its target), as in analysePeriod.
 */
export function analyseTrends(
  returnsByPeriod: Map<PeriodKey, readonly ParsedReturn[]>,
  register: UnitRegister,
  targetsOf: (year: number) => YearTargets | undefined = () => undefined,
): TrendPoint[] {
  const periods = [...returnsByPeriod.keys()].sort();
  return periods.map((period): TrendPoint => {
    const current = byUnit(returnsByPeriod.get(period), register);
    const returns = [...current.values()];
    const targets = targetsOf(targetYearOf(period)) ?? NO_YEAR_TARGETS;
    let plan = 0;
    let started = 0;
    let credit = 0;
    let disbursed = 0;
    let expropriatedTotal = 0;
    let carryOverCount = 0;
    let raised = 0;
    let allocated = 0;
    for (const unit of register.units) {
      const target = targets.get(unit.id)?.startPlan ?? null;
      const own = current.get(unit.id)?.tables.start;
      if (target !== null) plan += target;
      else if (own) plan += own.plan;
    }
    for (const { tables } of returns) {
      started += tables.start?.started ?? 0;
      for (const line of tables.loan?.banks ?? []) {
        credit += line.credit;
        disbursed += line.disbursed;
      }
      expropriatedTotal +=
        (tables.expropriation?.expropriated ?? 0) + (tables.expropriation?.demolished ?? 0);
      carryOverCount += tables.carryOver?.length ?? 0;
      raised += tables.publicRental?.raised ?? 0;
      allocated += tables.publicRental?.allocated ?? 0;
    }
    return {
      period,
      label: periodLabel(period),
      unitsReported: returns.length,
      plan,
      started,
      startRate: makeRate(started, plan),
      credit,
      disbursed,
      expropriatedTotal,
      carryOverCount,
      raised,
      allocated,
      allocationRate: makeRate(allocated, raised),
    };
  });
}
