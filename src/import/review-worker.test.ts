// The review worker's answers on workbooks built in the test: the cells as Excel shows them (formats, merges,
// positions, hidden sheets, bounds), the values the reader read (units converted) for the preview, and a
// refused file's unit and period.
import { describe, expect, it } from 'vitest';
import type { ReadResult } from '../domain/types';
import { handleReview, type ReviewFileAnswer } from './review-worker';
import { standardReturn, startSheet, withSheet, workbookBytes } from './test-workbooks';
import { VIEW_MAX_ROWS } from './workbook-view';

const MB = 1024 * 1024;

function review(bytes: Uint8Array, view = true): ReviewFileAnswer {
  const answer = handleReview({
    op: 'review',
    fileName: '农安县.xlsx',
    bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    view,
    layouts: [],
    corrections: [],
    maxBytes: 20 * MB,
  });
  return answer as ReviewFileAnswer;
}

describe('the cell view', () => {
  it('shows each sheet’s cells where they are, formats applied, merges kept', () => {
    const sheets = standardReturn();
    const start = startSheet({}, [1, '农安县', 800, 400, 50, 0.5, '']);
    start.formats = { F4: '0.0%' };
    const { view } = review(workbookBytes(withSheet(sheets, start)));
    expect(view?.sheets.map((s) => s.name)).toEqual(['表1', '表2', '表3', '表4', '表5']);
    const sheet = view?.sheets[0];
    const cell = (r: number, c: number) =>
      sheet?.rows.find((row) => row.r === r)?.cells.find((x) => x.c === c);
    expect(cell(0, 0)?.shown).toBe('2018年1-9月棚户区改造开工进展情况（表1）');
    expect(cell(3, 5)).toEqual({ c: 5, shown: '50.0%', text: '0.5' });
    expect(cell(3, 2)).toEqual({ c: 2, shown: '800', text: '800' });
    expect(sheet?.merges).toContainEqual({ r0: 0, c0: 0, r1: 0, c1: 6 });
    expect(sheet?.lastRow).toBe(4);
    expect(sheet?.truncated).toBe(false);
  });

  it('marks a hidden sheet, and bounds a sheet that claims far more rows', () => {
    const far = { name: '远处', rows: [['开头']], hidden: true };
    const bytes = workbookBytes([startSheet(), far]);
    const answer = review(bytes);
    expect(answer.view?.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['表1', false],
      ['远处', true],
    ]);
    const tall = {
      name: '长表',
      rows: [['a'], ...Array.from({ length: VIEW_MAX_ROWS + 10 }, (_, i) => [i])],
    };
    const bounded = review(workbookBytes([startSheet(), tall])).view?.sheets[1];
    expect(bounded?.truncated).toBe(true);
    expect(bounded?.lastRow).toBe(VIEW_MAX_ROWS - 1);
  });

  it('builds no view when not asked, and none for bytes that are no workbook', () => {
    expect(review(workbookBytes(standardReturn()), false).view).toBeNull();
    const junk = review(new TextEncoder().encode('not a workbook at all'));
    expect(junk.view).toBeNull();
    expect(junk.result.ok).toBe(false);
  });
});

describe('the read behind the review', () => {
  it('gives the value read from each data cell, units converted', () => {
    const start = startSheet({}, [1, '农安县', 1.2, 0.85, 0.05, '', '']);
    const header = start.rows[2] as unknown[];
    start.rows[2] = header.map((h) => (typeof h === 'string' ? h.replace('（套）', '（万套）') : h));
    const { result } = review(workbookBytes(withSheet(standardReturn(), start)));
    const table = result.tables.find((t) => t.table === 'start');
    expect(table?.values).toMatchObject({ C4: 12000, D4: 8500, E4: 500, B4: '农安县' });
  });

  it('keeps a refused file’s unit and period, and the failed cell as null', () => {
    const start = startSheet({}, [1, '农安县', 800, '待统计', 50, '', '']);
    const { result } = review(workbookBytes(withSheet(standardReturn(), start)));
    expect(result.ok).toBe(false);
    const refused = result as Extract<ReadResult, { ok: false }>;
    expect(refused.unitId).toBe('220122');
    expect(refused.period).toBe('2018-09');
    expect(refused.issues.map((i) => [i.code, i.cell])).toEqual([['number.text', 'D4']]);
    expect(result.tables.find((t) => t.table === 'start')?.values?.D4).toBeNull();
  });
});
