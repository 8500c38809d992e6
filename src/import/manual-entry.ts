// 手工录入 read by the reader: the entry is written into the template's sheets (title, 填报单位/截止日期/单位,
// the definitions' headers, a row per line typed) and that workbook is read like any county's file, so every
// rule — numbers, units, banks, totals, the cross-checks of the table definitions — is the reader's own.
import * as XLSX from 'xlsx';
import {
  ENTRY_FIRST_ROW,
  ENTRY_HEADER_ROW,
  MANUAL_FILE_NAME,
  type ManualEntry,
  sheetFields,
} from '../domain/manual-entry';
import { defaultCutoff, periodLabel } from '../domain/period';
import { LOAN_NEED_KEYS, returnSheetTitle, TABLES, type TableDef } from '../domain/tables';
import type { ReadResult } from '../domain/types';
import type { UnitRegister } from '../domain/units';
import { defaultRegister } from '../domain/units';
import { readReturn } from './read-return';

type Cell = string | number | null;

/** 2018年9月30日 */
function chineseDate(iso: string): string {
  return `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
}

function entrySheet(def: TableDef, entry: ManualEntry, unitName: string): XLSX.WorkSheet {
  const fields = sheetFields(def);
  const rows: Cell[][] = [];
  rows[0] = [returnSheetTitle(def, periodLabel(entry.period))];
  const block: Cell[] = [`填报单位：${unitName}`, `截止日期：${chineseDate(defaultCutoff(entry.period))}`];
  if (def.key === 'loan' && entry.loanNeed.trim() !== '') {
    // Key and value in two cells, the value at LOAN_NEED_CELL, so an issue about it names that cell.
    block.push(`${LOAN_NEED_KEYS[0]}（亿元）：`, entry.loanNeed);
  }
  block.push(`单位：${def.unitLabel}`);
  rows[1] = block;
  rows[ENTRY_HEADER_ROW] = fields.map((f) => f.header);
  (entry.tables[def.key] ?? []).forEach((typedRow, i) => {
    rows[ENTRY_FIRST_ROW + i] = fields.map((f) => {
      if (f.kind === 'seq') return i + 1;
      if (f.kind === 'unit') return unitName;
      // Typed text stays text: the reader reads it as it reads a county's typed cell.
      const text = typedRow[f.key] ?? '';
      return text.trim() === '' ? null : text;
    });
  });
  return XLSX.utils.aoa_to_sheet(rows.map((r) => r ?? []));
}

/** The entry as a template workbook's bytes (the tables entered, each on its official sheet). */
export function entryWorkbook(entry: ManualEntry, register: UnitRegister = defaultRegister): Uint8Array {
  const unitName = register.unit(entry.unitId)?.name ?? entry.unitId;
  const wb = XLSX.utils.book_new();
  for (const def of TABLES) {
    if (entry.tables[def.key] === undefined) continue;
    XLSX.utils.book_append_sheet(wb, entrySheet(def, entry, unitName), def.sheetName);
  }
  // An entry with no table still makes a workbook: the reader then says no table was found.
  if (wb.SheetNames.length === 0) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([[]]), 'Sheet1');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

/** Read a manual entry by the reader's rules. */
export function readManualEntry(entry: ManualEntry, register: UnitRegister = defaultRegister): ReadResult {
  return readReturn(entryWorkbook(entry, register), MANUAL_FILE_NAME, { register });
}
