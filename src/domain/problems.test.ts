// The problem list from kept file outcomes: a refused file's problems are 待改正, a reviewed and stored file's
// errors are 已在系统内更正 or 已按对照读取, its warnings stay 待改正, and a superseded refusal drops out.
import { describe, expect, it } from 'vitest';
import { makeIssue } from './messages';
import { countStates, type FileOutcome, outcomesOfPeriod, problemRows } from './problems';
import type { ImportIssue, TableReading } from './types';

const file = '农安县-2018年1-9月.xlsx';
const textIssue = (cell: string, text: string): ImportIssue => ({
  ...makeIssue('error', 'number.text', { file, sheet: '表1', cell }, { text, column: '累计开工（套）' }),
  text,
});
const missing = makeIssue(
  'error',
  'column.missing',
  { file, sheet: '表1', cell: 'A3' },
  { table: '表1（棚改开工）', column: '累计开工（套）' },
);
const warning = makeIssue('warning', 'table.missing', { file }, { table: '表4（结转项目）' });
const layoutTable: TableReading = {
  table: 'start',
  sheet: '表1',
  headerRange: 'A3:G3',
  columns: [
    { cell: 'D3', c: 3, header: '开工数量', field: 'started', how: 'layout', status: 'matched', unit: null },
    {
      cell: 'C3',
      c: 2,
      header: '年度计划（套）',
      field: 'plan',
      how: 'template',
      status: 'matched',
      unit: null,
    },
  ],
};

const outcome = (over: Partial<FileOutcome>): FileOutcome => ({
  fileName: file,
  unitId: '220122',
  period: '2018-09',
  importId: null,
  status: 'refused',
  issues: [],
  at: 1,
  ...over,
});

const names = (id: string) => ({ '220122': '农安县', '220183': '德惠市' })[id] ?? id;

describe('problem rows', () => {
  it('lists a refused file: every issue 待改正, with the cell text, the reason and what to do', () => {
    const rows = problemRows([outcome({ issues: [textIssue('D4', '待统计'), missing] })], names);
    expect(rows).toEqual([
      {
        unitId: '220122',
        unit: '农安县',
        fileName: file,
        sheet: '表1',
        cell: 'D4',
        text: '待统计',
        reason: '“累计开工（套）”列的“待统计”不是数字。请填写数字，空白、“-”或“无”表示 0。',
        advice: '填写数字；空白、“-”或“无”表示 0。',
        state: 'open',
      },
      expect.objectContaining({ cell: 'A3', text: '', state: 'open' }),
    ]);
  });

  it.each([
    ['a corrected cell', [{ sheet: '表1', cell: 'D4' }], 'corrected'],
    ['a cell not corrected (its column was mapped)', [{ sheet: '表1', cell: 'E4' }], 'mapped'],
    ['a cell corrected on another sheet', [{ sheet: '表2', cell: 'D4' }], 'mapped'],
  ] as const)('a stored file with %s', (_name, corrections, state) => {
    const rows = problemRows(
      [
        outcome({
          importId: 'imp-1',
          status: 'corrected',
          issues: [textIssue('D4', '约500'), warning],
          corrections,
        }),
      ],
      names,
    );
    expect(rows.map((r) => [r.cell, r.state])).toEqual([
      ['D4', state],
      ['', 'open'],
    ]);
  });

  it('adds a row for each column a stored file was read into by a saved mapping', () => {
    const rows = problemRows(
      [outcome({ importId: 'imp-1', status: 'mapped', tables: [layoutTable] })],
      names,
    );
    expect(rows).toEqual([
      expect.objectContaining({
        cell: 'D3',
        text: '开工数量',
        state: 'mapped',
        reason: '表头“开工数量”不是月报模板的表头，已按该单位保存的表头对照读取为“累计开工（套）”。',
      }),
    ]);
    // A refused file read by a mapping is still refused: nothing was read.
    expect(problemRows([outcome({ tables: [layoutTable] })], names)).toEqual([]);
  });

  it('orders by unit, then file, and names a file whose unit is unknown', () => {
    const order = (id: string | undefined) => (id === '220183' ? 0 : id === '220122' ? 1 : 2);
    const rows = problemRows(
      [
        outcome({ fileName: 'b.xlsx', issues: [warning] }),
        outcome({ fileName: '坏.xlsx', unitId: undefined, issues: [warning] }),
        outcome({ fileName: 'a.xlsx', issues: [warning] }),
        outcome({ fileName: 'c.xlsx', unitId: '220183', issues: [warning] }),
      ],
      names,
      order,
    );
    expect(rows.map((r) => `${r.unit} ${r.fileName}`)).toEqual([
      '德惠市 c.xlsx',
      '农安县 a.xlsx',
      '农安县 b.xlsx',
      '（未能识别） 坏.xlsx',
    ]);
    expect(countStates(rows)).toEqual({ open: 4, corrected: 0, mapped: 0 });
  });
});

describe('outcomes of a period', () => {
  it('keeps the period, and refused files with no period; drops other periods and resolved ones', () => {
    const all = [
      outcome({ fileName: 'sep' }),
      outcome({ fileName: 'aug', period: '2018-08' }),
      outcome({ fileName: 'resolved', status: 'resolved' }),
      outcome({ fileName: 'damaged', period: undefined }),
      outcome({ fileName: 'stored-no-period', period: undefined, importId: 'imp', status: 'accepted' }),
    ];
    expect(outcomesOfPeriod(all, '2018-09').map((o) => o.fileName)).toEqual(['sep', 'damaged']);
  });
});
