import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackup, dumpDatabase } from './backup';
import { AnjuDatabase } from './database';
import { currentReturnMap, makeReturn, revisionIdentities, storeImport } from './fixtures/sample-data';
import { applyMerge, keyOf, type MergeSide, planMerge } from './merge';
import { diffReturnTables } from './return-diff';

let counter = 0;
const opened: AnjuDatabase[] = [];
function freshDb(label: string): AnjuDatabase {
  counter++;
  const db = new AnjuDatabase(`merge-${label}-${counter}-${Date.now()}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

/**
 * Two laptops: both imported 农安县 2018-08 (same file); A has 榆树市 and a corrected 德惠市, B has 吉林市 and
 * its own different 德惠市 (a conflict); 永吉县 was corrected on A after B copied the first version (no conflict:
 * A's is newer).
 */
async function twoLaptops(): Promise<{ a: AnjuDatabase; b: AnjuDatabase }> {
  const a = freshDb('a');
  const b = freshDb('b');
  await storeImport(a, [makeReturn('220122', '2018-08', 1), makeReturn('220221', '2018-09', 20)], {
    importId: 'a1',
    at: 1_000,
  });
  await storeImport(b, [makeReturn('220122', '2018-08', 1), makeReturn('220221', '2018-09', 20)], {
    importId: 'b1',
    at: 1_100,
  });
  await storeImport(a, [makeReturn('220182', '2018-09', 2), makeReturn('220183', '2018-09', 3)], {
    importId: 'a2',
    at: 2_000,
  });
  await storeImport(a, [makeReturn('220183', '2018-09', 4), makeReturn('220221', '2018-09', 21)], {
    importId: 'a3',
    at: 3_000,
  });
  await storeImport(b, [makeReturn('220200', '2018-09', 5), makeReturn('220183', '2018-09', 6)], {
    importId: 'b2',
    at: 2_500,
  });
  await a.bulletins.add({ period: '2018-09', text: 'A 的通报', savedAt: 10, kind: 'edited' });
  return { a, b };
}

async function mergeInto(
  target: AnjuDatabase,
  source: AnjuDatabase,
  pick: (c: { local: string; incoming: string }) => MergeSide,
) {
  const plan = await planMerge(target, await createBackup(source));
  const choices = new Map<string, MergeSide>();
  for (const c of plan.conflicts)
    choices.set(c.key, pick({ local: c.local.contentHash, incoming: c.incoming.contentHash }));
  const result = await applyMerge(target, plan, choices, 'other.json');
  if (!result.ok) throw new Error(result.message);
  return { plan, summary: result.value };
}

describe('merging another laptop’s backup', () => {
  it('adds what is missing, skips identical returns and asks about the one real conflict', async () => {
    const { a, b } = await twoLaptops();
    const plan = await planMerge(b, await createBackup(a));
    expect(plan.conflicts.map((c) => c.key)).toEqual([keyOf('220183', '2018-09')]);
    // 农安县 and the first 永吉县 are identical on both: skipped.
    expect(plan.skipped).toBe(2);
    // 榆树市, A's two 德惠市 versions, A's corrected 永吉县.
    expect(plan.toAdd.map((r) => r.unitId).sort()).toEqual(['220182', '220183', '220183', '220221']);
    // 榆树市 is new here; 永吉县 on A supersedes the version B holds.
    expect(plan.headsFromIncoming.map((h) => h.unitId).sort()).toEqual(['220182', '220221']);
    const conflict = plan.conflicts[0];
    const labels = diffReturnTables(conflict?.local.tables ?? {}, conflict?.incoming.tables ?? {}).map(
      (c) => c.label,
    );
    expect(labels).toContain('累计开工');
  });

  it('A into B and B into A give the same returns and the same current returns', async () => {
    const one = await twoLaptops();
    const two = await twoLaptops();
    // The user picks the same 德惠市 return (A's) in both directions.
    const aHash = (await currentReturnMap(one.a)).get('220183|2018-09');
    const choose = (c: { local: string; incoming: string }): MergeSide =>
      c.local === aHash ? 'local' : 'incoming';
    await mergeInto(one.b, one.a, choose);
    await mergeInto(two.a, two.b, choose);
    expect(await revisionIdentities(one.b)).toEqual(await revisionIdentities(two.a));
    expect(await currentReturnMap(one.b)).toEqual(await currentReturnMap(two.a));
    expect((await currentReturnMap(one.b)).get('220221|2018-09')).toBe(
      (await currentReturnMap(one.a)).get('220221|2018-09'),
    );
    // 农安县, 永吉县 ×2, 榆树市, 德惠市 ×3 (A’s two, B’s one), 吉林市.
    expect(await revisionIdentities(one.b)).toHaveLength(8);
  });

  it.each(['local', 'incoming'] as MergeSide[])(
    'choosing %s keeps both versions as revisions',
    async (side) => {
      const { a, b } = await twoLaptops();
      const before = await currentReturnMap(b);
      const incoming = await currentReturnMap(a);
      await mergeInto(b, a, () => side);
      const after = await currentReturnMap(b);
      const expected = side === 'local' ? before : incoming;
      expect(after.get('220183|2018-09')).toBe(expected.get('220183|2018-09'));
      const hashes = (await b.revisions.where('[unitId+period]').equals(['220183', '2018-09']).toArray()).map(
        (r) => r.contentHash,
      );
      expect(hashes).toContain(before.get('220183|2018-09'));
      expect(hashes).toContain(incoming.get('220183|2018-09'));
    },
  );

  it('merging the same backup twice adds nothing the second time', async () => {
    const { a, b } = await twoLaptops();
    await mergeInto(b, a, () => 'incoming');
    const afterFirst = await dumpDatabase(b);
    const { plan, summary } = await mergeInto(b, a, () => 'incoming');
    expect(plan.toAdd).toEqual([]);
    expect(plan.conflicts).toEqual([]);
    expect(summary.headsMoved).toBe(0);
    const afterSecond = await dumpDatabase(b);
    expect(afterSecond.revisions).toEqual(afterFirst.revisions);
    expect(afterSecond.heads).toEqual(afterFirst.heads);
  });

  it('is recorded as one import that can be undone', async () => {
    const { a, b } = await twoLaptops();
    const { summary } = await mergeInto(b, a, () => 'incoming');
    const record = await b.imports.get(summary.importId);
    expect(record?.kind).toBe('merge');
    expect(record?.changes).toHaveLength(summary.headsMoved);
    expect(summary.headsMoved).toBe(3);
    expect(await b.bulletins.count()).toBe(1);
  });

  it('is refused, changing nothing, when the heads moved after the plan was made', async () => {
    const { a, b } = await twoLaptops();
    const plan = await planMerge(b, await createBackup(a));
    await storeImport(b, [makeReturn('220281', '2018-09', 7)], { importId: 'late', at: 9_000 });
    const before = await dumpDatabase(b);
    const result = await applyMerge(b, plan, new Map(), 'other.json');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/未做任何更改/);
    expect(await dumpDatabase(b)).toEqual(before);
  });

  it('a large merge (300 new current returns) completes in its one transaction', async () => {
    const a = freshDb('big-a');
    const b = freshDb('big-b');
    const units = Array.from({ length: 50 }, (_, i) => `U${i}`);
    for (const [i, period] of ['2018-01', '2018-02', '2018-03', '2018-04', '2018-05', '2018-06'].entries()) {
      await storeImport(
        a,
        units.map((u, j) => makeReturn(u, period, i * 100 + j)),
        { importId: `big-${period}`, at: i + 1 },
      );
    }
    await storeImport(b, [makeReturn('U0', '2018-01', 0)], { importId: 'one', at: 1 });
    const { summary } = await mergeInto(b, a, () => 'incoming');
    expect(summary).toMatchObject({ added: 299, skipped: 1, headsMoved: 299 });
    expect(await currentReturnMap(b)).toEqual(await currentReturnMap(a));
  });

  it('a quota error part-way stores nothing of the merge', async () => {
    const { a, b } = await twoLaptops();
    const plan = await planMerge(b, await createBackup(a));
    const before = await dumpDatabase(b);
    const proto = IDBObjectStore.prototype;
    const realPut = proto.put;
    proto.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'heads') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realPut.apply(this, args);
    };
    try {
      const result = await applyMerge(b, plan, new Map(), 'other.json');
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/存储空间已满/);
    } finally {
      proto.put = realPut;
    }
    expect(await dumpDatabase(b)).toEqual(before);
  });
});
