// The five attachments (附件1 … 附件5) as plain table models — title, unit line, header rows, typed cells — built
// from the computed analysis, their columns derived from the table definitions (a field added to a definition
// appears here by itself). The workbook and the Word writers only lay them out.
import { type FigureRow, type FigureValue, figureColumns, sumFigures } from '../calc/figures';
import { formatRatio, formatYi } from '../calc/format';
import type {
  AllocationFlag,
  CarryOverRow,
  ExpropriationFlag,
  ExpropriationRow,
  LoanAmounts,
  LoanRow,
  PeriodAnalysis,
  Rate,
  RowIdentity,
  Section,
  StartFlag,
} from '../calc/types';
import { pushAll } from '../iterate';
import { periodLabel } from '../period';
import { type FieldDef, fieldDef, isFigureField, isStoredField, type TableDef, tableDef } from '../tables';
import type { TableKey } from '../types';
import { defaultRegister } from '../units';

/** How a column's values are typed and formatted. */
export type ColumnKind = 'seq' | 'text' | 'count' | 'money' | 'rate';

export interface ColumnModel {
  kind: ColumnKind;
  /** Width in characters (Chinese characters count as two). */
  width: number;
}

/** A header cell; spans are counted in cells. A cell covered by another's span is omitted from its row. */
export interface HeaderCell {
  text: string;
  col: number;
  colSpan: number;
  rowSpan: number;
}

/** A cell value: count (integer), money (integer yuan), rate (exact ratio), text, or empty. */
export type CellValue =
  | { kind: 'count'; value: number }
  | { kind: 'money'; yuan: number }
  | { kind: 'rate'; rate: Rate }
  | { kind: 'text'; text: string }
  | null;

export type RowRole = 'province' | 'group' | 'unit';

export interface RowModel {
  role: RowRole;
  cells: CellValue[];
}

export interface AttachmentModel {
  key: TableKey;
  /** 1 … 5 */
  number: number;
  /** 附件1 */
  label: string;
  /** 2018年1-9月全省棚户区改造开工进展情况 */
  title: string;
  /** 单位：套、% */
  unitLine: string;
  columns: ColumnModel[];
  headerRows: HeaderCell[][];
  rows: RowModel[];
  /**
   * 注：合计不含未报送本表的3个市县：农安县、伊通县、乾安县。 — under the table when units of the register did not
   * report it, so a printed or exported table never shows a smaller total without saying why. Null otherwise.
   */
  footnote: string | null;
}

/** grouped: by prefecture with 全市 subtotals; ranked: units by their rank, best first. */
export type RowOrder = 'grouped' | 'ranked';

/** What a table's builder gives; buildAttachments adds the number, label, title and footnote. */
type AttachmentBody = Omit<AttachmentModel, 'number' | 'label' | 'title' | 'footnote'>;

const text = (t: string): CellValue => ({ kind: 'text', text: t });
const count = (n: number | null): CellValue => (n === null ? null : { kind: 'count', value: n });
const money = (yuan: number | null): CellValue => (yuan === null ? null : { kind: 'money', yuan });
const rate = (r: Rate | null): CellValue => (r === null ? null : { kind: 'rate', rate: r });

/** A figure of a row as a cell: a count or money, a month increase's value, a rate. */
function figureCell(v: FigureValue): CellValue {
  if (v.kind === 'rate') return rate(v.value);
  if (v.kind === 'month') return v.money ? money(v.value.value) : count(v.value.value);
  return v.kind === 'money' ? money(v.value) : count(v.value);
}

/** Column widths by kind (characters; Chinese characters count as two). */
const WIDTH: Record<ColumnKind, number> = { seq: 6, text: 16, count: 13, money: 11, rate: 12 };

/** A column of a unit table: header, kind, width and each row's cell. */
interface TableColumn<Row> {
  header: string;
  kind: ColumnKind;
  width?: number;
  cell: (row: Row, role: RowRole) => CellValue;
}

/** A table's figure columns from its definition, in its order, each headed by the official header. */
function figureTableColumns<K extends TableKey, Row extends FigureRow<K>>(table: K): TableColumn<Row>[] {
  return figureColumns(table).map(({ field, value }) => ({
    header: field.header,
    kind: field.kind === 'rate' ? 'rate' : field.kind === 'money' ? 'money' : 'count',
    cell: (row) => figureCell(value(row)),
  }));
}

/** Columns with others inserted after the one with the given header (a computed rate after its figures). */
function withInserted<Row>(
  columns: TableColumn<Row>[],
  after: string,
  inserted: TableColumn<Row>[],
): TableColumn<Row>[] {
  const at = columns.findIndex((c) => c.header === after);
  if (at < 0) throw new Error(`no column ${after}`);
  return [...columns.slice(0, at + 1), ...inserted, ...columns.slice(at + 1)];
}

/** A single header row from plain texts. */
function flatHeader(texts: string[]): HeaderCell[][] {
  return [texts.map((t, col) => ({ text: t, col, colSpan: 1, rowSpan: 1 }))];
}

function displayName(row: RowIdentity): string {
  if (row.kind === 'province') return '全省合计';
  if (row.kind === 'group') return row.groupId === 'direct' ? row.name : `${row.name}全市`;
  return row.name;
}

/** The first two cells of a row: its sequence number (none on totals) and its name. */
function leadCells(row: RowIdentity, seq: number | null): CellValue[] {
  return [seq === null ? null : count(seq), text(displayName(row))];
}

/** Rows in the chosen order: the province first, then groups with their units, or units by rank. */
function orderRows<Row extends RowIdentity & { rank?: number | null }>(
  section: Section<Row>,
  order: RowOrder,
  rankOf: (row: Row) => number | null = (row) => row.rank ?? null,
): { row: Row; role: RowRole; seq: number | null }[] {
  const out: { row: Row; role: RowRole; seq: number | null }[] = [
    { row: section.province, role: 'province', seq: null },
  ];
  if (order === 'ranked') {
    const ranked = [...section.units].sort((a, b) => {
      const ra = rankOf(a);
      const rb = rankOf(b);
      if (ra === null || rb === null) return ra === null ? (rb === null ? 0 : 1) : -1;
      return ra - rb;
    });
    ranked.forEach((row, i) => {
      out.push({ row, role: 'unit', seq: i + 1 });
    });
    return out;
  }
  let seq = 0;
  for (const group of section.groups) {
    out.push({ row: group, role: 'group', seq: null });
    for (const row of section.units.filter((u) => u.groupId === group.id)) {
      seq += 1;
      out.push({ row, role: 'unit', seq });
    }
  }
  return out;
}

/** 单位：套、% — the table's unit, and % when a column is a rate. */
function unitLine(def: TableDef, columns: readonly { kind: ColumnKind }[]): string {
  return `单位：${def.unitLabel}${columns.some((c) => c.kind === 'rate') ? '、%' : ''}`;
}

/**
 * A table with a row per unit: 序号, 市县, the definition's figure columns (with any computed ones inserted),
 * and 备注 holding the unit's flag in words.
 */
function unitTableModel<K extends TableKey, Row extends RowIdentity & FigureRow<K> & { rank: number | null }>(
  key: K,
  section: Section<Row>,
  order: RowOrder,
  flagWords: (row: Row) => string,
  columns: TableColumn<Row>[] = figureTableColumns<K, Row>(key),
): AttachmentBody {
  const def = tableDef(key);
  const remark: TableColumn<Row> = {
    header: '备注',
    kind: 'text',
    width: 12,
    cell: (row, role) => text(role === 'unit' ? flagWords(row) : ''),
  };
  const all = [...columns, remark];
  const rows = orderRows(section, order).map(({ row, role, seq }) => ({
    role,
    cells: [...leadCells(row, seq), ...all.map((c) => c.cell(row, role))],
  }));
  return {
    key,
    unitLine: unitLine(def, all),
    columns: [
      { kind: 'seq', width: WIDTH.seq },
      { kind: 'text', width: WIDTH.text },
      ...all.map((c) => ({ kind: c.kind, width: c.width ?? WIDTH[c.kind] })),
    ],
    headerRows: flatHeader([
      fieldDef(def, 'seq').header,
      fieldDef(def, 'unit').header,
      ...all.map((c) => c.header),
    ]),
    rows,
  };
}

const START_FLAG_WORDS: Record<StartFlag, string> = {
  reached: '达到目标',
  lagging: '进展滞后',
  below: '严重滞后',
  none: '无计划',
};

const EXPROPRIATION_FLAG_WORDS: Record<ExpropriationFlag, string> = {
  ahead: '进展较快',
  middle: '',
  behind: '进度缓慢',
  none: '无计划',
};

const ALLOCATION_FLAG_WORDS: Record<AllocationFlag, string> = {
  target: '全部分配',
  middle: '',
  low: '分配率偏低',
  none: '无房源',
};

function startModel(a: PeriodAnalysis, order: RowOrder): AttachmentBody {
  return unitTableModel('start', a.start, order, (row) => START_FLAG_WORDS[row.flag]);
}

function expropriationModel(a: PeriodAnalysis, order: RowOrder): AttachmentBody {
  // 完成率 is the bulletin's: 合计 against 年度征收计划; the return has no such column.
  const columns = withInserted(
    figureTableColumns<'expropriation', ExpropriationRow>('expropriation'),
    fieldDef(tableDef('expropriation'), 'doneMonth').header,
    [{ header: '完成率（%）', kind: 'rate', cell: (row) => rate(row.rate) }],
  );
  return unitTableModel(
    'expropriation',
    a.expropriation,
    order,
    (row) => EXPROPRIATION_FLAG_WORDS[row.flag],
    columns,
  );
}

function publicRentalModel(a: PeriodAnalysis, order: RowOrder): AttachmentBody {
  return unitTableModel('publicRental', a.publicRental, order, (row) => ALLOCATION_FLAG_WORDS[row.flag]);
}

/** The bank columns of a cumulative loan figure: all banks, 国开行, 农发行, 商业银行. */
const BANK_BAND = ['合计', '国开行', '农发行', '商业银行'] as const;

function bandAmounts(row: LoanRow): LoanAmounts[] {
  const policy = (bank: string) => {
    const line = row.banks.find((b) => b.bank === bank);
    return (line ?? sumFigures('loan', [])) as LoanAmounts;
  };
  return [row.total, policy('国家开发银行'), policy('中国农业发展银行'), row.commercial];
}

/**
 * 附件2: 本年棚改需贷款, then each figure of a bank line from the definition — a cumulative one as a band of
 * all banks, 国开行, 农发行 and 商业银行, a month column as its total's increase. Ranked by credit.
 */
function loanModel(a: PeriodAnalysis, order: RowOrder): AttachmentBody {
  const def = tableDef('loan');
  const figures = figureColumns('loan');
  // Ranked by credit, largest first: loans have no rate to rank by.
  const byCredit = [...a.loan.units].sort((x, y) => y.total.credit - x.total.credit);
  const rows = orderRows(a.loan, order, (row) => {
    const i = byCredit.indexOf(row);
    return i < 0 ? null : i + 1;
  }).map(({ row, role, seq }) => {
    const bands = bandAmounts(row);
    return {
      role,
      cells: [
        ...leadCells(row, seq),
        money(row.need),
        ...figures.flatMap(({ field, value }) =>
          field.monthOf ? [figureCell(value(row.total))] : bands.map((amounts) => figureCell(value(amounts))),
        ),
      ],
    };
  });
  const header: HeaderCell[] = [
    { text: fieldDef(def, 'seq').header, col: 0, colSpan: 1, rowSpan: 2 },
    { text: fieldDef(def, 'unit').header, col: 1, colSpan: 1, rowSpan: 2 },
    { text: '本年棚改需贷款（亿元）', col: 2, colSpan: 1, rowSpan: 2 },
  ];
  const subHeader: HeaderCell[] = [];
  let col = 3;
  for (const { field } of figures) {
    const span = field.monthOf ? 1 : BANK_BAND.length;
    header.push({ text: field.header, col, colSpan: span, rowSpan: field.monthOf ? 2 : 1 });
    if (!field.monthOf)
      pushAll(
        subHeader,
        BANK_BAND.map((t, i) => ({ text: t, col: col + i, colSpan: 1, rowSpan: 1 })),
      );
    col += span;
  }
  return {
    key: 'loan',
    unitLine: unitLine(def, []),
    columns: [
      { kind: 'seq', width: WIDTH.seq },
      { kind: 'text', width: WIDTH.text },
      { kind: 'money', width: 12 },
      ...Array.from({ length: col - 3 }, (): ColumnModel => ({ kind: 'money', width: WIDTH.money })),
    ],
    headerRows: [header, subHeader],
    rows,
  };
}

/** 附件4: a row per project with its fields from the definition; totals give the count and the sums. */
function carryOverModel(a: PeriodAnalysis, order: RowOrder): AttachmentBody {
  const def = tableDef('carryOver');
  const fields = (def.fields as readonly FieldDef[]).filter(isStoredField);
  const co = a.carryOver;
  // A total row: its name, the number of projects under the first text column, the sums under the figures.
  const totalRow = (row: CarryOverRow, role: RowRole): RowModel => ({
    role,
    cells: [
      null,
      text(displayName(row)),
      ...fields.map((f, i) => {
        if (isFigureField(f)) return count((row as unknown as Record<string, number>)[f.key] ?? 0);
        return i === 0 ? text(`${row.count}个项目`) : null;
      }),
    ],
  });
  const projectRows = (unitId: string, start: number): RowModel[] =>
    co.projects
      .filter((p) => p.unitId === unitId)
      .map((p, i) => ({
        role: 'unit' as const,
        cells: [
          count(start + i),
          text(p.unitName),
          ...fields.map((f) => {
            const v = (p.project as unknown as Record<string, unknown>)[f.key];
            return isFigureField(f) ? count(typeof v === 'number' ? v : 0) : text(String(v ?? ''));
          }),
        ],
      }));
  const rows: RowModel[] = [totalRow(co.province, 'province')];
  let seq = 1;
  const addUnit = (unitId: string) => {
    const r = projectRows(unitId, seq);
    seq += r.length;
    pushAll(rows, r);
  };
  if (order === 'ranked') {
    // Units with the most unfinished projects first.
    const units = [...co.units]
      .filter((u) => u.count > 0)
      .sort((x, y) => y.count - x.count || y.unfinished - x.unfinished);
    for (const unit of units) addUnit(unit.id);
  } else {
    for (const group of co.groups) {
      if (group.count === 0) continue;
      rows.push(totalRow(group, 'group'));
      for (const unit of co.units.filter((u) => u.groupId === group.id)) addUnit(unit.id);
    }
  }
  return {
    key: 'carryOver',
    unitLine: '单位：个、户',
    columns: [
      { kind: 'seq', width: WIDTH.seq },
      { kind: 'text', width: 14 },
      ...fields.map(
        (f): ColumnModel => ({
          kind: isFigureField(f) ? 'count' : 'text',
          width: isFigureField(f) ? 13 : f.key === 'name' ? 34 : 18,
        }),
      ),
    ],
    headerRows: flatHeader([
      fieldDef(def, 'seq').header,
      fieldDef(def, 'unit').header,
      ...fields.map((f) => f.header),
    ]),
    rows,
  };
}

const BUILDERS: Record<TableKey, (a: PeriodAnalysis, order: RowOrder) => AttachmentBody> = {
  start: startModel,
  loan: loanModel,
  expropriation: expropriationModel,
  carryOver: carryOverModel,
  publicRental: publicRentalModel,
};

/** The register's units that did not report a table this period (register order), by name. */
function unreported(section: Section<RowIdentity>): string[] {
  const reported = new Set(section.units.map((u) => u.id));
  return defaultRegister.units.filter((u) => !reported.has(u.id)).map((u) => u.name);
}

/**
 * What the totals leave out: the units that did not report the table; those with an annual target have it in
 * the total's plan (their achieved figures are unknown, so not in it).
 */
function footnote(missing: readonly string[], withTarget: readonly RowIdentity[]): string | null {
  if (missing.length === 0) return null;
  const listed = `${missing.length}个市县：${missing.join('、')}`;
  if (withTarget.length === 0) return `注：合计不含未报送本表的${listed}。`;
  const targeted = withTarget.map((r) => r.name);
  const all = targeted.length === missing.length;
  return `注：未报送本表的${listed}；${all ? '其' : `其中${targeted.join('、')}的`}年度目标已计入合计的计划（任务）数，完成数不含${all ? '这些市县' : '未报送的市县'}。`;
}

/** The five attachments of a period, in the official order. */
export function buildAttachments(analysis: PeriodAnalysis, order: RowOrder = 'grouped'): AttachmentModel[] {
  const period = periodLabel(analysis.period);
  return (['start', 'loan', 'expropriation', 'carryOver', 'publicRental'] as const).map((key) => {
    const def = tableDef(key);
    const section: Section<RowIdentity> = analysis[key];
    return {
      ...BUILDERS[key](analysis, order),
      number: def.number,
      label: `附件${def.number}`,
      title: `${period}${def.attachmentTitle}`,
      footnote: footnote(unreported(section), section.unreported),
    };
  });
}

/** A cell as display text (for Word tables and print): counts plain, 亿元 to two decimals, rates in percent to two decimals. */
export function cellText(cell: CellValue): string {
  if (cell === null) return '';
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'count':
      return String(cell.value);
    case 'money':
      return formatYi(cell.yuan);
    case 'rate':
      return formatRatio(cell.rate.num * 100, cell.rate.den, 2);
  }
}
