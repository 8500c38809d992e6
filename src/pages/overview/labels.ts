// The overview's short labels: each figure's name as the 数据 tables call it, and the map's measures.
import type { MapMeasure } from '../../domain/calc/map-classes';
import type { FigureKey } from '../../domain/calc/overview';

export const FIGURE_LABEL: Record<FigureKey, string> = {
  startRate: '开工率',
  started: '累计开工',
  startPlan: '年度计划',
  credit: '本年授信',
  disbursed: '本年发放贷款',
  householdsDone: '完成征收拆迁',
  expropriationRate: '征收完成率',
  carryOverProjects: '未完成结转项目',
  carryOverUnfinished: '未完成拆迁户数',
  allocationRate: '公租房分配率',
  allocated: '累计已分配',
  yearTask: '本年分配任务',
  yearAllocated: '本年已分配',
  yearRate: '本年任务完成率',
};

export const MEASURE_LABEL: Record<MapMeasure, string> = {
  startRate: '开工率',
  allocationRate: '公租房分配率',
  expropriationRate: '征收完成率',
  carryOver: '未完成结转项目',
  disbursed: '本年发放贷款',
};
