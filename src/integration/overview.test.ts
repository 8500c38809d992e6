// 概览's computation on the sample returns and on two generated years: every figure and every change against
// last month and last year equals the sums of the returns themselves (an independent count, not the analysis),
// a period not stored gives no change (shown '—', never 0), the attention list holds exactly the units of the
// warning lists, and the map's classes follow the thresholds.
import { beforeAll, describe, expect, it } from 'vitest';
import { analysePeriod, analyseTrends, type PeriodAnalysis, type Rate } from '../domain/calc';
import { ATTENTION_FLAGS, type AttentionFlag, attentionList } from '../domain/calc/attention';
import { MAP_MEASURES, mapLegend, mapValues } from '../domain/calc/map-classes';
import {
  CARD_FIGURES,
  FIGURES,
  type FigureKey,
  figureAt,
  figureView,
  MONTH_TABLE_FIGURES,
  monthTable,
  overviewCards,
  PROVINCE_SCOPE,
  type Scope,
  TREND_FIGURES,
  yearTrend,
} from '../domain/calc/overview';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../domain/settings';
import type { YearTargets } from '../domain/targets';
import type { ParsedReturn, PeriodKey, ReturnTables } from '../domain/types';
import { defaultRegister } from '../domain/units';
import { loadSampleReturns } from './load-samples';
import { buildTwoYears, TWO_YEAR_GAPS, TWO_YEAR_PERIODS } from './two-years';

type Store = Map<PeriodKey, ParsedReturn[]>;

/** The analysis of a period with the page's inputs, or null when nothing is stored (as the page hook does). */
function analyser(store: Store, thresholds: Thresholds = DEFAULT_THRESHOLDS) {
  const cache = new Map<PeriodKey, PeriodAnalysis | null>();
  return (period: PeriodKey): PeriodAnalysis | null => {
    if (!cache.has(period)) {
      const stored = (store.get(period)?.length ?? 0) > 0;
      cache.set(
        period,
        stored
          ? analysePeriod({ returnsByPeriod: store, period, register: defaultRegister, thresholds })
          : null,
      );
    }
    return cache.get(period) ?? null;
  };
}

// ---- the independent count: sums over the returns themselves ---------------------------------------------

interface Oracle {
  value: Rate | null;
  units: number;
}

const sum = (list: readonly number[]) => list.reduce((s, n) => s + n, 0);
const fraction = (num: number, den: number): Rate | null => (den === 0 ? null : { num, den });
const whole = (n: number): Rate => ({ num: n, den: 1 });

function inScope(ret: ParsedReturn, scope: Scope): boolean {
  const unit = defaultRegister.unit(ret.unitId);
  return unit !== undefined && (scope === PROVINCE_SCOPE || defaultRegister.groupOf(unit) === scope);
}

const TABLE_OF: Record<FigureKey, keyof ReturnTables> = Object.fromEntries(
  Object.values(FIGURES).map((f) => [f.key, f.table]),
) as Record<FigureKey, keyof ReturnTables>;

function oracle(store: Store, period: PeriodKey | null, key: FigureKey, scope: Scope): Oracle | null {
  if (period === null) return null;
  const rets = (store.get(period) ?? []).filter(
    (r) => inScope(r, scope) && r.tables[TABLE_OF[key]] !== undefined,
  );
  if (rets.length === 0) return null;
  const t = rets.map((r) => r.tables);
  const start = t.map((x) => x.start).filter((x) => x !== undefined);
  const loan = t.flatMap((x) => x.loan?.banks ?? []);
  const exp = t.map((x) => x.expropriation).filter((x) => x !== undefined);
  const carry = t.map((x) => x.carryOver).filter((x) => x !== undefined);
  const rental = t.map((x) => x.publicRental).filter((x) => x !== undefined);
  const done = sum(exp.map((e) => e.expropriated + e.demolished));
  const values: Record<FigureKey, Rate | null> = {
    startRate: fraction(sum(start.map((s) => s.started)), sum(start.map((s) => s.plan))),
    started: whole(sum(start.map((s) => s.started))),
    startPlan: whole(sum(start.map((s) => s.plan))),
    credit: whole(sum(loan.map((b) => b.credit))),
    disbursed: whole(sum(loan.map((b) => b.disbursed))),
    householdsDone: whole(done),
    expropriationRate: fraction(done, sum(exp.map((e) => e.plan))),
    carryOverProjects: whole(sum(carry.map((c) => c.length))),
    carryOverUnfinished: whole(sum(carry.flatMap((c) => c.map((p) => p.unfinished)))),
    allocationRate: fraction(sum(rental.map((p) => p.allocated)), sum(rental.map((p) => p.raised))),
    allocated: whole(sum(rental.map((p) => p.allocated))),
    yearTask: whole(sum(rental.map((p) => p.yearTask))),
    yearAllocated: whole(sum(rental.map((p) => p.yearAllocated))),
    yearRate: fraction(sum(rental.map((p) => p.yearAllocated)), sum(rental.map((p) => p.yearTask))),
  };
  return { value: values[key], units: rets.length };
}

/** a − b as a plain number with exact integers where both are whole (compared exactly below). */
function same(a: Rate | null, b: Rate | null): boolean {
  if (a === null || b === null) return a === b;
  return BigInt(a.num) * BigInt(b.den) === BigInt(b.num) * BigInt(a.den);
}

function expectedDelta(now: Oracle | null, before: Oracle | null): Rate | null {
  if (!now?.value || !before?.value) return null;
  return {
    num: now.value.num * before.value.den - before.value.num * now.value.den,
    den: now.value.den * before.value.den,
  };
}

const ALL_FIGURES = Object.keys(FIGURES) as FigureKey[];

/** Levels that run on across the year (public rental, unfinished projects); the rest restart each January. */
const STOCK_FIGURES = new Set<FigureKey>([
  'carryOverProjects',
  'carryOverUnfinished',
  'allocationRate',
  'allocated',
]);

/** The period compared with, worked out here again: stock figures the month before, others within the year. */
function comparedWith(key: FigureKey, period: PeriodKey): PeriodKey | null {
  const [year, month] = period.split('-').map(Number) as [number, number];
  if (month > 1) return `${year}-${String(month - 1).padStart(2, '0')}`;
  return STOCK_FIGURES.has(key) ? `${year - 1}-12` : null;
}

const aYearBefore = (period: PeriodKey): PeriodKey => `${Number(period.slice(0, 4)) - 1}${period.slice(4)}`;
const SCOPES: Scope[] = [PROVINCE_SCOPE, ...defaultRegister.groups().map((g) => g.id)];

function checkFigures(store: Store, periods: readonly PeriodKey[]): string[] {
  const at = analyser(store);
  const wrong: string[] = [];
  for (const period of periods) {
    if (at(period) === null) continue;
    for (const key of ALL_FIGURES) {
      for (const scope of SCOPES) {
        const view = figureView(key, scope, period, at);
        const now = oracle(store, period, key, scope);
        const prev = comparedWith(key, period);
        const before = oracle(store, prev, key, scope);
        const lastYear = oracle(store, aYearBefore(period), key, scope);
        const where = `${period} ${key} ${scope}`;
        if (
          !same(view.now?.value ?? null, now?.value ?? null) ||
          (view.now?.units ?? 0) !== (now?.units ?? 0)
        )
          wrong.push(`${where}: figure`);
        if (!same(view.month.delta, expectedDelta(now, before))) wrong.push(`${where}: month change`);
        if (!same(view.year.delta, expectedDelta(now, lastYear))) wrong.push(`${where}: year change`);
        if (view.month.unitsDiffer !== (now !== null && before !== null && now.units !== before.units))
          wrong.push(`${where}: units differ (month)`);
        if (view.month.period !== prev) wrong.push(`${where}: month compared with ${view.month.period}`);
        if (view.year.period !== aYearBefore(period))
          wrong.push(`${where}: year compared with ${view.year.period}`);
      }
    }
  }
  return wrong;
}

let samples: Store;
let years: Store;

beforeAll(() => {
  samples = loadSampleReturns();
  years = buildTwoYears(samples);
}, 60_000);

describe('on the samples (2018年1-8月 and 1-9月)', () => {
  it('every figure and change of the province and each group equals the sums of the returns', () => {
    expect(checkFigures(samples, ['2018-08', '2018-09'])).toEqual([]);
  });

  it('has no change against last year (2017 is not stored) and none against last month for August', () => {
    const at = analyser(samples);
    for (const card of overviewCards('2018-09', at, analyseTrends(samples, defaultRegister))) {
      for (const f of card.figures) {
        expect(f.year.period).toBe('2017-09');
        expect(f.year.delta, f.key).toBeNull();
        expect(f.now, f.key).not.toBeNull();
        expect(f.month.delta, f.key).not.toBeNull();
      }
    }
    for (const card of overviewCards('2018-08', at, analyseTrends(samples, defaultRegister))) {
      for (const f of card.figures) expect(f.month.delta, f.key).toBeNull();
    }
  });

  it("the month change of a cumulative figure is the province's 本月 of the 数据 table when every unit is compared", () => {
    const at = analyser(samples);
    const a = at('2018-09') as PeriodAnalysis;
    const view = (key: FigureKey) => figureView(key, PROVINCE_SCOPE, '2018-09', at).month.delta;
    const increases: [FigureKey, { value: number | null; incomplete: boolean }][] = [
      ['started', a.start.province.startedMonth],
      ['credit', a.loan.province.total.creditMonth],
      ['disbursed', a.loan.province.total.disbursedMonth],
      ['householdsDone', a.expropriation.province.doneMonth],
    ];
    for (const [key, inc] of increases) {
      if (inc.incomplete) continue;
      expect(same(view(key), inc.value === null ? null : whole(inc.value)), key).toBe(true);
    }
  });

  it('cards: one per table, in the bulletin order, each figure from the matching section', () => {
    const cards = overviewCards('2018-09', analyser(samples), analyseTrends(samples, defaultRegister));
    expect(cards.map((c) => c.table)).toEqual([
      'start',
      'loan',
      'expropriation',
      'carryOver',
      'publicRental',
    ]);
    for (const card of cards) {
      expect(card.figures.map((f) => f.key)).toEqual(
        CARD_FIGURES.find((c) => c.table === card.table)?.figures,
      );
      for (const f of card.figures) expect(f.table).toBe(card.table);
      // Two stored months of 2018: the trend has both, oldest first.
      expect(card.trend.map((t) => t.period)).toEqual(['2018-08', '2018-09']);
    }
  });

  it('the attention list holds exactly the units of the warning lists, each with the flags of its lists', () => {
    const a = analyser(samples)('2018-09') as PeriodAnalysis;
    const lists: Record<AttentionFlag, string[]> = {
      startBelow: a.start.lists.below,
      needNoCredit: a.loan.lists.needNoCredit,
      expropriationBehind: a.expropriation.lists.behind,
      carryOverMany: a.carryOver.lists.many,
      allocationLow: a.publicRental.lists.low,
      yearZero: a.publicRental.lists.yearZero,
      rateFell: a.publicRental.lists.fell,
    };
    const attention = attentionList(a, defaultRegister);
    const expected = new Set(Object.values(lists).flat());
    expect(expected.size).toBeGreaterThan(0);
    expect(new Set(attention.rows.map((r) => r.unitId))).toEqual(expected);
    expect(attention.rows).toHaveLength(expected.size);
    for (const row of attention.rows) {
      const flags = ATTENTION_FLAGS.filter((f) => lists[f].includes(row.unitId));
      expect(
        row.flags.map((f) => f.flag),
        row.name,
      ).toEqual(flags);
      for (const f of row.flags) expect(f.text).toMatch(/[\u4e00-\u9fff]/u);
    }
    // Most flags first.
    const counts = attention.rows.map((r) => r.flags.length);
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
    expect(attention.missing.map((m) => m.unitId)).toEqual(a.missingUnits);
  });

  it('names the unit of a refused file still to resolve, once per unit, and ignores unknown units', () => {
    const a = analyser(samples)('2018-09') as PeriodAnalysis;
    const attention = attentionList(a, defaultRegister, [
      { unitId: '220122', fileName: '农安县-9月.xlsx' },
      { unitId: '220122', fileName: '农安县-9月.xlsx' },
      { unitId: '220122', fileName: '农安县-9月（改）.xlsx' },
      { unitId: 'nowhere', fileName: 'x.xlsx' },
    ]);
    expect(attention.unresolved).toHaveLength(1);
    expect(attention.unresolved[0]?.name).toBe('农安县');
    expect(attention.unresolved[0]?.files).toEqual(['农安县-9月.xlsx', '农安县-9月（改）.xlsx']);
    expect(attention.unresolved[0]?.text).toContain('农安县-9月（改）.xlsx');
  });

  it.each(MAP_MEASURES)(
    'map %s: a class of the legend for each of the 50 units, matching the flags',
    (measure) => {
      const a = analyser(samples)('2018-09') as PeriodAnalysis;
      const values = mapValues(a, measure, defaultRegister);
      expect(values.map((v) => v.unitId)).toEqual(defaultRegister.units.map((u) => u.id));
      const legend = new Set(mapLegend(measure, a.thresholds).map((c) => c.key));
      for (const v of values) expect(legend.has(v.classKey), `${v.unitId} ${v.classKey}`).toBe(true);
      const flagOf = new Map<string, string>(
        measure === 'startRate'
          ? a.start.units.map((r) => [r.id, r.flag])
          : measure === 'allocationRate'
            ? a.publicRental.units.map((r) => [r.id, r.flag])
            : measure === 'expropriationRate'
              ? a.expropriation.units.map((r) => [r.id, r.flag])
              : [],
      );
      for (const v of values) if (flagOf.has(v.unitId)) expect(v.classKey).toBe(flagOf.get(v.unitId));
      if (measure === 'carryOver')
        for (const id of a.carryOver.lists.many)
          expect(values.find((v) => v.unitId === id)?.classKey).toBe('many');
      if (measure === 'disbursed')
        for (const id of a.loan.lists.needNoCredit)
          expect(values.find((v) => v.unitId === id)?.classKey).toBe('needNoCredit');
    },
  );

  // Generated combinations of thresholds: the classes always partition the units exactly as the flags do, and
  // raising the warning line never moves a unit to a better class.
  it.each([40, 55, 60, 70, 86.02, 90, 99.9])(
    'start rate classes follow a warning line of %s%%',
    (warning) => {
      const thresholds = { ...DEFAULT_THRESHOLDS, startWarning: warning };
      const a = analyser(samples, thresholds)('2018-09') as PeriodAnalysis;
      const values = mapValues(a, 'startRate', defaultRegister);
      const below = values.filter((v) => v.classKey === 'below').map((v) => v.unitId);
      expect(new Set(below)).toEqual(new Set(a.start.lists.below));
      for (const row of a.start.units) {
        if (row.rate === null) continue;
        const percent = (row.rate.num * 100) / row.rate.den;
        expect(below.includes(row.id), row.name).toBe(percent < warning);
      }
      expect(
        mapLegend('startRate', thresholds)
          .map((c) => c.label)
          .join(),
      ).toContain(`${warning}%`);
    },
  );
});

describe('on two generated years (2017-01 … 2018-12)', () => {
  it('has the gaps it promises', () => {
    expect([...years.keys()]).toEqual(TWO_YEAR_PERIODS);
    expect(years.get(TWO_YEAR_GAPS.emptyPeriod)).toEqual([]);
    expect(years.get('2018-05')).toHaveLength(49);
    expect(years.get('2018-04')).toHaveLength(50);
  });

  it('every figure and change of every period, for the province and each group, equals the sums of the returns', () => {
    expect(checkFigures(years, TWO_YEAR_PERIODS)).toEqual([]);
  }, 120_000);

  it('January: a cumulative figure has no previous period; a stock figure compares with December', () => {
    const at = analyser(years);
    const started = figureView('started', PROVINCE_SCOPE, '2018-01', at);
    expect(started.month.period).toBeNull();
    expect(started.month.delta).toBeNull();
    const projects = figureView('carryOverProjects', PROVINCE_SCOPE, '2018-01', at);
    expect(projects.month.period).toBe('2017-12');
    expect(projects.month.delta).not.toBeNull();
    // Last year's January is stored: both compare with it.
    expect(started.year.delta).not.toBeNull();
    expect(projects.year.delta).not.toBeNull();
  });

  it('a month with nothing stored gives no change — never a change from 0', () => {
    const at = analyser(years);
    for (const key of ALL_FIGURES) {
      // July 2017 against the empty June: unknown.
      expect(figureView(key, PROVINCE_SCOPE, '2017-07', at).month.delta, key).toBeNull();
      // June 2018 against the empty June 2017: unknown; its month change is known.
      const june = figureView(key, PROVINCE_SCOPE, '2018-06', at);
      expect(june.year.delta, key).toBeNull();
      expect(june.year.before, key).toBeNull();
      expect(june.month.delta, key).not.toBeNull();
      expect(june.now, key).not.toBeNull();
    }
  });

  it('says when the two periods stand on different units (德惠市 missed May 2018)', () => {
    const at = analyser(years);
    const may = figureView('started', PROVINCE_SCOPE, '2018-05', at);
    expect(may.month.unitsDiffer).toBe(true);
    expect(may.now?.units).toBe(49);
    expect(may.month.before?.units).toBe(50);
    expect(figureView('started', '220100', '2018-05', at).month.unitsDiffer).toBe(true);
    expect(figureView('started', '220200', '2018-05', at).month.unitsDiffer).toBe(false);
    expect(figureView('started', PROVINCE_SCOPE, '2018-04', at).month.unitsDiffer).toBe(false);
  });

  it("the year's trend has each stored month of the year, equal to the province figure", () => {
    const trends = analyseTrends(years, defaultRegister);
    for (const key of TREND_FIGURES) {
      const trend = yearTrend(key, '2017-09', trends);
      const expected = [
        '2017-01',
        '2017-02',
        '2017-03',
        '2017-04',
        '2017-05',
        '2017-07',
        '2017-08',
        '2017-09',
      ];
      expect(
        trend.map((t) => t.period),
        key,
      ).toEqual(expected);
      for (const t of trend)
        expect(same(t.value, oracle(years, t.period, key, PROVINCE_SCOPE)?.value ?? null)).toBe(true);
    }
    // A figure without a trend line gives none.
    expect(yearTrend('startPlan', '2017-09', trends)).toEqual([]);
  });

  // The trend lines come from the cheap province trends: on every period they must equal the analysis's own
  // province figure, or a change to the analysis (targets, another definition) would leave them behind.
  it('the trend of each headline figure equals the analysis of every period', () => {
    const at = analyser(years);
    const trends = analyseTrends(years, defaultRegister);
    const wrong: string[] = [];
    for (const period of TWO_YEAR_PERIODS) {
      for (const key of TREND_FIGURES) {
        const fromTrend = yearTrend(key, period, trends).find((t) => t.period === period)?.value ?? null;
        const fromAnalysis = figureAt(at(period), key, PROVINCE_SCOPE)?.value ?? null;
        if (!same(fromTrend, fromAnalysis)) wrong.push(`${period} ${key}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(TREND_FIGURES.sort()).toEqual(CARD_FIGURES.map((c) => c.figures[0]).sort());
  });

  // With annual targets the plans are the targets (a unit without a return counts with its target): the trend
  // lines, given the same targets, still equal the analysis.
  it('the trend of each headline figure equals the analysis with annual targets too', () => {
    const targets: YearTargets = new Map(
      defaultRegister.units
        .filter((_, i) => i % 3 === 0)
        .map((u, i) => [
          u.id,
          { startPlan: 1000 + 37 * i, loanNeed: null, expropriationPlan: 500 + i, rentalTask: 200 },
        ]),
    );
    const targetsOf = (year: number) => (year === 2018 ? targets : undefined);
    const cache = new Map<PeriodKey, PeriodAnalysis>();
    const at = (period: PeriodKey) => {
      const found =
        cache.get(period) ??
        analysePeriod({
          returnsByPeriod: years,
          period,
          register: defaultRegister,
          thresholds: DEFAULT_THRESHOLDS,
          targets: targetsOf(Number(period.slice(0, 4))),
        });
      cache.set(period, found);
      return (years.get(period)?.length ?? 0) > 0 ? found : null;
    };
    const trends = analyseTrends(years, defaultRegister, targetsOf);
    const wrong: string[] = [];
    for (const period of TWO_YEAR_PERIODS.filter((p) => p.startsWith('2018'))) {
      for (const key of TREND_FIGURES) {
        const fromTrend = yearTrend(key, period, trends).find((t) => t.period === period)?.value ?? null;
        const fromAnalysis = figureAt(at(period), key, PROVINCE_SCOPE)?.value ?? null;
        if (!same(fromTrend, fromAnalysis)) wrong.push(`${period} ${key}`);
      }
    }
    expect(wrong).toEqual([]);
    // The targets did change the plans: the start rate is not the returns' own.
    const own = figureAt(analyser(years)('2018-09'), 'startRate', PROVINCE_SCOPE)?.value ?? null;
    expect(same(own, figureAt(at('2018-09'), 'startRate', PROVINCE_SCOPE)?.value ?? null)).toBe(false);
  });

  it.each(['2018-03', '2018-05', '2018-09', '2018-12'])(
    'month table of %s: the province and every group, the largest rise and fall of each column marked',
    (period) => {
      const at = analyser(years);
      const rows = monthTable(period, at, defaultRegister.groups());
      expect(rows.map((r) => r.name)).toEqual(['全省合计', ...defaultRegister.groups().map((g) => g.name)]);
      MONTH_TABLE_FIGURES.forEach((key, column) => {
        const groups = rows.slice(1).map((r) => r.cells[column]);
        const deltas = groups.map((c) => c?.month.delta ?? null);
        const values = deltas.map((d) => (d === null ? null : d.num / d.den));
        const known = values.filter((v): v is number => v !== null);
        const max = Math.max(...known);
        const min = Math.min(...known);
        groups.forEach((cell, i) => {
          const v = values[i] ?? null;
          const rise = v !== null && v > 0 && Math.abs(v - max) < 1e-12;
          const fall = v !== null && v < 0 && Math.abs(v - min) < 1e-12;
          expect(cell?.mover ?? null, `${key} ${rows[i + 1]?.name}`).toBe(
            rise ? 'rise' : fall ? 'fall' : null,
          );
          expect(cell?.key).toBe(key);
        });
        // The province row is never marked.
        expect(rows[0]?.cells[column]?.mover).toBeNull();
      });
    },
  );
});
