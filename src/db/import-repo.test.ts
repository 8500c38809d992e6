// The import write path on a real Dexie (fake-indexeddb): revisions, 已存在, confirmed replacement keeping the old
// revision, batch duplicates, moved heads, and failed writes leaving nothing behind.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultRegister } from '../domain/units';
import type { AnjuDatabase } from './database';
import {
  commitImport,
  contentHashOf,
  countOutcomes,
  type ImportCandidate,
  planImport,
  RETURNS_PER_TRANSACTION,
} from './import-repo';
import { getCurrentReturns } from './returns-repo';
import { freshDb, sampleReturn } from './test-returns';

const NONGAN = '220122';
const DEHUI = '220183';

let db: AnjuDatabase;
afterEach(async () => {
  await db?.delete();
});

function candidate(
  fileName: string,
  fileHash: string,
  ret = sampleReturn(NONGAN, '2018-09'),
): ImportCandidate {
  return { fileName, fileHash, ret };
}

/** Chunks of ten here, so a batch of 25 is written in several transactions. */
const CHUNK = 10;

async function importAll(candidates: ImportCandidate[], confirmReplace = false) {
  const plan = await planImport(db, candidates);
  const chosen = plan.filter((p) => p.status === 'new' || (confirmReplace && p.status === 'replace'));
  const options = { kind: 'import', origin: 'file', returnsPerTransaction: CHUNK } as const;
  return { plan, result: await commitImport(db, chosen, options) };
}

describe('planImport and commitImport', () => {
  it('stores a new return as a revision, its head and an import record', async () => {
    db = freshDb();
    const { plan, result } = await importAll([
      candidate('农安县.xlsx', 'h1'),
      candidate('德惠市.xlsx', 'h2', sampleReturn(DEHUI, '2018-09')),
    ]);
    expect(plan.map((p) => p.status)).toEqual(['new', 'new']);
    expect(countOutcomes(result.outcomes)).toMatchObject({ stored: 2, replaced: 0, failed: 0 });
    expect(await db.revisions.count()).toBe(2);
    const current = await getCurrentReturns(db, '2018-09');
    expect(current.map((r) => r.unitId).sort()).toEqual([NONGAN, DEHUI].sort());
    const record = await db.imports.get(result.importId);
    expect(record?.files).toEqual(['农安县.xlsx', '德惠市.xlsx']);
    expect(record?.changes.map((c) => [c.unitId, c.from])).toEqual([
      [NONGAN, null],
      [DEHUI, null],
    ]);
    const rev = await db.revisions.get(record?.changes[0]?.to ?? -1);
    expect(rev?.contentHash).toBe(await contentHashOf(sampleReturn(NONGAN, '2018-09')));
  });

  it.each([
    ['the same file again', 'h1', {}],
    ['the same content from another file', 'other-hash', {}],
  ])('says 已存在 and changes nothing for %s', async (_name, fileHash, figures) => {
    db = freshDb();
    await importAll([candidate('农安县.xlsx', 'h1')]);
    const before = await db.revisions.count();
    const { plan, result } = await importAll([
      candidate('农安县-副本.xlsx', fileHash, sampleReturn(NONGAN, '2018-09', figures)),
    ]);
    expect(plan[0]?.status).toBe('exists');
    expect(plan[0]?.reason).toContain('农安县2018年1-9月');
    expect(result.outcomes).toEqual([]);
    expect(await db.revisions.count()).toBe(before);
    expect(await db.imports.count()).toBe(1);
  });

  it('shows a different return as a replacement with its changed figures and keeps the old revision', async () => {
    db = freshDb();
    await importAll([candidate('农安县.xlsx', 'h1')]);
    const changed = sampleReturn(NONGAN, '2018-09', { started: 850, disbursed: 312_500_000 });
    const { plan: unconfirmed } = await importAll([candidate('农安县-更正.xlsx', 'h2', changed)]);
    expect(unconfirmed[0]?.status).toBe('replace');
    expect(unconfirmed[0]?.changes).toEqual([
      {
        table: 'start',
        tableTitle: '棚户区改造开工进展情况',
        label: '累计开工',
        before: '800套',
        after: '850套',
      },
      {
        table: 'loan',
        tableTitle: '棚改贷款进展情况',
        row: '国家开发银行',
        label: '本年发放',
        before: '3.00亿元',
        after: '3.125亿元',
      },
    ]);
    // Not confirmed: nothing written.
    expect(await db.revisions.count()).toBe(1);
    expect((await getCurrentReturns(db, '2018-09'))[0]?.tables.start?.started).toBe(800);

    const { result } = await importAll([candidate('农安县-更正.xlsx', 'h2', changed)], true);
    expect(countOutcomes(result.outcomes).replaced).toBe(1);
    expect(await db.revisions.count()).toBe(2);
    expect((await getCurrentReturns(db, '2018-09'))[0]?.tables.start?.started).toBe(850);
    const old = await db.revisions.where('fileHash').equals('h1').first();
    expect(old?.tables.start?.started).toBe(800);
    const record = await db.imports.get(result.importId);
    expect(record?.changes).toEqual([
      { unitId: NONGAN, period: '2018-09', from: old?.id, to: result.outcomes[0]?.revisionId },
    ]);
  });

  it('refuses two different returns for the same unit and period in one batch, and skips an identical copy', async () => {
    db = freshDb();
    const plan = await planImport(db, [
      candidate('a.xlsx', 'h1'),
      candidate('b.xlsx', 'h2', sampleReturn(NONGAN, '2018-09', { started: 900 })),
      candidate('c.xlsx', 'h3'),
    ]);
    expect(plan.map((p) => p.status)).toEqual(['new', 'duplicate', 'exists']);
    expect(plan[1]?.reason).toContain('a.xlsx');
  });

  it('does not overwrite a head that moved after the plan was made (another tab)', async () => {
    db = freshDb();
    const plan = await planImport(db, [candidate('a.xlsx', 'h1')]);
    await importAll([candidate('b.xlsx', 'h2', sampleReturn(NONGAN, '2018-09', { started: 1 }))]);
    const result = await commitImport(db, plan, { kind: 'import', origin: 'file' });
    expect(result.outcomes[0]?.status).toBe('conflict');
    expect(result.outcomes[0]?.message).toContain('另一个标签页');
    expect((await getCurrentReturns(db, '2018-09'))[0]?.tables.start?.started).toBe(1);
  });

  it('leaves nothing behind when a write throws in the middle of a return', async () => {
    db = freshDb();
    // The import record is the last write of the transaction: revision and head are already written when it fails.
    db.imports.hook('creating', () => {
      throw new Error('disk on fire');
    });
    const { result } = await importAll([candidate('农安县.xlsx', 'h1')]);
    expect(result.outcomes[0]?.status).toBe('failed');
    expect(result.outcomes[0]?.message).toContain('本次没有写入任何数据');
    expect(await db.revisions.count()).toBe(0);
    expect(await db.heads.count()).toBe(0);
    expect(await db.imports.count()).toBe(0);
  });

  it(`stops at a full disk: whole chunks of ${CHUNK} stay, the failed chunk and the rest are reported unsaved`, async () => {
    db = freshDb();
    const units = defaultRegister.units.slice(0, 25).map((u) => u.id);
    let writes = 0;
    db.revisions.hook('creating', () => {
      writes++;
      // In the second chunk: the whole chunk fails with it, the first stays.
      if (writes === CHUNK + 5) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
    });
    const { result } = await importAll(
      units.map((u, i) => candidate(`${u}.xlsx`, `h${i}`, sampleReturn(u, '2018-09'))),
    );
    const statuses = result.outcomes.map((o) => o.status);
    expect(statuses.slice(0, CHUNK)).toEqual(Array(CHUNK).fill('stored'));
    expect(statuses.slice(CHUNK)).toEqual(Array(25 - CHUNK).fill('failed'));
    expect(result.outcomes.slice(CHUNK).every((o) => o.cause === 'quota')).toBe(true);
    expect(result.outcomes[CHUNK]?.message).toContain('存储空间已满');
    expect(result.outcomes.at(-1)?.message).toContain('未保存');
    // Nothing written after the full disk: the third chunk was never tried.
    expect(writes).toBe(CHUNK + 5);
    expect(await db.revisions.count()).toBe(CHUNK);
    expect(await db.heads.count()).toBe(CHUNK);
    const record = await db.imports.get(result.importId);
    expect(record?.changes.map((c) => c.unitId)).toEqual(units.slice(0, CHUNK));
    expect(record?.state).toBe('finished');
  });

  it('writes fifty returns in a few transactions, each return whole', async () => {
    db = freshDb();
    const units = defaultRegister.units.slice(0, 50).map((u) => u.id);
    const plan = await planImport(
      db,
      units.map((u, i) => candidate(`${u}.xlsx`, `h${i}`, sampleReturn(u, '2018-09'))),
    );
    const real = db.transaction.bind(db);
    let transactions = 0;
    db.transaction = ((...args: Parameters<typeof real>) => {
      transactions++;
      return real(...args);
    }) as typeof db.transaction;
    const result = await commitImport(db, plan, { kind: 'import', origin: 'file' });
    expect(countOutcomes(result.outcomes).stored).toBe(50);
    // One chunk of fifty and the record marked finished (the 'started' record is a single add, not counted
    // here); was fifty transactions, then five chunks.
    expect(RETURNS_PER_TRANSACTION).toBe(50);
    expect(transactions).toBe(2);
    const heads = await db.heads.toArray();
    const revisions = await db.revisions.bulkGet(heads.map((h) => h.revisionId));
    expect(revisions.map((r) => r?.unitId).sort()).toEqual([...units].sort());
  });

  it('records the import as started with its plan, then finished', async () => {
    db = freshDb();
    const seen: (string | undefined)[] = [];
    db.imports.hook('creating', (_key, record) => {
      seen.push(record.state);
    });
    db.imports.hook('updating', (changes) => {
      seen.push((changes as { state?: string }).state);
    });
    const { result } = await importAll([
      candidate('农安县.xlsx', 'h1'),
      candidate('德惠市.xlsx', 'h2', sampleReturn(DEHUI, '2018-09')),
    ]);
    expect(seen[0]).toBe('started');
    expect(seen.at(-1)).toBe('finished');
    const record = await db.imports.get(result.importId);
    expect(record?.planned).toEqual([
      { unitId: NONGAN, period: '2018-09', fileName: '农安县.xlsx' },
      { unitId: DEHUI, period: '2018-09', fileName: '德惠市.xlsx' },
    ]);
  });

  it('leaves no import record when nothing could be written (every head moved meanwhile)', async () => {
    db = freshDb();
    const plan = await planImport(db, [candidate('a.xlsx', 'h1')]);
    await importAll([candidate('b.xlsx', 'h2', sampleReturn(NONGAN, '2018-09', { started: 1 }))]);
    const before = await db.imports.count();
    const result = await commitImport(db, plan, { kind: 'import', origin: 'file' });
    expect(result.outcomes.map((o) => [o.status, o.cause])).toEqual([['conflict', 'conflict']]);
    expect(await db.imports.count()).toBe(before);
  });

  it('plans with the content hash the reader worked out, and without it alike', async () => {
    db = freshDb();
    const ret = sampleReturn(NONGAN, '2018-09');
    const hash = await contentHashOf(ret);
    const [given] = await planImport(db, [{ ...candidate('a.xlsx', 'h1', ret), contentHash: hash }]);
    const [computed] = await planImport(db, [candidate('a.xlsx', 'h1', ret)]);
    expect(given?.contentHash).toBe(hash);
    expect(computed?.contentHash).toBe(hash);
  });
});
