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

/** A job posted to a worker: its request id and, once the worker is reading it, its watchdog timer. */
interface Posted {
  id: number;
  job: Job;
  timer?: ReturnType<typeof setTimeout>;
}

interface Slot {
  worker: WorkerLike | null;
  /** Posted jobs in the order the worker reads them: the first is being read, the next waits its turn. */
  posted: Posted[];
}

/**
 * Files posted to a worker ahead of time: while it parses one, the next one's bytes are already coming off the
 * disk, so the worker never waits for the page. It still reads one file at a time, and only the file it is
 * reading runs against the clock.
 */
const PIPELINE_DEPTH = 2;

/** A file refused on the page's side (it timed out or its worker failed: rare, so its size may be asked for). */
function refused(input: ReadInput, issue: ReturnType<typeof makeIssue>): ReadFile {
  const size = input instanceof Blob ? input.size : input.bytes.byteLength;
  return { fileName: input.name, size, sha256: '', result: { ok: false, issues: [issue], tables: [] } };
}

/** The request for one file: a browser File as it is, bytes in memory copied (not at all when over the limit). */
function requestOf(id: number, { input, options }: Job): { request: ReadRequest; transfer: Transferable[] } {
  // A browser File goes to the worker as it is: its size and its bytes are fetched there, off the page's thread
  // (in Chromium a chosen file's size is a synchronous round trip to the browser, ~8 ms each). Bytes in memory
  // (the demo's) are copied and handed over; over the limit they are not even copied.
  const request: ReadRequest = { id, fileName: input.name, bytes: null, maxBytes: options.maxBytes };
  const transfer: Transferable[] = [];
  if (input instanceof Blob) request.bytes = input;
  else {
    request.size = input.bytes.byteLength;
    if (request.size <= options.maxBytes) {
      const copy = input.bytes.slice(0);
      request.bytes = copy;
      transfer.push(copy);
    }
  }
  if (options.layouts && options.layouts.length > 0) request.layouts = options.layouts;
  const corrections = options.corrections?.get(input.name);
  if (corrections && corrections.length > 0) request.corrections = corrections;
  return { request, transfer };
}

/** A pool of `size` workers made by `makeWorker`, each reading one file at a time under the watchdog. */
export function createReaderPool(makeWorker: () => WorkerLike, size: number): ReaderPool {
  const slots: Slot[] = Array.from({ length: Math.max(1, size) }, () => ({ worker: null, posted: [] }));
  const queue: Job[] = [];
  let nextId = 1;
  let started = 0;

  const timeoutOf = (job: Job) => job.options.timeoutMs ?? DEFAULT_READ_TIMEOUT_MS;

  /**
   * The worker has gone (stopped past a file's budget, or crashed): the file it was reading is settled as
   * `first`, the files waiting behind it go back to the front of the queue for a fresh worker — never refused
   * for another file's fault.
   */
  const lose = (slot: Slot, first: (job: Job) => ReadFile) => {
    const [reading, ...waiting] = slot.posted;
    for (const p of slot.posted) clearTimeout(p.timer);
    slot.posted = [];
    if (slot.worker) {
      slot.worker.onmessage = null;
      slot.worker.onerror = null;
      slot.worker.terminate();
      slot.worker = null;
    }
    // Back to the front, in their order (a loop: no call spreads an array).
    for (let i = waiting.length - 1; i >= 0; i--) {
      const back = waiting[i];
      if (back) queue.unshift(back.job);
    }
    if (reading) reading.job.done(first(reading.job));
    pump();
  };

  /** The first posted file is the one being read: it runs against its budget from now. */
  const startClock = (slot: Slot) => {
    const head = slot.posted[0];
    if (!head || head.timer) return;
    const timeoutMs = timeoutOf(head.job);
    // Past its budget the file is given up: its worker is stopped mid-read (a reader stuck in a loop never
    // answers), the file refused, and a fresh worker takes the files after it.
    head.timer = setTimeout(() => {
      const seconds = String(Math.round(timeoutMs / 100) / 10);
      lose(slot, (job) =>
        refused(job.input, makeIssue('error', 'file.timeout', { file: job.input.name }, { seconds })),
      );
    }, timeoutMs);
  };

  const failed = (job: Job) =>
    refused(job.input, makeIssue('error', 'file.workerFailed', { file: job.input.name }, {}));

  const workerOf = (slot: Slot): WorkerLike => {
    if (slot.worker) return slot.worker;
    const worker = makeWorker();
    started++;
    slot.worker = worker;
    listen(slot, worker);
    return worker;
  };

  const listen = (slot: Slot, worker: WorkerLike) => {
    worker.onmessage = (event) => {
      const head = slot.posted[0];
      if (!head || event.data.id !== head.id) return;
      clearTimeout(head.timer);
      slot.posted.shift();
      startClock(slot);
      head.job.done(event.data.ok ? event.data.file : failed(head.job));
      pump();
    };
    // A crashed worker (out of memory) fails the file it was reading and is replaced.
    worker.onerror = (event) => {
      event.preventDefault();
      lose(slot, failed);
    };
  };

  /** Give each worker a file, then each a second one to start on: the files spread over the workers. */
  function pump(): void {
    for (let depth = 1; depth <= PIPELINE_DEPTH; depth++) {
      for (const slot of slots) {
        while (slot.posted.length < depth) {
          const job = queue.shift();
          if (!job) return;
          post(slot, job);
        }
      }
    }
  }

  const post = (slot: Slot, job: Job) => {
    const id = nextId++;
    const { request, transfer } = requestOf(id, job);
    const worker = workerOf(slot);
    slot.posted.push({ id, job });
    try {
      worker.postMessage(request, transfer);
    } catch {
      slot.posted.pop();
      job.done(failed(job));
      return;
    }
    startClock(slot);
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
    for (const slot of slots) workerOf(slot);
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
