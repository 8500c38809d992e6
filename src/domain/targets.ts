// Annual targets (保障性安居工程目标责任书): per year and unit, the 表1 plan, the 表2 loan need, the 表3 plan and the
// 表5 task. One definition of the four figures drives the calc, the settings form, the .xlsx reader and merges.
import { formatYiExact } from './calc/format';
import { isNegative, parseNumberText, shiftDecimal, toWholeNumber, unitPower } from './numbers';
import type { FieldDef } from './tables';
import type { Count, ParsedReturn, PeriodKey, ReturnTables, TableKey, UnitId, Yuan } from './types';
import { defaultRegister } from './units';

/** One unit's targets for a year; null where no target is set (the return's figure is used then). */
export interface UnitTargets {
  /** 表1 年度计划 (套). */
  startPlan: Count | null;
  /** 表2 本年棚改需贷款 (元). */
  loanNeed: Yuan | null;
  /** 表3 年度征收计划 (户). */
  expropriationPlan: Count | null;
  /** 表5 本年分配任务 (套). */
  rentalTask: Count | null;
}

export type TargetKey = keyof UnitTargets;

/** A year's targets by unit. */
export type YearTargets = ReadonlyMap<UnitId, UnitTargets>;

export interface TargetFieldDef {
  key: TargetKey;
  /** The return table whose figure the target replaces. */
  table: TableKey;
  /** The short label in forms and messages. */
  label: string;
  /** The column header of the targets table (settings, the .xlsx template), with its unit. */
  header: string;
  /** What the figure counts: whole 套/户, or money in yuan typed in 亿元. */
  kind: 'count' | 'money';
  /** The unit the figure is typed in (the form, the template's header) and shown in. */
  unit: '套' | '户' | '亿元';
  /** Header wordings of a targets workbook that mean this column (compared after the header normalisation). */
  synonyms: readonly string[];
  /** The figure of a return this target stands for (null when the return does not state it). */
  fromReturn: (tables: ReturnTables) => number | null;
}

export const TARGET_FIELDS: readonly TargetFieldDef[] = [
  {
    key: 'startPlan',
    table: 'start',
    label: '棚改年度计划',
    header: '棚改年度计划（套）',
    kind: 'count',
    unit: '套',
    synonyms: [
      '棚改年度计划',
      '棚户区改造年度计划',
      '棚户区改造计划',
      '棚改计划',
      '改造计划',
      '棚改任务',
      '棚户区改造任务',
      '年度计划',
      '开工计划',
      '计划改造',
      '棚改开工计划',
      '表1年度计划',
    ],
    fromReturn: (t) => t.start?.plan ?? null,
  },
  {
    key: 'loanNeed',
    table: 'loan',
    label: '本年棚改需贷款',
    header: '本年棚改需贷款（亿元）',
    kind: 'money',
    unit: '亿元',
    synonyms: [
      '本年棚改需贷款',
      '本年需贷款',
      '棚改需贷款',
      '需贷款',
      '贷款需求',
      '棚改贷款需求',
      '需贷款额',
    ],
    fromReturn: (t) => t.loan?.need ?? null,
  },
  {
    key: 'expropriationPlan',
    table: 'expropriation',
    label: '年度征收计划',
    header: '年度征收计划（户）',
    kind: 'count',
    unit: '户',
    synonyms: ['年度征收计划', '征收计划', '房屋征收计划', '年度房屋征收计划', '征收任务', '表3年度计划'],
    fromReturn: (t) => t.expropriation?.plan ?? null,
  },
  {
    key: 'rentalTask',
    table: 'publicRental',
    label: '本年分配任务',
    header: '公租房本年分配任务（套）',
    kind: 'count',
    unit: '套',
    synonyms: [
      '公租房本年分配任务',
      '本年分配任务',
      '公租房分配任务',
      '分配任务',
      '年度分配任务',
      '公租房年度分配任务',
    ],
    fromReturn: (t) => t.publicRental?.yearTask ?? null,
  },
];

export const TARGET_KEYS: readonly TargetKey[] = TARGET_FIELDS.map((f) => f.key);

export function targetField(key: TargetKey): TargetFieldDef {
  const field = TARGET_FIELDS.find((f) => f.key === key);
  if (!field) throw new Error(`unknown target ${key}`);
  return field;
}

export const NO_TARGETS: UnitTargets = {
  startPlan: null,
  loanNeed: null,
  expropriationPlan: null,
  rentalTask: null,
};

/** Whether any target is set. */
export function hasAnyTarget(t: UnitTargets): boolean {
  return TARGET_KEYS.some((k) => t[k] !== null);
}

/** The same four figures (null equals null). */
export function sameTargets(a: UnitTargets, b: UnitTargets): boolean {
  return TARGET_KEYS.every((k) => a[k] === b[k]);
}

/** Only the four figures of a record that carries more (a stored TargetRecord). */
export function pickTargets(t: UnitTargets): UnitTargets {
  return {
    startPlan: t.startPlan,
    loanNeed: t.loanNeed,
    expropriationPlan: t.expropriationPlan,
    rentalTask: t.rentalTask,
  };
}

/** A target taken from a unit's first return of the year, with the period it came from. */
export interface ProposedTargets {
  unitId: UnitId;
  targets: UnitTargets;
  /** The period each figure was taken from (the first of the year holding that table). */
  periods: Partial<Record<TargetKey, PeriodKey>>;
}

/**
 * 取自本年首期月报: for each unit, each figure from the first period of `year` whose return holds its table.
 * Units with no return in the year are absent. Pure; the user confirms before anything is stored.
 */
export function targetsFromFirstReturns(
  returnsByPeriod: ReadonlyMap<PeriodKey, readonly ParsedReturn[]>,
  year: number,
): ProposedTargets[] {
  const periods = [...returnsByPeriod.keys()].filter((p) => p.startsWith(`${year}-`)).sort();
  const byUnit = new Map<UnitId, ProposedTargets>();
  for (const period of periods) {
    for (const ret of returnsByPeriod.get(period) ?? []) {
      const entry = byUnit.get(ret.unitId) ?? { unitId: ret.unitId, targets: { ...NO_TARGETS }, periods: {} };
      for (const field of TARGET_FIELDS) {
        if (entry.periods[field.key] !== undefined) continue;
        const value = field.fromReturn(ret.tables);
        if (value === null) continue;
        entry.targets[field.key] = value;
        entry.periods[field.key] = period;
      }
      byUnit.set(ret.unitId, entry);
    }
  }
  return [...byUnit.values()].filter((p) => hasAnyTarget(p.targets));
}

/** The year a period's targets belong to. */
export function targetYearOf(period: PeriodKey): number {
  return Number(period.slice(0, 4));
}

/** A target's figure for messages and lists: 1200套, 38344户, 12.5亿元 (exact). */
export function formatTargetValue(field: TargetFieldDef, value: number | null): string {
  if (value === null) return '未设';
  return field.kind === 'money' ? `${formatYiExact(value)}亿元` : `${value}${field.unit}`;
}

/** A target column as the reader sees a field: its kind, its unit (converted from 万套, 万元 …) and wordings. */
export function targetColumnField(field: TargetFieldDef): FieldDef {
  return {
    key: field.key,
    header: field.header,
    label: field.label,
    kind: field.kind,
    headerUnit: field.unit,
    synonyms: field.synonyms,
    required: false,
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What is wrong with a stored target record (a backup's, another computer's), as a phrase for the refusal, or
 * null: a known unit, a plausible year, each target a whole number ≥ 0 or not set.
 */
export function targetRecordProblem(value: unknown): string | null {
  if (!isRecord(value)) return '不是一条记录';
  const { year, unitId } = value;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1990 || year > 2100) return '的年份无效';
  if (typeof unitId !== 'string' || !defaultRegister.unit(unitId)) return '的单位不在单位名册中';
  for (const key of TARGET_KEYS) {
    const v = value[key];
    if (v !== null && !(typeof v === 'number' && Number.isSafeInteger(v) && v >= 0))
      return `的“${targetField(key).label}”无效`;
  }
  if (typeof value.updatedAt !== 'number' || typeof value.source !== 'string') return '不完整';
  return null;
}

// ---- the settings form: a target typed in its unit (1200, 12.5亿元, 0.12万套) -------------------------------

export type TargetInput = { ok: true; value: number | null } | { ok: false };

/**
 * Read a target as typed in the form, in the field's unit (套, 户, 亿元) unless the text names another
 * (0.12万套, 5000万元), by the same number rules as a return's cell: blank is no target, a dash or 无 is 0;
 * not a whole 套/户/元, negative or words: refused.
 */
export function parseTargetInput(field: TargetFieldDef, text: string): TargetInput {
  const parsed = parseNumberText(text);
  if (parsed.kind === 'empty') return { ok: true, value: text.trim() === '' ? null : 0 };
  if (parsed.kind !== 'number' || parsed.percent || isNegative(parsed.value)) return { ok: false };
  const kind = field.kind;
  const typedUnit =
    parsed.unit === '万' ? (kind === 'money' ? '万元' : `万${field.unit}`) : (parsed.unit ?? field.unit);
  const power = unitPower(typedUnit, kind);
  // A count must be typed in its own measure (套 for 套, 户 for 户), as in a return.
  if (power === null || (kind === 'count' && typedUnit.slice(-1) !== field.unit)) return { ok: false };
  const whole = toWholeNumber(shiftDecimal(parsed.value, power));
  return whole === null ? { ok: false } : { ok: true, value: whole };
}

/** A target as the form shows it, in the field's unit: 1200, 12.5 (亿元). */
export function targetInputText(field: TargetFieldDef, value: number | null): string {
  if (value === null) return '';
  return field.kind === 'money' ? formatYiExact(value) : String(value);
}

/** One figure that a new set of targets changes for a unit. */
export interface TargetDifference {
  unitId: UnitId;
  key: TargetKey;
  before: number | null;
  after: number | null;
}

/** What `after` changes against `before`, for the units `after` names, field by field (register-free order). */
export function targetDifferences(
  before: ReadonlyMap<UnitId, UnitTargets>,
  after: ReadonlyMap<UnitId, UnitTargets>,
): TargetDifference[] {
  const out: TargetDifference[] = [];
  for (const [unitId, next] of after) {
    const old = before.get(unitId) ?? NO_TARGETS;
    for (const key of TARGET_KEYS) {
      if (old[key] !== next[key]) out.push({ unitId, key, before: old[key], after: next[key] });
    }
  }
  return out;
}
