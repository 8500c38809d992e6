// The cell stages of the reader on cells read from real workbooks: readFigure (units, scales, refusals),
// readRate (percent cells and typed percents) and readText (dates written as shown).
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { tableDef } from '../domain/tables';
import type { GridCell } from './grid';
import { sheetGrid } from './grid';
import type { ColumnMap } from './headers';
import { IssueLog } from './issue-log';
import { columnPower, readFigure, readRate, readText } from './read-cells';
import { workbookBytes } from './test-workbooks';

/** One cell written to an .xlsx (with a number format, if given) and read back as the reader sees it. */
function cellOf(value: unknown, format?: string): GridCell | undefined {
  const bytes = workbookBytes([{ name: 'S', rows: [[value]], formats: format ? { A1: format } : {} }]);
  const wb = XLSX.read(bytes, { type: 'array', dense: true, cellNF: true });
  return sheetGrid('S', wb.Sheets.S as XLSX.WorkSheet).rows[0]?.cells[0];
}

function column(table: 'start' | 'loan', key: string, unit: string | null = null): ColumnMap {
  const field = tableDef(table).fields.find((f) => f.key === key);
  if (!field) throw new Error(key);
  return { field, c: 0, unit, header: field.header, how: 'template' };
}

function figure(value: unknown, col: ColumnMap, format?: string, sheetUnit: string | null = null) {
  const log = new IssueLog('f.xlsx');
  const out = readFigure(
    cellOf(value, format),
    col,
    columnPower(col, sheetUnit),
    { log, sheet: 'S', table: 'start', date1904: false },
    0,
  );
  return {
    out,
    errors: log.errors.map((e) => [e.code, e.cell, e.text, e.table, e.field]),
    warnings: log.warnings.map((w) => w.code),
  };
}

describe('readFigure', () => {
  const plan = column('start', 'plan');
  it.each([
    ['a number', 800, plan, undefined, null, 800],
    ['text with a thousands comma', '1,200', plan, undefined, null, 1200],
    ['full-width digits', '１２００', plan, undefined, null, 1200],
    ['a dash for zero', '-', plan, undefined, null, 0],
    ['无 for zero', '无', plan, undefined, null, 0],
    ['a unit typed after it: 1200套', '1200套', plan, undefined, null, 1200],
    ['万套 in the header', 0.08, column('start', 'plan', '万套'), undefined, null, 800],
    ['万套 in the 单位 cell', 0.08, plan, undefined, '万套', 800],
    ['亿元 converted to yuan exactly', 12.3456, column('loan', 'credit'), undefined, null, 1_234_560_000],
    ['万元 typed after money', '5000万元', column('loan', 'credit'), undefined, null, 50_000_000],
  ] as const)('%s', (_n, value, col, format, sheetUnit, expected) => {
    expect(figure(value, col, format, sheetUnit)).toEqual({ out: expected, errors: [], warnings: [] });
  });

  it.each([
    ['text that is no number', '待统计', 'number.text'],
    ['a negative figure', -5, 'number.negative'],
    ['a fraction of a 套', 12.5, 'number.fraction'],
    ['a unit that does not measure the column', '400户', 'number.unit'],
    ['a percent typed into a count', '50%', 'number.text'],
  ] as const)('refuses %s, naming the cell, its text, table and field', (_n, value, code) => {
    const { out, errors } = figure(value, plan);
    expect(out).toBeNull();
    expect(errors).toEqual([[code, 'A1', String(value), 'start', 'plan']]);
  });

  it('refuses a date cell (9-30 typed into a count)', () => {
    expect(figure(43373, plan, 'm-d').errors.map((e) => e[0])).toEqual(['number.date']);
  });

  it('refuses a figure in a percent-formatted cell, but accepts its zero', () => {
    expect(figure(8, plan, '0%').errors.map((e) => e[0])).toEqual(['number.percentFormat']);
    expect(figure(0, plan, '0%')).toEqual({ out: 0, errors: [], warnings: [] });
  });

  it('flags a count of a million or more (套 typed under 万套)', () => {
    expect(figure(800, column('start', 'plan', '万套'))).toEqual({
      out: 8_000_000,
      errors: [],
      warnings: ['number.implausible'],
    });
  });
});

describe('readRate', () => {
  const rate = column('start', 'declaredRate');
  function rateOf(value: unknown, format?: string) {
    const log = new IssueLog('f.xlsx');
    const out = readRate(
      cellOf(value, format),
      rate,
      { log, sheet: 'S', table: 'start', date1904: false },
      0,
    );
    return [out, log.errors.map((e) => e.code)];
  }
  it.each([
    ['a number of percent', 41.6, undefined, 4160],
    ['a fraction in a % cell', 0.416, '0.0%', 4160],
    ['typed text 41.6%', '41.6%', undefined, 4160],
    ['a blank dash', '-', undefined, null],
  ] as const)('%s', (_n, value, format, expected) => {
    expect(rateOf(value, format)).toEqual([expected, []]);
  });
  it('refuses a rate with a unit or words', () => {
    expect(rateOf('约50')).toEqual([null, ['number.text']]);
  });
});

describe('readText', () => {
  it.each([
    ['plain text, trimmed', ' 安置房源不足 ', undefined, '安置房源不足'],
    ['a date with its day', 43465, 'yyyy-mm-dd', '2018年12月31日'],
    ['a date shown as its month', 43435, 'yyyy"年"m"月"', '2018年12月'],
  ] as const)('%s', (_n, value, format, expected) => {
    expect(readText(cellOf(value, format), false)).toBe(expected);
  });
});
