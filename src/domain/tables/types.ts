// The shape of a declarative table definition: one per return table, the single source of truth for the
// reader (titles, header synonyms, units), validation, the data tables, the exports and the templates.
import type { TableKey } from '../types';

/** What a column holds, which decides how a cell is read and validated. */
export type FieldKind =
  | 'seq' // 序号: ignored
  | 'unit' // 市县: a reporting unit name
  | 'bank' // 贷款银行: a bank name
  | 'count' // whole 套 or 户, never negative
  | 'money' // yuan, from 亿元/万元/元, never negative
  | 'rate' // a percent as declared (41.6, '41.6%', or 0.416 formatted as a percent)
  | 'text';

/** The unit a figure is stored in; a header may name a larger one (万套, 亿元, 万元) that is converted exactly. */
export type FieldUnit = '套' | '户' | '个' | '元' | '%';

export interface FieldDef {
  key: string;
  /** The official header, as in the spec (with its unit). */
  header: string;
  /** Short label for tables and charts (no unit). */
  label: string;
  kind: FieldKind;
  /** The unit of the official header: 套, 户, 亿元, %… (for money, the header's unit, converted to 元). */
  headerUnit?: '套' | '户' | '亿元' | '%';
  /** Other wordings that mean this column (compared after removing spaces, line breaks, units and 其中：). */
  synonyms: string[];
  /** A return without this column is refused. */
  required: boolean;
  /** For a 本月 column: the cumulative field it is the month's increase of. */
  monthOf?: string;
}

export interface TableDef {
  key: TableKey;
  /** 1…5: 表1 … 表5 and 附件1 … 附件5. */
  number: number;
  /** The title without period and number: 棚户区改造开工进展情况. */
  title: string;
  /** Words that, found in a sheet's title lines, identify the table. */
  titleKeywords: string[];
  /** Short name for navigation: 棚改开工. */
  shortName: string;
  /** The official sheet name of the template: 表1. */
  sheetName: string;
  /** The 单位 of the header block: 套, 亿元, 户. */
  unitLabel: string;
  /** The attachment's title in the bulletin, after the period: 全省棚户区改造开工进展情况. */
  attachmentTitle: string;
  /** 'one': a row per unit; 'many': several rows per unit (banks, projects). */
  rows: 'one' | 'many';
  fields: FieldDef[];
}
