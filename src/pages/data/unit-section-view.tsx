// A section's unit rows as a table: the filter bar (text, prefecture, flag, grouping), 全省合计 pinned on top,
// and 全市 subtotals when grouped. Every attachment with a row per unit shows itself through this one view.
import { useMemo, useState } from 'react';
import type { RowIdentity, Section } from '../../domain/calc';
import { type DataColumn, DataTable } from '../../ui/data-table/data-table';
import { countFlags, NO_FILTER } from '../../ui/data-table/filter';
import { FilterBar } from './filter-bar';
import type { FlagOption } from './flags';
import { filterUnitRows, sectionGrouping } from './unit-rows';

export interface UnitSectionViewProps<R extends RowIdentity> {
  section: Section<R>;
  caption: string;
  columns: DataColumn<R>[];
  /** The flag keys a row can be filtered by; keep it a stable function. */
  flagsOf: (row: R) => readonly string[];
  flagOptions: readonly FlagOption[];
  testId: string;
}

export function UnitSectionView<R extends RowIdentity>(props: UnitSectionViewProps<R>) {
  const { section, caption, columns, flagsOf, flagOptions, testId } = props;
  const [filter, setFilter] = useState(NO_FILTER);
  const [grouped, setGrouped] = useState(false);
  const rows = useMemo(() => filterUnitRows(section.units, filter, flagsOf), [section, filter, flagsOf]);
  const flagCounts = useMemo(() => countFlags(section.units, flagsOf), [section, flagsOf]);
  return (
    <>
      <FilterBar
        filter={filter}
        onChange={setFilter}
        flagOptions={flagOptions}
        grouped={grouped}
        onGroupedChange={setGrouped}
        flagCounts={flagCounts}
        shown={rows.length}
        total={section.units.length}
      />
      <DataTable
        caption={caption}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.id}
        pinned={[section.province]}
        grouping={grouped ? sectionGrouping(section) : null}
        testId={testId}
      />
    </>
  );
}
