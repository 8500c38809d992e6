import { describe, expect, it } from 'vitest';
import { knownBanks } from './known-banks';
import type { LoanBankLine, ParsedReturn } from './types';

const line = (bank: string): LoanBankLine => ({
  bank,
  credit: 0,
  creditMonth: 0,
  disbursed: 0,
  disbursedMonth: 0,
  note: '',
});
const ret = (unitId: string, period: string, banks: string[] | null): ParsedReturn => ({
  unitId,
  period,
  cutoff: `${period}-28`,
  tables: banks === null ? {} : { loan: { need: null, banks: banks.map(line) } },
});

const stored = new Map<string, ParsedReturn[]>([
  ['2018-07', [ret('220122', '2018-07', ['国家开发银行']), ret('220322', '2018-07', ['中国建设银行'])]],
  [
    '2018-09',
    [ret('220122', '2018-09', ['中国农业发展银行', '国家开发银行']), ret('220322', '2018-09', null)],
  ],
  ['2018-08', [ret('220122', '2018-08', ['中国工商银行'])]],
]);

describe('knownBanks', () => {
  it.each([
    ['the latest return, in its order', '220122', undefined, ['中国农业发展银行', '国家开发银行']],
    ['the latest up to the template period', '220122', '2018-08', ['中国工商银行']],
    ['a later return without 表2 passed over', '220322', undefined, ['中国建设银行']],
    ['nothing before the first return', '220122', '2018-06', []],
    ['nothing for a unit never stored', '220100', undefined, []],
  ])('%s', (_, unit, upTo, banks) => expect(knownBanks(stored, unit, upTo)).toEqual(banks));

  it('takes an empty 表2 as knowing no bank, not as missing', () => {
    const withEmpty = new Map(stored);
    withEmpty.set('2018-10', [ret('220122', '2018-10', [])]);
    expect(knownBanks(withEmpty, '220122')).toEqual([]);
  });
});
