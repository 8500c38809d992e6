// The map's classes on small returns: every threshold moves units between classes exactly as the flags do, a
// unit without the table is 'missing', and the legend's words carry the thresholds.
import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../settings';
import type { CarryOverProject, ParsedReturn, ReturnTables } from '../types';
import { defaultRegister } from '../units';
import { analysePeriod } from './index';
import { MAP_MEASURES, mapLegend, mapValues, TONE_SYMBOL } from './map-classes';

const project = (name: string): CarryOverProject => ({
  name,
  households: 10,
  unfinished: 5,
  reason: '',
  plannedFinish: '',
});

function ret(unitId: string, tables: ReturnTables): ParsedReturn {
  return { unitId, period: '2018-09', cutoff: '2018-09-30', tables };
}

function loan(need: number | null, credit: number, disbursed: number): ReturnTables['loan'] {
  return {
    need,
    banks: [{ bank: '国家开发银行', credit, creditMonth: null, disbursed, disbursedMonth: null, note: '' }],
  };
}

function analyse(returns: ParsedReturn[], thresholds: Thresholds = DEFAULT_THRESHOLDS) {
  return analysePeriod({
    returnsByPeriod: new Map([['2018-09', returns]]),
    period: '2018-09',
    register: defaultRegister,
    thresholds,
  });
}

const classOf = (
  returns: ParsedReturn[],
  measure: (typeof MAP_MEASURES)[number],
  unitId: string,
  t?: Thresholds,
) => mapValues(analyse(returns, t), measure, defaultRegister).find((v) => v.unitId === unitId);

describe('mapValues', () => {
  it('gives every unit of the register a value; those without the table are missing with a dash', () => {
    const values = mapValues(analyse([]), 'startRate', defaultRegister);
    expect(values).toHaveLength(defaultRegister.units.length);
    expect(new Set(values.map((v) => v.classKey))).toEqual(new Set(['missing']));
    expect(new Set(values.map((v) => v.value))).toEqual(new Set(['—']));
  });

  // Carry-over counts 0 … 12 against thresholds 1 … 11: zero, some (below the threshold) or many.
  const combos = Array.from({ length: 13 }, (_, count) => count).flatMap((count) =>
    [1, 2, 5, 10, 11].map((many) => [count, many] as const),
  );
  it.each(combos)('carry-over: %i projects against a threshold of %i', (count, many) => {
    const t = { ...DEFAULT_THRESHOLDS, carryOverMany: many };
    const returns = [
      ret('220122', { carryOver: Array.from({ length: count }, (_, i) => project(`项目${i}`)) }),
    ];
    const v = classOf(returns, 'carryOver', '220122', t);
    expect(v?.classKey).toBe(count === 0 ? 'zero' : count >= many ? 'many' : 'some');
    expect(v?.value).toBe(`${count}个`);
    expect(mapLegend('carryOver', t).map((c) => c.key)).toContain(v?.classKey);
  });

  it('carry-over with a threshold of 1 has no class between none and many', () => {
    expect(mapLegend('carryOver', { ...DEFAULT_THRESHOLDS, carryOverMany: 1 }).map((c) => c.key)).toEqual([
      'zero',
      'many',
      'missing',
    ]);
  });

  it.each([
    // need, credit, disbursed → class
    [12_5000_0000, 0, 0, 'needNoCredit'],
    // Disbursing earlier years' credit does not hide a need without this year's credit.
    [12_5000_0000, 0, 3_0000_0000, 'needNoCredit'],
    [12_5000_0000, 5_0000_0000, 3_0000_0000, 'disbursed'],
    [null, 5_0000_0000, 0, 'creditOnly'],
    [null, 0, 0, 'none'],
    [0, 0, 2_0000_0000, 'disbursed'],
  ])('loans: need %s, credit %s, disbursed %s → %s', (need, credit, disbursed, expected) => {
    const returns = [ret('220122', { loan: loan(need, credit, disbursed) })];
    const analysis = analyse(returns);
    const v = mapValues(analysis, 'disbursed', defaultRegister).find((x) => x.unitId === '220122');
    expect(v?.classKey).toBe(expected);
    expect(analysis.loan.lists.needNoCredit.includes('220122')).toBe(expected === 'needNoCredit');
  });

  it('moves a unit between start classes as the thresholds move', () => {
    const returns = [
      ret('220122', {
        start: { plan: 1000, started: 650, startedMonth: null, declaredRate: null, note: '' },
      }),
    ];
    const at = (startWarning: number, startTarget: number) =>
      classOf(returns, 'startRate', '220122', { ...DEFAULT_THRESHOLDS, startWarning, startTarget })?.classKey;
    expect(at(60, 100)).toBe('lagging');
    expect(at(65, 100)).toBe('lagging');
    expect(at(65.01, 100)).toBe('below');
    expect(at(60, 65)).toBe('reached');
    expect(classOf(returns, 'startRate', '220122')?.value).toBe('65.0%');
  });
});

describe('mapLegend', () => {
  it.each(MAP_MEASURES)('%s: distinct keys, labels and a symbol of its tone for each class', (measure) => {
    const legend = mapLegend(measure, DEFAULT_THRESHOLDS);
    expect(new Set(legend.map((c) => c.key)).size).toBe(legend.length);
    expect(new Set(legend.map((c) => c.label)).size).toBe(legend.length);
    for (const c of legend) expect(c.symbol).toBe(TONE_SYMBOL[c.tone]);
    expect(legend.at(-1)?.key).toBe('missing');
  });

  it('writes the thresholds in force into the words', () => {
    const t = {
      ...DEFAULT_THRESHOLDS,
      startWarning: 55,
      allocationLow: 75,
      expropriationBehind: 35,
      carryOverMany: 8,
    };
    expect(
      mapLegend('startRate', t)
        .map((c) => c.label)
        .join('|'),
    ).toContain('55%');
    expect(
      mapLegend('allocationRate', t)
        .map((c) => c.label)
        .join('|'),
    ).toContain('75%');
    expect(
      mapLegend('expropriationRate', t)
        .map((c) => c.label)
        .join('|'),
    ).toContain('35%');
    expect(
      mapLegend('carryOver', t)
        .map((c) => c.label)
        .join('|'),
    ).toContain('8个');
  });
});
