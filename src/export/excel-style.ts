// The house style of the workbooks ExcelJS writes: the font and the thin border every table cell gets.
import type ExcelJS from 'exceljs';

export const FONT = '宋体';

export const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
