// The rows of a table measured against its year's plan (表1 开工, 表3 征收): the plan (the annual target over the
// return's), the rate of what was done against it, its flag, ranks, the group and province sums, and the units
// that did not report but have a target.
import type { Thresholds } from '../settings';
import type { TargetKey } from '../targets';
import { type CalcContext, reportedFigures, rollUp, unitIdentity } from './context';
import { type FigureRow, noFigures, sumFigures, tableFigures } from './figures';
import { makeRate } from './format';
import { withRanks } from './rank';
import { plannedFigure, unreportedRows } from './targets';
import type { Rate, RowIdentity, Section } from './types';

type PlanTable = 'start' | 'expropriation';

/** What a row of such a table carries besides its figures. */
export type PlanRateRow<K extends PlanTable> = RowIdentity &
  FigureRow<K> & {
    plan: number;
    /** The plan is the annual target (for a group or the province: some part's is); `plan` is then the target. */
    fromTarget: boolean;
    rate: Rate | null;
    flag: string;
    /** 1 = highest rate; ties share a rank; null without a plan. Units are ranked among units, groups among groups. */
    rank: number | null;
  };

export interface PlanRateRule<K extends PlanTable, Row extends PlanRateRow<K>> {
  table: K;
  /** The annual target that stands for the return's plan. */
  target: TargetKey;
  /** The figure measured against the plan. */
  done: keyof FigureRow<K> & string;
  flag: (rate: Rate | null, t: Thresholds) => Row['flag'];
}

export function planRateSection<K extends PlanTable, Row extends PlanRateRow<K>>(
  ctx: CalcContext,
  rule: PlanRateRule<K, Row>,
): Section<Row> {
  const { table, target } = rule;
  const rated = (identity: RowIdentity, figures: FigureRow<K>, plan: number, fromTarget: boolean): Row => {
    const rate = makeRate((figures as Record<string, unknown>)[rule.done] as number, plan);
    return {
      ...identity,
      ...figures,
      plan,
      fromTarget,
      rate,
      flag: rule.flag(rate, ctx.thresholds),
      rank: null,
    } as unknown as Row;
  };
  const unitRows = reportedFigures(ctx, table).map(({ unit, fig }) => {
    const planned = plannedFigure(ctx, unit, target, fig.plan);
    const figures = tableFigures(ctx, table, unit, fig);
    return rated(unitIdentity(ctx, unit), figures, planned.value ?? fig.plan, planned.fromTarget);
  });
  const sum = (identity: RowIdentity, parts: Row[]): Row => {
    const figures = sumFigures(table, parts);
    return rated(
      identity,
      figures,
      (figures as Record<string, unknown>).plan as number,
      parts.some((p) => p.fromTarget),
    );
  };
  const units = withRanks(unitRows);
  // Not reported, but planned: the target counts; what was done is not known, so no rate, no flag, no rank.
  const unreported = unreportedRows<Row>(
    ctx,
    table,
    target,
    (plan) =>
      ({
        ...noFigures(table),
        plan,
        fromTarget: true,
        rate: null,
        flag: 'none',
        rank: null,
      }) as unknown as Omit<Row, keyof RowIdentity>,
  );
  const { groups, province } = rollUp(ctx, units, sum, unreported);
  return { units, groups: withRanks(groups), province, unreported };
}
