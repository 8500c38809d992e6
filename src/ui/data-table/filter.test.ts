import { describe, expect, it } from 'vitest';
import { countFlags, filterRows, NO_FILTER, type RowFilter } from './filter';

interface Row {
  name: string;
  fullName: string;
  group: string;
  flags: string[];
}

const rows: Row[] = [
  { name: '农安县', fullName: '长春市农安县', group: '220100', flags: ['lagging', 'below'] },
  { name: '九台区', fullName: '长春市九台区', group: '220100', flags: ['lagging', 'below'] },
  { name: '榆树市', fullName: '榆树市', group: '220100', flags: ['lagging'] },
  { name: '永吉县', fullName: '吉林市永吉县', group: '220200', flags: ['reached'] },
  { name: '梅河口市', fullName: '梅河口市', group: 'direct', flags: ['lagging'] },
];
const get = {
  texts: (r: Row) => [r.name, r.fullName],
  group: (r: Row) => r.group,
  flags: (r: Row) => r.flags,
};
const names = (f: Partial<RowFilter>) => filterRows(rows, { ...NO_FILTER, ...f }, get).map((r) => r.name);

describe('filterRows', () => {
  it.each([
    [{}, ['农安县', '九台区', '榆树市', '永吉县', '梅河口市']],
    [{ text: '农安' }, ['农安县']],
    [{ text: '  长春市 ' }, ['农安县', '九台区']],
    [{ text: '长春 九台' }, ['九台区']],
    [{ text: '市' }, ['农安县', '九台区', '榆树市', '永吉县', '梅河口市']],
    [{ text: '不存在' }, []],
    [{ group: '220100' }, ['农安县', '九台区', '榆树市']],
    [{ group: 'direct' }, ['梅河口市']],
    [{ flag: 'lagging' }, ['农安县', '九台区', '榆树市', '梅河口市']],
    [{ flag: 'below' }, ['农安县', '九台区']],
    [{ group: '220100', flag: 'below', text: '农安' }, ['农安县']],
    [{ group: '220200', flag: 'below' }, []],
  ] as [Partial<RowFilter>, string[]][])('%o → %o', (filter, expected) => {
    expect(names(filter)).toEqual(expected);
  });
});

describe('countFlags', () => {
  it('counts each flag once per row, and agrees with the filter', () => {
    const counts = countFlags(rows, (r) => [...r.flags, ...r.flags]);
    expect(Object.fromEntries(counts)).toEqual({ lagging: 4, below: 2, reached: 1 });
    for (const [flag, n] of counts) expect(names({ flag })).toHaveLength(n);
  });
});
