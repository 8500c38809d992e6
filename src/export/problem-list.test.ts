// The problem list as written: re-read with SheetJS, it has the title, the header and one row per problem with
// every column, a formula-looking text kept as text, and the state in words.

import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { makeIssue } from '../domain/messages';
import { type FileOutcome, problemRows } from '../domain/problems';
import { PROBLEM_COLUMNS, problemListFileName, writeProblemList } from './problem-list';

const issue = (file: string, cell: string, text: string) => ({
  ...makeIssue('error', 'number.text', { file, sheet: '表1', cell }, { text, column: '累计开工（套）' }),
  text,
});

const outcomes: FileOutcome[] = [
  {
    fileName: '德惠市.xlsx',
    unitId: '220183',
    period: '2018-09',
    importId: null,
    status: 'refused',
    issues: [issue('德惠市.xlsx', 'D4', '=1+1'), issue('德惠市.xlsx', 'E4', '约500')],
    at: 1,
  },
  {
    fileName: '农安县.xlsx',
    unitId: '220122',
    period: '2018-09',
    importId: 'imp',
    status: 'corrected',
    issues: [issue('农安县.xlsx', 'D4', '待统计')],
    corrections: [{ sheet: '表1', cell: 'D4' }],
    at: 2,
  },
];

describe('writeProblemList', () => {
  it('writes one row per problem, every column, read back by SheetJS', async () => {
    const rows = problemRows(outcomes, (id) => (id === '220183' ? '德惠市' : '农安县'));
    const bytes = await writeProblemList(rows, '2018-09');
    const wb = XLSX.read(bytes);
    const sheet = wb.Sheets[wb.SheetNames[0] as string] as XLSX.WorkSheet;
    const aoa = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, raw: false });
    expect(aoa[0]?.[0]).toBe('2018年1-9月月报问题清单（共 3 条）');
    expect(aoa[1]).toEqual(PROBLEM_COLUMNS.map((c) => c.header));
    expect(aoa.slice(2)).toEqual(
      rows.map((r, i) => [
        String(i + 1),
        r.unit,
        r.fileName,
        r.sheet,
        r.cell,
        r.text,
        r.reason,
        r.advice,
        r.state === 'open' ? '待改正' : r.state === 'corrected' ? '已在系统内更正' : '已按对照读取',
      ]),
    );
    expect(aoa.slice(2).map((r) => [r[1], r[4], r[8]])).toEqual([
      ['德惠市', 'D4', '待改正'],
      ['德惠市', 'E4', '待改正'],
      ['农安县', 'D4', '已在系统内更正'],
    ]);
    // Text that looks like a formula is a string cell, never a formula.
    expect(sheet.F3).toMatchObject({ t: 's', v: '=1+1' });
    expect(sheet.F3?.f).toBeUndefined();
  });

  it('names the file after the period', () => {
    expect(problemListFileName('2018-09')).toBe('2018年1-9月月报问题清单.xlsx');
  });
});
