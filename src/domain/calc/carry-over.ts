// 表4 拆迁结转项目: the unfinished projects, their count per unit, and against the previous month (a stock
// figure, compared across the year boundary): finished (gone from the list) and new, matched by unit + name.
import type { CarryOverProject } from '../types';
import { normaliseName } from '../units';
import { type CalcContext, reportedFigures, rollUp, total, unitIdentity } from './context';
import { sumFigures } from './figures';
import { comparePinyin } from './sort';
import type { CarryOverItem, CarryOverRow, CarryOverSection, RowIdentity } from './types';

function key(project: CarryOverProject): string {
  return normaliseName(project.name);
}

function countByKey(list: readonly CarryOverProject[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of list) out.set(key(p), (out.get(key(p)) ?? 0) + 1);
  return out;
}

/** Takes one project of that name from the counts; false when none is left. */
function take(counts: Map<string, number>, name: string): boolean {
  const left = counts.get(name) ?? 0;
  if (left === 0) return false;
  counts.set(name, left - 1);
  return true;
}

export function analyseCarryOver(ctx: CalcContext): CarryOverSection {
  const projects: CarryOverItem[] = [];
  const finishedProjects: CarryOverItem[] = [];
  const newProjects: CarryOverItem[] = [];
  const units = reportedFigures(ctx, 'carryOver').map(({ unit, fig: list }): CarryOverRow => {
    const id = unitIdentity(ctx, unit);
    const prevList = ctx.previousStock.get(unit.id)?.tables.carryOver;
    const item = (project: CarryOverProject): CarryOverItem => ({
      unitId: unit.id,
      unitName: unit.name,
      groupId: id.groupId,
      project,
    });
    for (const project of list) projects.push(item(project));
    let finished = 0;
    let added = 0;
    if (prevList) {
      // Matched by name as a multiset: a unit may list two projects of the same name, and one of them may finish.
      const nowLeft = countByKey(list);
      const beforeLeft = countByKey(prevList);
      for (const p of prevList) {
        if (!take(nowLeft, key(p))) {
          finished++;
          finishedProjects.push(item(p));
        }
      }
      for (const p of list) {
        if (!take(beforeLeft, key(p))) {
          added++;
          newProjects.push(item(p));
        }
      }
    }
    return {
      ...id,
      count: list.length,
      ...sumFigures('carryOver', list),
      previousCount: prevList ? prevList.length : null,
      finished,
      added,
      change: prevList ? added - finished : null,
    };
  });
  const sum = (identity: RowIdentity, parts: CarryOverRow[]): CarryOverRow => {
    const known = parts.filter((p) => p.previousCount !== null);
    const compared = parts.filter((p) => p.change !== null);
    return {
      ...identity,
      count: total(parts, (p) => p.count),
      ...sumFigures('carryOver', parts),
      previousCount: known.length === 0 ? null : total(known, (p) => p.previousCount ?? 0),
      finished: total(parts, (p) => p.finished),
      added: total(parts, (p) => p.added),
      change: compared.length === 0 ? null : total(compared, (p) => p.change ?? 0),
    };
  };
  const { groups, province } = rollUp(ctx, units, sum);
  return {
    units,
    groups,
    province,
    // 表4 has no annual target.
    unreported: [],
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
