// The chart CSV: BOM, Chinese headers, quoting.
import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  it('starts with a BOM and quotes cells that need it', () => {
    const csv = toCsv(
      ['市县', '开工率（%）'],
      [
        ['农安县', 0],
        ['长春市, 市区', null],
        ['说"明"', 86.02],
      ],
    );
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\r\n')).toEqual([
      '市县,开工率（%）',
      '农安县,0',
      '"长春市, 市区",',
      '"说""明""",86.02',
      '',
    ]);
  });
});
