// 附件5 公租房分配: stock figures (raised, allocated, rate) and this year's task, with flags in words.
import { useMemo } from 'react';
import type { PublicRentalRow, PublicRentalSection } from '../../domain/calc';
import type { Thresholds } from '../../domain/settings';
import type { DataColumn } from '../../ui/data-table/data-table';
import { flagColumn, monthColumn, nameColumn } from './cells';
import { figureDataColumns, withColumnsAfter } from './figure-columns';
import {
  allocationFlagText,
  publicRentalFilterKeys,
  publicRentalFlagOptions,
  trendText,
  yearTaskFlagText,
} from './flags';
import { withUnit } from './headers';
import { UnitSectionView } from './unit-section-view';

export function publicRentalColumns(t: Thresholds): DataColumn<PublicRentalRow>[] {
  return [
    nameColumn(),
    ...withColumnsAfter(figureDataColumns<'publicRental', PublicRentalRow>('publicRental'), {
      allocated: [monthColumn('allocatedMonth', withUnit('本月分配', '套'), (r) => r.allocatedMonth)],
      declaredRate: [
        flagColumn(
          'flag',
          '分配状态',
          ['target', 'middle', 'low', 'none'],
          (r) => r.flag,
          (f) => allocationFlagText(f, t),
        ),
      ],
      declaredYearRate: [
        flagColumn(
          'yearFlag',
          '本年任务',
          ['done', 'partial', 'zero', 'none'],
          (r) => r.yearFlag,
          yearTaskFlagText,
        ),
      ],
      lastYearRate: [flagColumn('trend', '较上年同期', ['fell', 'held', 'none'], (r) => r.trend, trendText)],
    }),
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
