// 附件1 棚改开工: a row per unit, 全省合计 on top, rate recomputed, rank and flag in words.
import { useMemo } from 'react';
import type { StartRow, StartSection } from '../../domain/calc';
import type { Thresholds } from '../../domain/settings';
import type { DataColumn } from '../../ui/data-table/data-table';
import { flagColumn, nameColumn, rankColumn } from './cells';
import { figureDataColumns, withColumnsAfter } from './figure-columns';
import { startFilterKeys, startFlagOptions, startFlagText } from './flags';
import { UnitSectionView } from './unit-section-view';

export function startColumns(t: Thresholds): DataColumn<StartRow>[] {
  return [
    nameColumn(),
    ...withColumnsAfter(figureDataColumns<'start', StartRow>('start'), {
      declaredRate: [
        rankColumn(),
        flagColumn(
          'flag',
          '状态',
          ['reached', 'lagging', 'below', 'none'],
          (r) => r.flag,
          (f) => startFlagText(f, t),
        ),
      ],
    }),
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
  const columns = useMemo(() => startColumns(thresholds), [thresholds]);
  return (
    <UnitSectionView
      section={section}
      caption={caption}
      columns={columns}
      flagsOf={flagsOf}
      flagOptions={startFlagOptions(thresholds)}
      testId="table-start"
    />
  );
}
