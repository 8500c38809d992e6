// Threshold checks before saving.
import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../settings';
import { checkThresholds, THRESHOLD_FIELDS } from './thresholds';

describe('checkThresholds', () => {
  it('accepts the defaults and labels every threshold', () => {
    expect(checkThresholds(DEFAULT_THRESHOLDS)).toEqual([]);
    expect(THRESHOLD_FIELDS.map((f) => f.key).sort()).toEqual(Object.keys(DEFAULT_THRESHOLDS).sort());
  });

  it.each<[Partial<Thresholds>, keyof Thresholds, RegExp]>([
    [{ startWarning: 120 }, 'startWarning', /开工率预警线（120%）不能高于开工率目标（100%）/],
    [{ expropriationBehind: 90 }, 'expropriationBehind', /不能高于征收进展较快/],
    [{ allocationLow: 101 }, 'allocationLow', /不能高于公租房分配目标/],
    [{ carryOverMany: 2.5 }, 'carryOverMany', /整数/],
    [{ carryOverMany: 0 }, 'carryOverMany', /不小于1/],
    [{ startTarget: Number.NaN }, 'startTarget', /必须是数字/],
    [{ startTarget: -5 }, 'startTarget', /0%到1000%/],
  ])('%j is refused', (change, key, message) => {
    const problems = checkThresholds({ ...DEFAULT_THRESHOLDS, ...change });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.key).toBe(key);
    expect(problems[0]?.message).toMatch(message);
  });
});
