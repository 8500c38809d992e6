// Benchmark section 'calc': analysing one period — all five attachments, flags, ranks, lists and month increases —
// on the 100 sample returns (target < 50 ms); also the province trends, and a year of work (13 periods) for scale.
import { performance } from 'node:perf_hooks';
import { analysePeriod, analyseTrends } from '../src/domain/calc';
import { DEFAULT_THRESHOLDS } from '../src/domain/settings';
import { defaultRegister } from '../src/domain/units';
import { loadSampleReturns } from '../src/integration/load-samples';
import { buildYear } from '../src/integration/year-of-work';

const TARGET_MS = 50;

function measure(runs: number, work: () => unknown): { mean: number; median: number; max: number } {
  for (let i = 0; i < 5; i++) work(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    work();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((s, t) => s + t, 0) / times.length;
  return { mean, median: times[Math.floor(times.length / 2)] ?? 0, max: times.at(-1) ?? 0 };
}

function line(
  name: string,
  runs: number,
  r: { mean: number; median: number; max: number },
  target?: number,
): void {
  const verdict =
    target === undefined
      ? ''
      : r.median < target
        ? `  (target < ${target} ms: met)`
        : `  (target < ${target} ms: MISSED)`;
  console.log(
    `${name.padEnd(44)} mean ${r.mean.toFixed(2)} ms  median ${r.median.toFixed(2)} ms  max ${r.max.toFixed(2)} ms  (${runs} runs)${verdict}`,
  );
}

export async function run(): Promise<void> {
  const samples = loadSampleReturns();
  const count = [...samples.values()].reduce((s, l) => s + l.length, 0);
  console.log(`samples: ${count} returns in ${samples.size} periods`);
  const runs = 200;
  line(
    'analysePeriod 2018-09 (5 attachments)',
    runs,
    measure(runs, () =>
      analysePeriod({
        returnsByPeriod: samples,
        period: '2018-09',
        register: defaultRegister,
        thresholds: DEFAULT_THRESHOLDS,
      }),
    ),
    TARGET_MS,
  );
  line(
    'analyseTrends (2 periods)',
    runs,
    measure(runs, () => analyseTrends(samples, defaultRegister)),
  );

  // A year of work (2018-01 … 2019-01, built from the samples as in src/integration/year-of-work.test.ts):
  // stored data at its largest in a year, with the year boundary and every month's previous month stored.
  const { year } = buildYear(samples);
  const periods = [...year.keys()];
  line(
    `analysePeriod 2018-12 of ${periods.length} stored periods`,
    runs,
    measure(runs, () =>
      analysePeriod({
        returnsByPeriod: year,
        period: '2018-12',
        register: defaultRegister,
        thresholds: DEFAULT_THRESHOLDS,
      }),
    ),
    TARGET_MS,
  );
  line(
    'analysePeriod 2019-01 (across the year)',
    runs,
    measure(runs, () =>
      analysePeriod({
        returnsByPeriod: year,
        period: '2019-01',
        register: defaultRegister,
        thresholds: DEFAULT_THRESHOLDS,
      }),
    ),
    TARGET_MS,
  );
  line(
    `every period in turn (${periods.length} analyses)`,
    20,
    measure(20, () => {
      for (const period of periods)
        analysePeriod({
          returnsByPeriod: year,
          period,
          register: defaultRegister,
          thresholds: DEFAULT_THRESHOLDS,
        });
    }),
  );
  line(
    `analyseTrends (${periods.length} periods)`,
    runs,
    measure(runs, () => analyseTrends(year, defaultRegister)),
  );
}
