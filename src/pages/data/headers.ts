// Column headers of the data tables, from the table definitions' labels with the unit the table shows them in.
import { tableDef } from '../../domain/tables';
import type { TableKey } from '../../domain/types';

/** The unit a field is shown in: counts in 套/户, money in 亿元, rates in %. */
function shownUnit(table: TableKey, key: string): string | null {
  const field = tableDef(table).fields.find((f) => f.key === key);
  if (!field) throw new Error(`unknown field ${table}.${key}`);
  if (field.kind === 'money') return '亿元';
  if (field.kind === 'rate') return '%';
  if (field.kind === 'count') return field.headerUnit ?? tableDef(table).unitLabel;
  return null;
}

/** 年度计划（套）, 本年授信（审批）（亿元）, 开工率（%）; a text field has no unit. */
export function fieldHeader(table: TableKey, key: string): string {
  const field = tableDef(table).fields.find((f) => f.key === key);
  if (!field) throw new Error(`unknown field ${table}.${key}`);
  const unit = shownUnit(table, key);
  return unit ? `${field.label}（${unit}）` : field.label;
}

/** A header for a computed column, with its unit. */
export function withUnit(label: string, unit: string): string {
  return `${label}（${unit}）`;
}
