// The shapes of the computed analysis: plain rows per unit, group (全市 / 省直管) and province, with flags,
// ranks and the named lists the bulletin uses. Tables, charts, bulletin and exports only render these.
import type { BankCategory } from '../banks';
import type { Thresholds } from '../settings';
import type { YearTargets } from '../targets';
import type { CarryOverProject, Count, ParsedReturn, PeriodKey, TableKey, UnitId, Yuan } from '../types';
import type { UnitRegister } from '../units';
import type { FigureRow } from './figures';

/**
 * An exact ratio num/den of integers. A rate with a zero denominator does not exist: it is `null`
 * wherever a `Rate | null` appears, never 0 or Infinity. Turn it into a number only at the edge
 * (`ratePercent`, `formatRate` in ./format).
 */
export interface Rate {
  num: number;
  den: number;
}

/** Where a month increase (本月) came from. */
export type IncreaseSource =
  /** The difference with the previous stored period (or the cumulative figure itself in January). */
  | 'computed'
  /** The 本月 figure declared in the return, because the previous period is not stored for the unit. */
  | 'declared'
  /** Neither is known. */
  | 'none';

export interface MonthIncrease {
  /** The increase; null when unknown (source 'none'). For a group or the province: the sum of known parts. */
  value: number | null;
  /** For a group or the province: 'computed' if every part was, 'declared' if any part was declared, 'none' if no part is known. */
  source: IncreaseSource;
  /** The 本月 figure as declared in the return (units only; null for rolled-up rows or when absent). */
  declared: number | null;
  /** For a group or the province: some part's increase is unknown, so the sum is a lower bound. */
  incomplete: boolean;
}

export type RowKind = 'unit' | 'group' | 'province';

/** What every row carries to identify itself. Group rows: id = group id (prefecture id or 'direct'). Province: id = 'province'. */
export interface RowIdentity {
  kind: RowKind;
  id: string;
  /** Unit name (通化市), group name (长春市 / 省直管) or the province name (全省合计). */
  name: string;
  /** The group the row belongs to (for a group row, itself; for the province row, ''). */
  groupId: string;
  groupName: string;
  /** A unit that did not report the table, in `Section.unreported` for its annual target only. */
  unreported?: true;
}

/** A section: one row per unit of the register that reported the table (register order), a subtotal per group that has such units, the province total. */
export interface Section<Row extends RowIdentity> {
  units: Row[];
  groups: Row[];
  province: Row;
  /**
   * Units that did not report the table but have an annual target for it (register order): their row holds the
   * target and zeros for what only a return can tell (no rate, no flag, no rank, in no list). The group and
   * province rows are the sum of `units` and `unreported`. Empty without targets.
   */
  unreported: Row[];
}

// ---- 表1 开工 -------------------------------------------------------------------------------------------

/** reached: rate ≥ target; lagging: below target but not below the warning line; below: under the warning line; none: no plan. */
export type StartFlag = 'reached' | 'lagging' | 'below' | 'none';

/**
 * The table's figures by field (plan, started, startedMonth as a month increase, declaredRate as declared: units
 * only), and the rules' results.
 */
export interface StartRow extends RowIdentity, FigureRow<'start'> {
  /** The plan is the annual target (for a group or the province: some part's is); `plan` is then the target. */
  fromTarget: boolean;
  /** Recomputed from started and plan. */
  rate: Rate | null;
  flag: StartFlag;
  /** 1 = highest rate; ties share a rank; null without a plan. Units are ranked among units, groups among groups. */
  rank: number | null;
}

export interface StartSection extends Section<StartRow> {
  lists: {
    /** Rate ≥ target, highest rate first (ties by pinyin). */
    reached: UnitId[];
    /** Rate < target (includes `below`), lowest rate first. */
    lagging: UnitId[];
    /** Rate < warning line, lowest rate first. */
    below: UnitId[];
    /** Reported the table with a zero plan: left out of every list. */
    noPlan: UnitId[];
  };
}

// ---- 表2 贷款 -------------------------------------------------------------------------------------------

/** A bank line's figures by field: credit, disbursed (may exceed credit: it draws on earlier years' credit, never a fault) and their month increases. */
export type LoanAmounts = FigureRow<'loan'>;

export type LoanBankAmounts = LoanAmounts & LoanBankIdentity;

interface LoanBankIdentity {
  /** Canonical bank name. */
  bank: string;
  /** 国开行, 农发行, 建设银行 … */
  shortName: string;
  category: BankCategory;
}

export interface LoanRow extends RowIdentity {
  /** 本年棚改需贷款 (the annual target when set); null when no part stated it (a sum of the stated ones otherwise). */
  need: Yuan | null;
  /** The need is the annual target (for a group or the province: some part's is). */
  needFromTarget: boolean;
  /** Every bank seen in the row (this period or the previous one), in compareBanks order. */
  banks: LoanBankAmounts[];
  policy: LoanAmounts;
  commercial: LoanAmounts;
  total: LoanAmounts;
  /** credit > 0 (units only; false for rolled-up rows). */
  hasCredit: boolean;
}

export interface LoanSection extends Section<LoanRow> {
  /** Every bank in the province, compareBanks order (= province.banks). */
  banks: string[];
  lists: {
    /** This year's credit > 0, register order. */
    withCredit: UnitId[];
    /** A loan need > 0 and no credit, register order. */
    needNoCredit: UnitId[];
  };
}

// ---- 表3 征收 -------------------------------------------------------------------------------------------

/** ahead: rate ≥ expropriationAhead; behind: rate < expropriationBehind; middle: between; none: no plan. */
export type ExpropriationFlag = 'ahead' | 'middle' | 'behind' | 'none';

/**
 * The table's figures by field (plan, expropriated, demolished, total = their sum, doneMonth = total's month
 * increase), and the rules' results.
 */
export interface ExpropriationRow extends RowIdentity, FigureRow<'expropriation'> {
  /** The plan is the annual target (see StartRow.fromTarget). */
  fromTarget: boolean;
  /** total against plan. */
  rate: Rate | null;
  flag: ExpropriationFlag;
  rank: number | null;
}

export interface ExpropriationSection extends Section<ExpropriationRow> {
  lists: {
    /** Highest rate first. */
    ahead: UnitId[];
    /** Lowest rate first. */
    behind: UnitId[];
  };
}

// ---- 表4 拆迁结转项目 -----------------------------------------------------------------------------------

export interface CarryOverItem {
  unitId: UnitId;
  unitName: string;
  groupId: string;
  project: CarryOverProject;
}

/** The projects' figures added up by field (households: 涉及户数, unfinished: 未完成拆迁户数), and the counts. */
export interface CarryOverRow extends RowIdentity, FigureRow<'carryOver'> {
  /** Unfinished projects now. */
  count: number;
  /** Count in the previous month's return; null when that return is not stored. */
  previousCount: number | null;
  /** Projects gone since the previous month (0 when it is not stored). */
  finished: number;
  /** Projects not in the previous month's list (0 when it is not stored). */
  added: number;
  /**
   * The change in unfinished projects since the previous month, over the units whose previous month is stored
   * (added − finished); null when none is. For a group or the province this is not count − previousCount when a
   * unit lacks one of the two months: that difference would count its projects as new or finished.
   */
  change: number | null;
}

export interface CarryOverSection extends Section<CarryOverRow> {
  /** The month compared against (previousMonth: across the year boundary). */
  previousPeriod: PeriodKey;
  /** All unfinished projects, register order of units then list order. */
  projects: CarryOverItem[];
  finishedProjects: CarryOverItem[];
  newProjects: CarryOverItem[];
  lists: {
    /** count ≥ carryOverMany, most first. */
    many: UnitId[];
  };
}

// ---- 表5 公租房 -----------------------------------------------------------------------------------------

/** target: rate ≥ allocationTarget; low: rate < allocationLow; middle: between; none: nothing raised. */
export type AllocationFlag = 'target' | 'middle' | 'low' | 'none';
/** done: the year's task is fully allocated; zero: nothing allocated; partial: between; none: no task. */
export type YearTaskFlag = 'done' | 'partial' | 'zero' | 'none';
/** fell: this year's allocation rate is lower than 上年同期分配率; held: not lower; none: either unknown. */
export type LastYearTrend = 'fell' | 'held' | 'none';

/**
 * The table's figures by field (raised, allocated, yearTask: the annual target when set, yearAllocated; the
 * rates as declared: units only), and the rules' results.
 */
export interface PublicRentalRow extends RowIdentity, FigureRow<'publicRental'> {
  /** Month increase of `allocated` (a stock figure: compared with previousMonth, across the year boundary). */
  allocatedMonth: MonthIncrease;
  rate: Rate | null;
  flag: AllocationFlag;
  rank: number | null;
  /** yearTask (本年分配任务) is the annual target when set. */
  taskFromTarget: boolean;
  yearRate: Rate | null;
  yearFlag: YearTaskFlag;
  trend: LastYearTrend;
}

export interface PublicRentalSection extends Section<PublicRentalRow> {
  lists: {
    /** Allocation rate ≥ target, register order. */
    atTarget: UnitId[];
    /** Allocation rate < allocationLow, lowest first. */
    low: UnitId[];
    /** yearTask > 0, register order. */
    withTask: UnitId[];
    yearDone: UnitId[];
    yearZero: UnitId[];
    /** Rate fell against 上年同期, register order. */
    fell: UnitId[];
  };
}

// ---- the whole period ---------------------------------------------------------------------------------

export type CalcWarningCode =
  /** A declared 本月 figure disagrees with the computed one. */
  | 'increase.mismatch'
  /** A cumulative figure fell from one period to the next within a year: one of the two returns is probably wrong. */
  | 'cumulative.fell'
  /** A return's plan (need, task) differs from the unit's annual target; the target is used. */
  | 'plan.target';

export interface CalcWarning {
  code: CalcWarningCode;
  table: TableKey;
  unitId: UnitId;
  unitName: string;
  /** The field, e.g. 'started', 'disbursed:中国农业发展银行', or a target key ('startPlan') for 'plan.target'. */
  field: string;
  /** The periods involved: [previous, current]. */
  periods: PeriodKey[];
  /** The Chinese sentence shown to the user. */
  message: string;
}

export interface PeriodAnalysis {
  period: PeriodKey;
  /** For cumulative figures (within the year); null in January. */
  previousPeriod: PeriodKey | null;
  /** For stock figures (across the year boundary). */
  previousMonth: PeriodKey;
  thresholds: Thresholds;
  /** Units with a return for the period, register order. */
  reportedUnits: UnitId[];
  /** Units of the register without a return for the period. */
  missingUnits: UnitId[];
  /** Units with at least one annual target for the period's year (register order); empty without targets. */
  targetUnits: UnitId[];
  start: StartSection;
  loan: LoanSection;
  expropriation: ExpropriationSection;
  carryOver: CarryOverSection;
  publicRental: PublicRentalSection;
  warnings: CalcWarning[];
}

/** One period of the province trend. */
export interface TrendPoint {
  period: PeriodKey;
  /** 2018年1-9月 */
  label: string;
  unitsReported: number;
  plan: Count;
  started: Count;
  startRate: Rate | null;
  credit: Yuan;
  disbursed: Yuan;
  expropriatedTotal: Count;
  carryOverCount: number;
  raised: Count;
  allocated: Count;
  allocationRate: Rate | null;
}

export interface AnalysePeriodInput {
  /** All current returns of all stored periods (getAllCurrentReturns). */
  returnsByPeriod: Map<PeriodKey, readonly ParsedReturn[]>;
  period: PeriodKey;
  register: UnitRegister;
  thresholds: Thresholds;
  /** The annual targets of the period's year, by unit; without them plans come from the returns alone. */
  targets?: YearTargets;
}
