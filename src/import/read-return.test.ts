// readReturn on workbooks built in the test (xlsx and xls): every layout variation real returns show, every
// refusal (with its file, sheet, cell and code) and every warning of the return contract.

import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { ParsedReturn, ReadResult } from '../domain/types';
import { readReturn } from './read-return';
import type { BookType, SheetSpec } from './test-workbooks';
import {
  carryOverSheet,
  expropriationSheet,
  loanSheet,
  publicRentalSheet,
  standardReturn,
  startSheet,
  withSheet,
  workbookBytes,
} from './test-workbooks';

const BOOK_TYPES: BookType[] = ['xlsx', 'xls'];

function read(sheets: SheetSpec[], bookType: BookType = 'xlsx', name = `农安县.${bookType}`): ReadResult {
  return readReturn(workbookBytes(sheets, bookType), name);
}

function only(result: ReadResult): ParsedReturn {
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
  expect(result.returns).toHaveLength(1);
  return result.returns[0] as ParsedReturn;
}

/** A 表1 sheet with the given rows (title, key–values, header and data as the case needs). */
function sheet1(rows: unknown[][], extra: Partial<SheetSpec> = {}): SheetSpec {
  return { name: '表1', rows, ...extra };
}

const KV = ['填报单位：农安县', null, '截止日期：2018年9月30日'];
const H1 = [
  '序号',
  '市县',
  '年度计划（套）',
  '累计开工（套）',
  '其中：本月开工（套）',
  '开工率（%）',
  '备注',
];

type Pick = (r: ParsedReturn) => unknown;
const start: Pick = (r) =>
  r.tables.start && [r.tables.start.plan, r.tables.start.started, r.tables.start.startedMonth];
const startRate: Pick = (r) => r.tables.start?.declaredRate;
const loanBanks: Pick = (r) =>
  r.tables.loan?.banks.map((b) => [b.bank, b.credit, b.creditMonth, b.disbursed, b.disbursedMonth]);
const periodOf: Pick = (r) => [r.unitId, r.period, r.cutoff];

const variations: [string, SheetSpec[], Pick, unknown][] = [
  ['the official template', standardReturn(), start, [800, 400, 50]],
  [
    'a sheet named Sheet1, another 棚改开工, in any order',
    [
      { ...loanSheet(), name: 'Sheet1' },
      { ...startSheet(), name: '棚改开工' },
    ],
    start,
    [800, 400, 50],
  ],
  [
    'the table starting at C5 with extra title lines above and footer lines below',
    [
      {
        ...startSheet(),
        origin: 'C5',
        rows: [
          ['附件1'],
          ['吉林省保障性安居工程月报'],
          ['2018年1-9月棚户区改造开工进展情况（表1）'],
          KV,
          H1,
          [1, '农安县', 800, 400, 50, 50, ''],
          ['填表人：张三'],
          ['审核人：李四'],
          ['注：本表数据截止到月末'],
        ],
      },
    ],
    start,
    [800, 400, 50],
  ],
  [
    'reworded headers (开工套数, 已开工（套）, 本月新开工)',
    [
      sheet1([
        KV,
        ['市县', '年度改造计划', '开工套数', '本月新开工', '开工率'],
        ['农安县', 800, 400, 50, 50],
      ]),
    ],
    start,
    [800, 400, 50],
  ],
  [
    'line breaks, spaces and half-width brackets inside header cells',
    [
      sheet1([
        KV,
        ['市 县', '年度\n计划\n(套)', '累计\r\n开工 （套）', '其中:\n本月开工(套)'],
        ['农安县', 800, 400, 50],
      ]),
    ],
    start,
    [800, 400, 50],
  ],
  [
    'a header in 万套 converted exactly (0.08万套 = 800套)',
    [sheet1([KV, ['市县', '年度计划（万套）', '累计开工（万套）'], ['农安县', 0.08, 0.04]])],
    start,
    [800, 400, null],
  ],
  [
    'numbers typed as text: 1,200, full-width digits, inner spaces, dashes and blanks for zero',
    [sheet1([KV, H1, [1, '农安县', '1,200', '１２００', ' 1 0 ', '100%', '']])],
    start,
    [1200, 1200, 10],
  ],
  ...(['-', '—', '－', ''].map((dash) => [
    `“${dash}” for zero`,
    [sheet1([KV, H1, [1, '农安县', 800, dash, dash, '', '']])],
    start,
    [800, 0, 0],
  ]) as [string, SheetSpec[], Pick, unknown][]),
  ['a rate typed as text 41.6%', [sheet1([KV, H1, [1, '农安县', 1000, 416, 0, '41.6%']])], startRate, 4160],
  [
    'a rate stored as the fraction 0.416 with a percent format',
    [sheet1([KV, H1, [1, '农安县', 1000, 416, 0, 0.416]], { formats: { F3: '0.0%' } })],
    startRate,
    4160,
  ],
  [
    'key and value in two cells, the value in the next non-empty cell',
    [sheet1([['填报单位', null, '农安县', '截止日期：', '2018.9.30'], H1, [1, '农安县', 800, 400, 50, 50]])],
    periodOf,
    ['220122', '2018-09', '2018-09-30'],
  ],
  [
    'several key–values in one cell with half-width colons',
    [sheet1([['填报单位:农安县   截止日期:2018-09-30   单位:套'], H1, [1, '农安县', 800, 400, 50, 50]])],
    periodOf,
    ['220122', '2018-09', '2018-09-30'],
  ],
  [
    'the cutoff as a real Excel date',
    [
      sheet1([['填报单位：农安县', '截止日期：', 43373], H1, [1, '农安县', 800, 400, 50, 50]], {
        formats: { C1: 'yyyy"年"m"月"d"日"' },
      }),
    ],
    periodOf,
    ['220122', '2018-09', '2018-09-30'],
  ],
  [
    'the cutoff as a JavaScript Date written by SheetJS, and a 填报日期 that is not the period',
    [
      sheet1([
        ['2018年1-9月棚户区改造开工进展情况'],
        ['填报单位：农安县', '截止日期：', new Date(2018, 8, 30), '填报日期：2018年10月8日'],
        H1,
        [1, '农安县', 800, 400, 50, 50],
      ]),
    ],
    periodOf,
    ['220122', '2018-09', '2018-09-30'],
  ],
  [
    'a two-row 表5 header: 累计 and 本年 groups over their columns',
    [
      {
        name: '公租房',
        rows: [
          ['填报单位：农安县', '截止日期：2018-09-30'],
          ['市县', '累计', null, null, '本年', null, null],
          [null, '筹集', '已分配', '分配率', '分配任务', '已分配', '任务完成率'],
          ['农安县', 100, 50, 50, 10, 5, 50],
        ],
        merges: ['A2:A3', 'B2:D2', 'E2:G2'],
      },
    ],
    (r) => r.tables.publicRental,
    {
      raised: 100,
      allocated: 50,
      declaredRate: 5000,
      yearTask: 10,
      yearAllocated: 5,
      declaredYearRate: 5000,
      lastYearRate: null,
    },
  ],
  [
    'no cutoff: the period from the title 2018年1-8月',
    [
      sheet1([
        ['2018年1-8月棚户区改造开工进展情况'],
        ['填报单位：前郭尔罗斯蒙古族自治县'],
        H1,
        [1, '前郭县', 1, 1, 0, 100],
      ]),
    ],
    periodOf,
    ['220721', '2018-08', '2018-08-31'],
  ],
  [
    'no 填报单位: the unit from the 市县 column',
    [sheet1([['截止日期：2018年9月30日'], H1, [1, '长春市九台区', 10, 5, 1, 50]])],
    (r) => r.unitId,
    '220113',
  ],
  [
    'a two-row loan header: 授信 and 贷款发放 merged over 累计 | 其中：本月新增',
    [
      {
        name: '表2',
        rows: [
          ['2018年1-9月棚改贷款进展情况（表2）'],
          ['填报单位：农安县', null, '截止日期：2018年9月30日'],
          ['序号', '贷款银行', '授信（审批）额度（亿元）', null, '贷款发放（亿元）', null, '备注'],
          [null, null, '累计', '其中：本月新增', '累计', '其中：本月新增', null],
          [1, '国家开发银行吉林省分行', 1.2, 0.2, 0.5, 0.1],
        ],
        merges: ['A3:A4', 'B3:B4', 'C3:D3', 'E3:F3', 'G3:G4'],
      },
    ],
    loanBanks,
    [['国家开发银行', 120_000_000, 20_000_000, 50_000_000, 10_000_000]],
  ],
  [
    'bare 其中：本月新增 columns, each the month of the column to its left',
    [
      {
        name: '表2',
        rows: [
          ['填报单位：农安县', '截止日期：2018-09-30'],
          ['贷款银行', '授信额度（亿元）', '其中：本月新增', '发放贷款（亿元）', '其中：本月新增'],
          ['工行', 2, 1, 1.5, 0.5],
        ],
      },
    ],
    loanBanks,
    [['中国工商银行', 200_000_000, 100_000_000, 150_000_000, 50_000_000]],
  ],
  [
    'loan columns in 万元 by the sheet’s 单位：万元 cell, banks by alias',
    [
      {
        name: '贷款',
        rows: [
          ['棚改贷款进展情况'],
          ['填报单位：农安县', '截止日期：2018年9月30日', '单位：万元'],
          ['贷款银行', '本年授信额度', '本月新增授信', '本年发放贷款', '本月新增发放'],
          ['建行', 12345.67, 0, 100, 0],
          ['浦发', 1, 0, 0.5, 0],
        ],
      },
    ],
    loanBanks,
    [
      ['中国建设银行', 123_456_700, 0, 1_000_000, 0],
      ['上海浦东发展银行', 10_000, 0, 5_000, 0],
    ],
  ],
  [
    'figures computed by formulas with binary noise (0.1+0.2 = 0.30000000000000004亿元) are no fraction',
    withSheet(
      standardReturn(),
      loanSheet({}, [[1, '国开行', 0.1 + 0.2, 0, 0.7 + 0.1, 0]], [null, '合计', 0.1 + 0.2, 0, 0.7 + 0.1, 0]),
    ),
    loanBanks,
    [['国家开发银行', 30_000_000, 0, 80_000_000, 0]],
  ],
  [
    'a header in 元',
    [
      {
        name: '表2',
        rows: [
          ['填报单位：农安县', '截止日期：2018-09-30'],
          ['贷款银行', '授信额度（元）', '发放贷款（元）'],
          ['农发行', 1200, 3],
        ],
      },
    ],
    loanBanks,
    [['中国农业发展银行', 1200, null, 3, null]],
  ],
  [
    'formula cells by their cached values; formula-looking text kept as plain text',
    [
      {
        ...startSheet(),
        rows: [KV, H1, [1, '农安县', 800, 400, 50, 50, '=HYPERLINK("http://x","点")']],
      },
    ],
    (r) => r.tables.start?.note,
    '=HYPERLINK("http://x","点")',
  ],
  [
    'the 表4 projects and the 表5 rates',
    standardReturn(),
    (r) => [
      r.tables.carryOver?.length,
      r.tables.publicRental?.declaredRate,
      r.tables.publicRental?.lastYearRate,
    ],
    [2, 7861, 7220],
  ],
  [
    'a first data row of figures typed as text under a header with an unnamed column is data, not a sub-header',
    [
      {
        name: '表4',
        rows: [
          ['填报单位：农安县', '截止日期：2018-09-30'],
          ['项目名称', '涉及户数', '未完成拆迁户数', null],
          ['东风小区', '156', '45', '另附说明'],
          ['西山小区', 10, 2],
        ],
      },
    ],
    (r) => r.tables.carryOver?.map((p) => [p.name, p.households, p.unfinished]),
    [
      ['东风小区', 156, 45],
      ['西山小区', 10, 2],
    ],
  ],
  [
    'a unit labelling its single 表1 line 全县: that line is its figures',
    withSheet(standardReturn(), startSheet({}, [null, '全县', 800, 400, 50, 50])),
    start,
    [800, 400, 50],
  ],
  [
    'a 表4 without project rows: no unfinished projects',
    withSheet(standardReturn(), carryOverSheet({}, [])),
    (r) => r.tables.carryOver,
    [],
  ],
  [
    'all five tables stacked in one sheet, each with its title block and footer',
    [{ name: 'Sheet1', rows: standardReturn().flatMap((s) => [...s.rows, []]) }],
    (r) => [
      r.tables.start?.started,
      r.tables.loan?.banks.length,
      r.tables.expropriation?.demolished,
      r.tables.carryOver?.length,
      r.tables.publicRental?.allocated,
    ],
    [400, 2, 8, 2, 7279],
  ],
  [
    'a hidden sheet with an old copy of 表1 is ignored',
    [{ ...startSheet({}, [1, '农安县', 1, 1, 0, 100]), name: '旧表1', hidden: true }, ...standardReturn()],
    start,
    [800, 400, 50],
  ],
  [
    'blank template lines (a 序号 and zeros) in 表2 are skipped',
    withSheet(
      standardReturn(),
      loanSheet(
        {},
        [
          [1, '国开行', 1.2, 0, 0.5, 0],
          [2, null, 0, 0, 0, 0],
          [3, null, null, null, null, null],
        ],
        [null, '合计', 1.2, 0, 0.5, 0],
      ),
    ),
    loanBanks,
    [['国家开发银行', 120_000_000, 0, 50_000_000, 0]],
  ],
  [
    'a 合计 row that equals its rows is never stored',
    standardReturn(),
    (r) => r.tables.loan?.banks.map((b) => b.bank),
    ['国家开发银行', '中国农业发展银行'],
  ],
];

describe('readReturn reads every layout variation', () => {
  it.each(
    BOOK_TYPES.flatMap((bt) =>
      variations.map(([name, sheets, pick, expected]) => [bt, name, sheets, pick, expected] as const),
    ),
  )('%s: %s', (bookType, _name, sheets, pick, expected) => {
    const ret = only(read(sheets, bookType));
    expect(pick(ret)).toEqual(expected);
  });

  it('reads a formula cell by its cached value, never evaluating it', () => {
    const sheets = standardReturn();
    const wb = XLSX.utils.book_new();
    for (const spec of sheets) {
      const ws = XLSX.utils.aoa_to_sheet(spec.rows);
      if (spec.name === '表1') ws.D4 = { t: 'n', v: 400, f: 'SUM(1000,-600)' };
      XLSX.utils.book_append_sheet(wb, ws, spec.name);
    }
    const bytes = new Uint8Array(XLSX.write(wb, { bookType: 'xlsx', type: 'array' }) as ArrayBuffer);
    expect(only(readReturn(bytes, 'f.xlsx')).tables.start?.started).toBe(400);
  });
});

describe('a combined return (a row per unit) yields one ParsedReturn per unit', () => {
  const cutoff = '截止日期：2018年9月30日';
  const combined: SheetSpec[] = [
    {
      name: '表1',
      rows: [
        ['2018年1-9月棚户区改造开工进展情况（表1）'],
        ['填报单位：长春市', cutoff],
        H1,
        [1, '长春市', 1601, 1601, 184, 100],
        [2, '九台区', 500, 200, 10, 40],
        [3, '农安县', 800, 0, 0, 0],
        [null, '延边州', 1, 1, 1, 100],
        [null, '全市合计', 2901, 1801, 194, 62.1],
      ],
    },
    {
      name: '表2',
      rows: [
        ['2018年1-9月棚改贷款进展情况（表2）'],
        ['填报单位：长春市', cutoff],
        [
          '序号',
          '市县',
          '贷款银行',
          '本年授信（审批）额度（亿元）',
          '其中：本月新增授信',
          '本年发放贷款（亿元）',
          '其中：本月新增发放',
        ],
        [1, '长春市', '本年需贷款', 8.56],
        [2, null, '国开行', 5.42, 0, 25.14, 0],
        [3, null, '建设银行', 8.99, 0, 6.34, 0],
        [4, '九台区', '农发行', 2, 0, 1, 0],
        [5, '农安县', '本年需贷款', 4.07],
        [null, '合计', null, 16.41, 0, 32.48, 0],
      ],
      merges: ['B4:B6'],
    },
    {
      name: '表4',
      rows: [
        ['拆迁结转项目未完成情况（表4）'],
        ['填报单位：长春市', cutoff],
        ['序号', '市县', '项目名称', '涉及户数', '未完成拆迁户数', '未完成原因', '计划完成时间'],
        [1, '长春市', '和平片区', 858, 282, '安置房源不足', '2018年12月'],
        [2, '九台区', '东风小区', 100, 5, '资金未落实', '2018年11月'],
      ],
    },
  ];

  it.each(BOOK_TYPES)('%s', (bookType) => {
    const result = read(combined, bookType, '长春市汇总.xlsx');
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
    const byUnit = new Map(result.returns.map((r) => [r.unitId, r]));
    expect([...byUnit.keys()]).toEqual(['220100', '220113', '220122']);
    expect(byUnit.get('220113')?.tables.start).toMatchObject({ plan: 500, started: 200 });
    expect(byUnit.get('220100')?.tables.loan).toEqual({
      need: 856_000_000,
      banks: [
        {
          bank: '国家开发银行',
          credit: 542_000_000,
          creditMonth: 0,
          disbursed: 2_514_000_000,
          disbursedMonth: 0,
          note: '',
        },
        {
          bank: '中国建设银行',
          credit: 899_000_000,
          creditMonth: 0,
          disbursed: 634_000_000,
          disbursedMonth: 0,
          note: '',
        },
      ],
    });
    expect(byUnit.get('220122')?.tables.loan).toEqual({ need: 407_000_000, banks: [] });
    expect(byUnit.get('220113')?.tables.carryOver?.map((p) => p.name)).toEqual(['东风小区']);
    expect(byUnit.get('220122')?.tables.carryOver).toEqual([]);
    // Each unit's 表1 rate is checked against its own row: 62.1% is the combined rate of the 合计 row.
    expect(result.warnings.filter((w) => w.code !== 'table.missing')).toEqual([]);
  });
});

interface ErrorCase {
  name: string;
  sheets: SheetSpec[];
  code: string;
  sheet?: string;
  cell?: string;
  text?: RegExp;
}

const errorCases: ErrorCase[] = [
  {
    name: 'text that is not a number (待统计)',
    sheets: withSheet(standardReturn(), startSheet({}, [1, '农安县', 800, '待统计', 0, 0])),
    code: 'number.text',
    sheet: '表1',
    cell: 'D4',
    text: /待统计/,
  },
  {
    name: 'a negative figure',
    sheets: withSheet(standardReturn(), expropriationSheet({}, [1, '农安县', 700, -5, 0, -5, 0])),
    code: 'number.negative',
    sheet: '表3',
    cell: 'D4',
    text: /负数/,
  },
  {
    name: 'a count that is not whole (12.5 套)',
    sheets: withSheet(standardReturn(), startSheet({}, [1, '农安县', 800, 12.5, 0, 0])),
    code: 'number.fraction',
    sheet: '表1',
    cell: 'D4',
    text: /整数套/,
  },
  {
    name: 'money that is not whole yuan (1.234567891亿元)',
    sheets: withSheet(standardReturn(), loanSheet({}, [[1, '国开行', 1.234567891, 0, 0, 0]], [])),
    code: 'number.fraction',
    sheet: '表2',
    cell: 'C4',
    text: /整数元/,
  },
  {
    name: 'a required column missing (累计开工)',
    sheets: [sheet1([KV, ['序号', '市县', '年度计划（套）', '开工率（%）'], [1, '农安县', 800, 50]])],
    code: 'column.missing',
    sheet: '表1',
    cell: 'A2',
    text: /累计开工/,
  },
  {
    name: 'an unknown unit, with the closest names suggested',
    sheets: standardReturn({ unit: '农安市' }),
    code: 'unit.unknown',
    sheet: '表1',
    cell: 'A2',
    text: /农安县/,
  },
  {
    name: 'units that disagree between sheets',
    sheets: withSheet(standardReturn(), expropriationSheet({ unit: '德惠市' })),
    code: 'unit.mismatch',
    sheet: '表3',
    cell: 'A2',
    text: /德惠市/,
  },
  {
    name: 'a 市县 row naming another unit than 填报单位',
    sheets: withSheet(standardReturn(), startSheet({}, [1, '德惠市', 800, 400, 50, 50])),
    code: 'unit.mismatch',
    sheet: '表1',
    cell: 'B4',
  },
  {
    name: 'periods that disagree between sheets',
    sheets: withSheet(
      standardReturn(),
      publicRentalSheet({ cutoff: '2018年8月31日', title: '公共租赁住房分配进展情况（表5）' }),
    ),
    code: 'period.mismatch',
    sheet: '表5',
    cell: 'D2',
  },
  {
    name: 'no period anywhere',
    sheets: [sheet1([['填报单位：农安县'], H1, [1, '农安县', 800, 400, 50, 50]])],
    code: 'period.missing',
    sheet: '表1',
    cell: 'A1',
  },
  {
    name: 'a cutoff that is not a date (2018年9月31日)',
    sheets: [sheet1([['填报单位：农安县', '截止日期：2018年9月31日'], H1, [1, '农安县', 800, 400, 50, 50]])],
    code: 'date.invalid',
    sheet: '表1',
    cell: 'B1',
  },
  {
    name: 'no unit anywhere',
    sheets: [sheet1([['截止日期：2018年9月30日'], ['年度计划', '累计开工'], [800, 400]])],
    code: 'unit.missing',
    sheet: '表1',
  },
  {
    name: 'no recognisable table',
    sheets: [{ name: 'Sheet1', rows: [['会议纪要'], ['时间', '地点'], ['上午', '三楼']] }],
    code: 'table.none',
  },
  {
    name: 'the same table twice',
    sheets: [...standardReturn(), { ...startSheet(), name: '表1副本' }],
    code: 'table.duplicate',
    sheet: '表1副本',
  },
  {
    name: 'a unit twice in a one-row table',
    sheets: [sheet1([KV, H1, [1, '农安县', 800, 400, 50, 50], [2, '农安县', 1, 1, 0, 100]])],
    code: 'rows.many',
    sheet: '表1',
    cell: 'B4',
  },
];

describe('readReturn refuses the whole file, naming file, sheet, cell and reason', () => {
  it.each(BOOK_TYPES.flatMap((bt) => errorCases.map((c) => [bt, c.name, c] as const)))(
    '%s: %s',
    (bookType, _n, c) => {
      const file = `农安县-测试.${bookType}`;
      const result = read(c.sheets, bookType, file);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const issue = result.issues.find((i) => i.severity === 'error');
      expect(issue).toMatchObject({ code: c.code, file, severity: 'error' });
      expect(issue?.sheet).toBe(c.sheet);
      expect(issue?.cell).toBe(c.cell);
      expect(issue?.message).toContain(file);
      if (c.sheet) expect(issue?.message).toContain(c.sheet);
      if (c.cell) expect(issue?.message).toContain(c.cell);
      if (c.text) expect(issue?.message).toMatch(c.text);
    },
  );

  it('lists only errors for a refused file: no warning drawn from a figure that failed to read', () => {
    // 万套 that is not a whole 套 leaves the plan unread; "started above plan" would be a false alarm.
    const sheets = [
      sheet1([KV, ['序号', '市县', '年度计划（万套）', '累计开工（套）'], [1, '农安县', 0.08005, 3]]),
    ];
    const result = read(sheets);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.severity, i.code])).toEqual([['error', 'number.fraction']]);
  });
});

interface WarningCase {
  name: string;
  sheets: SheetSpec[];
  code: string;
  sheet?: string;
  cell?: string;
  check?: Pick;
  expected?: unknown;
}

const warningCases: WarningCase[] = [
  {
    name: 'a 合计 row that is not the sum of its rows (the rows win)',
    sheets: withSheet(standardReturn(), loanSheet({}, undefined, [null, '合计', 3.5, 0.1, 2.26, 0])),
    code: 'total.mismatch',
    sheet: '表2',
    cell: 'C6',
    check: (r) => r.tables.loan?.banks.reduce((a, b) => a + b.credit, 0),
    expected: 346_000_000,
  },
  {
    name: '表3 合计 ≠ 征收 + 拆迁',
    sheets: withSheet(standardReturn(), expropriationSheet({}, [1, '农安县', 700, 342, 8, 351, 41])),
    code: 'sum.mismatch',
    sheet: '表3',
    cell: 'F4',
    check: (r) => [r.tables.expropriation?.expropriated, r.tables.expropriation?.demolished],
    expected: [342, 8],
  },
  {
    name: 'a declared 开工率 off by more than 0.1 point',
    sheets: withSheet(standardReturn(), startSheet({}, [1, '农安县', 800, 400, 50, 50.2])),
    code: 'rate.mismatch',
    sheet: '表1',
    cell: 'F4',
  },
  {
    name: 'a declared 分配率 off by more than 0.1 point',
    sheets: withSheet(
      standardReturn(),
      publicRentalSheet({}, [1, '农安县', 9260, 7279, 80, 300, 0, 0, 72.2]),
    ),
    code: 'rate.mismatch',
    sheet: '表5',
    cell: 'E4',
  },
  {
    name: 'a declared 本年任务完成率 off by more than 0.1 point',
    sheets: withSheet(
      standardReturn(),
      publicRentalSheet({}, [1, '农安县', 9260, 7279, 78.61, 300, 150, 30, 72.2]),
    ),
    code: 'rate.mismatch',
    sheet: '表5',
    cell: 'H4',
  },
  {
    name: 'started above plan',
    sheets: withSheet(standardReturn(), startSheet({}, [1, '农安县', 800, 900, 50, 112.5])),
    code: 'figure.aboveOther',
    sheet: '表1',
    cell: 'D4',
  },
  {
    name: 'allocated above raised',
    sheets: withSheet(standardReturn(), publicRentalSheet({}, [1, '农安县', 100, 120, 120, 0, 0, null, 90])),
    code: 'figure.aboveOther',
    sheet: '表5',
    cell: 'D4',
  },
  {
    name: 'a 本月 figure above its cumulative figure',
    sheets: withSheet(standardReturn(), startSheet({}, [1, '农安县', 800, 40, 50, 5])),
    code: 'month.aboveTotal',
    sheet: '表1',
    cell: 'E4',
  },
  {
    name: 'a 本月新增发放 above 本年发放',
    sheets: withSheet(standardReturn(), loanSheet({}, [[1, '国开行', 1, 0, 0.5, 0.6]], [])),
    code: 'month.aboveTotal',
    sheet: '表2',
    cell: 'F4',
  },
  {
    name: 'a table missing from the workbook',
    sheets: standardReturn().filter((s) => s.name !== '表4'),
    code: 'table.missing',
    check: (r) => Object.keys(r.tables).sort(),
    expected: ['expropriation', 'loan', 'publicRental', 'start'],
  },
];

describe('readReturn reads the file and warns', () => {
  it.each(BOOK_TYPES.flatMap((bt) => warningCases.map((c) => [bt, c.name, c] as const)))(
    '%s: %s',
    (bookType, _n, c) => {
      const result = read(c.sheets, bookType);
      if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
      expect(result.warnings.map((w) => w.code)).toEqual([c.code]);
      const [warning] = result.warnings;
      expect(warning?.severity).toBe('warning');
      expect([warning?.sheet, warning?.cell]).toEqual([c.sheet, c.cell]);
      if (c.check) expect(c.check(result.returns[0] as ParsedReturn)).toEqual(c.expected);
    },
  );

  it('takes a lone 全县 line as the unit’s own figures, without a total warning', () => {
    const result = read(withSheet(standardReturn(), startSheet({}, [null, '全县', 800, 400, 50, 50])));
    expect(result.ok && result.warnings).toEqual([]);
  });

  it('accepts a declared rate within rounding (41.6% for 416/1000, 41.7% for 4167/10000)', () => {
    for (const row of [
      [1, '农安县', 1000, 416, 0, 41.6],
      [1, '农安县', 10000, 4167, 0, 41.7],
      [1, '农安县', 3, 1, 0, 33.3],
    ]) {
      const result = read(withSheet(standardReturn(), startSheet({}, row)));
      expect(result.ok && result.warnings).toEqual([]);
    }
  });
});

describe('readReturn on CSV', () => {
  const csv = [
    '2018年1-9月棚户区改造开工进展情况（表1）',
    '填报单位：农安县,,截止日期：2018年9月30日',
    '序号,市县,年度计划（套）,累计开工（套）,其中：本月开工（套）,开工率（%）',
    '1,农安县,"1,200",600,0,50%',
  ].join('\r\n');

  it('reads UTF-8 with a BOM', () => {
    const bytes = new TextEncoder().encode(`\ufeff${csv}`);
    const ret = only(readReturn(bytes, '农安县.csv'));
    expect([ret.tables.start?.plan, ret.tables.start?.started, ret.tables.start?.declaredRate]).toEqual([
      1200, 600, 5000,
    ]);
  });

  it('reads GBK (what Chinese Excel saves)', async () => {
    const cptable = (await import('xlsx/dist/cpexcel.full.mjs')) as unknown as {
      utils: { encode: (cp: number, text: string) => number[] | Uint8Array };
    };
    const bytes = Uint8Array.from(cptable.utils.encode(936, csv));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const ret = only(readReturn(bytes, '农安县.csv'));
    expect([ret.unitId, ret.tables.start?.plan]).toEqual(['220122', 1200]);
  });
});
