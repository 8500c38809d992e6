// Fuzz harness (unit test and `npm run bench -- fuzz`): seeded damaged copies of the samples in fixtures/, each
// read in a child process under a time budget (stopped and replaced past it), sorted into outcomes. Only two
// are right: refused with a reason, or read with exactly the original's figures and text.
import { type ChildProcess, fork } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from 'xlsx';
import { seededRandom } from '../domain/seeded-random';
import type { FuzzAnswer, FuzzRequest } from './fuzz-child';
import { type MutationKind, mutateXls, mutateZip, XLS_MUTATIONS, ZIP_MUTATIONS } from './fuzz-mutations';

export type Outcome = 'refused' | 'same' | 'differs' | 'noReason' | 'timeout' | 'crash';
export const BAD_OUTCOMES: readonly Outcome[] = ['differs', 'noReason', 'timeout', 'crash'];

type Reading = { answer: FuzzAnswer | null; timedOut: boolean; wallMs: number };

/** One child process reading files one at a time; past `budgetMs` it is killed and the next read starts another. */
export class FuzzReader {
  private child: ChildProcess | null = null;
  private ready: Promise<void> | null = null;
  private next = 1;
  restarts = 0;

  constructor(private readonly budgetMs: number) {}

  private start(): Promise<void> {
    const child = fork(fileURLToPath(new URL('./fuzz-child.ts', import.meta.url)), [], {
      execArgv: ['--import', 'tsx'],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    this.child = child;
    this.ready = new Promise((resolve, reject) => {
      child.once('spawn', () => resolve());
      child.once('error', reject);
    });
    return this.ready;
  }

  async read(fileName: string, bytes: Uint8Array): Promise<Reading> {
    if (!this.child) {
      if (this.next > 1) this.restarts++;
      await this.start();
    }
    await this.ready;
    const child = this.child as ChildProcess;
    const id = this.next++;
    const begin = performance.now();
    return new Promise((resolve) => {
      let settled = false;
      const done = (answer: FuzzAnswer | null, timedOut: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        if (answer === null) {
          child.kill('SIGKILL');
          this.child = null;
        }
        resolve({ answer, timedOut, wallMs: performance.now() - begin });
      };
      const onMessage = (answer: FuzzAnswer) => {
        if (answer.id === id) done(answer, false);
      };
      const onExit = () => done(null, false);
      // The budget counts from the file's handing over; the child's first file also pays for loading the
      // reader, so that one is read twice where it ran over (see readUnder).
      const timer = setTimeout(() => done(null, true), this.budgetMs);
      child.on('message', onMessage);
      child.on('exit', onExit);
      const request: FuzzRequest = { id, fileName, bytes };
      child.send(request);
    });
  }

  close(): void {
    this.child?.kill('SIGKILL');
    this.child = null;
  }
}

export interface Original {
  fileName: string;
  bytes: Uint8Array;
  /** The returns as the reader reads the undamaged file (JSON). */
  returns: string;
}

const SAMPLES = fileURLToPath(new URL('../../fixtures/samples', import.meta.url));

/** The sample files, and an .xls copy of every tenth (written by SheetJS), each with what it reads as. */
export async function loadOriginals(reader: FuzzReader): Promise<Original[]> {
  const files: { fileName: string; bytes: Uint8Array }[] = [];
  for (const dir of readdirSync(SAMPLES, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const name of readdirSync(join(SAMPLES, dir.name)).sort()) {
      if (!name.endsWith('.xlsx')) continue;
      const bytes = new Uint8Array(readFileSync(join(SAMPLES, dir.name, name)));
      files.push({ fileName: name, bytes });
    }
  }
  const xls = files
    .filter((_, i) => i % 10 === 0)
    .map((f) => ({
      fileName: f.fileName.replace(/\.xlsx$/, '.xls'),
      bytes: new Uint8Array(
        XLSX.write(XLSX.read(f.bytes, { type: 'array' }), {
          bookType: 'biff8',
          type: 'array',
        }) as ArrayBuffer,
      ),
    }));
  const out: Original[] = [];
  for (const f of [...files, ...xls]) {
    // The first read also starts the child: a generous second try before an original is given up as unreadable.
    let reading = await reader.read(f.fileName, f.bytes);
    if (!reading.answer) reading = await reader.read(f.fileName, f.bytes);
    const answer = reading.answer;
    if (!answer?.ok)
      throw new Error(`the undamaged ${f.fileName} does not read: ${answer?.message ?? 'no answer'}`);
    out.push({ ...f, returns: answer.returns });
  }
  return out;
}

export interface FuzzCase {
  original: string;
  kind: MutationKind;
  detail: string;
  outcome: Outcome;
  ms: number;
  /** For 'refused': the refusal's code. */
  code?: string;
}

export interface FuzzReport {
  cases: FuzzCase[];
  counts: Record<Outcome, number>;
  byKind: Partial<Record<MutationKind, Record<Outcome, number>>>;
  /** Refusals by code: what the reader said. */
  codes: Record<string, number>;
  worst: FuzzCase | null;
}

const noOutcomes = (): Record<Outcome, number> => ({
  refused: 0,
  same: 0,
  differs: 0,
  noReason: 0,
  timeout: 0,
  crash: 0,
});

/** Sort a reading of a damaged copy of `original` into its outcome. */
export function outcomeOf(original: Original, reading: Reading): { outcome: Outcome; code?: string } {
  const { answer } = reading;
  if (!answer) return { outcome: reading.timedOut ? 'timeout' : 'crash' };
  if (answer.ok) return { outcome: answer.returns === original.returns ? 'same' : 'differs' };
  if (!answer.code || !answer.message) return { outcome: 'noReason' };
  return { outcome: 'refused', code: answer.code };
}

/** Read `count` damaged copies (seeded) and sort them; `onCase` sees each as it is done. */
export async function runFuzz(options: {
  seed: number;
  count: number;
  reader: FuzzReader;
  originals: readonly Original[];
  onCase?: (c: FuzzCase, index: number) => void;
}): Promise<FuzzReport> {
  const { seed, count, reader, originals } = options;
  const rnd = seededRandom(seed);
  const report: FuzzReport = { cases: [], counts: noOutcomes(), byKind: {}, codes: {}, worst: null };
  for (let i = 0; i < count; i++) {
    const original = originals[Math.floor(rnd() * originals.length)] as Original;
    const isXls = original.fileName.endsWith('.xls');
    const kinds = isXls ? XLS_MUTATIONS : ZIP_MUTATIONS;
    const kind = kinds[Math.floor(rnd() * kinds.length)] as MutationKind;
    const mutant = isXls ? mutateXls(original.bytes, kind, rnd) : mutateZip(original.bytes, kind, rnd);
    const reading = await reader.read(original.fileName, mutant.bytes);
    const { outcome, code } = outcomeOf(original, reading);
    const c: FuzzCase = {
      original: original.fileName,
      kind,
      detail: mutant.detail,
      outcome,
      ms: reading.answer ? reading.answer.ms : reading.wallMs,
    };
    if (code) {
      c.code = code;
      report.codes[code] = (report.codes[code] ?? 0) + 1;
    }
    report.cases.push(c);
    report.counts[outcome]++;
    const byKind = report.byKind[kind] ?? noOutcomes();
    byKind[outcome]++;
    report.byKind[kind] = byKind;
    if (!report.worst || c.ms > report.worst.ms) report.worst = c;
    options.onCase?.(c, i);
  }
  return report;
}
