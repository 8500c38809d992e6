// Number wording of the bulletin (通报): 万套/套, 户, 个, 亿元 and rates, from exact integers, rounded half up.
// All arithmetic is on integers (counts, yuan, numerator/denominator) so that 0.125 never rounds to 0.12.

/** Divide two non-negative integers and round half up to an integer (exact, no float division). */
function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

/** Render an integer count of 1/10^decimals as a decimal string with exactly `decimals` places. */
function fixed(scaled: bigint, decimals: number): string {
  const negative = scaled < 0n;
  const abs = negative ? -scaled : scaled;
  const text = abs.toString().padStart(decimals + 1, '0');
  const whole = decimals === 0 ? text : text.slice(0, -decimals);
  const frac = decimals === 0 ? '' : `.${text.slice(-decimals)}`;
  return `${negative ? '-' : ''}${whole}${frac}`;
}

/** Drop trailing zeros after the decimal point: 9.5270 → 9.527, 25.00 → 25. */
function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

/** The threshold at which housing units are written in 万套. */
export const WAN = 10_000;

/**
 * Housing units (套): 10,000 or more in 万套, fewer in 套.
 * 'plan' (plans and tasks) is exact with trailing zeros dropped (95270 → 9.527万套);
 * 'achieved' is rounded half up to two decimals (81912 → 8.19万套).
 */
export function formatHousing(count: number, kind: 'plan' | 'achieved'): string {
  if (Math.abs(count) < WAN) return `${count}套`;
  if (kind === 'plan') return `${trimZeros(fixed(BigInt(count), 4))}万套`;
  return `${fixed(divideHalfUp(BigInt(count), 100n), 2)}万套`;
}

/** Households, always in 户 without separators: 38344户. */
export function formatHouseholds(count: number): string {
  return `${count}户`;
}

/** Projects in 个. */
export function formatProjects(count: number): string {
  return `${count}个`;
}

const YUAN_PER_HUNDREDTH_YI = 1_000_000n;

/** Money in 亿元 to two decimals, half up, trailing zeros dropped as the 2018 text does: 310.04亿元, 25亿元, 1.2亿元. */
export function formatYi(yuan: number): string {
  return `${formatYiNumber(yuan)}亿元`;
}

/** The 亿元 figure alone, two decimals half up, trailing zeros dropped. */
export function formatYiNumber(yuan: number): string {
  const negative = yuan < 0;
  const hundredths = divideHalfUp(BigInt(Math.abs(Math.round(yuan))), YUAN_PER_HUNDREDTH_YI);
  return `${negative && hundredths > 0n ? '-' : ''}${trimZeros(fixed(hundredths, 2))}`;
}

/**
 * A rate numerator/denominator as a percent with `decimals` places, half up: province rates 2 (86.02%), unit
 * rates 1 (5.2%, 47.0%). A zero rate is written `0` (农安县（开工率为0）). Null when the denominator is 0.
 */
export function formatRatio(numerator: number, denominator: number, decimals: 1 | 2): string | null {
  if (denominator === 0) return null;
  if (numerator === 0) return '0';
  const scale = 10n ** BigInt(decimals + 2);
  const negative = numerator < 0 !== denominator < 0;
  const value = divideHalfUp(BigInt(Math.abs(numerator)) * scale, BigInt(Math.abs(denominator)));
  return `${negative ? '-' : ''}${fixed(value, decimals)}%`;
}

/** A rate already computed as a percent number (86.0234 → 86.02%), for calc results given as floats. */
export function formatPercent(percent: number, decimals: 1 | 2): string {
  if (percent === 0) return '0';
  // Scale through a string to avoid 1.005*100 = 100.49999 style float slips.
  const scaled = Number(`${Math.abs(percent)}e${decimals}`);
  const rounded = BigInt(Math.floor(scaled + 0.5));
  return `${percent < 0 ? '-' : ''}${fixed(rounded, decimals)}%`;
}

/** Join unit names with the enumeration comma: 农安县、伊通县. */
export function joinNames(names: readonly string[]): string {
  return names.join('、');
}

/** Month increase wording: 9月无新增 or 9月新增1.22亿元. */
export function monthIncreaseYi(month: number, yuan: number): string {
  return yuan === 0 ? `${month}月无新增` : `${month}月新增${formatYi(yuan)}`;
}
