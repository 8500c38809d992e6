// The page's typed handle on the reader worker: post each file's bytes, get { fileName, size, sha256, result }
// back in the order given, with progress. A few files are in flight at once so large batches stay light on memory.
import type { ReadFile, ReadRequest, ReadResponse } from './worker';

export type { ReadFile } from './worker';

/** A file to read: a browser File, or bytes with a name (the demo data). */
export type ReadInput = File | { name: string; bytes: ArrayBuffer };

export interface ReadOptions {
  maxBytes: number;
  /** Called after each file with the number read so far. */
  onProgress?: (done: number, total: number) => void;
}

const IN_FLIGHT = 4;

let shared: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (f: ReadFile) => void; reject: (e: Error) => void }>();

function worker(): Worker {
  if (shared) return shared;
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
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
    w.terminate();
    if (shared === w) shared = null;
  };
  shared = w;
  return w;
}

function inputSize(input: ReadInput): number {
  return input instanceof Blob ? input.size : input.bytes.byteLength;
}

async function readOne(input: ReadInput, maxBytes: number): Promise<ReadFile> {
  const size = inputSize(input);
  // A file over the limit is not even loaded into memory; the worker words the refusal.
  const bytes =
    size > maxBytes ? null : input instanceof Blob ? await input.arrayBuffer() : input.bytes.slice(0);
  const id = nextId++;
  const request: ReadRequest = { id, fileName: input.name, bytes, size, maxBytes };
  return new Promise<ReadFile>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker().postMessage(request, bytes ? [bytes] : []);
  }).catch((err: unknown) => ({
    fileName: input.name,
    size,
    sha256: '',
    result: {
      ok: false,
      issues: [
        {
          severity: 'error',
          code: 'file.workerFailed',
          file: input.name,
          message: `读取文件“${input.name}”时读取程序出错（${err instanceof Error ? err.message : String(err)}），未导入。请重试。`,
        },
      ],
    },
  }));
}

/** Read every input in the worker; results come back in input order. */
export async function readFiles(inputs: readonly ReadInput[], options: ReadOptions): Promise<ReadFile[]> {
  const results: ReadFile[] = new Array(inputs.length);
  let done = 0;
  let next = 0;
  options.onProgress?.(0, inputs.length);
  async function lane(): Promise<void> {
    while (next < inputs.length) {
      const index = next++;
      const input = inputs[index];
      if (!input) continue;
      results[index] = await readOne(input, options.maxBytes);
      done++;
      options.onProgress?.(done, inputs.length);
    }
  }
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, inputs.length) }, lane));
  return results;
}
