// Which figures a new return changes against the stored one (old → new, per table, field, bank, project), so a
// replacement is shown side by side before the user confirms it. Labels come from the table definitions.

import { formatYiExact } from '../domain/calc/format';
import type { FieldDef, TableDef } from '../domain/tables';
import { isStoredField, TABLES } from '../domain/tables';
import type { ReturnTables, TableKey } from '../domain/types';

export interface FigureChange {
  table: TableKey;
  /** 棚户区改造开工进展情况 */
  tableTitle: string;
  /** The bank or project the figure belongs to, for the tables with many rows. */
  row?: string;
  /** The field label (本年发放), or 整表 when a whole table appears or disappears. */
  label: string;
  before: string;
  after: string;
}

/** Integer yuan as 亿元, exact: at least two decimals, more only when the figure has them (3.125亿元). */
const yi = (yuan: number) => `${formatYiExact(yuan, 2)}亿元`;

function formatValue(field: FieldDef, value: unknown): string {
  if (value === null || value === undefined) return '（未填）';
  if (typeof value === 'number') {
    switch (field.kind) {
      case 'money':
        return yi(value);
      case 'rate':
        return `${(value / 100).toFixed(2)}%`;
      case 'count':
        return `${value}${field.headerUnit && field.headerUnit !== '%' ? field.headerUnit : ''}`;
      default:
        return String(value);
    }
  }
  const text = String(value);
  return text === '' ? '（空）' : text;
}

function diffRecord(
  def: TableDef,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  row: string | undefined,
  out: FigureChange[],
): void {
  for (const field of def.fields) {
    // 序号, 市县 and the bank (the row's key) are no figures; 表3 合计 is never stored (always recomputed).
    if (!isStoredField(field) || field.kind === 'bank') continue;
    const a = before[field.key];
    const b = after[field.key];
    if ((a ?? null) === (b ?? null)) continue;
    out.push({
      table: def.key,
      tableTitle: def.title,
      ...(row === undefined ? {} : { row }),
      label: field.label,
      before: formatValue(field, a),
      after: formatValue(field, b),
    });
  }
}

// Two projects may share a name: the second is told apart as 名称（2）.
function keyedRows(
  rows: Record<string, unknown>[],
  keyOf: (r: Record<string, unknown>) => string,
): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  for (const row of rows) {
    const base = keyOf(row);
    let key = base;
    for (let n = 2; out.has(key); n++) key = `${base}（${n}）`;
    out.set(key, row);
  }
  return out;
}

function diffRows(
  def: TableDef,
  before: Record<string, unknown>[],
  after: Record<string, unknown>[],
  keyOf: (r: Record<string, unknown>) => string,
  out: FigureChange[],
): void {
  const oldRows = keyedRows(before, keyOf);
  const newRows = keyedRows(after, keyOf);
  for (const [key, oldRow] of oldRows) {
    const newRow = newRows.get(key);
    if (newRow) diffRecord(def, oldRow, newRow, key, out);
    else
      out.push({
        table: def.key,
        tableTitle: def.title,
        row: key,
        label: '整行',
        before: '有',
        after: '（删除）',
      });
  }
  for (const key of newRows.keys()) {
    if (!oldRows.has(key)) {
      out.push({
        table: def.key,
        tableTitle: def.title,
        row: key,
        label: '整行',
        before: '（无）',
        after: '新增',
      });
    }
  }
}

/** Every figure that differs between two returns of the same unit and period, in table order. */
export function diffReturnTables(before: ReturnTables, after: ReturnTables): FigureChange[] {
  const out: FigureChange[] = [];
  for (const def of TABLES) {
    const a = before[def.key];
    const b = after[def.key];
    if (a === undefined && b === undefined) continue;
    if (a === undefined || b === undefined) {
      out.push({
        table: def.key,
        tableTitle: def.title,
        label: '整表',
        before: a === undefined ? '（未报）' : '已报',
        after: b === undefined ? '（未报）' : '已报',
      });
      continue;
    }
    if (def.key === 'loan' && before.loan && after.loan) {
      if ((before.loan.need ?? null) !== (after.loan.need ?? null)) {
        const show = (v: number | null) => (v === null ? '（未填）' : yi(v));
        out.push({
          table: 'loan',
          tableTitle: def.title,
          label: '本年棚改需贷款',
          before: show(before.loan.need),
          after: show(after.loan.need),
        });
      }
      const rows = (l: typeof before.loan) => l.banks as unknown as Record<string, unknown>[];
      diffRows(def, rows(before.loan), rows(after.loan), (r) => String(r.bank), out);
    } else if (def.key === 'carryOver' && before.carryOver && after.carryOver) {
      const rows = (l: typeof before.carryOver) => l as unknown as Record<string, unknown>[];
      diffRows(def, rows(before.carryOver), rows(after.carryOver), (r) => String(r.name), out);
    } else {
      diffRecord(
        def,
        a as unknown as Record<string, unknown>,
        b as unknown as Record<string, unknown>,
        undefined,
        out,
      );
    }
  }
  return out;
}
