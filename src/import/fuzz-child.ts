// Fuzz helper, run as a child process: reads each file it is sent with the reader and answers with what came
// of it (the returns as JSON, or the refusal's first error), so a file that hangs can be stopped from outside.
import { readReturn } from './read-return';

export interface FuzzRequest {
  id: number;
  fileName: string;
  bytes: Uint8Array;
}

export type FuzzAnswer =
  | { id: number; ok: true; returns: string; ms: number }
  | { id: number; ok: false; code: string | null; message: string | null; ms: number };

process.on('message', (request: FuzzRequest) => {
  const start = performance.now();
  const result = readReturn(new Uint8Array(request.bytes), request.fileName, { maxBytes: 25 * 1024 * 1024 });
  const ms = performance.now() - start;
  let answer: FuzzAnswer;
  if (result.ok) answer = { id: request.id, ok: true, returns: JSON.stringify(result.returns), ms };
  else {
    const error = result.issues.find((i) => i.severity === 'error');
    answer = { id: request.id, ok: false, code: error?.code ?? null, message: error?.message ?? null, ms };
  }
  process.send?.(answer);
});
