// The look of the official tables in Excel, shared by the summary workbook and the return templates: 宋体, thin
// borders, and header text broken by us where Chinese typesetting allows (never inside （亿元）) in columns
// wide enough for every piece that may not break — Excel's own wrapping could leave a lone ） on a line.
import type ExcelJS from 'exceljs';
import { balancedLines, minLineEms } from '../domain/bulletin/line-breaks';

export const OFFICIAL_FONT = '宋体';
export const THIN_BORDERS: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/**
 * A4 landscape, one page wide (and `pagesHigh` high; 0: as many as it takes), centred, with `titleRows`
 * (4:5) repeated at the top of every printed page.
 */
export function landscapeA4(pagesHigh: number, titleRows: string): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: pagesHigh,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: titleRows,
  };
}

// An 11 pt CJK character is some 15 px wide; an Excel width unit is 7 px (of the default font's digits)
// plus 5 px of padding per column. Kept a little short, so Excel never wraps a line of ours again.
const CJK_PX = 15.5;

/** The CJK characters a header line holds in a column of the given Excel width. */
export function columnCapacityEms(width: number): number {
  return Math.floor(((7 * width + 5 - 8) / CJK_PX) * 2) / 2;
}

/** The Excel width in which a line of `ems` CJK characters fits. */
export function widthForEms(ems: number): number {
  return Math.ceil(((ems * CJK_PX + 8 - 5) / 7) * 2) / 2;
}

/** The narrowest width a header may have: its widest piece that cannot be broken fits on one line. */
export function minHeaderWidth(text: string): number {
  return widthForEms(minLineEms(text));
}

/** The header's lines for a column (or merged columns) of this width, as few and as even as they can be. */
export function headerLines(text: string, width: number): string[] {
  return balancedLines(text, columnCapacityEms(width));
}
