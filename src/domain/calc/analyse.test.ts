// analysePeriod on synthetic returns: roll-ups, null rates, month increases, warnings, thresholds.
import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../settings';
import type { CarryOverProject, LoanBankLine, ParsedReturn, PeriodKey, ReturnTables } from '../types';
import { defaultRegister } from '../units';
import { analysePeriod, analyseTrends, formatRate } from './index';
import type { MonthIncrease } from './types';

const YI = 100_000_000;

function ret(unitId: string, period: PeriodKey, tables: ReturnTables): ParsedReturn {
  return { unitId, period, cutoff: `${period}-28`, tables };
}

function start(plan: number, started: number, startedMonth: number | null = null): ReturnTables['start'] {
  return { plan, started, startedMonth, declaredRate: null, note: '' };
}

function bank(
  name: string,
  credit: number,
  disbursed: number,
  creditMonth: number | null = null,
  disbursedMonth: number | null = null,
): LoanBankLine {
  return { bank: name, credit, creditMonth, disbursed, disbursedMonth, note: '' };
}

function project(name: string, unfinished = 10): CarryOverProject {
  return { name, households: unfinished * 2, unfinished, reason: '', plannedFinish: '' };
}

function rental(
  raised: number,
  allocated: number,
  yearTask = 0,
  yearAllocated = 0,
  lastYearRate: number | null = null,
): ReturnTables['publicRental'] {
  return {
    raised,
    allocated,
    declaredRate: null,
    yearTask,
    yearAllocated,
    declaredYearRate: null,
    lastYearRate,
  };
}

function analyse(
  byPeriod: Record<PeriodKey, ParsedReturn[]>,
  period: PeriodKey,
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
) {
  return analysePeriod({
    returnsByPeriod: new Map(Object.entries(byPeriod)),
    period,
    register: defaultRegister,
    thresholds,
  });
}

// 长春市 (市区), 农安县, 九台区 are in the 长春市 group; 公主岭市 is 省直管; 通化市 and 通化县 in 通化市.
const CC = '220100';
const NA = '220122';
const JT = '220113';
const GZL = '220381';
const THS = '220500';
const THX = '220521';

const september: ParsedReturn[] = [
  ret(CC, '2018-09', {
    start: start(1000, 1200, 100),
    loan: { need: 10 * YI, banks: [bank('国开行', 5 * YI, 3 * YI), bank('建行', 2 * YI, 4 * YI)] },
    expropriation: { plan: 500, expropriated: 400, demolished: 20, doneMonth: null, note: '' },
    carryOver: [project('一号项目'), project('二号项目')],
    publicRental: rental(1000, 1000, 100, 100, 9900),
  }),
  ret(NA, '2018-09', {
    start: start(800, 0, 0),
    loan: { need: 3 * YI, banks: [] },
    expropriation: { plan: 100, expropriated: 10, demolished: 0, doneMonth: null, note: '' },
    carryOver: [],
    publicRental: rental(300, 200, 50, 0, 7000),
  }),
  ret(JT, '2018-09', {
    start: start(0, 0),
    loan: { need: null, banks: [bank('农发行', 1 * YI, 1 * YI)] },
    expropriation: { plan: 0, expropriated: 5, demolished: 0, doneMonth: null, note: '' },
    carryOver: [project('三号项目')],
    publicRental: rental(0, 0),
  }),
  ret(GZL, '2018-09', {
    start: start(300, 210, 20),
    loan: { need: 2 * YI, banks: [bank('工行', 1 * YI, 0)] },
    expropriation: { plan: 100, expropriated: 50, demolished: 0, doneMonth: null, note: '' },
    carryOver: [],
    publicRental: rental(100, 85, 10, 5, 8600),
  }),
  ret(THS, '2018-09', {
    start: start(700, 450, null),
    expropriation: { plan: 1000, expropriated: 290, demolished: 100, doneMonth: null, note: '' },
  }),
];

describe('analysePeriod roll-ups', () => {
  const a = analyse({ '2018-09': september }, '2018-09');

  it('has one row per reporting unit, in register order, and the missing units', () => {
    expect(a.start.units.map((r) => r.name)).toEqual(['长春市', '九台区', '农安县', '公主岭市', '通化市']);
    expect(a.loan.units.map((r) => r.name)).toEqual(['长春市', '九台区', '农安县', '公主岭市']);
    expect(a.reportedUnits).toHaveLength(5);
    expect(a.missingUnits).toContain(THX);
    expect(a.missingUnits).not.toContain(CC);
  });

  it.each([
    ['start', (s: typeof a) => s.start, ['plan', 'started']],
    ['expropriation', (s: typeof a) => s.expropriation, ['plan', 'expropriated', 'demolished', 'total']],
    ['carryOver', (s: typeof a) => s.carryOver, ['count', 'unfinished']],
    ['publicRental', (s: typeof a) => s.publicRental, ['raised', 'allocated', 'yearTask', 'yearAllocated']],
  ] as const)(
    '%s: each group is the sum of its units and the province the sum of the groups',
    (_, pick, fields) => {
      const section = pick(a) as unknown as {
        units: Record<string, unknown>[];
        groups: Record<string, unknown>[];
        province: Record<string, unknown>;
      };
      for (const field of fields) {
        for (const g of section.groups) {
          const parts = section.units.filter((u) => u.groupId === g.id);
          expect(g[field]).toBe(parts.reduce((s, u) => s + (u[field] as number), 0));
        }
        expect(section.province[field]).toBe(section.groups.reduce((s, g) => s + (g[field] as number), 0));
        expect(section.province[field]).toBe(section.units.reduce((s, u) => s + (u[field] as number), 0));
      }
    },
  );

  it('groups 省直管 apart from its prefecture and names the groups', () => {
    expect(a.start.groups.map((g) => [g.id, g.name, g.plan])).toEqual([
      ['220100', '长春市', 1800],
      ['220500', '通化市', 700],
      ['direct', '省直管', 300],
    ]);
    expect(a.start.province).toMatchObject({ kind: 'province', name: '全省合计', plan: 2800, started: 1860 });
    expect(formatRate(a.start.province.rate)).toBe('66.43%');
  });

  it('sums loans per bank, per category and in total', () => {
    const p = a.loan.province;
    expect(a.loan.banks).toEqual(['国家开发银行', '中国农业发展银行', '中国建设银行', '中国工商银行']);
    expect(p.policy.credit).toBe(6 * YI);
    expect(p.commercial.credit).toBe(3 * YI);
    expect(p.total.credit).toBe(p.policy.credit + p.commercial.credit);
    expect(p.total.disbursed).toBe(8 * YI);
    expect(p.need).toBe(15 * YI);
    const changchun = a.loan.groups.find((g) => g.id === CC);
    expect(changchun?.need).toBe(13 * YI);
    expect(changchun?.banks.map((b) => b.shortName)).toEqual(['国开行', '农发行', '建设银行']);
    // 建行 disbursed 4亿 on 2亿 of this year's credit: allowed, no warning.
    expect(a.warnings.filter((w) => w.table === 'loan')).toEqual([]);
    expect(a.loan.lists.withCredit).toEqual([CC, JT, GZL]);
    expect(a.loan.lists.needNoCredit).toEqual([NA]);
  });

  it('gives a zero plan no rate and leaves it out of ranks and lists', () => {
    const jiutai = a.start.units.find((r) => r.id === JT);
    expect(jiutai?.rate).toBeNull();
    expect(formatRate(jiutai?.rate ?? null)).toBe('—');
    expect(jiutai?.flag).toBe('none');
    expect(jiutai?.rank).toBeNull();
    expect(a.start.lists.noPlan).toEqual([JT]);
    const lists = Object.entries(a.start.lists).filter(([k]) => k !== 'noPlan');
    for (const [, ids] of lists) expect(ids).not.toContain(JT);
    expect(a.expropriation.units.find((r) => r.id === JT)?.rate).toBeNull();
    expect(a.publicRental.units.find((r) => r.id === JT)?.flag).toBe('none');
  });

  it('flags, ranks and lists starts', () => {
    const byId = new Map(a.start.units.map((r) => [r.id, r]));
    expect([CC, NA, GZL, THS].map((id) => byId.get(id)?.flag)).toEqual([
      'reached',
      'below',
      'lagging',
      'lagging',
    ]);
    expect([CC, NA, GZL, THS].map((id) => byId.get(id)?.rank)).toEqual([1, 4, 2, 3]);
    expect(a.start.lists).toMatchObject({ reached: [CC], lagging: [NA, THS, GZL], below: [NA] });
  });

  it('flags expropriation, public rental and the year task', () => {
    expect(a.expropriation.lists).toEqual({ ahead: [CC], behind: [NA, THS] });
    expect(a.publicRental.lists).toEqual({
      atTarget: [CC],
      low: [NA],
      withTask: [CC, NA, GZL],
      yearDone: [CC],
      yearZero: [NA],
      fell: [NA, GZL],
    });
    expect(a.carryOver.lists.many).toEqual([]);
  });

  it('a group rank ranks groups among themselves', () => {
    expect(a.start.groups.map((g) => g.rank)).toEqual([2, 3, 1]);
  });
});

describe('thresholds move units between flags', () => {
  it.each([
    [DEFAULT_THRESHOLDS, { reached: [CC], below: [NA] }],
    [
      { ...DEFAULT_THRESHOLDS, startWarning: 65 },
      { reached: [CC], below: [NA, THS] },
    ],
    [
      { ...DEFAULT_THRESHOLDS, startWarning: 70 },
      { reached: [CC], below: [NA, THS] },
    ],
    [
      { ...DEFAULT_THRESHOLDS, startWarning: 70.1 },
      { reached: [CC], below: [NA, THS, GZL] },
    ],
    [
      { ...DEFAULT_THRESHOLDS, startTarget: 70 },
      { reached: [CC, GZL], below: [NA] },
    ],
    [
      { ...DEFAULT_THRESHOLDS, startTarget: 70.1 },
      { reached: [CC], below: [NA] },
    ],
  ])('start %j', (thresholds, expected) => {
    const a = analyse({ '2018-09': september }, '2018-09', thresholds);
    expect(a.start.lists).toMatchObject(expected);
  });

  it.each([
    [
      { expropriationAhead: 80, expropriationBehind: 40 },
      { ahead: [CC], behind: [NA, THS] },
    ],
    [
      { expropriationAhead: 40, expropriationBehind: 40 },
      { ahead: [CC, GZL], behind: [NA, THS] },
    ],
    [
      { expropriationAhead: 90, expropriationBehind: 5 },
      { ahead: [], behind: [] },
    ],
  ])('expropriation %j', (change, expected) => {
    const a = analyse({ '2018-09': september }, '2018-09', { ...DEFAULT_THRESHOLDS, ...change });
    expect(a.expropriation.lists).toEqual(expected);
  });

  it.each([
    [
      { allocationLow: 80, allocationTarget: 100 },
      { atTarget: [CC], low: [NA] },
    ],
    [
      { allocationLow: 90, allocationTarget: 85 },
      { atTarget: [CC, GZL], low: [NA] },
    ],
  ])('public rental %j', (change, expected) => {
    const a = analyse({ '2018-09': september }, '2018-09', { ...DEFAULT_THRESHOLDS, ...change });
    expect(a.publicRental.lists).toMatchObject(expected);
  });

  it('carry-over: units with many projects, most first', () => {
    const a = analyse({ '2018-09': september }, '2018-09', { ...DEFAULT_THRESHOLDS, carryOverMany: 1 });
    expect(a.carryOver.lists.many).toEqual([CC, JT]);
  });
});

const increase = (m: MonthIncrease | undefined) => [m?.value, m?.source];

describe('month increases', () => {
  const august: ParsedReturn[] = [
    ret(CC, '2018-08', {
      start: start(1000, 1100),
      loan: { need: 10 * YI, banks: [bank('国开行', 5 * YI, 2 * YI), bank('浦发', 1 * YI, 1 * YI)] },
      expropriation: { plan: 500, expropriated: 390, demolished: 20, doneMonth: null, note: '' },
      carryOver: [project('一号项目'), project('旧项目'), project('二号 项目')],
      publicRental: rental(1000, 990),
    }),
    // 公主岭市 reported a higher cumulative start in August than in September.
    ret(GZL, '2018-08', { start: start(300, 230) }),
  ];
  const a = analyse({ '2018-08': august, '2018-09': september }, '2018-09');

  it('computes from the previous period where the unit has it, else takes the declared figure', () => {
    const byId = new Map(a.start.units.map((r) => [r.id, r]));
    expect(increase(byId.get(CC)?.startedMonth)).toEqual([100, 'computed']);
    // 农安县 has no August return: its declared 本月 is used and marked as such.
    expect(increase(byId.get(NA)?.startedMonth)).toEqual([0, 'declared']);
    // 通化市 has neither.
    expect(increase(byId.get(THS)?.startedMonth)).toEqual([null, 'none']);
    const cc = a.start.groups.find((g) => g.id === CC);
    expect(cc?.startedMonth).toMatchObject({ value: 100, source: 'declared', incomplete: true });
    const th = a.start.groups.find((g) => g.id === THS);
    expect(th?.startedMonth).toMatchObject({ value: null, source: 'none', incomplete: true });
  });

  it('warns when a declared 本月 disagrees with the computed increase', () => {
    const b = analyse(
      {
        '2018-08': august,
        '2018-09': september.map((r) =>
          r.unitId === CC ? ret(CC, '2018-09', { ...r.tables, start: start(1000, 1200, 90) }) : r,
        ),
      },
      '2018-09',
    );
    const w = b.warnings.filter((x) => x.code === 'increase.mismatch');
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({
      unitId: CC,
      table: 'start',
      field: 'started',
      periods: ['2018-08', '2018-09'],
    });
    expect(w[0]?.message).toContain('长春市');
    expect(w[0]?.message).toContain('90');
    expect(w[0]?.message).toContain('100');
  });

  it('flags a falling cumulative figure naming both periods', () => {
    const fell = a.warnings.filter((w) => w.code === 'cumulative.fell' && w.unitId === GZL);
    expect(fell).toHaveLength(1);
    expect(fell[0]).toMatchObject({ unitId: GZL, field: 'started', periods: ['2018-08', '2018-09'] });
    expect(fell[0]?.message).toMatch(/公主岭市.*2018年1-8月.*230套.*2018年1-9月.*210套/);
    expect(a.start.units.find((r) => r.id === GZL)?.startedMonth.value).toBe(-20);
  });

  it('handles a bank present in only one of the two periods', () => {
    const cc = a.loan.units.find((r) => r.id === CC);
    const banks = new Map(cc?.banks.map((b) => [b.shortName, b]));
    // 建设银行 is new in September: its whole figure is this month's.
    expect(increase(banks.get('建设银行')?.creditMonth)).toEqual([2 * YI, 'computed']);
    // 国开行 disbursed 1亿 more; credit unchanged.
    expect(increase(banks.get('国开行')?.disbursedMonth)).toEqual([1 * YI, 'computed']);
    expect(increase(banks.get('国开行')?.creditMonth)).toEqual([0, 'computed']);
    // 浦发 only in August: shown at zero, and its fall is flagged.
    expect(banks.get('浦发银行')).toMatchObject({ credit: 0, disbursed: 0 });
    expect(
      a.warnings.filter((w) => w.unitId === CC && w.code === 'cumulative.fell').map((w) => w.field),
    ).toEqual(['credit:上海浦东发展银行', 'disbursed:上海浦东发展银行']);
    expect(cc?.total.creditMonth.value).toBe(2 * YI - 1 * YI);
  });

  it('compares carry-over projects by normalised name with the previous month', () => {
    const cc = a.carryOver.units.find((r) => r.id === CC);
    expect(cc).toMatchObject({ count: 2, previousCount: 3, finished: 1, added: 0 });
    expect(a.carryOver.finishedProjects.map((p) => p.project.name)).toEqual(['旧项目']);
    expect(a.carryOver.units.find((r) => r.id === JT)).toMatchObject({
      previousCount: null,
      finished: 0,
      added: 0,
    });
    expect(a.carryOver.province).toMatchObject({ count: 3, previousCount: 3, finished: 1 });
  });

  it('matches projects of the same name one by one: one of two namesakes finishing is one finished', () => {
    const b = analyse(
      {
        '2018-08': [ret(CC, '2018-08', { carryOver: [project('棚改项目', 10), project('棚改项目', 20)] })],
        '2018-09': [ret(CC, '2018-09', { carryOver: [project('棚改项目', 20), project('新项目')] })],
      },
      '2018-09',
    );
    expect(b.carryOver.units[0]).toMatchObject({
      count: 2,
      previousCount: 2,
      finished: 1,
      added: 1,
      change: 0,
    });
    expect(b.carryOver.finishedProjects.map((p) => p.project.name)).toEqual(['棚改项目']);
    expect(b.carryOver.newProjects.map((p) => p.project.name)).toEqual(['新项目']);
  });

  it('a unit without last month is left out of the change, not counted as a rise', () => {
    const b = analyse(
      {
        '2018-08': [ret(CC, '2018-08', { carryOver: [project('甲'), project('乙')] })],
        '2018-09': [
          ret(CC, '2018-09', { carryOver: [project('甲')] }),
          ret(NA, '2018-09', { carryOver: [project('丙'), project('丁'), project('戊')] }),
        ],
      },
      '2018-09',
    );
    expect(b.carryOver.units.map((r) => [r.name, r.previousCount, r.change])).toEqual([
      ['长春市', 2, -1],
      ['农安县', null, null],
    ]);
    expect(b.carryOver.province).toMatchObject({
      count: 4,
      previousCount: 2,
      finished: 1,
      added: 0,
      change: -1,
    });
    expect(b.carryOver.groups[0]?.change).toBe(-1);
    const none = analyse({ '2018-09': [ret(NA, '2018-09', { carryOver: [project('丙')] })] }, '2018-09');
    expect(none.carryOver.province.change).toBeNull();
  });

  it('treats January as its own increase and compares stock figures across the year boundary', () => {
    const december = [
      ret(CC, '2017-12', {
        carryOver: [project('一号项目'), project('老项目')],
        publicRental: rental(900, 800),
      }),
    ];
    const january = [
      ret(CC, '2018-01', {
        start: start(1000, 40, 30),
        carryOver: [project('一号项目'), project('新项目')],
        publicRental: rental(1000, 850),
      }),
    ];
    const b = analyse({ '2017-12': december, '2018-01': january }, '2018-01');
    expect(b.previousPeriod).toBeNull();
    expect(b.previousMonth).toBe('2017-12');
    expect(increase(b.start.units[0]?.startedMonth)).toEqual([40, 'computed']);
    expect(b.warnings.map((w) => [w.code, w.periods])).toEqual([['increase.mismatch', ['2018-01']]]);
    expect(b.carryOver.units[0]).toMatchObject({ count: 2, previousCount: 2, finished: 1, added: 1 });
    expect(b.carryOver.newProjects.map((p) => p.project.name)).toEqual(['新项目']);
    expect(increase(b.publicRental.units[0]?.allocatedMonth)).toEqual([50, 'computed']);
  });

  it('leaves out of this period a unit that reported only the previous one', () => {
    const withThx = analyse(
      {
        '2018-08': [
          ...august,
          ret(THX, '2018-08', { start: start(50, 40), carryOver: [project('通化县项目')] }),
        ],
        '2018-09': september,
      },
      '2018-09',
    );
    expect(withThx.missingUnits).toContain(THX);
    expect(withThx.start.units.map((r) => r.id)).not.toContain(THX);
    expect(withThx.start.province.plan).toBe(a.start.province.plan);
    // Its August projects are not counted as finished in September: it did not report.
    expect(withThx.carryOver.province).toMatchObject({ previousCount: 3, finished: 1 });
    expect(withThx.warnings).toEqual(a.warnings);
  });

  it('sums the province trend over stored periods', () => {
    const trend = analyseTrends(
      new Map([
        ['2018-09', september],
        ['2018-08', august],
      ]),
      defaultRegister,
    );
    expect(trend.map((p) => [p.period, p.label, p.started, p.unitsReported])).toEqual([
      ['2018-08', '2018年1-8月', 1330, 2],
      ['2018-09', '2018年1-9月', 1860, 5],
    ]);
    expect(trend[1]?.disbursed).toBe(9 * YI - 1 * YI);
    expect(formatRate(trend[0]?.allocationRate ?? null)).toBe('99.00%');
  });
});
