import { describe, expect, it } from 'vitest';
import { comparePinyin } from './sort';

describe('comparePinyin', () => {
  it('orders place names by their proper readings: 长 as chang, 珲 as hun', () => {
    const names = ['长春市', '镇赉县', '珲春市', '安图县', '白城市', '长白县', '和龙市', '集安市'];
    expect([...names].sort(comparePinyin)).toEqual([
      '安图县',
      '白城市',
      '长白县',
      '长春市',
      '和龙市',
      '珲春市',
      '集安市',
      '镇赉县',
    ]);
  });
});
