// 表4 拆迁结转项目未完成情况: a row per unfinished project; no rows means none. A project gone from next
// month's return is finished.
import type { CarryOverProject } from '../types';
import { seqField, unitField } from './common-fields';
import { defineTable } from './types';

export const carryOverTable = defineTable<CarryOverProject>()({
  key: 'carryOver',
  number: 4,
  title: '拆迁结转项目未完成情况',
  titleKeywords: ['结转项目', '拆迁结转', '遗留项目', '未完成情况'],
  shortName: '结转项目',
  sheetName: '表4',
  unitLabel: '户',
  attachmentTitle: '全省拆迁遗留项目未完成情况',
  rows: 'many',
  subjects: ['拆迁结转', '结转', '棚改', '棚户区改造', '遗留', '拆迁遗留', '居民'],
  fields: [
    seqField,
    unitField(),
    {
      key: 'name',
      meaning: { concepts: ['项目'], time: 'none', noManner: true, measures: ['名称', '名'] },
      header: '项目名称',
      label: '项目名称',
      kind: 'text',
      synonyms: ['项目', '结转项目名称', '项目名'],
      required: true,
    },
    {
      key: 'households',
      meaning: {
        concepts: ['涉及', '总'],
        also: ['拆迁', '征收'],
        bare: true,
        time: 'toDate',
        noManner: true,
      },
      header: '涉及户数',
      label: '涉及户数',
      kind: 'count',
      headerUnit: '户',
      synonyms: ['涉及户数', '总户数', '户数', '涉及居民户数'],
      required: true,
    },
    {
      key: 'unfinished',
      meaning: {
        concepts: ['未完成', '未拆迁', '剩余', '未搬迁', '尚未完成', '未签约', '未征收'],
        also: ['拆迁', '征收'],
        time: 'toDate',
      },
      header: '未完成拆迁户数',
      label: '未完成拆迁户数',
      kind: 'count',
      headerUnit: '户',
      synonyms: ['未完成拆迁户数', '未完成户数', '未拆迁户数', '剩余户数', '未完成拆迁'],
      required: true,
    },
    {
      key: 'reason',
      meaning: {
        concepts: ['原因', '问题', '困难'],
        also: ['未完成', '存在', '主要', '拆迁', '征收'],
        time: 'none',
        noManner: true,
      },
      header: '未完成原因',
      label: '未完成原因',
      kind: 'text',
      synonyms: ['原因', '未完成的原因', '存在问题'],
      required: false,
    },
    {
      key: 'plannedFinish',
      meaning: {
        concepts: ['完成时间', '时间', '日期', '完成日期', '竣工时间'],
        time: 'none',
        plan: 'allowed',
        noManner: true,
      },
      header: '计划完成时间',
      label: '计划完成时间',
      kind: 'text',
      synonyms: ['预计完成时间', '完成时间', '计划完成日期'],
      required: false,
    },
  ],
});
