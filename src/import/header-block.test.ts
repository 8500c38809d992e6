// The header block stage on sheets built here: the sender (with offices, seals and dates around the name),
// the cutoff (stated, from the title, yearless), the 单位 cell and the loan need.
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { defaultRegister } from '../domain/units';
import { sheetGrid } from './grid';
import { readHeaderBlock, resolveSender } from './header-block';
import { findTable } from './headers';
import { IssueLog } from './issue-log';
import { workbookBytes } from './test-workbooks';

const HEAD = ['序号', '市县', '年度计划（套）', '累计开工（套）'];

function block(lines: unknown[][]) {
  const rows = [...lines, HEAD, [1, '农安县', 800, 400]];
  const wb = XLSX.read(workbookBytes([{ name: 'S', rows }]), { type: 'array', dense: true, cellNF: true });
  const grid = sheetGrid('S', wb.Sheets.S as XLSX.WorkSheet);
  const match = findTable(grid);
  if (!match) throw new Error('no table');
  const log = new IssueLog('f.xlsx');
  const out = readHeaderBlock(grid, match, { log, register: defaultRegister, date1904: false });
  return { out, errors: log.errors.map((e) => [e.code, e.cell]) };
}

describe('readHeaderBlock', () => {
  it.each([
    [
      'unit and cutoff in one line',
      [['填报单位：农安县', '截止日期：2018年9月30日', '单位：套']],
      ['220122', '2018-09', '2018-09-30', true, '套'],
    ],
    [
      'the period from the title only',
      [['2018年1-9月棚户区改造开工进展情况'], ['填报单位：农安县']],
      ['220122', '2018-09', '2018-09-30', false, null],
    ],
    [
      'a yearless cutoff takes the title year',
      [['2018年1-9月…（表1）'], ['填报单位：农安县', '截止日期：9月25日']],
      ['220122', '2018-09', '2018-09-25', true, null],
    ],
    [
      'a prefecture as sender',
      [['填报单位：延边州', '截止日期：2018-09-30']],
      [undefined, '2018-09', '2018-09-30', true, null],
    ],
  ] as const)('%s', (_n, lines, expected) => {
    const { out, errors } = block(lines as unknown as unknown[][]);
    expect(errors).toEqual([]);
    expect([
      out.sender?.unitId,
      out.period?.period,
      out.period?.cutoff,
      out.period?.stated,
      out.sheetUnit,
    ]).toEqual(expected);
  });

  it('refuses an unknown 填报单位 and a cutoff that is no date, naming their cells', () => {
    expect(block([['填报单位：农安市', '截止日期：2018年9月31日']]).errors).toEqual([
      ['unit.unknown', 'A1'],
      ['date.invalid', 'B1'],
    ]);
  });

  it('refuses a title whose period disagrees with the cutoff', () => {
    expect(block([['2018年1-8月…（表1）'], ['填报单位：农安县', '截止日期：2018年9月30日']]).errors).toEqual([
      ['period.mismatch', 'A1'],
    ]);
  });
});

describe('resolveSender', () => {
  it.each([
    '农安县',
    '农安县住建局（盖章）',
    '农安县（公章）',
    '农安县*',
    '农安县人民政府（盖章）  2018年10月8日',
    '农安县房屋征收管理办公室',
  ])('%j is 农安县', (name) => {
    const resolved = resolveSender(defaultRegister, name);
    expect(resolved.ok && resolved.unit.id).toBe('220122');
  });
  it.each(['长春市 新区', '农安市', '通化'])('%j is no unit', (name) => {
    expect(resolveSender(defaultRegister, name).ok).toBe(false);
  });
});
