// Cells given a value by hand in the review step (手工更正), applied to a sheet's grid before it is read: the
// cell reads as if it held the typed value. A correction made on another version of the file is refused.
import type { CellCorrection } from '../domain/types';
import type { Grid, GridCell, GridRow } from './grid';
import { cellText } from './grid';
import type { IssueLog } from './issue-log';

/** Row and column (0-based) of an A1 address; null for anything else. */
export function decodeAddress(address: string): { r: number; c: number } | null {
  const m = /^([A-Z]{1,3})([1-9]\d{0,6})$/.exec(address.trim().toUpperCase());
  if (!m) return null;
  let c = 0;
  for (const ch of m[1] as string) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { r: Number(m[2]) - 1, c: c - 1 };
}

/** Text as compared with a correction's `original`: the reader's text, spaces and widths aside. */
function comparable(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/** The row of a grid at sheet row r (rows are in order). */
export function gridRowAt(grid: Grid, r: number): GridRow | undefined {
  let lo = 0;
  let hi = grid.rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const row = grid.rows[mid] as GridRow;
    if (row.r === r) return row;
    if (row.r < r) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/**
 * The grid with the corrections of its sheet applied (a new grid; rows not corrected are shared). A
 * correction whose cell no longer holds its `original` text is an error of the file, naming the cell.
 */
export function applyCorrections(grid: Grid, corrections: readonly CellCorrection[], log: IssueLog): Grid {
  const own = corrections.filter((k) => k.sheet === grid.name);
  if (own.length === 0) return grid;
  const rows = new Map(grid.rows.map((row) => [row.r, row]));
  for (const k of own) {
    const at = decodeAddress(k.cell);
    if (!at) {
      log.error('correction.stale', grid.name, k.cell, { original: k.original, text: '' });
      continue;
    }
    const row = rows.get(at.r);
    const current = row?.cells.find((cell) => cell.c === at.c);
    const text = cellText(current).trim();
    if (comparable(text) !== comparable(k.original)) {
      log.error('correction.stale', grid.name, k.cell, { original: k.original, text }, { text });
      continue;
    }
    const cells = (row?.cells ?? []).filter((cell) => cell.c !== at.c);
    if (k.value.trim() !== '') {
      const typed: GridCell = { c: at.c, value: k.value, percent: false, date: false, error: false };
      cells.push(typed);
      cells.sort((a, b) => a.c - b.c);
    }
    if (cells.length > 0) rows.set(at.r, { r: at.r, cells });
    else rows.delete(at.r);
  }
  return { ...grid, rows: [...rows.values()].sort((a, b) => a.r - b.r) };
}
