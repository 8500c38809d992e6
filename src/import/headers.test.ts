// Header recognition stages: normalising a header cell, matching it to a field, finding a table's header row(s)
// and its key–value cells, on grids read from real workbooks built here.

import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { TableDef } from '../domain/tables';
import { TABLES, tableDef } from '../domain/tables';
import type { Grid } from './grid';
import { sheetGrid } from './grid';
import { fieldByHeader, findTable, matchHeaderRow, normaliseHeader } from './headers';
import { rowKeyValues } from './key-values';
import type { SheetSpec } from './test-workbooks';
import { workbookBytes } from './test-workbooks';

/** Write a sheet to xlsx bytes and read it back, as the reader would. */
function gridOf(spec: SheetSpec): Grid {
  const wb = XLSX.read(workbookBytes([spec]), { type: 'array', dense: true, cellNF: true });
  return sheetGrid(spec.name, wb.Sheets[spec.name] as XLSX.WorkSheet);
}

describe('normaliseHeader', () => {
  it.each([
    ['年度计划（套）', '年度计划', '套'],
    ['年度计划(万套)', '年度计划', '万套'],
    ['累计\n开工\r\n（ 套 ）', '累计开工', '套'],
    ['其中：本月开工（套）', '本月开工', '套'],
    ['其中本月新增授信', '本月新增授信', null],
    ['本年授信（审批）额度（亿元）', '本年授信(审批)额度', '亿元'],
    ['开工率（%）', '开工率', '%'],
    ['开工率（％）', '开工率', '%'],
    ['金额【万元】', '金额', '万元'],
    ['累计开工（单位：套）', '累计开工', '套'],
    ['　市　县　', '市县', null],
  ])('%j → %j in %j', (text, key, unit) => {
    expect(normaliseHeader(text)).toEqual({ key, unit });
  });
});

describe('fieldByHeader', () => {
  it.each([
    ['start', '开工套数', 'started'],
    ['start', '已开工', 'started'],
    ['start', '本月开工', 'startedMonth'],
    ['loan', '本年授信(审批)额度', 'credit'],
    ['loan', '贷款银行', 'bank'],
    ['expropriation', '合计', 'total'],
    ['publicRental', '累计已分配', 'allocated'],
    ['carryOver', '项目名称', 'name'],
  ] as const)('%s: %j is %s', (table, key, field) => {
    expect(fieldByHeader(tableDef(table), key)?.key).toBe(field);
  });

  it.each(TABLES.map((def) => [def.shortName, def] as const))(
    '%s: no wording names two fields',
    (_n, def) => {
      const owner = new Map<string, string>();
      const clashes: string[] = [];
      for (const field of def.fields) {
        for (const name of [field.header, field.label, ...field.synonyms]) {
          const { key } = normaliseHeader(name);
          const other = owner.get(key);
          if (other && other !== field.key) clashes.push(`${name}: ${other} / ${field.key}`);
          owner.set(key, field.key);
        }
      }
      expect(clashes).toEqual([]);
    },
  );

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('%j is no field', (key) => {
    expect(fieldByHeader(tableDef('start'), key)).toBeUndefined();
  });
});

describe('findTable', () => {
  it.each([
    ['表1 by its headers alone', [['市县', '年度计划', '累计开工']], 'start', 0],
    [
      '表3 over 表1 (征收 and 拆迁 decide)',
      [['市县', '年度计划', '累计征收', '累计拆迁', '合计']],
      'expropriation',
      0,
    ],
    [
      '表5 under a title and a key–value line',
      [['公租房分配进展（表5）'], ['单位：套'], ['市县', '累计筹集', '累计已分配', '分配率']],
      'publicRental',
      2,
    ],
    [
      '表4 with its project columns',
      [['项目名称', '涉及户数', '未完成拆迁户数', '未完成原因']],
      'carryOver',
      0,
    ],
  ] as const)('%s', (_name, rows, table, headerRow) => {
    const match = findTable(gridOf({ name: 'S', rows: rows as unknown as unknown[][] }));
    expect(match?.def.key).toBe(table);
    expect(match?.rowIndex).toBe(headerRow);
  });

  it('combines a merged group cell with its sub-headers', () => {
    const grid = gridOf({
      name: 'S',
      rows: [
        ['贷款银行', '授信', null, '贷款发放', null],
        [null, '累计', '其中：本月新增', '累计', '其中：本月新增'],
        ['国开行', 1, 0, 1, 0],
      ],
      merges: ['A1:A2', 'B1:C1', 'D1:E1'],
    });
    const match = findTable(grid);
    expect(match?.headerRows).toBe(2);
    expect(match?.columns.map((c) => [c.field.key, c.c])).toEqual([
      ['bank', 0],
      ['credit', 1],
      ['creditMonth', 2],
      ['disbursed', 3],
      ['disbursedMonth', 4],
    ]);
  });

  it('recognises nothing in an unrelated sheet', () => {
    expect(
      findTable(
        gridOf({
          name: 'S',
          rows: [
            ['姓名', '电话'],
            ['张三', '123'],
          ],
        }),
      ),
    ).toBeNull();
  });
});

describe('rowKeyValues', () => {
  it.each([
    [['填报单位：农安县'], [['unit', '农安县']]],
    [
      ['填报单位:农安县  截止日期:2018.9.30  单位:万元'],
      [
        ['unit', '农安县'],
        ['cutoff', '2018.9.30'],
        ['sheetUnit', '万元'],
      ],
    ],
    [['填报单位', null, '农安县'], [['unit', '农安县']]],
    [['截止日期：', 43373], [['cutoff', 43373]]],
    [['本年棚改需贷款（亿元）：12.50'], [['need', '12.50']]],
    [['标题没有键'], []],
  ])('%j', (cells, expected) => {
    const grid = gridOf({ name: 'S', rows: [cells] });
    const row = grid.rows[0];
    expect(row && rowKeyValues(row).map((kv) => [kv.kind, kv.value.value])).toEqual(expected);
  });
});

describe('columns weighed against each other', () => {
  /** 表2 with its month columns declared bare (本月新增 alone fits both): a table where elimination decides. */
  const loan: TableDef = tableDef('loan');
  const bareMonths: TableDef = {
    ...loan,
    fields: loan.fields.map((f) =>
      f.monthOf && f.meaning ? { ...f, meaning: { ...f.meaning, bare: true } } : f,
    ),
  };

  function headerOf(def: TableDef, cells: unknown[]) {
    const grid = gridOf({ name: 'S', rows: [cells, cells.map((_, i) => (i === 0 ? '国开行' : 1))] });
    const match = matchHeaderRow(grid, def, 0);
    return {
      fields: match?.columns.map((c) => [c.c, c.field.key, c.how]),
      ambiguous: match?.ambiguous?.map((a) => [a.c, a.header, a.fields.map((f) => f.key)]),
      duplicates: match?.duplicates?.map((d) => [d.c, d.field.key]),
    };
  }

  it('a header fitting two fields takes the one no other column took (elimination)', () => {
    expect(headerOf(bareMonths, ['贷款银行', '本月新增', '授信', '当月新增授信', '发放']).fields).toEqual([
      [0, 'bank', 'template'],
      [1, 'disbursedMonth', 'meaning'],
      [2, 'credit', 'template'],
      [3, 'creditMonth', 'template'],
      [4, 'disbursed', 'template'],
    ]);
  });

  it('a header still fitting two fields is kept as ambiguous, naming both', () => {
    expect(headerOf(bareMonths, ['贷款银行', '授信额度', '发放金额', '本期']).ambiguous).toEqual([
      [3, '本期', ['creditMonth', 'disbursedMonth']],
    ]);
  });

  it('two columns for one field, one by template and one by meaning, are a duplicate', () => {
    expect(
      headerOf(tableDef('start'), ['市县', '年度计划', '累计开工（套）', '已完成开工']).duplicates,
    ).toEqual([[3, 'started']]);
  });
});
