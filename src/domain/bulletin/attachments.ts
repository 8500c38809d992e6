// The five attachments (附件1 … 附件5) as plain table models — title, unit line, header rows, typed cells — built
// from the computed analysis and the table definitions. The workbook and the Word writers only lay them out.
import type {
  AllocationFlag,
  ExpropriationFlag,
  PeriodAnalysis,
  Rate,
  RowIdentity,
  Section,
  StartFlag,
} from '../calc/types';
import { periodLabel } from '../period';
import { type TableDef, tableDef } from '../tables';
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

function header(def: TableDef, key: string): string {
  const field = def.fields.find((f) => f.key === key);
  if (!field) throw new Error(`${def.key} has no field ${key}`);
  return field.header;
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
  const def = tableDef('start');
  const rows = orderRows(a.start, order).map(({ row, role, seq }) => ({
    role,
    cells: [
      ...leadCells(row, seq),
      count(row.plan),
      count(row.started),
      count(row.month.value),
      rate(row.rate),
      text(role === 'unit' ? START_FLAG_WORDS[row.flag] : ''),
    ],
  }));
  return {
    key: 'start',
    unitLine: '单位：套、%',
    columns: [
      { kind: 'seq', width: 6 },
      { kind: 'text', width: 16 },
      { kind: 'count', width: 14 },
      { kind: 'count', width: 14 },
      { kind: 'count', width: 14 },
      { kind: 'rate', width: 12 },
      { kind: 'text', width: 12 },
    ],
    headerRows: flatHeader([
      header(def, 'seq'),
      header(def, 'unit'),
      header(def, 'plan'),
      header(def, 'started'),
      header(def, 'startedMonth'),
      header(def, 'declaredRate'),
      header(def, 'note'),
    ]),
    rows,
  };
}

function loanModel(a: PeriodAnalysis, order: RowOrder): AttachmentBody {
  const def = tableDef('loan');
  // Ranked by credit, largest first: loans have no rate to rank by.
  const byCredit = [...a.loan.units].sort((x, y) => y.total.credit - x.total.credit);
  const rows = orderRows(a.loan, order, (row) => {
    const i = byCredit.indexOf(row);
    return i < 0 ? null : i + 1;
  }).map(({ row, role, seq }) => ({
    role,
    cells: [
      ...leadCells(row, seq),
      money(row.need),
      money(row.total.credit),
      money(policyOf(row, '国家开发银行', 'credit')),
      money(policyOf(row, '中国农业发展银行', 'credit')),
      money(row.commercial.credit),
      money(row.total.creditMonth.value),
      money(row.total.disbursed),
      money(policyOf(row, '国家开发银行', 'disbursed')),
      money(policyOf(row, '中国农业发展银行', 'disbursed')),
      money(row.commercial.disbursed),
      money(row.total.disbursedMonth.value),
    ],
  }));
  const credit = header(def, 'credit');
  const disbursed = header(def, 'disbursed');
  const byBank = ['合计', '国开行', '农发行', '商业银行'];
  return {
    key: 'loan',
    unitLine: '单位：亿元',
    columns: [
      { kind: 'seq', width: 6 },
      { kind: 'text', width: 16 },
      { kind: 'money', width: 12 },
      ...Array.from({ length: 10 }, (): ColumnModel => ({ kind: 'money', width: 11 })),
    ],
    headerRows: [
      [
        { text: header(def, 'seq'), col: 0, colSpan: 1, rowSpan: 2 },
        { text: header(def, 'unit'), col: 1, colSpan: 1, rowSpan: 2 },
        { text: '本年棚改需贷款（亿元）', col: 2, colSpan: 1, rowSpan: 2 },
        { text: credit, col: 3, colSpan: 4, rowSpan: 1 },
        { text: header(def, 'creditMonth'), col: 7, colSpan: 1, rowSpan: 2 },
        { text: disbursed, col: 8, colSpan: 4, rowSpan: 1 },
        { text: header(def, 'disbursedMonth'), col: 12, colSpan: 1, rowSpan: 2 },
      ],
      [
        ...byBank.map((t, i) => ({ text: t, col: 3 + i, colSpan: 1, rowSpan: 1 })),
        ...byBank.map((t, i) => ({ text: t, col: 8 + i, colSpan: 1, rowSpan: 1 })),
      ],
    ],
    rows,
  };
}

function policyOf(
  row: { banks: { bank: string; credit: number; disbursed: number }[] },
  bank: string,
  field: 'credit' | 'disbursed',
): number {
  return row.banks.find((b) => b.bank === bank)?.[field] ?? 0;
}

function expropriationModel(a: PeriodAnalysis, order: RowOrder): AttachmentBody {
  const def = tableDef('expropriation');
  const rows = orderRows(a.expropriation, order).map(({ row, role, seq }) => ({
    role,
    cells: [
      ...leadCells(row, seq),
      count(row.plan),
      count(row.expropriated),
      count(row.demolished),
      count(row.total),
      count(row.month.value),
      rate(row.rate),
      text(role === 'unit' ? EXPROPRIATION_FLAG_WORDS[row.flag] : ''),
    ],
  }));
  return {
    key: 'expropriation',
    unitLine: '单位：户、%',
    columns: [
      { kind: 'seq', width: 6 },
      { kind: 'text', width: 16 },
      ...Array.from({ length: 5 }, (): ColumnModel => ({ kind: 'count', width: 13 })),
      { kind: 'rate', width: 12 },
      { kind: 'text', width: 12 },
    ],
    headerRows: flatHeader([
      header(def, 'seq'),
      header(def, 'unit'),
      header(def, 'plan'),
      header(def, 'expropriated'),
      header(def, 'demolished'),
      header(def, 'total'),
      header(def, 'doneMonth'),
      '完成率（%）',
      header(def, 'note'),
    ]),
    rows,
  };
}

function carryOverModel(a: PeriodAnalysis, order: RowOrder): AttachmentBody {
  const def = tableDef('carryOver');
  const co = a.carryOver;
  const rows: RowModel[] = [
    {
      role: 'province',
      cells: [
        null,
        text('全省合计'),
        text(`${co.province.count}个项目`),
        count(sumHouseholds(co.projects)),
        count(co.province.unfinished),
        null,
        null,
      ],
    },
  ];
  const projectRows = (unitId: string, start: number): RowModel[] =>
    co.projects
      .filter((p) => p.unitId === unitId)
      .map((p, i) => ({
        role: 'unit' as const,
        cells: [
          count(start + i),
          text(p.unitName),
          text(p.project.name),
          count(p.project.households),
          count(p.project.unfinished),
          text(p.project.reason),
          text(p.project.plannedFinish),
        ],
      }));
  let seq = 1;
  if (order === 'ranked') {
    // Units with the most unfinished projects first.
    const units = [...co.units]
      .filter((u) => u.count > 0)
      .sort((x, y) => y.count - x.count || y.unfinished - x.unfinished);
    for (const unit of units) {
      const r = projectRows(unit.id, seq);
      seq += r.length;
      rows.push(...r);
    }
  } else {
    for (const group of co.groups) {
      const groupProjects = co.projects.filter((p) => p.groupId === group.id);
      if (groupProjects.length === 0) continue;
      rows.push({
        role: 'group',
        cells: [
          null,
          text(displayName(group)),
          text(`${group.count}个项目`),
          count(sumHouseholds(groupProjects)),
          count(group.unfinished),
          null,
          null,
        ],
      });
      for (const unit of co.units.filter((u) => u.groupId === group.id)) {
        const r = projectRows(unit.id, seq);
        seq += r.length;
        rows.push(...r);
      }
    }
  }
  return {
    key: 'carryOver',
    unitLine: '单位：个、户',
    columns: [
      { kind: 'seq', width: 6 },
      { kind: 'text', width: 14 },
      { kind: 'text', width: 34 },
      { kind: 'count', width: 11 },
      { kind: 'count', width: 14 },
      { kind: 'text', width: 22 },
      { kind: 'text', width: 14 },
    ],
    headerRows: flatHeader(
      ['seq', 'unit', 'name', 'households', 'unfinished', 'reason', 'plannedFinish'].map((k) =>
        header(def, k),
      ),
    ),
    rows,
  };
}

function sumHouseholds(items: readonly { project: { households: number } }[]): number {
  return items.reduce((s, p) => s + p.project.households, 0);
}

function publicRentalModel(a: PeriodAnalysis, order: RowOrder): AttachmentBody {
  const def = tableDef('publicRental');
  const rows = orderRows(a.publicRental, order).map(({ row, role, seq }) => ({
    role,
    cells: [
      ...leadCells(row, seq),
      count(row.raised),
      count(row.allocated),
      rate(row.rate),
      count(row.yearTask),
      count(row.yearAllocated),
      rate(row.yearRate),
      row.lastYearRate === null ? null : rate({ num: row.lastYearRate, den: 10_000 }),
      text(role === 'unit' ? ALLOCATION_FLAG_WORDS[row.flag] : ''),
    ],
  }));
  return {
    key: 'publicRental',
    unitLine: '单位：套、%',
    columns: [
      { kind: 'seq', width: 6 },
      { kind: 'text', width: 16 },
      { kind: 'count', width: 12 },
      { kind: 'count', width: 12 },
      { kind: 'rate', width: 11 },
      { kind: 'count', width: 12 },
      { kind: 'count', width: 12 },
      { kind: 'rate', width: 12 },
      { kind: 'rate', width: 12 },
      { kind: 'text', width: 12 },
    ],
    headerRows: flatHeader([
      ...[
        'seq',
        'unit',
        'raised',
        'allocated',
        'declaredRate',
        'yearTask',
        'yearAllocated',
        'declaredYearRate',
        'lastYearRate',
      ].map((k) => header(def, k)),
      '备注',
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
      return fixedRatio(cell.yuan, 100_000_000, 2);
    case 'rate':
      return fixedRatio(cell.rate.num * 100, cell.rate.den, 2);
  }
}

/** num/den to `decimals` places, half up, exact (BigInt). */
function fixedRatio(num: number, den: number, decimals: number): string {
  const scale = 10n ** BigInt(decimals);
  const n = BigInt(Math.round(num)) * scale;
  const d = BigInt(den);
  const neg = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const q = (2n * an + ad) / (2n * ad);
  const digits = q.toString().padStart(decimals + 1, '0');
  return `${neg && q > 0n ? '-' : ''}${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}
