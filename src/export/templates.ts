// 下载空白模板: the official return workbook for one unit and period, or for every unit as one .zip, written
// with ExcelJS and styled like the official tables (宋体, borders, widths, one table per A4 landscape page,
// the header row repeated on every printed page). Sheets 表1 … 表5 carry the title, the 填报单位/截止日期/单位
// line (表2 with a cell of its own for 本年棚改需贷款), the headers of the table definitions broken only between
// pieces, the data lines (表2 with the unit's known banks), 表2's 合计 row and the 填表人 line. Every figure cell
// has Excel data validation (whole numbers ≥ 0 for 套/户, at most two decimals ≥ 0 for 亿元 and %) with a
// Chinese input message and error alert; the sheets are protected without a password, the title and headers
// locked and every cell a county fills in unlocked. A filled template reads back with no warning. Loaded
// lazily by the pages.
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { textEms } from '../domain/bulletin/line-breaks';
import { notice } from '../domain/messages';
import { defaultCutoff, periodLabel } from '../domain/period';
import { type FieldDef, LOAN_NEED_KEYS, returnSheetTitle, TABLES, type TableDef } from '../domain/tables';
import type { PeriodKey, ReturnTables } from '../domain/types';
import type { Unit } from '../domain/units';
import {
  headerLines,
  landscapeA4,
  minHeaderWidth,
  OFFICIAL_FONT,
  THIN_BORDERS,
  widthForEms,
} from './excel-style';

export interface TemplateRequest {
  unit: Unit;
  period: PeriodKey;
  /** ISO cutoff; defaults to the last day of the period's month. */
  cutoff?: string;
  /** Figures to fill in (a unit's stored return); absent gives the blank template. */
  figures?: ReturnTables;
  /** The unit's banks, from its latest return (the page finds them), named on 表2's first lines. */
  banks?: readonly string[];
}

type Cell = string | number | null;

/** 2018年9月30日 */
function chineseDate(iso: string): string {
  return `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
}

/** The columns of a table in a single unit's return: 表2 has no 市县 column (one unit, a row per bank). */
export function templateFields(def: TableDef): readonly FieldDef[] {
  return def.key === 'loan' ? def.fields.filter((f) => f.kind !== 'unit') : def.fields;
}

/** Rows of every sheet: the title, the 填报单位 line, the header row, then the data lines. */
export const TEMPLATE_ROWS = { title: 1, keys: 2, header: 3, firstData: 4 } as const;

/** The cell of 表2 where the year's loan need is typed (its key is in the cell before it). */
export const LOAN_NEED_CELL = 'F2';

const YI = 100_000_000;

/**
 * Empty lines a blank template offers for the tables with one line per item: enough for the banks and
 * carry-over projects of most units, so a county types figures in instead of inserting rows. The reader skips
 * the lines left empty. A unit with known banks gets them named, and two empty lines more.
 */
export const BLANK_BANK_LINES = 5;
export const BLANK_PROJECT_LINES = 10;

const blankLines = (count: number, line: (seq: number) => Cell[]): Cell[][] =>
  Array.from({ length: count }, (_, i) => line(i + 1));

/** A field's value as typed in a return: counts as is, money in 亿元, rates in percent. */
function figure(field: FieldDef, value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value !== 'number') return null;
  if (field.kind === 'money') return value / YI;
  if (field.kind === 'rate') return value / 100;
  return value;
}

interface DataLines {
  rows: Cell[][];
  /** Index (in rows) of 表2's 合计 line. */
  totalIndex: number | null;
}

function dataLines(def: TableDef, fields: readonly FieldDef[], request: TemplateRequest): DataLines {
  const unitName = request.unit.name;
  const rowOf = (values: Record<string, unknown>, seq: number): Cell[] =>
    fields.map((f) => {
      if (f.kind === 'seq') return seq;
      if (f.kind === 'unit') return unitName;
      // A column that is a sum (表3 合计) is written as the sum of its stored parts.
      if (f.sumOf?.every((k) => typeof values[k] === 'number')) {
        return figure(
          f,
          f.sumOf.reduce((sum, k) => sum + Number(values[k]), 0),
        );
      }
      return figure(f, values[f.key]);
    });
  const empty = (seq: number): Cell[] =>
    fields.map((f) => (f.kind === 'seq' ? seq : f.kind === 'unit' ? unitName : null));
  const t = request.figures;
  const one = (rows: Cell[][]): DataLines => ({ rows, totalIndex: null });
  switch (def.key) {
    case 'start':
      return one([t?.start ? rowOf({ ...t.start }, 1) : empty(1)]);
    case 'expropriation':
      return one([t?.expropriation ? rowOf({ ...t.expropriation }, 1) : empty(1)]);
    case 'publicRental':
      return one([t?.publicRental ? rowOf({ ...t.publicRental }, 1) : empty(1)]);
    case 'carryOver':
      if (t?.carryOver) return one(t.carryOver.map((p, i) => rowOf({ ...p }, i + 1)));
      return one(blankLines(BLANK_PROJECT_LINES, empty));
    case 'loan': {
      const banks = t?.loan?.banks ?? [];
      const known = request.banks ?? [];
      const named = (seq: number): Cell[] => {
        const row = empty(seq);
        const bank = fields.findIndex((f) => f.key === 'bank');
        row[bank] = known[seq - 1] ?? null;
        return row;
      };
      const rows =
        banks.length > 0
          ? banks.map((b, i) => rowOf({ ...b }, i + 1))
          : blankLines(Math.max(BLANK_BANK_LINES, known.length + 2), named);
      // The 合计 row: the sums of the bank rows (empty in a blank template).
      const total = fields.map((f): Cell => {
        if (f.key === 'bank') return '合计';
        if (f.kind !== 'money' || banks.length === 0) return null;
        const sum = banks.reduce((s, b) => s + (Number(b[f.key as keyof typeof b]) || 0), 0);
        return sum / YI;
      });
      return { rows: [...rows, total], totalIndex: rows.length };
    }
  }
}

// ---- Styles -----------------------------------------------------------------------------------------------

const FONT = OFFICIAL_FONT;
const THIN = THIN_BORDERS;
const UNLOCKED: Partial<ExcelJS.Protection> = { locked: false };

const NUM_FMT: Partial<Record<FieldDef['kind'], string>> = { count: '0', money: '0.00', rate: '0.00' };

/** The column's width: room for its data, and for its header's widest piece that cannot be broken. */
function columnWidth(field: FieldDef): number {
  const base =
    field.kind === 'seq'
      ? 6
      : field.kind === 'unit'
        ? 14
        : field.kind === 'bank'
          ? 18
          : field.key === 'name'
            ? 30
            : field.key === 'reason'
              ? 22
              : field.kind === 'text'
                ? 16
                : 13;
  return Math.max(base, minHeaderWidth(field.header));
}

/** A header without its line breaks, short enough for an input message's title (Excel allows 32). */
function shortHeader(field: FieldDef): string {
  return field.header.slice(0, 32);
}

/**
 * Excel data validation of a figure cell: whole numbers ≥ 0 for 套/户; for 亿元 and percentages a number ≥ 0
 * with at most two decimals (a formula: Excel's decimal rule cannot count decimals).
 */
function validation(field: FieldDef, address: string): ExcelJS.DataValidation | null {
  const column = field.header;
  const common = {
    allowBlank: true,
    showInputMessage: true,
    promptTitle: shortHeader(field),
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '输入有误',
  } as const;
  if (field.kind === 'count') {
    const unit = field.headerUnit ?? '套';
    return {
      ...common,
      type: 'whole',
      operator: 'greaterThanOrEqual',
      formulae: [0],
      prompt: notice('template.countPrompt', { column, unit }),
      error: notice('template.countError', { column, unit }),
    };
  }
  if (field.kind === 'money' || field.kind === 'rate') {
    const money = field.kind === 'money';
    return {
      ...common,
      type: 'custom',
      formulae: [`AND(ISNUMBER(${address}),${address}>=0,ROUND(${address},2)=${address})`],
      prompt: notice(money ? 'template.moneyPrompt' : 'template.ratePrompt', { column }),
      error: notice(money ? 'template.moneyError' : 'template.rateError', { column }),
    };
  }
  return null;
}

/** The validation of 表2's loan need cell. */
function needValidation(address: string): ExcelJS.DataValidation {
  const column = `${LOAN_NEED_KEYS[0]}（亿元）`;
  return {
    allowBlank: true,
    showInputMessage: true,
    promptTitle: column,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '输入有误',
    type: 'custom',
    formulae: [`AND(ISNUMBER(${address}),${address}>=0,ROUND(${address},2)=${address})`],
    prompt: notice('template.moneyPrompt', { column }),
    error: notice('template.moneyError', { column }),
  };
}

// ---- Sheets -----------------------------------------------------------------------------------------------

/** Line 2: 填报单位, 截止日期, (表2: 本年棚改需贷款 and its own value cell), 单位 — spread over the width. */
function writeKeyLine(
  sheet: ExcelJS.Worksheet,
  def: TableDef,
  width: number,
  request: TemplateRequest,
  cutoff: string,
): void {
  const r = TEMPLATE_ROWS.keys;
  const put = (from: number, to: number, text: string, align: 'left' | 'right' = 'left') => {
    if (to > from) sheet.mergeCells(r, from, r, to);
    const cell = sheet.getCell(r, from);
    cell.value = text;
    cell.font = { name: FONT, size: 11 };
    cell.alignment = { horizontal: align, vertical: 'middle', wrapText: true };
  };
  const unitText = `填报单位：${request.unit.name}`;
  const dateText = `截止日期：${chineseDate(cutoff)}`;
  const unitLine = `单位：${def.unitLabel}`;
  if (def.key === 'loan') {
    // 填报单位 A:B, 截止日期 C:D, the need's key E and its value F (a cell of its own: nothing covers it,
    // so the reader finds the figure next to its key), 单位 G.
    put(1, 2, unitText);
    put(3, 4, dateText);
    // Two lines, broken by us before （亿元）, as the headers are (the reader joins them): the column is made
    // wide enough for the key's words on the first.
    const key = LOAN_NEED_KEYS[0] ?? '本年棚改需贷款';
    const keyColumn = sheet.getColumn(5);
    keyColumn.width = Math.max(keyColumn.width ?? 13, widthForEms(textEms(key)));
    put(5, 5, headerLines(`${key}（亿元）：`, keyColumn.width).join('\n'), 'right');
    const need = sheet.getCell(LOAN_NEED_CELL);
    const stored = request.figures?.loan?.need;
    need.value = stored === null || stored === undefined ? null : stored / YI;
    need.numFmt = '0.00';
    need.font = { name: FONT, size: 11 };
    need.border = THIN;
    need.protection = UNLOCKED;
    need.dataValidation = needValidation(LOAN_NEED_CELL);
    put(7, width, unitLine, 'right');
    sheet.getRow(r).height = 30;
    return;
  }
  const third = Math.max(1, Math.floor(width / 3));
  put(1, third, unitText);
  put(third + 1, Math.min(width - 1, 2 * third), dateText);
  put(Math.min(width, 2 * third + 1), width, unitLine, 'right');
  sheet.getRow(r).height = 20;
}

async function addTemplateSheet(
  workbook: ExcelJS.Workbook,
  def: TableDef,
  request: TemplateRequest,
  cutoff: string,
): Promise<void> {
  const fields = templateFields(def);
  const width = fields.length;
  const { header, firstData } = TEMPLATE_ROWS;
  const sheet = workbook.addWorksheet(def.sheetName, {
    views: [{ state: 'frozen', ySplit: header }],
    // One table a page.
    pageSetup: landscapeA4(1, `${header}:${header}`),
  });
  sheet.columns = fields.map((f) => ({ width: columnWidth(f) }));

  // Line 1: the title, merged across.
  sheet.mergeCells(TEMPLATE_ROWS.title, 1, TEMPLATE_ROWS.title, width);
  const title = sheet.getCell(TEMPLATE_ROWS.title, 1);
  title.value = returnSheetTitle(def, periodLabel(request.period));
  title.font = { name: FONT, size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(TEMPLATE_ROWS.title).height = 30;

  writeKeyLine(sheet, def, width, request, cutoff);

  // The header row: the definitions' headers, broken by us between pieces, bold and bordered.
  let headerLineCount = 1;
  fields.forEach((f, i) => {
    const cell = sheet.getCell(header, i + 1);
    const lines = headerLines(f.header, sheet.getColumn(i + 1).width ?? 10);
    headerLineCount = Math.max(headerLineCount, lines.length);
    cell.value = lines.join('\n');
    cell.font = { name: FONT, size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = THIN;
  });
  sheet.getRow(header).height = Math.max(30, 15 * headerLineCount + 6);

  // The data lines: bordered, unlocked, every figure cell validated.
  const lines = dataLines(def, fields, request);
  lines.rows.forEach((values, i) => {
    const r = firstData + i;
    const row = sheet.getRow(r);
    row.height = 20;
    const isTotal = i === lines.totalIndex;
    fields.forEach((f, c) => {
      const cell = row.getCell(c + 1);
      // Texts from returns (project names, notes) stay text: a string is never written as a formula.
      cell.value = values[c] ?? null;
      cell.font = { name: FONT, size: 11, bold: isTotal };
      cell.border = THIN;
      const fmt = NUM_FMT[f.kind];
      if (fmt) cell.numFmt = fmt;
      cell.alignment =
        f.kind === 'seq' || f.kind === 'unit' || (isTotal && f.kind === 'bank')
          ? { horizontal: 'center', vertical: 'middle' }
          : f.kind === 'text' || f.kind === 'bank'
            ? { horizontal: 'left', vertical: 'middle', wrapText: true }
            : { horizontal: 'right', vertical: 'middle' };
      // The 合计 label stays as written; everything else on a data line is the county's to fill in.
      if (!(isTotal && f.kind === 'bank')) cell.protection = UNLOCKED;
      const rule = validation(f, cell.address);
      if (rule) cell.dataValidation = rule;
    });
  });

  // The 填表人 line: merged across, the county's to fill in.
  const footerRow = firstData + lines.rows.length;
  sheet.mergeCells(footerRow, 1, footerRow, width);
  const footer = sheet.getCell(footerRow, 1);
  footer.value = '填表人：            联系电话：';
  footer.font = { name: FONT, size: 11 };
  footer.alignment = { horizontal: 'left', vertical: 'middle' };
  footer.protection = UNLOCKED;
  sheet.getRow(footerRow).height = 22;

  // Locked cells (the title, the 填报单位 line, the headers) cannot be reworded; no password, so the office
  // can lift the protection. Rows may be added for more banks or projects.
  await sheet.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    insertRows: true,
    deleteRows: true,
  });
}

/** The return workbook for one unit and period. */
export async function buildTemplateWorkbook(request: TemplateRequest): Promise<ExcelJS.Workbook> {
  const cutoff = request.cutoff ?? defaultCutoff(request.period);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '吉林省安居工程月报汇总';
  // A fixed date keeps the bytes of two templates of the same unit and period identical.
  workbook.created = new Date(Date.UTC(2000, 0, 1));
  workbook.modified = workbook.created;
  for (const def of TABLES) await addTemplateSheet(workbook, def, request, cutoff);
  return workbook;
}

/** The .xlsx bytes of one unit's return workbook. */
export async function writeTemplate(request: TemplateRequest): Promise<Uint8Array> {
  const buffer = await (await buildTemplateWorkbook(request)).xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** 农安县-2018年1-9月.xlsx, as the samples are named. */
export function templateFileName(unit: Unit, period: PeriodKey): string {
  return `${unit.name}-${periodLabel(period)}.xlsx`;
}

/** Every unit's template in one .zip, each with the unit's known banks when given. */
export async function writeAllTemplatesZip(
  units: readonly Unit[],
  period: PeriodKey,
  options: { cutoff?: string; banksOf?: (unit: Unit) => readonly string[] } = {},
): Promise<Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  for (const unit of units) {
    files[templateFileName(unit, period)] = await writeTemplate({
      unit,
      period,
      cutoff: options.cutoff,
      banks: options.banksOf?.(unit),
    });
  }
  // The workbooks are already deflated: store them.
  return zipSync(files, { level: 0 });
}

export function allTemplatesFileName(period: PeriodKey): string {
  return `全省月报空白模板-${periodLabel(period)}.zip`;
}
