// What a file's row stores with its returns: the record of the file (accepted, mapped, corrected) with the
// right issues, the saved mappings it was read with, and a review's corrections and mappings for its own unit.
import { describe, expect, it } from 'vitest';
import { sampleReturn } from '../../db/test-returns';
import { makeIssue } from '../../domain/messages';
import type { ReadResult, TableReading } from '../../domain/types';
import type { ReadFile } from '../../import/reader-client';
import { candidateExtras, layoutIdsOf, type ReviewDecision, storedReadOf, unitOfRead } from './row-extras';

const NONGAN = '220122';
const DEHUI = '220183';
const ret = sampleReturn(NONGAN, '2018-09');
const byLayout: TableReading = {
  table: 'start',
  sheet: '表1',
  headerRange: 'A3:G3',
  columns: [
    { cell: 'D3', c: 3, header: '开工数量', field: 'started', how: 'layout', status: 'matched', unit: null },
  ],
};
const warning = makeIssue('warning', 'table.missing', { file: 'a.xlsx' }, { table: '表4（结转项目）' });
const error = makeIssue(
  'error',
  'number.text',
  { file: 'a.xlsx', sheet: '表1', cell: 'D4' },
  { text: '待统计', column: '累计开工（套）' },
);

function read(result: ReadResult): ReadFile {
  return { fileName: 'a.xlsx', size: 10, sha256: 'h', result };
}
const ok = (tables: TableReading[] = [], returns = [ret]): ReadResult => ({
  ok: true,
  returns,
  warnings: [warning],
  tables,
});
const review = (over: Partial<ReviewDecision> = {}): ReviewDecision => ({
  first: { ok: false, issues: [error], tables: [] },
  corrections: [],
  layouts: [],
  choices: [],
  ...over,
});

describe('the record of a stored file', () => {
  it.each([
    ['accepted', ok(), undefined, 'accepted', [warning]],
    ['read by a saved mapping', ok([byLayout]), undefined, 'mapped', [warning]],
    [
      'mapped in the review',
      ok(),
      review({
        layouts: [
          {
            id: `${NONGAN}|start`,
            unitId: NONGAN,
            table: 'start',
            headers: { 开工数量: 'started' },
            fileName: 'a.xlsx',
          },
        ],
      }),
      'mapped',
      [error, warning],
    ],
    [
      'corrected in the review',
      ok(),
      review({
        corrections: [{ sheet: '表1', cell: 'D4', original: '待统计', value: '8', note: '电话', at: 1 }],
      }),
      'corrected',
      [error, warning],
    ],
  ] as const)('%s', (_name, result, decision, status, issues) => {
    const record = storedReadOf(read(result), ret, false, decision);
    expect(record).toMatchObject({
      id: 'h|a.xlsx',
      fileName: 'a.xlsx',
      unitId: NONGAN,
      period: '2018-09',
      status,
    });
    expect(record.issues).toEqual(issues);
  });

  it('names no unit for a combined workbook (a row per unit)', () => {
    const combined = ok([], [ret, sampleReturn(DEHUI, '2018-09')]);
    const extras = candidateExtras(read(combined), ret);
    expect(extras.fileRead?.unitId).toBeUndefined();
  });
});

describe('the mappings a return was read with', () => {
  it('are its own unit’s, for the tables a mapping was used in, and the ones confirmed in the review', () => {
    const decision = review({
      layouts: [
        { id: `${NONGAN}|loan`, unitId: NONGAN, table: 'loan', headers: { a: 'credit' }, fileName: 'a.xlsx' },
        { id: `${DEHUI}|loan`, unitId: DEHUI, table: 'loan', headers: { a: 'credit' }, fileName: 'a.xlsx' },
      ],
    });
    expect(layoutIdsOf(ok([byLayout]), ret, decision)).toEqual([`${NONGAN}|start`, `${NONGAN}|loan`]);
    const extras = candidateExtras(read(ok([byLayout])), ret, decision);
    expect(extras.layouts?.map((l) => l.id)).toEqual([`${NONGAN}|loan`]);
    expect(candidateExtras(read(ok()), ret).layoutIds).toBeUndefined();
  });
});

describe('the unit of a read', () => {
  it('is the return’s, else the refused file’s, else a table’s 填报单位', () => {
    expect(unitOfRead(ok())).toBe(NONGAN);
    expect(unitOfRead({ ok: false, issues: [error], tables: [], unitId: DEHUI })).toBe(DEHUI);
    expect(unitOfRead({ ok: false, issues: [error], tables: [{ ...byLayout, unitId: DEHUI }] })).toBe(DEHUI);
    expect(unitOfRead({ ok: false, issues: [error], tables: [] })).toBeUndefined();
  });
});
