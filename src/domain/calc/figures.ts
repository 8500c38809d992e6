// The figures a section row carries, built from its table's definition: each figure as stated (summed for a
// group or the province), each derived sum (表3 合计), each month column as a month increase of the figure it
// belongs to, each declared rate. A column added to a definition reaches every row, table and export here.

import { type Accrual, type FieldDef, fieldDef, type TableDefs, tableDef } from '../tables';
import type { RateBp, TableKey } from '../types';
import type { Unit } from '../units';
import {
  type CalcContext,
  type IncreaseWhere,
  monthIncrease,
  sumIncreases,
  UNKNOWN_INCREASE,
  warnFell,
} from './context';
import { formatYi, makeRate } from './format';
import type { MonthIncrease, Rate } from './types';

type FieldsOf<K extends TableKey> = TableDefs[K]['fields'][number];
type KeysOf<K extends TableKey, Shape> = Extract<FieldsOf<K>, Shape>['key'];
type MonthKeys<K extends TableKey> = KeysOf<K, { monthOf: string }>;

/**
 * A row's figures by field key: counts and money (and derived sums) as numbers, month columns as month
 * increases, declared rates (units only; null on totals), other nullable figures as the sum of those stated.
 */
export type FigureRow<K extends TableKey> = {
  [P in KeysOf<K, { kind: 'count' | 'money'; nullable?: false }>]: number;
} & { [P in MonthKeys<K>]: MonthIncrease } & { [P in KeysOf<K, { kind: 'rate' }>]: RateBp | null } & {
  [P in Exclude<KeysOf<K, { kind: 'count' | 'money'; nullable: true }>, MonthKeys<K>>]: number | null;
};

/** A field's part in a row: how its value is made for a unit and added up for a total. */
type Role = 'figure' | 'sum' | 'month' | 'rate' | 'optional';

function roleOf(field: FieldDef): Role | null {
  if (field.kind === 'rate') return 'rate';
  if (field.kind !== 'count' && field.kind !== 'money') return null;
  if (field.sumOf) return 'sum';
  if (field.monthOf) return 'month';
  return field.nullable ? 'optional' : 'figure';
}

type Values = Record<string, unknown>;

const numberIn = (values: Values | undefined, key: string): number | undefined => {
  const v = values?.[key];
  return typeof v === 'number' ? v : undefined;
};

/** A figure's value in a record: stated, or a derived column's sum of its stated parts. */
function figureIn(field: FieldDef, values: Values | undefined): number | undefined {
  if (values === undefined) return undefined;
  if (!field.sumOf) return numberIn(values, field.key) ?? 0;
  return field.sumOf.reduce((sum, part) => sum + (numberIn(values, part) ?? 0), 0);
}

/** 1200套, 350户, 12.5亿元: a figure in a calc warning. */
function figureText(field: FieldDef): (value: number) => string {
  if (field.kind === 'money') return (v) => `${formatYi(v)}亿元`;
  const unit = field.headerUnit === '套' || field.headerUnit === '户' ? field.headerUnit : '';
  return (v) => `${v}${unit}`;
}

/** The name of a figure in a warning: its label, or for a derived sum the parts it adds. */
function figureName(table: TableKey, field: FieldDef): string {
  if (!field.sumOf) return field.label;
  return `${field.sumOf.map((part) => fieldDef(tableDef(table), part).label).join('与')}之和`;
}

interface FigureSource {
  table: TableKey;
  unit: Unit;
  /** The record (a one-row table's figures, or a bank's line). */
  values: object;
  /** The same record in the previous return of that accrual (year: previousPeriod; stock: previousMonth). */
  previous: (accrues: Accrual) => object | undefined;
  /** How warnings name a field (loan: per bank); by default its key and label. */
  where?: (field: FieldDef) => Pick<IncreaseWhere, 'field' | 'label'>;
}

/**
 * A unit's figures from its record, with the month increases the definition declares. A year figure without a
 * month column of its own (表3's 征收 and 拆迁) is checked for a fall; a month of a derived sum whose part fell
 * is the plain difference (the fall is already said).
 */
export function unitFigures<K extends TableKey>(
  ctx: CalcContext,
  source: FigureSource & { table: K },
): FigureRow<K> {
  const def = tableDef(source.table);
  const fields = def.fields as readonly FieldDef[];
  const whereOf = (field: FieldDef): IncreaseWhere => ({
    table: source.table,
    unit: source.unit,
    ...(source.where ? source.where(field) : { field: field.key, label: figureName(source.table, field) }),
  });
  const values = source.values as Values;
  const previousOf = (accrues: Accrual) => source.previous(accrues) as Values | undefined;
  const out: Values = {};
  const fell = new Set<string>();
  for (const field of fields) {
    const role = roleOf(field);
    if (role === 'figure' || role === 'sum') out[field.key] = figureIn(field, values);
    else if (role === 'rate' || role === 'optional') out[field.key] = numberIn(values, field.key) ?? null;
    const hasMonth = fields.some((f) => f.monthOf === field.key);
    if (role === 'figure' && field.accrues === 'year' && !hasMonth && ctx.previousPeriod !== null) {
      const previous = figureIn(field, previousOf('year'));
      const current = figureIn(field, values) ?? 0;
      if (previous !== undefined && current < previous) {
        fell.add(field.key);
        warnFell(ctx, whereOf(field), ctx.previousPeriod, previous, current, figureText(field));
      }
    }
  }
  for (const month of fields) {
    if (!month.monthOf) continue;
    const of = fieldDef(def, month.monthOf);
    const accrues = of.accrues ?? 'year';
    const current = figureIn(of, values) ?? 0;
    const previous = figureIn(of, previousOf(accrues));
    const declared = numberIn(values, month.key) ?? null;
    out[month.key] =
      previous !== undefined && of.sumOf?.some((part) => fell.has(part))
        ? { value: current - previous, source: 'computed', declared, incomplete: false }
        : monthIncrease(ctx, whereOf(of), accrues, current, previous, declared, figureText(of));
  }
  return out as FigureRow<K>;
}

/** A unit's figures of a one-row table, compared with its previous returns (by each figure's accrual). */
export function tableFigures<K extends 'start' | 'expropriation' | 'publicRental'>(
  ctx: CalcContext,
  table: K,
  unit: Unit,
  values: object,
): FigureRow<K> {
  return unitFigures(ctx, {
    table,
    unit,
    values,
    previous: (accrues) =>
      (accrues === 'stock' ? ctx.previousStock : ctx.previous).get(unit.id)?.tables[table],
  });
}

/** The figures of a group or the province: every part's figures added up; rates are not added. */
export function sumFigures<K extends TableKey>(table: K, parts: readonly FigureRow<K>[]): FigureRow<K> {
  const out: Values = {};
  const rows = parts as readonly Values[];
  for (const field of tableDef(table).fields as readonly FieldDef[]) {
    const role = roleOf(field);
    const key = field.key;
    if (role === 'figure' || role === 'sum') out[key] = rows.reduce((s, r) => s + (numberIn(r, key) ?? 0), 0);
    // A unit counted for its annual target alone has no increase to know, and leaves no gap (see reportedIncreases).
    else if (role === 'month')
      out[key] = sumIncreases(rows.filter((r) => !r.unreported).map((r) => r[key] as MonthIncrease));
    else if (role === 'rate') out[key] = null;
    else if (role === 'optional') {
      const stated = rows.map((r) => numberIn(r, key)).filter((v): v is number => v !== undefined);
      out[key] = stated.length === 0 ? null : stated.reduce((s, v) => s + v, 0);
    }
  }
  return out as FigureRow<K>;
}

/** The figures of a unit without a return (counted for its annual target alone): zeros, unknown increases. */
export function noFigures<K extends TableKey>(table: K): FigureRow<K> {
  const out: Values = {};
  for (const field of tableDef(table).fields as readonly FieldDef[]) {
    const role = roleOf(field);
    if (role === 'figure' || role === 'sum') out[field.key] = 0;
    else if (role === 'month') out[field.key] = UNKNOWN_INCREASE;
    else if (role === 'rate' || role === 'optional') out[field.key] = null;
  }
  return out as FigureRow<K>;
}

/** How a figure column shows a row: a count or money, a month increase, or a rate. */
export type FigureValue =
  | { kind: 'count' | 'money'; value: number | null }
  | { kind: 'month'; money: boolean; value: MonthIncrease }
  | { kind: 'rate'; value: Rate | null };

export interface FigureColumn<K extends TableKey> {
  field: FieldDef;
  value: (row: FigureRow<K>) => FigureValue;
}

/**
 * The columns a table's figures show in every table, export and page, in definition order: counts and money
 * as stated or summed, month columns as increases, a rate of two figures recomputed from the row's figures
 * (the declared one is only checked), a rate of nothing else as declared (units only).
 */
export function figureColumns<K extends TableKey>(table: K): FigureColumn<K>[] {
  const out: FigureColumn<K>[] = [];
  for (const field of tableDef(table).fields as readonly FieldDef[]) {
    const role = roleOf(field);
    const key = field.key;
    const of = (row: FigureRow<K>) => row as unknown as Values;
    if (role === 'figure' || role === 'sum' || role === 'optional') {
      const kind = field.kind === 'money' ? 'money' : 'count';
      out.push({ field, value: (row) => ({ kind, value: numberIn(of(row), key) ?? null }) });
    } else if (role === 'month') {
      const money = field.kind === 'money';
      out.push({ field, value: (row) => ({ kind: 'month', money, value: of(row)[key] as MonthIncrease }) });
    } else if (role === 'rate' && field.rateOf) {
      const [num, den] = field.rateOf;
      out.push({
        field,
        value: (row) => ({
          kind: 'rate',
          value: makeRate(numberIn(of(row), num) ?? 0, numberIn(of(row), den) ?? 0),
        }),
      });
    } else if (role === 'rate') {
      out.push({
        field,
        value: (row) => {
          const bp = numberIn(of(row), key);
          return { kind: 'rate', value: bp === undefined ? null : { num: bp, den: 10_000 } };
        },
      });
    }
  }
  return out;
}
