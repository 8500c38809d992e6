// The import write path on a real Dexie (fake-indexeddb): revisions, 已存在, confirmed replacement keeping the old
// revision, batch duplicates, moved heads, and failed writes leaving nothing behind.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnjuDatabase } from './database';
import { commitImport, contentHashOf, countOutcomes, type ImportCandidate, planImport } from './import-repo';
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

async function importAll(candidates: ImportCandidate[], confirmReplace = false) {
  const plan = await planImport(db, candidates);
  const chosen = plan.filter((p) => p.status === 'new' || (confirmReplace && p.status === 'replace'));
  return { plan, result: await commitImport(db, chosen, { kind: 'import', origin: 'file' }) };
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

  it('stops at a full disk: the failed return and the rest are reported unsaved, earlier ones stay', async () => {
    db = freshDb();
    let writes = 0;
    db.revisions.hook('creating', () => {
      writes++;
      if (writes === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const { result } = await importAll([
      candidate('农安县.xlsx', 'h1'),
      candidate('德惠市.xlsx', 'h2', sampleReturn(DEHUI, '2018-09')),
      candidate('榆树市.xlsx', 'h3', sampleReturn('220182', '2018-09')),
    ]);
    expect(result.outcomes.map((o) => o.status)).toEqual(['stored', 'failed', 'failed']);
    expect(result.outcomes[1]?.message).toContain('存储空间已满');
    expect(result.outcomes[2]?.message).toContain('未保存');
    expect(writes).toBe(2);
    expect(await db.revisions.count()).toBe(1);
    expect(await db.heads.count()).toBe(1);
    expect((await db.imports.toArray())[0]?.changes).toHaveLength(1);
  });
});
