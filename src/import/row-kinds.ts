// What a row under a table header is: the table's end (a footer, another table's block), a total (合计, 全县),
// the loan need line of a combined 表2 (本年需贷款), a prefecture's subtotal, or a data row of a unit.

import type { TableDef } from '../domain/tables';
import { LOAN_NEED_KEYS } from '../domain/tables';
import type { UnitId } from '../domain/types';
import type { UnitRegister } from '../domain/units';
import { normaliseName } from '../domain/units';
import type { GridRow } from './grid';
import { cellAt, cellText } from './grid';
import { isPrefectureName, resolveSender } from './header-block';
import type { ColumnMap } from './headers';
import { isTableTitleRow, normaliseHeader } from './headers';
import { hasInlineKeyValue } from './key-values';

const TOTAL_RE = /^(?:合计|总计|小计|全[市州省县]|全[市州省县]合计|.{1,10}(?:合计|小计|总计))$/;
const FOOTER_RE =
  /^(?:填表人|填报人|制表人|制表|审核人|审核|负责人|单位负责人|统计负责人|联系人|联系电话|电话|注[:：]|备注[:：]|说明[:：])/;
const NEED_KEYS = new Set(LOAN_NEED_KEYS.map((k) => normaliseHeader(k).key));

/** A label that marks a total line: 合计, 总计, 全县, 长春市合计. */
export function isTotalLabel(text: string): boolean {
  return TOTAL_RE.test(normaliseName(text).replace(/[:：]$/, ''));
}

/** Where a table ends: its footer (填表人：…), or where another table's title or key–value lines begin. */
export function endsTable(row: GridRow): boolean {
  const first = row.cells[0];
  const footer =
    first &&
    typeof first.value === 'string' &&
    FOOTER_RE.test(first.value.normalize('NFKC').replace(/\s+/g, ''));
  return Boolean(footer) || hasInlineKeyValue(row) || isTableTitleRow(row);
}

export type RowKind = 'data' | 'total' | 'need';

/** The columns a table's rows are classified by, worked out once per table. */
export interface RowColumns {
  def: TableDef;
  /** 序号, 市县, 银行 and 项目 columns: their text may say 合计. */
  labels: readonly ColumnMap[];
  /** Text left of the first figure column may say 合计 too. */
  firstFigureC: number;
  bank: ColumnMap | undefined;
}

const FIGURE_KINDS = new Set(['count', 'money', 'rate']);
const LABEL_KINDS = new Set(['seq', 'unit', 'bank']);

export function rowColumns(def: TableDef, columns: readonly ColumnMap[]): RowColumns {
  let firstFigureC = Number.POSITIVE_INFINITY;
  for (const col of columns)
    if (FIGURE_KINDS.has(col.field.kind)) firstFigureC = Math.min(firstFigureC, col.c);
  return {
    def,
    labels: columns.filter((col) => LABEL_KINDS.has(col.field.kind) || col.field.key === 'name'),
    firstFigureC,
    bank: columns.find((col) => col.field.key === 'bank'),
  };
}

/**
 * The kind of a row: a total when a label cell (序号, 市县, 银行, 项目 or any text left of the figures) says
 * 合计; in 表2, the loan need line of a combined return (贷款银行 cell 本年需贷款).
 */
export function rowKind(row: GridRow, cols: RowColumns): RowKind {
  const { bank } = cols;
  if (cols.def.key === 'loan' && bank && NEED_KEYS.has(normaliseHeader(cellText(cellAt(row, bank.c))).key)) {
    return 'need';
  }
  for (const col of cols.labels) {
    const text = cellText(cellAt(row, col.c));
    if (text && isTotalLabel(text)) return 'total';
  }
  for (const cell of row.cells) {
    if (cell.c >= cols.firstFigureC) break;
    if (typeof cell.value === 'string' && cell.value && isTotalLabel(cell.value)) return 'total';
  }
  return 'data';
}

/** The unit a row's 市县 cell names. */
export type RowUnit =
  /** A unit of the register (or none named: `unitId` undefined). */
  | { kind: 'unit'; unitId: UnitId | undefined; unknown: false }
  /** A name that is no unit (reported by the caller). */
  | { kind: 'unknown'; name: string; suggestions: string[]; unknown: true }
  /** A prefecture's subtotal line (延边州) or the 省直管 group: not a unit, never stored. */
  | { kind: 'subtotal'; unknown: false };

/** Resolve the text of a 市县 cell. */
export function rowUnit(register: UnitRegister, text: string): RowUnit {
  if (!text) return { kind: 'unit', unitId: undefined, unknown: false };
  const resolved = resolveSender(register, text);
  if (resolved.ok) return { kind: 'unit', unitId: resolved.unit.id, unknown: false };
  if (isPrefectureName(register, text) || normaliseName(text) === '省直管')
    return { kind: 'subtotal', unknown: false };
  return { kind: 'unknown', name: text, suggestions: resolved.suggestions, unknown: true };
}
