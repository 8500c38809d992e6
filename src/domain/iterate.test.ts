// Loops for long arrays: the same answers as the spread forms, and none of their stack overflows.
import { describe, expect, it } from 'vitest';
import { maxOf, minOf, pushAll } from './iterate';

describe('iterate', () => {
  it.each([
    [[3, 1, 2], 3, 1],
    [[-5], -5, -5],
    [[0, -0, 7.5, 7.4], 7.5, 0],
  ])('maxOf / minOf %j', (values, max, min) => {
    expect(maxOf(values, Number.NaN)).toBe(max);
    expect(minOf(values, Number.NaN)).toBe(min);
  });

  it('gives `empty` for no values', () => {
    expect(maxOf([], 0)).toBe(0);
    expect(minOf([], Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
  });

  it('handles 1,000,000 values, where the spread forms overflow the stack', () => {
    const values = Array.from({ length: 1_000_000 }, (_, i) => (i * 7919) % 1_000_003);
    expect(() => Math.max(...values)).toThrow(RangeError);
    expect(maxOf(values, 0)).toBe(values.reduce((a, b) => Math.max(a, b), 0));
    const target = [1];
    expect(() => target.slice().push(...values)).toThrow(RangeError);
    expect(pushAll(target, values)).toHaveLength(1_000_001);
    expect(target[1_000_000]).toBe(values[999_999]);
  });
});
