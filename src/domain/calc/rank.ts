// Ranking and ordering rows by an exact rate; rows without a rate are not ranked.
import { compareRates } from './format';
import { comparePinyin } from './sort';
import type { Rate } from './types';

interface Rated {
  name: string;
  rate: Rate | null;
  rank: number | null;
}

/** Rows with a rate, ordered by rate (desc: highest first), ties by pinyin of the name. */
export function orderByRate<Row extends Rated>(rows: readonly Row[], direction: 'desc' | 'asc'): Row[] {
  const sign = direction === 'desc' ? -1 : 1;
  return rows
    .filter((r) => r.rate !== null)
    .sort((a, b) => sign * compareRates(a.rate, b.rate) || comparePinyin(a.name, b.name));
}

/** Competition ranks (1, 2, 2, 4) by rate, highest first; rows without a rate keep rank null. Returns new rows. */
export function withRanks<Row extends Rated>(rows: readonly Row[]): Row[] {
  const ordered = orderByRate(rows, 'desc');
  const ranks = new Map<Row, number>();
  ordered.forEach((row, i) => {
    const prev = ordered[i - 1];
    const same = prev !== undefined && compareRates(prev.rate, row.rate) === 0;
    ranks.set(row, same ? (ranks.get(prev) ?? i + 1) : i + 1);
  });
  return rows.map((r) => ({ ...r, rank: ranks.get(r) ?? null }));
}
