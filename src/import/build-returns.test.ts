// The records and checks built from the table definitions, on workbooks generated from the same definitions:
// every stored field of every table read into its record (present, and absent where it may be), and every
// declared check (atMost, monthOf, rateOf, sumOf) raised by a row that breaks it and by no row that keeps it.
import { describe, expect, it } from 'vitest';
import { rateOf } from '../domain/numbers';
import { storedReturnProblem } from '../domain/return-check';
import {
  type FieldDef,
  isFigureField,
  isStoredField,
  returnSheetTitle,
  TABLES,
  type TableDef,
} from '../domain/tables';
import type { ParsedReturn, ReadResult } from '../domain/types';
import { readReturn } from './read-return';
import { workbookBytes } from './test-workbooks';

/** A figure in its stored unit (套, 户, 元) and as typed under the official header (套, 户, 亿元). */
interface Typed {
  stored: number | string | null;
  cell: unknown;
}

function figure(field: FieldDef, n: number): Typed {
  // Money is generated in hundredths of 亿元 so that the cell holds a plain two-decimal 亿元 amount.
  return field.kind === 'money' ? { stored: n * 1_000_000, cell: n / 100 } : { stored: n, cell: n };
}

function textValue(field: FieldDef, i: number): Typed {
  if (field.kind === 'bank') return { stored: '国家开发银行', cell: '国开行' };
  return { stored: `${field.label}${i}`, cell: `${field.label}${i}` };
}

/** Values for every column that keep every declared check: plain figures, then limits, sums, months, rates. */
function cleanValues(def: TableDef): Map<string, Typed> {
  const values = new Map<string, Typed>();
  const stored = (key: string) => Number(values.get(key)?.stored ?? 0);
  def.fields.forEach((f, i) => {
    if (f.kind === 'text' || f.kind === 'bank') values.set(f.key, textValue(f, i));
    else if (isFigureField(f) && !f.atMost && !f.monthOf && !f.sumOf)
      values.set(f.key, figure(f, 1000 + 10 * i));
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

function columnLetter(index: number): string {
  return String.fromCharCode(65 + index);
}

/** A sheet of one table with the given fields as columns and one data row (row 4). */
function sheetOf(def: TableDef, fields: readonly FieldDef[], values: Map<string, Typed>) {
  const row = fields.map((f) => {
    if (f.kind === 'seq') return 1;
    if (f.kind === 'unit') return '农安县';
    return values.get(f.key)?.cell ?? null;
  });
  return {
    name: def.sheetName,
    rows: [
      [returnSheetTitle(def, '2018年1-9月')],
      ['填报单位：农安县', null, '截止日期：2018年9月30日', null, `单位：${def.unitLabel}`],
      fields.map((f) => f.header),
      row,
    ],
  };
}

function read(def: TableDef, fields: readonly FieldDef[], values: Map<string, Typed>): ReadResult {
  return readReturn(workbookBytes([sheetOf(def, fields, values)]), `${def.sheetName}.xlsx`);
}

/** The table's one record: the one-row tables' figures, or the first bank line or project. */
function recordIn(def: TableDef, ret: ParsedReturn): Record<string, unknown> | undefined {
  const table = ret.tables[def.key];
  if (def.key === 'loan') return (table as { banks: Record<string, unknown>[] } | undefined)?.banks[0];
  if (Array.isArray(table)) return table[0] as Record<string, unknown> | undefined;
  return table as Record<string, unknown> | undefined;
}

/** The accepted return, which must also pass the check stored returns get on restore, merge and sync. */
function accepted(result: ReadResult): ParsedReturn {
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
  const ret = result.returns[0] as ParsedReturn;
  expect(storedReturnProblem(ret, 1)).toBeNull();
  return ret;
}

const storedFields = TABLES.flatMap((def) =>
  def.fields.filter(isStoredField).map((field) => ({ def, field, name: `${def.sheetName} ${field.key}` })),
);

describe('records built from the definitions', () => {
  it.each(TABLES.map((def) => ({ def, name: def.sheetName })))(
    '$name: every stored field of a full row, and no warning when every check is kept',
    ({ def }) => {
      const values = cleanValues(def);
      const result = read(def, def.fields, values);
      const ret = accepted(result);
      const expected = Object.fromEntries(
        def.fields.filter(isStoredField).map((f) => [f.key, values.get(f.key)?.stored ?? null]),
      );
      expect(recordIn(def, ret)).toEqual(expected);
      expect(result.ok && result.warnings.filter((w) => w.code !== 'table.missing')).toEqual([]);
    },
  );

  it.each(storedFields.filter(({ field }) => !field.required))(
    '$name: a return without the column stores null when the field is nullable, else 0 or empty',
    ({ def, field }) => {
      const values = cleanValues(def);
      const ret = accepted(
        read(
          def,
          def.fields.filter((f) => f !== field),
          values,
        ),
      );
      const absent = field.nullable ? null : field.kind === 'text' || field.kind === 'bank' ? '' : 0;
      expect(recordIn(def, ret)?.[field.key]).toBe(absent);
    },
  );

  it.each(storedFields.filter(({ field }) => field.required))(
    '$name: a return without the required column is refused, naming it',
    ({ def, field }) => {
      const result = read(
        def,
        def.fields.filter((f) => f !== field),
        cleanValues(def),
      );
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.issues.find((i) => i.code === 'column.missing')?.message).toContain(field.header);
      }
    },
  );
});

/** A row that breaks one declared check of one field, and the code it must raise. */
function brokenCases(def: TableDef) {
  const cases: { def: TableDef; name: string; field: FieldDef; code: string; values: Map<string, Typed> }[] =
    [];
  const base = () => cleanValues(def);
  const stored = (values: Map<string, Typed>, key: string) => Number(values.get(key)?.stored ?? 0);
  for (const field of def.fields) {
    const name = `${def.sheetName} ${field.key}`;
    if (field.atMost) {
      const values = base();
      const over = stored(values, field.atMost) + (field.kind === 'money' ? 5_000_000 : 5);
      values.set(field.key, figure(field, field.kind === 'money' ? over / 1_000_000 : over));
      cases.push({ def, name: `${name} atMost ${field.atMost}`, field, code: 'figure.aboveOther', values });
    }
    if (field.monthOf) {
      const values = base();
      const total = stored(values, field.monthOf) + (field.kind === 'money' ? 1_000_000 : 1);
      values.set(field.key, figure(field, field.kind === 'money' ? total / 1_000_000 : total));
      cases.push({ def, name: `${name} monthOf ${field.monthOf}`, field, code: 'month.aboveTotal', values });
    }
    if (field.rateOf) {
      const values = base();
      const bp = Number(values.get(field.key)?.stored) + 500;
      values.set(field.key, { stored: bp, cell: bp / 100 });
      cases.push({
        def,
        name: `${name} rateOf ${field.rateOf.join('/')}`,
        field,
        code: 'rate.mismatch',
        values,
      });
    }
    if (field.sumOf) {
      const values = base();
      const declared = stored(values, field.key) + 1;
      values.set(field.key, figure(field, declared));
      cases.push({
        def,
        name: `${name} sumOf ${field.sumOf.join('+')}`,
        field,
        code: 'sum.mismatch',
        values,
      });
    }
  }
  return cases;
}

const broken = TABLES.flatMap(brokenCases);

describe('checks declared by the definitions', () => {
  it('every table with a figure check is covered', () => {
    expect(new Set(broken.map((c) => c.def.key))).toEqual(
      new Set(['start', 'loan', 'expropriation', 'publicRental']),
    );
    expect(new Set(broken.map((c) => c.code))).toEqual(
      new Set(['figure.aboveOther', 'month.aboveTotal', 'rate.mismatch', 'sum.mismatch']),
    );
  });

  it.each(broken)(
    '$name: a row that breaks it is stored as read, with a warning on the cell',
    ({ def, field, code, values }) => {
      const result = read(def, def.fields, values);
      const ret = accepted(result);
      const col = columnLetter(def.fields.indexOf(field));
      const warning = result.ok ? result.warnings.find((w) => w.code === code) : undefined;
      expect(warning, code).toMatchObject({ sheet: def.sheetName, cell: `${col}4` });
      if (isStoredField(field)) expect(recordIn(def, ret)?.[field.key]).toBe(values.get(field.key)?.stored);
    },
  );
});
