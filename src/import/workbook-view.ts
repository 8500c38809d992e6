// The review step's view of a workbook: each sheet's cells as Excel shows them (number formats applied, row
// and column positions kept, merged ranges), bounded so a hostile sheet cannot flood the page. Read-only: the
// reader decides what a cell means; this only shows it.
import * as XLSX from 'xlsx';
import { ERROR_TEXT } from './grid';
import { openWorkbook } from './open-workbook';

export interface ViewCell {
  c: number;
  /** The text as Excel shows it (its number format applied). */
  shown: string;
  /** The cell's own text, as the reader compares it (a correction names it as the original). */
  text: string;
}

export interface ViewRow {
  r: number;
  cells: ViewCell[];
}

export interface ViewMerge {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface SheetView {
  name: string;
  hidden: boolean;
  rows: ViewRow[];
  merges: ViewMerge[];
  /** The last row and column with a cell shown (0-based; -1 for an empty sheet). */
  lastRow: number;
  lastCol: number;
  /** Cells beyond the bounds were left out. */
  truncated: boolean;
}

export interface WorkbookView {
  sheets: SheetView[];
}

/** Far beyond a return (a few dozen rows, a dozen columns), small enough for the page to draw. */
export const VIEW_MAX_ROWS = 400;
export const VIEW_MAX_COLS = 40;

function shownNumber(value: number, format: unknown): string {
  if (typeof format === 'string' && format !== 'General') {
    try {
      return XLSX.SSF.format(format, value);
    } catch {
      // An odd format falls back to the plain number.
    }
  }
  return String(value);
}

function viewCell(c: number, cell: XLSX.CellObject): ViewCell | null {
  switch (cell.t) {
    case 'n':
      return typeof cell.v === 'number'
        ? { c, shown: shownNumber(cell.v, cell.z), text: String(cell.v) }
        : null;
    case 's': {
      const text = typeof cell.v === 'string' ? cell.v : String(cell.v ?? '');
      return text === '' ? null : { c, shown: text, text };
    }
    case 'b':
      return { c, shown: cell.v ? 'TRUE' : 'FALSE', text: String(Boolean(cell.v)) };
    case 'e': {
      const text = ERROR_TEXT[typeof cell.v === 'number' ? cell.v : -1] ?? '#错误';
      return { c, shown: text, text };
    }
    case 'd': {
      const text = cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : String(cell.v ?? '');
      return { c, shown: text, text };
    }
    default:
      return null;
  }
}

function sheetView(name: string, ws: XLSX.WorkSheet, hidden: boolean): SheetView {
  const rows: ViewRow[] = [];
  let truncated = false;
  let lastRow = -1;
  let lastCol = -1;
  const data = ws['!data'] as (XLSX.CellObject[] | undefined)[] | undefined;
  const add = (r: number, c: number, cell: XLSX.CellObject | undefined) => {
    if (!cell) return;
    if (r >= VIEW_MAX_ROWS || c >= VIEW_MAX_COLS) {
      truncated = true;
      return;
    }
    const vc = viewCell(c, cell);
    if (!vc) return;
    let row = rows[rows.length - 1];
    if (!row || row.r !== r) {
      row = { r, cells: [] };
      rows.push(row);
    }
    row.cells.push(vc);
    lastRow = Math.max(lastRow, r);
    lastCol = Math.max(lastCol, c);
  };
  if (Array.isArray(data)) {
    // forEach skips the holes of a sparse array: a claimed million rows costs nothing.
    data.forEach((row, r) => {
      if (!Array.isArray(row)) return;
      row.forEach((cell, c) => {
        add(r, c, cell);
      });
    });
  } else {
    const keys = Object.keys(ws).filter((k) => !k.startsWith('!'));
    const cells = keys.map((k) => ({ pos: XLSX.utils.decode_cell(k), cell: ws[k] as XLSX.CellObject }));
    cells.sort((a, b) => a.pos.r - b.pos.r || a.pos.c - b.pos.c);
    for (const { pos, cell } of cells) add(pos.r, pos.c, cell);
  }
  const merges = (ws['!merges'] ?? [])
    .map((m) => ({
      r0: m.s.r,
      c0: m.s.c,
      r1: Math.min(m.e.r, VIEW_MAX_ROWS - 1),
      c1: Math.min(m.e.c, VIEW_MAX_COLS - 1),
    }))
    .filter((m) => m.r0 < VIEW_MAX_ROWS && m.c0 < VIEW_MAX_COLS && (m.r1 > m.r0 || m.c1 > m.c0));
  for (const m of merges) {
    lastRow = Math.max(lastRow, m.r1);
    lastCol = Math.max(lastCol, m.c1);
  }
  return { name, hidden, rows, merges, lastRow, lastCol, truncated };
}

/** The workbook's sheets as the review shows them, or null when the bytes are no readable workbook. */
export function workbookView(bytes: Uint8Array, fileName: string): WorkbookView | null {
  const opened = openWorkbook(bytes, fileName);
  if (!opened.ok) return null;
  const wb = opened.workbook;
  const sheets: SheetView[] = [];
  wb.SheetNames.forEach((name, index) => {
    if (!Object.hasOwn(wb.Sheets, name)) return;
    const ws = wb.Sheets[name] as XLSX.WorkSheet;
    // A chart sheet has no cells to show.
    if (!ws['!data'] && !ws['!ref']) return;
    sheets.push(sheetView(name, ws, Boolean(wb.Workbook?.Sheets?.[index]?.Hidden)));
  });
  return { sheets };
}
