// A1 cell addresses as Excel writes them (column letters, 1-based rows), parsed and written without a
// spreadsheet library, for the review grid and the problem list.

export interface CellPos {
  /** 0-based row. */
  r: number;
  /** 0-based column. */
  c: number;
}

export interface RangePos {
  s: CellPos;
  e: CellPos;
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLabel(c: number): string {
  let out = '';
  let n = c + 1;
  while (n > 0) {
    const rest = (n - 1) % 26;
    out = String.fromCharCode(65 + rest) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function cellLabel(pos: CellPos): string {
  return `${columnLabel(pos.c)}${pos.r + 1}`;
}

/** 'D4' → { r: 3, c: 3 }; '$D$4' too; anything else → null. */
export function parseCell(address: string): CellPos | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(address.trim().toUpperCase());
  if (!m) return null;
  let c = 0;
  for (const ch of m[1] as string) c = c * 26 + (ch.charCodeAt(0) - 64);
  const r = Number(m[2]) - 1;
  return r >= 0 ? { r, c: c - 1 } : null;
}

/** 'A3:H4' → its corners (a single cell 'D4' is a range of one). */
export function parseRange(range: string): RangePos | null {
  const [a, b] = range.split(':');
  const s = parseCell(a ?? '');
  const e = b === undefined ? s : parseCell(b);
  if (!s || !e) return null;
  return {
    s: { r: Math.min(s.r, e.r), c: Math.min(s.c, e.c) },
    e: { r: Math.max(s.r, e.r), c: Math.max(s.c, e.c) },
  };
}

export function inRange(pos: CellPos, range: RangePos): boolean {
  return pos.r >= range.s.r && pos.r <= range.e.r && pos.c >= range.s.c && pos.c <= range.e.c;
}
