// 附件5 公租房分配: stock figures (raised, allocated, rate) and this year's task, with flags in words.
import { useMemo, useState } from 'react';
import type { PublicRentalRow, PublicRentalSection } from '../../domain/calc';
import type { Thresholds } from '../../domain/settings';
import { type DataColumn, DataTable } from '../../ui/data-table/data-table';
import { countFlags, NO_FILTER } from '../../ui/data-table/filter';
import { formatRateBp } from '../../ui/data-table/format';
import { countColumn, monthColumn, nameColumn, rateColumn } from './cells';
import { FilterBar } from './filter-bar';
import { Flag } from './flag';
import {
  allocationFlagText,
  publicRentalFilterKeys,
  publicRentalFlagOptions,
  trendText,
  yearTaskFlagText,
} from './flags';
import { fieldHeader, withUnit } from './headers';
import { filterUnitRows, sectionGrouping } from './unit-rows';

export function publicRentalColumns(t: Thresholds): DataColumn<PublicRentalRow>[] {
  return [
    nameColumn(),
    countColumn('raised', fieldHeader('publicRental', 'raised'), (r) => r.raised),
    countColumn('allocated', fieldHeader('publicRental', 'allocated'), (r) => r.allocated),
    monthColumn('allocatedMonth', withUnit('本月分配', '套'), (r) => r.allocatedMonth),
    rateColumn('rate', fieldHeader('publicRental', 'declaredRate'), (r) => r.rate),
    {
      id: 'flag',
      header: '分配状态',
      sortValue: (r) => ['target', 'middle', 'low', 'none'].indexOf(r.flag),
      cell: (r, role) => (role === 'row' ? <Flag flag={allocationFlagText(r.flag, t)} /> : null),
    },
    countColumn('yearTask', fieldHeader('publicRental', 'yearTask'), (r) => r.yearTask),
    countColumn('yearAllocated', fieldHeader('publicRental', 'yearAllocated'), (r) => r.yearAllocated),
    rateColumn('yearRate', fieldHeader('publicRental', 'declaredYearRate'), (r) => r.yearRate),
    {
      id: 'yearFlag',
      header: '本年任务',
      sortValue: (r) => ['done', 'partial', 'zero', 'none'].indexOf(r.yearFlag),
      cell: (r, role) => (role === 'row' ? <Flag flag={yearTaskFlagText(r.yearFlag)} /> : null),
    },
    {
      id: 'lastYearRate',
      header: fieldHeader('publicRental', 'lastYearRate'),
      align: 'right',
      sortValue: (r) => r.lastYearRate,
      cell: (r, role) => (role === 'row' ? formatRateBp(r.lastYearRate) : ''),
    },
    {
      id: 'trend',
      header: '较上年同期',
      sortValue: (r) => ['fell', 'held', 'none'].indexOf(r.trend),
      cell: (r, role) => (role === 'row' ? <Flag flag={trendText(r.trend)} /> : null),
    },
  ];
}

const flagsOf = (r: PublicRentalRow) => publicRentalFilterKeys(r.flag, r.yearFlag, r.trend);

export function PublicRentalView(props: {
  section: PublicRentalSection;
  caption: string;
  thresholds: Thresholds;
}) {
  const { section, caption, thresholds } = props;
  const [filter, setFilter] = useState(NO_FILTER);
  const [grouped, setGrouped] = useState(false);
  const columns = useMemo(() => publicRentalColumns(thresholds), [thresholds]);
  const rows = useMemo(() => filterUnitRows(section.units, filter, flagsOf), [section, filter]);
  const flagCounts = useMemo(() => countFlags(section.units, flagsOf), [section]);
  return (
    <>
      <FilterBar
        filter={filter}
        onChange={setFilter}
        flagOptions={publicRentalFlagOptions(thresholds)}
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
        testId="table-publicRental"
      />
    </>
  );
}
