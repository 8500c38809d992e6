// The order of the file list (what needs the user first) and the per-status counts above it.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { CommitOutcome, PlannedReturn } from '../../db/import-repo';
import { sampleReturn } from '../../db/test-returns';
import { makeIssue } from '../../domain/messages';
import type { ImportIssue, ReadResult } from '../../domain/types';
import { issueText, orderRows } from './file-list';
import type { FileRow } from './import-session';

const ret = sampleReturn('220122', '2018-09');
const ok: ReadResult = { ok: true, returns: [ret], warnings: [], tables: [] };
const refused: ReadResult = {
  ok: false,
  issues: [
    { severity: 'error', code: 'number.text', file: 'b.xlsx', sheet: '表1', cell: 'D4', message: '不是数字' },
  ],
  tables: [],
};

function plan(status: PlannedReturn['status']): PlannedReturn {
  return {
    candidate: { fileName: 'a.xlsx', fileHash: 'h', ret },
    contentHash: 'c',
    status,
    expectedHead: null,
    changes: [],
  };
}

let nextKey = 1;
function row(
  name: string,
  result: ReadResult,
  plans: PlannedReturn[],
  outcomes: CommitOutcome[] = [],
): FileRow {
  return {
    key: nextKey++,
    origin: 'file',
    read: { fileName: name, size: 1, sha256: name, result },
    plans,
    confirmed: false,
    done: outcomes.length > 0,
    outcomes,
  };
}
const stored: CommitOutcome = { unitId: ret.unitId, period: ret.period, fileName: 'x', status: 'stored' };

describe('orderRows', () => {
  it.each([
    [
      'refused and replacement files come first, the rest keep their order',
      [
        row('1-ok', ok, [plan('new')]),
        row('2-bad', refused, []),
        row('3-ok', ok, [plan('new')]),
        row('4-replace', ok, [plan('replace')]),
        row('5-exists', ok, [plan('exists')]),
      ],
      ['2-bad', '4-replace', '1-ok', '3-ok', '5-exists'],
      [
        ['error', 1],
        ['replace', 1],
        ['ok', 2],
        ['exists', 1],
      ],
    ],
    [
      'after confirm a refused file still leads the stored ones',
      [row('a', ok, [plan('new')], [stored]), row('b', refused, []), row('c', ok, [plan('new')], [stored])],
      ['b', 'a', 'c'],
      [
        ['error', 1],
        ['imported', 2],
      ],
    ],
  ])('%s', (_name, rows, names, counts) => {
    const result = orderRows(rows);
    expect(result.rows.map((r) => r.row.read.fileName)).toEqual(names);
    expect(result.counts.map((c) => [c.status, c.count])).toEqual(counts);
    expect(result.counts.reduce((n, c) => n + c.count, 0)).toBe(rows.length);
  });
});

describe('issueText', () => {
  const plain: ImportIssue = {
    severity: 'error',
    code: 'file.unreadable',
    file: 'c.xlsx',
    sheet: '表2',
    cell: 'B7',
    message: '保存失败。',
  };
  it.each([
    [
      'a located sentence drops the file the row already names',
      makeIssue('error', 'file.encrypted', { file: 'a.xlsx' }, {}),
      /^工作簿/,
    ],
    [
      'sheet and cell stay',
      makeIssue('error', 'file.encrypted', { file: 'a.xlsx', sheet: '表1', cell: 'D4' }, {}),
      /^工作表“表1”单元格 D4：/,
    ],
    ['a sentence without a location gets one', plain, /^工作表“表2” 单元格 B7：保存失败。$/],
  ])('%s', (_name, issue, expected) => {
    const text = issueText(issue);
    expect(text).toMatch(expected);
    expect(text).not.toContain('文件“a.xlsx”');
  });
});
