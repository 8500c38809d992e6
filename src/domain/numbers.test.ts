// Exact coercion: what people type → numbers, whole 套/户/元 after unit scaling, rates, dates and periods.
import { describe, expect, it } from 'vitest';
import {
  decimalOfCellNumber,
  excelSerialToIso,
  formatDecimal,
  formatRateBp,
  parseDateText,
  parseDecimal,
  parseNumberText,
  periodFromTitle,
  rateDisagrees,
  rateToBp,
  readNumber,
  shiftDecimal,
  toWholeNumber,
  unitPower,
} from './numbers';

function textValue(raw: string): string | null {
  const parsed = parseNumberText(raw);
  if (parsed.kind === 'empty') return 'empty';
  if (parsed.kind === 'text') return null;
  return `${formatDecimal(parsed.value)}${parsed.percent ? '%' : ''}${parsed.unit ?? ''}`;
}

describe('parseNumberText', () => {
  it.each([
    ['1200', '1200'],
    ['1,200', '1200'],
    ['1,234,567.5', '1234567.5'],
    ['１２００', '1200'],
    ['１，２００', '1200'],
    [' 1 200 ', '1200'],
    ['\u3000800\u3000', '800'],
    ['41.6%', '41.6%'],
    ['４１．６％', '41.6%'],
    ['.5', '0.5'],
    ['-3', '-3'],
    ['-', 'empty'],
    ['—', 'empty'],
    ['－', 'empty'],
    ['--', 'empty'],
    ['——', 'empty'],
    ['', 'empty'],
    ['   ', 'empty'],
    ['待统计', null],
    // A unit typed after the figure is kept for the caller to scale (or refuse) by.
    ['12套', '12套'],
    ['1,200 户', '1200户'],
    ['12.5亿元', '12.5亿元'],
    ['12.5亿', '12.5亿元'],
    ['800（套）', '800套'],
    ['800(户)', '800户'],
    ['5000万元', '5000万元'],
    ['0.8万套', '0.8万套'],
    ['0.8万', '0.8万'],
    ['套', null],
    ['待统计套', null],
    ['12套套', null],
    // Excel's text marker typed literally, non-breaking and full-width spaces, negative zero.
    ["'1200", '1200'],
    ['\u00a01\u00a0200\u00a0', '1200'],
    ['-0', '0'],
    ['0.00', '0'],
    // Marks that mean none: a slash (not applicable) and 无/暂无; words saying unknown are refused.
    ['/', 'empty'],
    ['／', 'empty'],
    ['无', 'empty'],
    ['暂无', 'empty'],
    ['未统计', null],
    ['无数据', null],
    ['1,2', null],
    ['1.2.3', null],
    ['0x10', null],
    ['1e5', null],
    ['Infinity', null],
  ])('%j → %j', (raw, expected) => {
    expect(textValue(raw)).toBe(expected);
  });
});

describe('exact unit scaling', () => {
  it.each([
    // value, unit, kind, whole result (null: not whole)
    [12.46, '亿元', 'money', 1_246_000_000],
    [310.04, '亿元', 'money', 31_004_000_000],
    // A cell's binary noise beyond 15 digits is dropped, as Excel shows it: 0.1 + 0.2 is 0.3 亿元.
    [0.1 + 0.2, '亿元', 'money', 30_000_000],
    [1.234567891, '亿元', 'money', null],
    [12345.67, '万元', 'money', 123_456_700],
    [1200, '元', 'money', 1200],
    [0.08, '万套', 'count', 800],
    [9.527, '万套', 'count', 95_270],
    [0.08125, '万套', 'count', null],
    [12.5, '套', 'count', null],
    [1e21, '元', 'money', null],
  ] as const)('%d %s → %s', (value, unit, kind, expected) => {
    const d = decimalOfCellNumber(value);
    const power = unitPower(unit, kind);
    expect(d).not.toBeNull();
    expect(power).not.toBeNull();
    if (!d || power === null) return;
    expect(toWholeNumber(shiftDecimal(d, power))).toBe(expected);
  });

  it.each([
    ['亿元', 'count'],
    ['万套', 'money'],
    ['%', 'count'],
  ] as const)('refuses %s for a %s column', (unit, kind) => {
    expect(unitPower(unit, kind)).toBeNull();
  });
});

describe('decimalOfCellNumber', () => {
  /** Excel's 15 significant digits, the long way: the shortest decimal of the rounded number, parsed. */
  const viaText = (value: number) => parseDecimal(String(Number(value.toPrecision(15))));
  // Whole numbers of every size around the 15-digit edge, negative too, and fractions and noise beside them.
  const values = [
    0,
    -0,
    1,
    -1,
    7,
    95270,
    2 ** 31,
    2 ** 32 + 1,
    2 ** 53 - 1,
    -(2 ** 53 - 1),
    2 ** 53 + 2,
    1e21,
    1.5e300,
  ]
    .concat(
      Array.from({ length: 17 }, (_, k) => 10 ** k).flatMap((p) => [p - 1, p, p + 1, -p - 1, p * 7 + 3]),
    )
    .concat([0.5, -12.5, 0.1 + 0.2, 43.629999999999995, 999999999999999.5, 1e15 - 0.5]);
  it.each(values)('%d is read as its 15 significant digits', (value) => {
    expect(decimalOfCellNumber(value)).toEqual(viaText(value));
  });
});

describe('rates', () => {
  it.each([
    [41.6, false, 4160],
    [0.416, true, 4160],
    [86.015, false, 8602],
    [100, false, 10_000],
    [0, false, 0],
    [0.95055, true, 9506],
  ])('%d (fraction %s) → %d bp', (value, fraction, bp) => {
    const d = decimalOfCellNumber(value);
    expect(d && rateToBp(d, fraction)).toBe(bp);
  });

  it.each([
    [0.1 + 0.2, '0.3'],
    [43.629999999999995, '43.63'],
    [41.66666666666667, '41.6666666666667'],
    [12.5, '12.5'],
    [1.234567891, '1.234567891'],
    [95270, '95270'],
  ])('a number cell %d holds %s (Excel’s 15 significant digits)', (value, text) => {
    const parsed = readNumber(value, false);
    expect(parsed.kind === 'number' && formatDecimal(parsed.value)).toBe(text);
  });

  it('reads a percent-formatted number as a fraction and typed 41.6% as a percent', () => {
    const formatted = readNumber(0.416, true);
    const typed = readNumber('41.6%', false);
    expect(formatted.kind === 'number' && rateToBp(formatted.value, true)).toBe(4160);
    expect(typed.kind === 'number' && typed.percent && rateToBp(typed.value, false)).toBe(4160);
  });

  it.each([
    [4160, 416, 1000, false],
    [4170, 4167, 10_000, false],
    [4180, 4167, 10_000, true],
    [3330, 1, 3, false],
    [5020, 400, 800, true],
    [0, 0, 0, false],
  ])('declared %d vs %d/%d disagrees: %s', (declared, num, den, expected) => {
    expect(rateDisagrees(declared, num, den)).toBe(expected);
  });

  it('formats hundredths of a percent', () => {
    expect([formatRateBp(8602), formatRateBp(4160), formatRateBp(0), formatRateBp(10_000)]).toEqual([
      '86.02%',
      '41.6%',
      '0%',
      '100%',
    ]);
  });
});

describe('dates', () => {
  it.each([
    ['2018年9月30日', '2018-09-30'],
    ['2018 年 9 月 30 日', '2018-09-30'],
    ['２０１８年９月３０日', '2018-09-30'],
    ['2018.9.30', '2018-09-30'],
    ['2018-09-30', '2018-09-30'],
    ['2018/9/30', '2018-09-30'],
    ['20180930', '2018-09-30'],
    ['2018年9月', '2018-09-30'],
    ['2018年2月', '2018-02-28'],
    ['2018年09月30日', '2018-09-30'],
    ['2018年9月30日止', '2018-09-30'],
    ['18年9月30日', '2018-09-30'],
    ['18年9月底', '2018-09-30'],
    ['2018年9月末', '2018-09-30'],
    ['2018.09', '2018-09-30'],
    ['18.9.30', null],
    ['2018—09—30', '2018-09-30'],
    ['2018年9月31日', null],
    ['2018-13-01', null],
    ['2018.9-30', null],
    ['九月底', null],
  ])('%j → %j', (text, iso) => {
    expect(parseDateText(text)).toBe(iso);
  });

  it.each([
    [43373, false, '2018-09-30'],
    [43373.75, false, '2018-09-30'],
    [43343, false, '2018-08-31'],
    [41911, true, '2018-09-30'],
    // 1900 is outside the years a cutoff may have: such a serial is no cutoff date.
    [61, false, null],
    [0, false, null],
  ])('serial %d (1904: %s) → %s', (serial, date1904, iso) => {
    expect(excelSerialToIso(serial, date1904)).toBe(iso);
  });

  it.each([
    ['2018年1-9月棚户区改造开工进展情况（表1）', '2018-09'],
    ['2018年1－9月棚改贷款进展情况', '2018-09'],
    ['2018年1月至9月', '2018-09'],
    ['2018年9月份公租房分配', '2018-09'],
    ['2018年1月棚改', '2018-01'],
    ['2018年1-12月', '2018-12'],
    ['2018年10月', '2018-10'],
    ['2018年1—9月', '2018-09'],
    ['2018年1——9月', '2018-09'],
    ['2018年1～9月', '2018-09'],
    ['2018 年 1 ~ 9 月', '2018-09'],
    ['2018年1月份-9月份', '2018-09'],
    ['2018年度1-9月棚改开工', '2018-09'],
    // Returns are cumulative from January: a span named by its end is its last month.
    ['2018年前三季度棚户区改造开工进展情况', '2018-09'],
    ['2018年1-3季度', '2018-09'],
    ['2018年第一季度', '2018-03'],
    ['2018年上半年', '2018-06'],
    ['2018年全年', '2018-12'],
    ['2018年度棚改计划', null],
    ['棚户区改造开工进展情况', null],
    ['2018年13月', null],
  ])('title %j → %j', (title, period) => {
    expect(periodFromTitle(title)).toBe(period);
  });
});
