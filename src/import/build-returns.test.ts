// The records and checks built from the table definitions, on workbooks generated from the same definitions:
// every stored field of every table read into its record (present, and absent where it may be), and every
// declared check (atMost, monthOf, rateOf, sumOf) raised by a row that breaks it and by no row that keeps it.
import { describe, expect, it } from 'vitest';
import { storedReturnProblem } from '../domain/return-check';
import { type FieldDef, isStoredField, TABLES, type TableDef } from '../domain/tables';
import type { ParsedReturn, ReadResult } from '../domain/types';
import { cleanValues, columnLetter, figure, sheetOf, type Typed } from './definition-workbooks';
import { readReturn } from './read-return';
import { workbookBytes } from './test-workbooks';

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
      expect(recordIn(def, ret)?.[field.key] ?? null).toBe(absent);
      // Version 2's nullable fields are stored as null; one added later is left out, as in older records.
      expect(field.key in (recordIn(def, ret) ?? {})).toBe(!field.nullable || field.hashNull === true);
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
