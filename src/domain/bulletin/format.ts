// Number wording of the bulletin (通报): 万套/套, 户, 个, 亿元 and rates, from exact integers, rounded half up, by
// calc's one family of exact formats (so that 0.125 never rounds to 0.12).
import { formatRatio, formatYiShort, trimZeros } from '../calc/format';

/** The threshold at which housing units are written in 万套. */
export const WAN = 10_000;

/**
 * Housing units (套): 10,000 or more in 万套, fewer in 套.
 * 'plan' (plans and tasks) is exact with trailing zeros dropped (95270 → 9.527万套);
 * 'achieved' is rounded half up to two decimals (81912 → 8.19万套).
 */
export function formatHousing(count: number, kind: 'plan' | 'achieved'): string {
  if (Math.abs(count) < WAN) return `${count}套`;
  if (kind === 'plan') return `${trimZeros(formatRatio(count, WAN, 4))}万套`;
  return `${formatRatio(count, WAN, 2)}万套`;
}

/** Households, always in 户 without separators: 38344户. */
export function formatHouseholds(count: number): string {
  return `${count}户`;
}

/** Projects in 个. */
export function formatProjects(count: number): string {
  return `${count}个`;
}

/** Money in 亿元 to two decimals, half up, trailing zeros dropped as the 2018 text does: 310.04亿元, 25亿元, 1.2亿元. */
export function formatYi(yuan: number): string {
  return `${formatYiShort(yuan)}亿元`;
}

/**
 * A rate numerator/denominator as a percent with `decimals` places, half up: province rates 2 (86.02%), unit
 * rates 1 (5.2%, 47.0%). A zero rate is written `0` (农安县（开工率为0）). Null when the denominator is 0.
 */
export function formatRatioPercent(numerator: number, denominator: number, decimals: 1 | 2): string | null {
  if (denominator === 0) return null;
  if (numerator === 0) return '0';
  return `${formatRatio(numerator * 100, denominator, decimals)}%`;
}

/** Join unit names with the enumeration comma: 农安县、伊通县. */
export function joinNames(names: readonly string[]): string {
  return names.join('、');
}

/** Month increase wording: 9月无新增 or 9月新增1.22亿元. */
export function monthIncreaseYi(month: number, yuan: number): string {
  return yuan === 0 ? `${month}月无新增` : `${month}月新增${formatYi(yuan)}`;
}
