// 附件3 房屋征收: a row per unit (征收, 拆迁 and their sum), completion rate against the year's plan, flag.
import { useMemo, useState } from 'react';
import type { ExpropriationRow, ExpropriationSection } from '../../domain/calc';
import type { Thresholds } from '../../domain/settings';
import { type DataColumn, DataTable } from '../../ui/data-table/data-table';
import { countFlags, NO_FILTER } from '../../ui/data-table/filter';
import { countColumn, monthColumn, nameColumn, rankColumn, rateColumn } from './cells';
import { FilterBar } from './filter-bar';
import { Flag } from './flag';
import { expropriationFlagOptions, expropriationFlagText } from './flags';
import { fieldHeader, withUnit } from './headers';
import { filterUnitRows, sectionGrouping } from './unit-rows';

export function expropriationColumns(t: Thresholds): DataColumn<ExpropriationRow>[] {
  return [
    nameColumn(),
    countColumn('plan', fieldHeader('expropriation', 'plan'), (r) => r.plan),
    countColumn('expropriated', fieldHeader('expropriation', 'expropriated'), (r) => r.expropriated),
    countColumn('demolished', fieldHeader('expropriation', 'demolished'), (r) => r.demolished),
    countColumn('total', fieldHeader('expropriation', 'total'), (r) => r.total),
    monthColumn('month', fieldHeader('expropriation', 'doneMonth'), (r) => r.month),
    rateColumn('rate', withUnit('完成率', '%'), (r) => r.rate),
    rankColumn(),
    {
      id: 'flag',
      header: '状态',
      sortValue: (r) => ['ahead', 'middle', 'behind', 'none'].indexOf(r.flag),
      cell: (r, role) => (role === 'row' ? <Flag flag={expropriationFlagText(r.flag, t)} /> : null),
    },
  ];
}

const flagsOf = (r: ExpropriationRow) => [r.flag];

export function ExpropriationView(props: {
  section: ExpropriationSection;
  caption: string;
  thresholds: Thresholds;
}) {
  const { section, caption, thresholds } = props;
  const [filter, setFilter] = useState(NO_FILTER);
  const [grouped, setGrouped] = useState(false);
  const columns = useMemo(() => expropriationColumns(thresholds), [thresholds]);
  const rows = useMemo(() => filterUnitRows(section.units, filter, flagsOf), [section, filter]);
  const flagCounts = useMemo(() => countFlags(section.units, flagsOf), [section]);
  return (
    <>
      <FilterBar
        filter={filter}
        onChange={setFilter}
        flagOptions={expropriationFlagOptions(thresholds)}
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
        testId="table-expropriation"
      />
    </>
  );
}
