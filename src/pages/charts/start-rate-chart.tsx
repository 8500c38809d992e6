// 开工率 by unit: sorted bars coloured by flag, with the target and warning lines.
import { formatRate } from '../../domain/calc';
import type { StartFlag, StartRow, StartSection } from '../../domain/calc/types';
import type { Thresholds } from '../../domain/settings';
import { type ChartColumn, ChartFrame } from '../../ui/charts/chart-frame';
import { CHART_COLOURS } from '../../ui/charts/colours';
import { RateBarChart } from '../../ui/charts/rate-bar-chart';
import { byRateDesc, unitRateBar } from './unit-rate-bars';

export function startFlagLabel(flag: StartFlag, t: Thresholds): string {
  switch (flag) {
    case 'reached':
      return `达到${t.startTarget}%`;
    case 'lagging':
      return '滞后';
    case 'below':
      return `低于${t.startWarning}%`;
    case 'none':
      return '无计划';
  }
}

const FLAG_COLOUR: Record<StartFlag, string> = {
  reached: CHART_COLOURS.ok,
  lagging: CHART_COLOURS.warn,
  below: CHART_COLOURS.bad,
  none: CHART_COLOURS.none,
};

export function StartRateChart({
  section,
  thresholds: t,
  periodLabel,
}: {
  section: StartSection;
  thresholds: Thresholds;
  periodLabel: string;
}) {
  const rows = byRateDesc(section.units);
  const columns: ChartColumn<StartRow>[] = [
    { header: '排名', value: (r) => r.rank, numeric: true },
    { header: '市县', value: (r) => r.name },
    { header: '年度计划（套）', value: (r) => r.plan, numeric: true },
    { header: '累计开工（套）', value: (r) => r.started, numeric: true },
    { header: '开工率（%）', value: (r) => formatRate(r.rate, 2).replace('%', ''), numeric: true },
    { header: '状态', value: (r) => startFlagLabel(r.flag, t) },
  ];
  const skipped = section.units.length - rows.length;
  return (
    <ChartFrame
      title="各市县棚户区改造开工率"
      description={
        <>
          {periodLabel}，全省开工率 {formatRate(section.province.rate)}（
          {section.province.started.toLocaleString('zh-CN')}/{section.province.plan.toLocaleString('zh-CN')}
          套）；按开工率从高到低排列，共{rows.length}个有年度计划的市县
          {skipped > 0 ? `（${skipped}个无计划，未列入）` : ''}。
        </>
      }
      columns={columns}
      rows={rows}
      csvName={`开工率-${periodLabel}`}
      legend={[
        { colour: FLAG_COLOUR.reached, label: `达到目标（≥${t.startTarget}%）` },
        { colour: FLAG_COLOUR.lagging, label: `滞后（${t.startWarning}%–${t.startTarget}%）` },
        { colour: FLAG_COLOUR.below, label: `低于预警线（<${t.startWarning}%）` },
      ]}
      testId="start-rate-chart"
    >
      <RateBarChart
        bars={rows.map((r) =>
          unitRateBar(r, FLAG_COLOUR[r.flag], [
            `年度计划：${r.plan.toLocaleString('zh-CN')}套`,
            `累计开工：${r.started.toLocaleString('zh-CN')}套`,
            `开工率：${formatRate(r.rate)}（${startFlagLabel(r.flag, t)}）`,
          ]),
        )}
        references={[
          {
            value: t.startTarget,
            label: `目标${t.startTarget}%`,
            className: 'ref-target',
            colour: CHART_COLOURS.ok,
          },
          {
            value: t.startWarning,
            label: `预警线${t.startWarning}%`,
            className: 'ref-warning',
            colour: CHART_COLOURS.bad,
          },
        ]}
        axisLabel="开工率（%）"
        barTestId="start-rate-bar"
      />
    </ChartFrame>
  );
}
