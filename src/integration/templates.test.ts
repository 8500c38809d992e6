// 下载空白模板 re-read with ExcelJS (data validation on every figure cell, protection with the headers locked and
// the cells a county fills in unlocked, the official styles and print setup, the unit's known banks), and the
// template of every unit filled in as a county would — only in unlocked cells, only with values its
// validation accepts — read back through readReturn with no warning and exactly the figures typed.
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { generatedHeader, seededNumbers } from '../domain/bulletin/generated-headers';
import { textEms } from '../domain/bulletin/line-breaks';
import { knownBanks } from '../domain/known-banks';
import { rateOf } from '../domain/numbers';
import { TABLES, type TableDef } from '../domain/tables';
import type { ParsedReturn, PeriodKey, ReturnTables } from '../domain/types';
import { defaultRegister, type Unit } from '../domain/units';
import { columnCapacityEms, minHeaderWidth } from '../export/excel-style';
import {
  BLANK_BANK_LINES,
  BLANK_PROJECT_LINES,
  LOAN_NEED_CELL,
  TEMPLATE_ROWS,
  templateFields,
  writeAllTemplatesZip,
  writeTemplate,
} from '../export/templates';
import { readReturn } from '../import/read-return';
import { loadSampleReturns } from './load-samples';

let samples: Map<PeriodKey, ParsedReturn[]>;
beforeAll(() => {
  samples = loadSampleReturns();
}, 60_000);

const banksOf = (unit: Unit) => knownBanks(samples, unit.id, '2018-10');

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return workbook;
}

function sheetOf(workbook: ExcelJS.Workbook, def: TableDef): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(def.sheetName);
  if (!sheet) throw new Error(`no ${def.sheetName}`);
  return sheet;
}

const column = (def: TableDef, key: string) => templateFields(def).findIndex((f) => f.key === key) + 1;

/** What Excel would let a county type into the cell: the rule's verdict on the value. */
function accepts(rule: ExcelJS.DataValidation | undefined, value: number): boolean {
  if (!rule) return false;
  if (rule.type === 'whole') return Number.isInteger(value) && value >= Number(rule.formulae?.[0] ?? 0);
  // AND(ISNUMBER(X),X>=0,ROUND(X,2)=X)
  if (rule.type === 'custom') return value >= 0 && Math.round(value * 100) / 100 === value;
  return false;
}

/** The data lines of a sheet, read back: how many there are before the 合计 or 填表人 line. */
function dataLineCount(sheet: ExcelJS.Worksheet): number {
  let n = 0;
  for (let r = TEMPLATE_ROWS.firstData; ; r++) {
    const first = sheet.getCell(r, 1).value;
    if (typeof first !== 'number') return n;
    n++;
  }
}

describe('a blank template, read back with ExcelJS', () => {
  let workbook: ExcelJS.Workbook;
  let xml: Record<string, string>;
  const unit = defaultRegister.unit('220322');
  beforeAll(async () => {
    if (!unit) throw new Error('no 梨树县');
    const bytes = await writeTemplate({ unit, period: '2018-09', banks: banksOf(unit) });
    workbook = await load(bytes);
    const zip = await JSZip.loadAsync(bytes);
    xml = {};
    for (const name of Object.keys(zip.files)) xml[name] = (await zip.file(name)?.async('string')) ?? '';
  });

  it.each(TABLES.map((def) => [def.sheetName, def] as const))(
    '%s validates every figure cell: whole ≥ 0 for 套/户, two decimals ≥ 0 for 亿元 and %%, in Chinese',
    (_, def) => {
      const sheet = sheetOf(workbook, def);
      const lines = dataLineCount(sheet) + (def.key === 'loan' ? 1 : 0);
      expect(lines).toBeGreaterThan(0);
      let checked = 0;
      templateFields(def).forEach((field, c) => {
        for (let r = TEMPLATE_ROWS.firstData; r < TEMPLATE_ROWS.firstData + lines; r++) {
          const cell = sheet.getCell(r, c + 1);
          const rule = cell.dataValidation;
          if (field.kind === 'count') {
            expect(rule).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] });
          } else if (field.kind === 'money' || field.kind === 'rate') {
            expect(rule?.type).toBe('custom');
            expect(rule?.formulae).toEqual([
              `AND(ISNUMBER(${cell.address}),${cell.address}>=0,ROUND(${cell.address},2)=${cell.address})`,
            ]);
          } else {
            expect(rule, `${cell.address} ${field.header}`).toBeUndefined();
            continue;
          }
          checked++;
          expect(rule).toMatchObject({
            allowBlank: true,
            showInputMessage: true,
            showErrorMessage: true,
            errorStyle: 'stop',
            errorTitle: '输入有误',
          });
          expect(rule?.prompt).toContain(field.header);
          expect(rule?.error).toContain(field.header);
          expect(rule?.prompt).toMatch(/[\u4e00-\u9fff].*。$/);
          expect((rule?.prompt ?? '').length).toBeLessThanOrEqual(255);
          expect((rule?.promptTitle ?? '').length).toBeLessThanOrEqual(32);
          if (field.kind === 'count') expect(rule?.prompt).toContain(`单位为${field.headerUnit}`);
          if (field.kind === 'money') expect(rule?.prompt).toContain('亿元');
        }
      });
      expect(checked).toBeGreaterThan(0);
    },
  );

  it('gives 本年棚改需贷款 a cell of its own after its key, validated as 亿元, covered by no merge', () => {
    const sheet = sheetOf(workbook, TABLES[1] as TableDef);
    const need = sheet.getCell(LOAN_NEED_CELL);
    expect(need.isMerged).toBe(false);
    expect(need.value).toBeNull();
    expect(need.protection?.locked).toBe(false);
    expect(need.dataValidation?.type).toBe('custom');
    expect(need.numFmt).toBe('0.00');
    const key = sheet.getCell(need.row, Number(need.col) - 1);
    const keyLines = String(key.value).split('\n');
    expect(keyLines.join('')).toBe('本年棚改需贷款（亿元）：');
    expect(keyLines).toHaveLength(2);
    for (const line of keyLines)
      expect((line.match(/（/g) ?? []).length).toBe((line.match(/）/g) ?? []).length);
    expect(key.protection?.locked).not.toBe(false);
  });

  it.each(TABLES.map((def) => [def.sheetName, def] as const))(
    '%s is protected without a password: title, key line and headers locked, the data lines unlocked',
    (_, def) => {
      const sheet = sheetOf(workbook, def);
      expect((sheet as unknown as { sheetProtection?: object }).sheetProtection).toMatchObject({
        sheet: true,
      });
      const sheetXml = xml[`xl/worksheets/sheet${def.number}.xml`] ?? '';
      expect(sheetXml).toMatch(/<sheetProtection [^>]*sheet="1"/);
      expect(sheetXml).not.toMatch(/hashValue|password=/);
      const width = templateFields(def).length;
      for (let c = 1; c <= width; c++) {
        for (const r of [TEMPLATE_ROWS.title, TEMPLATE_ROWS.header]) {
          expect(sheet.getCell(r, c).protection?.locked, `${def.sheetName} ${r}:${c}`).not.toBe(false);
        }
        const key = sheet.getCell(TEMPLATE_ROWS.keys, c);
        if (key.address !== LOAN_NEED_CELL) expect(key.protection?.locked).not.toBe(false);
      }
      const lines = dataLineCount(sheet);
      for (let r = TEMPLATE_ROWS.firstData; r < TEMPLATE_ROWS.firstData + lines; r++)
        for (let c = 1; c <= width; c++) expect(sheet.getCell(r, c).protection?.locked).toBe(false);
      // The 填表人 line is the county's too; 表2's 合计 label is not.
      const after = TEMPLATE_ROWS.firstData + lines + (def.key === 'loan' ? 1 : 0);
      expect(String(sheet.getCell(after, 1).value)).toMatch(/^填表人：/);
      expect(sheet.getCell(after, 1).protection?.locked).toBe(false);
      if (def.key === 'loan') {
        const total = sheet.getCell(after - 1, column(def, 'bank'));
        expect(total.value).toBe('合计');
        expect(total.protection?.locked).not.toBe(false);
        expect(sheet.getCell(after - 1, column(def, 'credit')).protection?.locked).toBe(false);
      }
    },
  );

  it.each(TABLES.map((def) => [def.sheetName, def] as const))(
    '%s is styled as the official tables and prints on one A4 landscape page with its header row repeated',
    (_, def) => {
      const sheet = sheetOf(workbook, def);
      const title = sheet.getCell(1, 1);
      expect(title.font).toMatchObject({ name: '宋体', size: 16, bold: true });
      expect(title.isMerged).toBe(true);
      const fields = templateFields(def);
      fields.forEach((field, c) => {
        const header = sheet.getCell(TEMPLATE_ROWS.header, c + 1);
        expect(header.font).toMatchObject({ name: '宋体', bold: true });
        expect(header.border?.top?.style).toBe('thin');
        expect(header.alignment?.wrapText).toBe(true);
        // Broken only between pieces: each line fits its column, never a lone ）, the text read whole.
        const lines = String(header.value).split('\n');
        expect(lines.join('')).toBe(field.header);
        const width = sheet.getColumn(c + 1).width ?? 0;
        expect(width).toBeGreaterThanOrEqual(minHeaderWidth(field.header));
        for (const line of lines) {
          expect(textEms(line)).toBeLessThanOrEqual(columnCapacityEms(width));
          expect('）)%、，：；。'.includes(line[0] ?? '')).toBe(false);
        }
        expect(sheet.getRow(TEMPLATE_ROWS.header).height).toBeGreaterThanOrEqual(15 * lines.length);
        const data = sheet.getCell(TEMPLATE_ROWS.firstData, c + 1);
        expect(data.border?.bottom?.style).toBe('thin');
        expect(data.font?.name).toBe('宋体');
        if (field.kind === 'count') expect(data.numFmt).toBe('0');
        if (field.kind === 'money' || field.kind === 'rate') expect(data.numFmt).toBe('0.00');
      });
      expect(sheet.pageSetup).toMatchObject({
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 1,
        printTitlesRow: `${TEMPLATE_ROWS.header}:${TEMPLATE_ROWS.header}`,
      });
    },
  );

  it('names the unit’s banks of its latest return on 表2, with room for two more before 合计', () => {
    const known = banksOf(unit as Unit);
    expect(known.length).toBeGreaterThan(0);
    const def = TABLES[1] as TableDef;
    const sheet = sheetOf(workbook, def);
    const lines = dataLineCount(sheet);
    expect(lines).toBe(Math.max(BLANK_BANK_LINES, known.length + 2));
    const names = Array.from({ length: lines }, (_, i) => sheet.getCell(4 + i, column(def, 'bank')).value);
    expect(names).toEqual([...known, ...Array(lines - known.length).fill(null)]);
    expect(sheet.getCell(4 + lines, column(def, 'bank')).value).toBe('合计');
  });
});

// ---- Every unit's template, filled in with generated figures --------------------------------------------

interface Filling {
  tables: ReturnTables;
  type: (workbook: ExcelJS.Workbook) => void;
}

/**
 * Figures a county might type (consistent, so nothing warns: started ≤ plan, months ≤ totals, 合计 the sum
 * of its parts, declared rates as computed or left blank), with the cells to type them into.
 */
function generatedFilling(unit: Unit, known: readonly string[], seed: number): Filling {
  const next = seededNumbers(seed);
  const typed: [string, string, string | number][] = [];
  const put = (def: TableDef, row: number, key: string, value: string | number | null) => {
    if (value === null) return;
    typed.push([def.sheetName, `${String.fromCharCode(64 + column(def, key))}${row}`, value]);
  };
  const [start, loan, expropriation, carryOver, publicRental] = TABLES as unknown as TableDef[];
  if (!start || !loan || !expropriation || !carryOver || !publicRental) throw new Error('five tables');
  const row = TEMPLATE_ROWS.firstData;
  const YUAN_PER_CENT = 1_000_000; // 0.01亿元
  const rateOrBlank = (num: number, den: number) => (den > 0 && next(2) === 0 ? rateOf(num, den) : null);

  const plan = next(6000);
  const started = next(plan + 1);
  const startedMonth = next(started + 1);
  const startRate = rateOrBlank(started, plan);
  const startNote = next(4) === 0 ? '进度正常' : '';
  put(start, row, 'plan', plan);
  put(start, row, 'started', started);
  put(start, row, 'startedMonth', startedMonth);
  put(start, row, 'declaredRate', startRate === null ? null : startRate / 100);
  put(start, row, 'note', startNote || null);

  // 表2: figures for each known bank, sometimes one bank more on the next empty line, 合计 as typed sums.
  const banks = [...known, ...(next(2) === 0 ? [next(2) ? '吉林银行' : '中国光大银行'] : [])].filter(
    (b, i, all) => all.indexOf(b) === i,
  );
  const cents = banks.map(() => {
    const credit = next(5000);
    const disbursed = next(6000);
    return { credit, creditMonth: next(credit + 1), disbursed, disbursedMonth: next(disbursed + 1) };
  });
  banks.forEach((bank, i) => {
    if (i >= known.length) put(loan, row + i, 'bank', bank);
    for (const [key, value] of Object.entries(cents[i] ?? {})) put(loan, row + i, key, value / 100);
  });
  const lines = Math.max(BLANK_BANK_LINES, known.length + 2);
  if (banks.length > 0 && next(3) !== 0) {
    for (const key of ['credit', 'creditMonth', 'disbursed', 'disbursedMonth'] as const)
      put(loan, row + lines, key, cents.reduce((s, c) => s + c[key], 0) / 100);
  }
  const need = next(4) === 0 ? null : next(3000);
  if (need !== null) typed.push([loan.sheetName, LOAN_NEED_CELL, need / 100]);

  const exPlan = next(3000);
  const expropriated = next(2000);
  const demolished = next(300);
  const doneMonth = next(expropriated + demolished + 1);
  put(expropriation, row, 'plan', exPlan);
  put(expropriation, row, 'expropriated', expropriated);
  put(expropriation, row, 'demolished', demolished);
  put(expropriation, row, 'total', expropriated + demolished);
  put(expropriation, row, 'doneMonth', doneMonth);

  const projects = Array.from({ length: next(BLANK_PROJECT_LINES + 1) }, (_, i) => {
    const households = 1 + next(900);
    return {
      name: `${generatedHeader(next).replace(/[（）()%]/g, '')}${i + 1}期棚户区改造项目`,
      households,
      unfinished: next(households + 1),
      reason: ['安置房源不足', '补偿标准未达成一致', '产权争议', '资金未落实'][next(4)] ?? '',
      plannedFinish: `2018年${10 + next(3)}月`,
    };
  });
  projects.forEach((p, i) => {
    for (const [key, value] of Object.entries(p)) put(carryOver, row + i, key, value);
  });

  const raised = next(20000);
  const allocated = next(raised + 1);
  const yearTask = next(4) === 0 ? 0 : next(3000);
  const yearAllocated = next(yearTask + 1);
  const rental = {
    raised,
    allocated,
    declaredRate: rateOrBlank(allocated, raised),
    yearTask,
    yearAllocated,
    declaredYearRate: rateOrBlank(yearAllocated, yearTask),
    lastYearRate: next(3) === 0 ? null : next(10001),
  };
  for (const [key, value] of Object.entries(rental)) {
    const rate = key === 'declaredRate' || key === 'declaredYearRate' || key === 'lastYearRate';
    put(publicRental, row, key, value === null ? null : rate ? value / 100 : value);
  }

  return {
    tables: {
      start: { plan, started, startedMonth, declaredRate: startRate, note: startNote },
      loan: {
        need: need === null ? null : need * YUAN_PER_CENT,
        banks: banks.map((bank, i) => {
          const c = cents[i] ?? { credit: 0, creditMonth: 0, disbursed: 0, disbursedMonth: 0 };
          return {
            bank,
            credit: c.credit * YUAN_PER_CENT,
            creditMonth: c.creditMonth * YUAN_PER_CENT,
            disbursed: c.disbursed * YUAN_PER_CENT,
            disbursedMonth: c.disbursedMonth * YUAN_PER_CENT,
            note: '',
          };
        }),
      },
      expropriation: { plan: exPlan, expropriated, demolished, doneMonth, note: '' },
      carryOver: projects,
      publicRental: rental,
    },
    type: (workbook) => {
      for (const [sheetName, address, value] of typed) {
        const cell = workbook.getWorksheet(sheetName)?.getCell(address);
        if (!cell) throw new Error(`${unit.name} ${sheetName}!${address}`);
        // A county types only where the sheet lets it, only what the cell's validation takes.
        expect(cell.protection?.locked, `${unit.name} ${sheetName}!${address}`).toBe(false);
        if (typeof value === 'number')
          expect(accepts(cell.dataValidation, value), `${sheetName}!${address} = ${value}`).toBe(true);
        cell.value = value;
      }
    },
  };
}

describe('every unit’s template, filled in as a county would', () => {
  it.each(defaultRegister.units.map((u, i) => [u.name, u, i] as const))(
    '%s reads back with no warning and exactly the figures typed',
    async (_, unit, i) => {
      const known = banksOf(unit);
      const workbook = await load(await writeTemplate({ unit, period: '2018-09', banks: known }));
      const filling = generatedFilling(unit, known, 1000 + i);
      filling.type(workbook);
      const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
      const result = readReturn(bytes, `${unit.name}-2018年1-9月.xlsx`);
      if (!result.ok) throw new Error(result.issues.map((x) => x.message).join('\n'));
      expect(result.warnings.map((w) => w.message)).toEqual([]);
      expect(result.returns).toEqual([
        { unitId: unit.id, period: '2018-09', cutoff: '2018-09-30', tables: filling.tables },
      ]);
    },
  );

  it('zips them all, each with its unit’s banks', async () => {
    const entries = unzipSync(await writeAllTemplatesZip(defaultRegister.units, '2018-09', { banksOf }));
    expect(Object.keys(entries)).toHaveLength(defaultRegister.units.length);
    const changchun = defaultRegister.unit('220100') as Unit;
    const book = await load(entries['长春市-2018年1-9月.xlsx'] as Uint8Array);
    const def = TABLES[1] as TableDef;
    const sheet = sheetOf(book, def);
    const known = banksOf(changchun);
    expect(known.length).toBeGreaterThan(1);
    expect(known.map((_, k) => sheet.getCell(4 + k, column(def, 'bank')).value)).toEqual(known);
  });
});
