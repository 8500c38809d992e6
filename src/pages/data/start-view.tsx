// 附件1 棚改开工: a row per unit, 全省合计 on top, rate recomputed, rank and flag in words.
import { useMemo, useState } from 'react';
import type { StartRow, StartSection } from '../../domain/calc';
import type { Thresholds } from '../../domain/settings';
import { type DataColumn, DataTable } from '../../ui/data-table/data-table';
import { countFlags, NO_FILTER } from '../../ui/data-table/filter';
import { countColumn, monthColumn, nameColumn, rankColumn, rateColumn } from './cells';
import { FilterBar } from './filter-bar';
import { Flag } from './flag';
import { startFilterKeys, startFlagOptions, startFlagText } from './flags';
import { fieldHeader } from './headers';
import { filterUnitRows, sectionGrouping } from './unit-rows';

export function startColumns(t: Thresholds): DataColumn<StartRow>[] {
  return [
    nameColumn(),
    countColumn('plan', fieldHeader('start', 'plan'), (r) => r.plan),
    countColumn('started', fieldHeader('start', 'started'), (r) => r.started),
    monthColumn('month', fieldHeader('start', 'startedMonth'), (r) => r.month),
    rateColumn('rate', fieldHeader('start', 'declaredRate'), (r) => r.rate),
    rankColumn(),
    {
      id: 'flag',
      header: '状态',
      sortValue: (r) => ['reached', 'lagging', 'below', 'none'].indexOf(r.flag),
      cell: (r, role) => (role === 'row' ? <Flag flag={startFlagText(r.flag, t)} /> : null),
    },
  ];
}

const flagsOf = (r: StartRow) => startFilterKeys(r.flag);

export function StartView({
  section,
  caption,
  thresholds,
}: {
  section: StartSection;
  caption: string;
  thresholds: Thresholds;
}) {
  const [filter, setFilter] = useState(NO_FILTER);
  const [grouped, setGrouped] = useState(false);
  const columns = useMemo(() => startColumns(thresholds), [thresholds]);
  const rows = useMemo(() => filterUnitRows(section.units, filter, flagsOf), [section, filter]);
  const flagCounts = useMemo(() => countFlags(section.units, flagsOf), [section]);
  return (
    <>
      <FilterBar
        filter={filter}
        onChange={setFilter}
        flagOptions={startFlagOptions(thresholds)}
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
        testId="table-start"
      />
    </>
  );
}
