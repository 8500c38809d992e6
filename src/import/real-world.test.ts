// The reader against what hand-typed Excel/WPS returns really show, beyond the template: key–value wordings
// (截至, 单位（盖章）, a value below its key), periods only in a title, headers split over rows or with notes,
// figures with units or marks typed in, explanatory sheets, two units in one file, .et and CSV variants.
// Every file is built here (xlsx and xls) and read from its bytes.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { ParsedReturn, ReadResult } from '../domain/types';
import { readReturn } from './read-return';
import type { BookType, SheetSpec } from './test-workbooks';
import {
  buildWorkbook,
  carryOverSheet,
  expropriationSheet,
  loanSheet,
  publicRentalSheet,
  standardReturn,
  workbookBytes,
} from './test-workbooks';

const BOOK_TYPES: BookType[] = ['xlsx', 'xls'];

const NONG_AN = '220122';
const DE_HUI = '220183';

function read(sheets: SheetSpec[], bookType: BookType = 'xlsx', name = `农安县.${bookType}`): ReadResult {
  return readReturn(workbookBytes(sheets, bookType), name);
}

function returnsOf(result: ReadResult): ParsedReturn[] {
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
  return result.returns;
}

/** A 表1 sheet of the given rows. */
function t1(rows: unknown[][], extra: Partial<SheetSpec> = {}): SheetSpec {
  return { name: '表1', rows, ...extra };
}

const TITLE = ['2018年1-9月棚户区改造开工进展情况（表1）'];
const BARE_TITLE = ['棚户区改造开工进展情况（表1）'];
const KV = ['填报单位：农安县', null, '截止日期：2018年9月30日'];
// No 市县 column: the unit can only come from the key–value cells, so a case shows they were read.
const HEAD = ['序号', '年度计划（套）', '累计开工（套）', '其中：本月开工（套）', '开工率（%）', '备注'];
const ROW = [1, 800, 400, 50, 50, ''];

type Pick = (returns: ParsedReturn[]) => unknown;
/** Unit, period and cutoff of the only return. */
const who: Pick = (rs) => rs.map((r) => [r.unitId, r.period, r.cutoff]);
/** Plan, started, month, declared rate of each return's 表1. */
const start: Pick = (rs) =>
  rs.map((r) => {
    const s = r.tables.start;
    return s && [s.plan, s.started, s.startedMonth, s.declaredRate];
  });
const banks: Pick = (rs) =>
  rs.map((r) =>
    r.tables.loan?.banks.map((b) => [b.bank, b.credit, b.creditMonth, b.disbursed, b.disbursedMonth]),
  );
const rental: Pick = (rs) =>
  rs.map((r) => {
    const p = r.tables.publicRental;
    return p && [p.raised, p.allocated, p.declaredRate, p.lastYearRate];
  });
const projects: Pick = (rs) =>
  rs.map((r) => r.tables.carryOver?.map((p) => [p.name, p.households, p.unfinished, p.plannedFinish]));
const expropriation: Pick = (rs) =>
  rs.map((r) => {
    const e = r.tables.expropriation;
    return e && [e.plan, e.expropriated, e.demolished, e.doneMonth];
  });

const SEPT = [[NONG_AN, '2018-09', '2018-09-30']];
const SEPT_25 = [[NONG_AN, '2018-09', '2018-09-25']];

const keyValueCases: [string, SheetSpec[], Pick, unknown][] = [
  ['填报单位（盖章）：', [t1([TITLE, ['填报单位（盖章）：农安县'], HEAD, ROW])], who, SEPT],
  ['单位（盖章）： names the reporting unit', [t1([TITLE, ['单位（盖章）：农安县'], HEAD, ROW])], who, SEPT],
  [
    '单位：农安县 names the reporting unit, not a measure',
    [t1([TITLE, ['单位：农安县'], HEAD, ROW])],
    who,
    SEPT,
  ],
  [
    '报送单位： and 截至日期：2018年09月25日',
    [t1([BARE_TITLE, ['报送单位：农安县', '截至日期：2018年09月25日'], HEAD, ROW])],
    who,
    SEPT_25,
  ],
  [
    '填报单位 with the filling office and a seal note: 农安县住建局（盖章）',
    [t1([TITLE, ['填报单位：农安县住建局（盖章）'], HEAD, ROW])],
    who,
    SEPT,
  ],
  [
    'a unit and a filing date in one cell: 填报单位：农安县    填报日期：2018年10月8日',
    [t1([TITLE, ['填报单位：农安县    填报日期：2018年10月8日'], HEAD, ROW])],
    who,
    SEPT,
  ],
  [
    'a seal date after the unit: 填报单位：农安县人民政府（盖章）  2018年10月8日',
    [t1([TITLE, ['填报单位：农安县人民政府（盖章）  2018年10月8日'], HEAD, ROW])],
    who,
    SEPT,
  ],
  [
    '市县 cells with note markers (农安县*, 德惠市（注1）) in a combined return',
    [
      t1([
        TITLE,
        ['填报单位：长春市', '截止日期：2018年9月30日'],
        ['序号', '市县', '年度计划（套）', '累计开工（套）'],
        [1, '农安县*', 800, 400],
        [2, '德惠市（注1）', 600, 300],
      ]),
    ],
    (rs) => rs.map((r) => r.unitId),
    [NONG_AN, DE_HUI],
  ],
  ['填报单位：农安县（公章）', [t1([TITLE, ['填报单位：农安县（公章）'], HEAD, ROW])], who, SEPT],
  [
    '填报单位：农安县房屋征收管理办公室',
    [t1([TITLE, ['填报单位：农安县房屋征收管理办公室'], HEAD, ROW])],
    who,
    SEPT,
  ],
  ['填报单位: with a half-width colon', [t1([TITLE, ['填报单位:农安县'], HEAD, ROW])], who, SEPT],
  ['单位名称：', [t1([TITLE, ['单位名称：农安县'], HEAD, ROW])], who, SEPT],
  [
    'values three cells to the right of their keys; 截至： alone',
    [t1([BARE_TITLE, ['填报单位：', null, null, '农安县', '截至：', null, '2018/9/25'], HEAD, ROW])],
    who,
    SEPT_25,
  ],
  [
    'values in the cells below their keys',
    [t1([BARE_TITLE, ['填报单位：', '截止日期：'], ['农安县', '2018年9月25日'], HEAD, ROW])],
    who,
    SEPT_25,
  ],
  [
    'keys without colons and values below them',
    [t1([BARE_TITLE, ['填报单位', '截止日期'], ['农安县', '2018-09-25'], HEAD, ROW])],
    who,
    SEPT_25,
  ],
  [
    '截至：2018/9/25 in one cell',
    [t1([BARE_TITLE, ['填报单位：农安县', '截至：2018/9/25'], HEAD, ROW])],
    who,
    SEPT_25,
  ],
  [
    '统计截止时间 alone, its value 2018.09 in the next cell',
    [t1([BARE_TITLE, ['单位名称：农安县', '统计截止时间', '2018.09'], HEAD, ROW])],
    who,
    SEPT,
  ],
  [
    '数据截止： with a date typed with spaces',
    [t1([BARE_TITLE, ['填报单位：农安县', '数据截止：2018 年 9 月 25 日'], HEAD, ROW])],
    who,
    SEPT_25,
  ],
  [
    '截止日期：2018年9月末',
    [t1([BARE_TITLE, ['填报单位：农安县', '截止日期：2018年9月末'], HEAD, ROW])],
    who,
    SEPT,
  ],
  [
    'a text date with spaces around its dashes',
    [t1([BARE_TITLE, ['填报单位：农安县', '截止日期：', ' 2018 - 09 - 25 '], HEAD, ROW])],
    who,
    SEPT_25,
  ],
  [
    'a cutoff typed as 2018-9 that Excel made a month-formatted date: the month’s last day',
    [
      t1([BARE_TITLE, ['填报单位：农安县', '截止日期：', 43344], HEAD, ROW], {
        formats: { C2: 'yyyy"年"m"月"' },
      }),
    ],
    who,
    SEPT,
  ],
  [
    '截止日期：2018年9月25日止 and a two-digit year 18年',
    [
      t1([BARE_TITLE, ['填报单位：农安县', '截止日期：2018年9月25日止'], HEAD, ROW]),
      { ...expropriationSheet({ cutoff: '18年9月25日', title: '房屋征收进展情况（表3）' }) },
    ],
    who,
    SEPT_25,
  ],
  [
    '截止日期：9月25日 without its year takes the title’s year',
    [t1([TITLE, ['填报单位：农安县', '截止日期：9月25日'], HEAD, ROW])],
    who,
    SEPT_25,
  ],
  [
    'a submission deadline in the block (报送截止时间：每月5日前) is no cutoff',
    [t1([TITLE, ['填报单位：农安县', '报送截止时间：每月5日前'], HEAD, ROW])],
    who,
    SEPT,
  ],
  [
    'a period where the date belongs: 截止日期：2018年1-9月',
    [t1([BARE_TITLE, ['填报单位：农安县', '截止日期：2018年1-9月'], HEAD, ROW])],
    who,
    SEPT,
  ],
  [
    'a cutoff not at a month end, as a real Excel date: still that month',
    [t1([BARE_TITLE, ['填报单位：农安县', '截止日期：', 43368], HEAD, ROW], { formats: { C2: 'yyyy/m/d' } })],
    who,
    SEPT_25,
  ],
];

const periodCases: [string, SheetSpec[], Pick, unknown][] = [
  [
    'title 2018年1—9月 (em dash)',
    [t1([['2018年1—9月棚户区改造开工进展情况'], ['填报单位：农安县'], HEAD, ROW])],
    who,
    SEPT,
  ],
  [
    'title 2018年1～9月 (full-width tilde)',
    [t1([['2018年1～9月棚改开工情况'], ['填报单位：农安县'], HEAD, ROW])],
    who,
    SEPT,
  ],
  [
    'title 2018年1——9月 (doubled dash)',
    [t1([['2018年1——9月棚改开工情况'], ['填报单位：农安县'], HEAD, ROW])],
    who,
    SEPT,
  ],
  [
    'title 2018年前三季度 (January–September)',
    [t1([['2018年前三季度棚户区改造开工进展情况'], ['填报单位：农安县'], HEAD, ROW])],
    who,
    SEPT,
  ],
  [
    'a subtitle line （截至2018年9月30日）',
    [t1([BARE_TITLE, ['（截至2018年9月30日）'], ['填报单位：农安县'], HEAD, ROW])],
    who,
    SEPT,
  ],
];

const headerCases: [string, SheetSpec[], Pick, unknown][] = [
  [
    'units in a row of their own under the header, no merges',
    [
      t1([
        TITLE,
        KV,
        ['序号', '年度计划', '累计开工', '其中：本月开工', '开工率', '备注'],
        [null, '（套）', '（套）', '（套）', '（%）'],
        ROW,
      ]),
    ],
    start,
    [[800, 400, 50, 5000]],
  ],
  [
    'a units row of bare 万套 under the header converts',
    [
      t1([
        TITLE,
        KV,
        ['序号', '年度计划', '累计开工', '其中：本月开工'],
        [null, '万套', '万套', '万套'],
        [1, 0.08, 0.04, 0.005],
      ]),
    ],
    start,
    [[800, 400, 50, null]],
  ],
  [
    'header words split over two rows without merges (年度 | 计划（套）)',
    [
      t1([
        TITLE,
        KV,
        ['序号', '年度', '累计', '其中：本月', '开工率', '备注'],
        [null, '计划（套）', '开工（套）', '开工（套）', '（%）'],
        ROW,
      ]),
    ],
    start,
    [[800, 400, 50, 5000]],
  ],
  [
    'months named instead of 累计/本月: 1-9月累计开工, 其中：9月开工',
    [
      t1([
        TITLE,
        KV,
        ['序号', '年度计划（套）', '1-9月累计开工（套）', '其中：9月开工（套）', '开工率（%）'],
        ROW,
      ]),
    ],
    start,
    [[800, 400, 50, 5000]],
  ],
  [
    'cumulative said as 截至9月底 and 本年累计, the plan as 全年计划, the rate as 累计开工率',
    [
      t1([
        TITLE,
        KV,
        ['序号', '全年计划（套）', '截至9月底累计开工（套）', '9月新开工（套）', '累计开工率（%）'],
        ROW,
      ]),
    ],
    start,
    [[800, 400, 50, 5000]],
  ],
  [
    '表1 headers 9月末累计开工 and 计划开工',
    [t1([TITLE, KV, ['序号', '计划开工（套）', '9月末累计开工（套）'], [1, 800, 400]])],
    start,
    [[800, 400, null, null]],
  ],
  [
    '表2 headers 本年累计授信, 本年累计发放贷款',
    [
      {
        ...loanSheet({}, [[1, '国开行', 1.2, 0.2, 0.5, 0.1, '']], [null, '合计', 1.2, 0.2, 0.5, 0.1, '']),
        rows: loanSheet(
          {},
          [[1, '国开行', 1.2, 0.2, 0.5, 0.1, '']],
          [null, '合计', 1.2, 0.2, 0.5, 0.1, ''],
        ).rows.map((r, i) =>
          i === 2
            ? [
                '序号',
                '贷款银行',
                '本年累计授信（亿元）',
                '9月新增授信',
                '本年累计发放贷款（亿元）',
                '9月新增发放',
              ]
            : r,
        ),
      },
    ],
    banks,
    [[['国家开发银行', 120_000_000, 20_000_000, 50_000_000, 10_000_000]]],
  ],
  [
    '表3 and 表5 headers with a count word or other wording: 累计完成征收户数, 累计筹集房源, 已分配入住, 本年计划分配',
    [
      {
        ...expropriationSheet(),
        rows: expropriationSheet().rows.map((r, i) =>
          i === 2
            ? [
                '序号',
                '市县',
                '年度征收任务（户）',
                '累计完成征收户数',
                '累计完成拆迁户数',
                '合计（户）',
                '9月完成（户）',
              ]
            : r,
        ),
      },
      {
        ...publicRentalSheet(),
        rows: publicRentalSheet().rows.map((r, i) =>
          i === 2
            ? [
                '序号',
                '市县',
                '累计筹集房源（套）',
                '已分配入住（套）',
                '分配率（%）',
                '本年计划分配（套）',
                '本年已分配（套）',
              ]
            : i === 3
              ? r.slice(0, 7)
              : r,
        ),
      },
    ],
    (rs) => [
      expropriation(rs),
      rs.map(
        (r) =>
          r.tables.publicRental && [
            r.tables.publicRental.raised,
            r.tables.publicRental.allocated,
            r.tables.publicRental.yearTask,
          ],
      ),
    ],
    [[[700, 342, 8, 41]], [[9260, 7279, 300]]],
  ],
  [
    'a year named in the plan and a month in the increase: 2018年度计划, 9月份新开工',
    [t1([TITLE, KV, ['序号', '2018年度计划（套）', '累计开工（套）', '9月份新开工（套）'], ROW.slice(0, 4)])],
    start,
    [[800, 400, 50, null]],
  ],
  [
    '表2 month sub-headers named 9月 under merged groups',
    [
      {
        name: '表2',
        rows: [
          ['2018年1-9月棚改贷款进展情况（表2）'],
          ['填报单位：农安县', '截止日期：2018年9月30日', '单位：亿元'],
          ['序号', '贷款银行', '授信额度', null, '发放贷款', null],
          [null, null, '1-9月', '9月', '1-9月', '9月'],
          [1, '国开行', 1.2, 0.2, 0.5, 0.1],
        ],
        merges: ['C3:D3', 'E3:F3', 'A3:A4', 'B3:B4'],
      },
    ],
    banks,
    [[['国家开发银行', 120_000_000, 20_000_000, 50_000_000, 10_000_000]]],
  ],
  [
    'three header rows: merged groups, sub-headers, then a row of units',
    [
      t1(
        [
          TITLE,
          ['填报单位：农安县'],
          ['序号', '年度计划', '开工', null, '开工率'],
          [null, null, '累计', '其中：本月', null],
          [null, '万套', '万套', '万套', '%'],
          [1, 0.08, 0.04, 0.005, 50],
        ],
        { merges: ['C3:D3', 'A3:A4', 'B3:B4', 'E3:E4'] },
      ),
    ],
    start,
    [[800, 400, 50, 5000]],
  ],
  [
    'the unit only in the 单位 cell (单位：万套)',
    [
      t1([
        TITLE,
        ['填报单位：农安县', '截止日期：2018年9月30日', '单位：万套'],
        ['序号', '年度计划', '累计开工', '本月开工'],
        [1, 0.08, 0.04, 0.005],
      ]),
    ],
    start,
    [[800, 400, 50, null]],
  ],
  [
    'header notes (注1, *, （注2）) after the unit',
    [
      t1([
        TITLE,
        KV,
        ['序号', '年度计划（套）注1', '累计开工（套）*', '本月开工（套）（注2）', '开工率（%）※'],
        [1, 800, 400, 50, 50],
      ]),
    ],
    start,
    [[800, 400, 50, 5000]],
  ],
  [
    'columns in another order, 完成比例 for the rate, extra columns 责任单位, 联系人 and no 序号',
    [
      t1([
        TITLE,
        KV,
        ['联系人', '累计开工（套）', '责任单位', '年度计划（套）', '完成比例', '其中：本月开工（套）'],
        ['张三', 400, '住建局', 800, '50%', 50],
      ]),
    ],
    start,
    [[800, 400, 50, 5000]],
  ],
  [
    'a combined return whose unit column is 县（市、区）',
    [
      t1([
        TITLE,
        ['填报单位：长春市', '截止日期：2018年9月30日'],
        ['序号', '县（市、区）', '年度计划（套）', '累计开工（套）'],
        [1, '农安县', 800, 400],
        [2, '德惠市', 600, 300],
      ]),
    ],
    (rs) => rs.map((r) => [r.unitId, r.tables.start?.plan]),
    [
      [NONG_AN, 800],
      [DE_HUI, 600],
    ],
  ],
  [
    'a combined return whose unit column is 市（县、区）',
    [
      t1([
        TITLE,
        ['填报单位：长春市', '截止日期：2018年9月30日'],
        ['序号', '市（县、区）', '年度计划（套）', '累计开工（套）'],
        [1, '农安县', 800, 400],
        [2, '德惠市', 600, 300],
      ]),
    ],
    (rs) => rs.map((r) => r.unitId),
    [NONG_AN, DE_HUI],
  ],
  [
    '表2 with its bank column called 金融机构名称',
    [loanSheet({}, [[1, '国开行', 1.2, 0, 0.5, 0, '']], [null, '合计', 1.2, 0, 0.5, 0, ''])].map((s) => ({
      ...s,
      rows: s.rows.map((r, i) => (i === 2 ? ['序号', '金融机构名称', ...r.slice(2)] : r)),
    })),
    banks,
    [[['国家开发银行', 120_000_000, 0, 50_000_000, 0]]],
  ],
  [
    '表5 分配率 as a fraction in a % cell, 上年同期 as text 95.06%',
    [
      {
        ...publicRentalSheet({}, [1, '农安县', 9260, 7279, 0.7861, 300, 0, 0, '95.06%']),
        formats: { E4: '0.00%' },
      },
    ],
    rental,
    [[9260, 7279, 7861, 9506]],
  ],
];

const bodyCases: [string, SheetSpec[], Pick, unknown][] = [
  [
    'figures with their unit typed in: 0.12万, 1,200 套, 50（套）',
    [t1([TITLE, KV, HEAD, [1, '0.12万', '1,200 套', '50（套）']])],
    start,
    [[1200, 1200, 50, null]],
  ],
  [
    'money with its unit typed in: 12.5亿元, 12.5亿, 5000万元, 1000万 in a 亿元 column',
    [
      loanSheet(
        {},
        [[1, '国开行', '12.5亿元', '0.5亿', '5000万元', '1000万', '']],
        [null, '合计', 12.5, 0.5, 0.5, 0.1, ''],
      ),
    ],
    banks,
    [[['国家开发银行', 1_250_000_000, 50_000_000, 50_000_000, 10_000_000]]],
  ],
  [
    'the loan need with its unit typed in: 本年棚改需贷款：12.5亿元',
    [
      {
        ...loanSheet({}, [[1, '国开行', 1.2, 0, 0.5, 0, '']], [null, '合计', 1.2, 0, 0.5, 0, '']),
        rows: loanSheet({}, [[1, '国开行', 1.2, 0, 0.5, 0, '']], [null, '合计', 1.2, 0, 0.5, 0, '']).rows.map(
          (r, i) =>
            i === 1 ? ['填报单位：农安县', '截止日期：2018年9月30日', '本年棚改需贷款：12.5亿元'] : r,
        ),
      },
    ],
    (rs) => rs.map((r) => r.tables.loan?.need),
    [1_250_000_000],
  ],
  [
    '表3 households typed as 1,200 户',
    [expropriationSheet({}, [1, '农安县', '1,200 户', '342户', 8, 350, 41, ''])],
    expropriation,
    [[1200, 342, 8, 41]],
  ],
  [
    'a leading apostrophe, non-breaking and full-width spaces, full-width digits',
    [t1([TITLE, KV, HEAD, [1, "'800", '\u00a0400\u00a0', '\u3000５０\u3000']])],
    start,
    [[800, 400, 50, null]],
  ],
  [
    '１，２００ in full-width digits and comma',
    [t1([TITLE, KV, HEAD, [1, '１，２００', '６００']])],
    start,
    [[1200, 600, 0, null]],
  ],
  [
    'marks for none: /, 无, 暂无, —, －, 0.00 read as zero',
    [
      t1([TITLE, KV, [...HEAD, '其他'], [1, 800, '/', '无', '—', '']]),
      { ...publicRentalSheet({}, [1, '农安县', '－', '0.00', '暂无', '/', '无', '', '']) },
    ],
    (rs) => [start(rs), rs[0]?.tables.publicRental?.raised, rs[0]?.tables.publicRental?.allocated],
    [[[800, 0, 0, null]], 0, 0],
  ],
  [
    'negative zero, typed and as a number',
    [t1([TITLE, KV, HEAD, [1, 800, '-0', -0]])],
    start,
    [[800, 0, 0, null]],
  ],
  [
    'money in 亿元 with four decimals converts to whole yuan',
    [loanSheet({}, [[1, '国开行', 12.3456, 0.0001, 0, 0, '']], [null, '合计', 12.3456, 0.0001, 0, 0, ''])],
    banks,
    [[['国家开发银行', 1_234_560_000, 10_000, 0, 0]]],
  ],
  [
    'blank rows between data rows and a 合计 row above them in a combined return',
    [
      t1([
        TITLE,
        ['填报单位：长春市', '截止日期：2018年9月30日'],
        ['序号', '市县', '年度计划（套）', '累计开工（套）'],
        [null, '合计', 1400, 700],
        [],
        [1, '农安县', 800, 400],
        [],
        [],
        [2, '德惠市', 600, 300],
      ]),
    ],
    (rs) => rs.map((r) => [r.unitId, r.tables.start?.plan, r.tables.start?.started]),
    [
      [NONG_AN, 800, 400],
      [DE_HUI, 600, 300],
    ],
  ],
  [
    '小计 lines of a prefecture in a combined return are no unit',
    [
      t1([
        TITLE,
        ['填报单位：长春市', '截止日期：2018年9月30日'],
        ['序号', '市县', '年度计划（套）', '累计开工（套）'],
        [1, '农安县', 800, 400],
        [2, '德惠市', 600, 300],
        [null, '长春市小计', 1400, 700],
        [null, '总计', 1400, 700],
      ]),
    ],
    (rs) => rs.map((r) => r.unitId),
    [NONG_AN, DE_HUI],
  ],
  [
    '计划完成时间 as real dates: a month format reads 2018年12月, a day format 2018年12月31日',
    [
      {
        ...carryOverSheet({}, [
          [1, '农安县', '光明片区', 156, 45, '补偿未谈妥', 43435],
          [2, '农安县', '和平片区', 478, 152, '房源不足', 43465],
        ]),
        formats: { G4: 'yyyy"年"m"月"', G5: 'yyyy/m/d' },
      },
    ],
    projects,
    [
      [
        ['光明片区', 156, 45, '2018年12月'],
        ['和平片区', 478, 152, '2018年12月31日'],
      ],
    ],
  ],
];

/** A 填表说明 sheet that repeats the header (with its column numbers typed as text) to explain it. */
const explanationSheet: SheetSpec = {
  name: '填表说明',
  rows: [
    ['填表说明'],
    ['1、本表按月填报，数字为本年1月1日至截止日期的累计数。'],
    ['序号', '市县', '年度计划（套）', '累计开工（套）', '其中：本月开工（套）', '开工率（%）'],
    ['甲', '乙', '1', '2', '3', '4'],
    ['2、“累计开工”指本年已开工的套数；“开工率”＝累计开工÷年度计划。'],
  ],
};

const workbookCases: [string, SheetSpec[], Pick, unknown][] = [
  [
    'a 填表说明 sheet before the tables, repeating a header with table words',
    [explanationSheet, ...standardReturn()],
    (rs) => [who(rs), start(rs)],
    [SEPT, [[800, 400, 50, 5000]]],
  ],
  [
    'a 填表说明 sheet after the tables',
    [...standardReturn(), explanationSheet],
    start,
    [[800, 400, 50, 5000]],
  ],
  ['an empty 表4: no projects', [carryOverSheet({}, [])], projects, [[]]],
];

const NS = 'http://schemas.openxmlformats.org';

/** Add a chart sheet (开工图) as the first sheet of an .xlsx: chartsheet → drawing → bar chart of 表1. */
function withChartSheet(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const edit = (path: string, change: (text: string) => string) => {
    files[path] = strToU8(change(strFromU8(files[path] as Uint8Array)));
  };
  const rel = (type: string, target: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${NS}/package/2006/relationships"><Relationship Id="rId1" Type="${NS}/officeDocument/2006/relationships/${type}" Target="${target}"/></Relationships>`;
  edit('xl/workbook.xml', (t) =>
    t.replace('<sheets>', '<sheets><sheet name="开工图" sheetId="99" r:id="rId99"/>'),
  );
  edit('xl/_rels/workbook.xml.rels', (t) =>
    t.replace(
      '</Relationships>',
      `<Relationship Id="rId99" Type="${NS}/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`,
    ),
  );
  edit('[Content_Types].xml', (t) =>
    t.replace(
      '</Types>',
      '<Override PartName="/xl/chartsheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"/>' +
        '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
        '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>',
    ),
  );
  files['xl/chartsheets/sheet1.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><chartsheet xmlns="${NS}/spreadsheetml/2006/main" xmlns:r="${NS}/officeDocument/2006/relationships"><sheetViews><sheetView workbookViewId="0"/></sheetViews><drawing r:id="rId1"/></chartsheet>`,
  );
  files['xl/chartsheets/_rels/sheet1.xml.rels'] = strToU8(rel('drawing', '../drawings/drawing1.xml'));
  files['xl/drawings/drawing1.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><xdr:wsDr xmlns:xdr="${NS}/drawingml/2006/spreadsheetDrawing" xmlns:a="${NS}/drawingml/2006/main" xmlns:c="${NS}/drawingml/2006/chart" xmlns:r="${NS}/officeDocument/2006/relationships"><xdr:absoluteAnchor><xdr:pos x="0" y="0"/><xdr:ext cx="9000000" cy="6000000"/><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS}/drawingml/2006/chart"><c:chart r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:absoluteAnchor></xdr:wsDr>`,
  );
  files['xl/drawings/_rels/drawing1.xml.rels'] = strToU8(rel('chart', '../charts/chart1.xml'));
  files['xl/charts/chart1.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><c:chartSpace xmlns:c="${NS}/drawingml/2006/chart" xmlns:a="${NS}/drawingml/2006/main"><c:chart><c:title><c:tx><c:rich><a:p><a:r><a:t>棚户区改造开工进展情况（表1）</a:t></a:r></a:p></c:rich></c:tx></c:title><c:plotArea><c:barChart><c:barDir val="col"/><c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:strRef><c:f>表1!$C$3</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>年度计划（套）</c:v></c:pt></c:strCache></c:strRef></c:tx><c:val><c:numRef><c:f>表1!$C$4</c:f><c:numCache><c:ptCount val="1"/><c:pt idx="0"><c:v>800</c:v></c:pt></c:numCache></c:numRef></c:val></c:ser></c:barChart></c:plotArea></c:chart></c:chartSpace>`,
  );
  return zipSync(files);
}

describe('real-world returns are read', () => {
  const all = [
    ...keyValueCases.map((c) => ['key–value', ...c] as const),
    ...periodCases.map((c) => ['period', ...c] as const),
    ...headerCases.map((c) => ['header', ...c] as const),
    ...bodyCases.map((c) => ['body', ...c] as const),
    ...workbookCases.map((c) => ['workbook', ...c] as const),
  ];
  it.each(
    BOOK_TYPES.flatMap((bt) =>
      all.map(([group, name, sheets, pick, want]) => [bt, group, name, sheets, pick, want] as const),
    ),
  )('%s %s: %s', (bookType, _group, _name, sheets, pick, want) => {
    const result = read(sheets, bookType);
    const returns = returnsOf(result);
    expect(pick(returns)).toEqual(want);
    if (result.ok) {
      // Nothing to warn about but the tables the case leaves out.
      expect(result.warnings.filter((w) => w.code !== 'table.missing').map((w) => w.message)).toEqual([]);
    }
  });

  it('a hidden column of figures under a header that names no field is refused at its header, never dropped', () => {
    const wb = buildWorkbook([
      t1([TITLE, KV, ['序号', '年度计划（套）', '旧数', '累计开工（套）'], [1, 800, 999, 400]]),
    ]);
    const ws = wb.Sheets.表1 as XLSX.WorkSheet;
    ws['!cols'] = [{}, {}, { hidden: true }, {}];
    const bytes = new Uint8Array(XLSX.write(wb, { bookType: 'xlsx', type: 'array' }) as ArrayBuffer);
    const result = readReturn(bytes, '农安县.xlsx');
    expect(result.ok ? [] : result.issues.map((i) => [i.code, i.cell, i.text, i.table])).toEqual([
      ['column.unknown', 'C3', '旧数', 'start'],
    ]);
  });

  it('a chart sheet (with table words in its chart title) before the tables is passed over', () => {
    const bytes = withChartSheet(workbookBytes(standardReturn()));
    expect(XLSX.read(bytes, { type: 'array' }).SheetNames[0]).toBe('开工图');
    const result = readReturn(bytes, '农安县.xlsx');
    expect([who(returnsOf(result)), start(returnsOf(result))]).toEqual([SEPT, [[800, 400, 50, 5000]]]);
    expect(result.ok && result.warnings).toEqual([]);
  });

  it('a WPS .et name on a workbook SheetJS can read is read', () => {
    const bytes = workbookBytes(standardReturn(), 'xls');
    expect(who(returnsOf(readReturn(bytes, '农安县.et')))).toEqual(SEPT);
  });
});

describe('real-world CSV files', () => {
  const lines = [
    ['填报单位：农安县', '截止日期：2018年9月30日'],
    ['序号', '市县', '年度计划（套）', '累计开工（套）', '其中：本月开工（套）'],
    ['1', '农安县', '800', '400', '50'],
  ];
  it.each([
    ['semicolons', ';', '农安县.csv'],
    ['tabs', '\t', '农安县.csv'],
    ['tabs in a .txt', '\t', '农安县.txt'],
  ])('separated by %s', (_n, sep, name) => {
    const text = lines.map((l) => l.join(sep)).join('\r\n');
    const rs = returnsOf(readReturn(new TextEncoder().encode(text), name));
    expect([who(rs), start(rs)]).toEqual([SEPT, [[800, 400, 50, null]]]);
  });

  it('a CSV of 表4 with a quoted comma in its reason', () => {
    const text = [
      '2018年1-9月拆迁结转项目未完成情况（表4）',
      '填报单位：农安县,截止日期：2018年9月30日',
      '序号,市县,项目名称,涉及户数,未完成拆迁户数,未完成原因,计划完成时间',
      '1,农安县,光明片区,156,45,"补偿标准未达成一致,协商中",2018年12月',
    ].join('\n');
    const rs = returnsOf(readReturn(new TextEncoder().encode(text), '农安县表4.csv'));
    expect(projects(rs)).toEqual([[['光明片区', 156, 45, '2018年12月']]]);
    expect(rs[0]?.tables.carryOver?.[0]?.reason).toBe('补偿标准未达成一致,协商中');
  });
});

interface Refusal {
  name: string;
  sheets: SheetSpec[];
  code: string;
  sheet?: string;
  cell?: string;
  text: RegExp;
}

const refusals: Refusal[] = [
  {
    name: '待统计 in a figure cell',
    sheets: [t1([TITLE, KV, HEAD, [1, 800, '待统计', 0]])],
    code: 'number.text',
    sheet: '表1',
    cell: 'C4',
    text: /“累计开工（套）”列的“待统计”不是数字。请填写数字/,
  },
  {
    name: '未统计 in a figure cell',
    sheets: [t1([TITLE, KV, HEAD, [1, '未统计', 400, 0]])],
    code: 'number.text',
    sheet: '表1',
    cell: 'B4',
    text: /“未统计”不是数字/,
  },
  {
    name: 'households typed in a 套 column',
    sheets: [t1([TITLE, KV, HEAD, [1, 800, '400户', 0]])],
    code: 'number.unit',
    sheet: '表1',
    cell: 'C4',
    text: /“400户”带的单位“户”与本列的单位不符/,
  },
  {
    name: '万元 typed in a count column',
    sheets: [t1([TITLE, KV, HEAD, [1, '12.5万元', 400, 0]])],
    code: 'number.unit',
    sheet: '表1',
    cell: 'B4',
    text: /“12.5万元”带的单位“万元”/,
  },
  {
    name: 'a figure too large to be a count',
    sheets: [t1([TITLE, KV, HEAD, [1, 1e20, 400, 0]])],
    code: 'number.tooLarge',
    sheet: '表1',
    cell: 'B4',
    text: /“年度计划（套）”列的“100000000000000000000”数字过大/,
  },
  {
    name: 'a figure in words that says it is an estimate (约800)',
    sheets: [t1([TITLE, KV, HEAD, [1, '约800', 400, 0]])],
    code: 'number.text',
    sheet: '表1',
    cell: 'B4',
    text: /“约800”不是数字/,
  },
  {
    name: 'a figure Excel turned into a date (9-30 typed into a count cell)',
    sheets: [t1([TITLE, KV, HEAD, [1, 800, 43373, 0]], { formats: { C4: 'm-d' } })],
    code: 'number.date',
    sheet: '表1',
    cell: 'C4',
    text: /“累计开工（套）”列的单元格是日期（2018-09-30），不是数字.*改为“常规”或“数值”/,
  },
  {
    name: 'a count typed into a percent-formatted cell (800 stored as 8, shown as 800%)',
    sheets: [t1([TITLE, KV, HEAD, [1, 8, 400, 0]], { formats: { B4: '0%' } })],
    code: 'number.percentFormat',
    sheet: '表1',
    cell: 'B4',
    text: /“年度计划（套）”列的单元格设置了百分比格式，显示为“800%”.*改为“常规”或“数值”/,
  },
  {
    name: 'a unit typed into a rate',
    sheets: [t1([TITLE, KV, HEAD, [1, 800, 400, 0, '50套']])],
    code: 'number.text',
    sheet: '表1',
    cell: 'E4',
    text: /“开工率（%）”列的“50套”不是数字/,
  },
  {
    name: 'a date that does not exist stays refused (not read as its month)',
    sheets: [t1([BARE_TITLE, ['填报单位：农安县', '截至：2018年9月31日'], HEAD, ROW])],
    code: 'date.invalid',
    sheet: '表1',
    cell: 'B2',
    text: /“2018年9月31日”不是有效的日期/,
  },
  {
    name: 'a filing date typed as the cutoff disagrees with the title, and the message says what to check',
    sheets: [t1([TITLE, ['填报单位：农安县', '截止日期：2018年10月8日'], HEAD, ROW])],
    code: 'period.mismatch',
    sheet: '表1',
    cell: 'A1',
    text: /报告期“2018年1-9月”与本表截止日期的“2018年1-10月”不一致.*不是填报日期/,
  },
  {
    name: 'a unit name whose first word is a unit but whose rest is not a date or seal (长春市 新区)',
    sheets: [t1([TITLE, ['填报单位：长春市 新区', '截止日期：2018年9月30日'], HEAD, ROW])],
    code: 'unit.unknown',
    sheet: '表1',
    cell: 'A2',
    text: /“长春市 新区”不是已知的填报单位/,
  },
  {
    name: 'a date without its year that does not exist in the title’s year (9月31日)',
    sheets: [t1([TITLE, ['填报单位：农安县', '截止日期：9月31日'], HEAD, ROW])],
    code: 'date.invalid',
    sheet: '表1',
    cell: 'B2',
    text: /“9月31日”不是有效的日期/,
  },
  {
    name: 'a date without its year and no title to take it from',
    sheets: [t1([BARE_TITLE, ['填报单位：农安县', '截止日期：9月31日'], HEAD, ROW])],
    code: 'period.missing',
    sheet: '表1',
    cell: 'A1',
    text: /找不到报告期/,
  },
  {
    name: 'no period anywhere: the sheet and its top cell are named, with the fix',
    sheets: [t1([BARE_TITLE, ['填报单位：农安县'], HEAD, ROW])],
    code: 'period.missing',
    sheet: '表1',
    cell: 'A1',
    text: /请在表头写上“截止日期：2018年9月30日”/,
  },
  {
    name: 'two units’ returns on separate sheets of one workbook',
    sheets: [
      ...standardReturn().map((s) => ({ ...s, name: `农安${s.name}` })),
      ...standardReturn({ unit: '德惠市' }).map((s) => ({ ...s, name: `德惠${s.name}` })),
    ],
    code: 'file.severalUnits',
    sheet: '德惠表1',
    cell: 'A2',
    text: /填报单位是“德惠市”，而工作表“农安表1”是“农安县”.*请把各单位的月报分别保存为单独的文件/,
  },
];

describe('real-world refusals name file, sheet, cell, reason and fix', () => {
  it.each(BOOK_TYPES.flatMap((bt) => refusals.map((c) => [bt, c.name, c] as const)))(
    '%s: %s',
    (bookType, _n, c) => {
      const file = `农安县.${bookType}`;
      const result = read(c.sheets, bookType, file);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.issues).toHaveLength(1);
      const issue = result.issues[0];
      expect(issue).toMatchObject({ code: c.code, file, sheet: c.sheet, cell: c.cell, severity: 'error' });
      expect(issue?.message).toContain(`文件“${file}”工作表“${c.sheet}”单元格 ${c.cell}：`);
      expect(issue?.message).toMatch(c.text);
    },
  );

  it.each(BOOK_TYPES)(
    '%s: a hidden old column under the same heading as the new one is refused, not guessed',
    (bookType) => {
      const wb = buildWorkbook([
        t1([TITLE, KV, ['序号', '年度计划（套）', '累计开工（套）', '累计开工（套）'], [1, 800, 999, 400]]),
      ]);
      (wb.Sheets.表1 as XLSX.WorkSheet)['!cols'] = [{}, {}, { hidden: true }, {}];
      const bytes = new Uint8Array(XLSX.write(wb, { bookType, type: 'array' }) as ArrayBuffer);
      const result = readReturn(bytes, `农安县.${bookType}`);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.issues.map((i) => [i.code, i.sheet, i.cell])).toEqual([
        ['column.duplicate', '表1', 'D3'],
      ]);
      expect(result.issues[0]?.message).toBe(
        `文件“农安县.${bookType}”工作表“表1”单元格 D3：表头“累计开工（套）”与 C3 单元格的表头是同一列内容，无法确定按哪一列读取。请删除多余的一列（也请检查隐藏的列）后再导入。`,
      );
    },
  );

  it('a formula saved without its result (by a program, never calculated) is refused, not read as 0', () => {
    const files = unzipSync(workbookBytes([t1([TITLE, KV, HEAD, [1, 800, 400, 50]])]));
    const path = 'xl/worksheets/sheet1.xml';
    const xml = strFromU8(files[path] as Uint8Array);
    // C4 (累计开工) becomes =B4/2 with no cached <v>: what a generator that never calculates writes.
    const edited = xml.replace(/<c r="C4"([^>]*)><v>400<\/v><\/c>/, '<c r="C4"><f>B4/2</f></c>');
    expect(edited).not.toBe(xml);
    files[path] = strToU8(edited);
    const result = readReturn(zipSync(files), '农安县.xlsx');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.code, i.sheet, i.cell])).toEqual([['number.noResult', '表1', 'C4']]);
    expect(result.issues[0]?.message).toMatch(
      /“累计开工（套）”列的单元格是公式，但文件中没有保存它的计算结果/,
    );
  });

  /** A sound OLE compound file holding WPS's own streams, no Excel workbook: what a native .et is. */
  function wpsNativeFile(): Uint8Array {
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, '/WpsContent', new Uint8Array(6000).fill(7));
    XLSX.CFB.utils.cfb_add(cfb, '/WpsSummary', new Uint8Array(200).fill(3));
    return new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as number[]);
  }

  it.each([
    ['an OLE file that is not a workbook', wpsNativeFile()],
    ['bytes of an unknown format', new Uint8Array([0x45, 0x54, 0x01, 0x02, 0x03, 0x04])],
  ])('a WPS .et file it cannot read (%s) is told to be saved as .xlsx', (_n, bytes) => {
    const result = readReturn(bytes, '农安县.et');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.code, i.message])).toEqual([
      [
        'file.wpsEt',
        '文件“农安县.et”：这是 WPS 表格专用格式（.et）的文件，无法直接读取。请在 WPS 中打开，“另存为”Excel 工作簿（.xlsx）后再导入。',
      ],
    ]);
  });
});

interface Flagged {
  name: string;
  sheets: SheetSpec[];
  cell: string;
  text: RegExp;
}

const flaggedCases: Flagged[] = [
  {
    name: '套 typed under a 万套 header (800 → 8000000套)',
    sheets: [t1([TITLE, KV, ['序号', '年度计划（万套）', '累计开工（万套）'], [1, 800, 0.04]])],
    cell: 'B4',
    text: /“年度计划（万套）”列的“800”按单位“万套”换算为 8000000套，数字异常大/,
  },
  {
    name: '万元 typed under an 亿元 header (12500000 → 1250000万亿元)',
    sheets: [loanSheet({}, [[1, '国开行', 12_500_000, 0, 0.5, 0, '']], [])],
    cell: 'C4',
    text: /“本年授信（审批）额度（亿元）”列的“12500000”按单位“亿元”换算为 1250000000000000元，数字异常大/,
  },
];

describe('real-world figures that read but are flagged', () => {
  it.each(BOOK_TYPES.flatMap((bt) => flaggedCases.map((c) => [bt, c.name, c] as const)))(
    '%s: %s',
    (bookType, _n, c) => {
      const result = read(c.sheets, bookType);
      if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
      const flagged = result.warnings.filter((w) => w.code === 'number.implausible');
      expect(flagged.map((w) => w.cell)).toEqual([c.cell]);
      expect(flagged[0]?.message).toMatch(c.text);
    },
  );

  it.each(BOOK_TYPES)(
    '%s: a 单位 cell that disagrees with the header unit is said once; the header is followed',
    (bookType) => {
      const sheet = loanSheet(
        {},
        [[1, '国开行', 5000, 0, 2000, 0, '']],
        [null, '合计', 5000, 0, 2000, 0, ''],
      );
      const rows = sheet.rows.map((r, i) =>
        i === 1 ? ['填报单位：农安县', '截止日期：2018年9月30日', '单位：万元'] : r,
      );
      const result = read([{ ...sheet, rows }], bookType);
      if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
      expect(
        result.warnings.filter((w) => w.code === 'unit.conflict').map((w) => [w.cell, w.message]),
      ).toEqual([
        [
          'C3',
          `文件“农安县.${bookType}”工作表“表2”单元格 C3：表头“本年授信（审批）额度（亿元）”的单位是“亿元”，而表格上方写的是“单位：万元”，两者不一致；已按表头的“亿元”读取。请核对数字是按哪个单位填写的。`,
        ],
      ]);
      expect(banks(result.returns)).toEqual([[['国家开发银行', 500_000_000_000, 0, 200_000_000_000, 0]]]);
    },
  );

  it('the flagged figures are still read as written (the warning asks; it does not guess)', () => {
    const [count, money] = flaggedCases.map((c) => returnsOf(read(c.sheets)));
    expect(start(count ?? [])).toEqual([[8_000_000, 400, null, null]]);
    expect(banks(money ?? [])).toEqual([[['国家开发银行', 1_250_000_000_000_000, 0, 50_000_000, 0]]]);
  });
});
