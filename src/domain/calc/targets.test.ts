// Annual targets in analysePeriod, on generated data sets: which units report, which have targets (and which
// of the four), and returns whose plans agree or not, in many seeded combinations. Totals stay the sum of their
// parts (reporting units plus units counted for their target alone), plans follow the targets, differing
// returns are warned about naming both figures, and units without a return are in no list.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random';
import { DEFAULT_THRESHOLDS } from '../settings';
import { NO_TARGETS, TARGET_FIELDS, type UnitTargets, type YearTargets } from '../targets';
import type { ParsedReturn, UnitId } from '../types';
import { defaultRegister } from '../units';
import { analysePeriod } from './index';
import type { PeriodAnalysis, RowIdentity, Section } from './types';

const YI = 100_000_000;
const PERIOD = '2018-09';

interface DataSet {
  returns: ParsedReturn[];
  targets: Map<UnitId, UnitTargets>;
}

/** Returns for a random share of the units (some lacking a table), targets for a random share, some equal. */
function dataSet(seed: number): DataSet {
  const next = seededRandom(seed);
  const int = (max: number) => Math.floor(next() * max);
  const returns: ParsedReturn[] = [];
  const targets = new Map<UnitId, UnitTargets>();
  for (const unit of defaultRegister.units) {
    const plan = int(5000);
    const need = int(50) * YI + int(100) * 1_000_000;
    const exPlan = int(3000);
    const task = int(400);
    if (next() < 0.7) {
      const tables: ParsedReturn['tables'] = {};
      if (next() < 0.9) {
        tables.start = { plan, started: int(plan + 1), startedMonth: null, declaredRate: null, note: '' };
      }
      if (next() < 0.9) {
        tables.loan = {
          need: next() < 0.8 ? need : null,
          banks: [
            {
              bank: '国家开发银行',
              credit: int(10) * YI,
              creditMonth: null,
              disbursed: int(10) * YI,
              disbursedMonth: null,
              note: '',
            },
          ],
        };
      }
      if (next() < 0.9) {
        tables.expropriation = {
          plan: exPlan,
          expropriated: int(exPlan + 1),
          demolished: int(20),
          doneMonth: null,
          note: '',
        };
      }
      if (next() < 0.9) {
        const raised = int(2000);
        tables.publicRental = {
          raised,
          allocated: int(raised + 1),
          declaredRate: null,
          yearTask: task,
          yearAllocated: int(task + 1),
          declaredYearRate: null,
          lastYearRate: null,
        };
      }
      returns.push({ unitId: unit.id, period: PERIOD, cutoff: '2018-09-30', tables });
    }
    if (next() < 0.6) {
      // Half the time the target is what the return says; otherwise another figure; sometimes none.
      const pick = (own: number) => (next() < 0.15 ? null : next() < 0.5 ? own : own + 1 + int(100));
      targets.set(unit.id, {
        startPlan: pick(plan),
        loanNeed: pick(need),
        expropriationPlan: pick(exPlan),
        rentalTask: pick(task),
      });
    }
  }
  return { returns, targets };
}

/** With the set's targets; `targets` instead when given ('none': without any). */
function analyse(set: DataSet, targets: YearTargets | 'none' = set.targets): PeriodAnalysis {
  return analysePeriod({
    returnsByPeriod: new Map([[PERIOD, set.returns]]),
    period: PERIOD,
    register: defaultRegister,
    thresholds: DEFAULT_THRESHOLDS,
    ...(targets === 'none' ? {} : { targets }),
  });
}

const SEEDS = Array.from({ length: 25 }, (_, i) => i + 1);

type Figures = Record<string, unknown>;

/** Every group is the sum of its units (reported and for-target alike), the province the sum of all units. */
function expectSums(section: Section<RowIdentity>, pick: (row: Figures) => number): void {
  const parts = (section.units as unknown as Figures[]).concat(section.unreported as unknown as Figures[]);
  for (const g of section.groups) {
    const own = parts.filter((u) => u.groupId === g.id);
    expect(pick(g as unknown as Figures)).toBe(own.reduce((s, u) => s + pick(u), 0));
  }
  const province = pick(section.province as unknown as Figures);
  expect(province).toBe(parts.reduce((s, u) => s + pick(u), 0));
  expect(province).toBe((section.groups as unknown as Figures[]).reduce((s, g) => s + pick(g), 0));
}

const num = (key: string) => (row: Figures) => (row[key] as number | null) ?? 0;
const loanTotal = (key: 'credit' | 'disbursed') => (row: Figures) =>
  (row.total as { credit: number; disbursed: number })[key];

describe('annual targets in the analysis (generated data sets)', () => {
  it.each(SEEDS)('seed %i: every total is the sum of its parts', (seed) => {
    const a = analyse(dataSet(seed));
    expectSums(a.start, num('plan'));
    expectSums(a.start, num('started'));
    expectSums(a.loan, num('need'));
    expectSums(a.loan, loanTotal('credit'));
    expectSums(a.loan, loanTotal('disbursed'));
    expectSums(a.expropriation, num('plan'));
    expectSums(a.expropriation, num('total'));
    expectSums(a.publicRental, num('yearTask'));
    expectSums(a.publicRental, num('yearAllocated'));
    expectSums(a.publicRental, num('raised'));
  });

  it.each(SEEDS)('seed %i: each unit plans with its target, else its return', (seed) => {
    const set = dataSet(seed);
    const a = analyse(set);
    const byId = new Map(set.returns.map((r) => [r.unitId, r]));
    const checks: [Section<RowIdentity & Figures>, (typeof TARGET_FIELDS)[number]['key'], string][] = [
      [a.start as never, 'startPlan', 'plan'],
      [a.loan as never, 'loanNeed', 'need'],
      [a.expropriation as never, 'expropriationPlan', 'plan'],
      [a.publicRental as never, 'rentalTask', 'yearTask'],
    ];
    for (const [section, key, figure] of checks) {
      const field = TARGET_FIELDS.find((f) => f.key === key);
      if (!field) throw new Error(key);
      for (const row of section.units) {
        const target = set.targets.get(row.id)?.[key] ?? null;
        const own = field.fromReturn(byId.get(row.id)?.tables ?? {});
        expect(row[figure]).toBe(target ?? own);
      }
      // A unit without the table is in the totals exactly when it has the target.
      const expected = defaultRegister.units
        .filter((u) => byId.get(u.id)?.tables[field.table] === undefined)
        .filter((u) => (set.targets.get(u.id)?.[key] ?? null) !== null)
        .map((u) => [u.id, set.targets.get(u.id)?.[key]]);
      expect(section.unreported.map((r) => [r.id, r[figure]])).toEqual(expected);
      for (const row of section.unreported) expect(row.unreported).toBe(true);
    }
  });

  it.each(SEEDS)('seed %i: a return that differs from its target is warned about, naming both', (seed) => {
    const set = dataSet(seed);
    const a = analyse(set);
    const expected: string[] = [];
    for (const r of set.returns) {
      for (const field of TARGET_FIELDS) {
        const own = field.fromReturn(r.tables);
        const target = set.targets.get(r.unitId)?.[field.key] ?? null;
        if (own !== null && target !== null && own !== target) expected.push(`${r.unitId}:${field.key}`);
      }
    }
    const warned = a.warnings.filter((w) => w.code === 'plan.target');
    expect(warned.map((w) => `${w.unitId}:${w.field}`).sort()).toEqual(expected.sort());
    for (const w of warned) {
      const field = TARGET_FIELDS.find((f) => f.key === w.field);
      const target = set.targets.get(w.unitId)?.[field?.key ?? 'startPlan'];
      const own = field?.fromReturn(set.returns.find((r) => r.unitId === w.unitId)?.tables ?? {});
      const show = (v: number | null | undefined) =>
        field?.kind === 'money' ? `${(v ?? 0) / YI}亿元` : `${v}${field?.unit}`;
      expect(w.message).toContain(w.unitName);
      expect(w.message).toContain(`为${show(own)}`);
      expect(w.message).toContain(`的${show(target)}不一致`);
    }
  });

  it.each(SEEDS)('seed %i: units without a return are in no list and not ranked', (seed) => {
    const a = analyse(dataSet(seed));
    const missing = new Set(a.missingUnits);
    const lists = [
      ...Object.values(a.start.lists),
      ...Object.values(a.loan.lists),
      ...Object.values(a.expropriation.lists),
      ...Object.values(a.publicRental.lists),
    ];
    for (const list of lists) for (const id of list) expect(missing.has(id)).toBe(false);
    for (const row of [...a.start.unreported, ...a.expropriation.unreported, ...a.publicRental.unreported]) {
      expect(row.rank).toBeNull();
      expect(row.rate).toBeNull();
    }
    // The month increases of the totals stay those of the reporting units: not "incomplete" because of them.
    expect(a.start.province.startedMonth.incomplete).toBe(
      analyse(dataSet(seed), new Map()).start.province.startedMonth.incomplete,
    );
  });

  it.each(SEEDS)('seed %i: without targets (or with empty ones) nothing changes', (seed) => {
    const set = dataSet(seed);
    const none = analyse(set, 'none');
    expect(analyse(set, new Map())).toEqual(none);
    expect(analyse(set, new Map([...set.targets.keys()].map((id) => [id, NO_TARGETS])))).toEqual(none);
    expect(none.warnings.some((w) => w.code === 'plan.target')).toBe(false);
    expect(none.start.unreported).toEqual([]);
  });

  it('plans the province with the targets when units are missing', () => {
    // Every unit has a start target of 100; only 长春市 reported, with a plan of 80.
    const targets = new Map(defaultRegister.units.map((u) => [u.id, { ...NO_TARGETS, startPlan: 100 }]));
    const set: DataSet = {
      returns: [
        {
          unitId: '220100',
          period: PERIOD,
          cutoff: '2018-09-30',
          tables: { start: { plan: 80, started: 60, startedMonth: null, declaredRate: null, note: '' } },
        },
      ],
      targets,
    };
    const a = analyse(set);
    expect(a.start.province.plan).toBe(100 * defaultRegister.units.length);
    expect(a.start.province.started).toBe(60);
    expect(a.start.province.rate).toEqual({ num: 60, den: 100 * defaultRegister.units.length });
    expect(a.start.units[0]).toMatchObject({ plan: 100, fromTarget: true, rate: { num: 60, den: 100 } });
    expect(a.targetUnits).toHaveLength(defaultRegister.units.length);
    expect(a.warnings.map((w) => w.message)).toEqual([
      '长春市2018年1-9月表1填报的棚改年度计划为80套，与2018年年度目标（目标责任书）的100套不一致，已按年度目标计算。如目标已调整，请到“设置 → 年度目标”更新。',
    ]);
  });
});
