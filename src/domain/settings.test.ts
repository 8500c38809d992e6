// withDefaultThresholds: whatever was stored, the thresholds in force are complete and numeric.
import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, type Thresholds, withDefaultThresholds } from './settings';

const keys = Object.keys(DEFAULT_THRESHOLDS) as (keyof Thresholds)[];

describe('withDefaultThresholds', () => {
  it.each([undefined, null, 'x', 42, []])('gives the defaults for a stored %j', (stored) => {
    expect(withDefaultThresholds(stored)).toEqual(DEFAULT_THRESHOLDS);
  });

  // Every single key stored alone: that key is taken, the others are the defaults.
  it.each(keys)('takes a stored %s and fills the rest', (key) => {
    const got = withDefaultThresholds({ [key]: 37.5 });
    expect(got[key]).toBe(37.5);
    for (const other of keys) if (other !== key) expect(got[other]).toBe(DEFAULT_THRESHOLDS[other]);
  });

  it.each([['62'], [Number.NaN], [Number.POSITIVE_INFINITY], [null]])(
    'ignores a stored value %j that is no finite number',
    (value) => {
      expect(withDefaultThresholds({ startWarning: value }).startWarning).toBe(
        DEFAULT_THRESHOLDS.startWarning,
      );
    },
  );

  it('keeps a complete stored set and drops unknown keys', () => {
    const stored = { ...Object.fromEntries(keys.map((k, i) => [k, i + 1])), legacy: 5 };
    const got = withDefaultThresholds(stored);
    expect(Object.keys(got).sort()).toEqual([...keys].sort());
    keys.forEach((k, i) => {
      expect(got[k]).toBe(i + 1);
    });
  });

  it('does not change the defaults it starts from', () => {
    withDefaultThresholds({ startTarget: 1 });
    expect(DEFAULT_THRESHOLDS.startTarget).toBe(100);
  });
});
