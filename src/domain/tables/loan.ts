// 表2 棚改贷款进展 (unit 亿元): a row per bank, then 合计; the loan need sits in the header block
// (本年棚改需贷款（亿元）：12.50) or, in a combined return, as a row whose bank cell reads 本年需贷款.
// Disbursed may exceed this year's credit: it draws on earlier years' credit too.
import type { TableDef } from './types';

export const loanTable: TableDef = {
  key: 'loan',
  number: 2,
  title: '棚改贷款进展情况',
  titleKeywords: ['贷款进展', '棚改贷款', '贷款情况', '融资'],
  shortName: '棚改贷款',
  sheetName: '表2',
  unitLabel: '亿元',
  attachmentTitle: '全省棚户区改造贷款进展情况',
  rows: 'many',
  fields: [
    { key: 'seq', header: '序号', label: '序号', kind: 'seq', synonyms: ['编号', '序'], required: false },
    {
      key: 'unit',
      header: '市县',
      label: '市县',
      kind: 'unit',
      synonyms: ['市县名称', '单位', '地区', '市（县）', '县市', '市县区'],
      required: false,
    },
    {
      key: 'bank',
      header: '贷款银行',
      label: '贷款银行',
      kind: 'bank',
      synonyms: ['银行', '银行名称', '贷款机构', '金融机构', '贷款银行名称'],
      required: true,
    },
    {
      key: 'credit',
      header: '本年授信（审批）额度（亿元）',
      label: '本年授信（审批）',
      kind: 'money',
      headerUnit: '亿元',
      synonyms: [
        '本年授信(审批)额度',
        '本年授信额度',
        '授信(审批)额度',
        '授信额度',
        '审批额度',
        '本年授信',
        '授信',
        '授信(审批)',
        '累计授信',
      ],
      required: true,
    },
    {
      key: 'creditMonth',
      header: '其中：本月新增授信',
      label: '本月新增授信',
      kind: 'money',
      headerUnit: '亿元',
      synonyms: ['本月新增授信', '本月授信', '本月新增授信(审批)', '当月新增授信', '新增授信'],
      required: false,
      monthOf: 'credit',
    },
    {
      key: 'disbursed',
      header: '本年发放贷款（亿元）',
      label: '本年发放',
      kind: 'money',
      headerUnit: '亿元',
      synonyms: ['本年发放贷款', '发放贷款', '本年发放', '已发放贷款', '累计发放', '贷款发放', '发放'],
      required: true,
    },
    {
      key: 'disbursedMonth',
      header: '其中：本月新增发放',
      label: '本月新增发放',
      kind: 'money',
      headerUnit: '亿元',
      synonyms: ['本月新增发放', '本月发放', '当月发放', '本月新增发放贷款', '新增发放'],
      required: false,
      monthOf: 'disbursed',
    },
    { key: 'note', header: '备注', label: '备注', kind: 'text', synonyms: ['说明'], required: false },
  ],
};

/** The key of the loan need in the header block, and its wordings. */
export const LOAN_NEED_KEYS = [
  '本年棚改需贷款',
  '本年需贷款',
  '棚改需贷款',
  '需贷款',
  '本年棚改贷款需求',
  '贷款需求',
];
