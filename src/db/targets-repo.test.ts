// Annual targets in the store: typed by hand (with a required note), read from a file, taken from the first
// returns of the year; every change keeps the state it replaced; a save is all or nothing.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { NO_TARGETS } from '../domain/targets';
import { AnjuDatabase } from './database';
import { makeReturn, storeImport } from './fixtures/sample-data';
import { listTargetRecords, proposeFromFirstReturns, saveTargets, yearTargets } from './targets-repo';

const opened: AnjuDatabase[] = [];
function freshDb(): AnjuDatabase {
  const db = new AnjuDatabase(`targets-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const NA = '220122';
const DH = '220183';

describe('annual targets in the store', () => {
  it('refuses figures typed by hand without a note, and stores nothing', async () => {
    const db = freshDb();
    const result = await saveTargets(db, [{ unitId: NA, targets: { ...NO_TARGETS, startPlan: 100 } }], {
      year: 2018,
      source: 'manual',
      note: '  ',
    });
    expect(result).toEqual({ ok: false, message: expect.stringContaining('须写明依据') });
    expect(await db.targets.count()).toBe(0);
  });

  it('keeps every earlier state with its source, note and time', async () => {
    const db = freshDb();
    const first = { ...NO_TARGETS, startPlan: 1000, loanNeed: 500_000_000 };
    await saveTargets(db, [{ unitId: NA, targets: first }], {
      year: 2018,
      source: 'file',
      note: '从文件导入',
      fileName: '2018年目标.xlsx',
      now: 10,
    });
    const second = { ...first, startPlan: 1200 };
    const saved = await saveTargets(
      db,
      [
        { unitId: NA, targets: second },
        { unitId: DH, targets: first },
      ],
      {
        year: 2018,
        source: 'manual',
        note: '省政府调整计划',
        now: 20,
      },
    );
    expect(saved).toEqual({ ok: true, value: { changed: 2, unchanged: 0 } });
    const again = await saveTargets(db, [{ unitId: NA, targets: second }], {
      year: 2018,
      source: 'manual',
      note: '再次保存',
      now: 30,
    });
    expect(again).toEqual({ ok: true, value: { changed: 0, unchanged: 1 } });
    const [record] = (await listTargetRecords(db, 2018)).filter((r) => r.unitId === NA);
    expect(record).toMatchObject({
      startPlan: 1200,
      source: 'manual',
      note: '省政府调整计划',
      updatedAt: 20,
    });
    expect(record?.history).toEqual([
      { ...first, source: 'file', note: '从文件导入', fileName: '2018年目标.xlsx', updatedAt: 10 },
    ]);
    expect(await yearTargets(db, 2018)).toEqual(
      new Map([
        [NA, second],
        [DH, first],
      ]),
    );
    expect(await yearTargets(db, 2019)).toEqual(new Map());
  });

  it('proposes each figure from the first return of the year that holds it', async () => {
    const db = freshDb();
    const march = makeReturn(NA, '2018-03', 1);
    const may = makeReturn(NA, '2018-05', 2);
    const lastYear = makeReturn(DH, '2017-12', 3);
    delete march.tables.publicRental;
    await storeImport(db, [march, may, lastYear], { importId: 'i', at: 1 });
    expect(await proposeFromFirstReturns(db, 2018)).toEqual([
      {
        unitId: NA,
        targets: {
          startPlan: march.tables.start?.plan,
          loanNeed: march.tables.loan?.need,
          expropriationPlan: march.tables.expropriation?.plan,
          rentalTask: may.tables.publicRental?.yearTask,
        },
        periods: {
          startPlan: '2018-03',
          loanNeed: '2018-03',
          expropriationPlan: '2018-03',
          rentalTask: '2018-05',
        },
      },
    ]);
    // Proposing writes nothing.
    expect(await db.targets.count()).toBe(0);
  });
});
