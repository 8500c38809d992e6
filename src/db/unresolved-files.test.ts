import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { AnjuDatabase, type FileReadRecord } from './database';
import { listUnresolvedFiles } from './unresolved-files';

const opened: AnjuDatabase[] = [];
function freshDb(): AnjuDatabase {
  const db = new AnjuDatabase(`unresolved-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

function read(id: string, over: Partial<FileReadRecord>): FileReadRecord {
  return {
    id,
    importId: null,
    at: Number(id.replace(/\D/g, '')),
    fileName: `${id}.xlsx`,
    fileHash: id,
    unitId: '220122',
    period: '2018-09',
    status: 'refused',
    issues: [],
    ...over,
  };
}

describe('listUnresolvedFiles', () => {
  it.each<[string, Partial<FileReadRecord>, boolean]>([
    ['a refused file of the period', {}, true],
    ['an accepted file', { status: 'accepted', importId: 'i1' }, false],
    ['a corrected file', { status: 'corrected', importId: 'i1' }, false],
    ['a mapped file', { status: 'mapped', importId: 'i1' }, false],
    ['a refused file resolved since', { status: 'resolved' }, false],
    ['a refused file of another period', { period: '2018-08' }, false],
    ['a refused file that named no unit', { unitId: undefined }, false],
  ])('%s: listed %s', async (_, over, listed) => {
    const db = freshDb();
    await db.fileReads.add(read('f1', over));
    expect(await listUnresolvedFiles(db, '2018-09')).toEqual(
      listed ? [{ unitId: '220122', fileName: 'f1.xlsx' }] : [],
    );
  });

  it('lists several in the order they were read', async () => {
    const db = freshDb();
    await db.fileReads.bulkAdd([
      read('f3', { unitId: '220182' }),
      read('f1', {}),
      read('f2', { status: 'accepted' }),
    ]);
    expect(await listUnresolvedFiles(db, '2018-09')).toEqual([
      { unitId: '220122', fileName: 'f1.xlsx' },
      { unitId: '220182', fileName: 'f3.xlsx' },
    ]);
  });
});
