// The overview's comparisons on small returns built here: exact differences, nothing stored means no figure
// (never 0), a table nobody reported has no figure, and the largest movers of the month table.
import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../settings';
import type { ParsedReturn, PeriodKey, ReturnTables } from '../types';
import { defaultRegister } from '../units';
import { analysePeriod } from './index';
import {
  compare,
  figureAt,
  figureView,
  monthsOfYearTo,
  monthTable,
  overviewPeriods,
  PROVINCE_SCOPE,
  subtractExact,
} from './overview';
import type { PeriodAnalysis } from './types';

function start(plan: number, started: number): ReturnTables {
  return { start: { plan, started, startedMonth: null, declaredRate: null, note: '' } };
}

function ret(unitId: string, period: PeriodKey, tables: ReturnTables): ParsedReturn {
  return { unitId, period, cutoff: `${period}-28`, tables };
}

function analyser(byPeriod: Record<PeriodKey, ParsedReturn[]>) {
  const store = new Map(Object.entries(byPeriod));
  return (period: PeriodKey): PeriodAnalysis | null =>
    (store.get(period)?.length ?? 0) > 0
      ? analysePeriod({
          returnsByPeriod: store,
          period,
          register: defaultRegister,
          thresholds: DEFAULT_THRESHOLDS,
        })
      : null;
}

describe('subtractExact', () => {
  it.each([
    [
      { num: 5, den: 1 },
      { num: 3, den: 1 },
      { num: 2, den: 1 },
    ],
    [
      { num: 1, den: 2 },
      { num: 1, den: 3 },
      { num: 1, den: 6 },
    ],
    [
      { num: 1, den: 4 },
      { num: 3, den: 4 },
      { num: -2, den: 4 },
    ],
    [
      { num: 81948, den: 95270 },
      { num: 70000, den: 95270 },
      { num: 11948, den: 95270 },
    ],
  ])('%j − %j = %j', (a, b, d) => {
    expect(subtractExact(a, b)).toEqual(d);
  });
});

describe('compare', () => {
  const at = (num: number, den: number, units: number) => ({ value: { num, den }, units });
  it('is null when either side is unknown, and says when the units differ', () => {
    expect(compare(at(5, 1, 3), null, '2018-08').delta).toBeNull();
    expect(compare(null, at(5, 1, 3), '2018-08').delta).toBeNull();
    expect(compare({ value: null, units: 2 }, at(5, 1, 3), '2018-08').delta).toBeNull();
    expect(compare(at(5, 1, 3), at(2, 1, 3), '2018-08')).toMatchObject({
      delta: { num: 3, den: 1 },
      unitsDiffer: false,
    });
    expect(compare(at(5, 1, 3), at(2, 1, 2), '2018-08').unitsDiffer).toBe(true);
  });
});

describe('periods', () => {
  it.each([
    ['2018-01', ['2017-12', '2017-01']],
    ['2018-03', ['2018-02', '2017-03']],
  ])('%s reads %j', (period, expected) => {
    expect(overviewPeriods(period)).toEqual(expected);
  });

  it.each(Array.from({ length: 12 }, (_, i) => i + 1))(
    'month %i of the year has that many months so far',
    (m) => {
      const period = `2018-${String(m).padStart(2, '0')}`;
      const months = monthsOfYearTo(period);
      expect(months).toHaveLength(m);
      expect(months.at(-1)).toBe(period);
      expect(months[0]).toBe('2018-01');
    },
  );
});

describe('figures that do not exist', () => {
  it('a stored period where no unit reported the table has no figure and no change — not 0', () => {
    const at = analyser({
      '2018-08': [ret('220122', '2018-08', start(100, 40))],
      '2018-09': [ret('220122', '2018-09', start(100, 50))],
    });
    const credit = figureView('credit', PROVINCE_SCOPE, '2018-09', at);
    expect(credit.now).toBeNull();
    expect(credit.month.delta).toBeNull();
    // The province row of an unreported table is all zeros in the analysis: the figure must not take them.
    expect(at('2018-09')?.loan.province.total.credit).toBe(0);
    expect(figureView('started', PROVINCE_SCOPE, '2018-09', at).month.delta).toEqual({ num: 10, den: 1 });
  });

  it('a rate without a plan has no value, and neither has its change', () => {
    const at = analyser({
      '2018-08': [ret('220122', '2018-08', start(0, 0))],
      '2018-09': [ret('220122', '2018-09', start(0, 0))],
    });
    const rate = figureView('startRate', PROVINCE_SCOPE, '2018-09', at);
    expect(rate.now).toEqual({ value: null, units: 1 });
    expect(rate.month.delta).toBeNull();
  });

  it('a group without a return has no figure', () => {
    const at = analyser({ '2018-09': [ret('220122', '2018-09', start(100, 50))] });
    expect(figureAt(at('2018-09'), 'started', '220100')).toEqual({ value: { num: 50, den: 1 }, units: 1 });
    expect(figureAt(at('2018-09'), 'started', '220200')).toBeNull();
  });
});

describe('monthTable movers', () => {
  // Three groups: 长春 (+10), 吉林 (+10, tie), 四平 (−4), 辽源 (0).
  const at = analyser({
    '2018-08': [
      ret('220122', '2018-08', start(100, 40)),
      ret('220221', '2018-08', start(100, 30)),
      ret('220322', '2018-08', start(100, 20)),
      ret('220421', '2018-08', start(100, 10)),
    ],
    '2018-09': [
      ret('220122', '2018-09', start(100, 50)),
      ret('220221', '2018-09', start(100, 40)),
      ret('220322', '2018-09', start(100, 16)),
      ret('220421', '2018-09', start(100, 10)),
    ],
  });
  const rows = monthTable('2018-09', at, defaultRegister.groups());

  it('lists the province, then the groups with a return, register order', () => {
    expect(rows.map((r) => r.name)).toEqual(['全省合计', '长春市', '吉林市', '四平市', '辽源市']);
  });

  it('marks both groups of a tied largest rise, the largest fall, and never a zero change', () => {
    const started = (name: string) =>
      rows.find((r) => r.name === name)?.cells.find((c) => c.key === 'started');
    expect(started('长春市')?.mover).toBe('rise');
    expect(started('吉林市')?.mover).toBe('rise');
    expect(started('四平市')?.mover).toBe('fall');
    expect(started('辽源市')?.mover).toBeNull();
    expect(started('全省合计')?.mover).toBeNull();
    expect(started('全省合计')?.month.delta).toEqual({ num: 16, den: 1 });
  });

  it('marks rates by their exact change', () => {
    const rate = (name: string) =>
      rows.find((r) => r.name === name)?.cells.find((c) => c.key === 'startRate');
    expect(rate('长春市')?.month.delta).toEqual({ num: 10, den: 100 });
    expect(rate('长春市')?.mover).toBe('rise');
    expect(rate('四平市')?.mover).toBe('fall');
  });

  it('has no rows without an analysis of the period', () => {
    expect(monthTable('2018-10', at, defaultRegister.groups())).toEqual([]);
  });
});
