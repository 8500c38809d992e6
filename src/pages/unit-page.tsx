// A unit's page (#/unit/<id>): all its figures for the 报告期, its history across stored periods, and the
// revisions of its returns.
import { useRefusedUnits } from '../db/file-reads';
import { reviewText } from '../domain/messages';
import { periodLabel } from '../domain/period';
import { defaultRegister } from '../domain/units';
import { dataHref, entryHref } from '../ui/links';
import { EmptyState } from './data/empty-state';
import { RevisionHistory } from './history/revision-history';
import { usePeriod } from './period-context';
import { SyncConflictsGate } from './sync/sync-conflicts-gate';
import { HistoryTable } from './unit/history-table';
import { UnitFigures } from './unit/unit-figures';
import { useAnalysis } from './use-analysis';
import './data/data.css';

export function UnitPage({ unitId }: { unitId: string }) {
  const unit = defaultRegister.unit(unitId);
  const state = useAnalysis();
  const { setPeriod } = usePeriod();
  const refused = useRefusedUnits(state.status === 'ready' ? state.period : null);
  if (!unit) {
    return (
      <section aria-labelledby="unit-title">
        <h1 id="unit-title">未知单位</h1>
        <p className="notice bad">
          单位代码“{unitId}”不在全省报送单位名录中。<a href={dataHref()}>返回汇总数据</a>
        </p>
      </section>
    );
  }
  const groupName = defaultRegister.groupName(defaultRegister.groupOf(unit));
  return (
    <section aria-labelledby="unit-title">
      <p className="no-print back-link">
        <a href={dataHref()}>← 返回汇总数据</a>
      </p>
      <h1 id="unit-title">{unit.name}</h1>
      <p className="muted">
        {unit.fullName} · {groupName} · 单位代码 {unit.id}
      </p>
      <p className="toolbar no-print">
        <a className="button" href={entryHref(unit.id, state.status === 'ready' ? state.period : null)}>
          {state.status === 'ready' && state.analysis.reportedUnits.includes(unit.id)
            ? '手工更正本期数据'
            : '手工录入'}
        </a>
      </p>
      <SyncConflictsGate unitId={unit.id} />
      {state.status === 'loading' && <p className="loading">正在读取数据…</p>}
      {state.status === 'empty' && <EmptyState />}
      {state.status === 'ready' && (
        <>
          <h2>{periodLabel(state.period)}各项指标</h2>
          {!state.analysis.reportedUnits.includes(unit.id) && (
            <p className="notice warn">
              {refused?.includes(unit.id)
                ? reviewText('unit.refused', { unit: unit.name, period: periodLabel(state.period) })
                : `${unit.name}尚未上报${periodLabel(state.period)}的月报。`}
            </p>
          )}
          <UnitFigures analysis={state.analysis} unitId={unit.id} thresholds={state.thresholds} />
          <h2>历史数据</h2>
          <HistoryTable
            unitId={unit.id}
            unitName={unit.name}
            thresholds={state.thresholds}
            current={state.period}
            onChoose={setPeriod}
          />
          <RevisionHistory unitId={unit.id} period={state.period} />
        </>
      )}
    </section>
  );
}
