// Axis ticks at round numbers (0, 50, 100, 150…), where the chart library's own would give 0, 65, 130, 195.

/** Ticks from 0 up to at least `max`, about `count` steps of 1, 2, 2.5 or 5 × a power of ten. */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0, 1];
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
  const steps = Math.ceil(max / step - 1e-9);
  // Multiply rather than add, so that 0.1 steps stay 0.3, not 0.30000000000000004.
  return Array.from({ length: steps + 1 }, (_, i) => Number((i * step).toPrecision(12)));
}
