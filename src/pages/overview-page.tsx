// 概览: the province at a glance for the selected 报告期 — the headline figures against their lines with what
// changed since last month and last year, who needs attention, the tile map and the prefectures month over
// month. Every figure comes from the shared analysis (useAnalysis), the comparisons from the same inputs.
import { useEffect, useMemo, useState } from 'react';
import { useUnresolvedFiles } from '../db/hooks';
import type { UnresolvedFileRecord } from '../db/unresolved-files';
import { attentionList } from '../domain/calc/attention';
import { monthTable, overviewCards, overviewPeriods } from '../domain/calc/overview';
import { overviewText } from '../domain/messages';
import { periodLabel } from '../domain/period';
import { defaultRegister } from '../domain/units';
import { afterPaint } from '../ui/after-paint';
import { type ContentsEntry, PageContents } from '../ui/page-contents';
import { AnalysisNotices } from './analysis-notices';
import { EmptyState } from './data/empty-state';
import { AttentionTable } from './overview/attention-table';
import { OverviewCards } from './overview/cards';
import { MonthTable } from './overview/month-table';
import { TileMap } from './overview/tile-map';
import { usePeriod } from './period-context';
import { type AnalysisState, useAnalysis, useYearTrends } from './use-analysis';
import './data/data.css';
import './overview/overview.css';

const CONTENTS: ContentsEntry[] = [
  { label: '主要指标', target: '#ov-cards-title' },
  { label: '需要关注', target: '#ov-attention-title' },
  { label: '市县分布图', target: '[data-testid="tile-map"] h2' },
  { label: '较上月', target: '#ov-month-title' },
];

export default function OverviewPage() {
  const state = useAnalysis({ alsoRead: overviewPeriods });
  // Read beside the analysis's returns, not after them: the page is drawn when both have come.
  const unresolved = useUnresolvedFiles(usePeriod().period);
  return (
    <section aria-labelledby="overview-title" className="overview-page">
      <h1 id="overview-title">概览{state.status === 'ready' ? ` · ${periodLabel(state.period)}` : ''}</h1>
      {(state.status === 'loading' || (state.status === 'ready' && unresolved === undefined)) && (
        <p className="loading">正在读取数据…</p>
      )}
      {state.status === 'empty' && <EmptyState />}
      {state.status === 'ready' && unresolved !== undefined && (
        <OverviewBody state={state} unresolved={unresolved} />
      )}
    </section>
  );
}

/** False until the component has been painted once, then true for good. */
function usePaintedOnce(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => (painted ? undefined : afterPaint(() => setPainted(true))), [painted]);
  return painted;
}

/**
 * The headline cards. Their trend lines read the year's months once the page has been painted (those reads and
 * sums do not hold it back) and are drawn in when they come; only the cards are drawn again then.
 */
function CardsWithTrends({ state }: { state: Extract<AnalysisState, { status: 'ready' }> }) {
  const { period, analysis, analyseAt, thresholds } = state;
  const painted = usePaintedOnce();
  const trends = useYearTrends(painted ? period : null);
  const cards = useMemo(() => overviewCards(period, analyseAt, trends ?? []), [period, analyseAt, trends]);
  return (
    <OverviewCards
      cards={cards}
      thresholds={thresholds}
      flags={{ start: analysis.start.province.flag, allocation: analysis.publicRental.province.flag }}
    />
  );
}

function OverviewBody({
  state,
  unresolved,
}: {
  state: Extract<AnalysisState, { status: 'ready' }>;
  /** The period's refused files still to resolve (read with the analysis, for the attention list). */
  unresolved: readonly UnresolvedFileRecord[];
}) {
  const { period, analysis, analyseAt } = state;
  const rows = useMemo(() => monthTable(period, analyseAt, defaultRegister.groups()), [period, analyseAt]);
  const attention = useMemo(
    () => attentionList(analysis, defaultRegister, unresolved),
    [analysis, unresolved],
  );
  // The refused files are a small read, waited for (above) so that the attention list does not change under the
  // reader.
  return (
    <>
      <PageContents entries={CONTENTS} />
      <AnalysisNotices analysis={analysis} scope="overview" />
      <h2 id="ov-cards-title">主要指标</h2>
      <p className="muted ov-dash-note">{overviewText('change.dashNote')}</p>
      <CardsWithTrends state={state} />
      <section className="ov-deferred" aria-labelledby="ov-attention-title">
        <h2 id="ov-attention-title">需要关注</h2>
        <AttentionTable attention={attention} />
      </section>
      <TileMap analysis={analysis} />
      <section className="ov-deferred" aria-labelledby="ov-month-title">
        <h2 id="ov-month-title">较上月</h2>
        <MonthTable rows={rows} period={period} />
      </section>
    </>
  );
}
