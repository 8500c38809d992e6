// A workbook's sheets → the tables found in them, each read: several stacked on one sheet, a header copy without
// rows (a 填表说明 sheet) giving way to the table with rows, hidden old copies ignored, two units refused.
import { pushAll } from '../domain/iterate';
import type { TableDef } from '../domain/tables';
import type { HeaderLayout, UnitId } from '../domain/types';
import type { UnitRegister } from '../domain/units';
import { gridRowAt } from './corrections';
import type { Grid } from './grid';
import { cellAddress } from './grid';
import { resolveSender } from './header-block';
import { findTable, matchHeaderRow, normaliseTitle, titleScore } from './headers';
import { IssueLog, tableName } from './issue-log';
import { hasInlineKeyValue, keyValueText, rowKeyValues } from './key-values';
import type { SheetRead } from './read-sheet';
import { readSheet, unknownHeaders, unreadFields } from './read-sheet';

/** A sheet as the reader walks it. */
export interface SheetGrid {
  grid: Grid;
  hidden: boolean;
}

export interface FoundTables {
  /** The tables kept, in the order found (visible sheets first). */
  sheets: SheetRead[];
  /** Errors and warnings of the kept tables and of the workbook as a whole. */
  log: IssueLog;
}

export interface FindTablesOptions {
  fileName: string;
  register: UnitRegister;
  date1904: boolean;
  layouts: readonly HeaderLayout[];
}

/** Tables looked for in one sheet: the five, with room for a stray copy; bounds work on hostile sheets. */
const MAX_TABLES_PER_SHEET = 8;

/** Find and read every table of the workbook's sheets (visible sheets first). */
export function findTables(grids: readonly SheetGrid[], opts: FindTablesOptions): FoundTables {
  const log = new IssueLog(opts.fileName);
  // Each table is read into its own log, kept only when the table is: a copy of a header without rows (in a
  // 填表说明 sheet, a blank template) gives way to the table with rows, and says nothing.
  const kept: { read: SheetRead; log: IssueLog }[] = [];
  let severalUnits = false;
  for (const { grid, hidden } of grids) {
    // Usually one table per sheet; a sheet may also stack several, each with its own title block.
    let from = 0;
    for (let t = 0; t < MAX_TABLES_PER_SHEET && from < grid.rows.length; t++) {
      const match = findTable(grid, from, opts.layouts);
      if (!match) break;
      const own = new IssueLog(opts.fileName);
      const read = readSheet(grid, match, { log: own, register: opts.register, date1904: opts.date1904 });
      from = Math.max(read.endIndex, match.rowIndex + match.headerRows);
      const index = kept.findIndex((k) => k.read.def.key === match.def.key);
      const other = kept[index];
      if (!other) {
        kept.push({ read, log: own });
        continue;
      }
      if (read.rows.length === 0) continue;
      if (other.read.rows.length === 0) {
        kept[index] = { read, log: own };
        continue;
      }
      if (hidden) continue;
      const a = other.read.sender;
      const b = read.sender;
      if (a?.unitId && b?.unitId && a.unitId !== b.unitId) {
        // Two units' returns in one workbook: said once, with how to fix it, not once per table.
        if (!severalUnits) {
          log.error('file.severalUnits', grid.name, b.cell, {
            name: b.name,
            other: a.name,
            otherSheet: other.read.grid.name,
          });
        }
        severalUnits = true;
        continue;
      }
      log.error('table.duplicate', grid.name, undefined, {
        table: tableName(match.def),
        otherSheet: other.read.grid.name,
      });
    }
  }
  for (const k of kept) {
    pushAll(log.errors, k.log.errors);
    pushAll(log.warnings, k.log.warnings);
  }
  return { sheets: kept.map((k) => k.read), log };
}

/** Header-block rows searched for a 填报单位 when no table could be read. */
const UNIT_SEARCH_ROWS = 12;

/**
 * The unit whose file this is, decided before its saved header layouts apply: the 填报单位 of the tables read,
 * else the one unit their 市县 column names, else a 填报单位 line at the top of any sheet. None for a combined
 * return (several units) or a file that names none.
 */
export function fileUnit(
  sheets: readonly SheetRead[],
  grids: readonly SheetGrid[],
  register: UnitRegister,
): UnitId | undefined {
  const senders = new Set(sheets.map((s) => s.sender?.unitId).filter((id) => id !== undefined));
  const named = new Set(
    sheets.flatMap((s) => s.rows.map((row) => row.unitId)).filter((id) => id !== undefined),
  );
  const prefecture = sheets.some((s) => s.sender && s.sender.unitId === undefined);
  if (senders.size === 1 && [...named].every((id) => senders.has(id))) return [...senders][0];
  if (senders.size === 0 && named.size === 1 && !prefecture) return [...named][0];
  if (senders.size > 0 || named.size > 0 || prefecture) return undefined;
  for (const { grid } of grids) {
    for (let r = 0; r < UNIT_SEARCH_ROWS; r++) {
      const row = gridRowAt(grid, r);
      if (!row) continue;
      for (const kv of rowKeyValues(row, gridRowAt(grid, r + 1))) {
        if (kv.kind !== 'unit') continue;
        const resolved = resolveSender(register, keyValueText(kv));
        if (resolved.ok) return resolved.unit.id;
      }
    }
  }
  return undefined;
}

/** A block of a sheet that names a table (its title or a header like it) but could not be read as it. */
export interface UnreadableBlock {
  def: TableDef;
  sheet: string;
  cell: string;
  /** Its header cells not understood ('' when no header was seen). */
  unknown: string;
  /** Its fields no column was found for. */
  missing: string;
}

/** Rows of each sheet looked at for the trace of a table not read: a title block is never far down. */
const TRACE_ROWS = 80;
/** Rows under a title where its header is looked for. */
const HEADER_BELOW_TITLE = 6;

/** A row that may be a column header: two or more words, not a key–value line. */
function isHeaderLike(row: Grid['rows'][number]): boolean {
  let words = 0;
  for (const cell of row.cells) if (typeof cell.value === 'string') words++;
  return words >= 2 && !hasInlineKeyValue(row);
}

/** A title cell naming the table: short, no sentence, with 表N or its title words. */
function namesTable(def: TableDef, row: Grid['rows'][number]): string | undefined {
  for (const cell of row.cells) {
    if (typeof cell.value !== 'string') return undefined;
    const text = normaliseTitle(cell.value);
    if (text.length <= 40 && !/[。；;]/.test(text) && titleScore(def, [text]) > 0) return text;
  }
  return undefined;
}

/**
 * Where a table that was not read shows in the workbook — a title naming it, or a header that reads partly as
 * it — outside the tables read. Such a table is not missing: the file is refused there.
 */
export function unreadableBlock(
  def: TableDef,
  grids: readonly SheetGrid[],
  sheets: readonly SheetRead[],
): UnreadableBlock | undefined {
  for (const { grid, hidden } of grids) {
    if (hidden) continue;
    const read = sheets.filter((s) => s.grid === grid);
    const inRead = (i: number) => read.some((s) => s.blockStart <= i && i < s.endIndex);
    const limit = Math.min(grid.rows.length, TRACE_ROWS);
    for (let i = 0; i < limit; i++) {
      const row = grid.rows[i];
      if (!row || inRead(i)) continue;
      const at = (c: number) => cellAddress(row.r, c);
      if (namesTable(def, row)) {
        for (let j = i + 1; j <= i + HEADER_BELOW_TITLE && j < grid.rows.length; j++) {
          const next = grid.rows[j];
          if (!next || inRead(j) || !isHeaderLike(next)) continue;
          const match = matchHeaderRow(grid, def, j);
          if (!match) break;
          return {
            def,
            sheet: grid.name,
            cell: at(row.cells[0]?.c ?? 0),
            unknown: unknownHeaders(grid, match).cells,
            missing: unreadFields(match),
          };
        }
        const missing = def.fields
          .filter((f) => f.required)
          .map((f) => `“${f.header}”`)
          .join('、');
        return { def, sheet: grid.name, cell: at(row.cells[0]?.c ?? 0), unknown: '', missing };
      }
      if (!isHeaderLike(row)) continue;
      const match = matchHeaderRow(grid, def, i);
      if (!match || match.score === 0) continue;
      const unknown = unknownHeaders(grid, match);
      return {
        def,
        sheet: grid.name,
        cell: unknown.first ?? at(row.cells[0]?.c ?? 0),
        unknown: unknown.cells,
        missing: unreadFields(match),
      };
    }
  }
  return undefined;
}
