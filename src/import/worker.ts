// The reader's Web Worker: file bytes in, { fileName, size, sha256, result } out, one message per file, so
// reading fifty workbooks never blocks the page. The handler is exported for tests in Node.
import { returnContent } from '../domain/content';
import { makeIssue } from '../domain/messages';
import { sha256Hex } from '../domain/sha256';
import type { CellCorrection, HeaderLayout, ImportIssue, ReadResult } from '../domain/types';
import type { ReadReturnOptions } from './read-return';
import { megabytes, readReturn } from './read-return';

/** One file read: its name and size, the SHA-256 of its bytes, and what the reader made of it. */
export interface ReadFile {
  fileName: string;
  size: number;
  sha256: string;
  /** The content hash of each return read (as planImport would work it out), hashed here, off the page. */
  contentHashes?: string[];
  result: ReadResult;
}

export interface ReadRequest {
  id: number;
  fileName: string;
  /**
   * The file's bytes, or the browser File itself (its size and bytes are then fetched here, off the page's
   * thread); null when the page already knows the file is too large to read.
   */
  bytes: ArrayBuffer | Blob | null;
  /** The size in bytes, when the page knows it (a File's own size is used otherwise). */
  size?: number;
  maxBytes: number;
  /** Saved header layouts; the reader applies those of the file's own unit. */
  layouts?: readonly HeaderLayout[];
  /** Hand corrections of this file's cells (the review step re-reads a file with them). */
  corrections?: readonly CellCorrection[];
}

export type ReadResponse =
  | { id: number; ok: true; file: ReadFile }
  | { id: number; ok: false; error: string };

/** A file's bytes, fetched and within the limit — or its refusal (too large, or gone from the disk). */
type Loaded = { buffer: ArrayBuffer; size: number } | { refusal: ReadFile };

/** Fetch a request's bytes (a File's from the disk), refusing a file over the limit without loading it. */
export async function loadBytes(request: Omit<ReadRequest, 'id'>): Promise<Loaded> {
  const { fileName, maxBytes } = request;
  const source = request.bytes;
  const size = source instanceof Blob ? source.size : (request.size ?? source?.byteLength ?? 0);
  const refusal = (issue: ImportIssue): Loaded => ({
    refusal: { fileName, size, sha256: '', result: { ok: false, issues: [issue], tables: [] } },
  });
  if (source === null || size > maxBytes) {
    const limits = { sizeMb: megabytes(size, true), limitMb: megabytes(maxBytes) };
    return refusal(makeIssue('error', 'file.tooLarge', { file: fileName }, limits));
  }
  try {
    return { buffer: source instanceof Blob ? await source.arrayBuffer() : source, size };
  } catch {
    // The file went away (removed from a USB stick) between choosing and reading.
    return refusal(makeIssue('error', 'file.unreadable', { file: fileName }, {}));
  }
}

/** Read loaded bytes: hash them and run the reader; a reader crash becomes an issue, never a lost file. */
export async function readLoaded(request: Omit<ReadRequest, 'id'>, loaded: Loaded): Promise<ReadFile> {
  if ('refusal' in loaded) return loaded.refusal;
  const { fileName, maxBytes } = request;
  const { size } = loaded;
  const bytes = new Uint8Array(loaded.buffer);
  const sha256 = await sha256Hex(bytes);
  let result: ReadResult;
  try {
    const options: ReadReturnOptions = { maxBytes };
    if (request.layouts) options.layouts = request.layouts;
    if (request.corrections) options.corrections = request.corrections;
    result = readReturn(bytes, fileName, options);
  } catch {
    // readReturn promises never to throw; should it, the file is still refused, not lost.
    result = {
      ok: false,
      issues: [makeIssue('error', 'file.unreadable', { file: fileName }, {})],
      tables: [],
    };
  }
  const file: ReadFile = { fileName, size, sha256, result };
  if (result.ok)
    file.contentHashes = await Promise.all(result.returns.map((r) => sha256Hex(returnContent(r))));
  return file;
}

/** Read one file: fetch its bytes, hash them and run the reader. */
export async function readFileBytes(request: Omit<ReadRequest, 'id'>): Promise<ReadFile> {
  return readLoaded(request, await loadBytes(request));
}

/** Reads of the warm-up: enough for the engine to optimise the reader's hot code, bounded in time. */
const WARM_UP_READS = 30;
const WARM_UP_MS = 1500;

/**
 * A fresh worker's first reads run the reader's code unoptimised while the engine compiles it in the background
 * (~150 ms for the first file in Chromium and background compiling that competes with the next files, against
 * ~10 ms a file once compiled). So a worker reads one of the shipped sample returns a few times as soon as it
 * starts — the readers start when the user is about to pick files — and throws the readings away; it stops at
 * once when a real file comes (`wanted` turns false). The sample is precached with the demo data; if it cannot
 * be fetched the first real files simply take longer.
 */
async function warmUp(wanted: () => boolean): Promise<void> {
  try {
    const url = new URL('../../fixtures/samples/2018-09/农安县-2018年1-9月.xlsx', import.meta.url);
    const response = await fetch(url);
    if (!response.ok) return;
    const buffer = await response.arrayBuffer();
    const end = performance.now() + WARM_UP_MS;
    for (let i = 0; i < WARM_UP_READS && wanted() && performance.now() < end; i++) {
      await readLoaded(
        { fileName: 'warm-up.xlsx', bytes: null, maxBytes: buffer.byteLength },
        {
          buffer: buffer.slice(0),
          size: buffer.byteLength,
        },
      );
      // A turn of the event loop between reads, so a real file's message is taken at once.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  } catch {
    // Only a head start: a failure here changes nothing.
  }
}

// Only when running as a worker: importing this module in a test must not touch `self`.
declare const WorkerGlobalScope: { new (): unknown } | undefined;
if (
  typeof WorkerGlobalScope !== 'undefined' &&
  typeof self !== 'undefined' &&
  self instanceof WorkerGlobalScope
) {
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  let requests = 0;
  void warmUp(() => requests === 0);
  // Files are read one at a time, in the order they came; each one's bytes are fetched as soon as it comes, so
  // the disk works while the file before it is parsed.
  let turn: Promise<unknown> = Promise.resolve();
  scope.onmessage = (event: MessageEvent<ReadRequest>) => {
    requests++;
    const { id, ...request } = event.data;
    const loaded = loadBytes(request);
    turn = turn.then(async () => {
      let response: ReadResponse;
      try {
        response = { id, ok: true, file: await readLoaded(request, await loaded) };
      } catch (err) {
        response = { id, ok: false, error: err instanceof Error ? err.message : String(err) };
      }
      scope.postMessage(response);
    });
  };
}
