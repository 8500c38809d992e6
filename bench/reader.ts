// Benchmark section 'reader': readReturn over the 100 sample returns against a bare XLSX.read of the same bytes.
// Target: the reader within 2× the bare read (it reads once, with number formats, and walks cells directly).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from 'xlsx';
import { readReturn } from '../src/import/read-return';

const SAMPLES = fileURLToPath(new URL('../fixtures/samples', import.meta.url));
const ROUNDS = 7;

function loadFiles(): [string, Uint8Array][] {
  const out: [string, Uint8Array][] = [];
  for (const period of readdirSync(SAMPLES)
    .filter((d) => /^\d{4}-\d{2}$/.test(d))
    .sort()) {
    for (const name of readdirSync(join(SAMPLES, period)).sort()) {
      out.push([name, new Uint8Array(readFileSync(join(SAMPLES, period, name)))]);
    }
  }
  return out;
}

/** Median milliseconds of one pass over all files. */
function timePasses(files: [string, Uint8Array][], pass: (name: string, bytes: Uint8Array) => void): number {
  const times: number[] = [];
  for (let round = 0; round < ROUNDS + 1; round++) {
    const start = performance.now();
    for (const [name, bytes] of files) pass(name, bytes);
    // The first round warms the JIT and is not counted.
    if (round > 0) times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

export async function run(): Promise<void> {
  const files = loadFiles();
  let failures = 0;
  const reader = timePasses(files, (name, bytes) => {
    const result = readReturn(bytes, name);
    if (!result.ok) failures++;
  });
  const bare = timePasses(files, (_name, bytes) => {
    XLSX.read(bytes);
  });
  const n = files.length;
  const row = (label: string, ms: number) =>
    console.log(
      `${label.padEnd(26)} ${(ms / n).toFixed(2).padStart(7)} ms/file  ${((n * 1000) / ms).toFixed(0).padStart(6)} files/s`,
    );
  console.log(`${n} sample files, median of ${ROUNDS} passes (refused: ${failures / (ROUNDS + 1)})`);
  row('readReturn', reader);
  row('bare XLSX.read(bytes)', bare);
  const ratio = reader / bare;
  console.log(
    `ratio reader / bare read: ${ratio.toFixed(2)}× (target ≤ 2×: ${ratio <= 2 ? 'met' : 'NOT met'})`,
  );
}
