// Words shown for stored things: unit and period names, times, and what kind of change an import record is.
import { periodLabel } from '../../domain/period';
import type { PeriodKey, UnitId } from '../../domain/types';
import { defaultRegister } from '../../domain/units';

export function unitName(unitId: UnitId): string {
  return defaultRegister.unit(unitId)?.name ?? unitId;
}

export function unitPeriodText(unitId: UnitId, period: PeriodKey): string {
  return `${unitName(unitId)} ${periodLabel(period)}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Local date and time: 2018-10-10 08:05. */
export function timeText(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export const IMPORT_KIND_LABEL: Record<string, string> = {
  import: '导入',
  demo: '示例数据',
  merge: '合并备份',
  restore: '恢复版本',
  undo: '撤销',
  sync: '同步',
  manual: '手工录入',
};
