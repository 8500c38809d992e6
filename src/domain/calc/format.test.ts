// Exact rate arithmetic and formatting, and the one family of 亿元 formats.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random';
import {
  compareRates,
  formatRate,
  formatYi,
  formatYiExact,
  formatYiShort,
  makeRate,
  rateAtLeast,
  rateToBp,
} from './format';
import { comparePinyin } from './sort';

describe('format', () => {
  it.each([
    [81948, 95270, 2, '86.02%'],
    [319600, 336200, 2, '95.06%'],
    [1043, 5000, 1, '20.9%'],
    [0, 800, 1, '0.0%'],
    [1, 8, 1, '12.5%'],
    [1, 16, 2, '6.25%'],
    [1, 3, 0, '33%'],
    [2, 3, 0, '67%'],
    [5, 0, 2, '—'],
  ])('formatRate(%i/%i, %i) = %s', (num, den, decimals, expected) => {
    expect(formatRate(makeRate(num, den), decimals)).toBe(expected);
  });

  it('gives no rate for a zero denominator', () => {
    expect(makeRate(3, 0)).toBeNull();
    expect(compareRates(null, makeRate(0, 1))).toBe(-1);
  });

  it.each([
    [31_004_000_000, '310.04'],
    [122_000_000, '1.22'],
    [2_500_000_000, '25.00'],
    [12_345_678, '0.12'],
    [12_500_000, '0.13'],
  ])('formatYi(%i) = %s', (yuan, expected) => {
    expect(formatYi(yuan)).toBe(expected);
  });

  // The family of 亿元 formats: messages and the diff view (exact), the bulletin (two places, no trailing zeros),
  // the tables and exports (two places).
  it.each([
    [1_246_000_000, '12.46', '12.46', '12.46', '12.46'],
    [2_500_000_000, '25.00', '25', '25', '25.00'],
    [312_500_000, '3.13', '3.13', '3.125', '3.125'],
    [10_000, '0.00', '0', '0.0001', '0.0001'],
    [1, '0.00', '0', '0.00000001', '0.00000001'],
    [0, '0.00', '0', '0', '0.00'],
    [120_000_000, '1.20', '1.2', '1.2', '1.20'],
    [-125_000_000, '-1.25', '-1.25', '-1.25', '-1.25'],
  ])(
    '%i yuan: formatYi %s, formatYiShort %s, formatYiExact %s (at least two places: %s)',
    (yuan, yi, short, exact, exact2) => {
      expect(formatYi(yuan)).toBe(yi);
      expect(formatYiShort(yuan)).toBe(short);
      expect(formatYiExact(yuan)).toBe(exact);
      expect(formatYiExact(yuan, 2)).toBe(exact2);
    },
  );

  it('formatYiExact gives back every yuan of generated amounts', () => {
    const random = seededRandom(7);
    for (let i = 0; i < 2000; i++) {
      const yuan = Math.floor(random() * 10 ** Math.floor(random() * 15));
      const [whole = '0', frac = ''] = formatYiExact(yuan).split('.');
      expect(BigInt(whole) * 100_000_000n + BigInt(frac.padEnd(8, '0') || '0'), `${yuan}`).toBe(BigInt(yuan));
    }
  });

  it('compares rates exactly at a threshold', () => {
    expect(rateAtLeast({ num: 60, den: 100 }, 60)).toBe(true);
    expect(rateAtLeast({ num: 5999, den: 10000 }, 60)).toBe(false);
    expect(rateAtLeast({ num: 2, den: 3 }, 66.667)).toBe(false);
    expect(rateAtLeast({ num: 2, den: 3 }, 66.666)).toBe(true);
    expect(rateToBp({ num: 319600, den: 336200 })).toBe(9506);
    // Products beyond 2^53 are compared exactly too.
    expect(compareRates({ num: 9_007_199_254_740_000, den: 3 }, { num: 9_007_199_254_740_001, den: 3 })).toBe(
      -1,
    );
    expect(compareRates({ num: 9_007_199_254_740_001, den: 7 }, { num: 9_007_199_254_740_001, den: 7 })).toBe(
      0,
    );
    expect(rateAtLeast({ num: 90_071_992_547_409, den: 90_071_992_547_409 }, 100)).toBe(true);
    expect(rateAtLeast({ num: 90_071_992_547_408, den: 90_071_992_547_409 }, 100)).toBe(false);
  });

  it('sorts Chinese names by pinyin', () => {
    expect(['舒兰市', '安图县', '白城市', '珲春市', '敦化市'].sort(comparePinyin)).toEqual([
      '安图县',
      '白城市',
      '敦化市',
      '珲春市',
      '舒兰市',
    ]);
  });
});
