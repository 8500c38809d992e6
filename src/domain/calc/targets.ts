// Annual targets in the computation: a unit's plan (need, task) is its target when one is set for the year —
// a return stating another figure is warned about, naming both — else the return's own figure. Units that have
// not reported a table but have a target for it get a row of their own, so the province plan is the targets'
// sum and still the sum of its parts.
import { notice } from '../messages';
import { periodLabel } from '../period';
import { tableDef } from '../tables';
import { formatTargetValue, type TargetKey, targetField, targetYearOf } from '../targets';
import type { ReturnTables } from '../types';
import type { Unit } from '../units';
import { type CalcContext, unitIdentity } from './context';
import type { RowIdentity } from './types';

export interface PlannedFigure {
  /** The figure used: the target when set, else the return's (null when neither states one). */
  value: number | null;
  fromTarget: boolean;
}

/** The target of `key` for a unit this year, or null. */
export function targetOf(ctx: CalcContext, unit: Unit, key: TargetKey): number | null {
  return ctx.targets.get(unit.id)?.[key] ?? null;
}

/**
 * The plan a reporting unit's row uses. The target wins; a return that states a different figure gets a
 * warning naming both (the user either corrects the return or updates the target).
 */
export function plannedFigure(
  ctx: CalcContext,
  unit: Unit,
  key: TargetKey,
  returned: number | null,
): PlannedFigure {
  const target = targetOf(ctx, unit, key);
  if (target === null) return { value: returned, fromTarget: false };
  if (returned !== null && returned !== target) {
    const field = targetField(key);
    ctx.warnings.push({
      code: 'plan.target',
      table: field.table,
      unitId: unit.id,
      unitName: unit.name,
      field: key,
      periods: [ctx.period],
      message: notice('target.differs', {
        unit: unit.name,
        period: periodLabel(ctx.period),
        table: `表${tableDef(field.table).number}`,
        label: field.label,
        returned: formatTargetValue(field, returned),
        year: targetYearOf(ctx.period),
        target: formatTargetValue(field, target),
      }),
    });
  }
  return { value: target, fromTarget: true };
}

/**
 * Units of the register without a return holding `table` this period but with the target `key`: their target
 * counts in the totals (register order).
 */
export function unreportedWithTarget(
  ctx: CalcContext,
  table: keyof ReturnTables,
  key: TargetKey,
): { unit: Unit; target: number }[] {
  const out: { unit: Unit; target: number }[] = [];
  for (const unit of ctx.register.units) {
    if (ctx.current.get(unit.id)?.tables[table] !== undefined) continue;
    const target = targetOf(ctx, unit, key);
    if (target !== null) out.push({ unit, target });
  }
  return out;
}

/**
 * The rows of the units counted for their target alone: identity, the `unreported` mark, and the figures
 * `figures` gives for the target (zeros and unknowns for what only a return can tell).
 */
export function unreportedRows<Row extends RowIdentity>(
  ctx: CalcContext,
  table: keyof ReturnTables,
  key: TargetKey,
  figures: (target: number) => Omit<Row, keyof RowIdentity>,
): Row[] {
  return unreportedWithTarget(ctx, table, key).map(
    ({ unit, target }) => ({ ...unitIdentity(ctx, unit), unreported: true, ...figures(target) }) as Row,
  );
}
