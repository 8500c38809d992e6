// A small trend line of one figure over the stored months of the year, drawn as SVG; its words (each month's
// figure) are its accessible name, so the line is never the only way to read it.
import type { FigureKind, TrendValue } from '../../domain/calc/overview';
import { maxOf, minOf } from '../../domain/iterate';
import { periodParts } from '../../domain/period';
import { formatFigure } from '../../ui/figure-format';

const WIDTH = 120;
const HEIGHT = 32;
const PAD = 3;

export function Sparkline({
  trend,
  kind,
  label,
}: {
  trend: readonly TrendValue[];
  kind: FigureKind;
  label: string;
}) {
  // Until the year's months are read (or when none has the figure), the line's place is kept empty.
  if (trend.length === 0) return <div className="ov-sparkline-space" style={{ height: HEIGHT }} />;
  const values = trend.map((t) => t.value.num / t.value.den);
  const min = minOf(values, 0);
  const max = maxOf(values, 0);
  const span = max - min || 1;
  const x = (i: number) =>
    trend.length === 1 ? WIDTH / 2 : PAD + (i * (WIDTH - 2 * PAD)) / (trend.length - 1);
  const y = (v: number) => HEIGHT - PAD - ((v - min) * (HEIGHT - 2 * PAD)) / span;
  const points = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const words = trend.map((t) => `${periodParts(t.period).month}月${formatFigure(kind, t.value)}`).join('，');
  const last = values.length - 1;
  return (
    <svg
      className="ov-sparkline"
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={`${label}本年各月：${words}`}
    >
      <title>{`${label}本年各月：${words}`}</title>
      {trend.length > 1 ? <polyline points={points} fill="none" /> : null}
      <circle cx={x(last)} cy={y(values[last] ?? 0)} r={2.5} />
    </svg>
  );
}
