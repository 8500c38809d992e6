// The targets workbook reader on real files written by SheetJS (xlsx and xls) and ExcelJS: generated tables that
// vary the wording and unit of every header, the column order, one- or two-row headers, the names units go by
// and the way figures are typed — each read back to exactly the targets it was built from — and the files it
// must refuse, each problem at its cell.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../domain/seeded-random';
import { NO_TARGETS, TARGET_FIELDS, type TargetFieldDef, type UnitTargets } from '../domain/targets';
import type { UnitId } from '../domain/types';
import { defaultRegister } from '../domain/units';
import { readTargets } from './read-targets';
import { type Aoa, type BookType, workbookBytes } from './test-workbooks';

const YI = 100_000_000;

/** How a header names its unit, and the power of ten from what is typed to what is stored. */
const UNIT_WORDINGS: Record<TargetFieldDef['key'], { suffix: string; power: number }[]> = {
  startPlan: [
    { suffix: '（套）', power: 0 },
    { suffix: '(套)', power: 0 },
    { suffix: '（万套）', power: 4 },
    { suffix: '', power: 0 },
  ],
  loanNeed: [
    { suffix: '（亿元）', power: 8 },
    { suffix: '（万元）', power: 4 },
    { suffix: '', power: 8 },
  ],
  expropriationPlan: [
    { suffix: '（户）', power: 0 },
    { suffix: '', power: 0 },
  ],
  rentalTask: [
    { suffix: '（套）', power: 0 },
    { suffix: '（万套）', power: 4 },
  ],
};

/** A figure as typed in a unit of 10^power of what is stored: a number cell, or text people type. */
function typed(stored: number, power: number, style: number): unknown {
  const shown = stored / 10 ** power;
  switch (style % 4) {
    case 0:
      return shown;
    case 1:
      return shown >= 1000 ? shown.toLocaleString('en-US', { maximumFractionDigits: 8 }) : String(shown);
    case 2:
      // Full-width digits.
      return String(shown).replace(/[0-9.]/g, (d) =>
        d === '.' ? '．' : String.fromCharCode(d.charCodeAt(0) + 0xfee0),
      );
    default:
      return ` ${shown} `;
  }
}

/** A unit as a table may name it: its name, its full name, an alias, or with its office after it. */
function unitText(id: UnitId, style: number): string {
  const unit = defaultRegister.unit(id);
  if (!unit) throw new Error(id);
  const names = [unit.name, unit.fullName, ...unit.aliases, `${unit.name}住建局`];
  return names[style % names.length] ?? unit.name;
}

interface Generated {
  rows: Aoa;
  merges: string[];
  expected: Map<UnitId, UnitTargets>;
  fields: TargetFieldDef[];
}

/** A targets table: a title, maybe a 单位 line, a header of one or two rows, a row per unit, a footer. */
function generate(seed: number): Generated {
  const next = seededRandom(seed);
  const int = (n: number) => Math.floor(next() * n);
  const fields = TARGET_FIELDS.filter(() => next() < 0.8);
  if (fields.length === 0) fields.push(TARGET_FIELDS[int(4)] as TargetFieldDef);
  // Shuffle the target columns.
  for (let i = fields.length - 1; i > 0; i--) {
    const j = int(i + 1);
    [fields[i], fields[j]] = [fields[j] as TargetFieldDef, fields[i] as TargetFieldDef];
  }
  const wordings = fields.map((f) => {
    const names = [f.header.replace(/（.*）$/, ''), f.label, ...f.synonyms];
    const units = UNIT_WORDINGS[f.key];
    const unit = units[int(units.length)] ?? { suffix: '', power: 0 };
    let name = names[int(names.length)] ?? f.label;
    // A line break or spaces inside a header cell, as Excel users type them.
    if (next() < 0.3) name = `${name.slice(0, 2)}\n${name.slice(2)}`;
    if (next() < 0.2) name = ` ${name} `;
    return { field: f, header: `${name}${unit.suffix}`, power: unit.power };
  });
  const twoRows = next() < 0.3;
  const seq = next() < 0.5;
  const lead = seq ? ['序号', '市县'] : ['市县'];
  const rows: Aoa = [['2018年保障性安居工程年度目标任务']];
  const merges: string[] = [];
  if (twoRows) {
    rows.push([...lead, '年度目标', ...wordings.slice(1).map(() => null)]);
    rows.push([...lead.map(() => null), ...wordings.map((w) => w.header)]);
    const first = lead.length;
    if (wordings.length > 1) merges.push(`${col(first)}2:${col(first + wordings.length - 1)}2`);
    for (let i = 0; i < lead.length; i++) merges.push(`${col(i)}2:${col(i)}3`);
  } else {
    rows.push([...lead, ...wordings.map((w) => w.header)]);
  }
  const expected = new Map<UnitId, UnitTargets>();
  const units = defaultRegister.units.filter(() => next() < 0.7);
  units.forEach((unit, n) => {
    const targets: UnitTargets = { ...NO_TARGETS };
    const cells = wordings.map((w) => {
      if (next() < 0.1) return null;
      // Whole in the unit typed: 万套 and 亿元 figures with at most 4 and 2 decimals, as people type them.
      const unitStep =
        w.power === 8 ? 1_000_000 : w.power === 4 ? (w.field.kind === 'money' ? 10_000 : 1) : 1;
      const stored = int(5000) * unitStep;
      targets[w.field.key] = stored;
      return typed(stored, w.power, int(4));
    });
    expected.set(unit.id, targets);
    rows.push([...(seq ? [n + 1] : []), unitText(unit.id, int(6)), ...cells]);
  });
  rows.push(['填表人：李四']);
  return { rows, merges, expected, fields: wordings.map((w) => w.field) };
}

function col(c: number): string {
  return String.fromCharCode(65 + c);
}

function read(rows: Aoa, options: { merges?: string[]; book?: BookType; year?: number } = {}) {
  const bytes = workbookBytes([{ name: '目标', rows, merges: options.merges ?? [] }], options.book ?? 'xlsx');
  return readTargets(bytes, '2018年目标.xlsx', { year: options.year ?? 2018 });
}

describe('readTargets on generated tables', () => {
  it.each(Array.from({ length: 60 }, (_, i) => i + 1))('seed %i reads back exactly', (seed) => {
    const g = generate(seed);
    for (const book of ['xlsx', 'xls'] as const) {
      const result = read(g.rows, { merges: g.merges, book });
      if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
      expect(new Map(result.rows.map((r) => [r.unitId, r.targets]))).toEqual(g.expected);
      expect([...result.columns].sort()).toEqual(g.fields.map((f) => f.key).sort());
      expect(result.year).toBe(2018);
      expect(result.warnings).toEqual([]);
    }
  });
});

describe('readTargets on text and number cells', () => {
  it('reads figures as typed, a 单位 line, a dash as 0 and a blank as no target, and a 合计 that agrees', () => {
    const result = read([
      ['2018年目标责任书任务'],
      ['单位：套'],
      ['市县', '棚改年度计划', '本年棚改需贷款（亿元）', '年度征收计划（户）', '本年分配任务'],
      ['农安县', 1200, 12.5, '300', '1,000'],
      ['德惠市', '800套', '5000万元', null, '-'],
      ['合计', 2000, 13, 300, 1000],
    ]);
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
    expect(result.rows).toEqual([
      {
        unitId: '220122',
        cell: 'A4',
        targets: { startPlan: 1200, loanNeed: 12.5 * YI, expropriationPlan: 300, rentalTask: 1000 },
      },
      {
        unitId: '220183',
        cell: 'A5',
        targets: { startPlan: 800, loanNeed: 0.5 * YI, expropriationPlan: null, rentalTask: 0 },
      },
    ]);
    expect(result.warnings).toEqual([]);
  });
});

describe('readTargets refuses what it cannot place', () => {
  const header = ['市县', '棚改年度计划（套）', '本年棚改需贷款（亿元）'];
  it.each([
    ['an unknown unit', [header, ['农安市', 100, 1]], 'unit.unknown', 'A2'],
    ['a unit twice', [header, ['农安县', 100, 1], ['农安', 200, 1]], 'targets.unitTwice', 'A3'],
    ['a figure that is no number', [header, ['农安县', '待定', 1]], 'number.text', 'B2'],
    ['a fraction of a 套', [header, ['农安县', 100.5, 1]], 'number.fraction', 'B2'],
    ['a negative figure', [header, ['农安县', -5, 1]], 'number.negative', 'B2'],
    ['a unit that does not measure the column', [header, ['农安县', '100户', 1]], 'number.unit', 'B2'],
    ['figures without a unit', [header, [null, 100, 1]], 'cell.empty', 'A2'],
    [
      'an unknown column with figures',
      [
        [...header, '完成情况'],
        ['农安县', 100, 1, 50],
      ],
      'column.unknown',
      'D1',
    ],
    [
      'figures under no header',
      [
        [...header, null],
        ['农安县', 100, 1, 50],
      ],
      'column.noHeader',
      'D2',
    ],
    [
      'two columns for one target',
      [
        [...header, '棚改计划'],
        ['农安县', 100, 1, 100],
      ],
      'column.duplicate',
      'D1',
    ],
    ['another year in the title', [['2019年年度目标'], header, ['农安县', 100, 1]], 'targets.year', 'A1'],
    [
      'no targets table',
      [
        ['市县', '备注'],
        ['农安县', ''],
      ],
      'targets.none',
      undefined,
    ],
  ] as const)('%s', (_, rows, code, cell) => {
    const result = read(rows as unknown as Aoa);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.code, i.cell])).toContainEqual([code, cell]);
    for (const issue of result.issues) expect(issue.message).toContain('2018年目标.xlsx');
  });

  it('warns when a 合计 row disagrees with its rows (the rows win)', () => {
    const result = read([header, ['农安县', 100, 1], ['德惠市', 50, 2], ['合计', 160, 3]]);
    if (!result.ok) throw new Error('refused');
    expect(result.warnings.map((w) => [w.code, w.cell])).toEqual([['total.mismatch', 'B4']]);
    expect(result.warnings[0]?.message).toContain('160套');
    expect(result.rows.map((r) => r.targets.startPlan)).toEqual([100, 50]);
  });

  it('passes over a prefecture subtotal, a 序号 and a 备注 column', () => {
    const result = read([
      ['序号', '市县', '棚改年度计划（套）', '备注'],
      [null, '延边州', 500, '全州小计'],
      [1, '延吉市', 100, ''],
      [2, '农安县', 200, '已签责任书'],
    ]);
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
    expect(result.rows.map((r) => defaultRegister.unit(r.unitId)?.name)).toEqual(['延吉市', '农安县']);
  });

  it('is refused whole, never read in part, and never throws on junk', () => {
    expect(readTargets(new Uint8Array([1, 2, 3]), 'x.xlsx', { year: 2018 }).ok).toBe(false);
    expect(readTargets(new Uint8Array(0), 'x.xlsx', { year: 2018 }).ok).toBe(false);
  });
});

describe('readTargets on a 合计 under 序号', () => {
  it('reads it as the total, not as a unit', () => {
    const result = read([
      ['序号', '市县', '棚改年度计划（套）'],
      [1, '农安县', 100],
      [2, '德惠市', 50],
      ['合计', null, 150],
    ]);
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
    expect(result.rows.map((r) => r.targets.startPlan)).toEqual([100, 50]);
    expect(result.warnings).toEqual([]);
  });
});
