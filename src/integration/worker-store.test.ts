// The worker's handler on the real sample files, and the whole store path behind it: 100 samples read, planned
// and written on fake-indexeddb give 50 current returns per period; the same files again change nothing.
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnjuDatabase } from '../db/database';
import { commitImport, contentHashOf, countOutcomes, planImport } from '../db/import-repo';
import { getCurrentReturns, listPeriods } from '../db/returns-repo';
import { readFileBytes } from '../import/worker';

const SAMPLES = join(import.meta.dirname, '..', '..', 'fixtures', 'samples');
const MB = 1024 * 1024;

function sample(period: string, name: string): { fileName: string; bytes: ArrayBuffer; size: number } {
  const buf = readFileSync(join(SAMPLES, period, name));
  const bytes = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
  return { fileName: name, bytes, size: buf.byteLength };
}

const allSamples = () =>
  ['2018-08', '2018-09'].flatMap((p) =>
    readdirSync(join(SAMPLES, p))
      .filter((f) => f.endsWith('.xlsx'))
      .sort()
      .map((f) => sample(p, f)),
  );

describe('readFileBytes', () => {
  it('hashes the bytes and reads the return', async () => {
    const file = sample('2018-09', '农安县-2018年1-9月.xlsx');
    const expected = createHash('sha256').update(new Uint8Array(file.bytes)).digest('hex');
    const read = await readFileBytes({ ...file, maxBytes: 20 * MB });
    expect(read.sha256).toBe(expected);
    expect(read.size).toBe(file.size);
    expect(read.result.ok).toBe(true);
    if (read.result.ok) {
      expect(read.result.returns.map((r) => [r.unitId, r.period])).toEqual([['220122', '2018-09']]);
      // Each return's content hash, worked out in the worker as the store would.
      expect(read.contentHashes).toEqual(await Promise.all(read.result.returns.map((r) => contentHashOf(r))));
    }
  });

  it.each([
    ['over the size limit (bytes not even loaded)', { bytes: null, size: 30 * MB }, 'file.tooLarge'],
    ['over the size limit', { bytes: new ArrayBuffer(2048), size: 2048, maxBytes: 1024 }, 'file.tooLarge'],
    [
      'not a workbook',
      { bytes: new TextEncoder().encode('PK\u0003\u0004 garbage').buffer, size: 15 },
      /^file\./,
    ],
  ] as const)('refuses a file %s, naming it', async (_name, input, code) => {
    const read = await readFileBytes({ fileName: '坏文件.xlsx', maxBytes: 20 * MB, ...input });
    expect(read.result.ok).toBe(false);
    if (!read.result.ok) {
      expect(read.result.issues[0]?.code).toMatch(code);
      expect(read.result.issues[0]?.file).toBe('坏文件.xlsx');
      expect(read.result.issues[0]?.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('readFileBytes with a browser File (its size and bytes fetched in the worker)', () => {
  /** A Blob that counts the reads of its bytes, or fails them (a file gone from a USB stick). */
  class CountingBlob extends Blob {
    reads = 0;
    constructor(
      parts: BlobPart[],
      private readonly fails = false,
    ) {
      super(parts);
    }
    override arrayBuffer(): Promise<ArrayBuffer> {
      this.reads++;
      return this.fails ? Promise.reject(new DOMException('gone', 'NotReadableError')) : super.arrayBuffer();
    }
  }

  it('reads a File exactly as its bytes', async () => {
    const file = sample('2018-09', '农安县-2018年1-9月.xlsx');
    const blob = new CountingBlob([file.bytes]);
    const fromBlob = await readFileBytes({ fileName: file.fileName, bytes: blob, maxBytes: 20 * MB });
    expect(fromBlob).toEqual(await readFileBytes({ ...file, maxBytes: 20 * MB }));
    expect(fromBlob.size).toBe(file.size);
    expect(blob.reads).toBe(1);
  });

  it('refuses a File over the limit by its own size, without reading it', async () => {
    const blob = new CountingBlob([new Uint8Array(4096)]);
    const read = await readFileBytes({ fileName: '大文件.xlsx', bytes: blob, maxBytes: 1024 });
    expect(read.result.ok ? null : read.result.issues[0]?.code).toBe('file.tooLarge');
    expect(read.size).toBe(4096);
    expect(blob.reads).toBe(0);
  });

  it('refuses a File that can no longer be read, naming it', async () => {
    const blob = new CountingBlob([new Uint8Array(64)], true);
    const read = await readFileBytes({ fileName: '拔出的U盘.xlsx', bytes: blob, maxBytes: 20 * MB });
    expect(read.result.ok ? null : read.result.issues[0]?.code).toBe('file.unreadable');
    expect(read.result.ok ? null : read.result.issues[0]?.file).toBe('拔出的U盘.xlsx');
  });
});

describe('the 100 samples through the store', () => {
  it('stores 50 returns per period, and the same files again are all 已存在', async () => {
    const db = new AnjuDatabase(`samples-${crypto.randomUUID()}`);
    const reads = await Promise.all(allSamples().map((f) => readFileBytes({ ...f, maxBytes: 20 * MB })));
    const candidates = reads.flatMap((r) =>
      r.result.ok ? r.result.returns.map((ret) => ({ fileName: r.fileName, fileHash: r.sha256, ret })) : [],
    );
    expect(candidates).toHaveLength(100);
    const plan = await planImport(db, candidates);
    expect(plan.every((p) => p.status === 'new')).toBe(true);
    const { outcomes } = await commitImport(db, plan, { kind: 'import', origin: 'file' });
    expect(countOutcomes(outcomes)).toMatchObject({ stored: 100, failed: 0, conflict: 0 });
    expect(await listPeriods(db)).toEqual(['2018-08', '2018-09']);
    expect(await getCurrentReturns(db, '2018-08')).toHaveLength(50);
    expect(await getCurrentReturns(db, '2018-09')).toHaveLength(50);

    const again = await planImport(db, candidates);
    expect(again.filter((p) => p.status === 'exists')).toHaveLength(100);
    expect(await db.revisions.count()).toBe(100);
    await db.delete();
  });
});
