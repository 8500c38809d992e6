// Core data shapes shared by every layer: a unit's return for one period, and the issues found reading it.

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
  code: string;
  file: string;
  sheet?: string;
  /** A1-style cell reference. */
  cell?: string;
  /** The Chinese sentence shown to the user. */
  message: string;
}

export type ReadResult =
  | { ok: true; returns: ParsedReturn[]; warnings: ImportIssue[] }
  | { ok: false; issues: ImportIssue[] };
