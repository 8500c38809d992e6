// One cell of a recognised column → its value, exactly: whole 套/户/元 from a figure (units typed or in the
// header converted), a declared rate in hundredths of a percent, or text; every refusal names its cell.
import {
  decimalOfCellNumber,
  excelSerialToIso,
  formatDecimal,
  isNegative,
  isWhole,
  rateToBp,
  readNumber,
  shiftDecimal,
  toWholeNumber,
  unitPower,
} from '../domain/numbers';
import type { FieldDef } from '../domain/tables';
import type { TableKey } from '../domain/types';
import type { GridCell } from './grid';
import { cellAddress, cellText } from './grid';
import type { ColumnMap } from './headers';
import type { IssueLog } from './issue-log';

/** A coerced cell: a whole number (count, yuan), a rate, text, or nothing. */
export type FieldValue = number | string | null;

export interface CellContext {
  log: IssueLog;
  sheet: string;
  /** The table the cells belong to (set on every issue, so the review step can place it). */
  table?: TableKey;
  date1904: boolean;
}

/** The stored unit of a figure column and the power of ten that converts to it. */
export interface ColumnPower {
  power: number;
  unit: string;
}

/** The power of ten from a figure column's typed unit to its stored one: its header, the 单位 cell, the official. */
export function columnPower(col: ColumnMap, sheetUnit: string | null): ColumnPower {
  const kind = col.field.kind === 'money' ? 'money' : 'count';
  const stored = kind === 'money' ? '元' : col.field.headerUnit === '户' ? '户' : '套';
  for (const u of [col.unit, sheetUnit, col.field.headerUnit ?? null]) {
    if (!u) continue;
    const power = unitPower(u, kind);
    if (power !== null) return { power, unit: stored };
  }
  return { power: 0, unit: stored };
}

/** Beyond any county's figures: a million 套/户, a trillion yuan (1万亿元). */
const IMPLAUSIBLE_COUNT = 1_000_000;
const IMPLAUSIBLE_YUAN = 1_000_000_000_000;

/** The unit a column's figures are typed in, for messages: 万套 under 累计开工（万套）. */
function columnUnitName(col: ColumnMap, power: ColumnPower): string {
  if (power.power === 0) return power.unit;
  const kind = col.field.kind === 'money' ? 'money' : 'count';
  for (const u of ['万套', '万户', '万元', '亿元']) if (unitPower(u, kind) === power.power) return u;
  return power.unit;
}

/** Coerce a figure cell (count or money) to a whole number of 套/户/元; errors are logged, null returned. */
export function readFigure(
  cell: GridCell | undefined,
  col: ColumnMap,
  power: ColumnPower,
  ctx: CellContext,
  r: number,
): number | null {
  if (!cell) return 0;
  const address = cellAddress(r, cell.c);
  const column = col.header || col.field.header;
  const at = { text: cellText(cell).trim(), table: ctx.table, field: col.field.key };
  if (cell.error) {
    ctx.log.error('number.text', ctx.sheet, address, { text: String(cell.value), column }, at);
    return null;
  }
  if (cell.noResult) {
    ctx.log.error('number.noResult', ctx.sheet, address, { column }, at);
    return null;
  }
  // Excel turns 9-30 or 2018.9 typed into a cell into a date; its serial day (43373) is no figure.
  if (cell.date && typeof cell.value === 'number') {
    const iso = excelSerialToIso(cell.value, ctx.date1904);
    ctx.log.error('number.date', ctx.sheet, address, { text: iso ?? String(cell.value), column }, at);
    return null;
  }
  // Typed into a cell formatted as a percent, 800 is stored as 8 and shown as 800%: which was meant is unknown.
  if (cell.percent && typeof cell.value === 'number' && cell.value !== 0) {
    const shownPercent = `${formatDecimal(shiftDecimal(decimalOfCellNumber(cell.value) ?? { mantissa: 0n, exponent: 0 }, 2))}%`;
    ctx.log.error('number.percentFormat', ctx.sheet, address, { text: shownPercent, column }, at);
    return null;
  }
  const parsed = readNumber(cell.value, false);
  if (parsed.kind === 'empty') return 0;
  if (parsed.kind === 'text' || parsed.percent) {
    ctx.log.error('number.text', ctx.sheet, address, { text: cellText(cell).trim(), column }, at);
    return null;
  }
  const shown = typeof cell.value === 'string' ? cell.value.trim() : formatDecimal(parsed.value);
  if (isNegative(parsed.value)) {
    ctx.log.error('number.negative', ctx.sheet, address, { text: shown, column }, at);
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
      ctx.log.error('number.unit', ctx.sheet, address, { text: shown, column, unit: parsed.unit }, at);
      return null;
    }
    scale = typed;
  }
  const scaled = shiftDecimal(parsed.value, scale);
  const whole = toWholeNumber(scaled);
  if (whole === null) {
    // Either a fraction, or beyond what a number holds exactly.
    const code = isWhole(scaled) ? 'number.tooLarge' : 'number.fraction';
    ctx.log.error(code, ctx.sheet, address, { text: shown, column, unit: power.unit }, at);
    return null;
  }
  // A figure typed in 套 or 元 under a 万套 or 亿元 header is multiplied ten thousandfold without a sound:
  // no county has a million 套 or 户, nor a loan of a trillion yuan, so such a figure is flagged.
  if (whole >= (col.field.kind === 'money' ? IMPLAUSIBLE_YUAN : IMPLAUSIBLE_COUNT)) {
    const stored = `${whole}${power.unit}`;
    const unit = parsed.unit ?? columnUnitName(col, power);
    ctx.log.warn('number.implausible', ctx.sheet, address, { text: shown, column, stored, unit }, at);
  }
  return whole;
}

/** A declared rate: 41.6, '41.6%', or 0.416 formatted as a percent → 4160; blank or an error value → null. */
export function readRate(
  cell: GridCell | undefined,
  col: ColumnMap,
  ctx: CellContext,
  r: number,
): number | null {
  if (!cell || cell.error) return null;
  const parsed = readNumber(cell.value, cell.percent);
  if (parsed.kind === 'empty') return null;
  if (parsed.kind === 'text' || parsed.unit) {
    const text = cellText(cell).trim();
    ctx.log.error(
      'number.text',
      ctx.sheet,
      cellAddress(r, cell.c),
      { text, column: col.header || col.field.header },
      { text, table: ctx.table, field: col.field.key },
    );
    return null;
  }
  // A number cell with a % format holds the fraction; typed text '41.6%' holds the percent.
  const fraction = parsed.percent && typeof cell.value === 'number';
  return rateToBp(parsed.value, fraction);
}

/** A text cell; a real date in it (计划完成时间) is written as shown: 2018年12月, or 2018年12月31日 with a day. */
export function readText(cell: GridCell | undefined, date1904: boolean): string {
  if (!cell || cell.value === null) return '';
  if (typeof cell.value === 'number' && cell.date) {
    const iso = excelSerialToIso(cell.value, date1904);
    if (!iso) return String(cell.value);
    const [y, m, d] = iso.split('-').map(Number);
    return cell.monthOnly ? `${y}年${m}月` : `${y}年${m}月${d}日`;
  }
  return cellText(cell).trim();
}

/** The value of one cell of a recognised column, read by its field's kind. */
export function readField(
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
      return readText(cell, ctx.date1904);
  }
}
