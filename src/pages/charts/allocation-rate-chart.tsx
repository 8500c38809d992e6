// 公租房分配率 by unit: sorted bars coloured by flag, with the low line (80%).
import { formatRate } from '../../domain/calc';
import type { AllocationFlag, PublicRentalRow, PublicRentalSection } from '../../domain/calc/types';
import type { Thresholds } from '../../domain/settings';
import { type ChartColumn, ChartFrame } from '../../ui/charts/chart-frame';
import { CHART_COLOURS } from '../../ui/charts/colours';
import { RateBarChart } from '../../ui/charts/rate-bar-chart';
import { byRateDesc, unitRateBar } from './unit-rate-bars';

export function allocationFlagLabel(flag: AllocationFlag, t: Thresholds): string {
  switch (flag) {
    case 'target':
      return `达到${t.allocationTarget}%`;
    case 'middle':
      return '未达目标';
    case 'low':
      return `低于${t.allocationLow}%`;
    case 'none':
      return '无筹集';
  }
}

const FLAG_COLOUR: Record<AllocationFlag, string> = {
  target: CHART_COLOURS.ok,
  middle: CHART_COLOURS.warn,
  low: CHART_COLOURS.bad,
  none: CHART_COLOURS.none,
};

export function AllocationRateChart({
  section,
  thresholds: t,
  periodLabel,
}: {
  section: PublicRentalSection;
  thresholds: Thresholds;
  periodLabel: string;
}) {
  const rows = byRateDesc(section.units);
  const columns: ChartColumn<PublicRentalRow>[] = [
    { header: '排名', value: (r) => r.rank, numeric: true },
    { header: '市县', value: (r) => r.name },
    { header: '累计筹集（套）', value: (r) => r.raised, numeric: true },
    { header: '累计已分配（套）', value: (r) => r.allocated, numeric: true },
    { header: '分配率（%）', value: (r) => formatRate(r.rate, 2).replace('%', ''), numeric: true },
    { header: '状态', value: (r) => allocationFlagLabel(r.flag, t) },
  ];
  const p = section.province;
  return (
    <ChartFrame
      title="各市县公共租赁住房分配率"
      description={
        <>
          {periodLabel}，全省累计筹集{p.raised.toLocaleString('zh-CN')}套、已分配
          {p.allocated.toLocaleString('zh-CN')}套，分配率
          {formatRate(p.rate)}；按分配率从高到低排列。
        </>
      }
      columns={columns}
      rows={rows}
      csvName={`公租房分配率-${periodLabel}`}
      legend={[
        { colour: FLAG_COLOUR.target, label: `达到目标（≥${t.allocationTarget}%）` },
        { colour: FLAG_COLOUR.middle, label: `未达目标（${t.allocationLow}%–${t.allocationTarget}%）` },
        { colour: FLAG_COLOUR.low, label: `低于${t.allocationLow}%` },
      ]}
      testId="allocation-rate-chart"
    >
      <RateBarChart
        bars={rows.map((r) =>
          unitRateBar(r, FLAG_COLOUR[r.flag], [
            `累计筹集：${r.raised.toLocaleString('zh-CN')}套`,
            `累计已分配：${r.allocated.toLocaleString('zh-CN')}套`,
            `分配率：${formatRate(r.rate)}（${allocationFlagLabel(r.flag, t)}）`,
          ]),
        )}
        references={[
          {
            value: t.allocationLow,
            label: `${t.allocationLow}%`,
            className: 'ref-low',
            colour: CHART_COLOURS.bad,
          },
        ]}
        axisLabel="分配率（%）"
        barTestId="allocation-rate-bar"
      />
    </ChartFrame>
  );
}
