// The return reader: bytes of an .xlsx/.xls/.csv → one ParsedReturn per unit and period, or the reasons the
// file is refused. Synchronous and pure (runs in Node and in a Web Worker); never throws, never half-returns.
import type * as XLSX from 'xlsx';
import { maxOf, minOf, pushAll } from '../domain/iterate';
import { damageDetail, makeIssue } from '../domain/messages';
import { periodLabel } from '../domain/period';
import { DEFAULT_SETTINGS } from '../domain/settings';
import { TABLES } from '../domain/tables';
import type {
  CellCorrection,
  ColumnReading,
  CorrectedCell,
  HeaderLayout,
  ImportIssue,
  ParsedReturn,
  PeriodKey,
  ReadResult,
  TableKey,
  TableReading,
  UnitId,
} from '../domain/types';
import type { UnitRegister } from '../domain/units';
import { defaultRegister } from '../domain/units';
import { buildReturns } from './build-returns';
import { applyCorrections, decodeAddress, gridRowAt } from './corrections';
import { cellAddress, cellAt, cellText, sheetGrid } from './grid';
import { IssueLog, tableName } from './issue-log';
import { openWorkbook } from './open-workbook';
import type { SheetPart } from './package-xml';
import type { SheetRead } from './read-sheet';
import type { SheetGrid } from './read-tables';
import { fileUnit, findTables, unreadableBlock } from './read-tables';

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

/** More issues than this in one file are summarised: nobody reads the thousandth. */
const MAX_ISSUES = 200;

/** Megabytes with one decimal, without a trailing .0 (20, 1.5); `up` rounds a file's size up, never to the limit. */
export function megabytes(bytes: number, up = false): string {
  const tenths = (bytes * 10) / (1024 * 1024);
  return String((up ? Math.ceil(tenths) : Math.round(tenths)) / 10);
}

/** Open a file's bytes as a workbook within the size limit; why not (too large, not a workbook…) goes to `log`. */
export function openWithinLimit(
  bytes: Uint8Array,
  fileName: string,
  maxBytes: number,
  log: IssueLog,
): { workbook: XLSX.WorkBook; csv: boolean; sheets?: SheetPart[] } | null {
  if (bytes.length > maxBytes) {
    log.error('file.tooLarge', undefined, undefined, {
      sizeMb: megabytes(bytes.length, true),
      limitMb: megabytes(maxBytes),
    });
    return null;
  }
  const opened = openWorkbook(bytes, fileName);
  if (!opened.ok) {
    log.error(opened.code, opened.sheet, opened.cell, (opened.params ?? {}) as never);
    return null;
  }
  return opened;
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
  const opened = openWithinLimit(bytes, fileName, maxBytes, log);
  if (!opened) return { ok: false, issues: log.errors, tables: [] };
  const wb = opened.workbook;
  // A sheet SheetJS could not parse is left out of its workbook without a word: the file is refused as
  // damaged rather than read with that table "missing". (A chart sheet holds no cells and may go.)
  const lost = lostSheet(wb, opened.sheets);
  if (lost !== undefined) {
    log.error('file.damaged', undefined, undefined, { detail: damageDetail({ kind: 'sheet', part: lost }) });
    return { ok: false, issues: log.errors, tables: [] };
  }
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const corrections = options.corrections ?? [];
  const grids = workbookGrids(wb, corrections, log);
  if (grids.length === 0) {
    log.error('file.empty', undefined, undefined, {});
    return { ok: false, issues: log.errors, tables: [] };
  }

  // A unit's saved header layouts apply to its own files only: the unit is decided from a first reading.
  const findOptions = { fileName, register, date1904, layouts: [] as HeaderLayout[] };
  let found = findTables(grids, findOptions);
  const ownUnit = fileUnit(found.sheets, grids, register);
  const layouts = (options.layouts ?? []).filter((l) => ownUnit !== undefined && l.unitId === ownUnit);
  if (layouts.length > 0) found = findTables(grids, { ...findOptions, layouts });
  const sheets = found.sheets;
  pushAll(log.errors, found.log.errors);
  pushAll(log.warnings, found.log.warnings);
  const tables = sheets.map((read) => tableReading(read, options.withValues === true));
  const corrected = correctedCells(corrections, sheets);
  const finish = (): ReadResult => {
    annotateIssues([...log.errors, ...log.warnings], grids, sheets);
    // A refused file shows its errors only: warnings drawn from figures that failed to read (a plan read as 0
    // after a bad cell) would mislead, and nothing of the file is kept anyway.
    if (log.errors.length > 0) {
      const out: ReadResult = { ok: false, issues: capped(log.errors, fileName), tables };
      if (corrected.length > 0) out.corrected = corrected;
      // Who sent it and for when, where known: a refused file still counts as the unit's return (已报送未导入).
      if (sender) out.unitId = sender;
      if (agreed) out.period = agreed.period;
      return out;
    }
    const out: ReadResult = { ok: true, returns, warnings: capped(log.warnings, fileName), tables };
    if (corrected.length > 0) out.corrected = corrected;
    return out;
  };
  let returns: ParsedReturn[] = [];
  // A table not read that shows in the workbook (its title, a header like it) is refused there, never "missing".
  const seen = new Set(sheets.map((s) => s.def.key));
  const unreadable = TABLES.filter((def) => !seen.has(def.key))
    .map((def) => unreadableBlock(def, grids, sheets))
    .filter((b) => b !== undefined);
  for (const b of unreadable) {
    const params = { table: tableName(b.def), unknown: b.unknown, missing: b.missing };
    log.error('table.unreadable', b.sheet, b.cell, params, { table: b.def.key });
  }
  let sender: UnitId | undefined;
  let agreed: { period: PeriodKey } | undefined;
  if (sheets.length === 0) {
    if (unreadable.length === 0) log.error('table.none', undefined, undefined, {});
    return finish();
  }

  const senderId = agreeOnSender(sheets, log, register);
  const period = agreeOnPeriod(sheets, log);
  sender = senderId;
  agreed = period;
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
  if (period) {
    const combined = isCombined(sheets);
    const ctx = { log, register, senderId, period: period.period, cutoff: period.cutoff, combined };
    returns = buildReturns(sheets, ctx);
  }
  // A CSV holds one table by nature: the others are not "missing".
  if (!opened.csv) {
    const shown = new Set(unreadable.map((b) => b.def.key));
    for (const def of TABLES) {
      if (!seen.has(def.key) && !shown.has(def.key)) {
        log.warn('table.missing', undefined, undefined, { table: tableName(def) });
      }
    }
  }
  return finish();
}

/**
 * The workbook's sheets that hold any cell, as grids with the review step's corrections applied; visible
 * sheets first, so a hidden sheet holding an old copy of a table is then ignored, not a duplicate.
 */
function workbookGrids(
  wb: XLSX.WorkBook,
  corrections: readonly CellCorrection[],
  log: IssueLog,
): SheetGrid[] {
  const hidden = (index: number) => Boolean(wb.Workbook?.Sheets?.[index]?.Hidden);
  const names = wb.SheetNames.map((name, index) => ({ name, hidden: hidden(index) }));
  names.sort((a, b) => Number(a.hidden) - Number(b.hidden));
  const out: SheetGrid[] = [];
  for (const { name, hidden: isHidden } of names) {
    const ws = sheetByName(wb, name);
    if (!ws) continue;
    const grid = applyCorrections(sheetGrid(name, ws), corrections, log);
    if (grid.rows.length > 0) out.push({ grid, hidden: isHidden });
  }
  const sheetNames = new Set(wb.SheetNames);
  for (const sheet of new Set(corrections.map((k) => k.sheet))) {
    if (!sheetNames.has(sheet)) log.error('correction.noSheet', sheet, undefined, { sheet });
  }
  return out;
}

/** What the reader saw of one recognised table: its header range and every column under it. */
function tableReading(read: SheetRead, withValues: boolean): TableReading {
  const { grid, def, header } = read;
  const head = grid.rows[read.headerIndex];
  const last = grid.rows[read.headerIndex + read.headerRows - 1] ?? head;
  const r0 = head?.r ?? 0;
  const columns: ColumnReading[] = header.all.map((col) => {
    // 序号 is read to spot totals, but nothing of it is stored: an ignorable column.
    const seq = col.field?.kind === 'seq';
    return {
      cell: cellAddress(r0, col.c),
      c: col.c,
      header: col.header,
      field: col.status === 'matched' && !seq ? (col.field?.key ?? null) : null,
      how: col.how,
      status: seq ? 'ignored' : col.status,
      unit: col.unit,
    };
  });
  for (const c of read.unread) {
    if (columns.some((col) => col.c === c)) continue;
    columns.push({
      cell: cellAddress(r0, c),
      c,
      header: '',
      field: null,
      how: null,
      status: 'unknown',
      unit: null,
    });
  }
  columns.sort((a, b) => a.c - b.c);
  const c0 = minOf([head?.cells[0]?.c ?? 0, ...columns.map((col) => col.c)], 0);
  const c1 = maxOf([c0, ...columns.map((col) => col.c)], c0);
  const out: TableReading = {
    table: def.key,
    sheet: grid.name,
    headerRange: `${cellAddress(r0, c0)}:${cellAddress(last?.r ?? r0, c1)}`,
    columns,
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

/** Where a cell of a read table belongs: its table, and the field of its column (or key–value). */
type CellPlace = { table: TableKey; field?: string };

/** Every cell the tables read, header and key–value cells included, by `sheet!A1`. */
function cellPlaces(sheets: readonly SheetRead[]): Map<string, CellPlace> {
  const places = new Map<string, CellPlace>();
  const put = (sheet: string, cell: string | undefined, place: CellPlace) => {
    if (cell && !places.has(`${sheet}!${cell}`)) places.set(`${sheet}!${cell}`, place);
  };
  for (const s of sheets) {
    const sheet = s.grid.name;
    const table = s.def.key;
    for (const row of s.rows) for (const [field, cell] of row.cells) put(sheet, cell, { table, field });
    const head = s.grid.rows[s.headerIndex];
    for (const col of s.header.all) {
      const field = col.status === 'matched' ? col.field?.key : undefined;
      put(sheet, cellAddress(head?.r ?? 0, col.c), field ? { table, field } : { table });
    }
    put(sheet, s.sender?.cell, { table, field: 'unit' });
    put(sheet, s.need?.cell, { table, field: 'need' });
    put(sheet, s.period?.cell, { table });
  }
  return places;
}

/** Give every issue about a cell the text seen there, and its table and field where known. */
function annotateIssues(
  issues: ImportIssue[],
  grids: readonly SheetGrid[],
  sheets: readonly SheetRead[],
): void {
  let places: Map<string, CellPlace> | undefined;
  const bySheet = new Map(grids.map((g) => [g.grid.name, g.grid]));
  for (const issue of issues) {
    if (!issue.sheet || !issue.cell) continue;
    places ??= cellPlaces(sheets);
    const place = places.get(`${issue.sheet}!${issue.cell}`);
    if (place && issue.table === undefined) issue.table = place.table;
    if (place?.field !== undefined && issue.field === undefined) issue.field = place.field;
    if (issue.text === undefined) {
      const grid = bySheet.get(issue.sheet);
      const at = decodeAddress(issue.cell);
      if (grid && at) issue.text = cellText(cellAt(gridRowAt(grid, at.r), at.c)).trim();
    }
  }
}

/** The corrections applied, each with the table and field of its cell where known. */
function correctedCells(
  corrections: readonly CellCorrection[],
  sheets: readonly SheetRead[],
): CorrectedCell[] {
  if (corrections.length === 0) return [];
  const places = cellPlaces(sheets);
  return corrections.map((k) => {
    const place = places.get(`${k.sheet}!${k.cell}`);
    const out: CorrectedCell = { ...k };
    if (place) out.table = place.table;
    if (place?.field !== undefined) out.field = place.field;
    return out;
  });
}

/** The first sheet the workbook names but SheetJS did not read, unless the package says it is a chart sheet. */
function lostSheet(wb: XLSX.WorkBook, parts: readonly SheetPart[] | undefined): string | undefined {
  for (const name of wb.SheetNames) {
    if (sheetByName(wb, name)) continue;
    if (parts?.find((p) => p.name === name)?.kind === 'chartsheet') continue;
    return name;
  }
  return undefined;
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

/** A prefecture's combined return: some table has rows of two or more units. Decided once per workbook. */
function isCombined(sheets: readonly SheetRead[]): boolean {
  return sheets.some((s) => {
    const named = new Set(s.rows.filter((r) => r.kind !== 'total' && r.unitId).map((r) => r.unitId));
    return named.size > 1;
  });
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
