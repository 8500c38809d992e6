// Comparators for the data tables: numbers as numbers, Chinese names in pinyin order, empty values last.
import { comparePinyin } from '../../domain/calc/sort';

export { comparePinyin };

export type SortValue = number | string | null;

/** Names compare in pinyin order; numbers numerically; a number sorts before a name. */
export function compareValues(a: Exclude<SortValue, null>, b: Exclude<SortValue, null>): number {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) ? (Number.isNaN(b) ? 0 : 1) : -1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return comparePinyin(a, b);
}

/**
 * Sort rows by one value, ascending or descending, with null (e.g. a rate without a plan) always last:
 * a unit that has nothing to be measured on is neither best nor worst. Stable: ties keep their order.
 */
export function sortByValue<R>(rows: readonly R[], value: (row: R) => SortValue, desc = false): R[] {
  return rows
    .map((row, index) => ({ row, index, v: value(row) }))
    .sort((x, y) => {
      if (x.v === null || y.v === null) {
        if (x.v === y.v) return x.index - y.index;
        return x.v === null ? 1 : -1;
      }
      const c = compareValues(x.v, y.v);
      return c !== 0 ? (desc ? -c : c) : x.index - y.index;
    })
    .map((x) => x.row);
}
