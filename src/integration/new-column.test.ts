// A figure column added to a table's definition, and nothing else: read from a file into the record, checked as
// the definition declares, carried through the analysis, shown in the attachments, the 数据 view and the unit
// page, refused when wrong in a backup, and no stored return's content hash changed. Each case adds one field to
// one definition here, before anything reads the definitions, as a new column in next year's form would.
import { describe, expect, it } from 'vitest';
import { buildAttachments, cellText } from '../domain/bulletin/attachments';
import { analysePeriod, type RowIdentity, type Section } from '../domain/calc';
import { normalisedReturn, returnContent } from '../domain/content';
import { storedReturnProblem } from '../domain/return-check';
import { DEFAULT_THRESHOLDS } from '../domain/settings';
import { type FieldDef, tableDef } from '../domain/tables';
import type { ParsedReturn, TableKey } from '../domain/types';
import { defaultRegister } from '../domain/units';
import { cleanValues, figure, sheetOf } from '../import/definition-workbooks';
import { readReturn } from '../import/read-return';
import { workbookBytes } from '../import/test-workbooks';
import { carryOverSummaryColumns } from '../pages/data/carry-over-view';
import { figureDataColumns } from '../pages/data/figure-columns';
import { loanUnitColumns } from '../pages/data/loan-view';
import { publicRentalColumns } from '../pages/data/public-rental-view';
import { startColumns } from '../pages/data/start-view';

interface Added {
  table: TableKey;
  after: string;
  field: FieldDef;
}

const ADDED: Added[] = [
  {
    // The trial column: a month column of a stock figure.
    table: 'publicRental',
    after: 'raised',
    field: {
      key: 'raisedMonth',
      meaning: { concepts: ['筹集', '房源'], time: 'month' },
      header: '其中：本月新增筹集（套）',
      label: '本月新增筹集',
      kind: 'count',
      headerUnit: '套',
      synonyms: ['本月新增筹集', '本月筹集', '当月筹集'],
      required: false,
      nullable: true,
      monthOf: 'raised',
    },
  },
  {
    // A plain count with a limit.
    table: 'start',
    after: 'started',
    field: {
      key: 'completed',
      meaning: { concepts: ['建成', '竣工'], time: 'toDate' },
      header: '累计基本建成（套）',
      label: '累计基本建成',
      kind: 'count',
      headerUnit: '套',
      synonyms: ['累计基本建成', '基本建成', '累计建成'],
      required: false,
      accrues: 'year',
      atMost: 'started',
    },
  },
  {
    // Money on every bank line.
    table: 'loan',
    after: 'disbursedMonth',
    field: {
      key: 'repaid',
      meaning: { concepts: ['归还', '还款'], time: 'year' },
      header: '本年归还贷款（亿元）',
      label: '本年归还贷款',
      shortLabel: '归还',
      kind: 'money',
      headerUnit: '亿元',
      synonyms: ['本年归还贷款', '本年归还', '归还贷款'],
      required: false,
    },
  },
  {
    // A count on every carry-over project.
    table: 'carryOver',
    after: 'unfinished',
    field: {
      key: 'signed',
      meaning: { concepts: ['签约'], time: 'toDate' },
      header: '已签约户数',
      label: '已签约户数',
      kind: 'count',
      headerUnit: '户',
      synonyms: ['已签约户数', '签约户数', '已签约'],
      required: false,
    },
  },
];

for (const added of ADDED) {
  const fields = tableDef(added.table).fields as unknown as FieldDef[];
  // Once such a column is in a definition for real, the case tests that one.
  const real = fields.find((f) => f.key === added.field.key);
  if (real) added.field = real;
  else fields.splice(fields.findIndex((f) => f.key === added.after) + 1, 0, added.field);
}

const UNITS = ['农安县', '德惠市', '榆树市'];

/** The return of a unit for a month, read from a workbook generated from the (extended) definition. */
function readOne(
  table: TableKey,
  unit: string,
  month: number,
  scale: number,
  withField = true,
): ParsedReturn {
  const def = tableDef(table);
  const fields = withField ? def.fields : def.fields.filter((f) => !ADDED.some((a) => a.field.key === f.key));
  const bytes = workbookBytes([sheetOf(def, fields, cleanValues(def, scale), { unit, month })]);
  const result = readReturn(bytes, `${unit}.xlsx`);
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
  return result.returns[0] as ParsedReturn;
}

/** The record the added field lives in: the table's one record, a bank line or a project. */
function recordOf(ret: ParsedReturn, table: TableKey): Record<string, unknown> {
  const t = ret.tables as unknown as Record<string, unknown>;
  if (table === 'loan')
    return (t.loan as { banks: Record<string, unknown>[] }).banks[0] as Record<string, unknown>;
  if (table === 'carryOver') return (t.carryOver as Record<string, unknown>[])[0] as Record<string, unknown>;
  return t[table] as Record<string, unknown>;
}

describe.each(ADDED)('$table gains $field.key ($field.header)', ({ table, field }) => {
  const def = tableDef(table);

  it('is read into the record, and a stored return with it passes the stored-return check', () => {
    const ret = readOne(table, '农安县', 9, 1);
    expect(recordOf(ret, table)[field.key]).toBe(cleanValues(def).get(field.key)?.stored);
    expect(storedReturnProblem(ret, 1)).toBeNull();
  });

  it('is null or 0 when a return lacks the column, and no stored return changes its content hash', () => {
    const ret = readOne(table, '农安县', 9, 1, false);
    expect(recordOf(ret, table)[field.key] ?? null).toBe(field.nullable ? null : 0);
    if (field.nullable) {
      // Left out, as in a return stored before the column existed: the same record, the same content hash.
      expect(field.key in recordOf(ret, table)).toBe(false);
      const stated = structuredClone(ret);
      recordOf(stated, table)[field.key] = null;
      expect(returnContent(stated)).toBe(returnContent(ret));
      expect(field.key in recordOf(normalisedReturn(stated) as unknown as ParsedReturn, table)).toBe(false);
    }
  });

  it('is refused in a stored return (a backup, a merge, a sync) when it is not a whole figure ≥ 0', () => {
    const ret = readOne(table, '农安县', 9, 1);
    recordOf(ret, table)[field.key] = -5;
    expect(storedReturnProblem(ret, 4)).toContain(`“${field.label}”的值“-5”无效`);
  });

  it('raises the check its definition declares', () => {
    if (!field.monthOf && !field.atMost) return;
    const values = cleanValues(def);
    const limit = Number(values.get(field.monthOf ?? field.atMost ?? '')?.stored);
    values.set(field.key, figure(field, limit + 1));
    const bytes = workbookBytes([sheetOf(def, def.fields, values)]);
    const result = readReturn(bytes, 'a.xlsx');
    const code = field.monthOf ? 'month.aboveTotal' : 'figure.aboveOther';
    expect(result.ok && result.warnings.map((w) => w.code)).toContain(code);
  });

  // Three units in August and September; September's figures larger (a stock or cumulative figure grows).
  const returnsByPeriod = new Map([
    ['2018-08', UNITS.map((u) => readOne(table, u, 8, 1))],
    ['2018-09', UNITS.map((u) => readOne(table, u, 9, 2))],
  ]);
  const analysis = analysePeriod({
    returnsByPeriod,
    period: '2018-09',
    register: defaultRegister,
    thresholds: DEFAULT_THRESHOLDS,
  });
  const section = analysis[table] as unknown as Section<RowIdentity & Record<string, unknown>>;
  const value = (row: Record<string, unknown>) => {
    const v = (table === 'loan' ? (row.total as Record<string, unknown>) : row)[field.key];
    return field.monthOf ? (v as { value: number | null }).value : v;
  };

  it('is carried through the analysis: each unit, and the province as the sum of its parts', () => {
    expect(section.units).toHaveLength(UNITS.length);
    const units = section.units.map(value) as number[];
    expect(units.every((v) => typeof v === 'number')).toBe(true);
    expect(value(section.province)).toBe(units.reduce((s, v) => s + v, 0));
    if (field.monthOf) {
      // The month column of a stock figure is its increase over last month, not the declared 3.
      const of = recordOf(returnsByPeriod.get('2018-09')?.[0] as ParsedReturn, table)[
        field.monthOf
      ] as number;
      const before = recordOf(returnsByPeriod.get('2018-08')?.[0] as ParsedReturn, table)[
        field.monthOf
      ] as number;
      expect(units[0]).toBe(of - before);
    }
  });

  it('appears in its attachment, under its own header, with the province figure', () => {
    const attachment = buildAttachments(analysis).find((a) => a.key === table);
    const headers = attachment?.headerRows.flat().map((h) => h.text) ?? [];
    expect(headers).toContain(field.header);
    const col = attachment?.headerRows.flat().find((h) => h.text === field.header)?.col ?? -1;
    const province = attachment?.rows.find((r) => r.role === 'province')?.cells[col] ?? null;
    if (table === 'carryOver') {
      const total = section.province[field.key as keyof typeof section.province] as number;
      expect(cellText(province)).toBe(String(total));
    } else {
      const expected = value(section.province) as number;
      expect(cellText(province)).toBe(
        field.kind === 'money' ? (expected / 1e8).toFixed(2) : String(expected),
      );
    }
  });

  it('appears in the 数据 view and on the unit page (which shows the view’s columns)', () => {
    expect(figureDataColumns(table).map((c) => c.id)).toContain(field.key);
    const viewColumns: Record<TableKey, () => { id: string; header: string }[]> = {
      start: () => startColumns(DEFAULT_THRESHOLDS),
      loan: () => loanUnitColumns([]),
      expropriation: () => [],
      carryOver: () => carryOverSummaryColumns(DEFAULT_THRESHOLDS),
      publicRental: () => publicRentalColumns(DEFAULT_THRESHOLDS),
    };
    // 表4's view lists projects: its summary sums the figures, the project list shows each.
    expect(viewColumns[table]().map((c) => c.id)).toContain(field.key);
  });
});
