// Row filters of the data tables: free text over the row's words, a prefecture (or group), and a flag.
import { normaliseName } from '../../domain/units';

export interface RowFilter {
  /** Words typed by the user; every word must appear in one of the row's texts. */
  text: string;
  /** A group id (prefecture or 省直管); '' for all. */
  group: string;
  /** A flag key (e.g. 'lagging'); '' for all. */
  flag: string;
}

export const NO_FILTER: RowFilter = { text: '', group: '', flag: '' };

export interface FilterAccessors<R> {
  /** The texts a row can be found by: its unit name, full name, prefecture, project names… */
  texts: (row: R) => readonly string[];
  /** The group the row belongs to. */
  group: (row: R) => string | null;
  /** The flags the row carries (several flags can hold at once: 滞后 and 低于预警线). */
  flags: (row: R) => readonly string[];
}

function words(text: string): string[] {
  return text
    .split(/[\s,，、;；]+/)
    .map((w) => normaliseName(w).toLowerCase())
    .filter((w) => w.length > 0);
}

/** Keep the rows that pass every active filter, in their order. */
export function filterRows<R>(rows: readonly R[], filter: RowFilter, get: FilterAccessors<R>): R[] {
  const wanted = words(filter.text);
  return rows.filter((row) => {
    if (filter.group && get.group(row) !== filter.group) return false;
    if (filter.flag && !get.flags(row).includes(filter.flag)) return false;
    if (wanted.length > 0) {
      const hay = get
        .texts(row)
        .map((t) => normaliseName(t).toLowerCase())
        .join('\u0000');
      if (!wanted.every((w) => hay.includes(w))) return false;
    }
    return true;
  });
}

/** How many rows carry each flag (for the flag filter's options: 滞后（22）). */
export function countFlags<R>(rows: readonly R[], flags: (row: R) => readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const row of rows) for (const flag of new Set(flags(row))) out.set(flag, (out.get(flag) ?? 0) + 1);
  return out;
}
