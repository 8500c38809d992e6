// The reader pool's watchdog, with stand-in workers that answer with the real reader's results (a Web Worker does
// not run in Node; the browser's is covered by e2e/damage.spec.ts): a file that never comes back is refused as
// 读取超时 and its worker stopped and replaced; a crashed worker fails only its file; the batch always finishes,
// in order, and batches chosen while others are read share the workers.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReadFile, WorkerLike } from './reader-client';
import { createReaderPool } from './reader-client';
import type { ReadRequest, ReadResponse } from './worker';
import { readFileBytes } from './worker';
import { sampleBytes } from './zip-craft';

const UNITS = ['农安县', '德惠市', '榆树市', '九台区'];
const answers = new Map<string, ReadFile>();

beforeAll(async () => {
  for (const unit of UNITS) {
    const bytes = sampleBytes(unit);
    const name = `${unit}.xlsx`;
    answers.set(
      name,
      await readFileBytes({
        fileName: name,
        bytes: bytes.slice().buffer,
        size: bytes.length,
        maxBytes: 20 << 20,
      }),
    );
  }
});

/** A stand-in worker: answers with the reader's result at once; "hang" files never answer, "crash" ones crash. */
class StandInWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<ReadResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  readonly posted: ReadRequest[] = [];

  postMessage(message: ReadRequest): void {
    this.posted.push(message);
    if (message.fileName.startsWith('hang')) return;
    setTimeout(() => {
      if (this.terminated) return;
      if (message.fileName.startsWith('crash')) {
        this.onerror?.({ message: 'out of memory', preventDefault: () => undefined } as ErrorEvent);
        return;
      }
      const file = answers.get(message.fileName);
      const data: ReadResponse = file
        ? { id: message.id, ok: true, file }
        : { id: message.id, ok: false, error: 'unknown file' };
      this.onmessage?.({ data } as MessageEvent<ReadResponse>);
    }, 1);
  }

  terminate(): void {
    this.terminated = true;
  }
}

function poolOf(size: number) {
  const workers: StandInWorker[] = [];
  const pool = createReaderPool(() => {
    const w = new StandInWorker();
    workers.push(w);
    return w;
  }, size);
  return { pool, workers };
}

const input = (name: string) => ({ name, bytes: new Uint8Array(8).buffer });
const codes = (files: ReadFile[]) => files.map((f) => (f.result.ok ? 'ok' : f.result.issues[0]?.code));
const OPTIONS = { maxBytes: 20 << 20, timeoutMs: 400 };

describe('the reader pool', () => {
  // With one worker a fresh one must take the files after the stuck one; with two, the other reads them all.
  it.each([
    [1, 2],
    [2, 2],
  ])(
    'with %i worker(s): a file that never finishes is refused as 读取超时, the others are read (%i started)',
    async (size, started) => {
      const { pool, workers } = poolOf(size);
      const progress: number[] = [];
      const files = await pool.read(
        ['农安县.xlsx', 'hang-1.xlsx', '德惠市.xlsx', '榆树市.xlsx', '九台区.xlsx'].map(input),
        { ...OPTIONS, onProgress: (done) => progress.push(done) },
      );
      expect(files.map((f) => f.fileName)).toEqual([
        '农安县.xlsx',
        'hang-1.xlsx',
        '德惠市.xlsx',
        '榆树市.xlsx',
        '九台区.xlsx',
      ]);
      expect(codes(files)).toEqual(['ok', 'file.timeout', 'ok', 'ok', 'ok']);
      expect(files[0]).toEqual(answers.get('农安县.xlsx'));
      const refusal = files[1]?.result.ok === false ? files[1].result.issues[0] : undefined;
      expect(refusal?.message).toBe(
        '文件“hang-1.xlsx”：读取超时（文件可能已损坏）：读取超过 0.4 秒仍未完成，已停止读取，文件未导入。请让报送单位重新发送；若文件确实很大，可在“设置 → 本机存储”中调长读取时限后再试。',
      );
      // The stuck worker was stopped and a fresh one took over.
      const stuck = workers.find((w) => w.posted.some((r) => r.fileName === 'hang-1.xlsx'));
      expect(stuck?.terminated).toBe(true);
      expect(stuck?.posted.at(-1)?.fileName).toBe('hang-1.xlsx');
      expect(pool.started).toBe(started);
      expect(progress.at(-1)).toBe(5);
    },
  );

  it('a batch of files that all hang still finishes, one budget per file', async () => {
    const { pool, workers } = poolOf(2);
    const files = await pool.read(['hang-a', 'hang-b', 'hang-c'].map(input), { ...OPTIONS, timeoutMs: 150 });
    expect(codes(files)).toEqual(['file.timeout', 'file.timeout', 'file.timeout']);
    expect(workers.every((w) => w.terminated)).toBe(true);
    expect(workers).toHaveLength(3);
  });

  it('a crashed worker fails its file only, and is replaced', async () => {
    const { pool } = poolOf(1);
    const files = await pool.read(['crash.xlsx', '农安县.xlsx'].map(input), OPTIONS);
    expect(codes(files)).toEqual(['file.workerFailed', 'ok']);
    expect(pool.started).toBe(2);
  });

  it('files chosen while others are read join the queue; each batch gets its own files back', async () => {
    const { pool } = poolOf(2);
    const first = pool.read(['hang-x', '农安县.xlsx'].map(input), OPTIONS);
    const second = pool.read(['德惠市.xlsx', '榆树市.xlsx'].map(input), OPTIONS);
    const [a, b] = await Promise.all([first, second]);
    expect(a.map((f) => f.fileName)).toEqual(['hang-x', '农安县.xlsx']);
    expect(codes(a)).toEqual(['file.timeout', 'ok']);
    expect(b.map((f) => f.fileName)).toEqual(['德惠市.xlsx', '榆树市.xlsx']);
    expect(codes(b)).toEqual(['ok', 'ok']);
  });

  it('one file per worker at a time: a stopped worker never takes another file down with it', async () => {
    const { pool, workers } = poolOf(1);
    await pool.read(['农安县.xlsx', 'hang-y', '德惠市.xlsx'].map(input), OPTIONS);
    for (const w of workers) {
      // Each worker got its files one after another; the stopped one got none after the stuck file.
      const names = w.posted.map((r) => r.fileName);
      if (w.terminated) expect(names.at(-1)).toBe('hang-y');
    }
    expect(workers.flatMap((w) => w.posted.map((r) => r.fileName))).toEqual([
      '农安县.xlsx',
      'hang-y',
      '德惠市.xlsx',
    ]);
  });

  it('a file over the size limit is refused without being loaded', async () => {
    const { pool, workers } = poolOf(1);
    const [file] = await pool.read([{ name: '农安县.xlsx', bytes: new Uint8Array(2048).buffer }], {
      maxBytes: 1024,
      timeoutMs: 400,
    });
    expect(workers[0]?.posted[0]?.bytes).toBeNull();
    expect(file?.fileName).toBe('农安县.xlsx');
  });

  it('warm starts every worker ahead of the first file, and reading uses them', async () => {
    const { pool, workers } = poolOf(2);
    pool.warm();
    expect(workers).toHaveLength(2);
    await pool.read(['农安县.xlsx', '德惠市.xlsx', '榆树市.xlsx'].map(input), OPTIONS);
    expect(pool.started).toBe(2);
    expect(workers.map((w) => w.posted.length).reduce((a, b) => a + b, 0)).toBe(3);
  });
});
