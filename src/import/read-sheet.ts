// One recognised sheet → its header block (unit, cutoff, 单位, loan need) and its rows, each cell coerced
// exactly (whole 套/户/元, rates in hundredths of a percent) and each row tied to a unit; totals kept apart.
import { minOf } from '../domain/iterate';
import type { IssueCode, IssueParams } from '../domain/messages';
import { makeIssue } from '../domain/messages';
import {
  decimalOfCellNumber,
  excelSerialToIso,
  formatDecimal,
  isKnownUnit,
  isNegative,
  isoDate,
  isWhole,
  parseDateText,
  periodFromTitle,
  rateToBp,
  readNumber,
  shiftDecimal,
  toWholeNumber,
  unitPower,
} from '../domain/numbers';
import { defaultCutoff, periodLabel, periodOfCutoff } from '../domain/period';
import type { FieldDef, TableDef } from '../domain/tables';
import { LOAN_NEED_KEYS } from '../domain/tables';
import type { ImportIssue, PeriodKey, UnitId } from '../domain/types';
import type { UnitRegister } from '../domain/units';
import { normaliseName } from '../domain/units';
import type { Grid, GridCell, GridRow } from './grid';
import { cellAddress, cellAt, cellText } from './grid';
import type { ColumnMap, HeaderMatch } from './headers';
import { isTableTitleRow, normaliseHeader } from './headers';
import type { KeyValue } from './key-values';
import { hasInlineKeyValue, keyValueText, rowKeyValues } from './key-values';

/** Issues collected while reading one file. */
export class IssueLog {
  readonly errors: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];
  constructor(readonly file: string) {}

  error<K extends IssueCode>(
    code: K,
    sheet: string | undefined,
    cell: string | undefined,
    p: IssueParams[K],
  ) {
    this.errors.push(makeIssue('error', code, { file: this.file, sheet, cell }, p));
  }

  warn<K extends IssueCode>(code: K, sheet: string | undefined, cell: string | undefined, p: IssueParams[K]) {
    this.warnings.push(makeIssue('warning', code, { file: this.file, sheet, cell }, p));
  }
}

/** A coerced cell: a whole number (count, yuan), a rate, text, or nothing. */
export type FieldValue = number | string | null;

export interface RowRecord {
  r: number;
  kind: 'data' | 'total' | 'need';
  /** The unit the row's 市县 cell names (or carries down from the cell above). */
  unitId: UnitId | undefined;
  unitCell: string | undefined;
  /** The 市县 cell names no known unit (already reported). */
  unitUnknown: boolean;
  values: Map<string, FieldValue>;
  /** A1 address of each field's cell. */
  cells: Map<string, string>;
  /** Fields whose cell is not blank. */
  present: Set<string>;
}

export interface SheetRead {
  grid: Grid;
  def: TableDef;
  columns: Map<string, ColumnMap>;
  /** 填报单位 of the header block, resolved; `prefecture` when it names a prefecture (a combined return). */
  sender: { unitId: UnitId | undefined; name: string; cell: string } | undefined;
  /** Period and cutoff from 截止日期, else from the title. */
  period: { period: PeriodKey; cutoff: string; cell: string; stated: boolean } | undefined;
  need: { yuan: number; cell: string } | undefined;
  /** The 填报单位 named no known unit (already reported): a missing unit is then not reported again. */
  senderUnknown?: boolean;
  rows: RowRecord[];
  /** Index into grid.rows of the first row of this table's block (title, key–values). */
  blockStart: number;
  /** Index into grid.rows of the (first) header row, and how many rows the header spans. */
  headerIndex: number;
  headerRows: number;
  /** Index into grid.rows of the first row after this table (its footer, or the next table's block). */
  endIndex: number;
}

const TOTAL_RE = /^(?:合计|总计|小计|全[市州省县]|全[市州省县]合计|.{1,10}(?:合计|小计|总计))$/;
const FOOTER_RE =
  /^(?:填表人|填报人|制表人|制表|审核人|审核|负责人|单位负责人|统计负责人|联系人|联系电话|电话|注[:：]|备注[:：]|说明[:：])/;
const NEED_KEYS = new Set(LOAN_NEED_KEYS.map((k) => normaliseHeader(k).key));

function isTotalLabel(text: string): boolean {
  return TOTAL_RE.test(normaliseName(text).replace(/[:：]$/, ''));
}

/** A row of column numbers right under a header (甲 乙 1 2 3 …), which statistical forms often carry. */
function isColumnNumberRow(row: GridRow): boolean {
  // The numbers may be typed as text ('1', '2', '3'), as a template often has them.
  const numberOf = (cell: GridCell): number | null => {
    if (typeof cell.value === 'number') return cell.value;
    const text = cellText(cell).normalize('NFKC').trim();
    return /^\d{1,2}$/.test(text) ? Number(text) : null;
  };
  const numbers: number[] = [];
  for (const cell of row.cells) {
    const n = numberOf(cell);
    if (n !== null) numbers.push(n);
    else if (cellText(cell).trim().length > 1) return false;
  }
  if (numbers.length < 3) return false;
  for (let i = 1; i < numbers.length; i++) if (numbers[i] !== (numbers[i - 1] ?? 0) + 1) return false;
  return true;
}

/** The stored unit of a figure column and the power of ten that converts to it. */
function columnPower(col: ColumnMap, sheetUnit: string | null): { power: number; unit: string } {
  const kind = col.field.kind === 'money' ? 'money' : 'count';
  const stored = kind === 'money' ? '元' : col.field.headerUnit === '户' ? '户' : '套';
  for (const u of [col.unit, sheetUnit, col.field.headerUnit ?? null]) {
    if (!u) continue;
    const power = unitPower(u, kind);
    if (power !== null) return { power, unit: stored };
  }
  return { power: 0, unit: stored };
}

/**
 * The most data rows a table may have. A prefecture's combined 表4 lists a few hundred projects; 145,000 rows
 * are pasted data (and once made every analysis page fail): refused with the count, never read.
 */
export const MAX_DATA_ROWS = 10_000;

/** Beyond any county's figures: a million 套/户, a trillion yuan (1万亿元). */
const IMPLAUSIBLE_COUNT = 1_000_000;
const IMPLAUSIBLE_YUAN = 1_000_000_000_000;

/** The unit a column's figures are typed in, for messages: 万套 under 累计开工（万套）. */
function columnUnitName(col: ColumnMap, power: { power: number; unit: string }): string {
  if (power.power === 0) return power.unit;
  const kind = col.field.kind === 'money' ? 'money' : 'count';
  for (const u of ['万套', '万户', '万元', '亿元']) if (unitPower(u, kind) === power.power) return u;
  return power.unit;
}

interface CellContext {
  log: IssueLog;
  sheet: string;
  date1904: boolean;
}

/** Coerce a figure cell (count or money) to a whole number of 套/户/元; errors are logged, null returned. */
function readFigure(
  cell: GridCell | undefined,
  col: ColumnMap,
  power: { power: number; unit: string },
  ctx: CellContext,
  r: number,
): number | null {
  if (!cell) return 0;
  const address = cellAddress(r, cell.c);
  const column = col.header || col.field.header;
  if (cell.error) {
    ctx.log.error('number.text', ctx.sheet, address, { text: String(cell.value), column });
    return null;
  }
  if (cell.noResult) {
    ctx.log.error('number.noResult', ctx.sheet, address, { column });
    return null;
  }
  // Excel turns 9-30 or 2018.9 typed into a cell into a date; its serial day (43373) is no figure.
  if (cell.date && typeof cell.value === 'number') {
    const iso = excelSerialToIso(cell.value, ctx.date1904);
    ctx.log.error('number.date', ctx.sheet, address, { text: iso ?? String(cell.value), column });
    return null;
  }
  // Typed into a cell formatted as a percent, 800 is stored as 8 and shown as 800%: which was meant is unknown.
  if (cell.percent && typeof cell.value === 'number' && cell.value !== 0) {
    const shownPercent = `${formatDecimal(shiftDecimal(decimalOfCellNumber(cell.value) ?? { mantissa: 0n, exponent: 0 }, 2))}%`;
    ctx.log.error('number.percentFormat', ctx.sheet, address, { text: shownPercent, column });
    return null;
  }
  const parsed = readNumber(cell.value, false);
  if (parsed.kind === 'empty') return 0;
  if (parsed.kind === 'text' || parsed.percent) {
    ctx.log.error('number.text', ctx.sheet, address, { text: cellText(cell).trim(), column });
    return null;
  }
  const shown = typeof cell.value === 'string' ? cell.value.trim() : formatDecimal(parsed.value);
  if (isNegative(parsed.value)) {
    ctx.log.error('number.negative', ctx.sheet, address, { text: shown, column });
    return null;
  }
  // A unit typed after the figure (1200套, 5000万元) decides its scale; it must measure what the column does.
  let scale = power.power;
  if (parsed.unit) {
    const kind = col.field.kind === 'money' ? 'money' : 'count';
    // 万 alone is 万元 in a money column and 万套/万户 in a count column.
    const unit = parsed.unit === '万' ? (kind === 'money' ? '万元' : `万${power.unit}`) : parsed.unit;
    const typed = unitPower(unit, kind);
    const base = unit.slice(-1);
    if (typed === null || (kind === 'count' && base !== '个' && base !== power.unit)) {
      ctx.log.error('number.unit', ctx.sheet, address, { text: shown, column, unit: parsed.unit });
      return null;
    }
    scale = typed;
  }
  const scaled = shiftDecimal(parsed.value, scale);
  const whole = toWholeNumber(scaled);
  if (whole === null) {
    // Either a fraction, or beyond what a number holds exactly.
    ctx.log.error(isWhole(scaled) ? 'number.tooLarge' : 'number.fraction', ctx.sheet, address, {
      text: shown,
      column,
      unit: power.unit,
    });
    return null;
  }
  // A figure typed in 套 or 元 under a 万套 or 亿元 header is multiplied ten thousandfold without a sound:
  // no county has a million 套 or 户, nor a loan of a trillion yuan, so such a figure is flagged.
  if (whole >= (col.field.kind === 'money' ? IMPLAUSIBLE_YUAN : IMPLAUSIBLE_COUNT)) {
    ctx.log.warn('number.implausible', ctx.sheet, address, {
      text: shown,
      column,
      stored: `${whole}${power.unit}`,
      unit: parsed.unit ?? columnUnitName(col, power),
    });
  }
  return whole;
}

/** A declared rate: 41.6, '41.6%', or 0.416 formatted as a percent → 4160; blank or an error value → null. */
function readRate(cell: GridCell | undefined, col: ColumnMap, ctx: CellContext, r: number): number | null {
  if (!cell || cell.error) return null;
  const parsed = readNumber(cell.value, cell.percent);
  if (parsed.kind === 'empty') return null;
  if (parsed.kind === 'text' || parsed.unit) {
    ctx.log.error('number.text', ctx.sheet, cellAddress(r, cell.c), {
      text: cellText(cell).trim(),
      column: col.header || col.field.header,
    });
    return null;
  }
  // A number cell with a % format holds the fraction; typed text '41.6%' holds the percent.
  const fraction = parsed.percent && typeof cell.value === 'number';
  return rateToBp(parsed.value, fraction);
}

/** A text cell; a real date in it (计划完成时间) is written as shown: 2018年12月, or 2018年12月31日 with a day. */
function readText(cell: GridCell | undefined, ctx: CellContext): string {
  if (!cell || cell.value === null) return '';
  if (typeof cell.value === 'number' && cell.date) {
    const iso = excelSerialToIso(cell.value, ctx.date1904);
    if (!iso) return String(cell.value);
    const [y, m, d] = iso.split('-').map(Number);
    return cell.monthOnly ? `${y}年${m}月` : `${y}年${m}月${d}日`;
  }
  return cellText(cell).trim();
}

/**
 * A cutoff date from a key–value value: text, a date cell, or a bare serial number. A period written where
 * the date belongs (截止日期：2018年1-9月, 报告期：2018年前三季度) stands for its month's last day.
 */
function readCutoff(kv: KeyValue, date1904: boolean): string | null {
  const v = kv.value.value;
  if (typeof v === 'number') {
    if (v < 20000 || v > 80000) return parseDateText(String(v));
    const iso = excelSerialToIso(v, date1904);
    // 2018-9 typed into Excel becomes 1 September shown as a month: it means the month, to its last day.
    return iso && 'monthOnly' in kv.value && kv.value.monthOnly ? defaultCutoff(periodOfCutoff(iso)) : iso;
  }
  if (typeof v !== 'string') return null;
  const date = parseDateText(v);
  if (date) return date;
  // Only a span (1-9月, 前三季度) is read so; a day that does not exist (9月31日) stays an invalid date.
  const span = /^\s*\d{4}\s*年.*(?:\d\s*月?\s*[-~—–―至到]|季度|半年|全年)/.test(v.normalize('NFKC'));
  const period = span ? periodFromTitle(v) : null;
  return period ? defaultCutoff(period) : null;
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

export interface ReadSheetOptions {
  log: IssueLog;
  register: UnitRegister;
  date1904: boolean;
}

/** Read the header block and the rows of a recognised table sheet. */
export function readSheet(grid: Grid, match: HeaderMatch, opts: ReadSheetOptions): SheetRead {
  const { log, register } = opts;
  const sheet = grid.name;
  const ctx: CellContext = { log, sheet, date1904: opts.date1904 };
  const def = match.def;
  const columns = new Map(match.columns.map((col) => [col.field.key, col]));
  const headerRow = grid.rows[match.rowIndex];
  const headerCell = headerRow ? cellAddress(headerRow.r, headerRow.cells[0]?.c ?? 0) : undefined;
  // Two columns under one heading (an old column kept beside the new, often hidden): which holds the
  // month's figures cannot be known, so the file is refused rather than one of them guessed.
  for (const dup of match.duplicates ?? []) {
    const first = columns.get(dup.field.key);
    if (!first || !headerRow) continue;
    log.error('column.duplicate', sheet, cellAddress(headerRow.r, dup.c), {
      column: dup.header || dup.field.header,
      otherCell: cellAddress(headerRow.r, first.c),
    });
  }
  for (const field of def.fields) {
    if (field.required && !columns.has(field.key)) {
      log.error('column.missing', sheet, headerCell, { table: tableName(def), column: field.header });
    }
  }

  // The header block: every row above the header; the footer rows are searched too for a stray 截止日期.
  const dataStart = match.rowIndex + match.headerRows;
  const blockRows = grid.rows.slice(match.blockStart, match.rowIndex);
  const kvs = blockRows.flatMap((row, i) => rowKeyValues(row, blockRows[i + 1]));
  let sender: SheetRead['sender'];
  let period: SheetRead['period'];
  let sheetUnit: string | null = null;
  let needKv: KeyValue | undefined;
  let yearless: { month: number; day: number; cell: string; text: string } | undefined;
  let senderUnknown = false;
  for (const kv of kvs) {
    const cell = cellAddress(kv.r, kv.c);
    // 单位：农安县 names the reporting unit, not a measure.
    const unitNamed =
      kv.kind === 'sheetUnit' && !measureOf(keyValueText(kv)) && register.resolve(keyValueText(kv)).ok;
    if ((kv.kind === 'unit' || unitNamed) && !sender) {
      const name = keyValueText(kv);
      if (!name) continue;
      const resolved = resolveSender(register, name);
      if (resolved.ok) sender = { unitId: resolved.unit.id, name, cell };
      else if (isPrefectureName(register, name)) sender = { unitId: undefined, name, cell };
      // A value guessed from the cell below that names no unit was never a value (a header, a note).
      else if (!kv.below) {
        log.error('unit.unknown', sheet, cell, { name, suggestions: resolved.suggestions });
        senderUnknown = true;
      }
    } else if (kv.kind === 'cutoff' && !period && !yearless) {
      const iso = readCutoff(kv, opts.date1904);
      const text = keyValueText(kv);
      const md = YEARLESS_RE.exec(text.normalize('NFKC').replace(/\s+/g, ''));
      if (iso) period = { period: periodOfCutoff(iso), cutoff: iso, cell, stated: true };
      // 截止日期：9月30日 takes its year from the title; a deadline (报送截止时间：每月5日) names no date at all.
      else if (md) yearless = { month: Number(md[1]), day: Number(md[2]), cell, text };
      else if (!kv.below && /\d{4}|\d{2}\s*年/.test(text)) log.error('date.invalid', sheet, cell, { text });
    } else if (kv.kind === 'sheetUnit' && sheetUnit === null && !unitNamed && !kv.below) {
      sheetUnit = normaliseHeader(`(${keyValueText(kv)})`).unit ?? keyValueText(kv).normalize('NFKC');
    } else if (kv.kind === 'need' && !needKv) {
      needKv = kv;
    }
  }
  // The title names the period too (2018年1-9月…); it must agree with the cutoff. Key–value cells
  // (填报日期：2018年10月8日) are not titles.
  for (const row of blockRows) {
    for (const cell of row.cells) {
      if (typeof cell.value !== 'string' || /[:：]/.test(cell.value)) continue;
      const titled = periodFromTitle(cell.value);
      if (!titled) continue;
      const address = cellAddress(row.r, cell.c);
      if (!period && yearless) {
        const iso = isoDate(Number(titled.slice(0, 4)), yearless.month, yearless.day);
        if (!iso) log.error('date.invalid', sheet, yearless.cell, { text: yearless.text });
        else period = { period: periodOfCutoff(iso), cutoff: iso, cell: yearless.cell, stated: true };
      }
      if (!period) period = { period: titled, cutoff: defaultCutoff(titled), cell: address, stated: false };
      else if (period.period !== titled) {
        log.error('period.mismatch', sheet, address, {
          period: periodLabel(titled),
          other: periodLabel(period.period),
          otherPlace: '本表截止日期',
        });
      }
      break;
    }
  }

  let need: SheetRead['need'];
  if (needKv) {
    const fakeCol: ColumnMap = {
      field: {
        key: 'need',
        header: '本年棚改需贷款',
        label: '本年需贷款',
        kind: 'money',
        headerUnit: '亿元',
        synonyms: [],
        required: false,
      },
      c: needKv.c,
      unit: needKv.unit,
      header: '本年棚改需贷款',
    };
    const cell: GridCell = { ...needKv.value, c: needKv.c } as GridCell;
    const yuan = readFigure(cell, fakeCol, columnPower(fakeCol, sheetUnit), ctx, needKv.r);
    if (yuan !== null) need = { yuan, cell: cellAddress(needKv.r, needKv.c) };
  }

  // A header unit (（亿元）) and a 单位 cell (单位：万元) that disagree: the header is followed, but a clerk who
  // changed only one of them typed figures in the other, so it is said.
  if (sheetUnit !== null) {
    for (const col of match.columns) {
      if (!col.unit || (col.field.kind !== 'count' && col.field.kind !== 'money')) continue;
      const kind = col.field.kind === 'money' ? 'money' : 'count';
      const own = unitPower(col.unit, kind);
      const block = unitPower(sheetUnit, kind);
      if (own === null || block === null || own === block || !headerRow) continue;
      log.warn('unit.conflict', sheet, cellAddress(headerRow.r, col.c), {
        column: col.header,
        unit: col.unit,
        sheetUnit,
      });
      break;
    }
  }

  // Data rows: until the footer (填表人：…), skipping blanks and a row of column numbers.
  const figureCols = match.columns.filter((col) => ['count', 'money', 'rate'].includes(col.field.kind));
  const firstFigureC = minOf(
    figureCols.map((col) => col.c),
    Number.POSITIVE_INFINITY,
  );
  const labelCols = match.columns.filter(
    (col) => ['seq', 'unit', 'bank'].includes(col.field.kind) || col.field.key === 'name',
  );
  const unitCol = columns.get('unit');
  const bankCol = columns.get('bank');
  const rows: RowRecord[] = [];
  let carriedUnit: { unitId: UnitId; cell: string } | undefined;
  let endIndex = grid.rows.length;
  let beyond = 0;
  for (let i = dataStart; i < grid.rows.length; i++) {
    const row = grid.rows[i];
    if (!row) continue;
    const first = row.cells[0];
    const footer =
      first &&
      typeof first.value === 'string' &&
      FOOTER_RE.test(first.value.normalize('NFKC').replace(/\s+/g, ''));
    // The table ends at its footer, or where another table's title or key–value lines begin.
    if (footer || hasInlineKeyValue(row) || isTableTitleRow(row)) {
      endIndex = i;
      break;
    }
    if (!match.columns.some((col) => cellAt(row, col.c))) continue;
    if (i === dataStart && isColumnNumberRow(row)) continue;
    // Past the bound the rows are only counted, for the refusal: nothing of such a table is read.
    if (rows.length >= MAX_DATA_ROWS) {
      beyond++;
      continue;
    }

    const labelTexts = [
      ...labelCols.map((col) => cellText(cellAt(row, col.c))),
      ...row.cells.filter((cell) => cell.c < firstFigureC && typeof cell.value === 'string').map(cellText),
    ];
    let kind: RowRecord['kind'] = labelTexts.some((t) => t && isTotalLabel(t)) ? 'total' : 'data';
    if (
      def.key === 'loan' &&
      bankCol &&
      NEED_KEYS.has(normaliseHeader(cellText(cellAt(row, bankCol.c))).key)
    ) {
      kind = 'need';
    }

    let unitId: UnitId | undefined;
    let unitCell: string | undefined;
    let unitUnknown = false;
    if (unitCol && kind !== 'total') {
      const text = cellText(cellAt(row, unitCol.c)).trim();
      unitCell = cellAddress(row.r, unitCol.c);
      if (text) {
        const resolved = resolveSender(register, text);
        if (resolved.ok) unitId = resolved.unit.id;
        else if (isPrefectureName(register, text) || normaliseName(text) === '省直管') {
          // A subtotal line of a prefecture (延边州) or of the 省直管 group: not a unit, never stored.
          continue;
        } else {
          unitUnknown = true;
          log.error('unit.unknown', sheet, unitCell, { name: text, suggestions: resolved.suggestions });
        }
        if (unitId && def.rows === 'many') carriedUnit = { unitId, cell: unitCell };
      } else if (def.rows === 'many' && carriedUnit) {
        // A 市县 cell merged down over a unit's banks or projects: only its top cell holds the name.
        unitId = carriedUnit.unitId;
        unitCell = carriedUnit.cell;
      }
    }

    const values = new Map<string, FieldValue>();
    const cells = new Map<string, string>();
    const present = new Set<string>();
    for (const col of match.columns) {
      const cell = cellAt(row, col.c);
      cells.set(col.field.key, cellAddress(row.r, col.c));
      if (cell) present.add(col.field.key);
      values.set(col.field.key, readField(col.field, col, cell, sheetUnit, ctx, row.r));
    }

    if (kind === 'need') {
      const amount = figureCols
        .map((col) => values.get(col.field.key))
        .find((v) => typeof v === 'number' && v > 0);
      values.set('need', typeof amount === 'number' ? amount : 0);
      cells.set('need', cells.get(figureCols[0]?.field.key ?? '') ?? '');
    }
    if (kind === 'data') {
      // A blank template line (a 序号, zeros) is skipped; figures without their bank or project are not.
      const hasFigureCell = figureCols.some((col) => cellAt(row, col.c));
      const hasFigure = figureCols.some((col) => {
        const v = values.get(col.field.key);
        if (col.field.kind === 'rate') return false;
        return v === null || (typeof v === 'number' && v !== 0);
      });
      for (const key of ['bank', 'name']) {
        const col = columns.get(key);
        if (col && hasFigure && !values.get(key)) {
          log.error('cell.empty', sheet, cellAddress(row.r, col.c), { column: col.field.header });
        }
      }
      const hasAnything =
        def.rows === 'one'
          ? hasFigureCell
          : hasFigure || (bankCol && values.get('bank')) || (columns.get('name') && values.get('name'));
      if (!hasAnything) continue;
    }
    rows.push({ r: row.r, kind, unitId, unitCell, unitUnknown, values, cells, present });
  }
  if (beyond > 0) {
    log.error('table.tooManyRows', sheet, headerCell, {
      table: tableName(def),
      count: rows.length + beyond,
      limit: MAX_DATA_ROWS,
    });
  }
  const read: SheetRead = {
    grid,
    def,
    columns,
    sender,
    period,
    need,
    rows,
    blockStart: match.blockStart,
    headerIndex: match.rowIndex,
    headerRows: match.headerRows,
    endIndex,
  };
  if (senderUnknown) read.senderUnknown = true;
  return read;
}

function readField(
  field: FieldDef,
  col: ColumnMap,
  cell: GridCell | undefined,
  sheetUnit: string | null,
  ctx: CellContext,
  r: number,
): FieldValue {
  switch (field.kind) {
    case 'count':
    case 'money':
      return readFigure(cell, col, columnPower(col, sheetUnit), ctx, r);
    case 'rate':
      return readRate(cell, col, ctx, r);
    case 'seq':
      return null;
    default:
      return readText(cell, ctx);
  }
}

/**
 * The unit a 填报单位 value or a 市县 cell names. It often carries the filling office, a seal note, a note
 * marker or a date after it (农安县住建局（盖章）, 农安县*, 农安县人民政府  2018年10月8日): tried as written
 * first, then its first word, each without those.
 */
function resolveSender(register: UnitRegister, name: string): ReturnType<UnitRegister['resolve']> {
  const resolved = register.resolve(name);
  if (resolved.ok) return resolved;
  const text = name.normalize('NFKC').trim();
  const [first = '', ...rest] = text.split(/\s+/);
  // The first word alone only when what follows is a date or a seal (长春市 新区 is no 长春市).
  const words = /^[\d年月日号./\-:()盖公签章]*$/.test(rest.join('')) ? [text, first] : [text];
  for (const word of words) {
    const bare = word
      .replace(/\s+/g, '')
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

function isPrefectureName(register: UnitRegister, name: string): boolean {
  const key = normaliseName(name).replace(/(人民政府|政府|住建局|住房和城乡建设局)$/, '');
  return register.prefectures.some(
    (p) => normaliseName(p.name) === key || normaliseName(p.name.replace(/朝鲜族自治州$/, '州')) === key,
  );
}

/** 表1 style short name of a table, for messages. */
export function tableName(def: TableDef): string {
  return `表${def.number}（${def.shortName}）`;
}
