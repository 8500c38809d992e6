// The five return tables, in their official order.
import type { TableKey } from '../types';
import { carryOverTable } from './carry-over';
import { expropriationTable } from './expropriation';
import { loanTable } from './loan';
import { publicRentalTable } from './public-rental';
import { startTable } from './start';
import type { TableDef } from './types';

export { IGNORABLE_HEADERS } from './common-fields';
export { LOAN_NEED_KEYS } from './loan';
export type { FieldDef, FieldKind, TableDef } from './types';

export const TABLES: readonly TableDef[] = [
  startTable,
  loanTable,
  expropriationTable,
  carryOverTable,
  publicRentalTable,
];

export function tableDef(key: TableKey): TableDef {
  const def = TABLES.find((t) => t.key === key);
  if (!def) throw new Error(`unknown table ${key}`);
  return def;
}

/** The title row of a return sheet: 2018年1-9月棚户区改造开工进展情况（表1）. */
export function returnSheetTitle(def: TableDef, periodLabel: string): string {
  return `${periodLabel}${def.title}（表${def.number}）`;
}
export { layoutHeaderKey } from './layout-key';
