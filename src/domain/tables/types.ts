// The shape of a declarative table definition: one per return table, the single source of truth for the
// reader (titles, header synonyms, units), the stored record, its checks, the data tables, the exports and the
// templates. A definition is typed against the record it fills: a field whose key is not a property of the
// record is a type error, and so is a property of the record without its field.
import type { TableKey } from '../types';
import type { FieldMeaning } from './meaning';

/** What a column holds, which decides how a cell is read, stored and validated. */
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

/**
 * How a cumulative figure accrues, which decides what its month increase is compared with:
 * - year: since 1 January (累计开工, 本年授信): the previous period of the same year, the figure itself in
 *   January, and a fall within the year is an error of one of the two returns;
 * - stock: never reset (累计筹集, 累计已分配): the previous month, across the year boundary.
 */
export type Accrual = 'year' | 'stock';

/**
 * One column of a return table, as every consumer sees it. The checks are data: `monthOf` (a month column
 * of a cumulative one), `rateOf` (a declared rate of two figures), `sumOf` (a column that is the sum of
 * others, read only to be checked), `atMost` (a figure that should not exceed another).
 */
export interface FieldDef {
  key: string;
  /** The official header, as in the spec (with its unit). */
  header: string;
  /** Short label for tables and charts (no unit). */
  label: string;
  /** A shorter label after a bank's name or under a band (授信, 发放; 本月新增). */
  shortLabel?: string;
  kind: FieldKind;
  /** The unit of the official header: 套, 户, 亿元, %… (for money, the header's unit, converted to 元). */
  headerUnit?: '套' | '户' | '亿元' | '%';
  /** Other wordings that mean this column (compared after removing spaces, line breaks, units and 其中：). */
  synonyms: readonly string[];
  /** A return without this column is refused. */
  required: boolean;
  /** Stored as null (not 0) when the return lacks the column; a rate is null when its cell is blank too. */
  nullable?: boolean;
  /**
   * A nullable field of data version 2, when the content hash still wrote nulls: it hashes as null (absent too),
   * so the returns already stored keep their hashes. A field added later leaves it out: while null it is not in
   * the hash at all (see domain/content.ts).
   */
  hashNull?: true;
  /** For a 本月 column: the cumulative field it is the month's increase of. */
  monthOf?: string;
  /** For a cumulative figure: how it accrues (see Accrual); absent for a plan or a task. */
  accrues?: Accrual;
  /** For a rate: the figures it is the rate of, [numerator, denominator]. */
  rateOf?: readonly [string, string];
  /** A column that is the sum of these fields: read only to be checked against them, never stored. */
  sumOf?: readonly string[];
  /** A figure that should not exceed this one (a warning names both). */
  atMost?: string;
  /** What the header means, taken apart (see ./meaning.ts): how a header worded otherwise is still read. */
  meaning?: FieldMeaning;
}

/** The keys of a record's number fields that are never null (counts and money always stated). */
export type FigureKeys<R> = {
  [K in keyof R]-?: R[K] extends number ? K : never;
}[keyof R] &
  string;

/** The keys a figure check may name: the record's figures and the table's derived (sumOf) columns. */
type CheckKey<R, D extends string> = FigureKeys<R> | D;

interface Column<K extends string> {
  key: K;
  header: string;
  label: string;
  shortLabel?: string;
  headerUnit?: '套' | '户' | '亿元' | '%';
  synonyms: readonly string[];
  required: boolean;
  meaning?: FieldMeaning;
}

/** 序号 and 市县: columns every table may have, never stored in the record. */
export interface SeqField extends Column<'seq'> {
  kind: 'seq';
}
export interface UnitField extends Column<'unit'> {
  kind: 'unit';
}

/** A column that is the sum of figures of the record (表3 合计): read to be checked, never stored. */
interface SumField<R, D extends string> extends Column<D> {
  kind: 'count' | 'money';
  sumOf: readonly FigureKeys<R>[];
  accrues?: Accrual;
}

interface TextField<K extends string> extends Column<K> {
  kind: 'text' | 'bank';
}

interface FigureField<R, K extends string, D extends string> extends Column<K> {
  kind: 'count' | 'money';
  nullable?: false;
  accrues?: Accrual;
  atMost?: CheckKey<R, D>;
}

interface NullableFigureField<R, K extends string, D extends string> extends Column<K> {
  kind: 'count' | 'money';
  nullable: true;
  hashNull?: true;
  monthOf?: CheckKey<R, D>;
}

interface RateField<R, K extends string, D extends string> extends Column<K> {
  kind: 'rate';
  nullable: true;
  hashNull?: true;
  rateOf?: readonly [CheckKey<R, D>, CheckKey<R, D>];
}

/** The field of record property K, its kind following the property's type. */
type StoredField<R, K extends keyof R & string, D extends string> = R[K] extends string
  ? TextField<K>
  : R[K] extends number
    ? FigureField<R, K, D>
    : R[K] extends number | null | undefined
      ? NullableFigureField<R, K, D> | RateField<R, K, D>
      : never;

/** A field of a table whose rows are records R, with derived (sumOf) columns named D. */
export type TypedFieldDef<R, D extends string = never> =
  | { [K in keyof R & string]-?: StoredField<R, K, D> }[keyof R & string]
  | SeqField
  | UnitField
  | ([D] extends [never] ? never : SumField<R, D>);

export interface TableDef {
  key: TableKey;
  /** 1…5: 表1 … 表5 and 附件1 … 附件5. */
  number: number;
  /** The title without period and number: 棚户区改造开工进展情况. */
  title: string;
  /** Words that, found in a sheet's title lines, identify the table. */
  titleKeywords: readonly string[];
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
  /** Subject words a header of this table may carry (棚改, 棚户区改造, 公租房): they add nothing to its meaning. */
  subjects?: readonly string[];
  fields: readonly FieldDef[];
}

/** A definition whose fields are typed against the record R its rows fill. */
export interface TypedTableDef<R, F extends readonly TypedFieldDef<R, string>[]> extends TableDef {
  fields: F;
  /** Never set: carries the record type for the helpers that derive from the definition. */
  readonly record?: R;
}

/** The properties of R that no field fills (must be none). */
type Unfilled<R, F extends readonly { key: string }[]> = Exclude<keyof R & string, F[number]['key']>;

/**
 * Define a table whose rows fill records R (derived columns D): `defineTable<StartFigures>()({ … })`. Every
 * field's key must be a property of R with a kind that fits its type, and every property of R must have its
 * field: otherwise the call asks for a second argument whose type names the properties without one.
 */
export function defineTable<R, D extends string = never>() {
  return <const F extends readonly TypedFieldDef<R, D>[]>(
    def: Omit<TableDef, 'fields'> & { fields: F },
    ..._complete: [Unfilled<R, F>] extends [never] ? [] : [fieldsMissingFor: Unfilled<R, F>]
  ): TypedTableDef<R, F> => def as TypedTableDef<R, F>;
}

/** Whether a field is a property of the stored record (not 序号, 市县 or a column read only to be checked). */
export function isStoredField(field: FieldDef): boolean {
  return field.kind !== 'seq' && field.kind !== 'unit' && field.sumOf === undefined;
}

/** Whether a field holds a count or an amount of money (a figure that adds up). */
export function isFigureField(field: FieldDef): boolean {
  return field.kind === 'count' || field.kind === 'money';
}
