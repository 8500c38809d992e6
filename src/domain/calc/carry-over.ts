// 表4 拆迁结转项目: the unfinished projects, their count per unit, and against the previous month (a stock
// figure, compared across the year boundary): finished (gone from the list) and new, matched by unit + name.
import type { CarryOverProject } from '../types';
import { normaliseName } from '../units';
import { type CalcContext, reportingUnits, rollUp, total, unitIdentity } from './context';
import { comparePinyin } from './sort';
import type { CarryOverItem, CarryOverRow, CarryOverSection, RowIdentity } from './types';

function key(project: CarryOverProject): string {
  return normaliseName(project.name);
}

export function analyseCarryOver(ctx: CalcContext): CarryOverSection {
  const projects: CarryOverItem[] = [];
  const finishedProjects: CarryOverItem[] = [];
  const newProjects: CarryOverItem[] = [];
  const units = reportingUnits(ctx, (r) => r.tables.carryOver !== undefined).map((unit): CarryOverRow => {
    const id = unitIdentity(ctx, unit);
    const list = ctx.current.get(unit.id)?.tables.carryOver ?? [];
    const prevList = ctx.previousStock.get(unit.id)?.tables.carryOver;
    const item = (project: CarryOverProject): CarryOverItem => ({
      unitId: unit.id,
      unitName: unit.name,
      groupId: id.groupId,
      project,
    });
    projects.push(...list.map(item));
    let finished = 0;
    let added = 0;
    if (prevList) {
      const now = new Set(list.map(key));
      const before = new Set(prevList.map(key));
      for (const p of prevList) {
        if (!now.has(key(p))) {
          finished++;
          finishedProjects.push(item(p));
        }
      }
      for (const p of list) {
        if (!before.has(key(p))) {
          added++;
          newProjects.push(item(p));
        }
      }
    }
    return {
      ...id,
      count: list.length,
      unfinished: total(list, (p) => p.unfinished),
      previousCount: prevList ? prevList.length : null,
      finished,
      added,
    };
  });
  const sum = (identity: RowIdentity, parts: CarryOverRow[]): CarryOverRow => {
    const known = parts.filter((p) => p.previousCount !== null);
    return {
      ...identity,
      count: total(parts, (p) => p.count),
      unfinished: total(parts, (p) => p.unfinished),
      previousCount: known.length === 0 ? null : total(known, (p) => p.previousCount ?? 0),
      finished: total(parts, (p) => p.finished),
      added: total(parts, (p) => p.added),
    };
  };
  const { groups, province } = rollUp(ctx, units, sum);
  return {
    units,
    groups,
    province,
    previousPeriod: ctx.previousMonth,
    projects,
    finishedProjects,
    newProjects,
    lists: {
      many: units
        .filter((r) => r.count > 0 && r.count >= ctx.thresholds.carryOverMany)
        .sort((a, b) => b.count - a.count || comparePinyin(a.name, b.name))
        .map((r) => r.id),
    },
  };
}
