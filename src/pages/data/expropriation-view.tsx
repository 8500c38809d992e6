// 附件3 房屋征收: a row per unit (征收, 拆迁 and their sum), completion rate against the year's plan, flag.
import { useMemo } from 'react';
import type { ExpropriationRow, ExpropriationSection } from '../../domain/calc';
import type { Thresholds } from '../../domain/settings';
import type { DataColumn } from '../../ui/data-table/data-table';
import { flagColumn, nameColumn, rankColumn, rateColumn } from './cells';
import { figureDataColumns, withColumnsAfter } from './figure-columns';
import { expropriationFlagOptions, expropriationFlagText } from './flags';
import { withUnit } from './headers';
import { UnitSectionView } from './unit-section-view';

export function expropriationColumns(t: Thresholds): DataColumn<ExpropriationRow>[] {
  return [
    nameColumn(),
    ...withColumnsAfter(figureDataColumns<'expropriation', ExpropriationRow>('expropriation'), {
      // 完成率: 合计 against the year's plan (the return has no such column).
      doneMonth: [
        rateColumn('rate', withUnit('完成率', '%'), (r) => r.rate),
        rankColumn(),
        flagColumn(
          'flag',
          '状态',
          ['ahead', 'middle', 'behind', 'none'],
          (r) => r.flag,
          (f) => expropriationFlagText(f, t),
        ),
      ],
    }),
  ];
}

const flagsOf = (r: ExpropriationRow) => [r.flag];

export function ExpropriationView(props: {
  section: ExpropriationSection;
  caption: string;
  thresholds: Thresholds;
}) {
  const { section, caption, thresholds } = props;
  const columns = useMemo(() => expropriationColumns(thresholds), [thresholds]);
  return (
    <UnitSectionView
      section={section}
      caption={caption}
      columns={columns}
      flagsOf={flagsOf}
      flagOptions={expropriationFlagOptions(thresholds)}
      testId="table-expropriation"
    />
  );
}
