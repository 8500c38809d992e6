// The review step's Web Worker: re-opens a file's bytes to show its cells (核对) and reads it again with the
// mapping and corrections being decided, and reads a manual entry (手工录入) — always through the same reader.
// Apart from the import worker, so the review never waits behind a batch being read. The handler is exported
// for tests in Node.
import type { ManualEntry } from '../domain/manual-entry';
import type { CellCorrection, HeaderLayout, ReadResult } from '../domain/types';
import { readManualEntry } from './manual-entry';
import { readReturn } from './read-return';
import { type WorkbookView, workbookView } from './workbook-view';

export interface ReviewFileRequest {
  op: 'review';
  fileName: string;
  bytes: ArrayBuffer;
  /** Also build the cell view (only the first time: the bytes do not change). */
  view: boolean;
  layouts: HeaderLayout[];
  corrections: CellCorrection[];
  maxBytes: number;
}

export interface ManualEntryRequest {
  op: 'manual';
  entry: ManualEntry;
}

export type ReviewRequest = ReviewFileRequest | ManualEntryRequest;

export interface ReviewFileAnswer {
  /** null when not asked for, or when the bytes are no workbook (the issues then say why). */
  view: WorkbookView | null;
  result: ReadResult;
}

export type ReviewAnswer<R extends ReviewRequest> = R extends ReviewFileRequest
  ? ReviewFileAnswer
  : ReadResult;

export type ReviewMessage = { id: number } & ReviewRequest;
export type ReviewResponse =
  | { id: number; ok: true; value: ReviewFileAnswer | ReadResult }
  | { id: number; ok: false };

/** Answer one request. readReturn never throws; the view is built under the same bounds as the reader. */
export function handleReview(request: ReviewRequest): ReviewFileAnswer | ReadResult {
  if (request.op === 'manual') return readManualEntry(request.entry);
  const bytes = new Uint8Array(request.bytes);
  const result = readReturn(bytes, request.fileName, {
    layouts: request.layouts,
    corrections: request.corrections,
    maxBytes: request.maxBytes,
    withValues: true,
  });
  let view: WorkbookView | null = null;
  if (request.view && bytes.length <= request.maxBytes) {
    try {
      view = workbookView(bytes, request.fileName);
    } catch {
      view = null;
    }
  }
  return { view, result };
}

// Only when running as a worker: importing this module in a test must not touch `self`.
declare const WorkerGlobalScope: { new (): unknown } | undefined;
if (
  typeof WorkerGlobalScope !== 'undefined' &&
  typeof self !== 'undefined' &&
  self instanceof WorkerGlobalScope
) {
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  scope.onmessage = (event: MessageEvent<ReviewMessage>) => {
    const { id, ...request } = event.data;
    let response: ReviewResponse;
    try {
      response = { id, ok: true, value: handleReview(request as ReviewRequest) };
    } catch {
      response = { id, ok: false };
    }
    scope.postMessage(response);
  };
}
