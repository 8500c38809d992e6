// The page's typed handle on the review worker: one worker, started on first use (the review and 手工录入 are
// occasional), one request at a time per call, a crash turned into a rejected promise the page words itself.
import type { ManualEntry } from '../domain/manual-entry';
import type { CellCorrection, HeaderLayout, ReadResult } from '../domain/types';
import type { ReviewFileAnswer, ReviewMessage, ReviewRequest, ReviewResponse } from './review-worker';

export type { ReviewFileAnswer } from './review-worker';
export type { SheetView, ViewCell, ViewMerge, ViewRow, WorkbookView } from './workbook-view';

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

function reviewWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./review-worker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (event: MessageEvent<ReviewResponse>) => {
    const entry = waiting.get(event.data.id);
    if (!entry) return;
    waiting.delete(event.data.id);
    if (event.data.ok) entry.resolve(event.data.value);
    else entry.reject(new Error('review failed'));
  };
  w.onerror = (event) => {
    event.preventDefault();
    for (const [id, entry] of waiting) {
      waiting.delete(id);
      entry.reject(new Error('review worker stopped'));
    }
    w.terminate();
    if (worker === w) worker = null;
  };
  worker = w;
  return w;
}

function ask<T>(request: ReviewRequest): Promise<T> {
  const id = nextId++;
  return new Promise<T>((resolve, reject) => {
    waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
    const message: ReviewMessage = { id, ...request };
    reviewWorker().postMessage(message);
  });
}

export interface ReviewOptions {
  layouts: readonly HeaderLayout[];
  corrections: readonly CellCorrection[];
  maxBytes: number;
  /** Build the cell view too (the first read of a review). */
  view: boolean;
}

/** Read a file again with a mapping and corrections (the bytes are copied; the page keeps its own). */
export function reviewFile(
  fileName: string,
  bytes: ArrayBuffer,
  options: ReviewOptions,
): Promise<ReviewFileAnswer> {
  return ask<ReviewFileAnswer>({
    op: 'review',
    fileName,
    bytes,
    view: options.view,
    layouts: [...options.layouts],
    corrections: [...options.corrections],
    maxBytes: options.maxBytes,
  });
}

/** Read a manual entry by the reader's rules. */
export function readEntry(entry: ManualEntry): Promise<ReadResult> {
  return ask<ReadResult>({ op: 'manual', entry });
}
