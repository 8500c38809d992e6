// The review grid's geometry and words: merges as spans and covered cells, a table's outline edges, the mark of
// each kind of header, values shown with their units, and a column's values top to bottom.
import { describe, expect, it } from 'vitest';
import type { ColumnReading, TableReading } from '../../domain/types';
import {
  columnValues,
  headerMark,
  isCovered,
  mergeSpans,
  outlineClasses,
  previewText,
  spanOf,
  tableArea,
} from './review-model';

const column = (over: Partial<ColumnReading>): ColumnReading => ({
  cell: 'C3',
  c: 2,
  header: '年度计划（套）',
  field: 'plan',
  how: 'template',
  status: 'matched',
  unit: null,
  ...over,
});

describe('merged cells', () => {
  it('draws the top-left cell spanning, the others covered', () => {
    const spans = mergeSpans([
      { r0: 0, c0: 0, r1: 0, c1: 6 },
      { r0: 2, c0: 3, r1: 3, c1: 4 },
    ]);
    expect(spanOf(spans, 0, 0)).toEqual({ rowSpan: 1, colSpan: 7 });
    expect(spanOf(spans, 2, 3)).toEqual({ rowSpan: 2, colSpan: 2 });
    for (let c = 1; c <= 6; c++) expect(isCovered(spans, 0, c)).toBe(true);
    expect(isCovered(spans, 0, 0)).toBe(false);
    expect([isCovered(spans, 2, 4), isCovered(spans, 3, 3), isCovered(spans, 3, 4)]).toEqual([
      true,
      true,
      true,
    ]);
    expect(isCovered(spans, 1, 0)).toBe(false);
  });

  it('ignores a merge overlapping one already drawn (a broken file)', () => {
    const spans = mergeSpans([
      { r0: 0, c0: 0, r1: 1, c1: 1 },
      { r0: 1, c0: 1, r1: 2, c1: 2 },
    ]);
    expect(spanOf(spans, 1, 1)).toBeUndefined();
  });
});

describe('a table’s outline', () => {
  const table: TableReading = {
    table: 'start',
    sheet: '表1',
    headerRange: 'A3:G3',
    dataRange: 'A4:G5',
    columns: [],
  };
  const area = tableArea(table);
  if (!area) throw new Error('area');

  it.each([
    [{ r: 2, c: 0 }, ['in-table', 'edge-top', 'edge-left']],
    [{ r: 2, c: 6 }, ['in-table', 'edge-top', 'edge-right']],
    [{ r: 3, c: 3 }, ['in-table']],
    [{ r: 4, c: 0 }, ['in-table', 'edge-bottom', 'edge-left']],
    [{ r: 5, c: 0 }, []],
    [{ r: 1, c: 0 }, []],
  ])('cell %o is %j', (pos, classes) => {
    expect(outlineClasses([area], pos)).toEqual(classes);
  });

  it('gives a spanning cell the edges its span reaches', () => {
    expect(outlineClasses([area], { r: 4, c: 5 }, { rowSpan: 1, colSpan: 2 })).toEqual([
      'in-table',
      'edge-bottom',
      'edge-right',
    ]);
  });
});

describe('header marks', () => {
  it.each([
    [column({}), '模板表头'],
    [column({ how: 'meaning' }), '按含义识别'],
    [column({ how: 'layout' }), '按已保存的对照'],
    [column({ status: 'excluded', field: null, how: 'layout' }), '不导入此列'],
    [column({ status: 'ignored', field: null }), '无需导入'],
    [column({ status: 'unknown', field: null, how: null }), '未识别'],
  ])('%j is marked %s', (col, label) => {
    expect(headerMark(col).label).toBe(label);
  });
});

describe('values shown', () => {
  it.each([
    ['start', 'plan', 12000, '12,000套'],
    ['expropriation', 'plan', 700, '700户'],
    ['loan', 'credit', 1_246_000_000, '12.46亿元'],
    ['start', 'declaredRate', 9506, '95.06%'],
    ['carryOver', 'name', '光明片区', '光明片区'],
    ['start', 'plan', null, '无法读取'],
  ] as const)('%s %s %j is %s', (table, field, value, text) => {
    expect(previewText(table, field, value)).toBe(text);
  });

  it('lists a column’s values top to bottom', () => {
    const table: TableReading = {
      table: 'loan',
      sheet: '表2',
      headerRange: 'A3:G3',
      columns: [],
      values: { C5: 2, B4: '国开行', C4: 1, C10: 3, D4: 0 },
    };
    expect(columnValues(table, column({ c: 2 }))).toEqual([1, 2, 3]);
  });
});
