// Key–value cells of a header block (填报单位：农安县, 截止日期：2018年9月30日, 单位：套, 本年棚改需贷款（亿元）：12.50):
// in one cell (several keys may share it), or a key in one cell and its value in the next non-empty cell.
import { LOAN_NEED_KEYS } from '../domain/tables';
import type { GridCell, GridRow } from './grid';
import { cellText } from './grid';

export type KeyKind = 'unit' | 'cutoff' | 'sheetUnit' | 'need';

export interface KeyValue {
  kind: KeyKind;
  /** The value: text from the same cell, or the next cell's own value (a number or date serial). */
  value: GridCell | { c: number; value: string; percent: false; date: false; error: false };
  /** A unit in brackets after the key: 本年棚改需贷款（亿元）. */
  unit: string | null;
  /** Row and column of the cell holding the value. */
  r: number;
  c: number;
}

const KEYS: [string, KeyKind][] = [
  ['填报单位名称', 'unit'],
  ['填报单位', 'unit'],
  ['报送单位', 'unit'],
  ['填报市县', 'unit'],
  ['单位名称', 'unit'],
  ['统计截止日期', 'cutoff'],
  ['数据截止日期', 'cutoff'],
  ['截止日期', 'cutoff'],
  ['截至日期', 'cutoff'],
  ['截止时间', 'cutoff'],
  ['截至时间', 'cutoff'],
  ['统计日期', 'cutoff'],
  ['计量单位', 'sheetUnit'],
  ['金额单位', 'sheetUnit'],
  ['单位', 'sheetUnit'],
  ...LOAN_NEED_KEYS.map((k): [string, KeyKind] => [k, 'need']),
];

const KIND_BY_KEY = new Map(KEYS);

function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Longest keys first so 填报单位 wins over 单位 at the same place.
const KEY_ALTERNATION = [...KIND_BY_KEY.keys()]
  .sort((a, b) => b.length - a.length)
  .map(escapeRe)
  .join('|');
const KEY_RE = new RegExp(`(${KEY_ALTERNATION})(?:\\(([^)]*)\\))?:`, 'g');
const KEY_ONLY_RE = new RegExp(`^(${KEY_ALTERNATION})(?:\\(([^)]*)\\))?:?$`);

function normaliseKvText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[（【]/g, '(')
    .replace(/[）】]/g, ')')
    .replace(/\s*:\s*/g, ':')
    .trim();
}

/** The key–value pairs found in a row. */
export function rowKeyValues(row: GridRow): KeyValue[] {
  const out: KeyValue[] = [];
  row.cells.forEach((cell, index) => {
    if (typeof cell.value !== 'string') return;
    const text = normaliseKvText(cell.value);
    const only = KEY_ONLY_RE.exec(text.replace(/\s+/g, ''));
    if (only) {
      const next = row.cells[index + 1];
      const kind = KIND_BY_KEY.get(only[1] ?? '');
      if (next && kind && !isKeyCell(next)) {
        out.push({ kind, value: next, unit: only[2] ?? null, r: row.r, c: next.c });
      }
      return;
    }
    KEY_RE.lastIndex = 0;
    const found: { key: string; unit: string | null; start: number; end: number }[] = [];
    for (let m = KEY_RE.exec(text); m; m = KEY_RE.exec(text)) {
      found.push({ key: m[1] ?? '', unit: m[2] ?? null, start: m.index, end: m.index + m[0].length });
    }
    found.forEach((f, i) => {
      const kind = KIND_BY_KEY.get(f.key);
      if (!kind) return;
      const value = text.slice(f.end, found[i + 1]?.start ?? text.length).trim();
      if (value === '') {
        // 键： with its value in the next cell.
        const next = i === found.length - 1 ? row.cells[index + 1] : undefined;
        if (next && !isKeyCell(next)) out.push({ kind, value: next, unit: f.unit, r: row.r, c: next.c });
        return;
      }
      out.push({
        kind,
        value: { c: cell.c, value, percent: false, date: false, error: false },
        unit: f.unit,
        r: row.r,
        c: cell.c,
      });
    });
  });
  return out;
}

/** Whether a row holds a `键：值` cell (such a row is a header block line, never a column header). */
export function hasInlineKeyValue(row: GridRow): boolean {
  return row.cells.some((cell) => {
    if (typeof cell.value !== 'string') return false;
    KEY_RE.lastIndex = 0;
    return KEY_RE.test(normaliseKvText(cell.value));
  });
}

function isKeyCell(cell: GridCell): boolean {
  if (typeof cell.value !== 'string') return false;
  const text = normaliseKvText(cell.value);
  KEY_RE.lastIndex = 0;
  return KEY_RE.test(text) || KEY_ONLY_RE.test(text);
}

/** Text of a key–value value, for unit names. */
export function keyValueText(kv: KeyValue): string {
  return cellText(kv.value as GridCell).trim();
}
