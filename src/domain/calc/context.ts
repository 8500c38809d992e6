// What every section computation needs: the period's returns by unit, the previous ones, the register, the
// thresholds, and a sink for warnings; plus month increases and the roll-up of unit rows into groups.
import { notice } from '../messages';
import { periodLabel } from '../period';
import type { Thresholds } from '../settings';
import type { Accrual } from '../tables';
import type { YearTargets } from '../targets';
import type { ParsedReturn, PeriodKey, ReturnTables, TableKey, UnitId } from '../types';
import type { Unit, UnitRegister } from '../units';
import type { CalcWarning, MonthIncrease, RowIdentity } from './types';

export interface CalcContext {
  period: PeriodKey;
  /** Previous period within the year (cumulative figures); null in January. */
  previousPeriod: PeriodKey | null;
  /** Previous month across the year boundary (stock figures). */
  previousMonth: PeriodKey;
  register: UnitRegister;
  thresholds: Thresholds;
  current: Map<UnitId, ParsedReturn>;
  /** Returns of previousPeriod (empty in January). */
  previous: Map<UnitId, ParsedReturn>;
  /** Returns of previousMonth. */
  previousStock: Map<UnitId, ParsedReturn>;
  /** The annual targets of the period's year (empty without targets). */
  targets: YearTargets;
  warnings: CalcWarning[];
}

/** The register's units that reported `table` this period, register order, each with its figures. */
export function reportedFigures<K extends keyof ReturnTables>(
  ctx: CalcContext,
  table: K,
): { unit: Unit; fig: NonNullable<ReturnTables[K]> }[] {
  const out: { unit: Unit; fig: NonNullable<ReturnTables[K]> }[] = [];
  for (const unit of ctx.register.units) {
    const fig = ctx.current.get(unit.id)?.tables[table];
    if (fig !== undefined) out.push({ unit, fig });
  }
  return out;
}

export function unitIdentity(ctx: CalcContext, unit: Unit): RowIdentity {
  const groupId = ctx.register.groupOf(unit);
  return { kind: 'unit', id: unit.id, name: unit.name, groupId, groupName: ctx.register.groupName(groupId) };
}

export const PROVINCE_ROW_ID = 'province';
export const PROVINCE_ROW_NAME = '全省合计';

/** Where a month increase is computed, for its warnings: the table, the unit and the figure's id and name. */
export interface IncreaseWhere {
  table: TableKey;
  unit: Unit;
  field: string;
  label: string;
}

/**
 * A figure's increase this month, by how it accrues (see tables' Accrual). A year figure: in January the figure
 * itself, otherwise the difference with the previous period's figure when the unit's previous return has the
 * table (`previous` not undefined); a stock figure: the difference with the previous month's, across the year
 * boundary. Else the declared 本月. A year figure that fell and a declared 本月 that disagrees are warnings.
 */
export function monthIncrease(
  ctx: CalcContext,
  where: IncreaseWhere,
  accrues: Accrual,
  current: number,
  previous: number | undefined,
  declared: number | null,
  format: (value: number) => string = String,
): MonthIncrease {
  const before = accrues === 'year' ? ctx.previousPeriod : ctx.previousMonth;
  let computed: number | null = null;
  if (accrues === 'year' && before === null) computed = current;
  else if (previous !== undefined) computed = current - previous;
  if (computed === null) {
    if (declared !== null) return { value: declared, source: 'declared', declared, incomplete: false };
    return { value: null, source: 'none', declared: null, incomplete: false };
  }
  if (computed < 0 && accrues === 'year' && before !== null && previous !== undefined) {
    warnFell(ctx, where, before, previous, current, format);
  } else if (declared !== null && declared !== computed) {
    warn(
      ctx,
      where,
      'increase.mismatch',
      before ? [before, ctx.period] : [ctx.period],
      notice('calc.increaseMismatch', {
        unit: where.unit.name,
        label: where.label,
        declared: format(declared),
        basis: before
          ? `${periodLabel(before)}与${periodLabel(ctx.period)}累计数之差`
          : `${periodLabel(ctx.period)}累计数`,
        computed: format(computed),
      }),
    );
  }
  return { value: computed, source: 'computed', declared, incomplete: false };
}

/** A year figure below the previous period's: one of the two returns is probably wrong. */
export function warnFell(
  ctx: CalcContext,
  where: IncreaseWhere,
  before: PeriodKey,
  previous: number,
  current: number,
  format: (value: number) => string = String,
): void {
  warn(
    ctx,
    where,
    'cumulative.fell',
    [before, ctx.period],
    notice('calc.cumulativeFell', {
      unit: where.unit.name,
      label: where.label,
      from: periodLabel(before),
      to: periodLabel(ctx.period),
      before: format(previous),
      now: format(current),
    }),
  );
}

/** An increase nobody can know: a unit counted for its annual target alone, without a return. */
export const UNKNOWN_INCREASE: MonthIncrease = {
  value: null,
  source: 'none',
  declared: null,
  incomplete: false,
};

function warn(
  ctx: CalcContext,
  where: { table: TableKey; unit: Unit; field: string },
  code: CalcWarning['code'],
  periods: PeriodKey[],
  message: string,
): void {
  ctx.warnings.push({
    code,
    table: where.table,
    unitId: where.unit.id,
    unitName: where.unit.name,
    field: where.field,
    periods,
    message,
  });
}

/**
 * The month increases of the parts that reported: a unit in a section for its target alone has no increase to
 * know, and it does not make the total's increase incomplete (its achieved figures are not in the total either).
 */
export function reportedIncreases<Row extends RowIdentity>(
  parts: readonly Row[],
  pick: (row: Row) => MonthIncrease,
): MonthIncrease {
  return sumIncreases(parts.filter((p) => !p.unreported).map(pick));
}

/** Sum of month increases: known parts add up; the source says how they were known. */
export function sumIncreases(parts: readonly MonthIncrease[]): MonthIncrease {
  let value = 0;
  let known = 0;
  let declared = false;
  for (const p of parts) {
    if (p.value === null || p.source === 'none') continue;
    value += p.value;
    known++;
    if (p.source === 'declared') declared = true;
  }
  const incomplete = known < parts.length || parts.some((p) => p.incomplete);
  if (known === 0)
    return {
      value: parts.length === 0 ? 0 : null,
      source: parts.length === 0 ? 'computed' : 'none',
      declared: null,
      incomplete,
    };
  return { value, source: declared ? 'declared' : 'computed', declared: null, incomplete };
}

/**
 * Roll unit rows up into the register's groups (those with at least one row) and the province, with `sum`
 * adding rows' figures (a pure function of the parts, so every total is the sum of its parts).
 */
export function rollUp<Row extends RowIdentity>(
  ctx: CalcContext,
  units: Row[],
  sum: (identity: RowIdentity, parts: Row[]) => Row,
  unreported: Row[] = [],
): { groups: Row[]; province: Row } {
  // Rows of units with a target but no return count in the totals like any other part.
  const all = unreported.length > 0 ? units.concat(unreported) : units;
  const groups: Row[] = [];
  for (const g of ctx.register.groups()) {
    const parts = all.filter((r) => r.groupId === g.id);
    if (parts.length === 0) continue;
    groups.push(sum({ kind: 'group', id: g.id, name: g.name, groupId: g.id, groupName: g.name }, parts));
  }
  const province = sum(
    { kind: 'province', id: PROVINCE_ROW_ID, name: PROVINCE_ROW_NAME, groupId: '', groupName: '' },
    all,
  );
  return { groups, province };
}

export function total<T>(parts: readonly T[], pick: (part: T) => number): number {
  let s = 0;
  for (const p of parts) s += pick(p);
  return s;
}
