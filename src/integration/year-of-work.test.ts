// The computation through a year of work (2018-01 … 2019-01 built from the samples): month increases against
// the previous stored month, a missed and a late return, a bank appearing mid-year, warnings naming both
// periods, the year boundary, carry-over projects, trends, every total as the sum of its parts, exact
// thresholds and exclusive lists.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BULLETIN_TEXT } from '../domain/bulletin/defaults';
import { generateBulletin } from '../domain/bulletin/generate';
import {
  analysePeriod,
  analyseTrends,
  type CalcWarning,
  formatRate,
  type PeriodAnalysis,
  type Rate,
} from '../domain/calc';
import { periodLabel, previousPeriod } from '../domain/period';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../domain/settings';
import type { ParsedReturn, PeriodKey, UnitId } from '../domain/types';
import { DIRECT_GROUP_ID, defaultRegister } from '../domain/units';
import { loadSampleReturns } from './load-samples';
import { buildYear, YEAR_EVENTS, YEAR_PERIODS } from './year-of-work';

let year: Map<PeriodKey, ParsedReturn[]>;
let late: ParsedReturn;
/** The year with 农安县's May return stored late. */
let yearWithLate: Map<PeriodKey, ParsedReturn[]>;
const analyses = new Map<PeriodKey, PeriodAnalysis>();

function analyse(
  byPeriod: Map<PeriodKey, readonly ParsedReturn[]>,
  period: PeriodKey,
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
): PeriodAnalysis {
  return analysePeriod({ returnsByPeriod: byPeriod, period, register: defaultRegister, thresholds });
}

const at = (period: PeriodKey): PeriodAnalysis => {
  const a = analyses.get(period);
  if (!a) throw new Error(`no analysis of ${period}`);
  return a;
};
const returnOf = (byPeriod: Map<PeriodKey, ParsedReturn[]>, period: PeriodKey, unitId: UnitId) =>
  byPeriod.get(period)?.find((r) => r.unitId === unitId);
const unitName = (id: UnitId) => defaultRegister.unit(id)?.name ?? id;

beforeAll(() => {
  const built = buildYear(loadSampleReturns());
  year = built.year;
  late = built.lateReturn;
  yearWithLate = new Map(
    [...year].map(([p, list]) => [p, p === YEAR_EVENTS.missing.period ? [...list, late] : list]),
  );
  for (const period of YEAR_PERIODS) analyses.set(period, analyse(year, period));
}, 60_000);

describe('the generated year', () => {
  it('has 13 periods of 50 returns, less the missed one, and August and September as the samples', () => {
    expect([...year.keys()]).toEqual(YEAR_PERIODS);
    const missed: string[] = [YEAR_EVENTS.missing.period, YEAR_EVENTS.missingStock.period];
    expect(YEAR_PERIODS.map((p) => year.get(p)?.length)).toEqual(
      YEAR_PERIODS.map((p) => (missed.includes(p) ? 49 : 50)),
    );
    // The anchors: the bulletin's September figures and August's 84 projects.
    expect(at('2018-09').start.province).toMatchObject({ plan: 95_270, started: 81_948 });
    expect(at('2018-09').carryOver.province.count).toBe(78);
    expect(at('2018-08').carryOver.province.count).toBe(84);
  });
});

describe('month increases through the year', () => {
  it.each(YEAR_PERIODS.filter((p) => p !== '2018-01' && p !== '2019-01'))(
    '%s: every unit increase is the difference with its previous stored month',
    (period) => {
      const a = at(period);
      const prev = previousPeriod(period) ?? '';
      let compared = 0;
      for (const row of a.start.units) {
        const before = returnOf(year, prev, row.id)?.tables.start;
        if (!before) continue;
        compared++;
        expect(row.startedMonth, row.name).toMatchObject({
          value: row.started - before.started,
          source: 'computed',
        });
      }
      for (const row of a.loan.units) {
        const before = returnOf(year, prev, row.id)?.tables.loan;
        if (!before) continue;
        for (const b of row.banks) {
          const line = before.banks.find((l) => l.bank === b.bank);
          expect(b.disbursedMonth.value, `${row.name} ${b.shortName}`).toBe(
            b.disbursed - (line?.disbursed ?? 0),
          );
          expect(b.creditMonth.value, `${row.name} ${b.shortName}`).toBe(b.credit - (line?.credit ?? 0));
        }
      }
      for (const row of a.expropriation.units) {
        const before = returnOf(year, prev, row.id)?.tables.expropriation;
        if (!before) continue;
        expect(row.doneMonth.value, row.name).toBe(row.total - before.expropriated - before.demolished);
      }
      expect(compared).toBeGreaterThanOrEqual(49);
    },
  );

  it.each(['2018-01', '2019-01'])(
    '%s: the increase is the cumulative figure itself; no previous period',
    (period) => {
      const a = at(period);
      expect(a.previousPeriod).toBeNull();
      for (const row of a.start.units)
        expect(row.startedMonth).toMatchObject({ value: row.started, source: 'computed' });
      for (const row of a.loan.units) {
        for (const b of row.banks) {
          expect(b.creditMonth).toMatchObject({ value: b.credit, source: 'computed' });
          expect(b.disbursedMonth).toMatchObject({ value: b.disbursed, source: 'computed' });
        }
      }
      expect(a.start.province.startedMonth).toMatchObject({
        value: a.start.province.started,
        incomplete: false,
      });
      expect(a.loan.province.total.disbursedMonth.value).toBe(a.loan.province.total.disbursed);
    },
  );

  it('a province increase is the difference of the province totals when every unit has both months', () => {
    for (const period of ['2018-03', '2018-08', '2018-09', '2018-12']) {
      const a = at(period);
      const b = at(previousPeriod(period) ?? '');
      expect(a.start.province.startedMonth).toMatchObject({
        value: a.start.province.started - b.start.province.started,
        source: 'computed',
        incomplete: false,
      });
      expect(a.loan.province.total.disbursedMonth.value).toBe(
        a.loan.province.total.disbursed - b.loan.province.total.disbursed,
      );
    }
    // The bulletin's September: 1.22亿元 disbursed, all at 农发行.
    expect(at('2018-09').loan.province.total.disbursedMonth.value).toBe(122_000_000);
  });

  it('a bank that appears in June: its whole June figure is June’s increase, computed', () => {
    const { unitId, bank, period } = YEAR_EVENTS.bankFrom;
    const may = at('2018-05').loan.units.find((r) => r.id === unitId);
    expect(may?.banks.map((b) => b.bank)).not.toContain(bank);
    const june = at(period)
      .loan.units.find((r) => r.id === unitId)
      ?.banks.find((b) => b.bank === bank);
    expect(june?.credit).toBeGreaterThan(0);
    expect(june?.creditMonth).toMatchObject({ value: june?.credit, source: 'computed' });
    expect(june?.disbursedMonth).toMatchObject({ value: june?.disbursed, source: 'computed' });
    expect(at(period).warnings.filter((w) => w.unitId === unitId)).toEqual([]);
  });
});

describe('a missed month and a late return', () => {
  const { unitId, period } = YEAR_EVENTS.missing;

  it('the month without the return names the unit missing and totals the others', () => {
    const may = at(period);
    expect(may.missingUnits).toEqual([unitId]);
    expect(may.start.units.map((r) => r.id)).not.toContain(unitId);
    expect(may.start.province.started).toBe(
      (year.get(period) ?? []).reduce((s, r) => s + (r.tables.start?.started ?? 0), 0),
    );
  });

  it('the next month uses the declared 本月 and marks it (and the province) declared', () => {
    const june = at('2018-06');
    const row = june.start.units.find((r) => r.id === unitId);
    const declared = returnOf(year, '2018-06', unitId)?.tables.start?.startedMonth;
    expect(declared).toBeGreaterThan(0);
    expect(row?.startedMonth).toMatchObject({ value: declared, source: 'declared', declared });
    expect(june.start.province.startedMonth).toMatchObject({ source: 'declared', incomplete: false });
    const group = june.start.groups.find((g) => g.id === row?.groupId);
    expect(group?.startedMonth.source).toBe('declared');
    // The other groups are computed.
    expect(june.start.groups.filter((g) => g.startedMonth.source !== 'computed').map((g) => g.id)).toEqual([
      row?.groupId,
    ]);
    expect(june.warnings).toEqual([]);
  });

  it('once the late return is stored, May has every unit and June is computed again', () => {
    const may = analyse(yearWithLate, period);
    expect(may.missingUnits).toEqual([]);
    expect(may.start.province.started).toBe(
      at(period).start.province.started + (late.tables.start?.started ?? 0),
    );
    const june = analyse(yearWithLate, '2018-06');
    expect(june.start.units.find((r) => r.id === unitId)?.startedMonth.source).toBe('computed');
    expect(june.start.province.startedMonth).toMatchObject({
      value: june.start.province.started - may.start.province.started,
      source: 'computed',
    });
    expect(june.warnings).toEqual([]);
    const trend = analyseTrends(yearWithLate, defaultRegister);
    expect(trend.find((p) => p.period === period)?.unitsReported).toBe(50);
  });
});

describe('warnings name the unit, the field and both periods', () => {
  it('over the whole year: only the planted mismatch and fall, never a disbursement above credit', () => {
    const all: CalcWarning[] = YEAR_PERIODS.flatMap((p) => at(p).warnings);
    expect(all.map((w) => [w.code, w.unitName, w.field, w.periods])).toEqual([
      ['increase.mismatch', '通化市', 'started', ['2018-06', '2018-07']],
      ['cumulative.fell', '四平市', 'started', ['2018-09', '2018-10']],
    ]);
    // Disbursed above this year's credit is common in the year and never flagged.
    const above = at('2018-12').loan.units.filter((r) => r.banks.some((b) => b.disbursed > b.credit));
    expect(above.length).toBeGreaterThan(10);
  });

  it('a declared 本月 that disagrees: both figures and both periods in the sentence', () => {
    const { unitId, period, off } = YEAR_EVENTS.mismatch;
    const [w] = at(period).warnings;
    const row = at(period).start.units.find((r) => r.id === unitId);
    expect(row?.startedMonth.source).toBe('computed');
    const computed = row?.startedMonth.value ?? Number.NaN;
    expect(w?.message).toBe(
      `通化市累计开工本月填报${computed + off}套，按2018年1-6月与2018年1-7月累计数之差应为${computed}套。`,
    );
  });

  it('a cumulative figure that falls within the year names both periods', () => {
    const { period, by } = YEAR_EVENTS.fell;
    const [w] = at(period).warnings;
    const sep = returnOf(year, '2018-09', YEAR_EVENTS.fell.unitId)?.tables.start?.started ?? 0;
    expect(w?.message).toBe(
      `四平市累计开工从2018年1-9月的${sep}套降到2018年1-10月的${sep - by}套：累计数不应减少，两期报表之一可能有误。`,
    );
    expect(at(period).start.units.find((r) => r.id === YEAR_EVENTS.fell.unitId)?.startedMonth.value).toBe(
      -by,
    );
  });

  it('January 2019 is below December 2018 everywhere, and nothing is flagged across the year boundary', () => {
    const dec = at('2018-12');
    const jan = at('2019-01');
    expect(jan.start.province.started).toBeLessThan(dec.start.province.started);
    expect(jan.loan.province.total.disbursed).toBeLessThan(dec.loan.province.total.disbursed);
    expect(jan.warnings).toEqual([]);
  });
});

describe('stock figures across the year boundary', () => {
  it('public rental allocated in January 2019 is compared with December 2018', () => {
    const jan = at('2019-01');
    expect(jan.previousMonth).toBe('2018-12');
    for (const row of jan.publicRental.units) {
      const dec = returnOf(year, '2018-12', row.id)?.tables.publicRental;
      expect(row.allocatedMonth, row.name).toMatchObject({
        value: row.allocated - (dec?.allocated ?? Number.NaN),
        source: 'computed',
      });
    }
    expect(jan.publicRental.province.allocatedMonth.value).toBe(
      jan.publicRental.province.allocated - at('2018-12').publicRental.province.allocated,
    );
    expect(jan.publicRental.province.allocatedMonth.value).toBeGreaterThan(0);
  });

  it.each(YEAR_PERIODS.slice(1))(
    '%s: carry-over projects finished and new against the previous month',
    (period) => {
      const a = at(period);
      const prevMonth = a.previousMonth;
      expect(a.carryOver.previousPeriod).toBe(prevMonth);
      const names = (list: ParsedReturn[] | undefined, id: UnitId) =>
        new Set(list?.find((r) => r.unitId === id)?.tables.carryOver?.map((p) => p.name));
      const finished: string[] = [];
      const added: string[] = [];
      for (const row of a.carryOver.units) {
        const before = year.get(prevMonth)?.find((r) => r.unitId === row.id);
        if (!before) {
          expect(row).toMatchObject({ previousCount: null, finished: 0, added: 0 });
          continue;
        }
        const now = names(year.get(period), row.id);
        const then = names(year.get(prevMonth), row.id);
        const gone = [...then].filter((n) => !now.has(n));
        const fresh = [...now].filter((n) => !then.has(n));
        finished.push(...gone);
        added.push(...fresh);
        expect(row, row.name).toMatchObject({
          previousCount: then.size,
          finished: gone.length,
          added: fresh.length,
        });
        expect(row.previousCount).toBe(row.count + row.finished - row.added);
      }
      expect(a.carryOver.finishedProjects.map((p) => p.project.name).sort()).toEqual(finished.sort());
      expect(a.carryOver.newProjects.map((p) => p.project.name).sort()).toEqual(added.sort());
    },
  );

  it('after a missed month the change is added − finished over the units compared, not count − previousCount', () => {
    const { unitId, period } = YEAR_EVENTS.missingStock;
    expect(at(period).missingUnits).toEqual([unitId]);
    const nov = at('2018-11');
    const row = nov.carryOver.units.find((r) => r.id === unitId);
    expect(row).toMatchObject({ previousCount: null, change: null, finished: 0, added: 0 });
    expect(row?.count).toBeGreaterThan(0);
    const p = nov.carryOver.province;
    expect(p.previousCount).toBe(at(period).carryOver.province.count);
    expect(p.change).toBe(p.added - p.finished);
    // The unit's projects are neither new nor a rise in the province.
    expect(p.count - (p.previousCount ?? 0)).toBe((p.change ?? 0) + (row?.count ?? 0));
    const text = generateBulletin(nov, DEFAULT_BULLETIN_TEXT)
      .paragraphs.map((x) => x.text)
      .join('');
    expect(p.change).toBeLessThan(0);
    expect(text).toContain(
      `目前全省共${p.count}个拆迁结转项目没有完成房屋拆迁工作，比上个月减少${-(p.change ?? 0)}个`,
    );
  });

  it('the planted projects finish and appear where they should, across December → January too', () => {
    const e = YEAR_EVENTS;
    const finishedIn = (p: PeriodKey) => at(p).carryOver.finishedProjects.map((i) => i.project.name);
    const newIn = (p: PeriodKey) => at(p).carryOver.newProjects.map((i) => i.project.name);
    expect(finishedIn('2018-08')).toContain(e.finishedInAugust.name);
    expect(newIn('2018-11')).toContain(e.newInNovember.name);
    expect(newIn('2019-01')).toEqual([e.newInJanuary.name]);
    // 2019-01 drops one more project from each unit with some (as the months before it).
    expect(at('2019-01').carryOver.province).toMatchObject({
      previousCount: at('2018-12').carryOver.province.count,
      added: 1,
    });
    expect(at('2019-01').carryOver.province.finished).toBeGreaterThan(0);
  });
});

describe('trends', () => {
  it('list every stored period in order, whatever order they were stored in', () => {
    const shuffled = new Map([...year].reverse());
    const trend = analyseTrends(shuffled, defaultRegister);
    expect(trend.map((p) => p.period)).toEqual(YEAR_PERIODS);
    expect(trend.map((p) => p.label)).toEqual(YEAR_PERIODS.map(periodLabel));
    expect(trend.map((p) => p.started)).toEqual(YEAR_PERIODS.map((p) => at(p).start.province.started));
    expect(trend.map((p) => p.carryOverCount)).toEqual(
      YEAR_PERIODS.map((p) => at(p).carryOver.province.count),
    );
    expect(trend.map((p) => p.allocated)).toEqual(
      YEAR_PERIODS.map((p) => at(p).publicRental.province.allocated),
    );
    expect(trend.map((p) => p.disbursed)).toEqual(
      YEAR_PERIODS.map((p) => at(p).loan.province.total.disbursed),
    );
    expect(trend.map((p) => p.unitsReported)).toEqual(YEAR_PERIODS.map((p) => at(p).reportedUnits.length));
    expect(trend.at(-1)?.label).toBe('2019年1月');
  });
});

// ---- totals: a property over every generated month -------------------------------------------------------

type Figures = Record<string, number | null>;

/** The integer figures of a row of each section, flattened (loans: per bank, per category, need, month values). */
const FIGURES: Record<string, (row: never) => Figures> = {
  start: (r: PeriodAnalysis['start']['province']) => ({
    plan: r.plan,
    started: r.started,
    month: r.startedMonth.value,
  }),
  loan: (r: PeriodAnalysis['loan']['province']) => {
    const out: Figures = { need: r.need ?? 0 };
    for (const [k, v] of Object.entries({ policy: r.policy, commercial: r.commercial, total: r.total })) {
      out[`${k}.credit`] = v.credit;
      out[`${k}.disbursed`] = v.disbursed;
      out[`${k}.creditMonth`] = v.creditMonth.value;
      out[`${k}.disbursedMonth`] = v.disbursedMonth.value;
    }
    return out;
  },
  expropriation: (r: PeriodAnalysis['expropriation']['province']) => ({
    plan: r.plan,
    expropriated: r.expropriated,
    demolished: r.demolished,
    total: r.total,
    month: r.doneMonth.value,
  }),
  carryOver: (r: PeriodAnalysis['carryOver']['province']) => ({
    count: r.count,
    unfinished: r.unfinished,
    finished: r.finished,
    added: r.added,
  }),
  publicRental: (r: PeriodAnalysis['publicRental']['province']) => ({
    raised: r.raised,
    allocated: r.allocated,
    allocatedMonth: r.allocatedMonth.value,
    yearTask: r.yearTask,
    yearAllocated: r.yearAllocated,
  }),
};

function sumOf(rows: readonly Figures[], key: string): number {
  let s = 0;
  for (const r of rows) s += r[key] ?? 0;
  return s;
}

/** The units of each group, by the register's data rather than its groupOf(). */
function expectedGroups(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of defaultRegister.prefectures) {
    const members = defaultRegister.units.filter((u) => u.prefecture === p.id && u.kind !== '省直管');
    // Each 全市 is its 市区 unit (a 州 has none) and its counties.
    for (const u of members.filter((m) => m.kind === '市区')) expect(u.id, p.name).toBe(p.id);
    out.set(
      p.id,
      members.map((u) => u.id),
    );
  }
  out.set(
    DIRECT_GROUP_ID,
    ['梅河口市', '公主岭市', '长白山管委会'].map(
      (n) => defaultRegister.units.find((u) => u.name === n)?.id ?? n,
    ),
  );
  return out;
}

describe('every total is the sum of its parts, in every period', () => {
  const SECTIONS = Object.keys(FIGURES) as (keyof typeof FIGURES)[];

  it.each(YEAR_PERIODS)('%s: 全省合计 = Σ groups = Σ units, each group = Σ its register units', (period) => {
    const groupsOf = expectedGroups();
    for (const variant of [year, yearWithLate]) {
      const a = analyse(variant, period);
      for (const key of SECTIONS) {
        const section = a[key as keyof PeriodAnalysis] as unknown as {
          units: { id: string }[];
          groups: { id: string }[];
          province: object;
        };
        const pick = FIGURES[key] as (row: unknown) => Figures;
        const units = section.units.map(pick);
        const groups = section.groups.map(pick);
        const province = pick(section.province);
        for (const field of Object.keys(province)) {
          const where = `${period} ${key}.${field}`;
          const value = province[field] ?? 0;
          expect(Number.isSafeInteger(value), where).toBe(true);
          expect(value, where).toBe(sumOf(groups, field));
          expect(value, where).toBe(sumOf(units, field));
          section.groups.forEach((g, i) => {
            const members = groupsOf.get(g.id) ?? [];
            const parts = section.units.filter((u) => members.includes(u.id)).map(pick);
            expect(groups[i]?.[field] ?? 0, `${where} ${g.id}`).toBe(sumOf(parts, field));
          });
        }
        // Every reporting unit belongs to exactly one of the register's groups.
        const members = [...groupsOf.values()].flat();
        for (const u of section.units)
          expect(
            members.filter((m) => m === u.id),
            u.id,
          ).toHaveLength(1);
      }
      // A rolled-up 本月 says how it was known: declared if a part was, incomplete if a part is unknown.
      for (const g of [...a.start.groups, a.start.province]) {
        const parts = a.start.units.filter((u) => g.kind === 'province' || u.groupId === g.id);
        expect(g.startedMonth.source === 'declared', `${period} ${g.name}`).toBe(
          parts.some((u) => u.startedMonth.source === 'declared'),
        );
        expect(g.startedMonth.incomplete, `${period} ${g.name}`).toBe(
          parts.some((u) => u.startedMonth.value === null),
        );
      }
      // Loans: each bank of the province is the sum of that bank over the units.
      for (const bank of a.loan.province.banks) {
        const parts = a.loan.units.flatMap((u) => u.banks.filter((b) => b.bank === bank.bank));
        expect(bank.credit).toBe(parts.reduce((s, b) => s + b.credit, 0));
        expect(bank.disbursed).toBe(parts.reduce((s, b) => s + b.disbursed, 0));
        expect(bank.disbursedMonth.value).toBe(parts.reduce((s, b) => s + (b.disbursedMonth.value ?? 0), 0));
      }
      const p = a.loan.province;
      expect(p.total.credit).toBe(p.banks.reduce((s, b) => s + b.credit, 0));
      expect(p.total.disbursed).toBe(p.policy.disbursed + p.commercial.disbursed);
    }
  });
});

// ---- rates and thresholds --------------------------------------------------------------------------------

/** December's returns with some units put exactly on a threshold (and one with no plan at all). */
function decemberOnThresholds(): Map<PeriodKey, ParsedReturn[]> {
  const edit: Record<string, (r: ParsedReturn) => void> = {
    // 农安县: exactly 60% started; 伊通县: exactly 100%; 乾安县: one unit short of 100%; 公主岭市: no plan.
    农安县: (r) => Object.assign(r.tables.start ?? {}, { plan: 1000, started: 600 }),
    伊通县: (r) => Object.assign(r.tables.start ?? {}, { plan: 1000, started: 1000 }),
    乾安县: (r) => Object.assign(r.tables.start ?? {}, { plan: 1000, started: 999 }),
    公主岭市: (r) => Object.assign(r.tables.start ?? {}, { plan: 0, started: 0 }),
    // Expropriation exactly at 80% and at 40%; one with no plan.
    长岭县: (r) =>
      Object.assign(r.tables.expropriation ?? {}, { plan: 1000, expropriated: 700, demolished: 100 }),
    磐石市: (r) =>
      Object.assign(r.tables.expropriation ?? {}, { plan: 500, expropriated: 200, demolished: 0 }),
    临江市: (r) => Object.assign(r.tables.expropriation ?? {}, { plan: 0, expropriated: 30, demolished: 0 }),
    // Public rental: exactly 80% and exactly 100% allocated; a year task exactly done and one at zero.
    松原市: (r) => Object.assign(r.tables.publicRental ?? {}, { raised: 1000, allocated: 800 }),
    白城市: (r) =>
      Object.assign(r.tables.publicRental ?? {}, {
        raised: 3000,
        allocated: 3000,
        yearTask: 500,
        yearAllocated: 500,
      }),
    四平市: (r) => Object.assign(r.tables.publicRental ?? {}, { yearTask: 700, yearAllocated: 0 }),
  };
  const list = (year.get('2018-12') ?? []).map((r) => {
    const copy: ParsedReturn = structuredClone(r);
    edit[unitName(r.unitId)]?.(copy);
    return copy;
  });
  return new Map([['2018-12', list]]);
}

const idOf = (name: string) => defaultRegister.units.find((u) => u.name === name)?.id ?? name;
const overlap = (x: readonly string[], y: readonly string[]) => x.filter((id) => y.includes(id));

describe('rates at the thresholds', () => {
  it('a zero plan has no rate (—), no rank and no list; never 0% or Infinity', () => {
    const a = analyse(decemberOnThresholds(), '2018-12');
    const gzl = a.start.units.find((r) => r.name === '公主岭市');
    expect(gzl).toMatchObject({ rate: null, flag: 'none', rank: null });
    expect(formatRate(gzl?.rate ?? null)).toBe('—');
    expect(Object.values(a.start.lists).filter((l) => l.includes(idOf('公主岭市')))).toEqual([
      a.start.lists.noPlan,
    ]);
    const lj = a.expropriation.units.find((r) => r.name === '临江市');
    expect(lj).toMatchObject({ rate: null, flag: 'none', rank: null });
    expect([...a.expropriation.lists.ahead, ...a.expropriation.lists.behind]).not.toContain(idOf('临江市'));
    // The group containing the zero plan still has a rate from the others.
    for (const r of [...a.start.units, ...a.start.groups, a.start.province]) {
      if (r.plan === 0) expect(r.rate).toBeNull();
      else expect(Number.isFinite((r.rate as Rate).num / (r.rate as Rate).den)).toBe(true);
    }
  });

  it.each([
    ['default thresholds', DEFAULT_THRESHOLDS, { 农安县: 'lagging', 伊通县: 'reached', 乾安县: 'lagging' }],
    [
      'warning line 60.01%',
      { ...DEFAULT_THRESHOLDS, startWarning: 60.01 },
      { 农安县: 'below', 伊通县: 'reached' },
    ],
    ['target 99.9%', { ...DEFAULT_THRESHOLDS, startTarget: 99.9 }, { 乾安县: 'reached', 伊通县: 'reached' }],
    ['target 100.01%', { ...DEFAULT_THRESHOLDS, startTarget: 100.01 }, { 伊通县: 'lagging' }],
    [
      'target and warning at 60%',
      { ...DEFAULT_THRESHOLDS, startTarget: 60, startWarning: 60 },
      { 农安县: 'reached' },
    ],
  ] as const)('starts with %s', (_, thresholds, expected) => {
    const a = analyse(decemberOnThresholds(), '2018-12', thresholds);
    const flags = Object.fromEntries(
      Object.keys(expected).map((n) => [n, a.start.units.find((r) => r.name === n)?.flag]),
    );
    expect(flags).toEqual(expected);
    for (const [name, flag] of Object.entries(expected)) {
      const id = idOf(name);
      expect(a.start.lists.reached.includes(id), name).toBe(flag === 'reached');
      expect(a.start.lists.lagging.includes(id), name).toBe(flag !== 'reached');
      expect(a.start.lists.below.includes(id), name).toBe(flag === 'below');
    }
  });

  it.each([
    ['default', DEFAULT_THRESHOLDS, { 长岭县: 'ahead', 磐石市: 'middle' }],
    ['ahead at 80.01%', { ...DEFAULT_THRESHOLDS, expropriationAhead: 80.01 }, { 长岭县: 'middle' }],
    ['behind below 40.01%', { ...DEFAULT_THRESHOLDS, expropriationBehind: 40.01 }, { 磐石市: 'behind' }],
  ] as const)('expropriation with %s', (_, thresholds, expected) => {
    const a = analyse(decemberOnThresholds(), '2018-12', thresholds);
    for (const [name, flag] of Object.entries(expected)) {
      expect(a.expropriation.units.find((r) => r.name === name)?.flag, name).toBe(flag);
      expect(a.expropriation.lists.ahead.includes(idOf(name))).toBe(flag === 'ahead');
      expect(a.expropriation.lists.behind.includes(idOf(name))).toBe(flag === 'behind');
    }
  });

  it.each([
    [
      'default',
      DEFAULT_THRESHOLDS,
      { 松原市: 'middle', 白城市: 'target' },
      { 白城市: 'done', 四平市: 'zero' },
    ],
    [
      'low at 80.01%',
      { ...DEFAULT_THRESHOLDS, allocationLow: 80.01 },
      { 松原市: 'low', 白城市: 'target' },
      { 白城市: 'done' },
    ],
    [
      'target at 80%',
      { ...DEFAULT_THRESHOLDS, allocationTarget: 80, allocationLow: 80 },
      { 松原市: 'target' },
      { 四平市: 'zero' },
    ],
  ] as const)('public rental with %s', (_, thresholds, flags, yearFlags) => {
    const a = analyse(decemberOnThresholds(), '2018-12', thresholds);
    const row = (name: string) => a.publicRental.units.find((r) => r.name === name);
    for (const [name, flag] of Object.entries(flags)) {
      expect(row(name)?.flag, name).toBe(flag);
      expect(a.publicRental.lists.atTarget.includes(idOf(name))).toBe(flag === 'target');
      expect(a.publicRental.lists.low.includes(idOf(name))).toBe(flag === 'low');
    }
    for (const [name, flag] of Object.entries(yearFlags)) {
      expect(row(name)?.yearFlag, name).toBe(flag);
      expect(a.publicRental.lists.yearDone.includes(idOf(name))).toBe(flag === 'done');
      expect(a.publicRental.lists.yearZero.includes(idOf(name))).toBe(flag === 'zero');
    }
  });

  const THRESHOLD_SETS: [string, Thresholds][] = [
    ['default', DEFAULT_THRESHOLDS],
    [
      'strict',
      {
        ...DEFAULT_THRESHOLDS,
        startTarget: 120,
        startWarning: 95,
        expropriationAhead: 95,
        expropriationBehind: 90,
        allocationTarget: 100,
        allocationLow: 99.5,
      },
    ],
    [
      'lenient',
      {
        ...DEFAULT_THRESHOLDS,
        startTarget: 50,
        startWarning: 10,
        expropriationAhead: 30,
        expropriationBehind: 5,
        allocationTarget: 60,
        allocationLow: 20,
        carryOverMany: 1,
      },
    ],
  ];

  it.each(THRESHOLD_SETS)(
    '%s thresholds: no unit in two exclusive lists in any month, and every rated unit in one',
    (_, t) => {
      for (const period of YEAR_PERIODS) {
        const a = analyse(period === '2018-12' ? decemberOnThresholds() : year, period, t);
        const s = a.start.lists;
        expect(overlap(s.reached, s.lagging), period).toEqual([]);
        expect(overlap(s.below, s.reached), period).toEqual([]);
        expect(overlap(s.below, s.lagging), period).toEqual(s.below);
        const rated = a.start.units.filter((r) => r.rate !== null).map((r) => r.id);
        expect([...s.reached, ...s.lagging].sort(), period).toEqual(rated.sort());
        expect(overlap(s.noPlan, [...s.reached, ...s.lagging]), period).toEqual([]);
        expect(overlap(a.loan.lists.withCredit, a.loan.lists.needNoCredit), period).toEqual([]);
        expect(overlap(a.expropriation.lists.ahead, a.expropriation.lists.behind), period).toEqual([]);
        const pr = a.publicRental.lists;
        expect(overlap(pr.atTarget, pr.low), period).toEqual([]);
        expect(overlap(pr.yearDone, pr.yearZero), period).toEqual([]);
        expect(
          pr.yearDone.every((id) => pr.withTask.includes(id)),
          period,
        ).toBe(true);
        expect(
          pr.yearZero.every((id) => pr.withTask.includes(id)),
          period,
        ).toBe(true);
      }
    },
  );

  it('moving the thresholds moves units between the lists, the same way in every month', () => {
    const counts = (t: Thresholds): [number, number][] =>
      YEAR_PERIODS.map((p) => {
        const a = analyse(year, p, t);
        return [a.start.lists.reached.length, a.expropriation.lists.ahead.length];
      });
    const lenient = counts((THRESHOLD_SETS[2] as [string, Thresholds])[1]);
    const def = counts(DEFAULT_THRESHOLDS);
    const strict = counts((THRESHOLD_SETS[1] as [string, Thresholds])[1]);
    lenient.forEach(([reached, ahead], i) => {
      expect(reached).toBeGreaterThanOrEqual(def[i]?.[0] ?? Number.NaN);
      expect(ahead).toBeGreaterThanOrEqual(def[i]?.[1] ?? Number.NaN);
      expect(def[i]?.[0]).toBeGreaterThanOrEqual(strict[i]?.[0] ?? Number.NaN);
    });
    expect(lenient.some(([reached], i) => reached > (def[i]?.[0] ?? 0))).toBe(true);
  });
});
