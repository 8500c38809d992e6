// Test helper: a return of 农安县 for 2018年1-9月 built from the table definitions, every stored field of every
// table given the value `pick` gives (loans with two bank lines, two carry-over projects).
import { type FieldDef, isStoredField, TABLES, type TableDef } from './tables';
import type { ParsedReturn, TableKey } from './types';

export function definedReturn(pick: (field: FieldDef, index: number, row: number) => unknown): ParsedReturn {
  const record = (def: TableDef, row = 0) =>
    Object.fromEntries(def.fields.filter(isStoredField).map((f, i) => [f.key, pick(f, i, row)]));
  const def = (key: TableKey) => TABLES.find((t) => t.key === key) as TableDef;
  return {
    unitId: '220122',
    period: '2018-09',
    cutoff: '2018-09-30',
    tables: {
      start: record(def('start')),
      loan: { need: 1_250_000_000, banks: [record(def('loan')), record(def('loan'), 1)] },
      expropriation: record(def('expropriation')),
      carryOver: [record(def('carryOver')), record(def('carryOver'), 1)],
      publicRental: record(def('publicRental')),
    } as unknown as ParsedReturn['tables'],
  };
}

/** The record of a table inside a return: a one-row table's, or the bank line or project of index `row`. */
export function recordIn(ret: ParsedReturn, table: TableKey, row = 1): Record<string, unknown> {
  const t = ret.tables as unknown as Record<string, unknown>;
  const found =
    table === 'loan'
      ? (t.loan as { banks: Record<string, unknown>[] }).banks[row]
      : table === 'carryOver'
        ? (t.carryOver as Record<string, unknown>[])[row]
        : (t[table] as Record<string, unknown>);
  if (!found) throw new Error(`no record of ${table}`);
  return found;
}
