// 下载空白模板: the official return workbook (sheets 表1 … 表5 with title, 填报单位/截止日期/单位 row, the
// headers of the table definitions, an empty data row, 表2's 合计 row, the 填表人 footer) for one unit and period,
// or for every unit as one .zip. SheetJS writes the workbooks, fflate the zip. Loaded lazily by the pages.
import { zipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { defaultCutoff, periodLabel } from '../domain/period';
import { type FieldDef, LOAN_NEED_KEYS, returnSheetTitle, TABLES, type TableDef } from '../domain/tables';
import type { PeriodKey, ReturnTables } from '../domain/types';
import type { Unit } from '../domain/units';

export interface TemplateRequest {
  unit: Unit;
  period: PeriodKey;
  /** ISO cutoff; defaults to the last day of the period's month. */
  cutoff?: string;
  /** Figures to fill in (a unit's stored return); absent gives the blank template. */
  figures?: ReturnTables;
}

type Cell = string | number | null;

/** 2018年9月30日 */
function chineseDate(iso: string): string {
  return `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
}

/** The columns of a table in a single unit's return: 表2 has no 市县 column (one unit, a row per bank). */
function templateFields(def: TableDef): readonly FieldDef[] {
  return def.key === 'loan' ? def.fields.filter((f) => f.kind !== 'unit') : def.fields;
}

const YI = 100_000_000;

/**
 * Empty lines a blank template offers for the tables with one line per item: enough for the banks and
 * carry-over projects of most units, so a county types figures in instead of inserting rows. The reader skips
 * the lines left empty.
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

function dataRows(def: TableDef, fields: readonly FieldDef[], request: TemplateRequest): Cell[][] {
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
  switch (def.key) {
    case 'start':
      return [t?.start ? rowOf({ ...t.start }, 1) : empty(1)];
    case 'expropriation':
      return [t?.expropriation ? rowOf({ ...t.expropriation }, 1) : empty(1)];
    case 'publicRental':
      return [t?.publicRental ? rowOf({ ...t.publicRental }, 1) : empty(1)];
    case 'carryOver':
      if (t?.carryOver) return t.carryOver.map((p, i) => rowOf({ ...p }, i + 1));
      return blankLines(BLANK_PROJECT_LINES, empty);
    case 'loan': {
      const banks = t?.loan?.banks ?? [];
      const rows =
        banks.length > 0 ? banks.map((b, i) => rowOf({ ...b }, i + 1)) : blankLines(BLANK_BANK_LINES, empty);
      // The 合计 row: the sums of the bank rows (empty in a blank template).
      const total = fields.map((f): Cell => {
        if (f.key === 'bank') return '合计';
        if (f.kind !== 'money' || banks.length === 0) return null;
        const sum = banks.reduce((s, b) => s + (Number(b[f.key as keyof typeof b]) || 0), 0);
        return sum / YI;
      });
      return [...rows, total];
    }
  }
}

/** Header-block row 2: 填报单位, 截止日期, (表2: 本年棚改需贷款), 单位 — in cells spread over the width. */
function keyValueRow(
  def: TableDef,
  width: number,
  request: TemplateRequest,
  cutoff: string,
): { cells: Cell[]; merges: XLSX.Range[] } {
  const parts: string[] = [`填报单位：${request.unit.name}`, `截止日期：${chineseDate(cutoff)}`];
  if (def.key === 'loan') {
    const need = request.figures?.loan?.need;
    parts.push(
      `${LOAN_NEED_KEYS[0]}（亿元）：${need === null || need === undefined ? '' : (need / YI).toFixed(2)}`,
    );
  }
  parts.push(`单位：${def.unitLabel}`);
  const cells: Cell[] = Array.from({ length: width }, () => null);
  const merges: XLSX.Range[] = [];
  const span = Math.floor(width / parts.length);
  parts.forEach((text, i) => {
    const start = i * span;
    const end = i === parts.length - 1 ? width - 1 : start + span - 1;
    cells[start] = text;
    if (end > start) merges.push({ s: { r: 1, c: start }, e: { r: 1, c: end } });
  });
  return { cells, merges };
}

function templateSheet(def: TableDef, request: TemplateRequest, cutoff: string): XLSX.WorkSheet {
  const fields = templateFields(def);
  const width = fields.length;
  const title: Cell[] = [returnSheetTitle(def, periodLabel(request.period)), ...Array(width - 1).fill(null)];
  const kv = keyValueRow(def, width, request, cutoff);
  const headers: Cell[] = fields.map((f) => f.header);
  const rows = dataRows(def, fields, request);
  const footer: Cell[] = ['填表人：            联系电话：', ...Array(width - 1).fill(null)];
  const aoa = [title, kv.cells, headers, ...rows, footer];
  const sheet = XLSX.utils.aoa_to_sheet(aoa);
  // Texts from returns (project names, notes) stay text: aoa_to_sheet never makes formulas from strings.
  const footerRow = aoa.length - 1;
  sheet['!merges'] = [
    { s: { r: 0, c: 0 }, e: { r: 0, c: width - 1 } },
    ...kv.merges,
    { s: { r: footerRow, c: 0 }, e: { r: footerRow, c: width - 1 } },
  ];
  sheet['!cols'] = fields.map((f) => ({
    wch:
      f.kind === 'seq'
        ? 6
        : f.kind === 'text' && f.key === 'name'
          ? 30
          : Math.max(10, Math.ceil([...f.header].length * 1.8)),
  }));
  sheet['!rows'] = [{ hpt: 28 }, { hpt: 20 }, { hpt: 36 }];
  return sheet;
}

/** The return workbook for one unit and period. */
export function buildTemplateWorkbook(request: TemplateRequest): XLSX.WorkBook {
  const cutoff = request.cutoff ?? defaultCutoff(request.period);
  const workbook = XLSX.utils.book_new();
  for (const def of TABLES)
    XLSX.utils.book_append_sheet(workbook, templateSheet(def, request, cutoff), def.sheetName);
  return workbook;
}

/** The .xlsx bytes of one unit's return workbook. */
export function writeTemplate(request: TemplateRequest): Uint8Array {
  const out = XLSX.write(buildTemplateWorkbook(request), {
    type: 'array',
    bookType: 'xlsx',
    compression: true,
  });
  return new Uint8Array(out as ArrayBuffer);
}

/** 农安县-2018年1-9月.xlsx, as the samples are named. */
export function templateFileName(unit: Unit, period: PeriodKey): string {
  return `${unit.name}-${periodLabel(period)}.xlsx`;
}

/** Every unit's template in one .zip. */
export function writeAllTemplatesZip(units: readonly Unit[], period: PeriodKey, cutoff?: string): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const unit of units) {
    files[templateFileName(unit, period)] = writeTemplate({ unit, period, cutoff });
  }
  // The workbooks are already deflated: store them.
  return zipSync(files, { level: 0 });
}

export function allTemplatesFileName(period: PeriodKey): string {
  return `全省月报空白模板-${periodLabel(period)}.zip`;
}
