// Benchmark section 'review': what 核对 and 手工录入 cost per file, in the review worker's own handler — opening
// a file (its cell view and a read with the preview's values), reading it again after a decision (a mapping
// and a correction), and reading a manual entry through the template's sheets. Targets: opening < 150 ms and a
// re-read < 100 ms per sample file (each decision re-reads), a manual entry < 100 ms.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { entryFromReturn } from '../src/domain/manual-entry';
import { readReturn } from '../src/import/read-return';
import { handleReview } from '../src/import/review-worker';

const SAMPLES = fileURLToPath(new URL('../fixtures/samples', import.meta.url));
const MB = 1024 * 1024;

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function timed(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

export async function run(): Promise<void> {
  const files = ['2018-08', '2018-09'].flatMap((period) =>
    readdirSync(join(SAMPLES, period))
      .filter((f) => f.endsWith('.xlsx'))
      .sort()
      .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(SAMPLES, period, name))) })),
  );
  const open: number[] = [];
  const again: number[] = [];
  const manual: number[] = [];
  const plain: number[] = [];
  for (const [round, { name, bytes }] of [...files, ...files].entries()) {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const first = readReturn(bytes, name);
    if (!first.ok || !first.returns[0]) throw new Error(`${name} refused`);
    const ret = first.returns[0];
    const base = { op: 'review' as const, fileName: name, bytes: buffer, maxBytes: 20 * MB };
    const t0 = timed(() => readReturn(bytes, name));
    const t1 = timed(() => handleReview({ ...base, view: true, layouts: [], corrections: [] }));
    // A decision: the unit's layout naming one header, and one cell corrected to its own figure.
    const layouts = [{ unitId: ret.unitId, table: 'start' as const, headers: { 备注说明: null } }];
    const plan = String(ret.tables.start?.plan ?? 0);
    const corrections = [{ sheet: '表1', cell: 'C4', original: plan, value: plan, note: '基准' }];
    const t2 = timed(() => handleReview({ ...base, view: false, layouts, corrections }));
    const t3 = timed(() =>
      handleReview({ op: 'manual', entry: entryFromReturn(ret.unitId, ret.period, ret.tables) }),
    );
    // The first pass over the files warms the JIT and is not counted.
    if (round < files.length) continue;
    plain.push(t0);
    open.push(t1);
    again.push(t2);
    manual.push(t3);
  }
  const line = (label: string, times: number[], target: number | null) =>
    console.log(
      `${label.padEnd(40)} median ${median(times).toFixed(1).padStart(6)} ms, max ${Math.max(...times)
        .toFixed(1)
        .padStart(6)} ms${
        target === null ? '' : ` (target < ${target} ms: ${median(times) < target ? 'met' : 'NOT met'})`
      }`,
    );
  console.log(`${files.length} sample files, each timed once after a warm-up pass`);
  line('plain read (for comparison)', plain, null);
  line('核对 opened: cell view + read with values', open, 150);
  line('核对 re-read after a decision', again, 100);
  line('手工录入 read through the template', manual, 100);
}
