// What a reviewed file brings with its return, on a real Dexie (fake-indexeddb): the corrected cells kept on
// the revision with their original text and note — through backup, restore and merge —, the confirmed header
// mapping saved per unit, the file's record written with the return, and the unit's refusals then resolved.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { makeIssue } from '../domain/messages';
import { createBackup, encodeBackup, readBackup, restoreBackup } from './backup';
import type { AnjuDatabase, StoredCorrection } from './database';
import { fileReadId, listRefusedReads, recordRefusedReads, refusedUnits } from './file-reads';
import { commitImport, type ImportCandidate, planImport } from './import-repo';
import { layoutId } from './layouts-repo';
import { applyMerge, planMerge } from './merge';
import { freshDb, sampleReturn } from './test-returns';

const NONGAN = '220122';
const DEHUI = '220183';
const opened: AnjuDatabase[] = [];
function open(): AnjuDatabase {
  const db = freshDb();
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const correction: StoredCorrection = {
  sheet: '表1',
  cell: 'D4',
  table: 'start',
  field: 'started',
  original: '待统计',
  value: '800',
  note: '电话核实（王科长）',
  at: 1_000,
};

const refusal = (fileName: string, unitId: string | undefined, period: string | undefined) => ({
  fileName,
  fileHash: `hash-${fileName}`,
  size: 100,
  issues: [
    {
      ...makeIssue(
        'error',
        'number.text',
        { file: fileName, sheet: '表1', cell: 'D4' },
        { text: '待统计', column: '累计开工（套）' },
      ),
      text: '待统计',
    },
  ],
  tables: [],
  ...(unitId ? { unitId } : {}),
  ...(period ? { period } : {}),
});

function reviewed(fileName = '农安县-2018年1-9月.xlsx'): ImportCandidate {
  return {
    fileName,
    fileHash: `hash-${fileName}`,
    ret: sampleReturn(NONGAN, '2018-09'),
    corrections: [correction],
    layoutIds: [layoutId(NONGAN, 'start')],
    layouts: [
      {
        id: layoutId(NONGAN, 'start'),
        unitId: NONGAN,
        table: 'start',
        headers: { 开工数量: 'started' },
        fileName,
      },
    ],
    fileRead: {
      id: fileReadId(fileName, `hash-${fileName}`, 100),
      fileName,
      fileHash: `hash-${fileName}`,
      unitId: NONGAN,
      period: '2018-09',
      status: 'corrected',
      issues: refusal(fileName, NONGAN, '2018-09').issues,
      corrections: [correction],
    },
  };
}

async function store(db: AnjuDatabase, candidates: ImportCandidate[], at = 5_000) {
  const plan = await planImport(db, candidates);
  return commitImport(db, plan, { kind: 'import', origin: 'file', importId: `imp-${at}`, now: () => at });
}

describe('a reviewed file stored with its return', () => {
  it('keeps the corrections on the revision, saves the mapping and the file record in one go', async () => {
    const db = open();
    await recordRefusedReads(db, [refusal('农安县-2018年1-9月.xlsx', NONGAN, '2018-09')], 100);
    expect(await refusedUnits(db, '2018-09')).toEqual([NONGAN]);
    const result = await store(db, [reviewed()]);
    expect(result.outcomes.map((o) => o.status)).toEqual(['stored']);
    const rev = await db.revisions.get(result.outcomes[0]?.revisionId ?? -1);
    expect(rev?.corrections).toEqual([correction]);
    expect(rev?.layoutIds).toEqual([layoutId(NONGAN, 'start')]);
    expect(await db.layouts.get(layoutId(NONGAN, 'start'))).toMatchObject({
      headers: { 开工数量: 'started' },
      savedAt: 5_000,
    });
    const read = await db.fileReads.get(
      fileReadId('农安县-2018年1-9月.xlsx', 'hash-农安县-2018年1-9月.xlsx', 100),
    );
    expect(read).toMatchObject({ importId: 'imp-5000', status: 'corrected', at: 5_000 });
    // The refusal of the same file became this record; the unit is in.
    expect(await listRefusedReads(db)).toEqual([]);
    expect(await refusedUnits(db, '2018-09')).toEqual([]);
  });

  it('resolves the unit’s other refused files of the period, and no one else’s', async () => {
    const db = open();
    await recordRefusedReads(
      db,
      [
        refusal('农安县-旧.xlsx', NONGAN, '2018-09'),
        refusal('农安县-八月.xlsx', NONGAN, '2018-08'),
        refusal('德惠市.xlsx', DEHUI, '2018-09'),
        refusal('坏文件.xlsx', undefined, undefined),
      ],
      100,
    );
    await store(db, [reviewed()]);
    const all = await db.fileReads.toArray();
    const status = Object.fromEntries(all.map((r) => [r.fileName, r.status]));
    expect(status).toEqual({
      '农安县-旧.xlsx': 'resolved',
      '农安县-八月.xlsx': 'refused',
      '德惠市.xlsx': 'refused',
      '坏文件.xlsx': 'refused',
      '农安县-2018年1-9月.xlsx': 'corrected',
    });
    expect(await refusedUnits(db, '2018-09')).toEqual([DEHUI]);
  });

  it('resolves the unit’s refusals when its figures are typed in by hand (no file record)', async () => {
    const db = open();
    await recordRefusedReads(db, [refusal('农安县-旧.xlsx', NONGAN, '2018-09')], 100);
    const manual = {
      fileName: '手工录入',
      fileHash: 'typed',
      ret: sampleReturn(NONGAN, '2018-09'),
      note: '电话核实',
    };
    const plan = await planImport(db, [manual]);
    await commitImport(db, plan, { kind: 'manual', origin: 'manual', importId: 'm1', now: () => 7 });
    expect((await db.fileReads.toArray()).map((r) => [r.fileName, r.status])).toEqual([
      ['农安县-旧.xlsx', 'resolved'],
    ]);
    const rev = (await db.revisions.toArray())[0];
    expect(rev).toMatchObject({ origin: 'manual', note: '电话核实', fileName: '手工录入' });
    expect(await refusedUnits(db, '2018-09')).toEqual([]);
  });

  it('does not turn a stored file back into a refusal when its original bytes are read again', async () => {
    const db = open();
    await store(db, [reviewed()]);
    await recordRefusedReads(db, [refusal('农安县-2018年1-9月.xlsx', NONGAN, '2018-09')], 9_000);
    expect(await listRefusedReads(db)).toEqual([]);
  });

  it('writes nothing of the extras when the return is not written', async () => {
    const db = open();
    await store(db, [{ fileName: 'first.xlsx', fileHash: 'same', ret: sampleReturn(NONGAN, '2018-09') }]);
    // Same content again: 已存在, so neither the mapping nor the file record is saved.
    const again = await store(db, [{ ...reviewed(), ret: sampleReturn(NONGAN, '2018-09') }], 6_000);
    expect(again.outcomes.map((o) => o.status)).toEqual(['skipped']);
    expect(await db.layouts.count()).toBe(0);
    expect(await db.fileReads.count()).toBe(0);
  });
});

describe('a corrected cell through backup, restore and merge', () => {
  it('keeps original text, value, note and time', async () => {
    const source = open();
    await store(source, [reviewed()]);
    const backup = await createBackup(source);
    const read = await readBackup(encodeBackup(backup, true), 'b.json.gz');
    if (!read.ok) throw new Error(read.message);

    const restored = open();
    const r = await restoreBackup(restored, read.value);
    expect(r.ok).toBe(true);
    const merged = open();
    await store(merged, [{ fileName: '德惠市.xlsx', fileHash: 'd', ret: sampleReturn(DEHUI, '2018-09') }]);
    const plan = await planMerge(merged, read.value);
    const m = await applyMerge(merged, plan, new Map(), 'b.json.gz');
    if (!m.ok) throw new Error(m.message);
    expect(m.value).toMatchObject({ added: 1, layoutsMerged: 1, fileReadsAdded: 1, layoutConflicts: [] });

    for (const db of [restored, merged]) {
      const rev = (await db.revisions.where('[unitId+period]').equals([NONGAN, '2018-09']).toArray())[0];
      expect(rev?.corrections).toEqual([correction]);
      expect(rev?.tables.start?.started).toBe(800);
      expect(await db.layouts.get(layoutId(NONGAN, 'start'))).toMatchObject({
        headers: { 开工数量: 'started' },
      });
      expect((await db.fileReads.toArray()).map((f) => f.status)).toEqual(['corrected']);
    }
  });
});
