// A1 addresses: every column and row up to Excel's limits round-trips; malformed text is refused.
import { describe, expect, it } from 'vitest';
import { cellLabel, columnLabel, inRange, parseCell, parseRange } from './a1';

describe('A1 addresses', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16383, 'XFD'],
  ])('column %d is %s', (c, label) => {
    expect(columnLabel(c)).toBe(label);
    expect(parseCell(`${label}1`)).toEqual({ r: 0, c });
  });

  it('round-trips a spread of cells', () => {
    for (let c = 0; c < 800; c += 7) {
      for (const r of [0, 1, 9, 99, 1_048_575]) {
        expect(parseCell(cellLabel({ r, c }))).toEqual({ r, c });
      }
    }
  });

  it.each(['', '4D', 'A0', 'ABCD1', 'A-1', 'A1:B2', '表1'])('refuses %j as a cell', (text) => {
    expect(parseCell(text)).toBeNull();
  });

  it('reads ranges in either corner order, and a single cell as a range', () => {
    expect(parseRange('A3:H4')).toEqual({ s: { r: 2, c: 0 }, e: { r: 3, c: 7 } });
    expect(parseRange('H4:A3')).toEqual({ s: { r: 2, c: 0 }, e: { r: 3, c: 7 } });
    expect(parseRange('D4')).toEqual({ s: { r: 3, c: 3 }, e: { r: 3, c: 3 } });
    expect(parseRange('A3:')).toBeNull();
    const range = parseRange('B2:C3');
    if (!range) throw new Error('range');
    expect(inRange({ r: 1, c: 1 }, range)).toBe(true);
    expect(inRange({ r: 2, c: 2 }, range)).toBe(true);
    expect(inRange({ r: 3, c: 2 }, range)).toBe(false);
    expect(inRange({ r: 1, c: 0 }, range)).toBe(false);
  });
});
