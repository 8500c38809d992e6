// A worksheet as the reader sees it: only the cells that exist (never the range a sheet claims), row by row,
// each with its value and whether its number format shows a percent or a date; plus the merged ranges.
import * as XLSX from 'xlsx';

export type CellValue = number | string | boolean | null;

export interface GridCell {
  c: number;
  value: CellValue;
  /** The number format shows a percent (0.416 displayed as 41.6%). */
  percent: boolean;
  /** The number format is a date: the number is an Excel serial day. */
  date: boolean;
  /** An Excel error value (#DIV/0! …). */
  error: boolean;
  /** A date whose format shows no day (yyyy"年"m"月", mmm-yy): it names a month. */
  monthOnly?: boolean;
  /** A formula saved without its result (written by a program, never calculated): value is null. */
  noResult?: boolean;
}

export interface GridRow {
  r: number;
  cells: GridCell[];
}

export interface Merge {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface Grid {
  name: string;
  rows: GridRow[];
  merges: Merge[];
}

/** Excel's error values by their code, as a cell shows them. */
export const ERROR_TEXT: Record<number, string> = {
  0: '#NULL!',
  7: '#DIV/0!',
  15: '#VALUE!',
  23: '#REF!',
  29: '#NAME?',
  36: '#NUM!',
  42: '#N/A',
};

interface FormatClass {
  percent: boolean;
  date: boolean;
  monthOnly?: boolean;
}

const formatCache = new Map<string, FormatClass>();

/** Classify a number format once: does it show a percent, or a date (with or without its day)? */
function classifyFormat(format: unknown): FormatClass {
  if (typeof format !== 'string' || format === 'General') return { percent: false, date: false };
  const cached = formatCache.get(format);
  if (cached) return cached;
  // A % inside quotes or escaped is literal text, not the percent format.
  const bare = format.replace(/"[^"]*"/g, '').replace(/\\./g, '');
  let date = false;
  try {
    date = Boolean(XLSX.SSF.is_date(format));
  } catch {
    date = false;
  }
  const out: FormatClass = { percent: bare.includes('%'), date };
  // Day tokens: d/dd (not the ddd/dddd weekday names alone); [$-…] locale tags and colours are no tokens.
  if (date && !/d/i.test(bare.replace(/\[[^\]]*\]/g, ''))) out.monthOnly = true;
  if (formatCache.size < 1000) formatCache.set(format, out);
  return out;
}

function toGridCell(c: number, cell: XLSX.CellObject): GridCell | null {
  const fmt = classifyFormat(cell.z);
  switch (cell.t) {
    case 'n':
      return typeof cell.v === 'number' ? { c, value: cell.v, ...fmt, error: false } : null;
    case 's': {
      const value = typeof cell.v === 'string' ? cell.v : String(cell.v ?? '');
      if (value.trim() === '') return null;
      return { c, value, percent: false, date: false, error: false };
    }
    case 'b':
      return { c, value: Boolean(cell.v), percent: false, date: false, error: false };
    case 'd': {
      const v = cell.v instanceof Date ? cell.v : new Date(String(cell.v));
      if (Number.isNaN(v.getTime())) return null;
      // A Date stands for a calendar day: its local date parts, as SheetJS built it, become a serial day.
      const serial =
        (Date.UTC(v.getFullYear(), v.getMonth(), v.getDate()) - Date.UTC(1899, 11, 30)) / 86_400_000;
      return { c, value: serial, percent: false, date: true, error: false };
    }
    case 'e':
      return {
        c,
        value: ERROR_TEXT[typeof cell.v === 'number' ? cell.v : -1] ?? '#错误',
        percent: false,
        date: false,
        error: true,
      };
    case 'z':
      // Stubs are blank cells, except a formula whose result was never saved: its figure is unknown.
      return (cell as { f?: unknown }).f
        ? { c, value: null, percent: false, date: false, error: false, noResult: true }
        : null;
    default:
      return null;
  }
}

/** Build the grid of a sheet from the cells it holds (dense or sparse storage alike). */
export function sheetGrid(name: string, sheet: XLSX.WorkSheet): Grid {
  const rows: GridRow[] = [];
  const data = sheet['!data'] as (XLSX.CellObject[] | undefined)[] | undefined;
  if (Array.isArray(data)) {
    // forEach skips the holes of a sparse array: a claimed range of a million rows costs nothing.
    data.forEach((row, r) => {
      if (!Array.isArray(row)) return;
      const cells: GridCell[] = [];
      row.forEach((cell, c) => {
        if (!cell) return;
        const gc = toGridCell(c, cell);
        if (gc) cells.push(gc);
      });
      if (cells.length > 0) rows.push({ r, cells });
    });
  } else {
    const byRow = new Map<number, GridCell[]>();
    for (const key of Object.keys(sheet)) {
      if (key.startsWith('!')) continue;
      const addr = XLSX.utils.decode_cell(key);
      const gc = toGridCell(addr.c, sheet[key] as XLSX.CellObject);
      if (!gc) continue;
      const list = byRow.get(addr.r) ?? [];
      list.push(gc);
      byRow.set(addr.r, list);
    }
    for (const [r, cells] of [...byRow.entries()].sort((a, b) => a[0] - b[0])) {
      rows.push({ r, cells: cells.sort((a, b) => a.c - b.c) });
    }
  }
  const merges = (sheet['!merges'] ?? []).map((m) => ({ r0: m.s.r, c0: m.s.c, r1: m.e.r, c1: m.e.c }));
  return { name, rows, merges };
}

/** A1 address of a zero-based row and column. */
export function cellAddress(r: number, c: number): string {
  return XLSX.utils.encode_cell({ r, c });
}

/** The text of a cell for labels and headers ('' when empty). */
export function cellText(cell: GridCell | undefined): string {
  if (!cell || cell.value === null) return '';
  return typeof cell.value === 'string' ? cell.value : String(cell.value);
}

export function cellAt(row: GridRow | undefined, c: number): GridCell | undefined {
  if (!row) return undefined;
  // Rows are short (a dozen cells): a linear scan is faster than building an index.
  for (const cell of row.cells) {
    if (cell.c === c) return cell;
    if (cell.c > c) return undefined;
  }
  return undefined;
}
