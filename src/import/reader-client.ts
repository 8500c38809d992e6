// The page's typed handle on the reader workers: post each file's bytes, get { fileName, size, sha256, result }
// back in the order given, with progress. A small pool of workers reads side by side, one file each at a time,
// under a watchdog: a file still unread after its time budget has its worker stopped and is refused as 读取超时,
// and a fresh worker takes the next file, so a batch always finishes. Files chosen while others are being read
// join the same queue.
import { makeIssue } from '../domain/messages';
import { DEFAULT_SETTINGS } from '../domain/settings';
import type { CellCorrection, HeaderLayout } from '../domain/types';
import type { ReadFile, ReadRequest, ReadResponse } from './worker';

export type { ReadFile } from './worker';

/** A file to read: a browser File, or bytes with a name (the demo data). */
export type ReadInput = File | { name: string; bytes: ArrayBuffer };

export interface ReadOptions {
  maxBytes: number;
  /** How long one file may take, in milliseconds (default from the settings: 20 s). */
  timeoutMs?: number;
  /** Saved header layouts (表头对照); the reader applies those of each file's own unit. */
  layouts?: readonly HeaderLayout[];
  /** Hand corrections by file name (the review step re-reads one file with its corrections). */
  corrections?: ReadonlyMap<string, readonly CellCorrection[]>;
  /** Called after each file with the number read so far. */
  onProgress?: (done: number, total: number) => void;
}

export const DEFAULT_READ_TIMEOUT_MS = DEFAULT_SETTINGS.readTimeoutSeconds * 1000;

/** What the pool needs of a worker: the page's Web Worker, or a stand-in where there is none (tests). */
export interface WorkerLike {
  postMessage(message: ReadRequest, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<ReadResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface ReaderPool {
  /** Read every input; results come back in input order, each file read or refused, never lost. */
  read: (inputs: readonly ReadInput[], options: ReadOptions) => Promise<ReadFile[]>;
  /** Start the workers now (they load the reader while the user picks files), so the first file waits less. */
  warm: () => void;
  /** Workers started so far (a stopped one is replaced by a fresh one): for tests. */
  readonly started: number;
}

interface Job {
  input: ReadInput;
  options: ReadOptions;
  done: (file: ReadFile) => void;
}

interface Slot {
  worker: WorkerLike | null;
  busy: boolean;
}

function refused(input: ReadInput, size: number, issue: ReturnType<typeof makeIssue>): ReadFile {
  return { fileName: input.name, size, sha256: '', result: { ok: false, issues: [issue], tables: [] } };
}

function inputSize(input: ReadInput): number {
  return input instanceof Blob ? input.size : input.bytes.byteLength;
}

/** A pool of `size` workers made by `makeWorker`, each reading one file at a time under the watchdog. */
export function createReaderPool(makeWorker: () => WorkerLike, size: number): ReaderPool {
  const slots: Slot[] = Array.from({ length: Math.max(1, size) }, () => ({ worker: null, busy: false }));
  const queue: Job[] = [];
  let nextId = 1;
  let started = 0;

  const stop = (slot: Slot) => {
    slot.worker?.terminate();
    slot.worker = null;
  };

  /** Read one file on a slot's worker; resolves with its reading, its refusal, or 读取超时. */
  const readOn = async (slot: Slot, job: Job): Promise<ReadFile> => {
    const { input, options } = job;
    const { maxBytes } = options;
    const size = inputSize(input);
    let bytes: ArrayBuffer | null = null;
    try {
      // A file over the limit is not even loaded into memory; the worker words the refusal.
      if (size <= maxBytes) bytes = input instanceof Blob ? await input.arrayBuffer() : input.bytes.slice(0);
    } catch {
      // The file went away (removed from a USB stick) between choosing and reading.
      return refused(input, size, makeIssue('error', 'file.unreadable', { file: input.name }, {}));
    }
    const id = nextId++;
    const request: ReadRequest = { id, fileName: input.name, bytes, size, maxBytes };
    if (options.layouts && options.layouts.length > 0) request.layouts = options.layouts;
    const corrections = options.corrections?.get(input.name);
    if (corrections && corrections.length > 0) request.corrections = corrections;
    if (!slot.worker) {
      slot.worker = makeWorker();
      started++;
    }
    const worker = slot.worker;
    const timeoutMs = options.timeoutMs ?? DEFAULT_READ_TIMEOUT_MS;
    return new Promise<ReadFile>((resolve) => {
      const failed = () =>
        refused(input, size, makeIssue('error', 'file.workerFailed', { file: input.name }, {}));
      // Past its budget the file is given up: its worker is stopped mid-read (a reader stuck in a loop never
      // answers), the file refused, and the slot takes a fresh worker for the next file.
      const timer = setTimeout(() => {
        worker.onmessage = null;
        worker.onerror = null;
        stop(slot);
        const seconds = String(Math.round(timeoutMs / 100) / 10);
        resolve(refused(input, size, makeIssue('error', 'file.timeout', { file: input.name }, { seconds })));
      }, timeoutMs);
      worker.onmessage = (event) => {
        if (event.data.id !== id) return;
        clearTimeout(timer);
        resolve(event.data.ok ? event.data.file : failed());
      };
      // A crashed worker (out of memory) fails its file and is replaced.
      worker.onerror = (event) => {
        event.preventDefault();
        clearTimeout(timer);
        stop(slot);
        resolve(failed());
      };
      try {
        worker.postMessage(request, bytes ? [bytes] : []);
      } catch {
        clearTimeout(timer);
        stop(slot);
        resolve(failed());
      }
    });
  };

  const pump = () => {
    for (const slot of slots) {
      if (slot.busy) continue;
      const job = queue.shift();
      if (!job) return;
      slot.busy = true;
      void readOn(slot, job).then((file) => {
        slot.busy = false;
        job.done(file);
        pump();
      });
    }
  };

  const read = async (inputs: readonly ReadInput[], options: ReadOptions): Promise<ReadFile[]> => {
    let done = 0;
    options.onProgress?.(0, inputs.length);
    const results = inputs.map(
      (input) =>
        new Promise<ReadFile>((resolve) => {
          queue.push({
            input,
            options,
            done: (file) => {
              done++;
              options.onProgress?.(done, inputs.length);
              resolve(file);
            },
          });
        }),
    );
    pump();
    return Promise.all(results);
  };

  const warm = () => {
    for (const slot of slots) {
      if (slot.worker) continue;
      slot.worker = makeWorker();
      started++;
    }
  };

  return {
    read,
    warm,
    get started() {
      return started;
    },
  };
}

/** Workers reading side by side: one per core, at most 2 (each holds its own copy of the spreadsheet library). */
function poolSize(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.max(1, Math.min(2, cores));
}

let pagePool: ReaderPool | undefined;

function thePool(): ReaderPool {
  // The worker is a separate module script of the same origin (the CSP's worker-src 'self'), never a blob.
  pagePool ??= createReaderPool(
    () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike,
    poolSize(),
  );
  return pagePool;
}

/** Read every input in the page's worker pool; results come back in input order. */
export function readFiles(inputs: readonly ReadInput[], options: ReadOptions): Promise<ReadFile[]> {
  return thePool().read(inputs, options);
}

/** Start the page's reader workers ahead of the first file (导入 does, when it opens). */
export function warmReaders(): void {
  thePool().warm();
}
