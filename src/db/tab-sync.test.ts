import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { AnjuDatabase } from './database';
import { describeStorageError } from './errors';
import { makeReturn, storeImport } from './fixtures/sample-data';
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

    // A write in progress when the new version arrives finishes first.
    const inFlight = storeImport(
      oldTab,
      Array.from({ length: 20 }, (_, i) => makeReturn(`U${i}`, '2018-09', i)),
      { importId: 'during', at: 2 },
    );
    const newTab = new NextVersionDatabase(name);
    await Promise.all([inFlight, newTab.open()]);

    expect(notices).toEqual([{ kind: 'upgraded', message: UPGRADED_MESSAGE }]);
    expect(UPGRADED_MESSAGE).toBe('应用已在另一标签页升级，请刷新本页。');
    expect(oldTab.isOpen()).toBe(false);
    expect(await newTab.heads.count()).toBe(21);
    expect(await newTab.imports.count()).toBe(2);

    // A later write from the old tab is refused with a clear message instead of reaching the new schema.
    const late = await storeImport(oldTab, [makeReturn('220182', '2018-09', 2)], {
      importId: 'late',
      at: 3,
    }).catch((err: unknown) => err);
    expect(describeStorageError(late).code).toBe('closed');
    expect(await newTab.heads.count()).toBe(21);
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
