// Core data shapes shared by every layer: a unit's return for one period, and the issues found reading it.
// `IssueCode` lives with the sentences; a type-only import, so domain/types stays free of runtime imports.
import type { IssueCode } from './messages';

/** A reporting unit id: the GB/T 2260 code, or 'CBS' for 长白山管委会. */
export type UnitId = string;

/** A reporting period, the month of its cutoff: '2018-09' means 2018年1-9月 (cumulative since January 1st). */
export type PeriodKey = string;

/** Integer count (套 or 户). */
export type Count = number;

/** Integer money in yuan (元). 1亿元 = 100,000,000. */
export type Yuan = number;

/** A rate declared by a unit, in hundredths of a percent (95.06% → 9506). Only ever compared, never summed. */
export type RateBp = number;

/** 表1 棚户区改造开工进展 (one row per unit). */
export interface StartFigures {
  plan: Count;
  started: Count;
  /** 其中：本月开工, as declared; null when the column is absent. */
  startedMonth: Count | null;
  /** 开工率 as declared (never trusted, only compared with the recomputed one). */
  declaredRate: RateBp | null;
  note: string;
}

/** 表2 one bank line. */
export interface LoanBankLine {
  /** Canonical bank name (国家开发银行, 中国农业发展银行, … or the bank's own name). */
  bank: string;
  credit: Yuan;
  creditMonth: Yuan | null;
  disbursed: Yuan;
  disbursedMonth: Yuan | null;
  note: string;
}

/** 表2 棚改贷款进展. */
export interface LoanFigures {
  /** 本年棚改需贷款; null when the return does not state it. */
  need: Yuan | null;
  banks: LoanBankLine[];
}

/** 表3 房屋征收进展. */
export interface ExpropriationFigures {
  plan: Count;
  expropriated: Count;
  demolished: Count;
  /** 其中：本月完成 (征收 + 拆迁 this month) as declared. */
  doneMonth: Count | null;
  note: string;
}

/** 表4 one unfinished carry-over demolition project. */
export interface CarryOverProject {
  name: string;
  households: Count;
  unfinished: Count;
  reason: string;
  plannedFinish: string;
}

/** 表5 公共租赁住房分配进展. */
export interface PublicRentalFigures {
  raised: Count;
  allocated: Count;
  declaredRate: RateBp | null;
  yearTask: Count;
  yearAllocated: Count;
  declaredYearRate: RateBp | null;
  /** 上年同期分配率: only known from the return. */
  lastYearRate: RateBp | null;
}

export type TableKey = 'start' | 'loan' | 'expropriation' | 'carryOver' | 'publicRental';

export const TABLE_KEYS: readonly TableKey[] = [
  'start',
  'loan',
  'expropriation',
  'carryOver',
  'publicRental',
];

/** The five tables of a return; a table the workbook lacked is absent. */
export interface ReturnTables {
  start?: StartFigures;
  loan?: LoanFigures;
  expropriation?: ExpropriationFigures;
  carryOver?: CarryOverProject[];
  publicRental?: PublicRentalFigures;
}

/** One unit's return for one period, as read from a file. */
export interface ParsedReturn {
  unitId: UnitId;
  period: PeriodKey;
  /** ISO date of the cutoff, e.g. '2018-09-30'. */
  cutoff: string;
  tables: ReturnTables;
}

export type IssueSeverity = 'error' | 'warning';

/** A problem found in a file: where it is and what it is, in Chinese for the user. */
export interface ImportIssue {
  severity: IssueSeverity;
  /** Stable machine code, e.g. 'number.text' (see domain/messages.ts). */
  code: IssueCode;
  file: string;
  sheet?: string;
  /** A1-style cell reference. */
  cell?: string;
  /** The Chinese sentence shown to the user. */
  message: string;
  /** The text the reader saw in the cell (for the review grid and the problem list sent back to counties). */
  text?: string;
  /** The table and field the cell belongs to, where known (lets the review step offer a correction). */
  table?: TableKey;
  field?: string;
}

// ---------------------------------------------------------------------------------------------------------
// The reader's account of what it saw: the contract between the reader (src/import) and the review step
// (核对). It is given whether the file is accepted or refused, so a refused file can be reviewed in the app.

/**
 * How a column's header was matched to its field:
 * - template: the official header or one of its declared wordings (模板表头);
 * - meaning: taken apart into qualifiers and a core concept and matched within the table (按含义识别);
 * - layout: by the unit's saved header mapping (按已保存的对照).
 */
export type HeaderMatchHow = 'template' | 'meaning' | 'layout';

/**
 * What became of a column under a recognised table header:
 * - matched: read into `field`;
 * - ignored: a known ignorable column (序号, a 栏次 column, a note column the table has no field for);
 * - excluded: a saved or chosen mapping says 不导入此列;
 * - unknown: it holds cells but names no field of the table (an error of the file when it holds figures).
 */
export type ColumnStatus = 'matched' | 'ignored' | 'excluded' | 'unknown';

export interface ColumnReading {
  /** A1 address of the column's top header cell (the group cell of a two-row header is not repeated). */
  cell: string;
  /** 0-based column index. */
  c: number;
  /** The header text as written; a two-row header joins group and sub-header with a space. */
  header: string;
  /** The field read from this column (a key of the table definition's fields), or null. */
  field: string | null;
  how: HeaderMatchHow | null;
  status: ColumnStatus;
  /** The unit the header names ((万套), (亿元), %), if any. */
  unit: string | null;
}

/** One table the reader recognised in a sheet. */
export interface TableReading {
  table: TableKey;
  sheet: string;
  /** A1 range of the header rows, e.g. 'A3:H4' (including a 栏次 row or a row of units under it). */
  headerRange: string;
  /** A1 range of the rows read as data (absent when the table has none). */
  dataRange?: string;
  /** The unit the table's block names (填报单位), when it resolved. */
  unitId?: UnitId;
  columns: ColumnReading[];
  /**
   * The value read from each cell of the data rows (A1 → whole 套/户/元, a rate in hundredths of a percent, text;
   * null where the cell could not be read). Only when asked for (readReturn's `withValues`): the review step
   * previews with it what a mapping reads, units converted, by the reader's own rules.
   */
  values?: Record<string, number | string | null>;
}

/**
 * A unit's saved header mapping for one table (表头对照): header texts, keyed by `layoutHeaderKey`, to the field
 * they mean, or null for 不导入此列. Applied before recognition by meaning, and only to that unit's files.
 */
export interface HeaderLayout {
  unitId: UnitId;
  table: TableKey;
  headers: Record<string, string | null>;
}

/** A cell given a value by hand in the review step (手工更正): read as if the cell held `value`. */
export interface CellCorrection {
  sheet: string;
  /** A1 address. */
  cell: string;
  /**
   * The text the cell held when the correction was made, as the reader reports it (ImportIssue.text); a
   * correction whose cell now reads otherwise (spaces and character widths aside) is refused.
   */
  original: string;
  /** The value typed by the user, read by the same rules as a cell's text (e.g. '500', '12.5'). */
  value: string;
  /** Required: where the value comes from (电话核实、纸质报表…). */
  note: string;
}

/** A correction the reader applied, with where its cell belongs (so the store keeps original, value and note). */
export interface CorrectedCell extends CellCorrection {
  table?: TableKey;
  field?: string;
}

export type ReadResult =
  | {
      ok: true;
      returns: ParsedReturn[];
      warnings: ImportIssue[];
      tables: TableReading[];
      /** The corrections applied (absent when none were given). */
      corrected?: CorrectedCell[];
    }
  | {
      ok: false;
      issues: ImportIssue[];
      tables: TableReading[];
      corrected?: CorrectedCell[];
      /** The unit and period the file names, when they could be read (a refused file is still a unit's return). */
      unitId?: UnitId;
      period?: PeriodKey;
    };
