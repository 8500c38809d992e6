// The header block of a recognised table (the lines above its column headers): who sends it (填报单位), for
// which period (截止日期, else the title), the 单位 of its figures and the loan need of 表2.

import {
  excelSerialToIso,
  isKnownUnit,
  isoDate,
  parseDateText,
  periodFromTitle,
  unitPower,
} from '../domain/numbers';
import { defaultCutoff as cutoffOfPeriod, periodLabel, periodOfCutoff } from '../domain/period';
import type { FieldDef } from '../domain/tables';
import type { PeriodKey, UnitId } from '../domain/types';
import type { UnitRegister } from '../domain/units';
import { normaliseName } from '../domain/units';
import type { Grid, GridCell } from './grid';
import { cellAddress } from './grid';
import type { ColumnMap, HeaderMatch } from './headers';
import { normaliseHeader } from './headers';
import type { IssueLog } from './issue-log';
import type { KeyValue } from './key-values';
import { keyValueText, rowKeyValues } from './key-values';
import type { CellContext } from './read-cells';
import { columnPower, readFigure } from './read-cells';

export interface Sender {
  /** The unit named; undefined when it names a prefecture (a combined return). */
  unitId: UnitId | undefined;
  name: string;
  cell: string;
}

export interface BlockPeriod {
  period: PeriodKey;
  cutoff: string;
  cell: string;
  /** From a 截止日期 cell (true) or inferred from the title (false). */
  stated: boolean;
}

export interface HeaderBlock {
  sender: Sender | undefined;
  /** The 填报单位 named no known unit (already reported): a missing unit is then not reported again. */
  senderUnknown: boolean;
  period: BlockPeriod | undefined;
  /** The 单位 cell's measure (万元, 套), if any. */
  sheetUnit: string | null;
  need: { yuan: number; cell: string } | undefined;
}

/**
 * A cutoff date from a key–value value: text, a date cell, or a bare serial number. A period written where
 * the date belongs (截止日期：2018年1-9月, 报告期：2018年前三季度) stands for its month's last day.
 */
export function readCutoff(kv: KeyValue, date1904: boolean): string | null {
  const v = kv.value.value;
  if (typeof v === 'number') {
    if (v < 20000 || v > 80000) return parseDateText(String(v));
    const iso = excelSerialToIso(v, date1904);
    // 2018-9 typed into Excel becomes 1 September shown as a month: it means the month, to its last day.
    return iso && 'monthOnly' in kv.value && kv.value.monthOnly ? cutoffOfPeriod(periodOfCutoff(iso)) : iso;
  }
  if (typeof v !== 'string') return null;
  const date = parseDateText(v);
  if (date) return date;
  // Only a span (1-9月, 前三季度) is read so; a day that does not exist (9月31日) stays an invalid date.
  const span = /^\s*\d{4}\s*年.*(?:\d\s*月?\s*[-~—–―至到]|季度|半年|全年)/.test(v.normalize('NFKC'));
  const period = span ? periodFromTitle(v) : null;
  return period ? cutoffOfPeriod(period) : null;
}

/** A date without its year: 9月30日, 9月30日止. */
const YEARLESS_RE = /^(\d{1,2})月(\d{1,2})[日号]?止?$/;

/** A 单位 cell that names a measure (套, 万元, （亿元）) rather than the reporting unit. */
function measureOf(text: string): string | null {
  const bare = text
    .normalize('NFKC')
    .replace(/[\s()（）]/g, '')
    .replace(/^单位[:：]?/, '');
  return isKnownUnit(bare) ? bare : null;
}

/** The loan need's column, for reading its cell like a figure of 表2. */
const NEED_FIELD: FieldDef = {
  key: 'need',
  header: '本年棚改需贷款',
  label: '本年需贷款',
  kind: 'money',
  headerUnit: '亿元',
  synonyms: [],
  required: false,
};

export interface HeaderBlockOptions {
  log: IssueLog;
  register: UnitRegister;
  date1904: boolean;
}

/** Read the key–value lines and titles above a recognised header. */
export function readHeaderBlock(grid: Grid, match: HeaderMatch, opts: HeaderBlockOptions): HeaderBlock {
  const { log, register } = opts;
  const sheet = grid.name;
  const blockRows = grid.rows.slice(match.blockStart, match.rowIndex);
  const kvs = blockRows.flatMap((row, i) => rowKeyValues(row, blockRows[i + 1]));
  const out: HeaderBlock = {
    sender: undefined,
    senderUnknown: false,
    period: undefined,
    sheetUnit: null,
    need: undefined,
  };
  let needKv: KeyValue | undefined;
  let yearless: { month: number; day: number; cell: string; text: string } | undefined;
  for (const kv of kvs) {
    const cell = cellAddress(kv.r, kv.c);
    // 单位：农安县 names the reporting unit, not a measure.
    const unitNamed =
      kv.kind === 'sheetUnit' && !measureOf(keyValueText(kv)) && register.resolve(keyValueText(kv)).ok;
    if ((kv.kind === 'unit' || unitNamed) && !out.sender) {
      const name = keyValueText(kv);
      if (!name) continue;
      const resolved = resolveSender(register, name);
      if (resolved.ok) out.sender = { unitId: resolved.unit.id, name, cell };
      else if (isPrefectureName(register, name)) out.sender = { unitId: undefined, name, cell };
      // A value guessed from the cell below that names no unit was never a value (a header, a note).
      else if (!kv.below) {
        log.error(
          'unit.unknown',
          sheet,
          cell,
          { name, suggestions: resolved.suggestions },
          { text: name, table: match.def.key, field: 'unit' },
        );
        out.senderUnknown = true;
      }
    } else if (kv.kind === 'cutoff' && !out.period && !yearless) {
      const iso = readCutoff(kv, opts.date1904);
      const text = keyValueText(kv);
      const md = YEARLESS_RE.exec(text.normalize('NFKC').replace(/\s+/g, ''));
      if (iso) out.period = { period: periodOfCutoff(iso), cutoff: iso, cell, stated: true };
      // 截止日期：9月30日 takes its year from the title; a deadline (报送截止时间：每月5日) names no date at all.
      else if (md) yearless = { month: Number(md[1]), day: Number(md[2]), cell, text };
      else if (!kv.below && /\d{4}|\d{2}\s*年/.test(text)) {
        log.error('date.invalid', sheet, cell, { text }, { text, table: match.def.key });
      }
    } else if (kv.kind === 'sheetUnit' && out.sheetUnit === null && !unitNamed && !kv.below) {
      out.sheetUnit = normaliseHeader(`(${keyValueText(kv)})`).unit ?? keyValueText(kv).normalize('NFKC');
    } else if (kv.kind === 'need' && !needKv) {
      needKv = kv;
    }
  }
  out.period = titlePeriod(grid, blockRows, out.period, yearless, log);
  if (needKv)
    out.need = readNeed(needKv, out.sheetUnit, { log, sheet, table: 'loan', date1904: opts.date1904 });
  warnUnitConflict(grid, match, out.sheetUnit, log);
  return out;
}

/**
 * The title names the period too (2018年1-9月…); it must agree with the cutoff, and gives a yearless cutoff
 * its year. Key–value cells (填报日期：2018年10月8日) are not titles.
 */
function titlePeriod(
  grid: Grid,
  blockRows: Grid['rows'],
  stated: BlockPeriod | undefined,
  yearless: { month: number; day: number; cell: string; text: string } | undefined,
  log: IssueLog,
): BlockPeriod | undefined {
  let period = stated;
  const sheet = grid.name;
  for (const row of blockRows) {
    for (const cell of row.cells) {
      if (typeof cell.value !== 'string' || /[:：]/.test(cell.value)) continue;
      const titled = periodFromTitle(cell.value);
      if (!titled) continue;
      const address = cellAddress(row.r, cell.c);
      if (!period && yearless) {
        const iso = isoDate(Number(titled.slice(0, 4)), yearless.month, yearless.day);
        if (!iso)
          log.error('date.invalid', sheet, yearless.cell, { text: yearless.text }, { text: yearless.text });
        else period = { period: periodOfCutoff(iso), cutoff: iso, cell: yearless.cell, stated: true };
      }
      if (!period) period = { period: titled, cutoff: cutoffOfPeriod(titled), cell: address, stated: false };
      else if (period.period !== titled) {
        log.error(
          'period.mismatch',
          sheet,
          address,
          { period: periodLabel(titled), other: periodLabel(period.period), otherPlace: '本表截止日期' },
          { text: cell.value.trim() },
        );
      }
      break;
    }
  }
  return period;
}

/** 本年棚改需贷款（亿元）：12.50, read like a figure of 表2. */
function readNeed(kv: KeyValue, sheetUnit: string | null, ctx: CellContext): HeaderBlock['need'] {
  const col: ColumnMap = {
    field: NEED_FIELD,
    c: kv.c,
    unit: kv.unit,
    header: NEED_FIELD.header,
    how: 'template',
  };
  const cell: GridCell = { ...kv.value, c: kv.c } as GridCell;
  const yuan = readFigure(cell, col, columnPower(col, sheetUnit), ctx, kv.r);
  return yuan === null ? undefined : { yuan, cell: cellAddress(kv.r, kv.c) };
}

/**
 * A header unit (（亿元）) and a 单位 cell (单位：万元) that disagree: the header is followed, but a clerk who
 * changed only one of them typed figures in the other, so it is said.
 */
function warnUnitConflict(grid: Grid, match: HeaderMatch, sheetUnit: string | null, log: IssueLog): void {
  const headerRow = grid.rows[match.rowIndex];
  if (sheetUnit === null || !headerRow) return;
  for (const col of match.columns) {
    if (!col.unit || (col.field.kind !== 'count' && col.field.kind !== 'money')) continue;
    const kind = col.field.kind === 'money' ? 'money' : 'count';
    const own = unitPower(col.unit, kind);
    const block = unitPower(sheetUnit, kind);
    if (own === null || block === null || own === block) continue;
    log.warn(
      'unit.conflict',
      grid.name,
      cellAddress(headerRow.r, col.c),
      { column: col.header, unit: col.unit, sheetUnit },
      { text: col.header, table: match.def.key, field: col.field.key },
    );
    return;
  }
}

/**
 * The unit a 填报单位 value or a 市县 cell names. It often carries the filling office, a seal note, a note
 * marker or a date after it (农安县住建局（盖章）, 农安县*, 农安县人民政府  2018年10月8日): tried as written
 * first, then its first word, each without those.
 */
export function resolveSender(register: UnitRegister, name: string): ReturnType<UnitRegister['resolve']> {
  const resolved = register.resolve(name);
  if (resolved.ok) return resolved;
  const text = name.normalize('NFKC').trim();
  const [first = '', ...rest] = text.split(/\s+/);
  // The first word alone only when what follows is a date or a seal (长春市 新区 is no 长春市).
  const words = /^[\d年月日号./\-:()盖公签章]*$/.test(rest.join('')) ? [text, first] : [text];
  for (const word of words) {
    const bare = word
      .replace(/\s+/g, '')
      // (Bounded brackets, and a run of marks only from its start: linear on a cell of pasted text.)
      .replace(/\([^)]{0,30}[盖公签]章[^)]{0,30}\)|[盖公签]章$/g, '')
      .replace(/(?:\(注\d*\)|注\d+|(?<![*※#])[*※#]+)$/, '')
      .replace(
        /(?:人民政府|政府|住房和城乡建设局|住房城乡建设局|住建局|住房保障和房屋管理局|房产局|房管局|住房保障中心|保障性住房管理中心|房屋征收(?:与补偿)?(?:办公室|管理办公室|中心)|棚改办|征收办)$/,
        '',
      );
    if (bare === name || bare === '') continue;
    const again = register.resolve(bare);
    if (again.ok) return again;
  }
  return resolved;
}

/** Whether a name is a prefecture's (长春市, 延边州): the sender of a combined return, never a unit itself. */
export function isPrefectureName(register: UnitRegister, name: string): boolean {
  const key = normaliseName(name).replace(/(人民政府|政府|住建局|住房和城乡建设局)$/, '');
  return register.prefectures.some(
    (p) => normaliseName(p.name) === key || normaliseName(p.name.replace(/朝鲜族自治州$/, '州')) === key,
  );
}
