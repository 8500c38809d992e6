// Key–value cells of a header block (填报单位：农安县, 截止日期：2018年9月30日, 单位：套, 本年棚改需贷款（亿元）：12.50):
// in one cell (several keys may share it), or a key in one cell and its value in the next non-empty cell.
import { LOAN_NEED_KEYS } from '../domain/tables';
import type { GridCell, GridRow } from './grid';
import { cellAt, cellText } from './grid';

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
  /** The value was taken from the cell below the key (a guess: kept only when it reads as a unit or date). */
  below?: boolean;
}

const KEYS: [string, KeyKind][] = [
  ['填报单位名称', 'unit'],
  ['填报单位', 'unit'],
  ['报送单位', 'unit'],
  ['填报市县', 'unit'],
  ['单位名称', 'unit'],
  ['填表单位', 'unit'],
  ['上报单位', 'unit'],
  ['报表单位', 'unit'],
  // 截至 (up to) is as common a spelling as 截止 (ends at); both, with or without 日期/时间.
  ['统计截止日期', 'cutoff'],
  ['统计截至日期', 'cutoff'],
  ['统计截止时间', 'cutoff'],
  ['数据截止日期', 'cutoff'],
  ['数据截至日期', 'cutoff'],
  ['数据截止', 'cutoff'],
  ['数据截至', 'cutoff'],
  ['截止日期', 'cutoff'],
  ['截至日期', 'cutoff'],
  ['截止时间', 'cutoff'],
  ['截至时间', 'cutoff'],
  ['截止', 'cutoff'],
  ['截至', 'cutoff'],
  ['统计日期', 'cutoff'],
  ['报告期', 'cutoff'],
  ['统计期间', 'cutoff'],
  ['报告期间', 'cutoff'],
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
// A bracket after a key holds a word or two (亿元, 盖章): bounded, so that a cell of a thousand open brackets
// costs a thousand steps, not a million.
const KEY_RE = new RegExp(`(${KEY_ALTERNATION})(?:\\(([^)]{0,30})\\))?:`, 'g');
const KEY_ONLY_RE = new RegExp(`^(${KEY_ALTERNATION})(?:\\(([^)]{0,30})\\))?:?$`);

/**
 * Spaces, then a word and a colon: the next label of a line, whether or not it is a key. Only from the start of
 * a run of spaces (the look-behind): tried at every space of a long run, it would cost the run's square.
 */
const OTHER_LABEL_RE = /(?<!\s)\s+(?=[\u4e00-\u9fff()]{2,10}:)/;

// A header block's texts come in file after file (the template), and each cell is asked about by every stage.
const kvTextCache = new Map<string, string>();

function normaliseKvText(text: string): string {
  const cached = kvTextCache.get(text);
  if (cached !== undefined) return cached;
  const out = text
    .normalize('NFKC')
    .replace(/[（【]/g, '(')
    .replace(/[）】]/g, ')')
    // Blanks around a colon go; `\s*:\s*` would try every blank of a long run as a start (quadratic).
    .replace(/(?<!\s)\s+(?=:)|(?<=:)\s+/g, '')
    .trim();
  // Bounded: a hostile sheet with a million distinct texts must not grow the cache without end.
  if (kvTextCache.size < 5000) kvTextCache.set(text, out);
  return out;
}

/** The kind of a key; a bracket saying 盖章 (单位（盖章）：) makes any 单位 key the reporting unit. */
function kindOf(key: string, bracket: string | null): KeyKind | undefined {
  const kind = KIND_BY_KEY.get(key);
  if (kind === 'sheetUnit' && bracket && /[盖公]章/.test(bracket)) return 'unit';
  return kind;
}

/**
 * The key–value pairs found in a row. A key whose value is not to its right (the next cell is another key,
 * or there is none) may have it in the cell below, in `below` (the next row of the header block).
 */
export function rowKeyValues(row: GridRow, below?: GridRow): KeyValue[] {
  const out: KeyValue[] = [];
  const under = (c: number, kind: KeyKind, unit: string | null) => {
    if (!below || below.r !== row.r + 1) return;
    const cell = cellAt(below, c);
    if (cell && !isKeyCell(cell)) out.push({ kind, value: cell, unit, r: below.r, c, below: true });
  };
  row.cells.forEach((cell, index) => {
    if (typeof cell.value !== 'string') return;
    const text = normaliseKvText(cell.value);
    const only = KEY_ONLY_RE.exec(text.replace(/\s+/g, ''));
    if (only) {
      const next = row.cells[index + 1];
      const kind = kindOf(only[1] ?? '', only[2] ?? null);
      if (!kind) return;
      if (next && !isKeyCell(next)) {
        out.push({ kind, value: next, unit: only[2] ?? null, r: row.r, c: next.c });
      } else under(cell.c, kind, only[2] ?? null);
      return;
    }
    KEY_RE.lastIndex = 0;
    const found: { key: string; unit: string | null; start: number; end: number }[] = [];
    for (let m = KEY_RE.exec(text); m; m = KEY_RE.exec(text)) {
      found.push({ key: m[1] ?? '', unit: m[2] ?? null, start: m.index, end: m.index + m[0].length });
    }
    found.forEach((f, i) => {
      const kind = kindOf(f.key, f.unit);
      if (!kind) return;
      // The value ends at the next key, or at another label of the line (填报单位：农安县    填报日期：…).
      const value = (
        text.slice(f.end, found[i + 1]?.start ?? text.length).split(OTHER_LABEL_RE)[0] ?? ''
      ).trim();
      if (value === '') {
        // 键： with its value in the next cell, or else in the cell below.
        if (i !== found.length - 1) return;
        const next = row.cells[index + 1];
        if (next && !isKeyCell(next)) out.push({ kind, value: next, unit: f.unit, r: row.r, c: next.c });
        else if (found.length === 1) under(cell.c, kind, f.unit);
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
const inlineKeyValueRows = new WeakMap<GridRow, boolean>();
/** Any colon NFKC folds to ':' (：, ﹕, ︰). */
const COLON_RE = /[:：﹕︰]/;

export function hasInlineKeyValue(row: GridRow): boolean {
  // Asked of the same row by each table tried and each stage: worked out once.
  const cached = inlineKeyValueRows.get(row);
  if (cached !== undefined) return cached;
  const found = row.cells.some((cell) => {
    // Every key ends in a colon (full-width or half-width): a cell without one needs no closer look.
    if (typeof cell.value !== 'string' || !COLON_RE.test(cell.value)) return false;
    KEY_RE.lastIndex = 0;
    return KEY_RE.test(normaliseKvText(cell.value));
  });
  inlineKeyValueRows.set(row, found);
  return found;
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
