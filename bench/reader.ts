// Benchmark section 'reader': readReturn over the 100 sample returns against a bare XLSX.read of the same bytes.
// Target: the reader within 1.5× the bare read (it reads once, with number formats, and walks cells directly),
// in wall time and in CPU time (the steadier of the two on a shared machine).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, unzipSync, zipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { readReturn } from '../src/import/read-return';
import { carryOverSheet, standardReturn, withSheet, workbookBytes } from '../src/import/test-workbooks';

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

type Pass = (name: string, bytes: Uint8Array) => void;

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Milliseconds of CPU (user + system) this process has used. */
function cpuMs(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

/**
 * Median milliseconds of one pass over all files, for each pass, in wall time and in CPU time. Passes
 * alternate round by round, so a burst of load on a shared machine weighs on both alike.
 */
function timePasses(files: [string, Uint8Array][], passes: Pass[]): { wall: number; cpu: number }[] {
  const wall = passes.map(() => [] as number[]);
  const cpu = passes.map(() => [] as number[]);
  for (let round = 0; round < ROUNDS + 1; round++) {
    passes.forEach((pass, p) => {
      const start = performance.now();
      const startCpu = cpuMs();
      for (const [name, bytes] of files) pass(name, bytes);
      // The first round warms the JIT and is not counted.
      if (round > 0) {
        wall[p]?.push(performance.now() - start);
        cpu[p]?.push(cpuMs() - startCpu);
      }
    });
  }
  return passes.map((_p, i) => ({ wall: median(wall[i] ?? []), cpu: median(cpu[i] ?? []) }));
}

/** One read of a large or hostile file (median of 3), with what became of it. */
function timeOnce(label: string, bytes: Uint8Array, name: string): void {
  const times: number[] = [];
  let outcome = '';
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    const result = readReturn(bytes, name);
    times.push(performance.now() - start);
    outcome = result.ok ? `read, ${result.returns.length} return` : `refused: ${result.issues[0]?.code}`;
  }
  console.log(`${label.padEnd(48)} ${median(times).toFixed(1).padStart(8)} ms  ${outcome}`);
}

/** The standard return with its first sheet's XML rewritten. */
function patchedSheet(patch: (xml: string) => string): Uint8Array {
  const files = unzipSync(workbookBytes(standardReturn()));
  const path = 'xl/worksheets/sheet1.xml';
  files[path] = strToU8(patch(new TextDecoder().decode(files[path])));
  return zipSync(files, { level: 9 });
}

export async function run(): Promise<void> {
  const files = loadFiles();
  let failures = 0;
  const [reader = { wall: 0, cpu: 0 }, bare = { wall: 1, cpu: 1 }] = timePasses(files, [
    (name, bytes) => {
      if (!readReturn(bytes, name).ok) failures++;
    },
    (_name, bytes) => {
      XLSX.read(bytes);
    },
  ]);
  const n = files.length;
  const row = (label: string, t: { wall: number; cpu: number }) =>
    console.log(
      `${label.padEnd(26)} ${(t.wall / n).toFixed(2).padStart(7)} ms/file  ${((n * 1000) / t.wall).toFixed(0).padStart(6)} files/s  (CPU ${(t.cpu / n).toFixed(2)} ms/file)`,
    );
  console.log(`${n} sample files, median of ${ROUNDS} passes (refused: ${failures / (ROUNDS + 1)})`);
  row('readReturn', reader);
  row('bare XLSX.read(bytes)', bare);
  const ratio = reader.wall / bare.wall;
  const cpuRatio = reader.cpu / bare.cpu;
  const met = (r: number) => (r <= 1.5 ? 'met' : 'NOT met');
  console.log(
    `ratio reader / bare read: ${ratio.toFixed(2)}× wall, ${cpuRatio.toFixed(2)}× CPU (target ≤ 1.5×: ${met(ratio)} wall, ${met(cpuRatio)} CPU)`,
  );

  console.log('large and hostile files:');
  const projects = Array.from({ length: 10_000 }, (_, i) => [
    i + 1,
    '农安县',
    `项目${i + 1}`,
    100,
    10,
    '安置房源不足',
    '2018年12月',
  ]);
  timeOnce(
    '表4 with 10,000 project rows',
    workbookBytes(withSheet(standardReturn(), carryOverSheet({}, projects))),
    'big.xlsx',
  );
  timeOnce(
    'sheet claiming A1:XFD1048576, a cell at XFD1048576',
    patchedSheet((xml) =>
      xml
        .replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>')
        .replace(
          '</sheetData>',
          '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>',
        ),
    ),
    'huge-range.xlsx',
  );
  timeOnce(
    'zip bomb (50 MB of blanks packed small)',
    patchedSheet((xml) => xml.replace('<sheetData>', `<sheetData>${' '.repeat(50 << 20)}`)),
    'bomb.xlsx',
  );
}
