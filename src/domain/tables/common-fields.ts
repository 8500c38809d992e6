// The columns every return table opens with: 序号 (ignored) and 市县 (the reporting unit).
import type { FieldDef, SeqField, UnitField } from './types';

export const seqField: SeqField = {
  key: 'seq',
  header: '序号',
  label: '序号',
  kind: 'seq',
  synonyms: ['编号', '序'],
  required: false,
  meaning: { concepts: ['序号', '编号', '序', '行号', '排序'], time: 'none', noManner: true },
};

const UNIT_SYNONYMS = [
  '市县名称',
  '单位',
  '地区',
  '市（县）',
  '县市',
  '市县区',
  '县（市、区）',
  '市（县、区）',
  '县（市）',
  '县（市区）',
  '市（县区）',
  '市县（区）',
  '县（市、区）名称',
  '市、县',
  '县区',
  '区县',
  '单位名称',
  '地区名称',
];

/** 市县; optional, since a one-unit return may name its unit only in the 填报单位 cell. */
export function unitField(extraSynonyms: readonly string[] = []): UnitField {
  return {
    key: 'unit',
    header: '市县',
    label: '市县',
    kind: 'unit',
    synonyms: [...UNIT_SYNONYMS, ...extraSynonyms],
    required: false,
    meaning: {
      concepts: ['市县', '县市', '市', '县', '区', '地区', '单位', '区县', '县区', '填报单位', '报送单位'],
      time: 'none',
      noManner: true,
      measures: ['名称', '名'],
    },
  };
}

/**
 * Headers of columns a return may carry that no table stores, read as known and ignored: 栏次, a note column
 * of a table without one, the contact columns some counties add. (序号 is a field of its own.)
 */
export const IGNORABLE_HEADERS: readonly string[] = [
  '栏次',
  '栏号',
  '备注',
  '说明',
  '备考',
  '附注',
  '联系人',
  '联系电话',
  '电话',
  '责任单位',
  '责任人',
  '填报人',
  '经办人',
];

/** 备注, in the tables that keep one (表1, 表2, 表3). */
export const noteField = {
  key: 'note',
  header: '备注',
  label: '备注',
  kind: 'text',
  synonyms: ['说明'],
  required: false,
  meaning: { concepts: ['备注', '说明', '备考', '附注', '情况说明'], time: 'none', noManner: true },
} as const satisfies FieldDef;
