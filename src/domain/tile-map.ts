// The schematic tile map's geometry: each unit's grid cell (data/tile-map.json, beside the unit register), the
// 市州 each tile is outlined with, and the outline of each 市州 as the edges of its tiles that face no tile of
// its own. Grid units (one cell = 1); the drawing scales them.
import tileMapData from './data/tile-map.json';
import type { UnitId } from './types';
import type { Unit, UnitRegister } from './units';

export interface TilePlace {
  unitId: UnitId;
  col: number;
  row: number;
  /** The seat's approximate position, only to check the placement. */
  lon: number;
  lat: number;
  /** A shorter name for the tile when the unit's name does not fit (长白山管委会 → 长白山). */
  label?: string;
}

export interface TileLabelPlace {
  /** The outline group (a prefecture id). */
  group: string;
  text: string;
  col: number;
  row: number;
}

export interface TileMapData {
  columns: number;
  rows: number;
  tiles: TilePlace[];
  labels: TileLabelPlace[];
}

export const TILE_MAP: TileMapData = tileMapData;

/**
 * The outline a unit's tile sits in: its prefecture, where it lies (省直管 units too: 公主岭市 in 四平市, 梅河口市
 * in 通化市), or the unit alone when it belongs to none (长白山管委会).
 */
export function outlineGroupOf(unit: Unit): string {
  return unit.prefecture ?? unit.id;
}

/** A straight piece of outline from (x1, y1) to (x2, y2), in grid units. */
export type Segment = readonly [x1: number, y1: number, x2: number, y2: number];

/** The edges of the cells that face no cell of the set: drawn together, the outline of the set. */
export function outlineSegments(cells: readonly { col: number; row: number }[]): Segment[] {
  const has = new Set(cells.map((c) => `${c.col},${c.row}`));
  const out: Segment[] = [];
  for (const { col: c, row: r } of cells) {
    if (!has.has(`${c},${r - 1}`)) out.push([c, r, c + 1, r]);
    if (!has.has(`${c + 1},${r}`)) out.push([c + 1, r, c + 1, r + 1]);
    if (!has.has(`${c},${r + 1}`)) out.push([c, r + 1, c + 1, r + 1]);
    if (!has.has(`${c - 1},${r}`)) out.push([c, r, c, r + 1]);
  }
  return out;
}

export interface OutlineGroup {
  id: string;
  /** The prefecture's name, or the unit's own. */
  name: string;
  tiles: TilePlace[];
  segments: Segment[];
  label: TileLabelPlace | undefined;
}

/** Each outline group with its tiles and outline, in register order of their first unit. */
export function outlineGroups(register: UnitRegister, data: TileMapData = TILE_MAP): OutlineGroup[] {
  const byUnit = new Map(data.tiles.map((t) => [t.unitId, t]));
  const groups = new Map<string, OutlineGroup>();
  for (const unit of register.units) {
    const tile = byUnit.get(unit.id);
    if (!tile) continue;
    const id = outlineGroupOf(unit);
    const group = groups.get(id) ?? {
      id,
      name: unit.prefecture ? register.groupName(unit.prefecture) : unit.name,
      tiles: [],
      segments: [],
      label: data.labels.find((l) => l.group === id),
    };
    group.tiles.push(tile);
    groups.set(id, group);
  }
  return [...groups.values()].map((g) => ({ ...g, segments: outlineSegments(g.tiles) }));
}

/** The tiles in reading order (row by row, west to east): the order the keyboard visits them. */
export function tilesInReadingOrder(data: TileMapData = TILE_MAP): TilePlace[] {
  return [...data.tiles].sort((a, b) => a.row - b.row || a.col - b.col);
}
