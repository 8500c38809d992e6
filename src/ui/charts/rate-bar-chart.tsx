// A horizontal bar per unit of a rate in percent, coloured by its flag, with reference lines (target, warning).
// Horizontal bars keep 50 Chinese unit names readable; the height grows with the number of units.
import type { ReactNode } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  type TooltipContentProps,
  XAxis,
  YAxis,
} from 'recharts';
import { maxOf } from '../../domain/iterate';
import { CHART_COLOURS } from './colours';

export interface RateBar {
  id: string;
  name: string;
  /** The rate in percent, for drawing only (the exact figure is in `details`). */
  percent: number;
  colour: string;
  /** The figure written at the bar's end (86.02%), so the rate reads without hovering. */
  label: string;
  /** Tooltip lines with the exact figures. */
  details: string[];
}

export interface RateReference {
  value: number;
  label: string;
  /** Added to the line's class, for tests and styling. */
  className: string;
  colour: string;
}

interface RateBarChartProps {
  bars: readonly RateBar[];
  references: readonly RateReference[];
  axisLabel: string;
  /** data-testid of each bar's group. */
  barTestId: string;
}

const ROW_HEIGHT = 24;

function RateTooltip({ active, payload }: Partial<TooltipContentProps<number, string>>): ReactNode {
  const bar = active ? (payload?.[0]?.payload as RateBar | undefined) : undefined;
  if (!bar) return null;
  return (
    <div className="chart-tooltip">
      <strong>{bar.name}</strong>
      {bar.details.map((line) => (
        <div key={line}>{line}</div>
      ))}
    </div>
  );
}

export function RateBarChart({ bars, references, axisLabel, barTestId }: RateBarChartProps) {
  if (bars.length === 0)
    return <p className="muted">本期没有可绘制的数据（没有市县填报此表，或都没有计划数）。</p>;
  const max = maxOf([100, ...references.map((r) => r.value), ...bars.map((b) => b.percent)], 100);
  const domainMax = Math.ceil(max / 10) * 10;
  const height = bars.length * ROW_HEIGHT + 70;
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={[...bars]} layout="vertical" margin={{ top: 20, right: 64, bottom: 20, left: 10 }}>
        <CartesianGrid horizontal={false} stroke="#eaeef2" />
        <XAxis
          type="number"
          domain={[0, domainMax]}
          tickFormatter={(v: number) => `${v}%`}
          label={{ value: axisLabel, position: 'insideBottom', offset: -12 }}
        />
        <YAxis
          type="category"
          dataKey="name"
          width={100}
          interval={0}
          tick={{ fontSize: 13, fill: '#1f2328' }}
        />
        <Tooltip content={<RateTooltip />} cursor={{ fill: 'rgba(0,0,0,0.05)' }} />
        <Bar
          dataKey="percent"
          name={axisLabel}
          isAnimationActive={false}
          shape={(props: { x?: number; y?: number; width?: number; height?: number; payload?: RateBar }) => (
            <g data-testid={barTestId} data-unit={props.payload?.name}>
              <rect
                x={props.x}
                y={props.y}
                width={Math.max(0, props.width ?? 0)}
                height={props.height}
                fill={props.payload?.colour ?? CHART_COLOURS.none}
              />
              <text
                className="bar-value"
                x={(props.x ?? 0) + Math.max(0, props.width ?? 0) + 4}
                y={(props.y ?? 0) + (props.height ?? 0) / 2}
                dominantBaseline="central"
                fontSize={12}
                fill="#1f2328"
              >
                {props.payload?.label}
              </text>
            </g>
          )}
        />
        {references.map((r) => (
          <ReferenceLine
            key={r.className}
            x={r.value}
            className={r.className}
            stroke={r.colour}
            strokeDasharray="6 3"
            strokeWidth={2}
            label={{ value: r.label, position: 'top', fill: r.colour, fontSize: 12 }}
            ifOverflow="extendDomain"
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
