// 概览's figures: the headline figures of a period with their change since the previous period and since the
// same period last year, their trend over the year, and the month-over-month table of the province and its
// groups. Pure: it takes the analysis of each period it compares (built by the caller with the same inputs as the
// page's own) and returns plain rows. A period with nothing stored gives null, shown as '—', never 0.
import { makePeriod, periodParts, previousMonth, previousPeriod } from '../period';
import { type PeriodKey, TABLE_KEYS, type TableKey } from '../types';
import { compareRates } from './format';
import type {
  CarryOverRow,
  ExpropriationRow,
  LoanRow,
  PeriodAnalysis,
  PublicRentalRow,
  Rate,
  RowIdentity,
  Section,
  StartRow,
  TrendPoint,
} from './types';

/** How a figure is counted and shown: 套, 元 (shown in 亿元), 户, 个 (projects) or a rate. */
export type FigureKind = 'dwellings' | 'yuan' | 'households' | 'projects' | 'rate';

/**
 * cumulative: counted from January 1st, so the previous period is the month before within the year (none in
 * January); stock: a level that runs on across the year boundary (public rental, unfinished projects), compared
 * with the previous month even in January.
 */
export type FigureBasis = 'cumulative' | 'stock';

export type FigureKey =
  | 'startRate'
  | 'started'
  | 'startPlan'
  | 'credit'
  | 'disbursed'
  | 'householdsDone'
  | 'expropriationRate'
  | 'carryOverProjects'
  | 'carryOverUnfinished'
  | 'allocationRate'
  | 'allocated'
  | 'yearTask'
  | 'yearAllocated'
  | 'yearRate';

/** The province row, or a group's row ('province' or a group id). */
export type Scope = string;
export const PROVINCE_SCOPE: Scope = 'province';

interface FigureDef {
  key: FigureKey;
  table: TableKey;
  kind: FigureKind;
  basis: FigureBasis;
  /** The figure of a row of the table's section: a count as n/1, a rate as itself (null: no denominator). */
  pick: (row: RowIdentity) => Rate | null;
}

interface RowOf {
  start: StartRow;
  loan: LoanRow;
  expropriation: ExpropriationRow;
  carryOver: CarryOverRow;
  publicRental: PublicRentalRow;
}

function figure<T extends TableKey>(
  key: FigureKey,
  table: T,
  kind: FigureKind,
  basis: FigureBasis,
  pick: (row: RowOf[T]) => Rate | null,
): FigureDef {
  // The row handed to pick is always a row of `table`'s section (figureAt takes it from there).
  return { key, table, kind, basis, pick: (row) => pick(row as RowOf[T]) };
}

const count = (n: number): Rate => ({ num: n, den: 1 });

function rowOf<Row extends RowIdentity>(section: Section<Row>, scope: Scope): Row | undefined {
  return scope === PROVINCE_SCOPE ? section.province : section.groups.find((g) => g.id === scope);
}

/** Units of the scope that reported the table (the rows a figure is the sum of). */
function unitsIn(section: Section<RowIdentity>, scope: Scope): number {
  return scope === PROVINCE_SCOPE
    ? section.units.length
    : section.units.filter((u) => u.groupId === scope).length;
}

/** Every figure 概览 shows, with where it comes from in the analysis (the same rows as 数据's tables). */
export const FIGURES: Record<FigureKey, FigureDef> = {
  startRate: figure('startRate', 'start', 'rate', 'cumulative', (r) => r.rate),
  started: figure('started', 'start', 'dwellings', 'cumulative', (r) => count(r.started)),
  startPlan: figure('startPlan', 'start', 'dwellings', 'cumulative', (r) => count(r.plan)),
  credit: figure('credit', 'loan', 'yuan', 'cumulative', (r) => count(r.total.credit)),
  disbursed: figure('disbursed', 'loan', 'yuan', 'cumulative', (r) => count(r.total.disbursed)),
  householdsDone: figure('householdsDone', 'expropriation', 'households', 'cumulative', (r) =>
    count(r.total),
  ),
  expropriationRate: figure('expropriationRate', 'expropriation', 'rate', 'cumulative', (r) => r.rate),
  carryOverProjects: figure('carryOverProjects', 'carryOver', 'projects', 'stock', (r) => count(r.count)),
  carryOverUnfinished: figure('carryOverUnfinished', 'carryOver', 'households', 'stock', (r) =>
    count(r.unfinished),
  ),
  allocationRate: figure('allocationRate', 'publicRental', 'rate', 'stock', (r) => r.rate),
  allocated: figure('allocated', 'publicRental', 'dwellings', 'stock', (r) => count(r.allocated)),
  // The year's task and what was allocated against it restart each year: cumulative.
  yearTask: figure('yearTask', 'publicRental', 'dwellings', 'cumulative', (r) => count(r.yearTask)),
  yearAllocated: figure('yearAllocated', 'publicRental', 'dwellings', 'cumulative', (r) =>
    count(r.yearAllocated),
  ),
  yearRate: figure('yearRate', 'publicRental', 'rate', 'cumulative', (r) => r.yearRate),
};

/** A figure of one period and scope: its exact value (null: a rate without denominator) and the units behind it. */
export interface FigureAt {
  value: Rate | null;
  /** Units of the scope that reported the table; 0 means the figure does not exist for the period. */
  units: number;
}

/** The figure in an analysis, or null when no unit of the scope reported its table (nothing to show). */
export function figureAt(analysis: PeriodAnalysis | null, key: FigureKey, scope: Scope): FigureAt | null {
  if (analysis === null) return null;
  const def = FIGURES[key];
  const section = analysis[def.table] as Section<RowIdentity>;
  const row = rowOf(section, scope);
  const units = unitsIn(section, scope);
  if (row === undefined || units === 0) return null;
  return { value: def.pick(row), units };
}

/** a − b exactly, as a fraction (den > 0). */
export function subtractExact(a: Rate, b: Rate): Rate {
  if (a.den === b.den) return { num: a.num - b.num, den: a.den };
  return { num: a.num * b.den - b.num * a.den, den: a.den * b.den };
}

export interface Comparison {
  /** The period compared against; null when there is none (a cumulative figure in January). */
  period: PeriodKey | null;
  /** now − before, exactly (for a rate: a fraction, ×100 for percentage points); null when either is unknown. */
  delta: Rate | null;
  /** The figure in the period compared against (null: nothing of its table stored then). */
  before: FigureAt | null;
  /**
   * The two periods' figures stand on a different number of units (one was not reported in one of them): the
   * change mixes a change in who reported with a change in the figures.
   */
  unitsDiffer: boolean;
}

export function compare(now: FigureAt | null, before: FigureAt | null, period: PeriodKey | null): Comparison {
  const delta =
    now !== null && before !== null && now.value !== null && before.value !== null
      ? subtractExact(now.value, before.value)
      : null;
  return {
    period,
    delta,
    before,
    unitsDiffer: now !== null && before !== null && now.units !== before.units,
  };
}

/** The period a figure of `period` is compared with month over month: by its basis. */
export function previousFor(basis: FigureBasis, period: PeriodKey): PeriodKey | null {
  return basis === 'stock' ? previousMonth(period) : previousPeriod(period);
}

/** The same period a year before. */
export function sameTimeLastYear(period: PeriodKey): PeriodKey {
  const { year, month } = periodParts(period);
  return makePeriod(year - 1, month);
}

/** The months of the year up to the period, oldest first (2018-01 … 2018-09). */
export function monthsOfYearTo(period: PeriodKey): PeriodKey[] {
  const { year, month } = periodParts(period);
  return Array.from({ length: month }, (_, i) => makePeriod(year, i + 1));
}

/**
 * The periods 概览 analyses besides the period: the previous one (previous month, across the year for stock
 * figures) and the same month last year. The trend lines read the year's months apart (see yearTrend).
 */
export function overviewPeriods(period: PeriodKey): PeriodKey[] {
  return [...new Set([previousMonth(period), sameTimeLastYear(period)])];
}

/** The analysis of a period with the page's inputs, or null when nothing is stored for it. */
export type AnalyseAt = (period: PeriodKey) => PeriodAnalysis | null;

export interface FigureView {
  key: FigureKey;
  kind: FigureKind;
  table: TableKey;
  now: FigureAt | null;
  month: Comparison;
  year: Comparison;
}

export function figureView(
  key: FigureKey,
  scope: Scope,
  period: PeriodKey,
  analyseAt: AnalyseAt,
): FigureView {
  const def = FIGURES[key];
  const now = figureAt(analyseAt(period), key, scope);
  const prev = previousFor(def.basis, period);
  const lastYear = sameTimeLastYear(period);
  return {
    key,
    kind: def.kind,
    table: def.table,
    now,
    month: compare(now, prev === null ? null : figureAt(analyseAt(prev), key, scope), prev),
    year: compare(now, figureAt(analyseAt(lastYear), key, scope), lastYear),
  };
}

export interface TrendValue {
  period: PeriodKey;
  value: Rate;
}

/**
 * The province trends (analyseTrends) give the headline figures of every month at a fraction of an analysis's
 * cost; each is the same sum as the analysis's province row (a test holds them equal on every period).
 */
const TREND_PICK: Partial<Record<FigureKey, (p: TrendPoint) => Rate | null>> = {
  startRate: (p) => p.startRate,
  credit: (p) => ({ num: p.credit, den: 1 }),
  householdsDone: (p) => ({ num: p.expropriatedTotal, den: 1 }),
  carryOverProjects: (p) => ({ num: p.carryOverCount, den: 1 }),
  allocationRate: (p) => p.allocationRate,
};

/** The figures a trend line can be drawn for (the cards' headline figures). */
export const TREND_FIGURES = Object.keys(TREND_PICK) as FigureKey[];

/**
 * The province figure in each stored month of the year up to the period, from the trends of the stored periods
 * (months without a return, or without the figure, are left out).
 */
export function yearTrend(key: FigureKey, period: PeriodKey, trends: readonly TrendPoint[]): TrendValue[] {
  const pick = TREND_PICK[key];
  if (!pick) return [];
  const months = new Set(monthsOfYearTo(period));
  const out: TrendValue[] = [];
  for (const point of trends) {
    if (!months.has(point.period) || point.unitsReported === 0) continue;
    const value = pick(point);
    if (value) out.push({ period: point.period, value });
  }
  return out;
}

// ---- the headline cards ---------------------------------------------------------------------------------

export interface Card {
  /** The table the card sums up (and opens on 数据). */
  table: TableKey;
  /** The headline figure first, then the figures beside it. */
  figures: FigureView[];
  /** The headline figure over the stored months of the year. */
  trend: TrendValue[];
}

/** One card per table: the figures a leader reads first, in the bulletin's order. */
export const CARD_FIGURES: readonly { table: TableKey; figures: readonly FigureKey[] }[] = [
  { table: 'start', figures: ['startRate', 'started', 'startPlan'] },
  { table: 'loan', figures: ['credit', 'disbursed'] },
  { table: 'expropriation', figures: ['householdsDone', 'expropriationRate'] },
  { table: 'carryOver', figures: ['carryOverProjects', 'carryOverUnfinished'] },
  { table: 'publicRental', figures: ['allocationRate', 'yearRate', 'yearAllocated', 'yearTask'] },
];

/** The cards of a period; `trends` are the province trends of (at least) the year's stored months. */
export function overviewCards(
  period: PeriodKey,
  analyseAt: AnalyseAt,
  trends: readonly TrendPoint[],
): Card[] {
  return CARD_FIGURES.map(({ table, figures }) => {
    const [headline] = figures;
    return {
      table,
      figures: figures.map((key) => figureView(key, PROVINCE_SCOPE, period, analyseAt)),
      trend: headline ? yearTrend(headline, period, trends) : [],
    };
  });
}

// ---- month over month, by group -------------------------------------------------------------------------

/** The figures of the month-over-month table, in its column order. */
export const MONTH_TABLE_FIGURES: readonly FigureKey[] = [
  'startRate',
  'started',
  'disbursed',
  'householdsDone',
  'carryOverProjects',
  'allocationRate',
];

export interface MonthTableCell extends FigureView {
  /** Among the groups: this change is the largest rise (or the largest fall) of its column. */
  mover: 'rise' | 'fall' | null;
}

export interface MonthTableRow {
  scope: Scope;
  name: string;
  kind: 'province' | 'group';
  cells: MonthTableCell[];
}

/** Ids of the groups with a unit that reported any table in the analysis. */
function groupsPresent(analysis: PeriodAnalysis): Set<string> {
  const out = new Set<string>();
  for (const table of TABLE_KEYS)
    for (const g of (analysis[table] as Section<RowIdentity>).groups) out.add(g.id);
  return out;
}

/**
 * The province and each group (in `groupOrder`, the register's, those with a return): each main figure now, then
 * and its change; the largest movers among the groups marked.
 */
export function monthTable(
  period: PeriodKey,
  analyseAt: AnalyseAt,
  groupOrder: readonly { id: string; name: string }[],
): MonthTableRow[] {
  const analysis = analyseAt(period);
  if (analysis === null) return [];
  const present = groupsPresent(analysis);
  const scopes = [
    { scope: PROVINCE_SCOPE, name: analysis.start.province.name, kind: 'province' as const },
    ...groupOrder
      .filter((g) => present.has(g.id))
      .map((g) => ({ scope: g.id, name: g.name, kind: 'group' as const })),
  ];
  const rows: MonthTableRow[] = scopes.map(({ scope, name, kind }) => ({
    scope,
    name,
    kind,
    cells: MONTH_TABLE_FIGURES.map((key) => ({ ...figureView(key, scope, period, analyseAt), mover: null })),
  }));
  MONTH_TABLE_FIGURES.forEach((_, column) => {
    const groupCells = rows.filter((r) => r.kind === 'group').map((r) => r.cells[column] as MonthTableCell);
    markMovers(groupCells);
  });
  return rows;
}

/** The largest rise and the largest fall of a column, exactly; ties are all marked, a zero change never. */
function markMovers(cells: MonthTableCell[]): void {
  const known = cells.filter((c) => c.month.delta !== null && c.month.delta.num !== 0);
  const rises = known.filter((c) => (c.month.delta as Rate).num > 0);
  const falls = known.filter((c) => (c.month.delta as Rate).num < 0);
  const mark = (list: MonthTableCell[], sign: 1 | -1, mover: 'rise' | 'fall') => {
    let best: Rate | null = null;
    for (const c of list) {
      const d = c.month.delta as Rate;
      if (best === null || sign * compareRates(d, best) > 0) best = d;
    }
    for (const c of list) if (best && compareRates(c.month.delta as Rate, best) === 0) c.mover = mover;
  };
  mark(rises, 1, 'rise');
  mark(falls, -1, 'fall');
}
