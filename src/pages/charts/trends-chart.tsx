// Province trends across stored periods: started (套), disbursed (亿元), public rental allocation rate (%).
import type { ReactNode } from 'react';
import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  type TooltipContentProps,
  XAxis,
  YAxis,
} from 'recharts';
import { formatRate, formatYi, ratePercent, yuanToYi } from '../../domain/calc';
import type { TrendPoint } from '../../domain/calc/types';
import { maxOf } from '../../domain/iterate';
import { type ChartColumn, ChartFrame } from '../../ui/charts/chart-frame';
import { CHART_COLOURS } from '../../ui/charts/colours';
import { niceTicks } from '../../ui/charts/nice-ticks';

interface Series {
  key: 'started' | 'disbursed' | 'allocationRate';
  title: string;
  unit: string;
  colour: string;
  value: (p: TrendPoint) => number | null;
  exact: (p: TrendPoint) => string;
}

const SERIES: Series[] = [
  {
    key: 'started',
    title: '全省累计开工',
    unit: '套',
    colour: CHART_COLOURS.ok,
    value: (p) => p.started,
    exact: (p) => `${p.started.toLocaleString('zh-CN')}套（开工率${formatRate(p.startRate)}）`,
  },
  {
    key: 'disbursed',
    title: '全省本年发放贷款',
    unit: '亿元',
    colour: CHART_COLOURS.disbursed,
    value: (p) => yuanToYi(p.disbursed),
    exact: (p) => `${formatYi(p.disbursed)}亿元`,
  },
  {
    key: 'allocationRate',
    title: '全省公租房分配率',
    unit: '%',
    colour: CHART_COLOURS.credit,
    value: (p) => ratePercent(p.allocationRate),
    exact: (p) =>
      `${formatRate(p.allocationRate)}（${p.allocated.toLocaleString('zh-CN')}/${p.raised.toLocaleString('zh-CN')}套）`,
  },
];

function TrendTooltip({
  active,
  payload,
  series,
}: Partial<TooltipContentProps<number, string>> & { series: Series }): ReactNode {
  const point = active ? (payload?.[0]?.payload as { point: TrendPoint } | undefined) : undefined;
  if (!point) return null;
  return (
    <div className="chart-tooltip">
      <strong>{point.point.label}</strong>
      <div>
        {series.title}：{series.exact(point.point)}
      </div>
      <div>报送单位：{point.point.unitsReported}个</div>
    </div>
  );
}

export function TrendsChart({ trends }: { trends: TrendPoint[] }) {
  const columns: ChartColumn<TrendPoint>[] = [
    { header: '报告期', value: (p) => p.label },
    { header: '报送单位（个）', value: (p) => p.unitsReported, numeric: true },
    { header: '累计开工（套）', value: (p) => p.started, numeric: true },
    { header: '开工率（%）', value: (p) => formatRate(p.startRate).replace('%', ''), numeric: true },
    { header: '本年发放贷款（亿元）', value: (p) => formatYi(p.disbursed), numeric: true },
    {
      header: '公租房分配率（%）',
      value: (p) => formatRate(p.allocationRate).replace('%', ''),
      numeric: true,
    },
  ];
  return (
    <ChartFrame
      title="全省进展趋势"
      description={<>已存储的{trends.length}个报告期的全省数据（开工、贷款为当年累计数，年初归零）。</>}
      columns={columns}
      rows={trends}
      csvName="全省进展趋势"
      testId="trends-chart"
    >
      <div className="chart-grid">
        {SERIES.map((s) => {
          const data = trends.map((p) => ({ label: p.label, value: s.value(p), point: p }));
          const ticks = niceTicks(
            maxOf(
              data.map((d) => d.value ?? 0),
              0,
            ),
          );
          // A few periods fit side by side; a year of them is slanted to stay readable.
          const slanted = data.length > 6;
          return (
            <div key={s.key} data-testid={`trend-${s.key}`}>
              <h3 data-svg-caption>
                {s.title}（{s.unit}）
              </h3>
              <ResponsiveContainer width="100%" height={240}>
                <LineChart data={data} margin={{ top: 10, right: 20, bottom: 30, left: 10 }}>
                  <CartesianGrid stroke="#eaeef2" />
                  <XAxis
                    dataKey="label"
                    angle={slanted ? -30 : 0}
                    textAnchor={slanted ? 'end' : 'middle'}
                    height={slanted ? 50 : 30}
                    interval={0}
                    padding={{ left: 36, right: 36 }}
                    tick={{ fontSize: 12 }}
                  />
                  {/* The unit is in the heading above; no sideways 亿元 beside the axis. */}
                  <YAxis
                    width={64}
                    tick={{ fontSize: 12 }}
                    domain={[0, ticks.at(-1) ?? 1]}
                    ticks={ticks}
                    tickFormatter={(v: number) => v.toLocaleString('zh-CN')}
                  />
                  <Tooltip content={<TrendTooltip series={s} />} />
                  <Line
                    type="linear"
                    dataKey="value"
                    name={s.title}
                    stroke={s.colour}
                    strokeWidth={2}
                    dot={{ r: 4 }}
                    isAnimationActive={false}
                    connectNulls={false}
                  />
                </LineChart>
              </ResponsiveContainer>
            </div>
          );
        })}
      </div>
    </ChartFrame>
  );
}
