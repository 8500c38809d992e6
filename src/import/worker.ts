// The reader's Web Worker: file bytes in, { fileName, size, sha256, result } out, one message per file, so
// reading fifty workbooks never blocks the page. The handler is exported for tests in Node.
import { returnContent } from '../domain/content';
import { makeIssue } from '../domain/messages';
import { sha256Hex } from '../domain/sha256';
import type { CellCorrection, HeaderLayout, ReadResult } from '../domain/types';
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
  /** The file's bytes; null when the page already knows the file is too large to read. */
  bytes: ArrayBuffer | null;
  size: number;
  maxBytes: number;
  /** Saved header layouts; the reader applies those of the file's own unit. */
  layouts?: readonly HeaderLayout[];
  /** Hand corrections of this file's cells (the review step re-reads a file with them). */
  corrections?: readonly CellCorrection[];
}

export type ReadResponse =
  | { id: number; ok: true; file: ReadFile }
  | { id: number; ok: false; error: string };

/** Read one file: hash it and run the reader; a reader crash becomes an issue, never a lost file. */
export async function readFileBytes(request: Omit<ReadRequest, 'id'>): Promise<ReadFile> {
  const { fileName, size, maxBytes } = request;
  if (request.bytes === null || size > maxBytes) {
    return {
      fileName,
      size,
      sha256: '',
      result: {
        ok: false,
        issues: [
          makeIssue(
            'error',
            'file.tooLarge',
            { file: fileName },
            { sizeMb: megabytes(size, true), limitMb: megabytes(maxBytes) },
          ),
        ],
        tables: [],
      },
    };
  }
  const bytes = new Uint8Array(request.bytes);
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

// Only when running as a worker: importing this module in a test must not touch `self`.
declare const WorkerGlobalScope: { new (): unknown } | undefined;
if (
  typeof WorkerGlobalScope !== 'undefined' &&
  typeof self !== 'undefined' &&
  self instanceof WorkerGlobalScope
) {
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  scope.onmessage = async (event: MessageEvent<ReadRequest>) => {
    const { id, ...request } = event.data;
    let response: ReadResponse;
    try {
      response = { id, ok: true, file: await readFileBytes(request) };
    } catch (err) {
      response = { id, ok: false, error: err instanceof Error ? err.message : String(err) };
    }
    scope.postMessage(response);
  };
}
