// The periods an analysis reads: the period, the one before it in the year (cumulative figures) and the previous
// month (stock figures, across the year boundary). A reader asks the store for these and nothing more.
import { previousMonth, previousPeriod } from '../period';
import type { PeriodKey } from '../types';

export function analysisWindow(period: PeriodKey): PeriodKey[] {
  const prev = previousPeriod(period);
  const month = previousMonth(period);
  return prev === month ? [period, prev] : [period, ...(prev ? [prev] : []), month];
}
