// The page's typed handle on the reader worker: post each file's bytes, get { fileName, size, sha256, result }
// back in the order given, with progress. A small pool of workers reads side by side; only a few files are in
// flight at once so large batches stay light on memory.
import { makeIssue } from '../domain/messages';
import type { CellCorrection, HeaderLayout } from '../domain/types';
import type { ReadFile, ReadRequest, ReadResponse } from './worker';

export type { ReadFile } from './worker';

/** A file to read: a browser File, or bytes with a name (the demo data). */
export type ReadInput = File | { name: string; bytes: ArrayBuffer };

export interface ReadOptions {
  maxBytes: number;
  /** Saved header layouts (表头对照); the reader applies those of each file's own unit. */
  layouts?: readonly HeaderLayout[];
  /** Hand corrections by file name (the review step re-reads one file with its corrections). */
  corrections?: ReadonlyMap<string, readonly CellCorrection[]>;
  /** Called after each file with the number read so far. */
  onProgress?: (done: number, total: number) => void;
}

/** Workers reading side by side: one per core, at most 2 (each holds its own copy of the spreadsheet library). */
function poolSize(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.max(1, Math.min(2, cores));
}
/** Files posted to one worker before its first answer: keeps it busy without loading every file into memory. */
const PER_WORKER = 2;

const pool: (Worker | null)[] = [];
let nextId = 1;
const pending = new Map<
  number,
  { resolve: (f: ReadFile) => void; reject: (e: Error) => void; slot: number }
>();

function worker(slot: number): Worker {
  const existing = pool[slot];
  if (existing) return existing;
  const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (event: MessageEvent<ReadResponse>) => {
    const waiting = pending.get(event.data.id);
    if (!waiting) return;
    pending.delete(event.data.id);
    if (event.data.ok) waiting.resolve(event.data.file);
    else waiting.reject(new Error(event.data.error));
  };
  // A crashed worker fails what it held and is replaced on the next call.
  w.onerror = (event) => {
    event.preventDefault();
    const error = new Error(event.message || '读取程序意外停止');
    for (const [id, waiting] of pending) {
      if (waiting.slot !== slot) continue;
      pending.delete(id);
      waiting.reject(error);
    }
    w.terminate();
    if (pool[slot] === w) pool[slot] = null;
  };
  pool[slot] = w;
  return w;
}

function inputSize(input: ReadInput): number {
  return input instanceof Blob ? input.size : input.bytes.byteLength;
}

async function readOne(input: ReadInput, options: ReadOptions, slot: number): Promise<ReadFile> {
  const { maxBytes } = options;
  const size = inputSize(input);
  // A file over the limit is not even loaded into memory; the worker words the refusal.
  const bytes =
    size > maxBytes ? null : input instanceof Blob ? await input.arrayBuffer() : input.bytes.slice(0);
  const id = nextId++;
  const request: ReadRequest = { id, fileName: input.name, bytes, size, maxBytes };
  if (options.layouts && options.layouts.length > 0) request.layouts = options.layouts;
  const corrections = options.corrections?.get(input.name);
  if (corrections && corrections.length > 0) request.corrections = corrections;
  return new Promise<ReadFile>((resolve, reject) => {
    pending.set(id, { resolve, reject, slot });
    worker(slot).postMessage(request, bytes ? [bytes] : []);
  }).catch(() => ({
    fileName: input.name,
    size,
    sha256: '',
    result: {
      ok: false,
      issues: [makeIssue('error', 'file.workerFailed', { file: input.name }, {})],
      tables: [],
    },
  }));
}

/** Read every input in the worker; results come back in input order. */
export async function readFiles(inputs: readonly ReadInput[], options: ReadOptions): Promise<ReadFile[]> {
  const results: ReadFile[] = new Array(inputs.length);
  let done = 0;
  let next = 0;
  options.onProgress?.(0, inputs.length);
  const workers = Math.min(poolSize(), inputs.length);
  async function lane(slot: number): Promise<void> {
    while (next < inputs.length) {
      const index = next++;
      const input = inputs[index];
      if (!input) continue;
      results[index] = await readOne(input, options, slot);
      done++;
      options.onProgress?.(done, inputs.length);
    }
  }
  const lanes = Array.from({ length: Math.min(workers * PER_WORKER, inputs.length) }, (_, i) =>
    lane(i % workers),
  );
  await Promise.all(lanes);
  return results;
}
