import { describe, expect, it } from 'vitest';
import { withKeys } from './keys';

describe('withKeys', () => {
  it.each([
    [[], []],
    [
      ['A', 'B'],
      ['A', 'B'],
    ],
    [
      ['A', 'A', 'B', 'A'],
      ['A', 'A#2', 'B', 'A#3'],
    ],
  ])('%o → %o', (names, keys) => {
    const out = withKeys(names, (n) => n);
    expect(out.map((k) => k.key)).toEqual(keys);
    expect(new Set(out.map((k) => k.key)).size).toBe(names.length);
    expect(out.map((k) => k.item)).toEqual(names);
  });
});
