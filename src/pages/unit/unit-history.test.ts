import { describe, expect, it } from 'vitest';
import { analysePeriod } from '../../domain/calc';
import { DEFAULT_THRESHOLDS } from '../../domain/settings';
import type { ParsedReturn } from '../../domain/types';
import { defaultRegister } from '../../domain/units';
import { unitHistory } from './unit-history';

const NONGAN = '220122';

function startReturn(unitId: string, period: string, plan: number, started: number): ParsedReturn {
  return {
    unitId,
    period,
    cutoff: `${period}-28`,
    tables: {
      start: { plan, started, startedMonth: null, declaredRate: null, note: '' },
      carryOver: [],
    },
  };
}

describe('unitHistory', () => {
  const byPeriod = new Map<string, ParsedReturn[]>([
    ['2018-07', [startReturn(NONGAN, '2018-07', 1000, 100), startReturn('220113', '2018-07', 50, 50)]],
    ['2018-08', [startReturn('220113', '2018-08', 50, 50)]],
    ['2018-09', [startReturn(NONGAN, '2018-09', 1000, 400), startReturn('220113', '2018-09', 50, 50)]],
  ]);
  const history = unitHistory(byPeriod, NONGAN, defaultRegister, DEFAULT_THRESHOLDS);

  it('lists only the periods the unit reported, oldest first', () => {
    expect(history.map((h) => h.period)).toEqual(['2018-07', '2018-09']);
  });

  it('gives the same unit row as the analysis of the whole province', () => {
    for (const point of history) {
      const whole = analysePeriod({
        returnsByPeriod: byPeriod,
        period: point.period,
        register: defaultRegister,
        thresholds: DEFAULT_THRESHOLDS,
      });
      const row = whole.start.units.find((u) => u.id === NONGAN);
      expect(point.start?.started).toBe(row?.started);
      expect(point.start?.rate).toEqual(row?.rate);
      expect(point.start?.startedMonth).toEqual(row?.startedMonth);
      expect(point.carryOverCount).toBe(0);
    }
  });

  it('computes the month increase only against a stored previous period', () => {
    // 2018-08 is missing for 农安县: September's 本月 cannot be computed and none was declared.
    expect(history[1]?.start?.startedMonth.source).toBe('none');
    expect(history[0]?.start?.rate).toEqual({ num: 100, den: 1000 });
  });
});
