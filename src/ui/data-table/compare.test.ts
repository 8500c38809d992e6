import { describe, expect, it } from 'vitest';
import { compareValues, type SortValue, sortByValue } from './compare';

describe('compareValues', () => {
  it.each([
    [2, 10, -1],
    [10, 2, 1],
    [5, 5, 0],
    // Pinyin: an 安 < bai 白 < chang 长 < nong 农 < tong 通.
    ['安图县', '白城市', -1],
    ['长春市', '白城市', 1],
    ['农安县', '通化县', -1],
    // Place-name readings: 长春 is chang (before 大安 da), 珲春 is hun (after 辉南 hui; as hui-chun it would come first).
    ['长春市', '大安市', -1],
    ['长岭县', '磐石市', -1],
    ['珲春市', '辉南县', 1],
    ['通化市', '通化县', -1], // shi < xian
    [3, '安图县', -1],
  ] as [SortValue, SortValue, number][])('compares %s with %s → %i', (a, b, sign) => {
    expect(Math.sign(compareValues(a as never, b as never))).toBe(sign);
  });
});

describe('sortByValue', () => {
  const rows = [
    { name: '长春市', rate: 0.9 },
    { name: '农安县', rate: 0 },
    { name: '靖宇县', rate: null },
    { name: '伊通县', rate: 0.052 },
    { name: '安图县', rate: 1.2 },
  ];

  it('sorts numbers numerically with nulls last, ascending', () => {
    expect(sortByValue(rows, (r) => r.rate).map((r) => r.name)).toEqual([
      '农安县',
      '伊通县',
      '长春市',
      '安图县',
      '靖宇县',
    ]);
  });

  it('keeps nulls last when descending', () => {
    expect(sortByValue(rows, (r) => r.rate, true).map((r) => r.name)).toEqual([
      '安图县',
      '长春市',
      '伊通县',
      '农安县',
      '靖宇县',
    ]);
  });

  it('sorts names in pinyin order, not by code point', () => {
    const sorted = sortByValue(rows, (r) => r.name).map((r) => r.name);
    expect(sorted).toEqual(['安图县', '长春市', '靖宇县', '农安县', '伊通县']);
    // Code point order would put 伊 (U+4F0A) before 农 (U+519C) and 长 (U+957F) last.
    expect([...sorted].sort()).not.toEqual(sorted);
  });

  it('is stable for ties', () => {
    const tied = [
      { id: 'a', v: 1 },
      { id: 'b', v: 1 },
      { id: 'c', v: 0 },
    ];
    expect(sortByValue(tied, (r) => r.v).map((r) => r.id)).toEqual(['c', 'a', 'b']);
    expect(sortByValue(tied, (r) => r.v, true).map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });
});
