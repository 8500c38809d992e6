// Header recognition: normalise a header cell (spaces, line breaks, bracket widths, units, 其中：), match it to a
// field of a table definition by its official header or synonyms, and find a table's header row(s) in a grid.
import { isKnownUnit, parseNumberText } from '../domain/numbers';
import type { FieldDef, TableDef } from '../domain/tables';
import { IGNORABLE_HEADERS, layoutHeaderKey, TABLES } from '../domain/tables';
import type { ColumnStatus, HeaderLayout, HeaderMatchHow } from '../domain/types';
import type { Grid, GridRow, Merge } from './grid';
import { cellAt, cellText } from './grid';
import { meaningFields } from './header-meaning';
import { hasInlineKeyValue } from './key-values';

export interface NormalisedHeader {
  /** The words of the header, without spaces, units or a leading 其中. */
  key: string;
  /** The unit named in brackets (万套, 亿元, %…), if any. */
  unit: string | null;
}

const UNIT_IN_BRACKETS_RE = /\((万套|万户|套|户|个|亿元|万元|元|%)\)/g;

const headerCache = new Map<string, NormalisedHeader>();

/** Normalise header text for comparison; the unit in brackets is taken out and returned. */
export function normaliseHeader(text: string): NormalisedHeader {
  const cached = headerCache.get(text);
  if (cached) return cached;
  let key = text.normalize('NFKC').replace(/[\s\u00a0\u3000]+/g, '');
  key = key.replace(/[【[]/g, '(').replace(/[】\]]/g, ')');
  let unit: string | null = null;
  key = key.replace(UNIT_IN_BRACKETS_RE, (_, u: string) => {
    unit = u;
    return '';
  });
  // A unit written inside the header as 单位: 开工（单位：套）
  key = key.replace(/\(单位:([^)]{0,10})\)/, (_, u: string) => {
    if (isKnownUnit(u)) unit = u;
    return '';
  });
  key = key.replace(/^其中[:、,]?/, '').replace(/[:：]$/, '');
  // Months and years named instead of 本月/累计/年度: 1-9月累计开工, 其中：9月开工, 9月份新增授信, 2018年度计划.
  key = key
    .replace(/^\d{4}年(?:度|年度)?(?=计划|任务|征收计划|分配任务)/, '年度')
    .replace(/^1月?份?[-~—–―至到]+\d{1,2}月份?(?:累计)?/, '累计')
    // Up to the cutoff is cumulative: 截至9月底累计开工, 截至9月底开工, 9月末累计开工, 本年累计开工.
    .replace(/^(?:截至|截止)(?:\d{1,2}月(?:末|底|份)?)?(?:累计)?/, '累计')
    .replace(/^\d{1,2}月(?:末|底)(?:累计)?/, '累计')
    .replace(/^(?:本年|今年|年内|年初至今)累计/, '累计')
    .replace(/^\d{1,2}月份?/, '本月');
  // A note marker after the header (年度计划（套）注1, 累计开工*, （注2）) is a footnote reference, not a word.
  // (A run of marks only from its start: tried at each mark of a long run it would cost the run's square.)
  key = key.replace(/(?:\(注\d*\)|注\d+|(?<![*※])[*※]+)$/, '');
  const out = { key, unit };
  // Bounded: a hostile sheet with a million distinct texts must not grow the cache without end.
  if (headerCache.size < 5000) headerCache.set(text, out);
  return out;
}

/** Normalised synonyms of each field of each table, built once. */
const FIELD_KEYS = new WeakMap<TableDef, Map<string, FieldDef>>();

/** A table's official headers and wordings, normalised, built once per definition. */
function fieldKeys(def: TableDef): Map<string, FieldDef> {
  const cached = FIELD_KEYS.get(def);
  if (cached) return cached;
  const map = new Map<string, FieldDef>();
  for (const field of def.fields) {
    for (const name of [field.header, field.label, ...field.synonyms]) {
      const { key } = normaliseHeader(name);
      if (key && !map.has(key)) map.set(key, field);
    }
  }
  FIELD_KEYS.set(def, map);
  return map;
}

// A count word after a header (累计完成征收户数, 已开工套数) says nothing the header does not.
const COUNT_WORD_RE = /(?:户数|套数)$/;

/** The field a normalised header key names in a table, if any. */
export function fieldByHeader(def: TableDef, key: string): FieldDef | undefined {
  const map = fieldKeys(def);
  const field = map.get(key);
  if (field || !COUNT_WORD_RE.test(key)) return field;
  return map.get(key.replace(COUNT_WORD_RE, ''));
}

// A second header row that only says "cumulative" or "this month" refers to its group's field.
const CUMULATIVE_SUBS = new Set(['累计', '本年累计', '累计完成', '合计', '小计', '总计', '年累计', '累计数']);
const MONTH_SUB_RE = /^(本月|当月|本月新增|当月新增|新增|本月完成|本月增加)$/;

/** Match the header of one column, possibly a group header over a sub-header. */
function matchColumn(def: TableDef, group: string, sub: string): FieldDef | undefined {
  if (!sub) return fieldByHeader(def, group);
  if (!group) return fieldByHeader(def, sub);
  const direct =
    fieldByHeader(def, group + sub) ?? fieldByHeader(def, sub + group) ?? fieldByHeader(def, sub);
  if (direct) return direct;
  const groupField = fieldByHeader(def, group);
  if (!groupField) return undefined;
  if (CUMULATIVE_SUBS.has(sub)) return groupField;
  if (MONTH_SUB_RE.test(sub)) return def.fields.find((f) => f.monthOf === groupField.key);
  return undefined;
}

export interface ColumnMap {
  field: FieldDef;
  c: number;
  /** Unit stated in the column's header, if any. */
  unit: string | null;
  /** Header text as written (for messages). */
  header: string;
  /** How the header was matched to its field. */
  how: HeaderMatchHow;
}

/** Every column under a header, as the reader accounts for it (matched, ignored, excluded or unknown). */
export interface HeaderColumn {
  c: number;
  /** Header text as written; a two-row header joins group and sub-header with a space ('' when blank). */
  header: string;
  unit: string | null;
  status: ColumnStatus;
  how: HeaderMatchHow | null;
  /** The field read from the column (matched only). */
  field: FieldDef | null;
}

/** One header that fits several fields of the table, none of them taken by another column. */
export interface AmbiguousColumn {
  c: number;
  header: string;
  fields: FieldDef[];
}

export interface HeaderMatch {
  def: TableDef;
  /** Index into grid.rows of the (first) header row. */
  rowIndex: number;
  /** Index into grid.rows where this table's block (title, key–values) may start. */
  blockStart: number;
  /** Header rows: 1 or 2, plus a row of units and a row of column numbers (栏次) under them. */
  headerRows: number;
  /** The matched columns, one per field (序号 included: its cells mark totals). */
  columns: ColumnMap[];
  /** Every column of the header, in column order. */
  all: HeaderColumn[];
  /** Further columns naming a field already matched (an old column kept, maybe hidden). */
  duplicates?: ColumnMap[];
  ambiguous?: AmbiguousColumn[];
  /** Matched fields that carry figures (not 序号/市县/备注), used to rank candidates. */
  score: number;
}

const WEAK_KINDS = new Set(['seq', 'text', 'unit']);
/** Fields whose second column makes the figures ambiguous; a second 备注 or 序号 does not. */
const DUPLICATE_KINDS = new Set(['count', 'money', 'rate', 'unit', 'bank']);

/** Whether the row after a header row continues it (a two-row header under merged group cells). */
function isSubHeaderRow(merges: Merge[], head: GridRow, next: GridRow | undefined): boolean {
  if (!next || next.r !== head.r + 1) return false;
  // A row of words only: figures, even typed as text ('156'), make it a data row.
  if (
    next.cells.some((cell) => typeof cell.value !== 'string' || parseNumberText(cell.value).kind !== 'text')
  ) {
    return false;
  }
  if (rowShape(next).labels) return false;
  return next.cells.some((cell) => {
    if (!cellAt(head, cell.c)) return true;
    return merges.some((m) => m.r0 === head.r && m.c0 <= cell.c && cell.c <= m.c1 && m.c1 > m.c0);
  });
}

/** The group text over column c in a header row: the cell itself or the merged cell spanning it. */
function groupText(merges: Merge[], head: GridRow, c: number): string {
  const own = cellAt(head, c);
  if (own) return cellText(own);
  const merge = merges.find((m) => m.r0 <= head.r && head.r <= m.r1 && m.c0 <= c && c <= m.c1);
  if (merge) return cellText(cellAt(head, merge.c0));
  return '';
}

const unitOnlyCache = new Map<string, string | null>();

/** The unit a cell states on its own ((套), 套, 单位：万元), as a row of units under a header has them. */
function unitOnly(text: string): string | null {
  const cached = unitOnlyCache.get(text);
  if (cached !== undefined) return cached;
  const bare = text
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/^[(（[【]|[)）\]】]$/g, '')
    .replace(/^单位[:：]?/, '');
  const unit = isKnownUnit(bare) ? bare : null;
  // Bounded: a hostile sheet with a million distinct texts must not grow the cache without end.
  if (unitOnlyCache.size < 5000) unitOnlyCache.set(text, unit);
  return unit;
}

// A column label of a statistical form's 栏次 row: 栏次, 甲 乙 丙, a number, (1), ①, 3=1+2.
const LABEL_WORD_RE = /^(?:栏次|栏号|[甲乙丙丁戊己庚辛壬癸])$/;
const LABEL_NUMBER_RE = /^[(（]?(\d{1,2})[)）]?(?:[=＝][\d+＋\-－×*/()（）]+)?$/;
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/**
 * A row of column labels or numbers right under a header (栏次 | 甲 | 乙 | 1 | 2 | 3, or (1) (2)): part of the
 * header, never data. Numbers must rise one by one, so a data row of figures is never taken for one.
 */
export function isColumnLabelRow(row: GridRow): boolean {
  const numbers: number[] = [];
  let words = 0;
  let marked = false;
  for (const cell of row.cells) {
    if (typeof cell.value === 'number') {
      numbers.push(cell.value);
      continue;
    }
    const text = cellText(cell).normalize('NFKC').replace(/\s+/g, '');
    if (LABEL_WORD_RE.test(text)) {
      words++;
      continue;
    }
    const circled = CIRCLED.indexOf(cellText(cell).trim());
    if (circled >= 0) {
      numbers.push(circled + 1);
      marked = true;
      continue;
    }
    const m = LABEL_NUMBER_RE.exec(text);
    if (!m) return false;
    numbers.push(Number(m[1]));
    if (text !== m[1]) marked = true;
  }
  for (let i = 1; i < numbers.length; i++) if (numbers[i] !== (numbers[i - 1] ?? 0) + 1) return false;
  if (words > 0 || marked) return words + numbers.length >= 2;
  return numbers.length >= 3 && numbers[0] === 1;
}

/** What a row is as a header continuation, worked out once per row (five tables ask about each row). */
interface RowShape {
  /** Words only, no figures (not even typed as text). */
  words: boolean;
  /** Units only: (套) | (%) | 万元. */
  units: boolean;
  /** Column labels only: 栏次 | 甲 | 乙 | 1 | 2. */
  labels: boolean;
}

const rowShapes = new WeakMap<GridRow, RowShape>();

function rowShape(row: GridRow): RowShape {
  let shape = rowShapes.get(row);
  if (!shape) {
    const words = row.cells.every(
      (cell) => typeof cell.value === 'string' && parseNumberText(cell.value).kind === 'text',
    );
    shape = {
      words,
      units: words && row.cells.every((cell) => unitOnly(cellText(cell)) !== null),
      labels: isColumnLabelRow(row),
    };
    rowShapes.set(row, shape);
  }
  return shape;
}

/** A row of words right under the header: it may continue it (words split over two rows, or units only). */
function isWordRow(head: GridRow, next: GridRow | undefined): next is GridRow {
  return next !== undefined && next.r === head.r + 1 && rowShape(next).words && !rowShape(next).labels;
}

/** Match a table's fields against a header row (and the row below when it continues the header). */
export function matchHeaderRow(
  grid: Grid,
  def: TableDef,
  rowIndex: number,
  layout?: HeaderLayout,
): HeaderMatch | null {
  const match = matchHeader(grid, def, rowIndex, layout);
  return match && withTrailingRows(grid, match);
}

/**
 * A row of units only ((套) | (%)) and a row of column labels (栏次 | 甲 | 1 | 2) right under a header belong
 * to it, in either order.
 */
function withTrailingRows(grid: Grid, match: HeaderMatch): HeaderMatch {
  let out = match;
  let units = false;
  let labels = false;
  for (let k = 0; k < 2; k++) {
    const last = grid.rows[out.rowIndex + out.headerRows - 1];
    const after = grid.rows[out.rowIndex + out.headerRows];
    if (!last || !after || after.r !== last.r + 1) break;
    const shape = rowShape(after);
    if (shape.units && !units) {
      units = true;
      const unitOf = (c: number, own: string | null) => unitOnly(cellText(cellAt(after, c))) ?? own;
      out = {
        ...out,
        headerRows: out.headerRows + 1,
        columns: out.columns.map((col) => ({ ...col, unit: unitOf(col.c, col.unit) })),
        all: out.all.map((col) => ({ ...col, unit: unitOf(col.c, col.unit) })),
      };
    } else if (shape.labels && !labels) {
      labels = true;
      out = { ...out, headerRows: out.headerRows + 1 };
    } else break;
  }
  return out;
}

function matchHeader(grid: Grid, def: TableDef, rowIndex: number, layout?: HeaderLayout): HeaderMatch | null {
  const head = grid.rows[rowIndex];
  if (!head) return null;
  const next = grid.rows[rowIndex + 1];
  // Only the merges crossing this row matter; filtered once, so a sheet with many merges stays cheap.
  const merges = grid.merges.filter((m) => m.r0 <= head.r && head.r <= m.r1);
  const one = matchRows(def, rowIndex, grid.merges, head, undefined, layout);
  // A row of units or of column labels under the header is taken by withTrailingRows.
  if (!next || (next.r === head.r + 1 && (rowShape(next).units || rowShape(next).labels))) return one;
  const merged = isSubHeaderRow(merges, head, next);
  if (!merged && !isWordRow(head, next)) return one;
  // A header may span two rows: a group cell merged over its sub-headers, or, without merges, words split
  // over two rows (年度 | 计划（套）). Without merges, the two-row reading must recognise more.
  const two = matchRows(def, rowIndex, grid.merges, head, next, layout);
  const beats = (other: HeaderMatch) =>
    two.score > other.score || (two.score === other.score && two.columns.length > other.columns.length);
  if (!merged && !beats(one)) return one;
  // It must also beat the lower row alone: a line of words above the header (农安县 | 2018年9月30日, key
  // values spread over two lines) adds nothing to it and is no part of it.
  return beats(matchRows(def, rowIndex + 1, grid.merges, next, undefined, layout)) ? two : one;
}

/** A column's header as the matcher sees it. */
interface HeaderCells {
  c: number;
  /** Group and sub-header joined with a space. */
  header: string;
  unit: string | null;
  /** The group (top) and sub-header texts as written, and normalised. */
  groupRaw: string;
  subRaw: string;
  group: NormalisedHeader;
  sub: NormalisedHeader;
}

// The columns of a header row (and the row under it), worked out once: five tables are tried on each row.
const headerCellsCache = new WeakMap<GridRow, Map<GridRow | undefined, HeaderCells[]>>();

function headerCells(allMerges: readonly Merge[], head: GridRow, next: GridRow | undefined): HeaderCells[] {
  let byNext = headerCellsCache.get(head);
  const cached = byNext?.get(next);
  if (cached) return cached;
  const merges = allMerges.filter((m) => m.r0 <= head.r && head.r <= m.r1);
  const cols = new Set<number>(head.cells.map((cell) => cell.c));
  if (next) for (const cell of next.cells) cols.add(cell.c);
  const out: HeaderCells[] = [];
  for (const c of [...cols].sort((a, b) => a - b)) {
    if (typeof cellAt(head, c)?.value === 'number') continue;
    const groupRaw = groupText(merges, head, c);
    const subRaw = next ? cellText(cellAt(next, c)) : '';
    const group = normaliseHeader(groupRaw);
    const subUnit = unitOnly(subRaw);
    const sub = subUnit ? { key: '', unit: subUnit } : normaliseHeader(subRaw);
    const header = [groupRaw, subRaw].filter(Boolean).join(' ').replace(/\s+/g, ' ').trim();
    out.push({ c, header, unit: sub.unit ?? group.unit, groupRaw, subRaw, group, sub });
  }
  if (!byNext) {
    byNext = new Map();
    headerCellsCache.set(head, byNext);
  }
  byNext.set(next, out);
  return out;
}

/** What a column's header says, before the columns of the row are weighed against each other. */
type Claim =
  | { kind: 'field'; field: FieldDef; how: HeaderMatchHow }
  | { kind: 'fields'; fields: FieldDef[]; how: HeaderMatchHow }
  | { kind: 'excluded' }
  | { kind: 'ignored' }
  | { kind: 'unknown' };

/** The column a saved layout names for this header, or 不导入此列; undefined when it says nothing. */
function layoutClaim(def: TableDef, layout: HeaderLayout | undefined, header: string): Claim | undefined {
  if (!layout || layout.table !== def.key) return undefined;
  const key = layoutHeaderKey(header);
  if (!Object.hasOwn(layout.headers, key)) return undefined;
  const target = layout.headers[key];
  if (target === null) return { kind: 'excluded' };
  const field = def.fields.find((f) => f.key === target);
  return field ? { kind: 'field', field, how: 'layout' } : undefined;
}

const IGNORABLE_KEYS = new Set(IGNORABLE_HEADERS.map((h) => normaliseHeader(h).key));

function matchRows(
  def: TableDef,
  rowIndex: number,
  merges: readonly Merge[],
  head: GridRow,
  next: GridRow | undefined,
  layout?: HeaderLayout,
): HeaderMatch {
  const headers = headerCells(merges, head, next);
  const claims: Claim[] = [];
  let lastFigure: FieldDef | undefined;
  for (const h of headers) {
    let claim = layout ? layoutClaim(def, layout, h.header) : undefined;
    if (!claim) {
      const base = baseClaim(def, h);
      claim = base.claim;
      // A bare 其中：本月 / 本月新增 column is the month of the cumulative column just left of it.
      if (claim.kind !== 'field' && lastFigure && base.monthWord) {
        const month = monthFieldOf(def, lastFigure);
        if (month) claim = { kind: 'field', field: month, how: 'template' };
      }
    }
    if (claim.kind === 'field' && isFigure(claim.field)) lastFigure = claim.field;
    else if (claim.kind === 'fields' && claim.fields.length === 1 && isFigure(claim.fields[0] as FieldDef)) {
      lastFigure = claim.fields[0];
    }
    claims.push(claim);
  }
  return resolveClaims(def, rowIndex, next ? 2 : 1, headers, claims);
}

function isFigure(field: FieldDef): boolean {
  return field.kind === 'count' || field.kind === 'money';
}

function monthFieldOf(def: TableDef, of: FieldDef): FieldDef | undefined {
  for (const f of def.fields) if (f.monthOf === of.key) return f;
  return undefined;
}

/** What a header says in a table by itself (its template wording, its meaning, or known as ignorable). */
interface BaseClaim {
  claim: Claim;
  /** The header is only 本月 / 本月新增 (the month of the column left of it, when its own words say no more). */
  monthWord: boolean;
}

// The same header texts come in file after file (the template): what each says in each table is kept, by
// table, group text and sub-header text (the cells' own strings, so no key is built per lookup).
const baseClaims = new WeakMap<TableDef, Map<string, Map<string, BaseClaim>>>();
let baseClaimCount = 0;

function baseClaim(def: TableDef, h: HeaderCells): BaseClaim {
  let byGroup = baseClaims.get(def);
  if (!byGroup) {
    byGroup = new Map();
    baseClaims.set(def, byGroup);
  }
  let bySub = byGroup.get(h.groupRaw);
  if (!bySub) {
    bySub = new Map();
    byGroup.set(h.groupRaw, bySub);
  }
  const cached = bySub.get(h.subRaw);
  if (cached) return cached;
  const { group, sub } = h;
  const field = matchColumn(def, group.key, sub.key);
  let claim: Claim;
  if (field) claim = { kind: 'field', field, how: 'template' };
  else {
    const fields = meaningFields(def, h.header);
    if (fields.length > 0) claim = { kind: 'fields', fields, how: 'meaning' };
    else {
      const joined = sub.key ? group.key + sub.key : group.key;
      const ignorable = IGNORABLE_KEYS.has(joined) || IGNORABLE_KEYS.has(sub.key);
      claim = { kind: ignorable ? 'ignored' : 'unknown' };
    }
  }
  const out = { claim, monthWord: MONTH_SUB_RE.test(sub.key || group.key) };
  // Bounded: a hostile sheet with a million distinct texts must not grow the cache without end.
  if (baseClaimCount < 20_000) {
    bySub.set(h.subRaw, out);
    baseClaimCount++;
  }
  return out;
}

/**
 * Weigh the columns of a header against each other: a column named by a saved layout or by its template
 * header takes its field; a column read by meaning takes what is left (elimination within the table). Two
 * columns for one field, or one header still fitting two fields, are kept to be refused, never guessed.
 */
function resolveClaims(
  def: TableDef,
  rowIndex: number,
  headerRows: number,
  headers: HeaderCells[],
  claims: Claim[],
): HeaderMatch {
  const taken = new Map<string, ColumnMap>();
  const duplicates: ColumnMap[] = [];
  const byIndex: (HeaderColumn | undefined)[] = new Array(headers.length);
  const open: number[] = [];
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i] as HeaderCells;
    const claim = claims[i] as Claim;
    if (claim.kind === 'field') byIndex[i] = take(taken, duplicates, h, claim.field, claim.how);
    else if (claim.kind === 'fields') open.push(i);
    else {
      const status =
        claim.kind === 'excluded' ? 'excluded' : claim.kind === 'ignored' ? 'ignored' : 'unknown';
      byIndex[i] = { c: h.c, header: h.header, unit: h.unit, status, how: null, field: null };
    }
  }
  // Meaning: candidates already taken fall away; a column left with one candidate takes it, which may settle
  // another. What still fits several fields is ambiguous; what fits only taken fields is a second column.
  const ambiguous: AmbiguousColumn[] = [];
  for (let changed = open.length > 0; changed; ) {
    changed = false;
    for (let k = 0; k < open.length; k++) {
      const i = open[k] as number;
      const fields = (claims[i] as { fields: FieldDef[] }).fields;
      let left: FieldDef | undefined;
      let count = 0;
      for (const f of fields) {
        if (taken.has(f.key)) continue;
        left = f;
        count++;
      }
      if (count > 1) continue;
      byIndex[i] = take(
        taken,
        duplicates,
        headers[i] as HeaderCells,
        left ?? (fields[0] as FieldDef),
        'meaning',
      );
      open.splice(k, 1);
      k--;
      changed = true;
    }
  }
  for (const i of open) {
    const h = headers[i] as HeaderCells;
    ambiguous.push({ c: h.c, header: h.header, fields: (claims[i] as { fields: FieldDef[] }).fields });
    byIndex[i] = { c: h.c, header: h.header, unit: h.unit, status: 'unknown', how: 'meaning', field: null };
  }
  const all: HeaderColumn[] = [];
  for (const col of byIndex) if (col) all.push(col);
  const columns = [...taken.values()].sort((a, b) => a.c - b.c);
  let score = 0;
  for (const col of columns) if (!WEAK_KINDS.has(col.field.kind)) score++;
  const out: HeaderMatch = { def, rowIndex, blockStart: 0, headerRows, columns, all, score };
  if (duplicates.length > 0) out.duplicates = duplicates;
  if (ambiguous.length > 0) out.ambiguous = ambiguous;
  return out;
}

/** A column takes its field; a second column for a field already taken is a duplicate (or, 序号/备注, ignored). */
function take(
  taken: Map<string, ColumnMap>,
  duplicates: ColumnMap[],
  h: HeaderCells,
  field: FieldDef,
  how: HeaderMatchHow,
): HeaderColumn {
  const col: ColumnMap = { field, c: h.c, unit: h.unit, header: h.header, how };
  if (!taken.has(field.key)) {
    taken.set(field.key, col);
    return { c: h.c, header: h.header, unit: h.unit, status: 'matched', how, field };
  }
  if (DUPLICATE_KINDS.has(field.kind)) duplicates.push(col);
  // A second 序号 or 备注 holds nothing the return stores.
  return { c: h.c, header: h.header, unit: h.unit, status: 'ignored', how, field: null };
}

const TITLE_NUMBER_RE = new Map(
  TABLES.map((def) => [def, new RegExp(`表${def.number}(?!\\d)|附件${def.number}(?!\\d)`)]),
);

const titleCache = new Map<string, string>();

/** Title text as compared: half-width, no spaces. */
export function normaliseTitle(text: string): string {
  const cached = titleCache.get(text);
  if (cached !== undefined) return cached;
  const out = text.normalize('NFKC').replace(/\s+/g, '');
  // Bounded: a hostile sheet with a million distinct texts must not grow the cache without end.
  if (titleCache.size < 5000) titleCache.set(text, out);
  return out;
}

/** How strongly the lines above a header (normalised titles) name a table: 表N, or its title keywords. */
export function titleScore(def: TableDef, titles: string[]): number {
  let score = 0;
  const numberRe = TITLE_NUMBER_RE.get(def) as RegExp;
  for (const text of titles) {
    if (numberRe.test(text)) score += 2;
    if (text.includes(def.title) || def.titleKeywords.some((k) => text.includes(k))) score += 1;
  }
  return score;
}

/** Rows searched for a header: a header block is never far down. */
const HEADER_SEARCH_ROWS = 40;
/** Once a header is found, a few more rows are tried (a group row may precede the real header). */
const ROWS_PAST_MATCH = 3;

/**
 * Find the best table and header row in a sheet from row index `from` on (a sheet may stack several tables),
 * or null when none is recognisable.
 */
export function findTable(grid: Grid, from = 0, layouts: readonly HeaderLayout[] = []): HeaderMatch | null {
  let best: { match: HeaderMatch; rank: number; at: number } | null = null;
  const limit = Math.min(grid.rows.length, from + HEADER_SEARCH_ROWS);
  const titles: string[] = [];
  for (let i = from; i < limit; i++) {
    if (best && i > best.at + ROWS_PAST_MATCH) break;
    const row = grid.rows[i];
    if (!row) continue;
    let texts = 0;
    for (const cell of row.cells) if (typeof cell.value === 'string') texts++;
    if (texts >= 2 && !hasInlineKeyValue(row)) {
      for (const def of TABLES) {
        const match = matchHeaderRow(
          grid,
          def,
          i,
          layouts.find((l) => l.table === def.key),
        );
        if (!match || match.score === 0) continue;
        const title = titleScore(def, titles);
        if (match.score < 2 && title === 0) continue;
        let requiredFound = 0;
        for (const f of def.fields)
          if (f.required && match.columns.some((col) => col.field === f)) requiredFound++;
        if (requiredFound === 0) continue;
        const rank = match.score * 10 + requiredFound * 5 + title + match.columns.length;
        if (!best || rank > best.rank) best = { match, rank, at: i };
      }
    }
    for (const cell of row.cells) if (typeof cell.value === 'string') titles.push(normaliseTitle(cell.value));
  }
  if (!best) return null;
  return { ...best.match, blockStart: from };
}

const TABLE_TITLE_RE = /表[1-5](?!\d)/;

/** A line that opens another table: its title (…（表2）, or a table's title words), with no figures. */
export function isTableTitleRow(row: GridRow): boolean {
  let titled = false;
  for (const cell of row.cells) {
    if (typeof cell.value !== 'string') return false;
    const text = normaliseTitle(cell.value);
    if (TABLE_TITLE_RE.test(text) || TABLES.some((def) => text.includes(def.title))) titled = true;
  }
  return titled;
}
