// Cell formats of the data tables: counts with thousands separators, money in 亿元 to two decimals and rates
// in percent to two decimals (both exact, via calc's integer rounding). An absent figure is a dash, never 0.
import { formatRatio, formatYi as yi } from '../../domain/calc/format';
import type { Rate } from '../../domain/calc/types';

export const DASH = '—';

const grouping = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0, useGrouping: true });

// Thousands separators on the integer part of an exact decimal string ('12345.68' → '12,345.68').
function groupDecimal(text: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (!m) return text;
  return `${m[1]}${grouping.format(BigInt(m[2] ?? '0'))}${m[3] ?? ''}`;
}

/** 95270 → '95,270'. */
export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  return grouping.format(value);
}

/** Integer yuan → 亿元 with two decimals, rounded half up: 31_004_000_000 → '310.04'. */
export function formatYi(yuan: number | null | undefined): string {
  if (yuan === null || yuan === undefined || !Number.isFinite(yuan)) return DASH;
  return groupDecimal(yi(yuan));
}

/** A rate as a percent number without the sign (the header says （%）): 81948/95270 → '86.02'. */
export function formatPercent(rate: Rate | null | undefined, decimals = 2): string {
  if (rate === null || rate === undefined) return DASH;
  return groupDecimal(formatRatio(rate.num * 100, rate.den, decimals));
}

/** A declared rate in hundredths of a percent (9506) → '95.06'. */
export function formatRateBp(bp: number | null | undefined): string {
  if (bp === null || bp === undefined) return DASH;
  return formatRatio(bp, 100, 2);
}
