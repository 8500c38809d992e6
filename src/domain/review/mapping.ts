// The column-mapping step of 核对: which fields a header may still be given, whether a mapping can be
// confirmed (no field read from two columns, every required field read from one), and the unit's saved
// 表头对照 it becomes. Pure: the reader applies the result, the page only draws it.
import { layoutHeaderKey } from '../tables/layout-key';
import type { FieldDef, TableDef } from '../tables/types';
import type { ColumnReading, HeaderLayout, ImportIssue, TableReading, UnitId } from '../types';

/** A user's choice for one column: a field key, or null for 不导入此列. */
export type ColumnChoice = string | null;

/** Choices by the column's header cell (ColumnReading.cell), per sheet and table: see choiceKey. */
export type Choices = ReadonlyMap<string, ColumnChoice>;

/** The key of a column's choice: a workbook may hold a table per sheet, each with its own C3. */
export function choiceKey(table: Pick<TableReading, 'sheet' | 'table'>, column: Pick<ColumnReading, 'cell'>) {
  return `${table.sheet}|${table.table}|${column.cell}`;
}

/** The field a column is read into once the choices are applied (null: not read). */
export function effectiveField(table: TableReading, column: ColumnReading, choices: Choices): string | null {
  const key = choiceKey(table, column);
  if (choices.has(key)) return choices.get(key) ?? null;
  return column.status === 'matched' ? column.field : null;
}

/** The fields a column may be given: its own, and those no other column of the table is read into. */
export function fieldOptions(
  def: TableDef,
  table: TableReading,
  column: ColumnReading,
  choices: Choices,
): FieldDef[] {
  const claimed = new Set<string>();
  for (const other of table.columns) {
    if (other.cell === column.cell) continue;
    const field = effectiveField(table, other, choices);
    if (field) claimed.add(field);
  }
  // 序号 is never read: offering it would only be a second way of saying 不导入此列.
  return def.fields.filter((f) => f.kind !== 'seq' && !claimed.has(f.key));
}

/** Columns that need the user: not read, read by meaning or a saved mapping, or one of two under a heading. */
export function needsDecision(table: TableReading, column: ColumnReading, issues: readonly ImportIssue[]) {
  if (column.status === 'unknown' || column.status === 'excluded') return true;
  if (column.how === 'meaning' || column.how === 'layout') return true;
  return issues.some(
    (i) => i.sheet === table.sheet && i.cell === column.cell && i.code.startsWith('column.'),
  );
}

export type MappingProblem =
  | { kind: 'duplicate'; table: TableReading; field: FieldDef; cells: string[] }
  | { kind: 'required'; table: TableReading; field: FieldDef };

/** Why a table's mapping cannot be confirmed: a field read from two columns, a required field from none. */
export function mappingProblems(def: TableDef, table: TableReading, choices: Choices): MappingProblem[] {
  const byField = new Map<string, string[]>();
  for (const column of table.columns) {
    const field = effectiveField(table, column, choices);
    if (field) byField.set(field, [...(byField.get(field) ?? []), column.cell]);
  }
  const out: MappingProblem[] = [];
  for (const field of def.fields) {
    const cells = byField.get(field.key) ?? [];
    if (cells.length > 1) out.push({ kind: 'duplicate', table, field, cells });
    else if (cells.length === 0 && field.required) out.push({ kind: 'required', table, field });
  }
  return out;
}

/**
 * The unit's 表头对照 for a table after the review: the saved one (if any), plus each header the user decided
 * and each header read by the saved mapping. Template headers are never saved: they need no mapping.
 */
export function layoutFromChoices(
  unitId: UnitId,
  table: TableReading,
  choices: Choices,
  saved?: HeaderLayout,
): HeaderLayout {
  const headers: Record<string, string | null> = { ...(saved?.headers ?? {}) };
  for (const column of table.columns) {
    const key = choiceKey(table, column);
    const headerKey = layoutHeaderKey(column.header);
    if (!headerKey) continue;
    if (choices.has(key)) {
      const choice = choices.get(key) ?? null;
      const automatic = column.status === 'matched' && column.how === 'template' && column.field === choice;
      // Choosing what the template header already says is no mapping; an earlier saved one is dropped.
      if (automatic) delete headers[headerKey];
      else headers[headerKey] = choice;
    } else if (column.how === 'layout') {
      headers[headerKey] = column.status === 'matched' ? column.field : null;
    }
  }
  return { unitId, table: table.table, headers };
}

/** Layouts that carry at least one header (an empty one would be saved for nothing). */
export function isEmptyLayout(layout: HeaderLayout): boolean {
  return Object.keys(layout.headers).length === 0;
}
