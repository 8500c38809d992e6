// The status word of each file in the list and the summary line after 确认导入.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { CommitOutcome, PlannedReturn } from '../../db/import-repo';
import { sampleReturn } from '../../db/test-returns';
import type { ReadResult } from '../../domain/types';
import { confirmHint, type FileRow, rowStatus, STATUS_LABEL, summaryText } from './import-session';

const ret = sampleReturn('220122', '2018-09');
const ok: ReadResult = { ok: true, returns: [ret], warnings: [], tables: [] };
const warned: ReadResult = {
  ok: true,
  returns: [ret],
  warnings: [
    {
      severity: 'warning',
      code: 'total.mismatch',
      file: 'a.xlsx',
      sheet: '表2',
      cell: 'C9',
      message: '合计不等于各行之和',
    },
  ],
  tables: [],
};
const refused: ReadResult = {
  ok: false,
  issues: [
    { severity: 'error', code: 'number.text', file: 'a.xlsx', sheet: '表1', cell: 'D4', message: '不是数字' },
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

function outcome(status: CommitOutcome['status']): CommitOutcome {
  return { unitId: ret.unitId, period: ret.period, fileName: 'a.xlsx', status };
}

function row(result: ReadResult, plans: PlannedReturn[], outcomes: CommitOutcome[] = []): FileRow {
  return {
    key: 1,
    origin: 'file',
    read: { fileName: 'a.xlsx', size: 1, sha256: 'h', result },
    plans,
    confirmed: false,
    done: outcomes.length > 0,
    outcomes,
  };
}

describe('rowStatus', () => {
  it.each([
    ['a clean new return', row(ok, [plan('new')]), '可导入'],
    ['a new return with warnings (never blocking)', row(warned, [plan('new')]), '有警告'],
    ['a refused file', row(refused, []), '有错误'],
    ['a second, different return for the same unit in the batch', row(ok, [plan('duplicate')]), '有错误'],
    ['a return already stored', row(ok, [plan('exists')]), '已存在'],
    ['a different return for a stored unit', row(warned, [plan('replace')]), '待确认替换'],
    ['a stored return', row(ok, [plan('new')], [outcome('stored')]), '已导入'],
    ['a confirmed replacement', row(ok, [plan('replace')], [outcome('replaced')]), '已替换'],
    ['a write that failed', row(ok, [plan('new')], [outcome('failed')]), '未保存'],
    ['a head moved by another tab', row(ok, [plan('new')], [outcome('conflict')]), '未保存'],
  ])('%s → %s', (_name, r, label) => {
    expect(STATUS_LABEL[rowStatus(r)]).toBe(label);
  });
});

describe('summaryText', () => {
  it.each([
    [
      { stored: 48, replaced: 1, skipped: 1, refused: 2, unconfirmed: 0, failed: 0 },
      '已导入 48 份，替换 1 份，跳过 1 份（已存在），拒绝 2 个文件。',
    ],
    [
      {
        stored: 20,
        replaced: 0,
        skipped: 0,
        refused: 0,
        unconfirmed: 1,
        failed: 2,
        unsaved: { names: ['德惠市2018年1-9月', '榆树市2018年1-9月'], cause: 'quota' as const },
      },
      '已导入 20 份，替换 0 份，跳过 0 份（已存在），拒绝 0 个文件；1 份待确认替换，未导入；2 份没有保存（德惠市2018年1-9月、榆树市2018年1-9月），原因：本机存储空间已满；已保存的 20 份完整无缺。请在“设置 → 本机存储”查看用量，导出备份后清理不用的数据（或释放磁盘空间），再重新选择没有保存的文件导入。',
    ],
    [
      {
        stored: 49,
        replaced: 0,
        skipped: 0,
        refused: 0,
        unconfirmed: 0,
        failed: 1,
        unsaved: { names: ['德惠市2018年1-9月'], cause: 'conflict' as const },
      },
      '已导入 49 份，替换 0 份，跳过 0 份（已存在），拒绝 0 个文件；1 份没有保存（德惠市2018年1-9月），原因：这些月报在检查之后已在另一个标签页中更改；已保存的 49 份完整无缺。请重新选择没有保存的文件再次检查。',
    ],
  ])('%o', (summary, text) => {
    expect(summaryText(summary)).toBe(text);
  });
});

describe('confirmHint', () => {
  it.each([
    [98, 0, 0, '确认后保存 98 个文件。'],
    [3, 2, 0, '确认后保存 3 个文件；2 个有错误的文件不会保存。'],
    [0, 1, 1, '1 个有错误的文件不会保存；1 个待确认替换的文件需先在下方勾选确认。'],
    [0, 0, 1, '1 个待确认替换的文件需先在下方勾选确认。'],
    [2, 0, 1, '确认后保存 2 个文件；1 个待确认替换的文件需先在下方勾选确认。'],
    [0, 2, 0, '没有可保存的新数据；2 个有错误的文件不会保存。'],
    [0, 0, 0, '没有可保存的新数据。'],
  ])('%i to write, %i refused, %i waiting → %s', (toWrite, refused, waiting, text) => {
    expect(confirmHint(toWrite, refused, waiting)).toBe(text);
  });
});
