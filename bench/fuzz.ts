// Benchmark section 'fuzz': thousands of seeded damaged copies of the samples (FUZZ_COUNT, default 3000; FUZZ_SEED),
// each read in a child process under the app's 20 s budget; prints the counts per outcome and per kind of damage,
// what the refusals said, and the worst time. Any copy read wrong, refused without a reason, past its budget or
// crashing the reader is listed and fails the run.
import { BAD_OUTCOMES, FuzzReader, loadOriginals, type Outcome, runFuzz } from '../src/import/fuzz-harness';

const OUTCOMES: readonly Outcome[] = ['refused', 'same', 'differs', 'noReason', 'timeout', 'crash'];

export async function run(): Promise<void> {
  const count = Number(process.env.FUZZ_COUNT ?? 3000);
  const seed = Number(process.env.FUZZ_SEED ?? 20261201);
  const reader = new FuzzReader(20_000);
  try {
    const originals = await loadOriginals(reader);
    const start = performance.now();
    const report = await runFuzz({
      seed,
      count,
      reader,
      originals,
      onCase: (_, i) => {
        if ((i + 1) % 500 === 0) console.log(`  … ${i + 1} / ${count}`);
      },
    });
    const seconds = (performance.now() - start) / 1000;
    console.log(
      `${count} damaged copies of ${originals.length} samples (seed ${seed}) in ${seconds.toFixed(1)} s, ${reader.restarts} reader restarts`,
    );
    console.log(`outcomes: ${OUTCOMES.map((o) => `${o} ${report.counts[o]}`).join(', ')}`);
    for (const [kind, counts] of Object.entries(report.byKind)) {
      const shown = OUTCOMES.filter((o) => counts[o] > 0).map((o) => `${o} ${counts[o]}`);
      console.log(`  ${kind.padEnd(10)} ${shown.join(', ')}`);
    }
    console.log(
      `refusals: ${Object.entries(report.codes)
        .sort((a, b) => b[1] - a[1])
        .map(([code, n]) => `${code} ${n}`)
        .join(', ')}`,
    );
    const worst = report.worst;
    if (worst)
      console.log(
        `worst time: ${worst.ms.toFixed(0)} ms (${worst.original}, ${worst.detail}: ${worst.outcome})`,
      );
    const bad = report.cases.filter((c) => BAD_OUTCOMES.includes(c.outcome));
    for (const c of bad.slice(0, 20))
      console.log(`  BAD ${c.outcome}: ${c.original}, ${c.kind}, ${c.detail}`);
    console.log(
      bad.length === 0 ? 'every copy refused with a reason or read as the original: OK' : `${bad.length} BAD`,
    );
    if (bad.length > 0) process.exitCode = 1;
  } finally {
    reader.close();
  }
}
