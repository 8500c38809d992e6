// One recognised table → its header block (unit, cutoff, 单位, loan need) and its rows, each cell coerced
// exactly (whole 套/户/元, rates in hundredths of a percent) and each row tied to a unit; totals kept apart.

import { parseNumberText } from '../domain/numbers';
import type { TableDef } from '../domain/tables';
import type { PeriodKey, UnitId } from '../domain/types';
import type { UnitRegister } from '../domain/units';
import type { Grid, GridCell, GridRow } from './grid';
import { cellAddress, cellAt, cellText } from './grid';
import type { HeaderBlock } from './header-block';
import { readHeaderBlock } from './header-block';
import type { ColumnMap, HeaderMatch } from './headers';
import type { IssueLog } from './issue-log';
import { tableName } from './issue-log';
import type { CellContext, FieldValue } from './read-cells';
import { readField } from './read-cells';
import type { RowKind } from './row-kinds';
import { endsTable, rowColumns, rowKind, rowUnit } from './row-kinds';

export type { FieldValue } from './read-cells';

export interface RowRecord {
  r: number;
  kind: RowKind;
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
  /** 填报单位 of the header block, resolved; `unitId` undefined when it names a prefecture (a combined return). */
  sender: HeaderBlock['sender'];
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
  /** How the header was read: every column, matched or not. */
  header: HeaderMatch;
  /** Columns holding figures that no field was read from (already refused), in column order. */
  unread: number[];
}

/**
 * The most data rows a table may have. A prefecture's combined 表4 lists a few hundred projects; 145,000 rows
 * are pasted data (and once made every analysis page fail): refused with the count, never read.
 */
export const MAX_DATA_ROWS = 10_000;

export interface ReadSheetOptions {
  log: IssueLog;
  register: UnitRegister;
  date1904: boolean;
}

/** Read the header block and the rows of a recognised table. */
export function readSheet(grid: Grid, match: HeaderMatch, opts: ReadSheetOptions): SheetRead {
  const { log } = opts;
  const def = match.def;
  const columns = new Map(match.columns.map((col) => [col.field.key, col]));
  checkColumns(grid, match, columns, log);
  const block = readHeaderBlock(grid, match, opts);
  const { rows, endIndex, unread } = readRows(grid, match, columns, block.sheetUnit, opts);
  const read: SheetRead = {
    grid,
    def,
    columns,
    sender: block.sender,
    period: block.period,
    need: block.need,
    rows,
    blockStart: match.blockStart,
    headerIndex: match.rowIndex,
    headerRows: match.headerRows,
    endIndex,
    header: match,
    unread,
  };
  if (block.senderUnknown) read.senderUnknown = true;
  return read;
}

/** The fields of a table no column was read into, for messages: “本月开工（套）”、“开工率（%）”. */
export function unreadFields(match: HeaderMatch): string {
  const read = new Set(match.columns.map((col) => col.field.key));
  return match.def.fields
    .filter((f) => f.kind !== 'seq' && !read.has(f.key))
    .map((f) => `“${f.header}”`)
    .join('、');
}

/** The header cells not understood, for messages: C3“…”、D3“…”. */
export function unknownHeaders(grid: Grid, match: HeaderMatch): { cells: string; first: string | undefined } {
  const headerRow = grid.rows[match.rowIndex];
  const unknown = match.all.filter((col) => col.status === 'unknown' && col.header);
  const at = (c: number) => cellAddress(headerRow?.r ?? 0, c);
  return {
    cells: unknown.map((col) => `${at(col.c)}“${col.header}”`).join('、'),
    first: unknown[0] ? at(unknown[0].c) : undefined,
  };
}

/** Two columns under one heading, a header fitting two fields, and the required columns the header lacks. */
function checkColumns(grid: Grid, match: HeaderMatch, columns: Map<string, ColumnMap>, log: IssueLog): void {
  const sheet = grid.name;
  const def = match.def;
  const headerRow = grid.rows[match.rowIndex];
  if (!headerRow) return;
  const at = (c: number) => cellAddress(headerRow.r, c);
  // Two columns under one heading (an old column kept beside the new, often hidden): which holds the
  // month's figures cannot be known, so the file is refused rather than one of them guessed.
  for (const dup of match.duplicates ?? []) {
    const first = columns.get(dup.field.key);
    if (!first) continue;
    log.error(
      'column.duplicate',
      sheet,
      at(dup.c),
      { column: dup.header || dup.field.header, otherCell: at(first.c) },
      { text: dup.header, table: def.key, field: dup.field.key },
    );
  }
  for (const col of match.ambiguous ?? []) {
    log.error(
      'column.ambiguous',
      sheet,
      at(col.c),
      { column: col.header, fields: col.fields.map((f) => `“${f.header}”`).join('或') },
      { text: col.header, table: def.key },
    );
  }
  const missing = def.fields.filter((field) => field.required && !columns.has(field.key));
  if (missing.length === 0) return;
  const unknown = unknownHeaders(grid, match);
  for (const field of missing) {
    log.error(
      'column.missing',
      sheet,
      unknown.first ?? at(headerRow.cells[0]?.c ?? 0),
      { table: tableName(def), column: field.header, unknown: unknown.cells },
      { table: def.key, field: field.key },
    );
  }
}

/** A cell that holds a figure (a number, or text that reads as one): what an unknown column may not hold. */
function isFigureCell(cell: GridCell): boolean {
  if (typeof cell.value === 'number') return true;
  return typeof cell.value === 'string' && parseNumberText(cell.value).kind === 'number';
}

/**
 * Columns under the header that hold figures but were read into no field: each is an error at its header
 * cell (or its first figure, when it has no header), never a column dropped in silence.
 */
function checkUnreadFigures(
  grid: Grid,
  match: HeaderMatch,
  figures: Map<number, string>,
  log: IssueLog,
): void {
  const headerRow = grid.rows[match.rowIndex];
  const def = match.def;
  if (figures.size === 0) return;
  const missing = unreadFields(match);
  for (const [c, firstCell] of [...figures].sort((a, b) => a[0] - b[0])) {
    const header = match.all.find((col) => col.c === c)?.header ?? '';
    if (header && headerRow) {
      log.error(
        'column.unknown',
        grid.name,
        cellAddress(headerRow.r, c),
        { column: header, table: tableName(def), missing },
        { text: header, table: def.key },
      );
    } else {
      log.error(
        'column.noHeader',
        grid.name,
        firstCell,
        { table: tableName(def), missing },
        { table: def.key },
      );
    }
  }
}

/** The data rows: until the footer (填表人：…), skipping blanks and a row of column numbers. */
function readRows(
  grid: Grid,
  match: HeaderMatch,
  columns: Map<string, ColumnMap>,
  sheetUnit: string | null,
  opts: ReadSheetOptions,
): { rows: RowRecord[]; endIndex: number; unread: number[] } {
  const { log, register } = opts;
  const def = match.def;
  const sheet = grid.name;
  const ctx: CellContext = { log, sheet, table: def.key, date1904: opts.date1904 };
  const dataStart = match.rowIndex + match.headerRows;
  const unitCol = columns.get('unit');
  const byKind = rowColumns(def, match.columns);
  const figures = match.columns.filter((col) => FIGURE_KINDS.has(col.field.kind));
  const rows: RowRecord[] = [];
  let carriedUnit: { unitId: UnitId; cell: string } | undefined;
  // Columns read, ignored or excluded; any other column's first figure is noted, to be refused.
  const accounted = new Set(match.all.filter((col) => col.status !== 'unknown').map((col) => col.c));
  const unread = new Map<number, string>();
  let endIndex = grid.rows.length;
  let beyond = 0;
  for (let i = dataStart; i < grid.rows.length; i++) {
    const row = grid.rows[i];
    if (!row) continue;
    if (endsTable(row)) {
      endIndex = i;
      break;
    }
    for (const cell of row.cells) {
      if (!accounted.has(cell.c) && !unread.has(cell.c) && isFigureCell(cell)) {
        unread.set(cell.c, cellAddress(row.r, cell.c));
      }
    }
    if (!match.columns.some((col) => cellAt(row, col.c))) continue;
    // Past the bound the rows are only counted, for the refusal: nothing of such a table is read.
    if (rows.length >= MAX_DATA_ROWS) {
      beyond++;
      continue;
    }
    const kind = rowKind(row, byKind);

    let unitId: UnitId | undefined;
    let unitCell: string | undefined;
    let unitUnknown = false;
    if (unitCol && kind !== 'total') {
      const text = cellText(cellAt(row, unitCol.c)).trim();
      unitCell = cellAddress(row.r, unitCol.c);
      const named = rowUnit(register, text);
      if (named.kind === 'subtotal') continue;
      if (named.kind === 'unknown') {
        unitUnknown = true;
        log.error(
          'unit.unknown',
          sheet,
          unitCell,
          { name: named.name, suggestions: named.suggestions },
          { text, table: def.key, field: 'unit' },
        );
      } else if (named.unitId) {
        unitId = named.unitId;
        if (def.rows === 'many') carriedUnit = { unitId, cell: unitCell };
      } else if (!text && def.rows === 'many' && carriedUnit) {
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
    const record: RowRecord = { r: row.r, kind, unitId, unitCell, unitUnknown, values, cells, present };
    if (kind === 'need') withNeed(record, figures);
    if (kind === 'data' && !keepDataRow(def, row, record, columns, figures, log, sheet)) continue;
    rows.push(record);
  }
  checkUnreadFigures(grid, match, unread, log);
  if (beyond > 0) {
    const head = grid.rows[match.rowIndex];
    log.error('table.tooManyRows', sheet, head ? cellAddress(head.r, head.cells[0]?.c ?? 0) : undefined, {
      table: tableName(def),
      count: rows.length + beyond,
      limit: MAX_DATA_ROWS,
    });
  }
  return { rows, endIndex, unread: [...unread.keys()].sort((a, b) => a - b) };
}

const FIGURE_KINDS = new Set(['count', 'money', 'rate']);

/** The loan need line of a combined 表2: its amount is the first figure above zero. */
function withNeed(record: RowRecord, figures: readonly ColumnMap[]): void {
  const amount = figures
    .map((col) => record.values.get(col.field.key))
    .find((v) => typeof v === 'number' && v > 0);
  record.values.set('need', typeof amount === 'number' ? amount : 0);
  record.cells.set('need', record.cells.get(figures[0]?.field.key ?? '') ?? '');
}

/**
 * Whether a data row counts: a blank template line (a 序号, zeros) is skipped; figures without their bank or
 * project are not (and are an error).
 */
function keepDataRow(
  def: TableDef,
  row: GridRow,
  record: RowRecord,
  columns: Map<string, ColumnMap>,
  figures: readonly ColumnMap[],
  log: IssueLog,
  sheet: string,
): boolean {
  const hasFigureCell = figures.some((col) => cellAt(row, col.c));
  const hasFigure = figures.some((col) => {
    const v = record.values.get(col.field.key);
    if (col.field.kind === 'rate') return false;
    return v === null || (typeof v === 'number' && v !== 0);
  });
  for (const key of ['bank', 'name']) {
    const col = columns.get(key);
    if (col && hasFigure && !record.values.get(key)) {
      log.error(
        'cell.empty',
        sheet,
        cellAddress(row.r, col.c),
        { column: col.field.header },
        { text: '', table: def.key, field: key },
      );
    }
  }
  if (def.rows === 'one') return hasFigureCell;
  return (
    hasFigure ||
    Boolean(columns.get('bank') && record.values.get('bank')) ||
    Boolean(columns.get('name') && record.values.get('name'))
  );
}
