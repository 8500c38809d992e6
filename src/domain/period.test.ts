import { describe, expect, it } from 'vitest';
import { defaultCutoff, periodLabel, periodOfCutoff, previousMonth, previousPeriod } from './period';

describe('period', () => {
  it.each([
    ['2018-09-30', '2018-09', '2018年1-9月', '2018-08', '2018-08'],
    ['2018-01-31', '2018-01', '2018年1月', null, '2017-12'],
    ['2018-12-31', '2018-12', '2018年1-12月', '2018-11', '2018-11'],
  ])('%s → %s (%s)', (cutoff, period, label, prev, prevMonth) => {
    expect(periodOfCutoff(cutoff)).toBe(period);
    expect(periodLabel(period)).toBe(label);
    expect(previousPeriod(period)).toBe(prev);
    expect(previousMonth(period)).toBe(prevMonth);
    expect(defaultCutoff(period)).toBe(cutoff);
  });
});
