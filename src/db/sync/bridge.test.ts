// Two laptops and a server: each laptop's Dexie store (fake-indexeddb) and sync copy (a real PouchDB, memory
// adapter), replicated through a third PouchDB as CouchDB replication does. The bridge is the code under test.
import 'fake-indexeddb/auto';
import memory from 'pouchdb-adapter-memory';
import PouchDB from 'pouchdb-core';
import replication from 'pouchdb-replication';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnjuDatabase, ReturnRevision } from '../database';
import { currentReturnMap, makeReturn, revisionIdentities, storeImport } from '../fixtures/sample-data';
import { restoreRevision, undoImport } from '../history';
import { freshDb } from '../test-returns';
import { SyncBridge } from './bridge';
import type { PouchLike } from './pouch-types';

PouchDB.plugin(memory).plugin(replication);

interface Laptop {
  db: AnjuDatabase;
  copy: PouchLike;
  bridge: SyncBridge;
}

const opened: AnjuDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

function laptop(): Laptop {
  const db = freshDb();
  opened.push(db);
  const copy = new PouchDB(`copy-${crypto.randomUUID()}`, { adapter: 'memory' }) as unknown as PouchLike;
  return { db, copy, bridge: new SyncBridge(db, copy) };
}

function server(): PouchLike {
  return new PouchDB(`server-${crypto.randomUUID()}`, { adapter: 'memory' }) as unknown as PouchLike;
}

type Replicable = {
  replicate: { to(target: unknown): Promise<unknown>; from(source: unknown): Promise<unknown> };
};

/** Online: the laptop's pass, then replication both ways, then a pass again (what the live engine does). */
async function online(l: Laptop, srv: PouchLike): Promise<void> {
  await l.bridge.pass();
  await (l.copy as unknown as Replicable).replicate.to(srv);
  await (l.copy as unknown as Replicable).replicate.from(srv);
  for (let i = 0; i < 3; i++) if (!(await l.bridge.pass()).again) break;
}

/** A server and two laptops, A having imported six returns and both in step with the server. */
async function inStep(): Promise<{ srv: PouchLike; a: Laptop; b: Laptop }> {
  const srv = server();
  const a = laptop();
  const b = laptop();
  await storeImport(a.db, returnsOf(1), { importId: 'imp-a', at: 1000 });
  await online(a, srv);
  await online(b, srv);
  return { srv, a, b };
}

const UNITS = ['220122', '220183', '220112', '220182', '220181', '220221'];
const returnsOf = (seed: number) => UNITS.map((u, i) => makeReturn(u, '2018-09', seed * 10 + i));

async function revisionsById(db: AnjuDatabase): Promise<Map<number, ReturnRevision>> {
  return new Map((await db.revisions.toArray()).map((r) => [r.id as number, r]));
}

describe('sync bridge', () => {
  it('A imports, B receives the same returns, heads and import record; nothing is sent back', async () => {
    const { a, b } = await inStep();
    expect(await currentReturnMap(b.db)).toEqual(await currentReturnMap(a.db));
    expect(await revisionIdentities(b.db)).toEqual(await revisionIdentities(a.db));
    const received = await b.db.revisions.toArray();
    expect(received.every((r) => r.origin === 'sync')).toBe(true);
    const imported = await b.db.imports.get('imp-a');
    expect(imported?.changes).toHaveLength(UNITS.length);
    expect((await b.db.imports.toArray()).filter((r) => r.kind === 'sync')).toHaveLength(1);
    // B's next pass finds nothing of its own to send.
    expect((await b.bridge.pass()).sent).toBe(0);
  });

  it('B offline replaces a return and saves a mapping; back online, A receives both', async () => {
    const { srv, a, b } = await inStep();
    const corrected = makeReturn(UNITS[0] as string, '2018-09', 99);
    await storeImport(b.db, [corrected], { importId: 'imp-b', at: 2000 });
    await b.db.layouts.put({
      id: `${UNITS[0]}|start`,
      unitId: UNITS[0] as string,
      table: 'start',
      headers: { 开工套数: 'started' },
      savedAt: 2000,
      fileName: '农安县.xlsx',
    });
    await b.bridge.pass(); // offline: written to B's copy only
    expect(b.bridge.unpushedCount()).toBeGreaterThan(0);
    await online(b, srv);
    await online(a, srv);
    expect(await currentReturnMap(a.db)).toEqual(await currentReturnMap(b.db));
    expect(await a.db.layouts.get(`${UNITS[0]}|start`)).toEqual(await b.db.layouts.get(`${UNITS[0]}|start`));
    expect(a.bridge.conflicts()).toEqual([]);
  });

  it('A and B replace the same return differently offline: both report the conflict and keep their own', async () => {
    const { srv, a, b } = await inStep();
    const unit = UNITS[2] as string;
    await storeImport(a.db, [makeReturn(unit, '2018-09', 501)], { importId: 'imp-a2', at: 3000 });
    await storeImport(b.db, [makeReturn(unit, '2018-09', 502)], { importId: 'imp-b2', at: 3001 });
    const headsA = await currentReturnMap(a.db);
    const headsB = await currentReturnMap(b.db);
    const before = await revisionsById(a.db);
    await a.bridge.pass();
    await b.bridge.pass();
    await online(a, srv);
    await online(b, srv);
    await online(a, srv);

    for (const [l, heads] of [
      [a, headsA],
      [b, headsB],
    ] as const) {
      const conflicts = l.bridge.conflicts();
      expect(conflicts.map((c) => c.key)).toEqual([`${unit}|2018-09`]);
      expect(conflicts[0]?.local.contentHash).toBe(heads.get(`${unit}|2018-09`));
      expect(conflicts[0]?.incoming.contentHash).not.toBe(heads.get(`${unit}|2018-09`));
      // Not resolved: each laptop's current return is still its own, and it holds both versions.
      expect(await currentReturnMap(l.db)).toEqual(heads);
    }
    expect(await revisionIdentities(a.db)).toEqual(await revisionIdentities(b.db));
    // A revision is never rewritten: every record A had is still there, unchanged.
    const after = await revisionsById(a.db);
    for (const [id, rev] of before) expect(after.get(id)).toEqual(rev);

    // A takes B's version; once B hears of it the conflict ends on both and they agree.
    const key = `${unit}|2018-09`;
    expect(await a.bridge.resolve(key, 'incoming')).toBe(true);
    await online(a, srv);
    await online(b, srv);
    expect(a.bridge.conflicts()).toEqual([]);
    expect(b.bridge.conflicts()).toEqual([]);
    expect(await currentReturnMap(a.db)).toEqual(headsB);
    expect(await currentReturnMap(b.db)).toEqual(headsB);
  });

  it('choosing the same version on both laptops ends the conflict without a new one', async () => {
    const { srv, a, b } = await inStep();
    const unit = UNITS[1] as string;
    await storeImport(a.db, [makeReturn(unit, '2018-09', 601)], { importId: 'a2', at: 3000 });
    await storeImport(b.db, [makeReturn(unit, '2018-09', 602)], { importId: 'b2', at: 3000 });
    await online(a, srv);
    await online(b, srv);
    await online(a, srv);
    const key = `${unit}|2018-09`;
    await a.bridge.resolve(key, 'local');
    await b.bridge.resolve(key, 'incoming');
    await online(a, srv);
    await online(b, srv);
    await online(a, srv);
    expect(a.bridge.conflicts()).toEqual([]);
    expect(b.bridge.conflicts()).toEqual([]);
    expect(await currentReturnMap(a.db)).toEqual(await currentReturnMap(b.db));
  });

  it('an undo and a restored version on one laptop travel as head moves; nothing is deleted', async () => {
    const srv = server();
    const a = laptop();
    const b = laptop();
    await storeImport(a.db, returnsOf(1), { importId: 'imp-1', at: 1000 });
    await storeImport(a.db, [makeReturn(UNITS[0] as string, '2018-09', 77)], { importId: 'imp-2', at: 2000 });
    await online(a, srv);
    await online(b, srv);
    const undone = await undoImport(a.db, 'imp-2', 3000);
    expect(undone.ok).toBe(true);
    await online(a, srv);
    await online(b, srv);
    expect(await currentReturnMap(b.db)).toEqual(await currentReturnMap(a.db));
    // Undo the first import on B: every head of it goes away on A too; the revisions stay on both.
    const first = await b.db.imports.get('imp-1');
    expect(first).toBeDefined();
    expect((await undoImport(b.db, 'imp-1', 4000)).ok).toBe(true);
    await online(b, srv);
    await online(a, srv);
    expect(await a.db.heads.count()).toBe(0);
    expect(await a.db.revisions.count()).toBe(UNITS.length + 1);
    // And back: B restores one version, A follows.
    const rev = (await b.db.revisions.toArray())[0] as ReturnRevision;
    expect((await restoreRevision(b.db, rev.id as number, 5000)).ok).toBe(true);
    await online(b, srv);
    await online(a, srv);
    expect(await currentReturnMap(a.db)).toEqual(await currentReturnMap(b.db));
  });

  it('local settings stay on the laptop; province-wide ones travel', async () => {
    const srv = server();
    const a = laptop();
    const b = laptop();
    await a.db.settings.bulkPut([
      { key: 'thresholds', value: { startTarget: 90 } },
      { key: 'maxFileSizeMb', value: 5 },
      { key: 'backup.lastAt', value: 123 },
    ]);
    await online(a, srv);
    await online(b, srv);
    expect(await b.db.settings.get('thresholds')).toEqual({ key: 'thresholds', value: { startTarget: 90 } });
    expect(await b.db.settings.get('maxFileSizeMb')).toBeUndefined();
    expect(await b.db.settings.get('backup.lastAt')).toBeUndefined();
  });
});
