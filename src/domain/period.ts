// Reporting periods: a cutoff date names a period ('2018-09'), labelled 2018年1-9月, cumulative since January 1st.
import type { PeriodKey } from './types';

const PERIOD_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isPeriodKey(value: string): value is PeriodKey {
  return PERIOD_RE.test(value);
}

export function periodParts(period: PeriodKey): { year: number; month: number } {
  const m = PERIOD_RE.exec(period);
  if (!m) throw new Error(`not a period: ${period}`);
  return { year: Number(m[1]), month: Number(m[2]) };
}

export function makePeriod(year: number, month: number): PeriodKey {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The period a cutoff date (ISO 'YYYY-MM-DD') belongs to: its month. */
export function periodOfCutoff(isoDate: string): PeriodKey {
  return isoDate.slice(0, 7);
}

/** The last day of the period's month, ISO. */
export function defaultCutoff(period: PeriodKey): string {
  const { year, month } = periodParts(period);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${period}-${String(last).padStart(2, '0')}`;
}

/** 2018年1-9月; January is 2018年1月. */
export function periodLabel(period: PeriodKey): string {
  const { year, month } = periodParts(period);
  return month === 1 ? `${year}年1月` : `${year}年1-${month}月`;
}

/** The previous period within the same year, for cumulative figures; January has none. */
export function previousPeriod(period: PeriodKey): PeriodKey | null {
  const { year, month } = periodParts(period);
  return month === 1 ? null : makePeriod(year, month - 1);
}

/** The previous month, across the year boundary, for stock figures (public rental, carry-over projects). */
export function previousMonth(period: PeriodKey): PeriodKey {
  const { year, month } = periodParts(period);
  return month === 1 ? makePeriod(year - 1, 12) : makePeriod(year, month - 1);
}

/** '截止9月30日' style: month and day of the cutoff. */
export function cutoffMonthDay(isoDate: string): { month: number; day: number } {
  return { month: Number(isoDate.slice(5, 7)), day: Number(isoDate.slice(8, 10)) };
}
