// The review grid's geometry and words, apart from drawing: merged cells as spans, the outline of each
// recognised table, what each header cell says about its column, and a value read shown with its unit.
import { type CellPos, inRange, parseCell, parseRange, type RangePos } from '../../domain/a1';
import { formatYiExact } from '../../domain/calc/format';
import { tableDef } from '../../domain/tables';
import type { ColumnReading, TableKey, TableReading } from '../../domain/types';
import type { ViewMerge } from '../../import/review-client';
import { formatCount } from '../../ui/data-table/format';

const posKey = (r: number, c: number) => `${r},${c}`;

export interface Spans {
  /** The top-left cell of each merge: its spans. */
  spans: Map<string, { rowSpan: number; colSpan: number }>;
  /** Cells a merge covers (not drawn). */
  covered: Set<string>;
}

/** Merged ranges as the HTML table draws them. */
export function mergeSpans(merges: readonly ViewMerge[]): Spans {
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  const covered = new Set<string>();
  for (const m of merges) {
    const key = posKey(m.r0, m.c0);
    // Overlapping merges (a broken file) are drawn as the first one says.
    if (covered.has(key) || spans.has(key)) continue;
    spans.set(key, { rowSpan: m.r1 - m.r0 + 1, colSpan: m.c1 - m.c0 + 1 });
    for (let r = m.r0; r <= m.r1; r++) {
      for (let c = m.c0; c <= m.c1; c++) if (r !== m.r0 || c !== m.c0) covered.add(posKey(r, c));
    }
  }
  return { spans, covered };
}

export function isCovered(spans: Spans, r: number, c: number): boolean {
  return spans.covered.has(posKey(r, c));
}

export function spanOf(spans: Spans, r: number, c: number): { rowSpan: number; colSpan: number } | undefined {
  return spans.spans.get(posKey(r, c));
}

/** A recognised table's whole area on its sheet: header rows and data rows. */
export function tableArea(table: TableReading): RangePos | null {
  const head = parseRange(table.headerRange);
  if (!head) return null;
  const data = table.dataRange ? parseRange(table.dataRange) : null;
  if (!data) return head;
  return {
    s: { r: Math.min(head.s.r, data.s.r), c: Math.min(head.s.c, data.s.c) },
    e: { r: Math.max(head.e.r, data.e.r), c: Math.max(head.e.c, data.e.c) },
  };
}

/** The outline classes of a cell (with its span) in the tables' areas: which of its sides are an edge. */
export function outlineClasses(
  areas: readonly RangePos[],
  pos: CellPos,
  span: { rowSpan: number; colSpan: number } = { rowSpan: 1, colSpan: 1 },
): string[] {
  const out: string[] = [];
  const last = { r: pos.r + span.rowSpan - 1, c: pos.c + span.colSpan - 1 };
  for (const a of areas) {
    if (!inRange(pos, a)) continue;
    out.push('in-table');
    if (pos.r === a.s.r) out.push('edge-top');
    if (last.r >= a.e.r) out.push('edge-bottom');
    if (pos.c === a.s.c) out.push('edge-left');
    if (last.c >= a.e.c) out.push('edge-right');
  }
  return out;
}

export type Tone = 'ok' | 'info' | 'warn' | 'bad';

/** What a header cell says about its column: how it was matched, or that it was not. */
export function headerMark(column: ColumnReading): { label: string; tone: Tone } {
  if (column.status === 'matched') {
    if (column.how === 'layout') return { label: '按已保存的对照', tone: 'info' };
    if (column.how === 'meaning') return { label: '按含义识别', tone: 'warn' };
    return { label: '模板表头', tone: 'ok' };
  }
  if (column.status === 'excluded') return { label: '不导入此列', tone: 'info' };
  if (column.status === 'ignored') return { label: '无需导入', tone: 'info' };
  return { label: '未识别', tone: 'bad' };
}

/** The label of a field: its official header (年度计划（套）). */
export function fieldLabel(table: TableKey, key: string | null): string {
  if (key === null) return '不导入此列';
  return tableDef(table).fields.find((f) => f.key === key)?.header ?? key;
}

/** A value the reader read, as the preview shows it: 12,000套, 12.46亿元, 95.06%, or the text. */
export function previewText(table: TableKey, key: string | null, value: number | string | null): string {
  if (value === null) return '无法读取';
  if (typeof value === 'string') return value;
  const field = tableDef(table).fields.find((f) => f.key === key);
  switch (field?.kind) {
    case 'money':
      return `${formatYiExact(value)}亿元`;
    case 'rate':
      return `${value / 100}%`;
    case 'count':
      return `${formatCount(value)}${field.headerUnit === '户' ? '户' : '套'}`;
    default:
      return String(value);
  }
}

/** The values a table read from one column, top to bottom (the preview beside the column's choice). */
export function columnValues(table: TableReading, column: ColumnReading): (number | string | null)[] {
  const values = table.values ?? {};
  return Object.entries(values)
    .map(([cell, value]) => ({ pos: parseCell(cell), value }))
    .filter(
      (x): x is { pos: CellPos; value: number | string | null } => x.pos !== null && x.pos.c === column.c,
    )
    .sort((a, b) => a.pos.r - b.pos.r)
    .map((x) => x.value);
}
