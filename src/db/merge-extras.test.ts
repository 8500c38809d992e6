// Merging saved header mappings and file records: a union where nothing is lost, this computer's choice kept
// where both differ (and said), both directions giving the same headers where they do not conflict.
import { describe, expect, it } from 'vitest';
import type { FileReadRecord, LayoutRecord } from './database';
import { fileReadsToAdd, mergeLayouts } from './merge-extras';

const layout = (id: string, headers: Record<string, string | null>, savedAt = 1): LayoutRecord => {
  const [unitId = '', table = 'start'] = id.split('|');
  return { id, unitId, table: table as LayoutRecord['table'], headers, savedAt, fileName: `${id}.xlsx` };
};

describe('mergeLayouts', () => {
  it('adds a layout this computer lacks, as it came', () => {
    const incoming = layout('220122|start', { 开工数量: 'started' }, 7);
    expect(mergeLayouts([], [incoming])).toEqual({ put: [incoming], conflicts: [] });
  });

  it('adds the headers only the other computer knows, keeping this one’s record', () => {
    const mine = layout('220122|start', { 开工数量: 'started', 责任单位: null }, 5);
    const theirs = layout('220122|start', { 开工数量: 'started', 计划数: 'plan' }, 9);
    const out = mergeLayouts([mine], [theirs]);
    expect(out.conflicts).toEqual([]);
    expect(out.put).toEqual([
      { ...mine, headers: { 开工数量: 'started', 责任单位: null, 计划数: 'plan' }, savedAt: 9 },
    ]);
  });

  it('keeps this computer’s field where both map a header differently, and says so', () => {
    const mine = layout('220122|start', { 开工数: 'started' });
    const theirs = layout('220122|start', { 开工数: 'startedMonth' });
    expect(mergeLayouts([mine], [theirs])).toEqual({
      put: [],
      conflicts: [{ layoutId: '220122|start', header: '开工数', kept: 'started', incoming: 'startedMonth' }],
    });
    // 不导入此列 on one side is a choice too.
    expect(mergeLayouts([mine], [layout('220122|start', { 开工数: null })]).conflicts).toHaveLength(1);
  });

  it('gives the same headers whichever way round, where nothing conflicts', () => {
    const sides = [
      [layout('220122|start', { a: 'plan' }), layout('220183|loan', { b: 'credit' })],
      [layout('220122|start', { c: 'started' }), layout('220183|start', { d: 'plan' })],
    ] as const;
    const apply = (local: readonly LayoutRecord[], incoming: readonly LayoutRecord[]) => {
      const byId = new Map(local.map((l) => [l.id, l]));
      for (const l of mergeLayouts(local, incoming).put) byId.set(l.id, l);
      return Object.fromEntries([...byId.values()].map((l) => [l.id, l.headers]));
    };
    expect(apply(sides[0], sides[1])).toEqual(apply(sides[1], sides[0]));
    expect(apply(sides[0], sides[1])).toEqual({
      '220122|start': { a: 'plan', c: 'started' },
      '220183|loan': { b: 'credit' },
      '220183|start': { d: 'plan' },
    });
  });
});

describe('fileReadsToAdd', () => {
  it('adds the records not held, by id, and keeps those held as they are', () => {
    const rec = (id: string, status: FileReadRecord['status']): FileReadRecord => ({
      id,
      importId: null,
      at: 1,
      fileName: id,
      fileHash: id,
      status,
      issues: [],
    });
    expect(fileReadsToAdd([rec('a', 'resolved')], [rec('a', 'refused'), rec('b', 'refused')])).toEqual([
      rec('b', 'refused'),
    ]);
  });
});
