// The narrow reads the data and unit pages use: a few periods, or one unit's history, never the whole store.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ParsedReturn } from '../domain/types';
import { AnjuDatabase } from './database';
import { getAllCurrentReturns, getReturnsOfPeriods, getUnitReturns } from './returns-repo';

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
