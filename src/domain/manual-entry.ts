// 手工录入: one unit's figures for a period typed into a form laid out as the template (the five tables, banks
// and projects as rows). The form's columns come from the table definitions; the figures are checked by the
// reader itself (import/manual-entry builds the template sheet from the entry and reads it), so the rules are
// the reader's, never a second copy. This module holds the entry's shape, its layout and its prefill.
import { cellLabel, parseCell } from './a1';
import { formatYiExact } from './calc/format';
import { TABLES } from './tables';
import type { FieldDef, TableDef } from './tables/types';
import type { PeriodKey, ReturnTables, TableKey, UnitId } from './types';

/** The texts typed in one row: field key → text. */
export type EntryRow = Record<string, string>;

export interface ManualEntry {
  unitId: UnitId;
  period: PeriodKey;
  /** The tables entered, each its rows (one for a table of one row per unit); a table left out is absent. */
  tables: Partial<Record<TableKey, EntryRow[]>>;
  /** 表2 本年棚改需贷款 in 亿元, as typed. */
  loanNeed: string;
}

/** The name the entry is read under, in messages and in the revision's file name. */
export const MANUAL_FILE_NAME = '手工录入';

/** The fields typed by hand: every field of the table but 序号 and 市县 (the unit is chosen once). */
export function entryFields(def: TableDef): FieldDef[] {
  return def.fields.filter((f) => f.kind !== 'seq' && f.kind !== 'unit');
}

/** The sheet's columns: 序号, 市县 (not in 表2, where a row is a bank), then the typed fields. */
export function sheetFields(def: TableDef): FieldDef[] {
  return def.fields
    .filter((f) => f.kind === 'seq' || (f.kind === 'unit' && def.key !== 'loan'))
    .concat(entryFields(def));
}

/** Row 1 title, row 2 填报单位/截止日期/单位, row 3 the header; data from row 4. */
export const ENTRY_HEADER_ROW = 2;
export const ENTRY_FIRST_ROW = 3;

/** The cell a typed value goes to in the table's sheet (the reader names it in its issues). */
export function entryCell(def: TableDef, rowIndex: number, fieldKey: string): string {
  const c = sheetFields(def).findIndex((f) => f.key === fieldKey);
  return cellLabel({ r: ENTRY_FIRST_ROW + rowIndex, c: Math.max(0, c) });
}

/** The cell of 本年棚改需贷款 in 表2's row 2 (its value is in the cell after the key). */
export const LOAN_NEED_CELL = cellLabel({ r: 1, c: 3 });

/** Which entry input an issue's cell belongs to: its table, row and field; null for another cell. */
export function inputOfCell(
  sheet: string,
  cell: string,
): { table: TableKey; rowIndex: number; field: string } | null {
  const def = TABLES.find((t) => t.sheetName === sheet);
  const pos = parseCell(cell);
  if (!def || !pos) return null;
  if (def.key === 'loan' && cell === LOAN_NEED_CELL) return { table: 'loan', rowIndex: -1, field: 'need' };
  const field = sheetFields(def)[pos.c];
  if (pos.r < ENTRY_FIRST_ROW || !field || field.kind === 'seq' || field.kind === 'unit') return null;
  return { table: def.key, rowIndex: pos.r - ENTRY_FIRST_ROW, field: field.key };
}

/** An empty row of a table. */
export function emptyRow(def: TableDef): EntryRow {
  return Object.fromEntries(entryFields(def).map((f) => [f.key, '']));
}

/** A blank entry: every table with one empty row (表2, 表4 with rows to add). */
export function emptyEntry(unitId: UnitId, period: PeriodKey): ManualEntry {
  return {
    unitId,
    period,
    tables: Object.fromEntries(TABLES.map((def) => [def.key, [emptyRow(def)]])),
    loanNeed: '',
  };
}

/** A rate in hundredths of a percent as typed: 9506 → '95.06'. */
function rateText(bp: number): string {
  const sign = bp < 0 ? '-' : '';
  const abs = Math.abs(bp);
  const frac = String(abs % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${sign}${Math.floor(abs / 100)}${frac ? `.${frac}` : ''}`;
}

/** A stored value as it would be typed in the template: counts as is, money in 亿元, rates in percent. */
function typed(field: FieldDef, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value !== 'number') return '';
  if (field.kind === 'money') return formatYiExact(value);
  if (field.kind === 'rate') return rateText(value);
  return String(value);
}

function rowOf(def: TableDef, values: Record<string, unknown>): EntryRow {
  return Object.fromEntries(entryFields(def).map((f) => [f.key, typed(f, values[f.key])]));
}

/** An entry holding a stored return's figures, to correct them by hand (手工更正): its tables only. */
export function entryFromReturn(unitId: UnitId, period: PeriodKey, tables: ReturnTables): ManualEntry {
  const out: ManualEntry = { unitId, period, tables: {}, loanNeed: '' };
  for (const def of TABLES) {
    const t = tables[def.key];
    if (t === undefined) continue;
    switch (def.key) {
      case 'loan': {
        const loan = tables.loan;
        out.tables.loan = (loan?.banks ?? []).map((b) => rowOf(def, { ...b }));
        if (out.tables.loan.length === 0) out.tables.loan = [emptyRow(def)];
        out.loanNeed =
          loan?.need === null || loan?.need === undefined
            ? ''
            : typed(def.fields.find((f) => f.kind === 'money') as FieldDef, loan.need);
        break;
      }
      case 'carryOver': {
        const projects = tables.carryOver ?? [];
        out.tables.carryOver =
          projects.length > 0 ? projects.map((p) => rowOf(def, { ...p })) : [emptyRow(def)];
        break;
      }
      default:
        out.tables[def.key] = [rowOf(def, { ...(t as object) })];
    }
  }
  return out;
}
