// The narrow reads the data and unit pages use: a few periods, or one unit's history, never the whole store.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ParsedReturn } from '../domain/types';
import { AnjuDatabase } from './database';
import {
  getAllCurrentReturns,
  getCurrentRevisions,
  getReturnsOfPeriods,
  getUnitReturns,
} from './returns-repo';

function ret(unitId: string, period: string, started: number): ParsedReturn {
  return {
    unitId,
    period,
    cutoff: `${period}-28`,
    tables: { start: { plan: 100, started, startedMonth: null, declaredRate: null, note: '' } },
  };
}

let db: AnjuDatabase;
let n = 0;

async function store(r: ParsedReturn): Promise<void> {
  const revisionId = await db.revisions.add({
    ...r,
    fileName: `${r.unitId}.xlsx`,
    fileHash: `f${n}`,
    contentHash: `c${n}`,
    importedAt: n,
    importId: `i${n}`,
    origin: 'file',
  });
  n++;
  await db.heads.put({ unitId: r.unitId, period: r.period, revisionId: Number(revisionId), updatedAt: n });
}

beforeEach(async () => {
  db = new AnjuDatabase(`window-${Math.random()}`);
  // 农安县 (220122) in three periods, 九台区 (220113) in two; a replaced revision must not show.
  for (const r of [
    ret('220122', '2018-07', 10),
    ret('220122', '2018-08', 20),
    ret('220113', '2018-08', 5),
    ret('220122', '2018-09', 30),
    ret('220113', '2018-09', 6),
    ret('220122', '2018-09', 31),
  ])
    await store(r);
});

afterEach(async () => {
  await db.delete();
});

describe('getUnitReturns', () => {
  it('gives one unit its current return of every period, oldest first', async () => {
    const history = await getUnitReturns(db, '220122');
    expect([...history.keys()]).toEqual(['2018-07', '2018-08', '2018-09']);
    expect(history.get('2018-09')?.map((r) => r.tables.start?.started)).toEqual([31]);
    expect([...(await getUnitReturns(db, '220113')).keys()]).toEqual(['2018-08', '2018-09']);
    expect((await getUnitReturns(db, '220100')).size).toBe(0);
  });

  it('agrees with the whole store read', async () => {
    const all = await getAllCurrentReturns(db);
    const mine = await getUnitReturns(db, '220122');
    for (const [period, list] of mine) {
      expect(list).toEqual(all.get(period)?.filter((r) => r.unitId === '220122'));
    }
  });
});

describe('getReturnsOfPeriods', () => {
  it('reads only the periods asked for, each a key even when empty', async () => {
    const window = await getReturnsOfPeriods(db, ['2018-09', '2018-08', '2018-08', '2017-12']);
    expect([...window.keys()].sort()).toEqual(['2017-12', '2018-08', '2018-09']);
    expect(window.get('2017-12')).toEqual([]);
    expect(window.has('2018-07')).toBe(false);
    expect(
      window
        .get('2018-09')
        ?.map((r) => `${r.unitId}:${r.tables.start?.started}`)
        .sort(),
    ).toEqual(['220113:6', '220122:31']);
  });
});

describe('getCurrentRevisions', () => {
  // Generated stores: units with one to four revisions each in a period, the head on any of them (a later
  // revision undone leaves the head on an earlier one), and heads of other periods beside.
  const cases = Array.from({ length: 12 }, (_, seed) => seed);

  it.each(cases)('gives exactly the heads’ revisions, in the heads’ order (store %i)', async (seed) => {
    let x = seed + 1;
    const rand = (k: number) => {
      x = (x * 48271) % 2147483647;
      return x % k;
    };
    const period = '2018-10';
    const units = Array.from({ length: 3 + rand(6) }, (_, i) => String(220200 + i * 7));
    for (const unitId of units) {
      const ids: number[] = [];
      for (let k = 0, count = 1 + rand(4); k < count; k++)
        ids.push(
          Number(
            await db.revisions.add({
              ...ret(unitId, period, 100 * k + rand(50)),
              fileName: `${unitId}.xlsx`,
              fileHash: `g${seed}-${unitId}-${k}`,
              contentHash: `g${seed}-${unitId}-${k}`,
              importedAt: k,
              importId: `g${k}`,
              origin: 'file',
            }),
          ),
        );
      const revisionId = ids[rand(ids.length)] as number;
      await db.heads.put({ unitId, period, revisionId, updatedAt: 0 });
    }
    const heads = await db.heads.where('period').equals(period).toArray();
    const expected = await Promise.all(heads.map((h) => db.revisions.get(h.revisionId)));
    const got = await getCurrentRevisions(db, period);
    expect(got).toEqual(expected);
    expect(got.map((r) => r.unitId)).toEqual(heads.map((h) => h.unitId));
    // The other periods' current returns are untouched by this one's revisions.
    expect((await getCurrentRevisions(db, '2018-09')).map((r) => r.tables.start?.started)).toEqual([6, 31]);
  });

  it('reads a head whose revision is filed under another period by its id, as before', async () => {
    // Not made by the app; a store edited by hand or by an old bug must still give what its heads name.
    const stray = Number(
      await db.revisions.add({
        ...ret('220122', '2018-06', 77),
        fileName: 'x.xlsx',
        fileHash: 'x',
        contentHash: 'x',
        importedAt: 0,
        importId: 'x',
        origin: 'file',
      }),
    );
    await db.heads.put({ unitId: '220122', period: '2018-07', revisionId: stray, updatedAt: 0 });
    expect((await getCurrentRevisions(db, '2018-07')).map((r) => r.tables.start?.started)).toEqual([77]);
  });
});
