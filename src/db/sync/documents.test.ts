import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { ImportRecord, LayoutRecord, ReturnRevision, SettingRecord, TargetRecord } from '../database';
import { makeReturn } from '../fixtures/sample-data';
import { contentHashOf } from '../import-repo';
import {
  docContent,
  docToImport,
  docToPlain,
  docToRevision,
  docTypeOfId,
  headDocId,
  headToDoc,
  importToDoc,
  judgeHead,
  PLAIN_STORES,
  plainMapping,
  plainToDoc,
  revisionToDoc,
} from './documents';

// What a document becomes after travelling: JSON on the wire and in CouchDB.
const travel = <T>(doc: T): T => JSON.parse(JSON.stringify(doc)) as T;

async function revision(seed: number, extra: Partial<ReturnRevision> = {}): Promise<ReturnRevision> {
  const ret = makeReturn('220122', '2018-09', seed);
  return {
    id: 40 + seed,
    ...ret,
    fileName: `农安县-${seed}.xlsx`,
    fileHash: 'ab'.repeat(32),
    contentHash: await contentHashOf(ret),
    importedAt: 1_538_300_000_000 + seed,
    importId: `imp-${seed}`,
    origin: 'file',
    ...extra,
  };
}

describe('revision documents', () => {
  const variants: [string, Partial<ReturnRevision>][] = [
    ['a plain import', {}],
    [
      'a corrected return with its notes',
      {
        corrections: [
          {
            sheet: '表1',
            cell: 'D5',
            table: 'start',
            field: 'started',
            original: '1,2OO',
            value: '1200',
            note: '电话核实',
            at: 1_538_300_000_100,
          },
        ],
        note: '按纸质报表更正',
      },
    ],
    ['a return read with a saved mapping', { layoutIds: ['220122|start'] }],
    ['a return typed in by hand', { origin: 'manual', note: '县里电话报数' }],
  ];

  it.each(variants)('%s: record → document → record is exact', async (_what, extra) => {
    for (const seed of [1, 2, 3]) {
      const rev = await revision(seed, extra);
      const back = docToRevision(travel(revisionToDoc(rev)));
      const { id: _id, ...withoutLocalId } = rev;
      expect(back).toEqual(withoutLocalId);
    }
  });

  it('is named by its content: the same return from two laptops is one document, another return another', async () => {
    const onA = await revision(1, { fileName: 'a.xlsx', importedAt: 1, importId: 'imp-a', id: 3 });
    const onB = await revision(1, { fileName: '农安县.xls', importedAt: 2, importId: 'imp-b', id: 17 });
    const other = await revision(2);
    expect(revisionToDoc(onA)._id).toBe(revisionToDoc(onB)._id);
    expect(revisionToDoc(onA)._id).not.toBe(revisionToDoc(other)._id);
    expect(docTypeOfId(revisionToDoc(onA)._id)).toBe('revision');
  });
});

describe('head documents', () => {
  it.each([
    ['a current return', 'c'.repeat(64)],
    ['no current return (an undone import)', null],
  ])('%s travels as its content hash', (_what, hash) => {
    const doc = travel(headToDoc({ unitId: '220122', period: '2018-09' }, hash));
    expect(doc).toEqual({
      _id: headDocId('220122', '2018-09'),
      type: 'head',
      unitId: '220122',
      period: '2018-09',
      contentHash: hash,
    });
  });

  it.each([
    ['one version', [['1-a', 'h1']], { kind: 'agreed', contentHash: 'h1' }],
    [
      'two laptops that agree',
      [
        ['2-a', 'h1'],
        ['2-b', 'h1'],
      ],
      { kind: 'agreed', contentHash: 'h1' },
    ],
    [
      'two laptops that chose differently',
      [
        ['2-a', 'h1'],
        ['2-b', 'h2'],
      ],
      {
        kind: 'conflict',
        contentHashes: ['h1', 'h2'],
      },
    ],
    [
      'a return undone on one laptop, replaced on another',
      [
        ['3-a', null],
        ['3-b', 'h2'],
      ],
      {
        kind: 'conflict',
        contentHashes: [null, 'h2'],
      },
    ],
  ] as const)('%s: reported, never resolved', (_what, leaves, verdict) => {
    expect(judgeHead(leaves.map(([rev, contentHash]) => ({ rev, contentHash })))).toEqual(verdict);
  });
});

describe('import record documents', () => {
  const hashes = new Map([
    [3, 'h3'],
    [4, 'h4'],
  ]);
  const onA = {
    hashOf: (id: number) => hashes.get(id),
    idOf: (_u: string, _p: string, h: string) => [...hashes].find(([, v]) => v === h)?.[0],
  };
  // The same revisions under other local ids on laptop B.
  const onB = {
    hashOf: (id: number) => (id === 30 ? 'h3' : id === 40 ? 'h4' : undefined),
    idOf: (_u: string, _p: string, h: string) => (h === 'h3' ? 30 : h === 'h4' ? 40 : undefined),
  };
  const record: ImportRecord = {
    id: 'imp-1',
    at: 1_538_300_000_000,
    kind: 'import',
    files: ['农安县.xlsx', '德惠市.xlsx'],
    changes: [
      { unitId: '220122', period: '2018-09', from: null, to: 3 },
      { unitId: '220183', period: '2018-09', from: 3, to: 4 },
    ],
  };

  it('names revisions by content on the way and by local id on arrival', () => {
    const doc = travel(importToDoc(record, onA));
    expect(doc?.changes.map((c) => [c.from, c.to])).toEqual([
      [null, 'h3'],
      ['h3', 'h4'],
    ]);
    if (!doc) throw new Error('no document');
    expect(docToImport(doc, onA)).toEqual(record);
    expect(docToImport(doc, onB)?.changes.map((c) => [c.from, c.to])).toEqual([
      [null, 30],
      [30, 40],
    ]);
  });

  it('waits while a revision it names has not arrived', () => {
    const doc = importToDoc(record, onA);
    if (!doc) throw new Error('no document');
    expect(docToImport(doc, { hashOf: () => undefined, idOf: () => undefined })).toBeNull();
    expect(importToDoc(record, { hashOf: () => undefined, idOf: () => undefined })).toBeNull();
  });
});

describe('plain records', () => {
  const layout: LayoutRecord = {
    id: '220122|start',
    unitId: '220122',
    table: 'start',
    headers: { 开工套数: 'started', 栏次: null },
    savedAt: 1,
    fileName: '农安县.xlsx',
  };
  const target: TargetRecord = {
    year: 2018,
    unitId: '220122',
    startPlan: 1200,
    loanNeed: 1_250_000_000,
    expropriationPlan: null,
    rentalTask: 300,
    source: 'manual',
    updatedAt: 2,
    note: '目标责任书',
  };
  const setting: SettingRecord = { key: 'thresholds', value: { startTarget: 100, startWarning: 60 } };
  const future = { ...layout, id: '220122|loan', table: 'loan' as const, reviewedBy: '张三' };

  it.each([
    ['layouts', layout],
    ['targets', target],
    ['settings', setting],
    ['layouts', future],
  ] as const)('%s: record → document → record is exact (unknown fields kept)', (store, record) => {
    const mapping = PLAIN_STORES.find((m) => m.store === store);
    if (!mapping) throw new Error(store);
    const doc = travel(plainToDoc(mapping, record as unknown as Record<string, unknown>));
    expect(docTypeOfId(doc._id)).toBe(mapping.type);
    expect(plainMapping(doc.type)).toBe(mapping);
    expect(docToPlain(doc)).toEqual(record);
    expect(mapping.primaryKey(doc)).toEqual(mapping.primaryKey(record as unknown as Record<string, unknown>));
  });

  it.each([
    ['thresholds', true],
    ['bulletinText', true],
    ['docNumber', true],
    ['maxFileSizeMb', false],
    ['backup.lastAt', false],
    ['sync.config', false],
    ['sync.enabled', false],
  ])('setting %s travels: %s', (key, travels) => {
    expect(plainMapping('setting')?.travels({ key, value: 1 })).toBe(travels);
  });

  it('compares by content, not by field order', () => {
    const mapping = plainMapping('target');
    if (!mapping) throw new Error('target');
    const reordered = Object.fromEntries(Object.entries(target).reverse());
    expect(docContent(plainToDoc(mapping, reordered))).toBe(
      docContent(plainToDoc(mapping, target as unknown as Record<string, unknown>)),
    );
  });
});
