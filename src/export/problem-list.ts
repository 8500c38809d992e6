// 导出问题清单: every problem of the files read for a period, one row each (unit, file, sheet, cell, the cell's
// text, the reason, what to do, its state), as a plain bordered .xlsx (ExcelJS) the office sends back to the
// counties. Loaded lazily by the import page.
import ExcelJS from 'exceljs';
import { periodLabel } from '../domain/period';
import { PROBLEM_STATE_LABEL, type ProblemRow } from '../domain/problems';
import type { PeriodKey } from '../domain/types';
import { OFFICIAL_FONT as FONT, landscapeA4, THIN_BORDERS as THIN } from './excel-style';

/** The columns, in order: header, width, the row's value. */
export const PROBLEM_COLUMNS: {
  header: string;
  width: number;
  value: (r: ProblemRow, i: number) => string | number;
}[] = [
  { header: '序号', width: 6, value: (_r, i) => i + 1 },
  { header: '单位', width: 14, value: (r) => r.unit },
  { header: '文件', width: 28, value: (r) => r.fileName },
  { header: '工作表', width: 10, value: (r) => r.sheet },
  { header: '单元格', width: 8, value: (r) => r.cell },
  { header: '单元格内容', width: 16, value: (r) => r.text },
  { header: '问题', width: 60, value: (r) => r.reason },
  { header: '处理要求', width: 36, value: (r) => r.advice },
  { header: '状态', width: 14, value: (r) => PROBLEM_STATE_LABEL[r.state] },
];

/** Width of text in Excel character units (a CJK character counts two). */
function textWidth(text: string): number {
  return [...text].reduce((n, ch) => n + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0);
}

/** The problem list's bytes: a title, the period, and a row per problem (a line saying none when empty). */
export async function writeProblemList(rows: readonly ProblemRow[], period: PeriodKey): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '吉林省安居工程月报汇总';
  workbook.created = new Date(Date.UTC(2000, 0, 1));
  workbook.modified = workbook.created;
  const sheet = workbook.addWorksheet('问题清单', {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: landscapeA4(0, '2:2'),
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  });
  sheet.columns = PROBLEM_COLUMNS.map((c) => ({ width: c.width }));
  const count = PROBLEM_COLUMNS.length;
  sheet.mergeCells(1, 1, 1, count);
  const title = sheet.getCell(1, 1);
  title.value = `${periodLabel(period)}月报问题清单（共 ${rows.length} 条）`;
  title.font = { name: FONT, size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 30;
  PROBLEM_COLUMNS.forEach((c, i) => {
    const cell = sheet.getCell(2, i + 1);
    cell.value = c.header;
    cell.font = { name: FONT, size: 11, bold: true };
    cell.border = THIN;
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
  });
  rows.forEach((row, i) => {
    const excelRow = sheet.getRow(3 + i);
    let lines = 1;
    PROBLEM_COLUMNS.forEach((c, j) => {
      const value = c.value(row, i);
      const cell = excelRow.getCell(j + 1);
      // Text is written as text: a cell that read '=1+1' or '-5' in a county's file stays what it was.
      cell.value = value;
      cell.font = { name: FONT, size: 11 };
      cell.border = THIN;
      cell.alignment = { vertical: 'middle', wrapText: true, horizontal: j === 0 ? 'center' : 'left' };
      if (typeof value === 'string')
        lines = Math.max(lines, Math.ceil(textWidth(value) / Math.max(1, c.width - 1)));
    });
    excelRow.height = 16 * lines + 4;
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** 2018年1-9月月报问题清单.xlsx */
export function problemListFileName(period: PeriodKey): string {
  return `${periodLabel(period)}月报问题清单.xlsx`;
}
