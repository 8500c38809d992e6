import { describe, expect, it } from 'vitest';
import { makePeriod } from '../period';
import { analysisWindow } from './window';

describe('analysisWindow', () => {
  // Every month of two years: February to December read the month before once; January reads December of the
  // year before (stock figures) and no previous period.
  const months = Array.from({ length: 24 }, (_, i) => makePeriod(2017 + Math.floor(i / 12), (i % 12) + 1));
  it.each(months)('%s reads itself and the month before, once', (period) => {
    const window = analysisWindow(period);
    const index = months.indexOf(period);
    const before = index > 0 ? months[index - 1] : '2016-12';
    expect(window).toEqual([period, before]);
    expect(new Set(window).size).toBe(window.length);
  });
});
