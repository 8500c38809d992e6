// Test helper: build real return workbooks (xlsx, xls) in memory with SheetJS, shaped like the official template,
// so reader tests can vary one thing at a time (a header, a cell, a layout) and read the actual file bytes.
import * as XLSX from 'xlsx';

export type Aoa = unknown[][];

export interface SheetSpec {
  name: string;
  rows: Aoa;
  /** Merged ranges in A1 form: 'A1:G1'. */
  merges?: string[];
  /** Number formats by cell: { F4: '0.0%' }. */
  formats?: Record<string, string>;
  /** Where the first row goes (default A1). */
  origin?: string;
  /** A hidden sheet. */
  hidden?: boolean;
}

export type BookType = 'xlsx' | 'xls' | 'biff8';

export function buildWorkbook(sheets: SheetSpec[]): XLSX.WorkBook {
  const wb = XLSX.utils.book_new();
  for (const spec of sheets) {
    const ws = XLSX.utils.aoa_to_sheet([]);
    XLSX.utils.sheet_add_aoa(ws, spec.rows, { origin: spec.origin ?? 'A1' });
    if (spec.merges) ws['!merges'] = spec.merges.map((m) => XLSX.utils.decode_range(m));
    for (const [addr, z] of Object.entries(spec.formats ?? {})) {
      const cell = ws[addr] as XLSX.CellObject | undefined;
      if (cell) cell.z = z;
    }
    XLSX.utils.book_append_sheet(wb, ws, spec.name);
  }
  if (sheets.some((s) => s.hidden)) {
    wb.Workbook = { Sheets: sheets.map((s) => ({ name: s.name, Hidden: s.hidden ? 1 : 0 })) };
  }
  return wb;
}

export function workbookBytes(sheets: SheetSpec[], bookType: BookType = 'xlsx'): Uint8Array {
  const out = XLSX.write(buildWorkbook(sheets), { bookType, type: 'array' }) as ArrayBuffer;
  return new Uint8Array(out);
}

export interface ReturnOptions {
  unit?: string;
  cutoff?: unknown;
  title?: string;
}

const FOOTER = '填表人：张三        联系电话：0431-88888888';

/** 表1 as in the template: title, key–value line, header, one row, footer. */
export function startSheet(
  opts: ReturnOptions = {},
  row: unknown[] = [1, opts.unit ?? '农安县', 800, 400, 50, 50, ''],
): SheetSpec {
  return {
    name: '表1',
    rows: [
      [opts.title ?? '2018年1-9月棚户区改造开工进展情况（表1）'],
      [
        `填报单位：${opts.unit ?? '农安县'}`,
        null,
        null,
        `截止日期：${opts.cutoff ?? '2018年9月30日'}`,
        null,
        '单位：套',
      ],
      ['序号', '市县', '年度计划（套）', '累计开工（套）', '其中：本月开工（套）', '开工率（%）', '备注'],
      row,
      [FOOTER],
    ],
    merges: ['A1:G1', 'A5:G5'],
  };
}

/** 表2: two banks and their 合计 (国开行 1.2 / 0.5, 农发行 2.26 (+0.1) / 1.76). */
export function loanSheet(opts: ReturnOptions = {}, banks?: Aoa, total?: unknown[]): SheetSpec {
  const lines = banks ?? [
    [1, '国开行', 1.2, 0, 0.5, 0, ''],
    [2, '农业发展银行', 2.26, 0.1, 1.76, 0, ''],
  ];
  return {
    name: '表2',
    rows: [
      [opts.title ?? '2018年1-9月棚改贷款进展情况（表2）'],
      [
        `填报单位：${opts.unit ?? '农安县'}`,
        null,
        `截止日期：${opts.cutoff ?? '2018年9月30日'}`,
        null,
        '本年棚改需贷款（亿元）：4.07',
        null,
        '单位：亿元',
      ],
      [
        '序号',
        '贷款银行',
        '本年授信（审批）额度（亿元）',
        '其中：本月新增授信',
        '本年发放贷款（亿元）',
        '其中：本月新增发放',
        '备注',
      ],
      ...lines,
      total ?? [null, '合计', 3.46, 0.1, 2.26, 0, ''],
      [FOOTER],
    ],
  };
}

/** 表3: plan 700, 征收 342 + 拆迁 8 = 350, 41 this month. */
export function expropriationSheet(opts: ReturnOptions = {}, row?: unknown[]): SheetSpec {
  return {
    name: '表3',
    rows: [
      [opts.title ?? '2018年1-9月房屋征收进展情况（表3）'],
      [
        `填报单位：${opts.unit ?? '农安县'}`,
        null,
        null,
        `截止日期：${opts.cutoff ?? '2018年9月30日'}`,
        null,
        null,
        '单位：户',
      ],
      [
        '序号',
        '市县',
        '年度征收计划（户）',
        '累计完成征收（户）',
        '累计完成拆迁（户）',
        '合计（户）',
        '其中：本月完成（户）',
        '备注',
      ],
      row ?? [1, opts.unit ?? '农安县', 700, 342, 8, 350, 41, ''],
      [FOOTER],
    ],
  };
}

/** 表4: two unfinished projects. */
export function carryOverSheet(opts: ReturnOptions = {}, projects?: Aoa): SheetSpec {
  const unit = opts.unit ?? '农安县';
  return {
    name: '表4',
    rows: [
      [opts.title ?? '2018年1-9月拆迁结转项目未完成情况（表4）'],
      [`填报单位：${unit}`, null, null, `截止日期：${opts.cutoff ?? '2018年9月30日'}`, null, '单位：户'],
      ['序号', '市县', '项目名称', '涉及户数', '未完成拆迁户数', '未完成原因', '计划完成时间'],
      ...(projects ?? [
        [1, unit, '光明片区1期棚户区改造项目', 156, 45, '补偿标准未达成一致', '2018年12月'],
        [2, unit, '和平棚户区2期棚户区改造项目', 478, 152, '安置房源不足', '2018年12月'],
      ]),
      [FOOTER],
    ],
  };
}

/** 表5: 9260 raised, 7279 allocated (78.61%), task 300 with 0 done. */
export function publicRentalSheet(opts: ReturnOptions = {}, row?: unknown[]): SheetSpec {
  return {
    name: '表5',
    rows: [
      [opts.title ?? '2018年1-9月公共租赁住房分配进展情况（表5）'],
      [
        `填报单位：${opts.unit ?? '农安县'}`,
        null,
        null,
        `截止日期：${opts.cutoff ?? '2018年9月30日'}`,
        null,
        null,
        '单位：套',
      ],
      [
        '序号',
        '市县',
        '累计筹集（套）',
        '累计已分配（套）',
        '分配率（%）',
        '本年分配任务（套）',
        '本年已分配（套）',
        '本年任务完成率（%）',
        '上年同期分配率（%）',
      ],
      row ?? [1, opts.unit ?? '农安县', 9260, 7279, 78.61, 300, 0, 0, 72.2],
      [FOOTER],
    ],
  };
}

/** A whole clean return of one unit: the five sheets. */
export function standardReturn(opts: ReturnOptions = {}): SheetSpec[] {
  return [
    startSheet(opts),
    loanSheet(opts),
    expropriationSheet(opts),
    carryOverSheet(opts),
    publicRentalSheet(opts),
  ];
}

/** Replace the sheet of a standard return with the same name. */
export function withSheet(sheets: SheetSpec[], replacement: SheetSpec): SheetSpec[] {
  return sheets.map((s) => (s.name === replacement.name ? replacement : s));
}
