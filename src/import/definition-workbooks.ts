// Test helper: return workbooks generated from the table definitions themselves — a sheet per table with the
// columns asked for and a row of values that keep every check the definition declares — so tests cover every
// field of every table, and a field added to a definition, without listing them.
import { rateOf } from '../domain/numbers';
import { type FieldDef, isFigureField, returnSheetTitle, type TableDef } from '../domain/tables';
import type { SheetSpec } from './test-workbooks';

/** A figure in its stored unit (套, 户, 元) and as typed under the official header (套, 户, 亿元). */
export interface Typed {
  stored: number | string | null;
  cell: unknown;
}

export function figure(field: FieldDef, n: number): Typed {
  // Money is generated in hundredths of 亿元 so that the cell holds a plain two-decimal 亿元 amount.
  return field.kind === 'money' ? { stored: n * 1_000_000, cell: n / 100 } : { stored: n, cell: n };
}

function textValue(field: FieldDef, i: number): Typed {
  if (field.kind === 'bank') return { stored: '国家开发银行', cell: '国开行' };
  return { stored: `${field.label}${i}`, cell: `${field.label}${i}` };
}

/**
 * Values for every column that keep every declared check (plain figures, then limits, sums, months, rates);
 * `scale` makes the figures of another unit or period (a month stays 3, so a later period may grow by more).
 */
export function cleanValues(def: TableDef, scale = 1): Map<string, Typed> {
  const values = new Map<string, Typed>();
  const stored = (key: string) => Number(values.get(key)?.stored ?? 0);
  def.fields.forEach((f, i) => {
    if (f.kind === 'text' || f.kind === 'bank') values.set(f.key, textValue(f, i));
    else if (isFigureField(f) && !f.atMost && !f.monthOf && !f.sumOf)
      values.set(f.key, figure(f, (1000 + 10 * i) * scale));
  });
  const inHundredths = (f: FieldDef, yuanOrCount: number) =>
    f.kind === 'money' ? yuanOrCount / 1_000_000 : yuanOrCount;
  for (const f of def.fields) {
    if (f.atMost) values.set(f.key, figure(f, inHundredths(f, stored(f.atMost)) - 7));
  }
  for (const f of def.fields) {
    if (f.sumOf) {
      const sum = f.sumOf.reduce((s, k) => s + stored(k), 0);
      values.set(f.key, figure(f, inHundredths(f, sum)));
    }
  }
  for (const f of def.fields) if (f.monthOf) values.set(f.key, figure(f, 3));
  for (const f of def.fields) {
    if (f.kind !== 'rate') continue;
    const bp = f.rateOf ? rateOf(stored(f.rateOf[0]), stored(f.rateOf[1])) : 7220;
    values.set(f.key, { stored: bp, cell: bp / 100 });
  }
  return values;
}

export function columnLetter(index: number): string {
  return String.fromCharCode(65 + index);
}

/** A sheet of one table with the given fields as columns and one data row (row 4), of a unit and period. */
export function sheetOf(
  def: TableDef,
  fields: readonly FieldDef[],
  values: Map<string, Typed>,
  where: { unit: string; month: number } = { unit: '农安县', month: 9 },
): SheetSpec {
  const row = fields.map((f) => {
    if (f.kind === 'seq') return 1;
    if (f.kind === 'unit') return where.unit;
    return values.get(f.key)?.cell ?? null;
  });
  const last = new Date(Date.UTC(2018, where.month, 0)).getUTCDate();
  return {
    name: def.sheetName,
    rows: [
      [returnSheetTitle(def, where.month === 1 ? '2018年1月' : `2018年1-${where.month}月`)],
      [
        `填报单位：${where.unit}`,
        null,
        `截止日期：2018年${where.month}月${last}日`,
        null,
        `单位：${def.unitLabel}`,
      ],
      fields.map((f) => f.header),
      row,
    ],
  };
}
