// The mapping step over every table definition: each required field left unread, each field read twice, the
// options a column is offered, and the saved layout built from the choices.
import { describe, expect, it } from 'vitest';
import { cellLabel } from '../a1';
import { TABLES } from '../tables';
import { layoutHeaderKey } from '../tables/layout-key';
import type { TableDef } from '../tables/types';
import type { ColumnReading, TableReading } from '../types';
import {
  type ColumnChoice,
  choiceKey,
  effectiveField,
  fieldOptions,
  layoutFromChoices,
  mappingProblems,
  needsDecision,
} from './mapping';

/** A table read with every field in its own column, by the template; row 3 holds the header. */
function readingOf(def: TableDef): TableReading {
  const columns: ColumnReading[] = def.fields.map((f, c) => ({
    cell: cellLabel({ r: 2, c }),
    c,
    header: f.header,
    field: f.key,
    how: 'template',
    status: 'matched',
    unit: null,
  }));
  return {
    table: def.key,
    sheet: `表${def.number}`,
    headerRange: `A3:${cellLabel({ r: 2, c: columns.length - 1 })}`,
    columns,
  };
}

/** The same table with one column's header unknown to the reader. */
function withUnknown(def: TableDef, fieldKey: string, header = '开工数量（套）'): TableReading {
  const reading = readingOf(def);
  return {
    ...reading,
    columns: reading.columns.map((col) =>
      col.field === fieldKey ? { ...col, header, field: null, how: null, status: 'unknown' } : col,
    ),
  };
}

const choicesOf = (table: TableReading, entries: [string, ColumnChoice][]) =>
  new Map(entries.map(([cell, choice]) => [choiceKey(table, { cell }), choice]));

const cellOf = (table: TableReading, field: string) =>
  table.columns.find((c) => c.field === field)?.cell ?? '';

const requiredCases = TABLES.flatMap((def) =>
  def.fields.filter((f) => f.required).map((f) => [`${def.shortName} ${f.header}`, def, f.key] as const),
);
const figureCases = TABLES.flatMap((def) =>
  def.fields
    .filter((f) => f.kind === 'count' || f.kind === 'money')
    .map((f) => [`${def.shortName} ${f.header}`, def, f.key] as const),
);

describe('mapping problems', () => {
  it.each(TABLES.map((def) => [def.shortName, def] as const))(
    '%s read by the template needs nothing',
    (_n, def) => {
      expect(mappingProblems(def, readingOf(def), new Map())).toEqual([]);
    },
  );

  it.each(requiredCases)('%s unread cannot be confirmed, until mapped', (_n, def, key) => {
    const reading = withUnknown(def, key);
    const cell = reading.columns.find((c) => c.status === 'unknown')?.cell ?? '';
    const problems = mappingProblems(def, reading, new Map());
    expect(problems).toEqual([
      { kind: 'required', table: reading, field: def.fields.find((f) => f.key === key) },
    ]);
    expect(mappingProblems(def, reading, choicesOf(reading, [[cell, key]]))).toEqual([]);
    // 不导入此列 leaves it unread.
    expect(mappingProblems(def, reading, choicesOf(reading, [[cell, null]])).map((p) => p.kind)).toEqual([
      'required',
    ]);
  });

  it.each(figureCases)('%s read from two columns names both cells', (_n, def, key) => {
    const reading = readingOf(def);
    const other = reading.columns.find((c) => c.field !== key && c.field !== 'seq');
    if (!other) throw new Error('no other column');
    const choices = choicesOf(reading, [[other.cell, key]]);
    const problems = mappingProblems(def, reading, choices);
    const duplicate = problems.find((p) => p.kind === 'duplicate');
    expect(duplicate).toMatchObject({ kind: 'duplicate', cells: [cellOf(reading, key), other.cell].sort() });
    expect(duplicate?.field.key).toBe(key);
  });
});

describe('field options', () => {
  it.each(requiredCases)(
    'an unknown column in place of %s is offered the unclaimed fields',
    (_n, def, key) => {
      const reading = withUnknown(def, key);
      const column = reading.columns.find((c) => c.status === 'unknown');
      if (!column) throw new Error('no unknown column');
      const offered = fieldOptions(def, reading, column, new Map()).map((f) => f.key);
      expect(offered).toEqual([key]);
      // A column chosen for another field frees its own: both are then offered.
      const other = reading.columns.find((c) => c.field !== key && c.field !== 'seq' && c.field !== null);
      if (!other?.field) throw new Error('no other column');
      const freed = fieldOptions(def, reading, column, choicesOf(reading, [[other.cell, null]])).map(
        (f) => f.key,
      );
      expect(new Set(freed)).toEqual(new Set([key, other.field]));
    },
  );

  it('never offers 序号', () => {
    for (const def of TABLES) {
      const reading = readingOf(def);
      const seq = reading.columns.find((c) => c.field === 'seq');
      if (!seq) continue;
      const choices = choicesOf(reading, [[seq.cell, null]]);
      expect(fieldOptions(def, reading, seq, choices).map((f) => f.key)).not.toContain('seq');
    }
  });
});

describe('needs a decision', () => {
  it('flags unknown, excluded, by-meaning, by-layout and duplicate columns only', () => {
    const def = TABLES[0] as TableDef;
    const reading = withUnknown(def, 'started');
    const [seq, unit, plan, started] = reading.columns;
    if (!seq || !unit || !plan || !started) throw new Error('columns');
    expect(needsDecision(reading, started, [])).toBe(true);
    expect(needsDecision(reading, plan, [])).toBe(false);
    expect(needsDecision(reading, { ...plan, how: 'meaning' }, [])).toBe(true);
    expect(needsDecision(reading, { ...plan, how: 'layout' }, [])).toBe(true);
    expect(needsDecision(reading, { ...plan, status: 'excluded', field: null }, [])).toBe(true);
    const duplicate = {
      severity: 'error',
      code: 'column.duplicate',
      file: 'a.xlsx',
      sheet: reading.sheet,
      cell: plan.cell,
      message: '',
    } as const;
    expect(needsDecision(reading, plan, [duplicate])).toBe(true);
    expect(needsDecision(reading, plan, [{ ...duplicate, sheet: '表2' }])).toBe(false);
  });
});

describe('the saved layout', () => {
  it.each(requiredCases)('keeps the header chosen for %s, and nothing of the template', (_n, def, key) => {
    const reading = withUnknown(def, key, ' 开工\n数量（套） ');
    const cell = reading.columns.find((c) => c.status === 'unknown')?.cell ?? '';
    const plan = reading.columns.find((c) => c.status === 'matched' && c.field !== 'seq');
    if (!plan) throw new Error('no matched column');
    const choices = choicesOf(reading, [
      [cell, key],
      // Confirming a template header as it is adds nothing to the layout.
      [plan.cell, plan.field],
    ]);
    const layout = layoutFromChoices('220122', reading, choices);
    expect(layout).toEqual({
      unitId: '220122',
      table: def.key,
      headers: { [layoutHeaderKey('开工数量（套）')]: key },
    });
  });

  it('adds to a saved layout, keeps 不导入此列, and carries the headers read by it', () => {
    const def = TABLES[0] as TableDef;
    const base = withUnknown(def, 'started');
    const reading: TableReading = {
      ...base,
      columns: [
        ...base.columns.map((c) =>
          c.field === 'note' ? { ...c, header: '情况说明', how: 'layout' as const } : c,
        ),
        { cell: 'H3', c: 7, header: '责任单位', field: null, how: null, status: 'unknown', unit: null },
      ],
    };
    const saved = { unitId: '220122', table: def.key, headers: { 旧表头: 'plan', 情况说明: 'note' } };
    const cell = base.columns.find((c) => c.status === 'unknown')?.cell ?? '';
    const layout = layoutFromChoices(
      '220122',
      reading,
      choicesOf(reading, [
        [cell, 'started'],
        ['H3', null],
      ]),
      saved,
    );
    expect(layout.headers).toEqual({
      旧表头: 'plan',
      情况说明: 'note',
      '开工数量(套)': 'started',
      责任单位: null,
    });
  });

  it('reads the effective field: a choice wins over the reader', () => {
    const def = TABLES[0] as TableDef;
    const reading = readingOf(def);
    const plan = reading.columns.find((c) => c.field === 'plan');
    if (!plan) throw new Error('plan');
    expect(effectiveField(reading, plan, new Map())).toBe('plan');
    expect(effectiveField(reading, plan, choicesOf(reading, [[plan.cell, null]]))).toBeNull();
    expect(effectiveField(reading, { ...plan, status: 'unknown' }, new Map())).toBeNull();
  });
});
