// The flags of the data tables, in words: each calc flag becomes a label and a tone (.flag.ok/.warn/.bad),
// and the keys a row can be filtered by. The words follow the user's thresholds.
import type {
  AllocationFlag,
  ExpropriationFlag,
  LastYearTrend,
  StartFlag,
  YearTaskFlag,
} from '../../domain/calc';
import type { Thresholds } from '../../domain/settings';

export type Tone = 'ok' | 'warn' | 'bad' | 'info' | 'none';

export interface FlagText {
  label: string;
  tone: Tone;
}

export interface FlagOption {
  key: string;
  label: string;
}

export function startFlagText(flag: StartFlag, t: Thresholds): FlagText {
  switch (flag) {
    case 'reached':
      return { label: `达到目标（${t.startTarget}%）`, tone: 'ok' };
    case 'lagging':
      return { label: '滞后', tone: 'warn' };
    case 'below':
      return { label: `滞后，低于预警线（${t.startWarning}%）`, tone: 'bad' };
    case 'none':
      return { label: '无计划', tone: 'none' };
  }
}

/** A unit below the warning line is lagging too: the bulletin names it in both lists. */
export function startFilterKeys(flag: StartFlag): string[] {
  return flag === 'below' ? ['lagging', 'below'] : [flag];
}

export function startFlagOptions(t: Thresholds): FlagOption[] {
  return [
    { key: 'reached', label: `达到目标（≥${t.startTarget}%）` },
    { key: 'lagging', label: `滞后（<${t.startTarget}%）` },
    { key: 'below', label: `低于预警线（<${t.startWarning}%）` },
    { key: 'none', label: '无计划' },
  ];
}

export function expropriationFlagText(flag: ExpropriationFlag, t: Thresholds): FlagText {
  switch (flag) {
    case 'ahead':
      return { label: `进展较快（≥${t.expropriationAhead}%）`, tone: 'ok' };
    case 'middle':
      return { label: '正常推进', tone: 'info' };
    case 'behind':
      return { label: `进度缓慢（<${t.expropriationBehind}%）`, tone: 'bad' };
    case 'none':
      return { label: '无计划', tone: 'none' };
  }
}

export function expropriationFlagOptions(t: Thresholds): FlagOption[] {
  return [
    { key: 'ahead', label: `进展较快（≥${t.expropriationAhead}%）` },
    { key: 'middle', label: '正常推进' },
    { key: 'behind', label: `进度缓慢（<${t.expropriationBehind}%）` },
    { key: 'none', label: '无计划' },
  ];
}

export function allocationFlagText(flag: AllocationFlag, t: Thresholds): FlagText {
  switch (flag) {
    case 'target':
      return { label: `分配率达${t.allocationTarget}%`, tone: 'ok' };
    case 'middle':
      return { label: `未达${t.allocationTarget}%`, tone: 'warn' };
    case 'low':
      return { label: `低于${t.allocationLow}%`, tone: 'bad' };
    case 'none':
      return { label: '无房源', tone: 'none' };
  }
}

export function yearTaskFlagText(flag: YearTaskFlag): FlagText {
  switch (flag) {
    case 'done':
      return { label: '任务完成', tone: 'ok' };
    case 'partial':
      return { label: '部分完成', tone: 'warn' };
    case 'zero':
      return { label: '分配为零', tone: 'bad' };
    case 'none':
      return { label: '无任务', tone: 'none' };
  }
}

export function trendText(trend: LastYearTrend): FlagText {
  switch (trend) {
    case 'fell':
      return { label: '较上年下降', tone: 'bad' };
    case 'held':
      return { label: '未下降', tone: 'ok' };
    case 'none':
      return { label: '无法比较', tone: 'none' };
  }
}

export function publicRentalFilterKeys(
  flag: AllocationFlag,
  year: YearTaskFlag,
  trend: LastYearTrend,
): string[] {
  const keys: string[] = [flag, `year-${year}`];
  if (trend === 'fell') keys.push('fell');
  return keys;
}

export function publicRentalFlagOptions(t: Thresholds): FlagOption[] {
  return [
    { key: 'target', label: `分配率达${t.allocationTarget}%` },
    { key: 'middle', label: `分配率${t.allocationLow}%–${t.allocationTarget}%` },
    { key: 'low', label: `分配率低于${t.allocationLow}%` },
    { key: 'year-done', label: '本年任务完成' },
    { key: 'year-zero', label: '本年分配为零' },
    { key: 'fell', label: '较上年同期下降' },
  ];
}

export const LOAN_FLAG_OPTIONS: FlagOption[] = [
  { key: 'credit', label: '已取得授信' },
  { key: 'need-no-credit', label: '有需求未取得授信' },
];

export function loanFlagText(hasCredit: boolean, need: number | null): FlagText {
  if (hasCredit) return { label: '已取得授信', tone: 'ok' };
  if (need !== null && need > 0) return { label: '未取得授信', tone: 'bad' };
  return { label: '无授信', tone: 'none' };
}

export function loanFilterKeys(hasCredit: boolean, need: number | null): string[] {
  if (hasCredit) return ['credit'];
  if (need !== null && need > 0) return ['need-no-credit'];
  return [];
}

export function carryOverFlagOptions(t: Thresholds): FlagOption[] {
  return [
    { key: 'many', label: `项目较多（≥${t.carryOverMany}个）` },
    { key: 'added', label: '本月新增' },
    { key: 'finished', label: '本月有完成' },
  ];
}
