// Annual targets from a workbook (设置 → 年度目标 → 从文件导入): one row per unit, the four targets in columns.
// Read by the reader's own rules — header normalisation (units in brackets, line breaks, 其中), unit names as a
// 市县 cell resolves them, figures as readFigure coerces them (万套, 亿元, 1,200, 全角, 1200套) — and refused
// whole, with each problem at its cell, when anything cannot be placed. A blank cell sets no target.
import { makeIssue } from '../domain/messages';
import { IGNORABLE_HEADERS } from '../domain/tables';
import { seqField, unitField } from '../domain/tables/common-fields';
import {
  formatTargetValue,
  NO_TARGETS,
  TARGET_FIELDS,
  type TargetFieldDef,
  type TargetKey,
  targetColumnField,
  type UnitTargets,
} from '../domain/targets';
import type { ImportIssue, TableKey, UnitId } from '../domain/types';
import { defaultRegister, type UnitRegister } from '../domain/units';
import type { Grid, GridRow } from './grid';
import { cellAddress, cellAt, cellText, sheetGrid } from './grid';
import { type ColumnMap, normaliseHeader } from './headers';
import { IssueLog } from './issue-log';
import { rowKeyValues } from './key-values';
import { columnPower, readFigure } from './read-cells';
import { DEFAULT_MAX_BYTES, openWithinLimit } from './read-return';
import { endsTable, isTotalLabel, rowUnit } from './row-kinds';

/** One unit's row of the targets table. */
export interface TargetsRow {
  unitId: UnitId;
  targets: UnitTargets;
  /** A1 address of the unit's name cell. */
  cell: string;
}

export type TargetsReadResult =
  | {
      ok: true;
      sheet: string;
      /** The year the table's title names, if it names one (it then equals the year imported). */
      year: number | null;
      /** The targets the file has a column for. */
      columns: TargetKey[];
      rows: TargetsRow[];
      warnings: ImportIssue[];
    }
  | { ok: false; issues: ImportIssue[] };

export interface ReadTargetsOptions {
  /** The year the targets are imported for: a title naming another year refuses the file. */
  year: number;
  register?: UnitRegister;
  maxBytes?: number;
}

/** What the messages call the table. */
const TABLE_NAME = '年度目标表';
/** Header rows are looked for in the first rows of a sheet (a title and a few notes may come first). */
const HEADER_SEARCH_ROWS = 30;
const MAX_ISSUES = 200;

type ColumnRole =
  | { role: 'unit' }
  | { role: 'target'; field: TargetFieldDef }
  | { role: 'ignored' }
  | { role: 'unknown' };

const keyOf = (text: string) => normaliseHeader(text).key.replace(/(?:户数|套数)$/, '');

const UNIT_KEYS = new Set([unitField().header, ...unitField().synonyms].map(keyOf));
const IGNORED_KEYS = new Set(
  [
    seqField.header,
    ...seqField.synonyms,
    ...IGNORABLE_HEADERS,
    '市州',
    '所属市州',
    '市（州）',
    '地区（市州）',
  ].map(keyOf),
);
const TARGET_KEYS = new Map<string, TargetFieldDef>();
for (const field of TARGET_FIELDS) {
  for (const name of [field.header, field.label, ...field.synonyms]) {
    const key = keyOf(name);
    if (key && !TARGET_KEYS.has(key)) TARGET_KEYS.set(key, field);
  }
}

function roleOf(text: string): ColumnRole {
  const key = keyOf(text);
  if (UNIT_KEYS.has(key)) return { role: 'unit' };
  const field = TARGET_KEYS.get(key);
  if (field) return { role: 'target', field };
  if (IGNORED_KEYS.has(key)) return { role: 'ignored' };
  return { role: 'unknown' };
}

interface HeaderColumn {
  c: number;
  /** The header as written (a group over a sub-header joined by a space). */
  text: string;
  /** A1 address of its (top) header cell. */
  cell: string;
  role: ColumnRole;
}

interface Header {
  /** Index into grid.rows of the first header row, and how many rows it spans. */
  index: number;
  rows: number;
  columns: HeaderColumn[];
}

/** The text over column c of a header row: its own cell or the merged cell spanning it. */
function groupText(grid: Grid, row: GridRow, c: number): string {
  const own = cellText(cellAt(row, c)).trim();
  if (own) return own;
  const merge = grid.merges.find((m) => m.r0 === row.r && m.c0 <= c && c <= m.c1);
  return merge ? cellText(cellAt(row, merge.c0)).trim() : '';
}

/** The columns of a header of one row, or of two (group cells over sub-headers). */
function headerAt(grid: Grid, index: number, rows: 1 | 2): Header | null {
  const top = grid.rows[index];
  const sub = rows === 2 ? grid.rows[index + 1] : undefined;
  if (!top || (rows === 2 && (!sub || sub.r !== top.r + 1))) return null;
  const cs = [...new Set([...top.cells, ...(sub?.cells ?? [])].map((cell) => cell.c))].sort((a, b) => a - b);
  const columns: HeaderColumn[] = [];
  for (const c of cs) {
    const group = groupText(grid, top, c);
    const lower = sub ? cellText(cellAt(sub, c)).trim() : '';
    if (sub && lower && typeof cellAt(sub, c)?.value !== 'string') return null;
    // The sub-header alone may say it all (棚改 | 年度计划（套）), else the two together.
    const candidates = lower ? [`${group}${lower}`, lower, group] : [group];
    const role = candidates.map(roleOf).find((r) => r.role !== 'unknown') ?? roleOf(candidates[0] ?? '');
    const text = lower && group && group !== lower ? `${group} ${lower}` : lower || group;
    columns.push({ c, text, cell: cellAddress(top.r, c), role });
  }
  return { index, rows, columns };
}

const targetCount = (h: Header) => h.columns.filter((col) => col.role.role === 'target').length;
const hasUnit = (h: Header) => h.columns.some((col) => col.role.role === 'unit');

/** The first header of a sheet with a 市县 column and at least one target, the reading that places more. */
function findHeader(grid: Grid): Header | null {
  const limit = Math.min(grid.rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    const one = headerAt(grid, i, 1);
    // Two rows only under a row that is itself a header (a title line over a header is no group row).
    const knows = one?.columns.some((col) => col.role.role !== 'unknown') ?? false;
    const candidates = [one, knows ? headerAt(grid, i, 2) : null].filter(
      (h): h is Header => h !== null && hasUnit(h) && targetCount(h) > 0,
    );
    if (candidates.length === 0) continue;
    return candidates.reduce((best, h) => (targetCount(h) > targetCount(best) ? h : best));
  }
  return null;
}

/** The year a title line names (2018年保障性安居工程目标任务), with its cell. */
function titleYear(grid: Grid, before: number): { year: number; cell: string } | null {
  for (let i = 0; i < before; i++) {
    const row = grid.rows[i];
    for (const cell of row?.cells ?? []) {
      if (typeof cell.value !== 'string') continue;
      const m = /(20\d{2}|19\d{2})\s*年/.exec(cell.value.normalize('NFKC'));
      if (m && row) return { year: Number(m[1]), cell: cellAddress(row.r, cell.c) };
    }
  }
  return null;
}

/** The 单位 a line above the header states (单位：万套), if any. */
function sheetUnitOf(grid: Grid, before: number): string | null {
  for (let i = 0; i < before; i++) {
    const row = grid.rows[i];
    if (!row) continue;
    for (const kv of rowKeyValues(row, grid.rows[i + 1])) {
      if (kv.kind === 'sheetUnit' && typeof kv.value.value === 'string') {
        return kv.value.value.normalize('NFKC').replace(/[\s()（）]/g, '') || null;
      }
    }
  }
  return null;
}

function columnMap(col: HeaderColumn, field: TargetFieldDef): ColumnMap {
  return {
    field: targetColumnField(field),
    c: col.c,
    unit: normaliseHeader(col.text).unit,
    header: col.text,
    how: 'template',
  };
}

interface Total {
  r: number;
  values: Map<TargetKey, number>;
}

/** Read a targets workbook. Never throws: a file it cannot read is refused with the reason. */
export function readTargets(
  bytes: Uint8Array,
  fileName: string,
  options: ReadTargetsOptions,
): TargetsReadResult {
  try {
    return readUnguarded(bytes, fileName, options);
  } catch {
    return { ok: false, issues: [makeIssue('error', 'file.unreadable', { file: fileName }, {})] };
  }
}

function refused(log: IssueLog): TargetsReadResult {
  const issues = log.errors.slice(0, MAX_ISSUES);
  if (log.errors.length > MAX_ISSUES) {
    issues.push(
      makeIssue('error', 'issues.truncated', { file: log.file }, { count: log.errors.length - MAX_ISSUES }),
    );
  }
  return { ok: false, issues };
}

function readUnguarded(bytes: Uint8Array, fileName: string, options: ReadTargetsOptions): TargetsReadResult {
  const register = options.register ?? defaultRegister;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const log = new IssueLog(fileName);
  const opened = openWithinLimit(bytes, fileName, maxBytes, log);
  if (!opened) return refused(log);
  const wb = opened.workbook;
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  // Visible sheets first: a hidden one may hold an old copy.
  const order = wb.SheetNames.map((name, i) => ({
    name,
    hidden: Boolean(wb.Workbook?.Sheets?.[i]?.Hidden),
  })).sort((a, b) => Number(a.hidden) - Number(b.hidden));
  let grid: Grid | null = null;
  let header: Header | null = null;
  for (const { name } of order) {
    const ws = wb.Sheets[name];
    if (!ws) continue;
    const g = sheetGrid(name, ws);
    const h = findHeader(g);
    if (h) {
      grid = g;
      header = h;
      break;
    }
  }
  if (!grid || !header) {
    log.error('targets.none', undefined, undefined, {});
    return refused(log);
  }
  const sheet = grid.name;
  const ctx = { log, sheet, table: undefined as TableKey | undefined, date1904 };

  const stated = titleYear(grid, header.index);
  if (stated && stated.year !== options.year) {
    log.error('targets.year', sheet, stated.cell, { year: stated.year, chosen: options.year });
    return refused(log);
  }
  const sheetUnit = sheetUnitOf(grid, header.index);

  // Each target in one column only: two columns for one figure cannot both be right.
  const unitCol = header.columns.find((col) => col.role.role === 'unit') as HeaderColumn;
  const targetCols: { col: HeaderColumn; field: TargetFieldDef; map: ColumnMap }[] = [];
  for (const col of header.columns) {
    if (col.role.role === 'unit' && col !== unitCol) {
      log.error('column.duplicate', sheet, col.cell, { column: col.text, otherCell: unitCol.cell });
    }
    if (col.role.role !== 'target') continue;
    const field = col.role.field;
    const other = targetCols.find((t) => t.field.key === field.key);
    if (other) {
      log.error('column.duplicate', sheet, col.cell, { column: col.text, otherCell: other.col.cell });
      continue;
    }
    targetCols.push({ col, field, map: columnMap(col, field) });
  }
  const missing = TARGET_FIELDS.filter((f) => !targetCols.some((t) => t.field.key === f.key))
    .map((f) => `“${f.header}”`)
    .join('、');

  // The rows under the header, to the table's end (a footer line) or the sheet's.
  const dataRows: GridRow[] = [];
  for (let i = header.index + header.rows; i < grid.rows.length; i++) {
    const row = grid.rows[i];
    if (!row) continue;
    if (endsTable(row)) break;
    dataRows.push(row);
  }

  // A column the table has no place for, holding something, is refused: its figures would be lost.
  for (const col of header.columns) {
    if (col.role.role !== 'unknown') continue;
    const used = dataRows.find((row) => cellText(cellAt(row, col.c)).trim() !== '');
    if (!used) continue;
    if (col.text)
      log.error('column.unknown', sheet, col.cell, { column: col.text, table: TABLE_NAME, missing });
    else {
      const cell = cellAddress(used.r, col.c);
      log.error(
        'column.noHeader',
        sheet,
        cell,
        { table: TABLE_NAME, missing },
        { text: cellText(cellAt(used, col.c)) },
      );
    }
  }

  // …and so is a figure in a column with no header at all.
  const headed = new Set(header.columns.map((col) => col.c));
  const headless = new Set<number>();
  for (const row of dataRows) {
    for (const cell of row.cells) {
      if (headed.has(cell.c) || headless.has(cell.c) || cellText(cell).trim() === '') continue;
      headless.add(cell.c);
      log.error(
        'column.noHeader',
        sheet,
        cellAddress(row.r, cell.c),
        { table: TABLE_NAME, missing },
        { text: cellText(cell) },
      );
    }
  }

  const rows: TargetsRow[] = [];
  const seen = new Map<UnitId, string>();
  const totals: Total[] = [];
  for (const row of dataRows) {
    const unitText = cellText(cellAt(row, unitCol.c)).trim();
    const unitCell = cellAddress(row.r, unitCol.c);
    const filled = targetCols.some((t) => cellText(cellAt(row, t.col.c)).trim() !== '');
    if (!unitText && !filled) continue;
    const values = new Map<TargetKey, number>();
    const targets: UnitTargets = { ...NO_TARGETS };
    for (const t of targetCols) {
      const cell = cellAt(row, t.col.c);
      // No cell: no target for this figure. (A dash or 无 is a target of 0, as in a return.)
      if (!cell || cellText(cell).trim() === '') continue;
      const value = readFigure(cell, t.map, columnPower(t.map, sheetUnit), ctx, row.r);
      if (value === null) continue;
      targets[t.field.key] = value;
      values.set(t.field.key, value);
    }
    // A total line says so in its 市县 cell or in any label left of the figures (合计 under 序号).
    const firstFigure = targetCols.reduce((min, t) => Math.min(min, t.col.c), Number.POSITIVE_INFINITY);
    const labels = row.cells.filter((cell) => cell.c < firstFigure && typeof cell.value === 'string');
    if ((unitText && isTotalLabel(unitText)) || labels.some((cell) => isTotalLabel(cellText(cell)))) {
      totals.push({ r: row.r, values });
      continue;
    }
    const unit = rowUnit(register, unitText);
    if (unit.kind === 'subtotal') continue;
    if (unit.kind === 'unknown') {
      log.error(
        'unit.unknown',
        sheet,
        unitCell,
        { name: unit.name, suggestions: unit.suggestions },
        { text: unitText },
      );
      continue;
    }
    if (unit.unitId === undefined) {
      log.error('cell.empty', sheet, unitCell, { column: unitCol.text });
      continue;
    }
    const earlier = seen.get(unit.unitId);
    if (earlier) {
      const name = register.unit(unit.unitId)?.name ?? unitText;
      log.error('targets.unitTwice', sheet, unitCell, { name, otherCell: earlier }, { text: unitText });
      continue;
    }
    seen.set(unit.unitId, unitCell);
    rows.push({ unitId: unit.unitId, targets, cell: unitCell });
  }

  if (log.errors.length > 0) return refused(log);
  if (rows.length === 0) {
    log.error('targets.none', sheet, header.columns[0]?.cell, {});
    return refused(log);
  }
  // A 合计 row that disagrees with its rows: the rows win, the user is told (as in a return).
  for (const total of totals) {
    for (const t of targetCols) {
      const declared = total.values.get(t.field.key);
      if (declared === undefined) continue;
      const computed = rows.reduce((s, r) => s + (r.targets[t.field.key] ?? 0), 0);
      if (declared !== computed) {
        log.warn('total.mismatch', sheet, cellAddress(total.r, t.col.c), {
          column: t.col.text,
          declared: formatTargetValue(t.field, declared),
          computed: formatTargetValue(t.field, computed),
        });
      }
    }
  }
  return {
    ok: true,
    sheet,
    year: stated?.year ?? null,
    columns: targetCols.map((t) => t.field.key),
    rows,
    warnings: log.warnings,
  };
}
