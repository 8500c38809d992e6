// What the start-rate and allocation-rate charts share: their units with a rate, highest first, and a bar per unit.
import { comparePinyin, compareRates, formatRate, ratePercent } from '../../domain/calc';
import type { Rate } from '../../domain/calc/types';
import type { RateBar } from '../../ui/charts/rate-bar-chart';

interface UnitWithRate {
  id: string;
  name: string;
  rate: Rate | null;
}

/** The units with a rate (none without a plan or stock), highest rate first, ties by the name in pinyin. */
export function byRateDesc<R extends UnitWithRate>(units: readonly R[]): R[] {
  return units
    .filter((r) => r.rate !== null)
    .sort((a, b) => compareRates(b.rate, a.rate) || comparePinyin(a.name, b.name));
}

/** A unit's bar, coloured by its flag, with the rate written at its end and `details` in the tooltip. */
export function unitRateBar(r: UnitWithRate, colour: string, details: string[]): RateBar {
  return {
    id: r.id,
    name: r.name,
    percent: ratePercent(r.rate) ?? 0,
    colour,
    label: formatRate(r.rate),
    details,
  };
}
