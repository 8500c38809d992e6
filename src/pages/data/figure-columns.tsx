// The data-table columns of a table's figures, from its definition (domain calc's figureColumns): each
// count and amount, each month increase with its source, each rate. The views, the unit page and the bank
// tables take them from here, so a field added to a definition shows up in all of them.
import { type FigureRow, type FigureValue, figureColumns, ratePercent } from '../../domain/calc';
import type { TableKey } from '../../domain/types';
import type { DataColumn } from '../../ui/data-table/data-table';
import { formatCount, formatPercent, formatYi } from '../../ui/data-table/format';
import { MonthCell } from './cells';
import { fieldHeader } from './headers';

function sortValue(v: FigureValue): number | null {
  if (v.kind === 'rate') return ratePercent(v.value);
  if (v.kind === 'month') return v.value.value;
  return v.value;
}

function cellOf(v: FigureValue) {
  if (v.kind === 'rate') return formatPercent(v.value);
  if (v.kind === 'month') return <MonthCell month={v.value} money={v.money} />;
  return v.kind === 'money' ? formatYi(v.value) : formatCount(v.value);
}

/** The figure columns of `table` for rows R, whose figures `pick` finds (the row itself by default). */
export function figureDataColumns<K extends TableKey, R>(
  table: K,
  pick: (row: R) => FigureRow<K> = (row) => row as unknown as FigureRow<K>,
): DataColumn<R>[] {
  return figureColumns(table).map(({ field, value }) => ({
    id: field.key,
    header: fieldHeader(table, field.key),
    align: 'right',
    sortValue: (row) => sortValue(value(pick(row))),
    cell: (row) => cellOf(value(pick(row))),
  }));
}

/** Columns with computed ones inserted after the column of each given id (a flag after its rate). */
export function withColumnsAfter<R>(
  columns: DataColumn<R>[],
  inserted: Partial<Record<string, DataColumn<R>[]>>,
): DataColumn<R>[] {
  for (const id of Object.keys(inserted)) {
    if (!columns.some((c) => c.id === id)) throw new Error(`no column ${id}`);
  }
  return columns.flatMap((c) => [c, ...(inserted[c.id] ?? [])]);
}
