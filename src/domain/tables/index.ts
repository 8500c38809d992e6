// The five return tables, in their official order.
import { TABLE_KEYS, type TableKey } from '../types';
import { carryOverTable } from './carry-over';
import { expropriationTable } from './expropriation';
import { loanTable } from './loan';
import { publicRentalTable } from './public-rental';
import { startTable } from './start';
import type { FieldDef, TableDef } from './types';

export { IGNORABLE_HEADERS } from './common-fields';
export { LOAN_NEED_KEYS } from './loan';
export type { FieldMeaning, FieldTime, TimeAspect } from './meaning';
export type { Accrual, FieldDef, FieldKind, TableDef } from './types';
export { isFigureField, isStoredField } from './types';

/** Each table's definition, typed against the record its rows fill. */
const TABLE_DEFS = {
  start: startTable,
  loan: loanTable,
  expropriation: expropriationTable,
  carryOver: carryOverTable,
  publicRental: publicRentalTable,
} as const satisfies Record<TableKey, TableDef>;

export type TableDefs = typeof TABLE_DEFS;

export const TABLES: readonly TableDef[] = TABLE_KEYS.map((key) => TABLE_DEFS[key]);

export function tableDef<K extends TableKey>(key: K): TableDefs[K] {
  return TABLE_DEFS[key];
}

/** A field of a table's definition; a key the definition lacks is a programming error. */
export function fieldDef(def: TableDef, key: string): FieldDef {
  const field = def.fields.find((f) => f.key === key);
  if (!field) throw new Error(`${def.key} has no field ${key}`);
  return field;
}

/** 2018年1-9月棚户区改造开工进展情况（表1） — the title row of a return sheet. */
export function returnSheetTitle(def: TableDef, periodLabel: string): string {
  return `${periodLabel}${def.title}（表${def.number}）`;
}
export { layoutHeaderKey } from './layout-key';
