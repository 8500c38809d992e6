// The reader on returns written by more than one program: the same layouts (the template, headers worded by
// meaning, 栏次 rows, tables anywhere and stacked, blank rows, totals first, units in cells and in the key line,
// cached formula values, merged two-row headers, a combined prefecture workbook) written by SheetJS and by
// ExcelJS, and round-tripped through LibreOffice (to .xlsx and .xls) where `soffice` is installed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { ParsedReturn, ReadResult } from '../domain/types';
import { readReturn } from '../import/read-return';
import type { SheetSpec } from '../import/test-workbooks';
import {
  buildWorkbook,
  carryOverSheet,
  expropriationSheet,
  loanSheet,
  publicRentalSheet,
  standardReturn,
  startSheet,
  withSheet,
} from '../import/test-workbooks';

/** A sheet with formulas: the rows hold each formula cell's cached result. */
interface Spec extends SheetSpec {
  formulas?: Record<string, string>;
}

function sheetJsBytes(sheets: Spec[]): Uint8Array {
  const wb = buildWorkbook(sheets);
  for (const spec of sheets) {
    const ws = wb.Sheets[spec.name] as XLSX.WorkSheet;
    for (const [addr, f] of Object.entries(spec.formulas ?? {})) {
      const cell = ws[addr] as XLSX.CellObject | undefined;
      if (cell) cell.f = f;
    }
  }
  return new Uint8Array(XLSX.write(wb, { bookType: 'xlsx', type: 'array' }) as ArrayBuffer);
}

async function excelJsBytes(sheets: Spec[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const ws = wb.addWorksheet(spec.name, { state: spec.hidden ? 'hidden' : 'visible' });
    const origin = XLSX.utils.decode_cell(spec.origin ?? 'A1');
    spec.rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value === null || value === undefined) return;
        const addr = XLSX.utils.encode_cell({ r: origin.r + r, c: origin.c + c });
        const formula = spec.formulas?.[addr];
        const cell = ws.getCell(addr);
        cell.value = formula ? { formula, result: value as number } : (value as ExcelJS.CellValue);
        const format = spec.formats?.[addr];
        if (format) cell.numFmt = format;
      });
    });
    for (const range of spec.merges ?? []) ws.mergeCells(range);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function returnsOf(result: ReadResult): ParsedReturn[] {
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
  expect(result.warnings.filter((w) => w.code !== 'table.missing').map((w) => w.message)).toEqual([]);
  return result.returns;
}

/** Replace the header row (index 2) of a template sheet. */
function header(sheet: SheetSpec, cells: unknown[]): SheetSpec {
  return { ...sheet, rows: sheet.rows.map((r, i) => (i === 2 ? cells : r)) };
}

/** A row of column labels (栏次 甲 1 2 3 …) under each template sheet's header. */
function withLabels(sheet: SheetSpec): SheetSpec {
  const n = (sheet.rows[2] as unknown[]).length;
  const labels = ['栏次', '甲', ...Array.from({ length: n - 2 }, (_, i) => i + 1)];
  // Merged ranges below the header (the footer line) move down with the rows.
  const merges = (sheet.merges ?? []).map((m) => {
    const range = XLSX.utils.decode_range(m);
    if (range.s.r < 3) return m;
    return XLSX.utils.encode_range({
      s: { ...range.s, r: range.s.r + 1 },
      e: { ...range.e, r: range.e.r + 1 },
    });
  });
  return { ...sheet, rows: [...sheet.rows.slice(0, 3), labels, ...sheet.rows.slice(3)], merges };
}

const worded: Spec[] = [
  header(startSheet(), [
    '序号',
    '县（市、区）',
    '2018年度棚户区改造计划',
    '已完成开工（套）',
    '其中：\n当月新开工',
    '计划完成率',
  ]),
  header(loanSheet(), [
    '序号',
    '放贷银行名称',
    '2018年授信审批额度',
    '其中：当月新增授信',
    '本年已放款（亿元）',
    '其中：当月新增放款',
    '备注',
  ]),
  header(expropriationSheet(), [
    '序号',
    '县（市）',
    '2018年度征收任务',
    '已完成征收',
    '已完成拆迁',
    '征收拆迁合计',
    '其中：9月完成',
    '备注',
  ]),
  header(carryOverSheet(), [
    '序号',
    '市县',
    '结转项目名称',
    '涉及拆迁户数',
    '剩余未完成户数',
    '存在问题',
    '预计完成时间',
  ]),
  header(publicRentalSheet(), [
    '序号',
    '市县',
    '累计筹集房源',
    '公租房累计分配入住',
    '分配率',
    '2018年分配任务',
    '本年度已分配',
    '本年任务完成率',
    '去年同期分配率',
  ]),
];

/** 表1 and 表3 stacked on one sheet, starting at C5, with blank rows between title, header and figures. */
const stacked: Spec[] = [
  ...standardReturn().filter((s) => s.name !== '表1' && s.name !== '表3'),
  {
    name: '汇总',
    origin: 'C5',
    rows: [
      ...startSheet().rows.slice(0, 3),
      [],
      ...startSheet().rows.slice(3),
      [],
      ...expropriationSheet().rows,
    ],
  },
];

/** 表2 with its 合计 line first and its total a cached SUM. */
const totalsLine: Spec = {
  ...loanSheet(),
  rows: [
    ...loanSheet().rows.slice(0, 3),
    [null, '合计', 3.46, 0.1, 2.26, 0, ''],
    [1, '国开行', 1.2, 0, 0.5, 0, ''],
    [2, '农业发展银行', 2.26, 0.1, 1.76, 0, ''],
    ['填表人：张三'],
  ],
  formulas: { C4: 'SUM(C5:C6)', D4: 'SUM(D5:D6)', E4: 'SUM(E5:E6)', F4: 'SUM(F5:F6)' },
};
const totalsFirst: Spec[] = withSheet(standardReturn(), totalsLine);

/** Figures in 万套 said by the 单位 cell of the key line; the units in cells of their own on 表3. */
const unitsInCells: Spec[] = withSheet(
  withSheet(standardReturn(), {
    name: '表1',
    rows: [
      ['2018年1-9月棚户区改造开工进展情况（表1）'],
      ['填报单位：', '农安县', '截止日期：', '2018年9月30日', '单位：', '万套'],
      ['序号', '市县', '年度计划', '累计开工', '其中：本月开工', '开工率（%）'],
      [1, '农安县', 0.08, 0.04, 0.005, 50],
    ],
  }),
  {
    ...expropriationSheet(),
    rows: [
      ...expropriationSheet().rows.slice(0, 2),
      ['序号', '市县', '年度征收计划', '累计完成征收', '累计完成拆迁', '合计', '其中：本月完成', '备注'],
      [null, null, '（户）', '（户）', '（户）', '（户）', '（户）'],
      ...expropriationSheet().rows.slice(3),
    ],
  },
);

/** 表2 under a merged two-row header (授信 | 累计 · 其中：本月新增). */
const twoRowHeader: Spec[] = withSheet(standardReturn(), {
  name: '表2',
  rows: [
    ['2018年1-9月棚改贷款进展情况（表2）'],
    ['填报单位：农安县', null, '截止日期：2018年9月30日', null, '本年棚改需贷款（亿元）：4.07'],
    ['序号', '贷款银行', '本年授信（审批）额度（亿元）', null, '本年发放贷款（亿元）', null, '备注'],
    [null, null, '累计', '其中：本月新增', '累计', '其中：本月新增', null],
    [1, '国开行', 1.2, 0, 0.5, 0, ''],
    [2, '农业发展银行', 2.26, 0.1, 1.76, 0, ''],
    [null, '合计', 3.46, 0.1, 2.26, 0, ''],
  ],
  merges: ['C3:D3', 'E3:F3', 'A3:A4', 'B3:B4', 'G3:G4'],
});

const SCENARIOS: [string, Spec[]][] = [
  ['the template', standardReturn()],
  ['headers worded by meaning on all five tables', worded],
  ['栏次 rows under every header', standardReturn().map(withLabels)],
  ['two tables stacked on one sheet at C5, with blank rows', stacked],
  ['a 合计 line first, its figures cached SUM formulas', totalsFirst],
  ['units in the key line and in a row of their own', unitsInCells],
  ['a merged two-row header', twoRowHeader],
];

const expected = returnsOf(readReturn(sheetJsBytes(standardReturn()), '农安县.xlsx'));

describe.each([
  ['SheetJS', async (s: Spec[]) => sheetJsBytes(s)],
  ['ExcelJS', excelJsBytes],
])('returns written by %s', (_writer, write) => {
  it.each(SCENARIOS)('%s reads as the template', async (_n, sheets) => {
    const bytes = await write(sheets);
    expect(returnsOf(readReturn(bytes, '农安县.xlsx'))).toEqual(expected);
  });

  it('a combined prefecture workbook whose 表4 names one county', async () => {
    const combined: Spec[] = [
      {
        ...startSheet({ unit: '长春市' }),
        merges: ['A1:G1'],
        rows: [
          ...startSheet({ unit: '长春市' }).rows.slice(0, 3),
          [1, '农安县', 800, 400, 50, 50, ''],
          [2, '德惠市', 600, 300, 0, 50, ''],
        ],
      },
      carryOverSheet({ unit: '长春市' }, [[1, '农安县', '光明片区', 156, 45, '安置房源不足', '2018年12月']]),
    ];
    const returns = returnsOf(readReturn(await write(combined), '长春市.xlsx'));
    expect(returns.map((r) => [r.unitId, r.tables.start?.plan, r.tables.carryOver?.length])).toEqual([
      ['220122', 800, 1],
      ['220183', 600, 0],
    ]);
  });
});

// LibreOffice, where installed: files it saved (to .xlsx and to .xls) read exactly as the originals.
const SOFFICE = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'].find((p) => existsSync(p));
if (!SOFFICE)
  console.log(
    'LibreOffice round-trip skipped: no soffice at /usr/bin/soffice (install libreoffice-calc to run it)',
  );

describe.skipIf(!SOFFICE)('returns round-tripped through LibreOffice', () => {
  const chosen = SCENARIOS.filter(([name]) => !name.startsWith('the template')).slice(0, 4);
  const converted = new Map<string, Uint8Array>();

  it('converts the files (one soffice run per format)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reader-lo-'));
    try {
      const inputs: string[] = [];
      for (const [i, [, sheets]] of chosen.entries()) {
        const file = join(dir, `in${i}.xlsx`);
        writeFileSync(file, await excelJsBytes(sheets));
        inputs.push(file);
      }
      // A profile of its own, so that another LibreOffice running on the machine does not lock this one out.
      const profile = `-env:UserInstallation=file://${join(dir, 'profile')}`;
      for (const format of ['xlsx', 'xls']) {
        const out = join(dir, format);
        execFileSync(
          SOFFICE as string,
          [profile, '--headless', '--convert-to', format, '--outdir', out, ...inputs],
          {
            stdio: 'ignore',
            timeout: 120_000,
          },
        );
        for (const i of chosen.keys()) {
          converted.set(`${format}${i}`, new Uint8Array(readFileSync(join(out, `in${i}.${format}`))));
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(converted.size).toBe(chosen.length * 2);
  }, 180_000);

  it.each(['xlsx', 'xls'].flatMap((format) => chosen.map(([name], i) => [format, name, i] as const)))(
    'saved as .%s by LibreOffice: %s reads as the template',
    (format, _name, i) => {
      const bytes = converted.get(`${format}${i}`);
      expect(bytes).toBeDefined();
      expect(returnsOf(readReturn(bytes as Uint8Array, `农安县.${format}`))).toEqual(expected);
    },
  );
});
