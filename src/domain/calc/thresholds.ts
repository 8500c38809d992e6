// Checking thresholds a user typed before they are saved: each a number in range, and the pairs in order.
import type { Thresholds } from '../settings';

export interface ThresholdField {
  key: keyof Thresholds;
  label: string;
  unit: '%' | '个';
  help: string;
}

/** The thresholds in the order the settings page shows them, with their Chinese labels. */
export const THRESHOLD_FIELDS: readonly ThresholdField[] = [
  { key: 'startTarget', label: '开工率目标', unit: '%', help: '开工率达到此值的市县列为“达到目标”。' },
  {
    key: 'startWarning',
    label: '开工率预警线',
    unit: '%',
    help: '开工率低于此值的市县在通报中点名并注明开工率。',
  },
  {
    key: 'expropriationAhead',
    label: '征收进展较快',
    unit: '%',
    help: '征收完成率达到此值的市县列为“进展较快”。',
  },
  {
    key: 'expropriationBehind',
    label: '征收进度缓慢',
    unit: '%',
    help: '征收完成率低于此值的市县列为“进度缓慢”。',
  },
  {
    key: 'carryOverMany',
    label: '结转项目较多',
    unit: '个',
    help: '未完成拆迁结转项目达到此数的市县在通报中点名。',
  },
  {
    key: 'allocationTarget',
    label: '公租房分配目标',
    unit: '%',
    help: '分配率达到此值的市县列为“达到目标”。',
  },
  { key: 'allocationLow', label: '公租房分配率偏低', unit: '%', help: '分配率低于此值的市县在通报中点名。' },
];

export interface ThresholdProblem {
  key: keyof Thresholds;
  message: string;
}

const label = (key: keyof Thresholds) => THRESHOLD_FIELDS.find((f) => f.key === key)?.label ?? key;

/** Problems with the thresholds, in Chinese; an empty list means they can be saved. */
export function checkThresholds(t: Thresholds): ThresholdProblem[] {
  const problems: ThresholdProblem[] = [];
  for (const f of THRESHOLD_FIELDS) {
    const v = t[f.key];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      problems.push({ key: f.key, message: `${f.label}必须是数字。` });
    } else if (f.unit === '个' && (!Number.isInteger(v) || v < 1)) {
      problems.push({ key: f.key, message: `${f.label}必须是不小于1的整数。` });
    } else if (f.unit === '%' && (v < 0 || v > 1000)) {
      problems.push({ key: f.key, message: `${f.label}必须在0%到1000%之间。` });
    }
  }
  const order: [keyof Thresholds, keyof Thresholds][] = [
    ['startWarning', 'startTarget'],
    ['expropriationBehind', 'expropriationAhead'],
    ['allocationLow', 'allocationTarget'],
  ];
  for (const [low, high] of order) {
    if (problems.some((p) => p.key === low || p.key === high)) continue;
    if (t[low] > t[high]) {
      problems.push({
        key: low,
        message: `${label(low)}（${t[low]}%）不能高于${label(high)}（${t[high]}%）。`,
      });
    }
  }
  return problems;
}
