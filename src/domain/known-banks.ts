// The banks a unit reported in its latest return: named on 表2 of its next blank template, so a county types
// figures against its banks instead of retyping their names.
import type { ParsedReturn, PeriodKey, UnitId } from './types';

/**
 * The banks of the unit's latest return (up to and including `upTo`) that has a 表2, in its order; none when
 * no such return is stored.
 */
export function knownBanks(
  returnsByPeriod: ReadonlyMap<PeriodKey, readonly ParsedReturn[]>,
  unitId: UnitId,
  upTo?: PeriodKey,
): string[] {
  const periods = [...returnsByPeriod.keys()].filter((p) => upTo === undefined || p <= upTo).sort();
  for (let i = periods.length - 1; i >= 0; i--) {
    const ret = returnsByPeriod.get(periods[i] ?? '')?.find((r) => r.unitId === unitId);
    if (ret?.tables.loan) return ret.tables.loan.banks.map((b) => b.bank);
  }
  return [];
}
