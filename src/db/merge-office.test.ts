// Targets and issued bulletins in a merge of two computers' backups (fake-indexeddb, real backups): missing
// ones are added, the same skipped, differing targets chosen with both kept in the history, and two different
// bulletins issued as one period and version shown as a conflict and never written over.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../domain/sha256';
import { NO_TARGETS } from '../domain/targets';
import { type BackupData, createBackup, encodeBackup, readBackup, restoreBackup } from './backup';
import { AnjuDatabase, type IssuedBulletinRecord } from './database';
import { applyMerge, type MergeSide, planMerge } from './merge';
import { targetKey } from './merge-office';
import { saveTargets } from './targets-repo';

const opened: AnjuDatabase[] = [];
function freshDb(): AnjuDatabase {
  const db = new AnjuDatabase(`merge-office-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

function issued(id: string, text: string, docNumber: string): IssuedBulletinRecord {
  const [period = '', version = '1'] = id.split('#');
  return {
    id,
    period,
    version: Number(version),
    issuedAt: 1_000,
    docNumber,
    docDate: '2018-10-10',
    text,
    sources: [{ unitId: '220122', period, contentHash: 'abc' }],
    attachments: [],
    order: 'grouped',
  };
}

const plan = (startPlan: number) => ({ ...NO_TARGETS, startPlan });

async function merge(into: AnjuDatabase, from: AnjuDatabase, side: MergeSide) {
  const p = await planMerge(into, await createBackup(from));
  const choices = new Map<string, MergeSide>(p.office.targetConflicts.map((c) => [c.key, side]));
  const result = await applyMerge(into, p, choices, 'other.json', 9_000);
  if (!result.ok) throw new Error(result.message);
  return { plan: p, summary: result.value };
}

async function twoComputers() {
  const a = freshDb();
  const b = freshDb();
  await saveTargets(a, [{ unitId: '220122', targets: plan(100) }], {
    year: 2018,
    source: 'manual',
    note: 'A 录入',
    now: 10,
  });
  await saveTargets(a, [{ unitId: '220183', targets: plan(50) }], {
    year: 2018,
    source: 'manual',
    note: 'A 录入',
    now: 11,
  });
  await saveTargets(b, [{ unitId: '220122', targets: plan(120) }], {
    year: 2018,
    source: 'manual',
    note: 'B 录入',
    now: 12,
  });
  await saveTargets(b, [{ unitId: '220183', targets: plan(50) }], {
    year: 2018,
    source: 'file',
    note: 'B 文件',
    now: 13,
  });
  await a.issued.add(issued('2018-09#1', 'A 签发的通报', '吉安居办〔2018〕12号'));
  await a.issued.add(issued('2018-08#1', '八月通报', '吉安居办〔2018〕11号'));
  await b.issued.add(issued('2018-09#1', 'B 签发的另一份通报', '吉安居办〔2018〕15号'));
  return { a, b };
}

describe('merging targets and issued bulletins', () => {
  it('adds what is missing and finds the differences, the same both ways', async () => {
    const { a, b } = await twoComputers();
    const ab = await planMerge(a, await createBackup(b));
    const ba = await planMerge(b, await createBackup(a));
    for (const p of [ab, ba]) {
      expect(p.office.targetConflicts.map((c) => c.key)).toEqual([targetKey(2018, '220122')]);
      expect(p.office.targetsSame).toBe(1);
      expect(p.office.issuedConflicts.map((c) => c.id)).toEqual(['2018-09#1']);
    }
    expect(ab.office.issuedToAdd).toEqual([]);
    expect(ba.office.issuedToAdd.map((r) => r.id)).toEqual(['2018-08#1']);
  });

  it('never writes over an issued bulletin: the conflict is shown, this computer keeps its own', async () => {
    const { a, b } = await twoComputers();
    const { plan: p, summary } = await merge(b, a, 'incoming');
    expect(p.office.issuedConflicts[0]?.incoming.text).toBe('A 签发的通报');
    expect(summary.office.issuedAdded).toBe(1);
    expect((await b.issued.get('2018-09#1'))?.text).toBe('B 签发的另一份通报');
    expect((await b.issued.get('2018-08#1'))?.text).toBe('八月通报');
  });

  it.each(['incoming', 'local'] as const)(
    'takes the %s targets, and keeps the others in the history',
    async (side) => {
      const { a, b } = await twoComputers();
      const { summary } = await merge(a, b, side);
      const record = await a.targets.get([2018, '220122']);
      expect(record?.startPlan).toBe(side === 'incoming' ? 120 : 100);
      expect(summary.office.targetsChanged).toBe(side === 'incoming' ? 1 : 0);
      const states = [record, ...(record?.history ?? [])].map((s) => s?.startPlan).sort();
      expect(states).toEqual([100, 120]);
      // The same figures on both computers: left as they were.
      expect((await a.targets.get([2018, '220183']))?.note).toBe('A 录入');
    },
  );

  it('adds a computer’s targets and issued versions to an empty one, then has nothing left to merge', async () => {
    const { a } = await twoComputers();
    const empty = freshDb();
    const { summary } = await merge(empty, a, 'incoming');
    expect(summary.office).toEqual({ targetsAdded: 2, targetsChanged: 0, issuedAdded: 2 });
    expect(await empty.targets.toArray()).toEqual(await a.targets.toArray());
    expect(await empty.issued.toArray()).toEqual(await a.issued.toArray());
    const again = await planMerge(empty, await createBackup(a));
    expect(again.office).toMatchObject({
      targetsToAdd: [],
      targetConflicts: [],
      issuedToAdd: [],
      issuedConflicts: [],
    });
  });
});

describe('targets and issued bulletins in a backup', () => {
  async function reread(
    db: AnjuDatabase,
    edit: (data: Awaited<ReturnType<typeof createBackup>>['data']) => void,
  ) {
    const backup = await createBackup(db);
    edit(backup.data);
    backup.sha256 = await sha256Hex(JSON.stringify(backup.data));
    return readBackup(encodeBackup(backup, false), 'b.json');
  }

  it('restores them exactly into an empty app', async () => {
    const { a } = await twoComputers();
    const read = await reread(a, () => {});
    if (!read.ok) throw new Error(read.message);
    const empty = freshDb();
    expect((await restoreBackup(empty, read.value)).ok).toBe(true);
    expect(await empty.targets.toArray()).toEqual(await a.targets.toArray());
    expect(await empty.issued.toArray()).toEqual(await a.issued.toArray());
  });

  it.each([
    [
      'a negative target',
      (d: BackupData) => Object.assign(d.targets[0] ?? {}, { startPlan: -1 }),
      '年度目标记录的“棚改年度计划”无效',
    ],
    [
      'a fraction of a 套',
      (d: BackupData) => Object.assign(d.targets[0] ?? {}, { rentalTask: 1.5 }),
      '“本年分配任务”无效',
    ],
    [
      'an unknown unit',
      (d: BackupData) => Object.assign(d.targets[0] ?? {}, { unitId: '999999' }),
      '不在单位名册中',
    ],
    [
      'an issued id that is not its version',
      (d: BackupData) => Object.assign(d.issued[0] ?? {}, { version: 3 }),
      '编号与报告期、版本不符',
    ],
    [
      'an issued date that is no day',
      (d: BackupData) => Object.assign(d.issued[0] ?? {}, { docDate: '2018-13-01' }),
      '成文日期无效',
    ],
  ])('refuses %s, even with a matching checksum', async (_, edit, message) => {
    const { a } = await twoComputers();
    const read = await reread(a, edit);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toContain(message);
  });
});
