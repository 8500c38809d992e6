// Exact rates and their formatting: a rate is a ratio of integers until it is shown; a zero denominator is "no rate".
import type { Rate } from './types';

/** The rate num/den, or null when den is 0 (no plan, nothing raised …): never 0 or Infinity. */
export function makeRate(num: number, den: number): Rate | null {
  return den === 0 ? null : { num, den };
}

/** The rate in percent (86.02… for 81948/95270), computed once at the edge; null stays null. */
export function ratePercent(rate: Rate | null): number | null {
  return rate === null ? null : (rate.num * 100) / rate.den;
}

// Exact decimal rounding, half up (away from zero), of num/den scaled by 10^scale, using BigInt so that
// products of large yuan amounts never lose precision.
function roundScaled(num: number, den: number, scale: number): bigint {
  const n = BigInt(num) * 10n ** BigInt(scale);
  const d = BigInt(den);
  const neg = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const q = (2n * an + ad) / (2n * ad);
  return neg ? -q : q;
}

function scaledToString(value: bigint, decimals: number): string {
  const neg = value < 0n;
  const digits = (neg ? -value : value).toString().padStart(decimals + 1, '0');
  const int = digits.slice(0, digits.length - decimals);
  const frac = digits.slice(digits.length - decimals);
  return `${neg ? '-' : ''}${int}${decimals > 0 ? `.${frac}` : ''}`;
}

/** The exact quotient num/den as a decimal string with `decimals` places, rounded half up. */
export function formatRatio(num: number, den: number, decimals: number): string {
  return scaledToString(roundScaled(num, den, decimals), decimals);
}

/** '86.02%' for 81948/95270 with 2 decimals; '—' for no rate. */
export function formatRate(rate: Rate | null, decimals = 2): string {
  if (rate === null) return '—';
  return `${formatRatio(rate.num * 100, rate.den, decimals)}%`;
}

/** The rate in hundredths of a percent, rounded half up (to compare with a declared RateBp). */
export function rateToBp(rate: Rate): number {
  return Number(roundScaled(rate.num * 10000, rate.den, 0));
}

/** Exact comparison of two rates; a null rate sorts below every rate. */
export function compareRates(a: Rate | null, b: Rate | null): number {
  if (a === null || b === null) return a === null ? (b === null ? 0 : -1) : 1;
  const left = a.num * b.den;
  const right = b.num * a.den;
  // Products of counts stay exact as doubles; only huge ones (yuan × yuan) need BigInt.
  if (Number.isSafeInteger(left) && Number.isSafeInteger(right))
    return left < right ? -1 : left > right ? 1 : 0;
  const l = BigInt(a.num) * BigInt(b.den);
  const r = BigInt(b.num) * BigInt(a.den);
  return l < r ? -1 : l > r ? 1 : 0;
}

// Thresholds are percents a user types (60, 62.5): compare in thousandths of a percent, exactly.
function percentScaled(percent: number): bigint {
  return BigInt(Math.round(percent * 1000));
}

/** rate ≥ percent (e.g. 100 for 100%), exactly. */
export function rateAtLeast(rate: Rate, percent: number): boolean {
  const scaled = Math.round(percent * 1000);
  const left = rate.num * 100_000;
  const right = scaled * rate.den;
  if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) return left >= right;
  return BigInt(rate.num) * 100_000n >= percentScaled(percent) * BigInt(rate.den);
}

// ---- The one family of 亿元 formats: money is integer yuan; every text of it in 亿元 comes from here.

const YUAN_PER_YI = 100_000_000;

/** Drop the zeros a decimal ends with, and the point when nothing is left after it: 25.00 → 25, 1.20 → 1.2. */
export function trimZeros(text: string, keep = 0): string {
  const point = text.indexOf('.');
  if (point < 0) return text;
  let end = text.length;
  while (end > point + 1 + keep && text[end - 1] === '0') end--;
  return text.slice(0, end === point + 1 ? point : end);
}

/** Integer yuan as 亿元 with `decimals` places, rounded half up: 31004000000 → '310.04'. */
export function formatYi(yuan: number, decimals = 2): string {
  return formatRatio(yuan, YUAN_PER_YI, decimals);
}

/** Integer yuan as 亿元 to two places, rounded half up, trailing zeros dropped (the bulletin's): 310.04, 25, 1.2. */
export function formatYiShort(yuan: number): string {
  return trimZeros(formatYi(yuan, 2));
}

/**
 * Integer yuan as 亿元 exactly (eight places at most), trailing zeros dropped but `minDecimals` kept:
 * 1246000000 → '12.46', 312500000 → '3.125', 2500000000 → '25' (or '25.00' with minDecimals 2).
 */
export function formatYiExact(yuan: number, minDecimals = 0): string {
  return trimZeros(formatYi(yuan, 8), minDecimals);
}

/** Integer yuan as a number of 亿元 (for chart axes only: never summed). */
export function yuanToYi(yuan: number): number {
  return yuan / YUAN_PER_YI;
}
