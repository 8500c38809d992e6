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

/**
 * A stand-in worker: reads its files one at a time in the order posted, as the real one does, answering with the
 * reader's result; a "hang" file never finishes (so the files posted behind it wait), a "crash" file crashes it.
 */
class StandInWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<ReadResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  readonly posted: ReadRequest[] = [];
  readonly answered: string[] = [];
  /** The most files posted and not yet answered at any moment. */
  mostWaiting = 0;
  private waiting: ReadRequest[] = [];
  private reading = false;

  postMessage(message: ReadRequest): void {
    this.posted.push(message);
    this.waiting.push(message);
    this.mostWaiting = Math.max(this.mostWaiting, this.waiting.length);
    this.next();
  }

  private next(): void {
    const message = this.waiting[0];
    if (this.reading || !message) return;
    this.reading = true;
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
      this.waiting.shift();
      this.reading = false;
      this.answered.push(message.fileName);
      this.onmessage?.({ data } as MessageEvent<ReadResponse>);
      this.next();
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
  // Each worker has the next file posted while it reads one: the file waiting behind the stuck one goes back to
  // the queue; with one worker a fresh one must take it, with two the other one reads it.
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
      // The stuck worker was stopped and a fresh one took over; nothing came from the stuck one after it stuck.
      const stuck = workers.find((w) => w.posted.some((r) => r.fileName === 'hang-1.xlsx'));
      expect(stuck?.terminated).toBe(true);
      const stuckAt = stuck?.posted.findIndex((r) => r.fileName === 'hang-1.xlsx') ?? -1;
      expect(stuck?.answered).toEqual(stuck?.posted.slice(0, stuckAt).map((r) => r.fileName));
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

  it('a file waiting behind a stuck one is read by a fresh worker, never refused with it', async () => {
    const { pool, workers } = poolOf(1);
    const files = await pool.read(
      ['农安县.xlsx', 'hang-y', '德惠市.xlsx', '榆树市.xlsx'].map(input),
      OPTIONS,
    );
    expect(codes(files)).toEqual(['ok', 'file.timeout', 'ok', 'ok']);
    const [first, second] = workers;
    expect(workers).toHaveLength(2);
    expect(first?.terminated).toBe(true);
    // The first worker had 德惠市 posted behind hang-y; it never answered it: the fresh worker did.
    expect(first?.posted.map((r) => r.fileName)).toEqual(['农安县.xlsx', 'hang-y', '德惠市.xlsx']);
    expect(first?.answered).toEqual(['农安县.xlsx']);
    expect(second?.answered).toEqual(['德惠市.xlsx', '榆树市.xlsx']);
  });

  it('each worker has at most two files posted: the one it reads and the next', async () => {
    const { pool, workers } = poolOf(2);
    const names = [...UNITS, ...UNITS, ...UNITS].map((u) => `${u}.xlsx`);
    const files = await pool.read(names.map(input), OPTIONS);
    expect(files.map((f) => f.fileName)).toEqual(names);
    expect(codes(files).every((c) => c === 'ok')).toBe(true);
    expect(workers).toHaveLength(2);
    for (const w of workers) expect(w.mostWaiting).toBe(2);
    // Spread over both workers, each answering its files in the order they were posted to it.
    for (const w of workers) expect(w.answered).toEqual(w.posted.map((r) => r.fileName));
    expect(workers.map((w) => w.answered.length)).toEqual([6, 6]);
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
