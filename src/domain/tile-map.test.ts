// The tile map's data and geometry: one tile per unit of the register, placed by real relative position, each
// 市州 one edge-connected piece with its label beside it, and outlines that close around any set of cells.
import { describe, expect, it } from 'vitest';
import { outlineGroups, outlineSegments, type Segment, TILE_MAP, tilesInReadingOrder } from './tile-map';
import { defaultRegister } from './units';

const key = (c: number, r: number) => `${c},${r}`;

function connected(cells: readonly { col: number; row: number }[]): boolean {
  const has = new Set(cells.map((c) => key(c.col, c.row)));
  const first = cells[0];
  if (!first) return true;
  const seen = new Set([key(first.col, first.row)]);
  const stack = [first];
  while (stack.length > 0) {
    const { col, row } = stack.pop() as { col: number; row: number };
    for (const [dc, dr] of [
      [1, 0],
      [-1, 0],
      [0, 1],
      [0, -1],
    ] as const) {
      const k = key(col + dc, row + dr);
      if (has.has(k) && !seen.has(k)) {
        seen.add(k);
        stack.push({ col: col + dc, row: row + dr });
      }
    }
  }
  return seen.size === has.size;
}

describe('the tile map data', () => {
  it('has exactly one tile per unit of the register, each in its own cell inside the grid', () => {
    const ids = TILE_MAP.tiles.map((t) => t.unitId);
    expect([...ids].sort()).toEqual(defaultRegister.units.map((u) => u.id).sort());
    expect(new Set(TILE_MAP.tiles.map((t) => key(t.col, t.row))).size).toBe(TILE_MAP.tiles.length);
    for (const t of TILE_MAP.tiles) {
      expect(t.col).toBeGreaterThanOrEqual(0);
      expect(t.col).toBeLessThan(TILE_MAP.columns);
      expect(t.row).toBeGreaterThanOrEqual(0);
      expect(t.row).toBeLessThan(TILE_MAP.rows);
    }
  });

  // Every pair of units whose seats are half a degree or more apart east–west (north–south) keeps that order in
  // the columns (rows), or shares one: no unit is drawn on the wrong side of another.
  it('keeps the real relative position of every pair of units', () => {
    const wrong: string[] = [];
    const tiles = TILE_MAP.tiles;
    const name = (id: string) => defaultRegister.unit(id)?.name ?? id;
    for (const [i, a] of tiles.entries()) {
      for (const b of tiles.slice(i + 1)) {
        if (Math.abs(a.lon - b.lon) >= 0.5 && (a.col - b.col) * (a.lon - b.lon) < 0)
          wrong.push(`${name(a.unitId)}/${name(b.unitId)} east–west`);
        if (Math.abs(a.lat - b.lat) >= 0.5 && (a.row - b.row) * (b.lat - a.lat) < 0)
          wrong.push(`${name(a.unitId)}/${name(b.unitId)} north–south`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('puts the seats inside Jilin (a typo in a coordinate would pass the order test unseen)', () => {
    for (const t of TILE_MAP.tiles) {
      expect(t.lon).toBeGreaterThan(121.6);
      expect(t.lon).toBeLessThan(131.3);
      expect(t.lat).toBeGreaterThan(40.8);
      expect(t.lat).toBeLessThan(46.4);
    }
  });

  it('groups the tiles into the nine 市州 and 长白山管委会, each one edge-connected piece', () => {
    const groups = outlineGroups(defaultRegister);
    expect(groups.map((g) => g.name)).toEqual([
      ...defaultRegister.prefectures.map((p) => p.name),
      '长白山管委会',
    ]);
    for (const g of groups) expect(connected(g.tiles), g.name).toBe(true);
    const groupOfUnit = (name: string) =>
      groups.find((g) => g.tiles.some((t) => defaultRegister.unit(t.unitId)?.name === name))?.name;
    // 省直管 units lie in a prefecture: their tiles are outlined with it.
    expect(groupOfUnit('公主岭市')).toBe('四平市');
    expect(groupOfUnit('梅河口市')).toBe('通化市');
    expect(groups.find((g) => g.name === '长白山管委会')?.tiles).toHaveLength(1);
  });

  it('writes each prefecture name in an empty cell next to its own tiles', () => {
    const occupied = new Set(TILE_MAP.tiles.map((t) => key(t.col, t.row)));
    const groups = outlineGroups(defaultRegister).filter((g) => g.tiles.length > 1);
    expect(TILE_MAP.labels.map((l) => l.group).sort()).toEqual(groups.map((g) => g.id).sort());
    for (const g of groups) {
      const label = g.label;
      expect(label, g.name).toBeDefined();
      if (!label) continue;
      expect(occupied.has(key(label.col, label.row)), g.name).toBe(false);
      expect(label.col).toBeLessThan(TILE_MAP.columns);
      expect(label.row).toBeLessThan(TILE_MAP.rows);
      const next = g.tiles.some((t) => Math.abs(t.col - label.col) <= 1 && Math.abs(t.row - label.row) <= 1);
      expect(next, g.name).toBe(true);
      expect(g.name.startsWith(label.text.replace(/州$/, ''))).toBe(true);
    }
  });

  it('visits the tiles row by row, west to east', () => {
    const order = tilesInReadingOrder();
    expect(order).toHaveLength(TILE_MAP.tiles.length);
    for (const [i, t] of order.entries()) {
      const next = order[i + 1];
      if (next) expect(next.row > t.row || (next.row === t.row && next.col > t.col)).toBe(true);
    }
  });
});

/** A reproducible pseudo-random generator (the tests must be repeatable). */
function prng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

function randomCells(rand: () => number, size: number): { col: number; row: number }[] {
  const cells = new Map<string, { col: number; row: number }>();
  for (let i = 0; i < size; i++) {
    const col = Math.floor(rand() * 6);
    const row = Math.floor(rand() * 6);
    cells.set(key(col, row), { col, row });
  }
  return [...cells.values()];
}

describe('outlineSegments', () => {
  const rand = prng(20180930);
  const sets = Array.from({ length: 60 }, (_, i) => randomCells(rand, 1 + (i % 20)));

  it.each(sets.map((cells, i) => [i, cells] as const))(
    'set %i: every edge facing outside, once',
    (_, cells) => {
      const has = new Set(cells.map((c) => key(c.col, c.row)));
      const segments = outlineSegments(cells);
      // Count the boundary independently: each cell's four sides less those shared with a cell of the set.
      let shared = 0;
      for (const { col, row } of cells) {
        if (has.has(key(col + 1, row))) shared++;
        if (has.has(key(col, row + 1))) shared++;
      }
      expect(segments).toHaveLength(4 * cells.length - 2 * shared);
      const seen = new Set<string>();
      for (const [x1, y1, x2, y2] of segments) {
        expect(Math.abs(x2 - x1) + Math.abs(y2 - y1)).toBe(1);
        const id = [Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2)].join(',');
        expect(seen.has(id)).toBe(false);
        seen.add(id);
        // The two cells on either side of the edge: exactly one is in the set.
        const [a, b] =
          y1 === y2
            ? [key(Math.min(x1, x2), y1 - 1), key(Math.min(x1, x2), y1)]
            : [key(x1 - 1, Math.min(y1, y2)), key(x1, Math.min(y1, y2))];
        expect(has.has(a) !== has.has(b)).toBe(true);
      }
    },
  );

  it.each(sets.map((cells, i) => [i, cells] as const))(
    'set %i: the outline closes (every corner met an even number of times)',
    (_, cells) => {
      const degree = new Map<string, number>();
      const bump = (x: number, y: number) => degree.set(key(x, y), (degree.get(key(x, y)) ?? 0) + 1);
      for (const [x1, y1, x2, y2] of outlineSegments(cells) as Segment[]) {
        bump(x1, y1);
        bump(x2, y2);
      }
      for (const [corner, n] of degree) expect(n % 2, corner).toBe(0);
    },
  );

  it('gives a single cell its four sides and nothing for no cells', () => {
    expect(outlineSegments([{ col: 2, row: 3 }])).toEqual([
      [2, 3, 3, 3],
      [3, 3, 3, 4],
      [2, 4, 3, 4],
      [2, 3, 2, 4],
    ]);
    expect(outlineSegments([])).toEqual([]);
  });
});
