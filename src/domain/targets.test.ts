// Targets typed in the settings form, read by the same number rules as a return's cell, and shown back.
import { describe, expect, it } from 'vitest';
import {
  parseTargetInput,
  targetDifferences,
  targetField,
  targetInputText,
  targetRecordProblem,
} from './targets';

const YI = 100_000_000;

describe('a target typed in the form', () => {
  it.each([
    ['startPlan', '1200', 1200],
    ['startPlan', ' 1,200 ', 1200],
    ['startPlan', '１２００', 1200],
    ['startPlan', '0.12万套', 1200],
    ['startPlan', '1200套', 1200],
    ['startPlan', '', null],
    ['startPlan', '-', 0],
    ['startPlan', '无', 0],
    ['loanNeed', '12.5', 12.5 * YI],
    ['loanNeed', '12.5亿元', 12.5 * YI],
    ['loanNeed', '5000万元', 0.5 * YI],
    ['loanNeed', '5000万', 0.5 * YI],
    ['loanNeed', '0.00000001', 1],
    ['expropriationPlan', '300户', 300],
    ['rentalTask', '1万套', 10_000],
  ] as const)('%s “%s” is %s', (key, text, value) => {
    expect(parseTargetInput(targetField(key), text)).toEqual({ ok: true, value });
  });

  it.each([
    ['startPlan', '12.5'],
    ['startPlan', '-5'],
    ['startPlan', '待定'],
    ['startPlan', '300户'],
    ['startPlan', '50%'],
    ['expropriationPlan', '300套'],
    ['loanNeed', '0.000000001'],
    ['loanNeed', '12套'],
  ] as const)('%s “%s” is refused', (key, text) => {
    expect(parseTargetInput(targetField(key), text)).toEqual({ ok: false });
  });

  it.each([
    ['startPlan', 1200, '1200'],
    ['loanNeed', 12.5 * YI, '12.5'],
    ['loanNeed', 1_234_567_891, '12.34567891'],
    ['rentalTask', null, ''],
  ] as const)('%s %s is shown as “%s” and read back the same', (key, value, text) => {
    const field = targetField(key);
    expect(targetInputText(field, value)).toBe(text);
    expect(parseTargetInput(field, text)).toEqual({ ok: true, value });
  });
});

describe('a stored target record', () => {
  const good = {
    year: 2018,
    unitId: '220122',
    startPlan: 100,
    loanNeed: null,
    expropriationPlan: 0,
    rentalTask: 5,
    source: 'manual',
    updatedAt: 1,
  };
  it.each([
    [good, null],
    [{ ...good, startPlan: -1 }, '的“棚改年度计划”无效'],
    [{ ...good, loanNeed: 0.5 }, '的“本年棚改需贷款”无效'],
    [{ ...good, rentalTask: '5' }, '的“本年分配任务”无效'],
    [{ ...good, unitId: 'x' }, '的单位不在单位名册中'],
    [{ ...good, year: 18 }, '的年份无效'],
    [{ ...good, updatedAt: undefined }, '不完整'],
    ['text', '不是一条记录'],
  ])('%o: %s', (record, problem) => {
    expect(targetRecordProblem(record)).toBe(problem);
  });
});

describe('what new targets change', () => {
  it('lists each changed figure of the units the new targets name', () => {
    const before = new Map([
      ['220122', { startPlan: 100, loanNeed: null, expropriationPlan: 5, rentalTask: 0 }],
      ['220183', { startPlan: 50, loanNeed: 1, expropriationPlan: null, rentalTask: null }],
    ]);
    const after = new Map([
      ['220122', { startPlan: 120, loanNeed: null, expropriationPlan: 5, rentalTask: null }],
      ['220182', { startPlan: 10, loanNeed: null, expropriationPlan: null, rentalTask: null }],
    ]);
    expect(targetDifferences(before, after)).toEqual([
      { unitId: '220122', key: 'startPlan', before: 100, after: 120 },
      { unitId: '220122', key: 'rentalTask', before: 0, after: null },
      { unitId: '220182', key: 'startPlan', before: null, after: 10 },
    ]);
    expect(targetDifferences(before, new Map(before))).toEqual([]);
  });
});
