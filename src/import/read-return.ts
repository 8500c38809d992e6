// The return reader: bytes of an .xlsx/.xls/.csv → one ParsedReturn per unit and period, or the reasons the
// file is refused. Synchronous and pure (runs in Node and in a Web Worker); never throws, never half-returns.
import type * as XLSX from 'xlsx';
import { makeIssue } from '../domain/messages';
import { periodLabel } from '../domain/period';
import { DEFAULT_SETTINGS } from '../domain/settings';
import { TABLES } from '../domain/tables';
import type {
  CellCorrection,
  HeaderLayout,
  ParsedReturn,
  PeriodKey,
  ReadResult,
  TableReading,
  UnitId,
} from '../domain/types';
import type { UnitRegister } from '../domain/units';
import { defaultRegister } from '../domain/units';
import { buildReturns } from './build-returns';
import { cellAddress, sheetGrid } from './grid';
import { findTable } from './headers';
import { openWorkbook } from './open-workbook';
import type { SheetRead } from './read-sheet';
import { IssueLog, readSheet, tableName } from './read-sheet';

export interface ReadReturnOptions {
  register?: UnitRegister;
  /**
   * Saved header mappings (表头对照). The reader applies those of the file's own unit, before recognition by
   * meaning; a layout of another unit is never applied.
   */
  layouts?: readonly HeaderLayout[];
  /** Cells given a value by hand in the review step; each is read as if the cell held its value. */
  corrections?: readonly CellCorrection[];
  /** Files larger than this are refused before parsing; default from the settings (20 MB). */
  maxBytes?: number;
  /** Give each table's cell values (TableReading.values), for the review step's preview. */
  withValues?: boolean;
}

export const DEFAULT_MAX_BYTES = DEFAULT_SETTINGS.maxFileSizeMb * 1024 * 1024;

/** Tables looked for in one sheet: the five, with room for a stray copy; bounds work on hostile sheets. */
const MAX_TABLES_PER_SHEET = 8;

/** More issues than this in one file are summarised: nobody reads the thousandth. */
const MAX_ISSUES = 200;

/** Megabytes with one decimal, without a trailing .0 (20, 1.5); `up` rounds a file's size up, never to the limit. */
export function megabytes(bytes: number, up = false): string {
  const tenths = (bytes * 10) / (1024 * 1024);
  return String((up ? Math.ceil(tenths) : Math.round(tenths)) / 10);
}

/** Read one uploaded file. */
export function readReturn(bytes: Uint8Array, fileName: string, options: ReadReturnOptions = {}): ReadResult {
  try {
    return readUnguarded(bytes, fileName, options);
  } catch {
    // A bug or a library failure on a strange file must still come back as a refusal, not an exception.
    return { ok: false, issues: [makeIssue('error', 'file.unreadable', { file: fileName }, {})], tables: [] };
  }
}

function readUnguarded(bytes: Uint8Array, fileName: string, options: ReadReturnOptions): ReadResult {
  const register = options.register ?? defaultRegister;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const log = new IssueLog(fileName);
  if (bytes.length > maxBytes) {
    log.error('file.tooLarge', undefined, undefined, {
      sizeMb: megabytes(bytes.length, true),
      limitMb: megabytes(maxBytes),
    });
    return { ok: false, issues: log.errors, tables: [] };
  }
  const opened = openWorkbook(bytes, fileName);
  if (!opened.ok) {
    log.error(opened.code, undefined, undefined, {} as never);
    return { ok: false, issues: log.errors, tables: [] };
  }
  const wb = opened.workbook;
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);

  // Each table is read into its own log, kept only when the table is: a copy of a header without rows (in a
  // 填表说明 sheet, a blank template) gives way to the table with rows, and says nothing.
  const kept: { read: SheetRead; log: IssueLog }[] = [];
  let severalUnits = false;
  let anyCell = false;
  // Visible sheets first: a hidden sheet holding an old copy of a table is then ignored, not a duplicate.
  const hidden = (index: number) => Boolean(wb.Workbook?.Sheets?.[index]?.Hidden);
  const names = wb.SheetNames.map((name, index) => ({ name, hidden: hidden(index) }));
  names.sort((a, b) => Number(a.hidden) - Number(b.hidden));
  for (const { name, hidden: isHidden } of names) {
    const ws = sheetByName(wb, name);
    if (!ws) continue;
    const grid = sheetGrid(name, ws);
    if (grid.rows.length === 0) continue;
    anyCell = true;
    // Usually one table per sheet; a sheet may also stack several, each with its own title block.
    let from = 0;
    for (let t = 0; t < MAX_TABLES_PER_SHEET && from < grid.rows.length; t++) {
      const match = findTable(grid, from);
      if (!match) break;
      const own = new IssueLog(fileName);
      const read = readSheet(grid, match, { log: own, register, date1904 });
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
      if (isHidden) continue;
      const a = other.read.sender;
      const b = read.sender;
      if (a?.unitId && b?.unitId && a.unitId !== b.unitId) {
        // Two units' returns in one workbook: said once, with how to fix it, not once per table.
        if (!severalUnits) {
          log.error('file.severalUnits', name, b.cell, {
            name: b.name,
            other: a.name,
            otherSheet: other.read.grid.name,
          });
        }
        severalUnits = true;
        continue;
      }
      log.error('table.duplicate', name, undefined, {
        table: tableName(match.def),
        otherSheet: other.read.grid.name,
      });
    }
  }
  const sheets = kept.map((k) => k.read);
  const tables = sheets.map((read) => tableReading(read, options.withValues === true));
  for (const k of kept) {
    log.errors.push(...k.log.errors);
    log.warnings.push(...k.log.warnings);
  }
  const seen = new Set(sheets.map((s) => s.def.key));
  if (!anyCell) {
    log.error('file.empty', undefined, undefined, {});
    return { ok: false, issues: log.errors, tables: [] };
  }
  if (sheets.length === 0) {
    log.error('table.none', undefined, undefined, {});
    return { ok: false, issues: log.errors, tables };
  }

  const senderId = agreeOnSender(sheets, log, register);
  const period = agreeOnPeriod(sheets, log);
  if (!period && log.errors.every((e) => e.code !== 'period.mismatch' && e.code !== 'date.invalid')) {
    // Named at the first table's top-left cell: where its title and 截止日期 belong.
    const first = sheets[0] as SheetRead;
    const top = first.grid.rows[first.blockStart] ?? first.grid.rows[0];
    log.error(
      'period.missing',
      first.grid.name,
      top ? cellAddress(top.r, top.cells[0]?.c ?? 0) : undefined,
      {},
    );
  }
  let returns: ParsedReturn[] = [];
  if (period)
    returns = buildReturns(sheets, { log, register, senderId, period: period.period, cutoff: period.cutoff });
  // A CSV holds one table by nature: the others are not "missing".
  if (!opened.csv) {
    for (const def of TABLES) {
      if (!seen.has(def.key)) log.warn('table.missing', undefined, undefined, { table: tableName(def) });
    }
  }
  // A refused file shows its errors only: warnings drawn from figures that failed to read (a plan read as 0
  // after a bad cell) would mislead, and nothing of the file is kept anyway.
  if (log.errors.length > 0) {
    const refused: ReadResult = { ok: false, issues: capped(log.errors, fileName), tables };
    // Who sent it and for when, where known: a refused file still counts as the unit's return (已报送未导入).
    if (senderId) refused.unitId = senderId;
    if (period) refused.period = period.period;
    return refused;
  }
  return { ok: true, returns, warnings: capped(log.warnings, fileName), tables };
}

/** What the reader saw of one recognised table: its header range and each matched column. */
function tableReading(read: SheetRead, withValues: boolean): TableReading {
  const { grid, def } = read;
  const head = grid.rows[read.headerIndex];
  const last = grid.rows[read.headerIndex + read.headerRows - 1] ?? head;
  const columns = [...read.columns.values()].sort((a, b) => a.c - b.c);
  const r0 = head?.r ?? 0;
  const c0 = Math.min(...columns.map((col) => col.c), head?.cells[0]?.c ?? 0);
  const c1 = Math.max(...columns.map((col) => col.c), c0);
  const out: TableReading = {
    table: def.key,
    sheet: grid.name,
    headerRange: `${cellAddress(r0, c0)}:${cellAddress(last?.r ?? r0, c1)}`,
    columns: columns.map((col) => ({
      cell: cellAddress(r0, col.c),
      c: col.c,
      header: col.header,
      field: col.field.key,
      how: 'template',
      status: 'matched',
      unit: col.unit,
    })),
  };
  const data = read.rows;
  const firstRow = data[0];
  const lastRow = data[data.length - 1];
  if (firstRow && lastRow) out.dataRange = `${cellAddress(firstRow.r, c0)}:${cellAddress(lastRow.r, c1)}`;
  if (read.sender?.unitId) out.unitId = read.sender.unitId;
  if (withValues) out.values = cellValues(read);
  return out;
}

/** A1 → the value read, for every cell of the table's rows. */
function cellValues(read: SheetRead): Record<string, number | string | null> {
  const values: Record<string, number | string | null> = {};
  for (const row of read.rows) {
    for (const [field, address] of row.cells) {
      if (address) values[address] = row.values.get(field) ?? null;
    }
  }
  return values;
}

/**
 * A sheet by name without trusting inherited properties. SheetJS stores sheets in a plain object, so a sheet
 * named __proto__ lands as that object's prototype (local to the workbook, never Object.prototype).
 */
function sheetByName(wb: XLSX.WorkBook, name: string): XLSX.WorkSheet | undefined {
  if (Object.hasOwn(wb.Sheets, name)) return wb.Sheets[name];
  if (name !== '__proto__') return undefined;
  const proto: unknown = Object.getPrototypeOf(wb.Sheets);
  if (proto === Object.prototype || proto === null || typeof proto !== 'object') return undefined;
  return '!data' in proto || '!ref' in proto ? (proto as XLSX.WorkSheet) : undefined;
}

function capped<T extends { code: string }>(issues: T[], fileName: string): T[] {
  if (issues.length <= MAX_ISSUES) return issues;
  const rest = issues.length - MAX_ISSUES;
  return [
    ...issues.slice(0, MAX_ISSUES),
    makeIssue('warning', 'issues.truncated', { file: fileName }, { count: rest }) as unknown as T,
  ];
}

/** The unit named by 填报单位 across sheets; sheets that name different units are an error. */
function agreeOnSender(sheets: SheetRead[], log: IssueLog, register: UnitRegister): UnitId | undefined {
  let first: { id: UnitId | undefined; name: string } | undefined;
  for (const s of sheets) {
    if (!s.sender) continue;
    if (!first) {
      first = { id: s.sender.unitId, name: s.sender.name };
      continue;
    }
    const same = first.id !== undefined ? first.id === s.sender.unitId : s.sender.name === first.name;
    if (!same) {
      const otherName = first.id ? (register.unit(first.id)?.name ?? first.name) : first.name;
      log.error('unit.mismatch', s.grid.name, s.sender.cell, { name: s.sender.name, other: otherName });
    }
  }
  return first?.id;
}

/** The period and cutoff all sheets agree on. */
function agreeOnPeriod(
  sheets: SheetRead[],
  log: IssueLog,
): { period: PeriodKey; cutoff: string } | undefined {
  let first: { period: PeriodKey; cutoff: string } | undefined;
  // A cutoff stated by a sheet beats one inferred from a title (the last day of the month).
  const ordered = [...sheets].sort(
    (a, b) => Number(b.period?.stated ?? false) - Number(a.period?.stated ?? false),
  );
  for (const s of ordered) {
    if (!s.period) continue;
    if (!first) {
      first = { period: s.period.period, cutoff: s.period.cutoff };
      continue;
    }
    if (s.period.period !== first.period) {
      log.error('period.mismatch', s.grid.name, s.period.cell, {
        period: periodLabel(s.period.period),
        other: periodLabel(first.period),
        otherPlace: '其他工作表',
      });
    }
  }
  return first;
}
