// The overview's figures and changes as text: the 数据 tables' own formats (counts with separators, 亿元 and
// rates to two decimals, exact) with the unit written after, and a change with its sign. Unknown is '—', never 0.
import type { FigureKind } from '../domain/calc/overview';
import type { Rate } from '../domain/calc/types';
import { DASH, formatCount, formatPercent, formatYi } from './data-table/format';

export const FIGURE_UNIT: Record<FigureKind, string> = {
  dwellings: '套',
  yuan: '亿元',
  households: '户',
  projects: '个',
  rate: '%',
};

/** The figure as the 数据 table's cell shows it (without the unit): '86.02', '81,948', '310.04'. */
export function figureNumber(kind: FigureKind, value: Rate | null): string {
  if (value === null) return DASH;
  if (kind === 'rate') return formatPercent(value);
  // Counts and money are whole numbers (den 1): their differences too.
  const n = value.num / value.den;
  return kind === 'yuan' ? formatYi(n) : formatCount(n);
}

/** '86.02%', '81,948套', '310.04亿元'; '—' without a value. */
export function formatFigure(kind: FigureKind, value: Rate | null): string {
  return value === null ? DASH : `${figureNumber(kind, value)}${FIGURE_UNIT[kind]}`;
}

/** A change with its sign: '+1.22亿元', '-5套', '+3.10个百分点', '0套'; '—' when it cannot be known. */
export function formatDelta(kind: FigureKind, delta: Rate | null): string {
  if (delta === null) return DASH;
  const sign = delta.num > 0 ? '+' : '';
  const unit = kind === 'rate' ? '个百分点' : FIGURE_UNIT[kind];
  return `${sign}${figureNumber(kind, delta)}${unit}`;
}
