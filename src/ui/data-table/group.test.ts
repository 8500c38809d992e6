import { describe, expect, it } from 'vitest';
import { groupRows, ungrouped } from './group';

interface Row {
  name: string;
  group: string | null;
  value: number;
}

const units: Row[] = [
  { name: '永吉县', group: 'jilin', value: 3 },
  { name: '农安县', group: 'cc', value: 0 },
  { name: '梅河口市', group: 'direct', value: 5 },
  { name: '九台区', group: 'cc', value: 2 },
  { name: '无名', group: 'nowhere', value: 1 },
];
const subtotal = (name: string, value: number): Row => ({ name, group: null, value });
const groups = [
  { id: 'cc', subtotal: subtotal('长春市全市', 2) },
  { id: 'jilin', subtotal: subtotal('吉林市全市', 3) },
  { id: 'siping', subtotal: subtotal('四平市全市', 0) },
  { id: 'direct', subtotal: subtotal('省直管合计', 5) },
];

describe('groupRows', () => {
  it('puts each row under its subtotal, groups in register order, rows in the given order', () => {
    const out = groupRows(units, (r) => r.group, groups);
    expect(out.map((d) => `${d.kind}:${d.row.name}`)).toEqual([
      'subtotal:长春市全市',
      'row:农安县',
      'row:九台区',
      'subtotal:吉林市全市',
      'row:永吉县',
      'subtotal:省直管合计',
      'row:梅河口市',
      'row:无名',
    ]);
  });

  it('leaves out a group whose rows are all filtered away, and keeps every row', () => {
    const out = groupRows(
      units.filter((u) => u.group !== 'jilin'),
      (r) => r.group,
      groups,
    );
    expect(out.some((d) => d.row.name === '吉林市全市')).toBe(false);
    expect(out.filter((d) => d.kind === 'row')).toHaveLength(4);
  });

  it('ungrouped keeps the order', () => {
    expect(ungrouped(units).map((d) => d.row.name)).toEqual(units.map((u) => u.name));
  });
});
