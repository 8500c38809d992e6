// A stored return that did not come from the reader (a backup's, a merge's or a sync's revision) checked by the
// reader's own rules, derived from the table definitions: a unit of the register, a valid period and cutoff,
// and each table's records as its definition says — counts and money whole and not negative, rates whole
// hundredths of a percent, texts text, bank lines and project lists lists. A checksum proves a file is the one
// exported, not that what was exported is sound: every record is checked either way.
import { notice } from './messages';
import { isoDate } from './numbers';
import { isPeriodKey, periodLabel, periodOfCutoff } from './period';
import { type FieldDef, fieldDef, isStoredField, TABLES, type TableDef, tableDef } from './tables';
import type { TableKey } from './types';
import { defaultRegister, type UnitRegister } from './units';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A figure as the reader stores it: whole, and for counts and money never negative. */
function isStoredFigure(kind: 'count' | 'money' | 'rate', value: unknown): value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) return false;
  return kind === 'rate' || value >= 0;
}

/** What a field's value must be, in words, for the message that refuses it. */
function ruleText(field: FieldDef): string {
  switch (field.kind) {
    case 'count':
      return `应为不小于 0 的整数（${field.headerUnit === '户' ? '户' : '套'}）`;
    case 'money':
      return '应为不小于 0 的整数（元）';
    case 'rate':
      return '应为以万分之一计的整数（如 95.06% 存为 9506）';
    case 'bank':
      return '应为银行名称';
    default:
      return '应为文字';
  }
}

/** Whether a stored field's value fits its definition; absent is fine where the reader may store null or ''. */
function fieldFits(field: FieldDef, value: unknown): boolean {
  if (value === undefined || value === null) {
    // A nullable figure is left out of the normalised record; a text may be absent (an older record).
    return value === undefined ? field.nullable === true || field.kind === 'text' : field.nullable === true;
  }
  switch (field.kind) {
    case 'count':
    case 'money':
    case 'rate':
      return isStoredFigure(field.kind, value);
    case 'bank':
      return typeof value === 'string' && value.trim() !== '';
    default:
      return typeof value === 'string';
  }
}

function shown(value: unknown): string {
  if (value === undefined) return '（缺少）';
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? String(value);
}

/** Where a problem is: 第 3 个月报版本（农安县2018年1-9月）. */
interface Place {
  n: number;
  where: string;
}

function recordProblem(place: Place, def: TableDef, record: unknown, row?: string): string | null {
  const table = `表${def.number}（${def.shortName}）${row ?? ''}`;
  if (!isRecord(record)) return notice('record.table', { ...place, table, what: '不是一条记录' });
  for (const field of def.fields) {
    if (!isStoredField(field) || fieldFits(field, record[field.key])) continue;
    return notice('record.figure', {
      ...place,
      table,
      field: field.label,
      value: shown(record[field.key]),
      rule: ruleText(field),
    });
  }
  return null;
}

function listProblem(
  place: Place,
  def: TableDef,
  list: unknown,
  rowName: (i: number) => string,
): string | null {
  const table = `表${def.number}（${def.shortName}）`;
  if (!Array.isArray(list)) return notice('record.table', { ...place, table, what: '不是列表' });
  for (const [i, item] of list.entries()) {
    const bad = recordProblem(place, def, item, rowName(i));
    if (bad) return bad;
  }
  return null;
}

function tableProblem(place: Place, key: TableKey, value: unknown): string | null {
  const def = tableDef(key);
  if (key === 'carryOver') return listProblem(place, def, value, (i) => `第 ${i + 1} 个项目`);
  if (key !== 'loan') return recordProblem(place, def, value);
  if (!isRecord(value))
    return notice('record.table', {
      ...place,
      table: `表${def.number}（${def.shortName}）`,
      what: '不是一条记录',
    });
  const need = value.need;
  if (need !== undefined && need !== null && !isStoredFigure('money', need)) {
    return notice('record.figure', {
      ...place,
      table: `表${def.number}（${def.shortName}）`,
      field: '本年棚改需贷款',
      value: shown(need),
      rule: ruleText(fieldDef(def, 'credit')),
    });
  }
  return listProblem(place, def, value.banks, (i) => `第 ${i + 1} 个银行`);
}

/**
 * What is wrong with the `n`th stored return of a backup (or merge, or sync): its unit, period, cutoff and
 * tables checked as the reader checks a file. The first problem as a sentence naming the return, or null.
 */
export function storedReturnProblem(
  value: unknown,
  n: number,
  register: UnitRegister = defaultRegister,
): string | null {
  if (!isRecord(value)) return notice('record.notReturn', { n });
  const { unitId, period, cutoff, tables } = value;
  const unit = typeof unitId === 'string' ? register.unit(unitId) : undefined;
  if (!unit) return notice('record.unit', { n, unitId: shown(unitId) });
  if (typeof period !== 'string' || !isPeriodKey(period)) {
    return notice('record.period', { n, unit: unit.name, period: shown(period) });
  }
  const where = `${unit.name}${periodLabel(period)}`;
  const [y, m, d] = typeof cutoff === 'string' ? cutoff.split('-').map(Number) : [];
  const validCutoff =
    typeof cutoff === 'string' &&
    isoDate(y ?? 0, m ?? 0, d ?? 0) === cutoff &&
    periodOfCutoff(cutoff) === period;
  if (!validCutoff) return notice('record.cutoff', { n, where, cutoff: shown(cutoff) });
  if (!isRecord(tables)) return notice('record.notReturn', { n });
  for (const def of TABLES) {
    if (tables[def.key] === undefined) continue;
    const bad = tableProblem({ n, where }, def.key, tables[def.key]);
    if (bad) return bad;
  }
  return null;
}
