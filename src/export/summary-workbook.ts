// 导出汇总表: the five attachments as one styled .xlsx (ExcelJS) — titles, unit lines, bordered tables with
// bold frozen headers broken into lines only where Chinese typesetting allows (never inside （亿元）), number
// formats, A4 landscape fitted to one page wide with the header rows repeated on every printed page. Loaded
// lazily by the pages.
import ExcelJS from 'exceljs';
import {
  type AttachmentModel,
  buildAttachments,
  type CellValue,
  type ColumnKind,
  type RowOrder,
} from '../domain/bulletin/attachments';
import type { PeriodAnalysis } from '../domain/calc/types';
import { maxOf } from '../domain/iterate';
import { periodLabel } from '../domain/period';
import { headerLines, landscapeA4, minHeaderWidth, OFFICIAL_FONT, THIN_BORDERS } from './excel-style';

const FONT = OFFICIAL_FONT;
const THIN = THIN_BORDERS;

const NUM_FMT: Record<ColumnKind, string | undefined> = {
  seq: '0',
  text: undefined,
  count: '#,##0',
  money: '#,##0.00',
  // The official headers carry the unit （%）: the cell holds the percent figure (86.02), not a fraction.
  rate: '0.00',
};

/** The value written to a cell: numbers as numbers (money in 亿元, rates in percent), text always as text. */
function cellValue(cell: CellValue): ExcelJS.CellValue {
  if (cell === null) return null;
  switch (cell.kind) {
    case 'count':
      return cell.value;
    case 'money':
      return cell.yuan / 100_000_000;
    case 'rate':
      return (cell.rate.num * 100) / cell.rate.den;
    case 'text':
      // A string value is stored as a shared string, never as a formula, whatever it starts with (=, +, -, @).
      return cell.text;
  }
}

/** Width of a text cell in Excel character units (a CJK character counts two). */
function textWidth(cell: CellValue): number {
  if (cell === null || cell.kind !== 'text') return 0;
  return [...cell.text].reduce((n, ch) => n + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0);
}

/** Text lines a cell needs in a column of the given width. */
function linesIn(cell: CellValue, width: number): number {
  return Math.max(1, Math.ceil(textWidth(cell) / Math.max(1, width - 1)));
}

function addAttachmentSheet(workbook: ExcelJS.Workbook, model: AttachmentModel): void {
  const columnCount = model.columns.length;
  const headerHeight = model.headerRows.length;
  const firstHeaderRow = 4;
  const lastHeaderRow = firstHeaderRow + headerHeight - 1;
  const sheet = workbook.addWorksheet(model.label, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: lastHeaderRow }],
    pageSetup: landscapeA4(0, `${firstHeaderRow}:${lastHeaderRow}`),
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  });
  // The 市县 column fits its longest name on one line (延边朝鲜族自治州全市): a wrapped name in a row of fixed
  // height would print over the next row. Other text columns wrap.
  const nameWidth = maxOf(
    model.rows.map((r) => textWidth(r.cells[1] ?? null)),
    0,
  );
  // No column so narrow that a header piece which may not break (（亿元）, 1-9月) has to: a spanning header
  // shares its need among its columns.
  const needed = model.columns.map(() => 0);
  for (const h of model.headerRows.flat()) {
    const per = minHeaderWidth(h.text) / h.colSpan;
    for (let c = h.col; c < h.col + h.colSpan; c++) needed[c] = Math.max(needed[c] ?? 0, per);
  }
  sheet.columns = model.columns.map((c, i) => ({
    width: Math.max(i === 1 ? Math.max(c.width, nameWidth + 2) : c.width, Math.ceil(needed[i] ?? 0)),
  }));
  const spanWidth = (col: number, span: number) =>
    Array.from({ length: span }, (_, k) => sheet.getColumn(col + 1 + k).width ?? 10).reduce(
      (a, b) => a + b,
      0,
    );

  // Row 1: 附件1; row 2: the title, merged across; row 3: the unit line, right-aligned.
  const labelCell = sheet.getCell(1, 1);
  labelCell.value = model.label;
  labelCell.font = { name: '黑体', size: 14 };
  sheet.mergeCells(2, 1, 2, columnCount);
  const titleCell = sheet.getCell(2, 1);
  titleCell.value = model.title;
  titleCell.font = { name: FONT, size: 18, bold: true };
  titleCell.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(2).height = 32;
  sheet.mergeCells(3, 1, 3, columnCount);
  const unitCell = sheet.getCell(3, 1);
  unitCell.value = model.unitLine;
  unitCell.font = { name: FONT, size: 11 };
  unitCell.alignment = { horizontal: 'right' };

  // Header rows: every cell of the block bordered, spans merged.
  for (let r = firstHeaderRow; r <= lastHeaderRow; r++) {
    for (let c = 1; c <= columnCount; c++) {
      const cell = sheet.getCell(r, c);
      cell.border = THIN;
      cell.font = { name: FONT, size: 11, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    }
  }
  // Each header broken by us, between pieces that may part; the rows as high as their lines need (a cell
  // spanning rows shares its lines between them).
  const lineCounts = model.headerRows.map(() => 1);
  model.headerRows.forEach((cells, i) => {
    const r = firstHeaderRow + i;
    for (const h of cells) {
      const lines = headerLines(h.text, spanWidth(h.col, h.colSpan));
      sheet.getCell(r, h.col + 1).value = lines.join('\n');
      const perRow = Math.ceil(lines.length / h.rowSpan);
      for (let k = i; k < i + h.rowSpan && k < lineCounts.length; k++)
        lineCounts[k] = Math.max(lineCounts[k] ?? 1, perRow);
      if (h.colSpan > 1 || h.rowSpan > 1) {
        sheet.mergeCells(r, h.col + 1, r + h.rowSpan - 1, h.col + h.colSpan);
      }
    }
  });
  lineCounts.forEach((n, i) => {
    sheet.getRow(firstHeaderRow + i).height = Math.max(headerHeight > 1 ? 20 : 30, 15 * n + 6);
  });

  model.rows.forEach((row, i) => {
    const excelRow = sheet.getRow(lastHeaderRow + 1 + i);
    // Room for 11pt text, and for every line of a wrapped text (project names, reasons).
    const lines = maxOf(
      row.cells.map((cell, c) =>
        model.columns[c]?.kind === 'text' ? linesIn(cell, sheet.getColumn(c + 1).width ?? 10) : 1,
      ),
      1,
    );
    excelRow.height = 18 * lines;
    row.cells.forEach((cell, c) => {
      const column = model.columns[c];
      const target = excelRow.getCell(c + 1);
      target.value = cellValue(cell);
      target.border = THIN;
      target.font = { name: FONT, size: 11, bold: row.role !== 'unit' };
      const fmt = column ? NUM_FMT[column.kind] : undefined;
      if (fmt && cell !== null && cell.kind !== 'text') target.numFmt = fmt;
      target.alignment =
        column?.kind === 'text'
          ? c === 1 || textWidth(cell) <= 12
            ? { horizontal: 'center', vertical: 'middle', wrapText: true }
            : { horizontal: 'left', vertical: 'middle', wrapText: true, indent: 1 }
          : { horizontal: column?.kind === 'seq' ? 'center' : 'right', vertical: 'middle' };
    });
  });

  if (model.footnote) {
    // Under the table, merged across it: which units the totals leave out.
    const r = lastHeaderRow + model.rows.length + 2;
    sheet.mergeCells(r, 1, r, columnCount);
    const note = sheet.getCell(r, 1);
    note.value = model.footnote;
    note.font = { name: FONT, size: 11 };
    note.alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
    sheet.getRow(r).height =
      18 * Math.max(1, Math.ceil(textWidth({ kind: 'text', text: model.footnote }) / 150));
  }
}

/** The summary workbook's bytes: sheets 附件1 … 附件5. */
export async function writeSummaryWorkbook(
  analysis: PeriodAnalysis,
  order: RowOrder = 'grouped',
): Promise<Uint8Array> {
  return writeAttachmentsWorkbook(buildAttachments(analysis, order));
}

/** The same workbook from attachment models already built (an issued bulletin's, as issued). */
export async function writeAttachmentsWorkbook(models: readonly AttachmentModel[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '吉林省安居工程月报汇总';
  // A fixed date keeps the bytes of two exports of the same data identical.
  workbook.created = new Date(Date.UTC(2000, 0, 1));
  workbook.modified = workbook.created;
  for (const model of models) addAttachmentSheet(workbook, model);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** 2018年1-9月棚改进展汇总表.xlsx */
export function summaryFileName(period: string): string {
  return `${periodLabel(period)}全省安居工程进展汇总表.xlsx`;
}
