// How a section's rows feed the generic table: filter the unit rows, and turn group rows into subtotals.
import type { RowIdentity, Section } from '../../domain/calc';
import { defaultRegister } from '../../domain/units';
import type { DataTableGrouping } from '../../ui/data-table/data-table';
import { type FilterAccessors, filterRows, type RowFilter } from '../../ui/data-table/filter';

/** The texts a unit row is found by: its names and aliases, and its group's name. */
export function unitTexts(row: RowIdentity): string[] {
  const unit = defaultRegister.unit(row.id);
  return [row.name, row.groupName, ...(unit ? [unit.fullName, ...unit.aliases] : [])];
}

export function filterUnitRows<R extends RowIdentity>(
  rows: readonly R[],
  filter: RowFilter,
  flags: (row: R) => readonly string[],
): R[] {
  const get: FilterAccessors<R> = { texts: unitTexts, group: (r) => r.groupId, flags };
  return filterRows(rows, filter, get);
}

/** Unit rows under their group's subtotal row (groups in register order, as calc gives them). */
export function sectionGrouping<R extends RowIdentity>(section: Section<R>): DataTableGrouping<R> {
  return {
    groupOf: (r) => r.groupId,
    groups: section.groups.map((g) => ({ id: g.id, subtotal: g })),
  };
}
