// A unit's key figures in every stored period, from calc: each period is analysed with only this unit's
// returns (its row depends on nothing else), so ten years of history stay cheap.
import {
  analysePeriod,
  type ExpropriationRow,
  type LoanRow,
  type PublicRentalRow,
  type StartRow,
} from '../../domain/calc';
import { previousMonth, previousPeriod } from '../../domain/period';
import type { Thresholds } from '../../domain/settings';
import { targetYearOf, type YearTargets } from '../../domain/targets';
import type { ParsedReturn, PeriodKey, UnitId } from '../../domain/types';
import type { UnitRegister } from '../../domain/units';

export interface UnitHistoryPoint {
  period: PeriodKey;
  start?: StartRow;
  loan?: LoanRow;
  expropriation?: ExpropriationRow;
  /** Unfinished carry-over projects (undefined: the table was not reported). */
  carryOverCount?: number;
  publicRental?: PublicRentalRow;
}

export function unitHistory(
  returnsByPeriod: ReadonlyMap<PeriodKey, readonly ParsedReturn[]>,
  unitId: UnitId,
  register: UnitRegister,
  thresholds: Thresholds,
  targetsOf: (year: number) => YearTargets | undefined = () => undefined,
): UnitHistoryPoint[] {
  const own = new Map<PeriodKey, ParsedReturn[]>();
  for (const [period, returns] of returnsByPeriod) {
    const r = returns.find((x) => x.unitId === unitId);
    if (r) own.set(period, [r]);
  }
  const periods = [...own.keys()].sort();
  return periods.map((period) => {
    const slice = new Map<PeriodKey, ParsedReturn[]>();
    for (const p of [period, previousPeriod(period), previousMonth(period)]) {
      const r = p ? own.get(p) : undefined;
      if (p && r) slice.set(p, r);
    }
    // The unit's own target for the year, as the province analysis uses it.
    const target = targetsOf(targetYearOf(period))?.get(unitId);
    const targets: YearTargets = target ? new Map([[unitId, target]]) : new Map();
    const a = analysePeriod({ returnsByPeriod: slice, period, register, thresholds, targets });
    const find = <R extends { id: string }>(rows: readonly R[]) => rows.find((row) => row.id === unitId);
    return {
      period,
      start: find(a.start.units),
      loan: find(a.loan.units),
      expropriation: find(a.expropriation.units),
      carryOverCount: find(a.carryOver.units)?.count,
      publicRental: find(a.publicRental.units),
    };
  });
}
