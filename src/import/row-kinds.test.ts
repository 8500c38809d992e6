// Row classification under a table header, on rows read from real workbooks: totals, the loan need line,
// the table's end, and the unit a 市县 cell names.
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { tableDef } from '../domain/tables';
import { defaultRegister } from '../domain/units';
import type { GridRow } from './grid';
import { sheetGrid } from './grid';
import { findTable } from './headers';
import { endsTable, isTotalLabel, rowColumns, rowKind, rowUnit } from './row-kinds';
import { workbookBytes } from './test-workbooks';

function rowsOf(rows: unknown[][]): GridRow[] {
  const wb = XLSX.read(workbookBytes([{ name: 'S', rows }]), { type: 'array', dense: true, cellNF: true });
  return sheetGrid('S', wb.Sheets.S as XLSX.WorkSheet).rows;
}

describe('isTotalLabel', () => {
  it.each([
    ['合计', true],
    ['总 计', true],
    ['全县', true],
    ['全市合计', true],
    ['长春市合计', true],
    ['小计：', true],
    ['农安县', false],
    ['合计开工', false],
  ])('%j → %s', (text, expected) => {
    expect(isTotalLabel(text)).toBe(expected);
  });
});

describe('rowKind', () => {
  const loanHeader = ['序号', '市县', '贷款银行', '本年授信（审批）额度（亿元）', '本年发放贷款（亿元）'];
  it.each([
    ['a bank line', [1, '农安县', '国开行', 1.2, 0.5], 'data'],
    ['the 合计 line', [null, null, '合计', 1.2, 0.5], 'total'],
    ['a total in the 序号 column', ['合计', null, null, 1.2, 0.5], 'total'],
    ['the loan need line of a combined return', [null, '农安县', '本年需贷款', 4.07, null], 'need'],
  ] as const)('表2: %s', (_n, row, kind) => {
    const [head, line] = rowsOf([loanHeader, row as unknown as unknown[]]);
    const match = findTable({ name: 'S', rows: [head as GridRow], merges: [] });
    expect(match?.def.key).toBe('loan');
    expect(match && line && rowKind(line, rowColumns(tableDef('loan'), match.columns))).toBe(kind);
  });
});

describe('endsTable', () => {
  it.each([
    ['a footer', ['填表人：张三', null, '联系电话：0431-88888888'], true],
    ['another table title', ['2018年1-9月棚改贷款进展情况（表2）'], true],
    ['a key–value line', ['填报单位：农安县'], true],
    ['a data row', [1, '农安县', 800, 400], false],
  ])('%s → %s', (_n, row, expected) => {
    const [line] = rowsOf([row]);
    expect(line && endsTable(line)).toBe(expected);
  });
});

describe('rowUnit', () => {
  it.each([
    ['农安县', { kind: 'unit', unitId: '220122', unknown: false }],
    ['农安县*', { kind: 'unit', unitId: '220122', unknown: false }],
    ['', { kind: 'unit', unitId: undefined, unknown: false }],
    ['延边州', { kind: 'subtotal', unknown: false }],
    ['省直管', { kind: 'subtotal', unknown: false }],
  ])('%j', (text, expected) => {
    expect(rowUnit(defaultRegister, text)).toEqual(expected);
  });
  it('names no unit for a near miss, with suggestions', () => {
    const named = rowUnit(defaultRegister, '农安市');
    expect(named.kind).toBe('unknown');
    expect(named.kind === 'unknown' && named.suggestions).toContain('农安县');
  });
});
