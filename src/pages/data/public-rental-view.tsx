// 附件5 公租房分配: stock figures (raised, allocated, rate) and this year's task, with flags in words.
import { useMemo } from 'react';
import type { PublicRentalRow, PublicRentalSection } from '../../domain/calc';
import type { Thresholds } from '../../domain/settings';
import type { DataColumn } from '../../ui/data-table/data-table';
import { formatRateBp } from '../../ui/data-table/format';
import { countColumn, flagColumn, monthColumn, nameColumn, rateColumn } from './cells';
import {
  allocationFlagText,
  publicRentalFilterKeys,
  publicRentalFlagOptions,
  trendText,
  yearTaskFlagText,
} from './flags';
import { fieldHeader, withUnit } from './headers';
import { UnitSectionView } from './unit-section-view';

export function publicRentalColumns(t: Thresholds): DataColumn<PublicRentalRow>[] {
  return [
    nameColumn(),
    countColumn('raised', fieldHeader('publicRental', 'raised'), (r) => r.raised),
    countColumn('allocated', fieldHeader('publicRental', 'allocated'), (r) => r.allocated),
    monthColumn('allocatedMonth', withUnit('本月分配', '套'), (r) => r.allocatedMonth),
    rateColumn('rate', fieldHeader('publicRental', 'declaredRate'), (r) => r.rate),
    flagColumn(
      'flag',
      '分配状态',
      ['target', 'middle', 'low', 'none'],
      (r) => r.flag,
      (f) => allocationFlagText(f, t),
    ),
    countColumn('yearTask', fieldHeader('publicRental', 'yearTask'), (r) => r.yearTask),
    countColumn('yearAllocated', fieldHeader('publicRental', 'yearAllocated'), (r) => r.yearAllocated),
    rateColumn('yearRate', fieldHeader('publicRental', 'declaredYearRate'), (r) => r.yearRate),
    flagColumn(
      'yearFlag',
      '本年任务',
      ['done', 'partial', 'zero', 'none'],
      (r) => r.yearFlag,
      yearTaskFlagText,
    ),
    {
      id: 'lastYearRate',
      header: fieldHeader('publicRental', 'lastYearRate'),
      align: 'right',
      sortValue: (r) => r.lastYearRate,
      cell: (r, role) => (role === 'row' ? formatRateBp(r.lastYearRate) : ''),
    },
    flagColumn('trend', '较上年同期', ['fell', 'held', 'none'], (r) => r.trend, trendText),
  ];
}

const flagsOf = (r: PublicRentalRow) => publicRentalFilterKeys(r.flag, r.yearFlag, r.trend);

export function PublicRentalView(props: {
  section: PublicRentalSection;
  caption: string;
  thresholds: Thresholds;
}) {
  const { section, caption, thresholds } = props;
  const columns = useMemo(() => publicRentalColumns(thresholds), [thresholds]);
  return (
    <UnitSectionView
      section={section}
      caption={caption}
      columns={columns}
      flagsOf={flagsOf}
      flagOptions={publicRentalFlagOptions(thresholds)}
      testId="table-publicRental"
    />
  );
}
