// 图表: the charts of the selected 报告期 and the province trends, loaded lazily (recharts stays out of the main bundle).

import { periodLabel } from '../domain/period';
import { type ContentsEntry, PageContents } from '../ui/page-contents';
import { AnalysisNotices } from './analysis-notices';
import { AllocationRateChart } from './charts/allocation-rate-chart';
import { LoanBankChart } from './charts/loan-bank-chart';
import { StartRateChart } from './charts/start-rate-chart';
import { TrendsChart } from './charts/trends-chart';
import { useAnalysis, useProvinceTrends } from './use-analysis';

/** Each chart's heading, found by its frame's test id (the heading ids are generated). */
const CONTENTS: ContentsEntry[] = [
  { label: '开工率', target: '[data-testid="start-rate-chart"] h2' },
  { label: '银行贷款', target: '[data-testid="loan-bank-chart"] h2' },
  { label: '公租房分配率', target: '[data-testid="allocation-rate-chart"] h2' },
  { label: '全省趋势', target: '[data-testid="trends-chart"] h2' },
];

export default function ChartsPage() {
  const state = useAnalysis();
  const trends = useProvinceTrends();
  return (
    <section aria-labelledby="charts-title" className="charts-page">
      <h1 id="charts-title">图表</h1>
      {state.status === 'loading' || (state.status === 'ready' && trends === undefined) ? (
        <p className="loading">正在读取数据…</p>
      ) : state.status === 'empty' ? (
        <div className="notice" role="status" data-testid="charts-empty">
          还没有可绘制的数据。请到 <a href="#/import">导入</a> 页导入各市县月报，或点击“载入示例数据”。
        </div>
      ) : (
        <>
          <PageContents entries={CONTENTS} />
          <AnalysisNotices analysis={state.analysis} scope="charts" />
          <StartRateChart
            section={state.analysis.start}
            thresholds={state.thresholds}
            periodLabel={periodLabel(state.period)}
          />
          <LoanBankChart section={state.analysis.loan} periodLabel={periodLabel(state.period)} />
          <AllocationRateChart
            section={state.analysis.publicRental}
            thresholds={state.thresholds}
            periodLabel={periodLabel(state.period)}
          />
          <TrendsChart trends={trends ?? []} />
        </>
      )}
    </section>
  );
}
