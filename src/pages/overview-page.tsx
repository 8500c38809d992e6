// 概览: the province at a glance for the selected 报告期 — the headline figures against their lines with what
// changed since last month and last year, who needs attention, the tile map and the prefectures month over
// month. Every figure comes from the shared analysis (useAnalysis), the comparisons from the same inputs.
import { useMemo } from 'react';
import { useUnresolvedFiles } from '../db/hooks';
import { attentionList } from '../domain/calc/attention';
import { monthTable, overviewCards, overviewPeriods } from '../domain/calc/overview';
import { overviewText } from '../domain/messages';
import { periodLabel } from '../domain/period';
import { defaultRegister } from '../domain/units';
import { type ContentsEntry, PageContents } from '../ui/page-contents';
import { AnalysisNotices } from './analysis-notices';
import { EmptyState } from './data/empty-state';
import { AttentionTable } from './overview/attention-table';
import { OverviewCards } from './overview/cards';
import { MonthTable } from './overview/month-table';
import { TileMap } from './overview/tile-map';
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
  return (
    <section aria-labelledby="overview-title" className="overview-page">
      <h1 id="overview-title">概览{state.status === 'ready' ? ` · ${periodLabel(state.period)}` : ''}</h1>
      {state.status === 'loading' && <p className="loading">正在读取数据…</p>}
      {state.status === 'empty' && <EmptyState />}
      {state.status === 'ready' && <OverviewBody state={state} />}
    </section>
  );
}

function OverviewBody({ state }: { state: Extract<AnalysisState, { status: 'ready' }> }) {
  const { period, analysis, analyseAt, thresholds } = state;
  const unresolved = useUnresolvedFiles(period);
  const trends = useYearTrends(period);
  const cards = useMemo(() => overviewCards(period, analyseAt, trends ?? []), [period, analyseAt, trends]);
  const rows = useMemo(() => monthTable(period, analyseAt, defaultRegister.groups()), [period, analyseAt]);
  const attention = useMemo(
    () => attentionList(analysis, defaultRegister, unresolved ?? []),
    [analysis, unresolved],
  );
  // The refused files are a small read, waited for so that the attention list does not change under the reader;
  // the trend lines read the year's months and are drawn into the cards when they come.
  if (unresolved === undefined) return <p className="loading">正在读取数据…</p>;
  return (
    <>
      <PageContents entries={CONTENTS} />
      <AnalysisNotices analysis={analysis} scope="overview" />
      <h2 id="ov-cards-title">主要指标</h2>
      <p className="muted ov-dash-note">{overviewText('change.dashNote')}</p>
      <OverviewCards
        cards={cards}
        thresholds={thresholds}
        flags={{ start: analysis.start.province.flag, allocation: analysis.publicRental.province.flag }}
      />
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
