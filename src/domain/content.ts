// The content of a return in one normalised text, which its content hash is taken of: keys in order, and each
// table's records as their definition describes them, so that two versions of the app, or a file saved twice,
// never disagree about whether two returns are the same. A nullable field is left out while it is null or absent
// — a field added to a definition later changes no stored return's hash — except the fields stored as null by
// data version 2 (`hashNull` in the definitions), which still hash as null (absent counts as null): the hashes
// of the returns already stored, in backups and on other computers, stay as they were.
import { type FieldDef, TABLES, type TableDef } from './tables';
import type { ParsedReturn } from './types';

/** JSON with every object's keys in order and undefined properties left out: equal values, equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

type Values = Record<string, unknown>;

/** A record of a table: nulls left out but for its hashNull fields, which are null when absent. */
function normalRecord(def: TableDef, record: unknown): unknown {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return record;
  const byKey = new Map<string, FieldDef>(def.fields.map((f) => [f.key, f]));
  const out: Values = {};
  for (const [key, value] of Object.entries(record as Values)) {
    if (value === null || value === undefined) continue;
    out[key] = value;
  }
  for (const field of byKey.values())
    if (field.hashNull && out[field.key] === undefined) out[field.key] = null;
  return out;
}

function normalTable(def: TableDef, value: unknown): unknown {
  if (def.key === 'carryOver') return Array.isArray(value) ? value.map((p) => normalRecord(def, p)) : value;
  if (def.key !== 'loan') return normalRecord(def, value);
  if (typeof value !== 'object' || value === null) return value;
  const loan = value as Values;
  // 本年棚改需贷款 sits in the header block, not in a column: stored as null by version 2 when not stated.
  const banks = Array.isArray(loan.banks) ? loan.banks.map((b) => normalRecord(def, b)) : loan.banks;
  return { ...loan, need: loan.need ?? null, banks };
}

/** The normalised return: unit, period, cutoff and each table it has (an unknown table is kept as it is). */
export function normalisedReturn(ret: ParsedReturn): Values {
  const tables: Values = { ...(ret.tables as Values) };
  for (const def of TABLES)
    if (tables[def.key] !== undefined) tables[def.key] = normalTable(def, tables[def.key]);
  return { unitId: ret.unitId, period: ret.period, cutoff: ret.cutoff, tables };
}

/** The text a return's content hash is taken of. */
export function returnContent(ret: ParsedReturn): string {
  return canonicalJson(normalisedReturn(ret));
}
