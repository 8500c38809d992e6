import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { AnjuDatabase } from './database';
import { describeStorageError } from './errors';
import { makeReturn, storeImport } from './fixtures/sample-data';
import { commitImport, contentHashOf, planImport } from './import-repo';
import { BLOCKED_MESSAGE, type TabSyncNotice, UPGRADED_MESSAGE, watchOtherTabs } from './tab-sync';

/** The next schema, as a later release would declare it: the open tab still runs the current class. */
class NextVersionDatabase extends AnjuDatabase {
  constructor(name: string) {
    super(name);
    this.version(this.verno + 1).stores({ notes: '++id' });
  }
}

let counter = 0;
const names: string[] = [];
function freshName(): string {
  counter++;
  const name = `tab-sync-${counter}-${Date.now()}`;
  names.push(name);
  return name;
}
afterEach(async () => {
  for (const name of names.splice(0)) await new AnjuDatabase(name).delete();
});

describe('an upgrade from another tab', () => {
  it('closes this tab’s connection, tells it to reload, and loses no write', async () => {
    const name = freshName();
    const oldTab = new AnjuDatabase(name);
    const notices: TabSyncNotice[] = [];
    watchOtherTabs(oldTab, (n) => notices.push(n));
    await storeImport(oldTab, [makeReturn('220122', '2018-09', 1)], { importId: 'before', at: 1 });

    // An import in progress when the new version arrives: each return is its own transaction, so each one is
    // either stored (and seen by the new tab) or reported as not saved; none is lost silently or half-written.
    const candidates = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const ret = makeReturn(`U${i}`, '2018-09', i);
        return { fileName: `U${i}.xlsx`, fileHash: `f${i}`, ret, hash: await contentHashOf(ret) };
      }),
    );
    const planned = await planImport(oldTab, candidates);
    const inFlight = commitImport(oldTab, planned, { kind: 'import', origin: 'file', importId: 'during' });
    const newTab = new NextVersionDatabase(name);
    const [result] = await Promise.all([inFlight, newTab.open()]);

    expect(notices).toEqual([{ kind: 'upgraded', message: UPGRADED_MESSAGE }]);
    expect(UPGRADED_MESSAGE).toBe('应用已在另一标签页升级，请刷新本页。');
    expect(oldTab.isOpen()).toBe(false);
    const stored = result.outcomes.filter((o) => o.status === 'stored');
    const failed = result.outcomes.filter((o) => o.status === 'failed');
    expect(stored.length + failed.length).toBe(20);
    for (const o of failed) expect(o.message).toMatch(/刷新本页/);
    const heads = await newTab.heads.toArray();
    expect(heads.map((h) => h.unitId).sort()).toEqual(['220122', ...stored.map((o) => o.unitId)].sort());
    for (const o of stored) {
      const rev = await newTab.revisions.get(o.revisionId as number);
      expect(rev?.contentHash).toBe(candidates.find((c) => c.ret.unitId === o.unitId)?.hash);
    }

    // A later write from the old tab is refused with a clear message instead of reaching the new schema.
    const late = await commitImport(
      oldTab,
      [
        {
          candidate: candidates[0] as (typeof candidates)[0],
          contentHash: 'x',
          status: 'new',
          expectedHead: null,
          changes: [],
        },
      ],
      { kind: 'import', origin: 'file' },
    );
    expect(late.outcomes[0]?.status).toBe('failed');
    expect(late.outcomes[0]?.message).toBe(describeStorageError({ name: 'DatabaseClosedError' }).message);
    expect(await newTab.heads.count()).toBe(heads.length);
    newTab.close();
  });

  it('reports a blocked upgrade while another connection holds the old version', async () => {
    const name = freshName();
    await new AnjuDatabase(name).open().then((d) => d.close());
    // A connection that ignores versionchange, like an old tab of a version without the handler.
    const stubborn = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const newTab = new NextVersionDatabase(name);
    const notices: TabSyncNotice[] = [];
    watchOtherTabs(newTab, (n) => notices.push(n));
    const opening = newTab.open();
    await new Promise((r) => setTimeout(r, 50));
    expect(notices).toEqual([{ kind: 'blocked', message: BLOCKED_MESSAGE }]);
    stubborn.close();
    await opening;
    expect(newTab.isOpen()).toBe(true);
    newTab.close();
  });
});
