// Exact coercion of what people type into returns: numbers (text, full-width, 1,200, 41.6%, dashes), unit
// scaling to whole 套/户/元 without float multiplication, declared rates to hundredths of a percent, and dates.
import { makePeriod } from './period';
import type { PeriodKey, RateBp } from './types';

/** An exact decimal: mantissa × 10^exponent. Built from text or a number's shortest decimal string. */
export interface Decimal {
  mantissa: bigint;
  exponent: number;
}

const DECIMAL_RE = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/** Parse a plain decimal string ('12.46', '-3', '1.5e+21'); null when it is not one. */
export function parseDecimal(text: string): Decimal | null {
  const m = DECIMAL_RE.exec(text);
  if (!m) return null;
  const intPart = m[2] ?? '';
  const fracPart = m[3] ?? '';
  if (intPart === '' && fracPart === '') return null;
  const exp = m[4] ? Number(m[4]) : 0;
  if (!Number.isFinite(exp) || Math.abs(exp) > 400) return null;
  const digits = `${intPart}${fracPart}`.replace(/^0+(?=\d)/, '');
  const mantissa = BigInt(digits || '0') * (m[1] === '-' ? -1n : 1n);
  return { mantissa, exponent: exp - fracPart.length };
}

/**
 * The decimal a spreadsheet number cell stands for. Excel keeps 15 significant digits; binary noise beyond
 * them (43.629999999999995 from a SUM of 亿元 figures) is not what the user typed or sees, so it is dropped
 * before the exact conversion. A figure with a real fraction (12.5 套) still has it.
 */
export function decimalOfCellNumber(value: number): Decimal | null {
  if (!Number.isFinite(value)) return null;
  // Most figures are whole: below 10^15 one has no more than 15 digits, so it is already what Excel shows.
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return { mantissa: BigInt(value), exponent: 0 };
  return parseDecimal(String(Number(value.toPrecision(15))));
}

export function isNegative(d: Decimal): boolean {
  return d.mantissa < 0n;
}

/** Multiply by 10^power exactly. */
export function shiftDecimal(d: Decimal, power: number): Decimal {
  return { mantissa: d.mantissa, exponent: d.exponent + power };
}

const TEN = 10n;

function pow10(n: number): bigint {
  return TEN ** BigInt(n);
}

/** Whether the decimal has no fractional part. */
export function isWhole(d: Decimal): boolean {
  return d.exponent >= 0 || d.mantissa % pow10(-d.exponent) === 0n;
}

/** The decimal as a whole number, or null when it has a fraction or exceeds the safe integer range. */
export function toWholeNumber(d: Decimal): number | null {
  let whole: bigint;
  if (d.exponent >= 0) {
    if (d.exponent > 30) return d.mantissa === 0n ? 0 : null;
    whole = d.mantissa * pow10(d.exponent);
  } else {
    const div = pow10(-d.exponent);
    if (d.mantissa % div !== 0n) return null;
    whole = d.mantissa / div;
  }
  if (whole > BigInt(Number.MAX_SAFE_INTEGER) || whole < -BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return Number(whole);
}

/** Round half away from zero to a whole number (used for declared rates only: they are never summed). */
export function roundDecimal(d: Decimal): number {
  if (d.exponent >= 0) return toWholeNumber(d) ?? Number.MAX_SAFE_INTEGER;
  const div = pow10(-d.exponent);
  const neg = d.mantissa < 0n;
  const abs = neg ? -d.mantissa : d.mantissa;
  let q = abs / div;
  if ((abs % div) * 2n >= div) q += 1n;
  const n = Number(q);
  return neg ? -n : n;
}

/** Plain string of a decimal ('12.46'), for messages. */
export function formatDecimal(d: Decimal): string {
  const neg = d.mantissa < 0n;
  let digits = (neg ? -d.mantissa : d.mantissa).toString();
  let out: string;
  if (d.exponent >= 0) out = digits + '0'.repeat(d.exponent);
  else {
    const places = -d.exponent;
    digits = digits.padStart(places + 1, '0');
    const int = digits.slice(0, digits.length - places);
    const frac = digits.slice(digits.length - places).replace(/0+$/, '');
    out = frac ? `${int}.${frac}` : int;
  }
  return neg && out !== '0' ? `-${out}` : out;
}

/** What a number cell holds once read; `unit` is a unit typed after the figure (1200套, 12.5亿元). */
export type CellNumber =
  | { kind: 'empty' }
  | { kind: 'number'; value: Decimal; percent: boolean; unit?: string }
  | { kind: 'text'; text: string };

// What people type for "nothing" in a figure cell, read as zero like a blank: dashes (hyphen, en/em dash,
// full-width hyphen-minus, horizontal bar, doubled), a slash (not applicable) and 无/暂无 (none). Words that
// say the figure is unknown (待统计, 未统计) are not here: they are refused, never read as 0.
const ZERO_MARK_RE = /^(?:[-\u2010-\u2015\u2212\uff0d\ufe58\ufe63]{1,2}|[/\\]|无|暂无)$/;
const GROUPED_RE = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
// A unit typed after the figure; longest first so 万元 is not read as 元. 亿 alone is 亿元 (no count is in 亿);
// 万 alone is kept as 万 for the caller, who knows whether the column counts 套/户 or yuan.
const SUFFIX_UNIT_RE = /\(?(万套|万户|亿元|万元|套|户|个|元|亿|万)\)?$/;

/**
 * Read the text of a number cell: full-width digits, spaces (also non-breaking and full-width), a leading
 * apostrophe (Excel's text marker, typed literally), thousands separators, a trailing % or unit, and the marks
 * that mean zero. Anything else stays text (the caller reports it).
 */
export function parseNumberText(raw: string): CellNumber {
  const text = raw
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/^['\u2018\u2019`]+/, '');
  if (text === '') return { kind: 'empty' };
  if (ZERO_MARK_RE.test(text)) return { kind: 'empty' };
  let body = text;
  let percent = false;
  let unit: string | undefined;
  if (body.endsWith('%')) {
    percent = true;
    body = body.slice(0, -1);
  } else {
    const suffix = SUFFIX_UNIT_RE.exec(body);
    if (suffix?.[1] && suffix.index > 0) {
      unit = suffix[1] === '亿' ? '亿元' : suffix[1];
      body = body.slice(0, suffix.index);
    }
  }
  if (body.includes(',')) {
    if (!GROUPED_RE.test(body)) return { kind: 'text', text: raw.trim() };
    body = body.replace(/,/g, '');
  }
  // One way only to split the digits (\d+\.?\d* has n ways, and a long figure ending in a letter tried them all).
  if (!/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(body)) return { kind: 'text', text: raw.trim() };
  const value = parseDecimal(body);
  if (!value) return { kind: 'text', text: raw.trim() };
  return unit ? { kind: 'number', value, percent, unit } : { kind: 'number', value, percent };
}

/** Read a cell value (number, text, boolean or nothing) as a number; `percentFormat` is a `0.0%` style format. */
export function readNumber(value: unknown, percentFormat: boolean): CellNumber {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'number') {
    const d = decimalOfCellNumber(value);
    if (!d) return { kind: 'text', text: String(value) };
    return { kind: 'number', value: d, percent: percentFormat };
  }
  if (typeof value === 'string') return parseNumberText(value);
  if (typeof value === 'boolean') return { kind: 'text', text: value ? 'TRUE' : 'FALSE' };
  return { kind: 'text', text: String(value) };
}

/** Powers of ten of the units a header or a 单位 cell may name, relative to what is stored (套/户/个/元). */
const UNIT_POWERS: Record<string, { power: number; kind: 'count' | 'money' }> = {
  套: { power: 0, kind: 'count' },
  户: { power: 0, kind: 'count' },
  个: { power: 0, kind: 'count' },
  万套: { power: 4, kind: 'count' },
  万户: { power: 4, kind: 'count' },
  元: { power: 0, kind: 'money' },
  万元: { power: 4, kind: 'money' },
  亿元: { power: 8, kind: 'money' },
};

/** The power of ten that converts a figure in `unit` into stored units, or null if the unit does not fit. */
export function unitPower(unit: string, kind: 'count' | 'money'): number | null {
  const u = UNIT_POWERS[unit];
  return u && u.kind === kind ? u.power : null;
}

export function isKnownUnit(unit: string): boolean {
  return unit in UNIT_POWERS || unit === '%';
}

/** A declared rate (in percent, or a fraction shown with a % format) as hundredths of a percent, rounded. */
export function rateToBp(value: Decimal, fractionOfOne: boolean): RateBp {
  return roundDecimal(shiftDecimal(value, fractionOfOne ? 4 : 2));
}

/** Whether a declared rate differs from num/den by more than the rounding of one decimal (0.1 point). */
export function rateDisagrees(declared: RateBp, num: number, den: number): boolean {
  if (den <= 0) return false;
  // |declared/10000 − num/den| > 0.001  ⇔  |declared·den − num·10000| > 10·den, in exact integers.
  const diff = BigInt(declared) * BigInt(den) - BigInt(num) * 10000n;
  const abs = diff < 0n ? -diff : diff;
  return abs > 10n * BigInt(den);
}

/** num/den as RateBp rounded (for messages). */
export function rateOf(num: number, den: number): RateBp {
  if (den <= 0) return 0;
  return Math.round((num * 10000) / den);
}

/** '41.6%' from 4160. */
export function formatRateBp(bp: RateBp): string {
  return `${formatDecimal({ mantissa: BigInt(bp), exponent: -2 })}%`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A valid ISO date 'YYYY-MM-DD', or null (2018-02-30 is not a date). */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1990 || year > 2100) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A date as people type it: 2018年9月30日, 2018.9.30, 2018-09-30, 2018/9/30, 20180930; a month alone
 * (2018年9月) means its last day. Null when it is not a date.
 */
export function parseDateText(raw: string): string | null {
  // 2018年9月30日止 (up to and including): the 止 adds nothing.
  const text = raw
    .normalize('NFKC')
    .replace(/[\s\u00a0]+/g, '')
    .replace(/[—–]/g, '-')
    .replace(/止$/, '');
  // A two-digit year is only read with 年 (18年9月30日): 18.9.30 could be anything.
  const fullYear = (y: string | undefined) => (y && y.length === 2 ? 2000 + Number(y) : Number(y));
  let m =
    /^(\d{4}|\d{2})年(\d{1,2})月(\d{1,2})[日号]?$/.exec(text) ??
    /^(\d{4})([./-])(\d{1,2})\2(\d{1,2})$/.exec(text);
  if (m) {
    const parts = m.length === 4 ? [m[1], m[2], m[3]] : [m[1], m[3], m[4]];
    return isoDate(fullYear(parts[0]), Number(parts[1]), Number(parts[2]));
  }
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m =
    /^(\d{4})(?:年|[./-])(\d{1,2})月?(?:底|末)?$/.exec(text) ?? /^(\d{2})年(\d{1,2})月(?:底|末)?$/.exec(text);
  if (m) {
    const year = fullYear(m[1]);
    const month = Number(m[2]);
    if (month < 1 || month > 12) return null;
    return isoDate(year, month, daysInMonth(year, month));
  }
  return null;
}

/** The ISO date of an Excel serial day number (1900 system, or 1904 when the workbook says so). */
export function excelSerialToIso(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < 1) return null;
  let days = Math.floor(serial);
  if (date1904) days += 1462;
  // Excel counts a 1900-02-29 that never was: serials after it are one day ahead.
  if (!date1904 && days < 60) days += 1;
  const ms = Date.UTC(1899, 11, 30) + days * 86_400_000;
  const d = new Date(ms);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The period a title names: 2018年1-9月… → 2018-09, 2018年9月… → 2018-09; null when it names none. */
export function periodFromTitle(raw: string): PeriodKey | null {
  const text = raw.normalize('NFKC').replace(/\s+/g, '');
  const m = /(\d{4})年度?(?:1月?份?[-~—–―至到]+)?(\d{1,2})月/.exec(text);
  let year: number;
  let month: number;
  if (m) {
    year = Number(m[1]);
    month = Number(m[2]);
  } else {
    // Returns are cumulative from January, so a span named by its end stands for its last month:
    // 前三季度/1-3季度/三季度 → September, 上半年 → June, 全年/下半年 → December.
    const q = /(\d{4})年(?:第|前|1[-~—–至到]+)?([一二两三四1-4])季度/.exec(text);
    const h = /(\d{4})年(上半年|下半年|全年)/.exec(text);
    if (q) {
      year = Number(q[1]);
      month = 3 * ('一二三四'.indexOf(q[2] ?? '') + 1 || (q[2] === '两' ? 2 : Number(q[2])));
    } else if (h) {
      year = Number(h[1]);
      month = h[2] === '上半年' ? 6 : 12;
    } else return null;
  }
  if (year < 1990 || year > 2100 || month < 1 || month > 12) return null;
  return makePeriod(year, month);
}
