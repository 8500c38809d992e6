// storedReturnProblem on generated returns: every stored field of every table given every value its kind
// refuses (and those it accepts), and every bad unit, period and cutoff — each refusal naming the return, the
// table, the field and the value.
import { describe, expect, it } from 'vitest';
import { storedReturnProblem } from './return-check';
import { type FieldDef, isStoredField, TABLES } from './tables';
import { definedReturn, recordIn } from './test-returns';
import type { ParsedReturn, TableKey } from './types';

/** A sound return: its figures valid for every field of every table. */
function soundReturn(): ParsedReturn {
  return definedReturn((f) => {
    if (f.kind === 'bank') return '国家开发银行';
    if (f.kind === 'text') return `${f.label}文字`;
    if (f.kind === 'rate') return 9506;
    return f.kind === 'money' ? 1_250_000_000 : 120;
  });
}

/** The values a field of each kind refuses. */
const BAD: Record<FieldDef['kind'], unknown[]> = {
  count: [-1, 1.5, '120', true, 2 ** 60, Number.NaN, {}],
  money: [-100, 0.5, '1.25', 2 ** 60, []],
  rate: [95.06, '95.06%', Number.POSITIVE_INFINITY, {}],
  text: [12, true, {}],
  bank: ['', '  ', 5, null],
  seq: [],
  unit: [],
};

/** The values each kind accepts beside the sound one. */
const GOOD: Record<FieldDef['kind'], unknown[]> = {
  count: [0, 1_000_000],
  money: [0, 1],
  rate: [0, -150, 10_000],
  text: ['', '补偿未谈妥'],
  bank: ['中国建设银行'],
  seq: [],
  unit: [],
};

function setField(ret: ParsedReturn, table: TableKey, key: string, value: unknown): void {
  const target = recordIn(ret, table);
  if (value === undefined) delete target[key];
  else target[key] = value;
}

const fields = TABLES.flatMap((def) => def.fields.filter(isStoredField).map((field) => ({ def, field })));

const badCases = fields.flatMap(({ def, field }) => {
  const values = [...BAD[field.kind]];
  // A figure that is never null must be there; a nullable one may be null or left out (the normalised form).
  if (!field.nullable && field.kind !== 'text' && field.kind !== 'bank') values.push(null, undefined);
  return values.map((value) => ({
    def,
    field,
    value,
    name: `${def.sheetName} ${field.key} = ${String(value)}`,
  }));
});

const goodCases = fields.flatMap(({ def, field }) => {
  const values = [...GOOD[field.kind], ...(field.nullable ? [null, undefined] : [])];
  if (field.kind === 'text') values.push(undefined);
  return values.map((value) => ({
    def,
    field,
    value,
    name: `${def.sheetName} ${field.key} = ${String(value)}`,
  }));
});

describe('storedReturnProblem', () => {
  it('accepts a sound return', () => {
    expect(storedReturnProblem(soundReturn(), 1)).toBeNull();
  });

  it('covers every table and every kind of field', () => {
    expect(new Set(badCases.map((c) => c.def.key))).toEqual(new Set(TABLES.map((t) => t.key)));
    expect(new Set(badCases.map((c) => c.field.kind))).toEqual(
      new Set(['count', 'money', 'rate', 'text', 'bank']),
    );
  });

  it.each(badCases)('refuses $name, naming the return, table and field', ({ def, field, value }) => {
    const ret = soundReturn();
    setField(ret, def.key, field.key, value);
    const problem = storedReturnProblem(ret, 7);
    expect(problem).toContain('第 7 个月报版本（农安县2018年1-9月）');
    expect(problem).toContain(`表${def.number}（${def.shortName}）`);
    expect(problem).toContain(`“${field.label}”`);
    if (def.rows === 'many') expect(problem).toMatch(/第 2 个(银行|项目)/);
  });

  it.each(goodCases)('accepts $name', ({ def, field, value }) => {
    const ret = soundReturn();
    setField(ret, def.key, field.key, value);
    expect(storedReturnProblem(ret, 1)).toBeNull();
  });

  it.each([
    ['an unknown unit', { unitId: '999999' }, '单位代码“999999”不在单位名录中'],
    ['a unit id that is no text', { unitId: 220122 }, '单位代码“220122”不在单位名录中'],
    ['a period that is no month', { period: '2018-13' }, '报告期“2018-13”无效'],
    ['a period without its zero', { period: '2018-9' }, '报告期“2018-9”无效'],
    ['a day that does not exist', { cutoff: '2018-09-31' }, '截止日期“2018-09-31”无效'],
    ['a cutoff outside the period', { cutoff: '2018-10-01' }, '截止日期“2018-10-01”无效或不在该报告期内'],
    ['a cutoff typed as text', { cutoff: '2018年9月30日' }, '截止日期“2018年9月30日”无效'],
    ['a missing cutoff', { cutoff: undefined }, '截止日期“（缺少）”无效'],
  ])('refuses %s', (_name, change, text) => {
    const ret = { ...soundReturn(), ...change };
    expect(storedReturnProblem(ret, 2)).toContain(text);
  });

  it.each([
    ['a loan table without its bank list', 'loan', { need: null }, '表2（棚改贷款）不是列表'],
    ['a carry-over table that is no list', 'carryOver', { name: 'x' }, '表4（结转项目）不是列表'],
    ['a one-row table that is a list', 'start', [], '表1（棚改开工）不是一条记录'],
    ['a loan need below zero', 'loan', { need: -1, banks: [] }, '“本年棚改需贷款”的值“-1”无效'],
  ] as const)('refuses %s', (_name, table, value, text) => {
    const ret = soundReturn();
    (ret.tables as Record<string, unknown>)[table] = value;
    expect(storedReturnProblem(ret, 1)).toContain(text);
  });

  it('accepts a return without some tables, and a loan need left out', () => {
    const ret = soundReturn();
    delete ret.tables.carryOver;
    delete ret.tables.start;
    if (ret.tables.loan) ret.tables.loan = { banks: ret.tables.loan.banks } as typeof ret.tables.loan;
    expect(storedReturnProblem(ret, 1)).toBeNull();
  });
});
