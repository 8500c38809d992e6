// The bulletin's number wording, case by case against the 2018-10-10 text's own figures and the edges.
import { describe, expect, it } from 'vitest';
import {
  formatHouseholds,
  formatHousing,
  formatProjects,
  formatRatioPercent,
  formatYi,
  joinNames,
  monthIncreaseYi,
} from './format';

describe('formatHousing', () => {
  it.each([
    [95270, 'plan', '9.527万套'],
    [100000, 'plan', '10万套'],
    [10000, 'plan', '1万套'],
    [12345, 'plan', '1.2345万套'],
    [5000, 'plan', '5000套'],
    [9999, 'plan', '9999套'],
    [0, 'plan', '0套'],
    [81950, 'achieved', '8.20万套'],
    [81949, 'achieved', '8.19万套'],
    [81900, 'achieved', '8.19万套'],
    [336150, 'achieved', '33.62万套'],
    [319649, 'achieved', '31.96万套'],
    [10000, 'achieved', '1.00万套'],
    [1043, 'achieved', '1043套'],
  ] as const)('%i as %s → %s', (count, kind, expected) => {
    expect(formatHousing(count, kind)).toBe(expected);
  });
});

describe('formatYi', () => {
  it.each([
    [31_004_000_000, '310.04亿元'],
    [2_500_000_000, '25亿元'],
    [120_000_000, '1.2亿元'],
    [20_000_000_000, '200亿元'],
    [122_000_000, '1.22亿元'],
    [500_000, '0.01亿元'],
    [499_999, '0亿元'],
    [1_005_000_000, '10.05亿元'],
    [0, '0亿元'],
  ])('%i yuan → %s', (yuan, expected) => {
    expect(formatYi(yuan)).toBe(expected);
  });
});

describe('formatRatioPercent', () => {
  it.each([
    [81_950, 95_270, 2, '86.02%'],
    [0, 1000, 1, '0'],
    [52, 1000, 1, '5.2%'],
    [470, 1000, 1, '47.0%'],
    [1, 8, 2, '12.50%'],
    [1, 800, 1, '0.1%'],
    [1, 2000, 1, '0.1%'], // 0.05% rounds half up
    [1, 2001, 1, '0.0%'],
    [1000, 1000, 1, '100.0%'],
    [1043, 5000, 2, '20.86%'],
  ] as const)('%i/%i to %i places → %s', (num, den, places, expected) => {
    expect(formatRatioPercent(num, den, places)).toBe(expected);
  });

  it('has no rate without a denominator', () => {
    expect(formatRatioPercent(5, 0, 2)).toBeNull();
  });
});

describe('small wordings', () => {
  it.each([
    [() => formatHouseholds(38344), '38344户'],
    [() => formatProjects(78), '78个'],
    [() => joinNames(['农安县', '伊通县']), '农安县、伊通县'],
    [() => joinNames([]), ''],
    [() => monthIncreaseYi(9, 0), '9月无新增'],
    [() => monthIncreaseYi(9, 122_000_000), '9月新增1.22亿元'],
  ])('%#', (make, expected) => {
    expect(make()).toBe(expected);
  });
});
