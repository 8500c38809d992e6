// The analysis of the 100 sample returns (read by the real reader) against the 2018-10-10 bulletin's figures
// and lists, where the bulletin is consistent with itself (it is not on 东辽县 at 100% and below 80%, on
// 镇赉县's fall, nor on its disbursed total 253.54亿元, whose parts add up to 252.32亿元).
import { beforeAll, describe, expect, it } from 'vitest';
import { analysePeriod, analyseTrends, formatRate, formatYi } from '../domain/calc';
import type { PeriodAnalysis } from '../domain/calc/types';
import { DEFAULT_THRESHOLDS } from '../domain/settings';
import type { ParsedReturn, PeriodKey } from '../domain/types';
import { defaultRegister } from '../domain/units';
import { loadSampleReturns } from './load-samples';

let samples: Map<PeriodKey, ParsedReturn[]>;
let a: PeriodAnalysis;

const names = (ids: readonly string[]) => ids.map((id) => defaultRegister.unit(id)?.name ?? id);
const sorted = (list: readonly string[]) => [...list].sort();
// The bulletin names a few units with their prefecture or in full.
const BULLETIN_NAMES: Record<string, string> = { 长春市九台区: '九台区', 白山市江源区: '江源区' };
const fromBulletin = (text: string) => text.split('、').map((n) => BULLETIN_NAMES[n] ?? n);

beforeAll(() => {
  samples = loadSampleReturns();
  a = analysePeriod({
    returnsByPeriod: samples,
    period: '2018-09',
    register: defaultRegister,
    thresholds: DEFAULT_THRESHOLDS,
  });
}, 60_000);

describe('2018-09 province figures equal the bulletin', () => {
  it('starts: plan 95,270, started 81,948, 86.02%', () => {
    expect(a.reportedUnits).toHaveLength(50);
    expect(a.start.province).toMatchObject({ plan: 95_270, started: 81_948 });
    expect(formatRate(a.start.province.rate)).toBe('86.02%');
  });

  it('loans: need 200亿, credit 310.04 = 12.46 + 197.54 + 100.04, disbursed 252.32 = 56.85 + 106.63 + 88.84', () => {
    const p = a.loan.province;
    const bank = (short: string) => p.banks.find((b) => b.shortName === short);
    expect(formatYi(p.need ?? 0)).toBe('200.00');
    expect(formatYi(p.total.credit)).toBe('310.04');
    expect(formatYi(bank('国开行')?.credit ?? -1)).toBe('12.46');
    expect(formatYi(bank('农发行')?.credit ?? -1)).toBe('197.54');
    expect(formatYi(p.commercial.credit)).toBe('100.04');
    expect(
      ['建设银行', '工商银行', '浦发银行', '光大银行', '邮政储蓄银行'].map((s) =>
        formatYi(bank(s)?.credit ?? -1),
      ),
    ).toEqual(['37.22', '25.00', '1.20', '26.62', '10.00']);
    expect(formatYi(p.total.disbursed)).toBe('252.32');
    expect(formatYi(bank('国开行')?.disbursed ?? -1)).toBe('56.85');
    expect(formatYi(bank('农发行')?.disbursed ?? -1)).toBe('106.63');
    expect(formatYi(p.commercial.disbursed)).toBe('88.84');
    expect(p.total.credit).toBe(p.policy.credit + p.commercial.credit);
    expect(p.total.disbursed).toBe(p.banks.reduce((s, b) => s + b.disbursed, 0));
  });

  it('September: no new credit; 1.22亿 disbursed, all of it at 农发行, computed from August', () => {
    const p = a.loan.province;
    expect(p.total.creditMonth).toMatchObject({ value: 0, source: 'computed', incomplete: false });
    expect(p.total.disbursedMonth).toMatchObject({ value: 122_000_000, source: 'computed' });
    const increases = p.banks
      .filter((b) => b.disbursedMonth.value !== 0)
      .map((b) => [b.shortName, b.disbursedMonth.value]);
    expect(increases).toEqual([['农发行', 122_000_000]]);
  });

  it('expropriation: 38,028 + 316 = 38,344 户', () => {
    expect(a.expropriation.province).toMatchObject({ expropriated: 38_028, demolished: 316, total: 38_344 });
  });

  it('carry-over: 78 unfinished projects, 84 in August', () => {
    expect(a.carryOver.province.count).toBe(78);
    expect(a.carryOver.projects).toHaveLength(78);
    expect(a.carryOver.province.previousCount).toBe(84);
    expect(a.carryOver.province.previousCount ?? 0).toBe(
      a.carryOver.province.count + a.carryOver.province.finished - a.carryOver.province.added,
    );
    // Every unit has both months: the change is the difference of the counts, as the bulletin says (减少6个).
    expect(a.carryOver.province.change).toBe(78 - 84);
    expect(a.carryOver.province.change).toBe(a.carryOver.province.added - a.carryOver.province.finished);
    // 涉及户数 and 未完成拆迁户数 of the province are the sums over the project list itself.
    const projects = a.carryOver.projects.map((p) => p.project);
    expect(a.carryOver.province.households).toBe(projects.reduce((n, p) => n + p.households, 0));
    expect(a.carryOver.province.unfinished).toBe(projects.reduce((n, p) => n + p.unfinished, 0));
    expect(a.carryOver.province.households).toBeGreaterThan(a.carryOver.province.unfinished);
  });

  it('public rental: raised 336,200, allocated 319,600, 95.06%; task 5,000 in 13 units, 1,043 allocated, 20.9%', () => {
    const p = a.publicRental.province;
    expect(p).toMatchObject({ raised: 336_200, allocated: 319_600, yearTask: 5_000, yearAllocated: 1_043 });
    expect(formatRate(p.rate)).toBe('95.06%');
    expect(formatRate(p.yearRate, 1)).toBe('20.9%');
    expect(a.publicRental.lists.withTask).toHaveLength(13);
  });
});

describe('2018-09 lists equal the bulletin', () => {
  it('25 units reached 100%', () => {
    const bulletin =
      '通化县、扶余市、长白县、白城市、靖宇县、梨树县、白山市、集安市、长春市、图们市、抚松县、和龙市、辉南县、洮南市、延吉市、永吉县、大安市、汪清县、桦甸市、蛟河市、通榆县、东丰县、敦化市、柳河县、镇赉县';
    expect(sorted(names(a.start.lists.reached))).toEqual(sorted(fromBulletin(bulletin)));
  });

  it('22 units lagging, all with a plan', () => {
    const bulletin =
      '农安县、伊通县、乾安县、前郭县、长春市九台区、四平市、通化市、德惠市、吉林市、双辽市、龙井市、辽源市、榆树市、松原市、磐石市、长白山管委会、安图县、江源区、梅河口市、舒兰市、长岭县、东辽县';
    expect(sorted(names(a.start.lists.lagging))).toEqual(sorted(fromBulletin(bulletin)));
    expect(a.start.units.filter((r) => r.rate !== null)).toHaveLength(47);
  });

  it('7 below 60%, lowest first, with their rates', () => {
    const rows = a.start.lists.below.map((id) => a.start.units.find((r) => r.id === id));
    expect(rows.map((r) => `${r?.name}${formatRate(r?.rate ?? null, 1)}`)).toEqual([
      '农安县0.0%',
      '伊通县5.2%',
      '乾安县29.5%',
      '前郭县30.3%',
      '四平市41.6%',
      '九台区41.7%',
      '通化市47.0%',
    ]);
  });

  it('33 units with credit and 11 with a need and none', () => {
    const withCredit =
      '长春市、九台区、榆树市、吉林市、永吉县、舒兰市、蛟河市、磐石市、桦甸市、双辽市、梨树县、伊通县、辽源市、东辽县、通化市、梅河口市、辉南县、集安市、抚松县、长白县、临江市、扶余市、长岭县、乾安县、镇赉县、洮南市、大安市、图们市、敦化市、和龙市、汪清县、安图县、长白山管委会';
    const without = '德惠市、农安县、四平市、东丰县、通化县、靖宇县、松原市、前郭县、通榆县、延吉市、龙井市';
    expect(sorted(names(a.loan.lists.withCredit))).toEqual(sorted(fromBulletin(withCredit)));
    expect(sorted(names(a.loan.lists.needNoCredit))).toEqual(sorted(fromBulletin(without)));
  });

  it('expropriation ahead and behind', () => {
    const ahead =
      '白城市、图们市、九台区、镇赉县、和龙市、榆树市、通化市、德惠市、梅河口市、公主岭市、梨树县、辉南县、龙井市、四平市';
    const behind = '通榆县、磐石市、临江市、集安市、抚松县、前郭县、永吉县、靖宇县、通化县、东丰县、东辽县';
    expect(sorted(names(a.expropriation.lists.ahead))).toEqual(sorted(fromBulletin(ahead)));
    expect(sorted(names(a.expropriation.lists.behind))).toEqual(sorted(fromBulletin(behind)));
  });

  it('units with 10 or more carry-over projects: 长春市 (19), 松原市 (13)', () => {
    expect(
      a.carryOver.lists.many.map((id) => [
        defaultRegister.unit(id)?.name,
        a.carryOver.units.find((r) => r.id === id)?.count,
      ]),
    ).toEqual([
      ['长春市', 19],
      ['松原市', 13],
    ]);
  });

  it('public rental: 7 below 80%; 100% as the bulletin less 东辽县 (70.84%)', () => {
    expect(sorted(names(a.publicRental.lists.low))).toEqual(
      sorted(fromBulletin('伊通县、松原市、四平市、东辽县、农安县、长白县、白城市')),
    );
    const atTarget =
      '长春市、辽源市、白山市、白山市江源区、抚松县、临江市、敦化市、和龙市、安图县、永吉县、靖宇县、长岭县、龙井市、图们市、舒兰市、蛟河市、洮南市、通化县、柳河县、梅河口市、桦甸市、长春市九台区、东丰县、镇赉县、梨树县、长白山管委会、磐石市、乾安县、扶余市';
    expect(sorted(names(a.publicRental.lists.atTarget))).toEqual(sorted(fromBulletin(atTarget)));
  });

  it('year task: 5 done, 6 at zero; rate fell against last year as the bulletin less 镇赉县 (100% against 91.5%)', () => {
    expect(sorted(names(a.publicRental.lists.yearDone))).toEqual(
      sorted(fromBulletin('大安市、珲春市、延吉市、辽源市、辉南县')),
    );
    expect(sorted(names(a.publicRental.lists.yearZero))).toEqual(
      sorted(fromBulletin('四平市、农安县、白城市、前郭县、德惠市、公主岭市')),
    );
    expect(sorted(names(a.publicRental.lists.fell))).toEqual(sorted(fromBulletin('东辽县、通榆县、吉林市')));
  });

  it('exclusive lists share no unit', () => {
    const overlap = (x: readonly string[], y: readonly string[]) => x.filter((id) => y.includes(id));
    expect(overlap(a.start.lists.reached, a.start.lists.lagging)).toEqual([]);
    expect(overlap(a.loan.lists.withCredit, a.loan.lists.needNoCredit)).toEqual([]);
    expect(overlap(a.expropriation.lists.ahead, a.expropriation.lists.behind)).toEqual([]);
    expect(overlap(a.publicRental.lists.atTarget, a.publicRental.lists.low)).toEqual([]);
    expect(overlap(a.publicRental.lists.yearDone, a.publicRental.lists.yearZero)).toEqual([]);
  });
});

describe('roll-ups and trends on the samples', () => {
  it('every group is the sum of its units, the province the sum of the groups', () => {
    const checks: [string, { units: object[]; groups: object[]; province: object }, string[]][] = [
      ['start', a.start, ['plan', 'started']],
      ['expropriation', a.expropriation, ['plan', 'expropriated', 'demolished', 'total']],
      ['carryOver', a.carryOver, ['count', 'unfinished', 'finished', 'added']],
      ['publicRental', a.publicRental, ['raised', 'allocated', 'yearTask', 'yearAllocated']],
    ];
    const field = (row: object, key: string) => (row as Record<string, number>)[key] ?? Number.NaN;
    for (const [, section, fields] of checks) {
      for (const key of fields) {
        expect(Number.isInteger(field(section.province, key))).toBe(true);
        for (const g of section.groups) {
          const parts = section.units.filter(
            (u) => (u as { groupId: string }).groupId === (g as { id: string }).id,
          );
          expect(field(g, key)).toBe(parts.reduce((s, u) => s + field(u, key), 0));
        }
        expect(field(section.province, key)).toBe(section.groups.reduce((s, g) => s + field(g, key), 0));
      }
    }
    for (const g of a.loan.groups) {
      const parts = a.loan.units.filter((u) => u.groupId === g.id);
      expect(g.total.credit).toBe(parts.reduce((s, u) => s + u.total.credit, 0));
      expect(g.total.disbursed).toBe(parts.reduce((s, u) => s + u.total.disbursed, 0));
    }
    expect(a.loan.province.total.credit).toBe(a.loan.groups.reduce((s, g) => s + g.total.credit, 0));
    expect(a.start.groups.map((g) => g.name)).toEqual([...defaultRegister.groups().map((g) => g.name)]);
  });

  it('August to September: every increase computed, and the declared 本月 figures agree', () => {
    expect(a.start.province.startedMonth).toMatchObject({ source: 'computed', incomplete: false });
    expect(a.warnings).toEqual([]);
  });

  it('the trend has both periods', () => {
    const trend = analyseTrends(samples, defaultRegister);
    expect(trend.map((p) => p.period)).toEqual(['2018-08', '2018-09']);
    expect(trend[1]).toMatchObject({
      started: 81_948,
      disbursed: a.loan.province.total.disbursed,
      carryOverCount: 78,
    });
    expect(trend[0]?.carryOverCount).toBe(84);
  });
});
