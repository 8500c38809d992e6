// 导出通报: the bulletin as a .docx laid out as a Chinese official document (GB/T 9704-2012: A4, 小标宋 title,
// 仿宋 body, 黑体/楷体 headings, margins 37/35/28/26 mm, page numbers "— 1 —"), then the five attachments as
// tables, each on its own landscape pages. Loaded lazily by the pages.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeightRule,
  type ISectionOptions,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  VerticalMergeType,
  WidthType,
} from 'docx';
import { type AttachmentModel, cellText } from '../domain/bulletin/attachments';
import type { BulletinParagraph } from '../domain/bulletin/generate';
import type { DocumentMeta } from '../domain/bulletin/issue';

/** Millimetres to twips (1/1440 inch), rounded. */
export function mmToTwips(mm: number): number {
  return Math.round((mm / 25.4) * 1440);
}

/** GB/T 9704-2012 page: A4 and the margins of an official document. */
export const A4_TWIPS = { width: 11906, height: 16838 } as const;
export const OFFICIAL_MARGINS_TWIPS = {
  top: mmToTwips(37),
  bottom: mmToTwips(35),
  left: mmToTwips(28),
  right: mmToTwips(26),
} as const;

const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  table: '仿宋_GB2312',
} as const;

// Sizes in half-points: 二号 22pt, 三号 16pt, 四号 14pt, 五号 10.5pt.
const SIZE = { title: 44, body: 32, attachmentTitle: 36, table: 21, small: 24 } as const;
// 28.95pt exact line pitch gives the standard 22 lines a page.
const LINE = { line: 579, lineRule: LineRuleType.EXACT } as const;
const FIRST_LINE_INDENT = 640; // two 16pt characters

function font(name: string) {
  return { ascii: name === FONTS.body ? 'Times New Roman' : name, hAnsi: name, eastAsia: name, cs: name };
}

function run(text: string, fontName: string, size: number, bold = false): TextRun {
  return new TextRun({ text, font: font(fontName), size, bold });
}

function bodyParagraph(
  children: TextRun[],
  indent = true,
  alignment: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.JUSTIFIED,
): Paragraph {
  return new Paragraph({
    children,
    alignment,
    spacing: LINE,
    indent: indent ? { firstLine: FIRST_LINE_INDENT } : undefined,
  });
}

/** A paragraph whose leading （一）…。 is a 楷体 heading and the rest body text. */
function numberedParagraph(text: string): Paragraph {
  const m = /^(（[一二三四五六七八九十]+）[^。]*。)(.*)$/.exec(text);
  if (!m) return bodyParagraph([run(text, FONTS.body, SIZE.body)]);
  const runs = [run(m[1] ?? '', FONTS.heading2, SIZE.body)];
  if (m[2]) runs.push(run(m[2], FONTS.body, SIZE.body));
  return bodyParagraph(runs);
}

const EM_TWIPS = 320; // one 三号 (16pt) character

/** Width of a text in 三号 characters: CJK one, digits and Latin half. */
function ems(text: string): number {
  return [...text].reduce((n, ch) => n + (ch.charCodeAt(0) > 0xff ? 1 : 0.5), 0);
}

/**
 * GB/T 9704-2012 7.3.5.1 (a sealed document): the date 右空四字, the issuer centred over the date. An issuer
 * longer than the room to the right of that centre ends at the margin.
 */
export function signatureIndents(issuer: string, date: string): { issuer: number; date: number } {
  const dateRight = 4;
  const issuerRight = Math.max(0, dateRight + ems(date) / 2 - ems(issuer) / 2);
  return { issuer: Math.round(issuerRight * EM_TWIPS), date: dateRight * EM_TWIPS };
}

function bulletinParagraphs(paragraphs: readonly BulletinParagraph[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const p of paragraphs) {
    switch (p.kind) {
      case 'title':
        out.push(
          new Paragraph({
            children: [run(p.text, FONTS.title, SIZE.title)],
            alignment: AlignmentType.CENTER,
            spacing: { line: 700, lineRule: LineRuleType.EXACT, after: 579 },
          }),
        );
        break;
      case 'addressees':
        out.push(bodyParagraph([run(p.text, FONTS.body, SIZE.body)], false, AlignmentType.LEFT));
        break;
      case 'heading1':
        out.push(bodyParagraph([run(p.text, FONTS.heading1, SIZE.body)]));
        break;
      case 'heading2':
        out.push(bodyParagraph([run(p.text, FONTS.heading2, SIZE.body)]));
        break;
      case 'body':
        out.push(numberedParagraph(p.text));
        break;
      case 'attachment': {
        // 附件：1.… with the following items aligned under the first title.
        const first = p.text.startsWith('附件');
        // GB/T 9704: 附件说明 one blank line below the body.
        if (first) out.push(new Paragraph({ children: [], spacing: LINE }));
        out.push(
          new Paragraph({
            children: [run(p.text, FONTS.body, SIZE.body)],
            spacing: LINE,
            indent: first ? { firstLine: FIRST_LINE_INDENT } : { left: FIRST_LINE_INDENT + 960 },
          }),
        );
        break;
      }
      case 'issuer': {
        // Room for the seal above the signature, then the issuer centred over the date.
        const date = paragraphs.find((q) => q.kind === 'date')?.text ?? '';
        out.push(new Paragraph({ children: [], spacing: LINE }));
        out.push(new Paragraph({ children: [], spacing: LINE }));
        out.push(
          new Paragraph({
            children: [run(p.text, FONTS.body, SIZE.body)],
            alignment: AlignmentType.RIGHT,
            spacing: LINE,
            indent: { right: signatureIndents(p.text, date).issuer },
          }),
        );
        break;
      }
      case 'date': {
        const issuer = paragraphs.find((q) => q.kind === 'issuer')?.text ?? '';
        out.push(
          new Paragraph({
            children: [run(p.text, FONTS.body, SIZE.body)],
            alignment: AlignmentType.RIGHT,
            spacing: LINE,
            indent: { right: signatureIndents(issuer, p.text).date },
          }),
        );
        break;
      }
    }
  }
  return out;
}

const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const CELL_BORDERS = { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER };

function tableCell(
  text: string,
  options: {
    bold?: boolean;
    align?: (typeof AlignmentType)[keyof typeof AlignmentType];
    columnSpan?: number;
    vMerge?: 'restart' | 'continue';
  } = {},
): TableCell {
  return new TableCell({
    children: [
      new Paragraph({
        children: [run(text, FONTS.table, SIZE.table, options.bold)],
        alignment: options.align ?? AlignmentType.CENTER,
      }),
    ],
    columnSpan: options.columnSpan,
    verticalMerge:
      options.vMerge === 'restart'
        ? VerticalMergeType.RESTART
        : options.vMerge === 'continue'
          ? VerticalMergeType.CONTINUE
          : undefined,
    verticalAlign: VerticalAlign.CENTER,
    borders: CELL_BORDERS,
    margins: { left: 60, right: 60, top: 20, bottom: 20 },
  });
}

// A table line of 五号 text, and a character, in twips (the cell's own margins come off its width).
const TABLE_LINE_TWIPS = 300;
const TABLE_CHAR_TWIPS = SIZE.table * 10;
const CELL_MARGIN_TWIPS = 120;

/** Lines a header text needs in a cell of the given width (a CJK character is one em, ASCII half). */
function linesNeeded(text: string, widthTwips: number): number {
  const ems = [...text].reduce((n, ch) => n + (ch.charCodeAt(0) > 0xff ? 1 : 0.5), 0);
  const perLine = Math.max(1, Math.floor((widthTwips - CELL_MARGIN_TWIPS) / TABLE_CHAR_TWIPS));
  return Math.max(1, Math.ceil(ems / perLine));
}

/**
 * Each header row's height, tall enough for the wrapped text of every cell over it (a cell spanning rows shares
 * its lines between them). Explicit heights keep the header whole where Word or LibreOffice repeat it on the
 * next page: without them a merged header cell is cut short there.
 */
function headerRowHeights(model: AttachmentModel, columnWidths: readonly number[]): number[] {
  const lines = model.headerRows.map(() => 1);
  model.headerRows.forEach((cells, r) => {
    for (const cell of cells) {
      const width = columnWidths.slice(cell.col, cell.col + cell.colSpan).reduce((a, b) => a + b, 0);
      const perRow = Math.ceil(linesNeeded(cell.text, width) / cell.rowSpan);
      for (let k = r; k < r + cell.rowSpan && k < lines.length; k++)
        lines[k] = Math.max(lines[k] ?? 1, perRow);
    }
  });
  return lines.map((n) => n * TABLE_LINE_TWIPS + 60);
}

function headerTableRows(model: AttachmentModel, columnWidths: readonly number[]): TableRow[] {
  const heights = headerRowHeights(model, columnWidths);
  const rows: TableRow[] = [];
  model.headerRows.forEach((cells, r) => {
    const children: TableCell[] = [];
    for (let col = 0; col < model.columns.length; ) {
      const own = cells.find((h) => h.col === col);
      if (own) {
        children.push(
          tableCell(own.text, {
            bold: true,
            columnSpan: own.colSpan,
            vMerge: own.rowSpan > 1 ? 'restart' : undefined,
          }),
        );
        col += own.colSpan;
        continue;
      }
      // Covered by a cell above that spans rows: continue its vertical merge.
      const above = model.headerRows
        .slice(0, r)
        .flat()
        .find((h) => h.col === col && h.rowSpan > 1);
      children.push(
        tableCell('', { bold: true, columnSpan: above?.colSpan, vMerge: above ? 'continue' : undefined }),
      );
      col += above?.colSpan ?? 1;
    }
    rows.push(
      new TableRow({
        children,
        tableHeader: true,
        cantSplit: true,
        height: { value: heights[r] ?? TABLE_LINE_TWIPS, rule: HeightRule.ATLEAST },
      }),
    );
  });
  return rows;
}

function attachmentTable(model: AttachmentModel, widthTwips: number): Table {
  const totalChars = model.columns.reduce((s, c) => s + c.width, 0);
  const columnWidths = model.columns.map((c) => Math.floor((c.width / totalChars) * widthTwips));
  const bodyRows = model.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: row.cells.map((cell, i) =>
          tableCell(cellText(cell), {
            bold: row.role !== 'unit',
            align:
              model.columns[i]?.kind === 'text' || model.columns[i]?.kind === 'seq'
                ? AlignmentType.CENTER
                : AlignmentType.RIGHT,
          }),
        ),
      }),
  );
  return new Table({
    rows: [...headerTableRows(model, columnWidths), ...bodyRows],
    columnWidths,
    width: { size: widthTwips, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
  });
}

function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font('宋体'), size: 28 })],
      }),
    ],
  });
}

/** The Word document of a bulletin (its paragraphs, possibly edited) and its five attachments. */
export function buildBulletinDocument(
  paragraphs: readonly BulletinParagraph[],
  attachments: readonly AttachmentModel[],
): Document {
  const footers = { default: pageNumberFooter() };
  const portrait: ISectionOptions['properties'] = {
    page: {
      size: { width: A4_TWIPS.width, height: A4_TWIPS.height, orientation: PageOrientation.PORTRAIT },
      margin: { ...OFFICIAL_MARGINS_TWIPS, header: 851, footer: 992 },
    },
  };
  // Attachments are wide tables: landscape, the long edge taking the official side margins.
  const landscapeContentWidth = A4_TWIPS.height - OFFICIAL_MARGINS_TWIPS.top - OFFICIAL_MARGINS_TWIPS.bottom;
  const landscape: ISectionOptions['properties'] = {
    page: {
      size: { width: A4_TWIPS.width, height: A4_TWIPS.height, orientation: PageOrientation.LANDSCAPE },
      margin: {
        top: OFFICIAL_MARGINS_TWIPS.left,
        bottom: OFFICIAL_MARGINS_TWIPS.right,
        left: OFFICIAL_MARGINS_TWIPS.top,
        right: OFFICIAL_MARGINS_TWIPS.bottom,
        header: 851,
        footer: 700,
      },
    },
  };
  const sections: ISectionOptions[] = [
    { properties: portrait, footers, children: bulletinParagraphs(paragraphs) },
    ...attachments.map(
      (model): ISectionOptions => ({
        properties: landscape,
        footers,
        children: [
          new Paragraph({ children: [run(model.label, FONTS.heading1, SIZE.body)] }),
          new Paragraph({
            children: [run(model.title, FONTS.title, SIZE.attachmentTitle)],
            alignment: AlignmentType.CENTER,
            spacing: { before: 120, after: 120 },
          }),
          new Paragraph({
            children: [run(model.unitLine, FONTS.body, SIZE.small)],
            alignment: AlignmentType.RIGHT,
          }),
          attachmentTable(model, landscapeContentWidth),
          ...(model.footnote
            ? [
                new Paragraph({
                  children: [run(model.footnote, FONTS.body, SIZE.small)],
                  spacing: { before: 120 },
                }),
              ]
            : []),
        ],
      }),
    ),
  ];
  return new Document({
    creator: '吉林省安居工程月报汇总',
    title: paragraphs.find((p) => p.kind === 'title')?.text ?? '通报',
    styles: { default: { document: { run: { font: font(FONTS.body), size: SIZE.body } } } },
    sections,
  });
}

/**
 * The .docx bytes. `meta` carries the 发文字号 (null before 签发) and the 成文日期: from the issued record when
 * an issued version is exported, else from the 通报 page (the day of generating by default).
 */
export async function writeBulletinDocx(
  paragraphs: readonly BulletinParagraph[],
  attachments: readonly AttachmentModel[],
  _meta?: DocumentMeta,
): Promise<Uint8Array> {
  const buffer = await Packer.toArrayBuffer(buildBulletinDocument(paragraphs, attachments));
  return new Uint8Array(buffer);
}
