import { describe, expect, it } from 'vitest';
import { formatCount, formatPercent, formatRateBp, formatYi } from './format';

describe('formatCount', () => {
  it.each([
    [95270, '95,270'],
    [0, '0'],
    [336200, '336,200'],
    [1234567, '1,234,567'],
    [null, '—'],
  ])('%s → %s', (value, text) => {
    expect(formatCount(value)).toBe(text);
  });
});

describe('formatYi', () => {
  it.each([
    [31_004_000_000, '310.04'],
    [25_232_000_000, '252.32'],
    [2_500_000_000, '25.00'],
    [120_000_000, '1.20'],
    [0, '0.00'],
    [1_234_567_890_123, '12,345.68'],
    // Half up on the exact integer: 0.005亿 = 500,000 yuan.
    [500_000, '0.01'],
    [499_999, '0.00'],
    [null, '—'],
  ])('%s yuan → %s 亿元', (yuan, text) => {
    expect(formatYi(yuan)).toBe(text);
  });
});

describe('formatPercent', () => {
  it.each([
    [{ num: 81948, den: 95270 }, 2, '86.02'],
    [{ num: 319600, den: 336200 }, 2, '95.06'],
    [{ num: 1043, den: 5000 }, 1, '20.9'],
    [{ num: 0, den: 10 }, 2, '0.00'],
    [{ num: 1, den: 1 }, 2, '100.00'],
    [{ num: 125, den: 1 }, 0, '12,500'],
    [null, 2, '—'],
  ])('%o to %i digits → %s', (rate, digits, text) => {
    expect(formatPercent(rate, digits)).toBe(text);
  });
});

describe('formatRateBp', () => {
  it.each([
    [9506, '95.06'],
    [520, '5.20'],
    [0, '0.00'],
    [null, '—'],
  ])('%s → %s', (bp, text) => {
    expect(formatRateBp(bp)).toBe(text);
  });
});
