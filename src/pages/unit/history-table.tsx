// A unit's history: one row per stored period with its key figures; a period opens that period's figures.
// Reads only this unit's returns.
import { useMemo } from 'react';
import { useUnitReturns } from '../../db/hooks';
import { useAllTargets } from '../../db/targets-repo';
import { periodLabel } from '../../domain/period';
import type { Thresholds } from '../../domain/settings';
import type { PeriodKey, UnitId } from '../../domain/types';
import { defaultRegister } from '../../domain/units';
import { type DataColumn, DataTable } from '../../ui/data-table/data-table';
import { countColumn, moneyColumn, rateColumn } from '../data/cells';
import { fieldHeader, withUnit } from '../data/headers';
import { type UnitHistoryPoint, unitHistory } from './unit-history';

function historyColumns(current: PeriodKey, choose: (p: PeriodKey) => void): DataColumn<UnitHistoryPoint>[] {
  return [
    {
      id: 'period',
      header: '报告期',
      rowHeader: true,
      sortValue: (h) => h.period,
      cell: (h) =>
        h.period === current ? (
          <strong aria-current="true">{periodLabel(h.period)}（当前）</strong>
        ) : (
          <button type="button" className="link-button" onClick={() => choose(h.period)}>
            {periodLabel(h.period)}
          </button>
        ),
    },
    countColumn('plan', fieldHeader('start', 'plan'), (h) => h.start?.plan ?? null),
    countColumn('started', fieldHeader('start', 'started'), (h) => h.start?.started ?? null),
    rateColumn('startRate', fieldHeader('start', 'declaredRate'), (h) => h.start?.rate ?? null),
    moneyColumn('credit', fieldHeader('loan', 'credit'), (h) => h.loan?.total.credit ?? null),
    moneyColumn('disbursed', fieldHeader('loan', 'disbursed'), (h) => h.loan?.total.disbursed ?? null),
    countColumn('expTotal', withUnit('征收拆迁合计', '户'), (h) => h.expropriation?.total ?? null),
    countColumn('carryOver', withUnit('结转项目', '个'), (h) => h.carryOverCount ?? null),
    countColumn(
      'allocated',
      fieldHeader('publicRental', 'allocated'),
      (h) => h.publicRental?.allocated ?? null,
    ),
    rateColumn('allocRate', fieldHeader('publicRental', 'declaredRate'), (h) => h.publicRental?.rate ?? null),
  ];
}

export function HistoryTable(props: {
  unitId: UnitId;
  unitName: string;
  thresholds: Thresholds;
  current: PeriodKey;
  onChoose: (period: PeriodKey) => void;
}) {
  const { unitId, unitName, thresholds, current, onChoose } = props;
  // Only this unit's returns: its row in a period depends on nothing else.
  const returnsByPeriod = useUnitReturns(unitId);
  const targets = useAllTargets();
  const history = useMemo(
    () =>
      returnsByPeriod && targets
        ? unitHistory(returnsByPeriod, unitId, defaultRegister, thresholds, (year) => targets.get(year))
        : undefined,
    [returnsByPeriod, unitId, thresholds, targets],
  );
  const columns = useMemo(() => historyColumns(current, onChoose), [current, onChoose]);
  if (history === undefined) return <p className="loading">正在读取历史数据…</p>;
  if (history.length === 0) return <p className="muted">尚无该单位的月报。</p>;
  return (
    <DataTable
      caption={`${unitName}各期主要指标（共 ${history.length} 期）`}
      columns={columns}
      rows={history}
      rowKey={(h) => h.period}
      initialSorting={[{ id: 'period', desc: true }]}
      testId="unit-history"
    />
  );
}
