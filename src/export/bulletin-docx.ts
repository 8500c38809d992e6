// 导出通报: the bulletin as a .docx laid out as a Chinese official document (GB/T 9704-2012: A4, margins
// 37/35/28/26 mm; the 版头 with the red 发文机关标志, 发文字号 and red line; 小标宋 title, 仿宋 body, 黑体/楷体
// headings; page numbers "— 1 —" in 4号 宋体, odd pages right and even pages left), then the five attachments as
// tables on landscape pages, and the 版记 (抄送机关, 印发机关 and 印发日期 between its lines) at the foot of the
// last page. Loaded lazily by the pages.
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
  TabStopType,
  TextRun,
  VerticalAlign,
  VerticalAlignSection,
  VerticalMergeType,
  WidthType,
} from 'docx';
import { type AttachmentModel, cellText } from '../domain/bulletin/attachments';
import { copyToLine, type DocumentFurniture, printedDateText } from '../domain/bulletin/furniture';
import type { BulletinParagraph } from '../domain/bulletin/generate';
import { balancedLines, minLineEms, textEms, wrapLines } from '../domain/bulletin/line-breaks';

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

// Sizes in half-points: 二号 22pt, 三号 16pt, 四号 14pt, 小四 12pt, 小五 9pt. The attachment tables are set in
// 小五 on an exact line, so a landscape page holds some thirty rows, not sixteen.
const SIZE = { title: 44, body: 32, attachmentTitle: 36, table: 18, small: 24, mark: 28 } as const;
const RED = 'FF0000';
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
  keepNext = false,
): Paragraph {
  return new Paragraph({
    children,
    alignment,
    spacing: LINE,
    indent: indent ? { firstLine: FIRST_LINE_INDENT } : undefined,
    keepNext: keepNext || undefined,
  });
}

/** A paragraph whose leading （一）…。 is a 楷体 heading and the rest body text. */
function numberedParagraph(text: string, keepNext: boolean): Paragraph {
  const m = /^(（[一二三四五六七八九十]+）[^。]*。)(.*)$/.exec(text);
  if (!m) return bodyParagraph([run(text, FONTS.body, SIZE.body)], true, undefined, keepNext);
  const runs = [run(m[1] ?? '', FONTS.heading2, SIZE.body)];
  if (m[2]) runs.push(run(m[2], FONTS.body, SIZE.body));
  return bodyParagraph(runs, true, undefined, keepNext);
}

const EM_TWIPS = 320; // one 三号 (16pt) character

/**
 * GB/T 9704-2012 7.3.5.1 (a sealed document): the date 右空四字, the issuer centred over the date. An issuer
 * longer than the room to the right of that centre ends at the margin.
 */
export function signatureIndents(issuer: string, date: string): { issuer: number; date: number } {
  const dateRight = 4;
  const issuerRight = Math.max(0, dateRight + textEms(date) / 2 - textEms(issuer) / 2);
  return { issuer: Math.round(issuerRight * EM_TWIPS), date: dateRight * EM_TWIPS };
}

/** The paragraphs with the 成文日期 given to the writer (when it is) on the date line. */
function withDocumentDate(paragraphs: readonly BulletinParagraph[], date: string): BulletinParagraph[] {
  return paragraphs.map((p) => (p.kind === 'date' && date !== '' ? { ...p, text: date } : p));
}

/**
 * Where the document's tail starts: the last paragraph of text before the 附件说明 and the signature. From
 * there to the date every paragraph keeps with the next, so the signature and 成文日期 never stand on a page
 * without text (GB/T 9704-2012 7.3.5.5) and the 附件说明 is not parted from them.
 */
export function tailStart(paragraphs: readonly BulletinParagraph[]): number {
  const end = paragraphs.findIndex(
    (p) => p.kind === 'attachment' || p.kind === 'issuer' || p.kind === 'date',
  );
  if (end < 0) return paragraphs.length;
  return Math.max(0, end - 1);
}

function bulletinParagraphs(paragraphs: readonly BulletinParagraph[], afterHead: boolean): Paragraph[] {
  const out: Paragraph[] = [];
  const tail = tailStart(paragraphs);
  for (const [i, p] of paragraphs.entries()) {
    // keepNext || undefined: no <w:keepNext w:val="false"/> on every other paragraph.
    const keepNext = (i >= tail && p.kind !== 'date') || undefined;
    switch (p.kind) {
      case 'title':
        // GB/T 9704 7.3.1: two lines below the red line of the 版头.
        out.push(
          new Paragraph({
            children: [run(p.text, FONTS.title, SIZE.title)],
            alignment: AlignmentType.CENTER,
            spacing: {
              line: 700,
              lineRule: LineRuleType.EXACT,
              after: 579,
              before: afterHead ? 2 * LINE.line : 0,
            },
          }),
        );
        break;
      case 'addressees':
        out.push(bodyParagraph([run(p.text, FONTS.body, SIZE.body)], false, AlignmentType.LEFT));
        break;
      // A heading keeps with its text: never alone at the foot of a page.
      case 'heading1':
        out.push(bodyParagraph([run(p.text, FONTS.heading1, SIZE.body)], true, undefined, true));
        break;
      case 'heading2':
        out.push(bodyParagraph([run(p.text, FONTS.heading2, SIZE.body)], true, undefined, true));
        break;
      case 'body':
        out.push(numberedParagraph(p.text, keepNext === true));
        break;
      case 'attachment': {
        // 附件：1.… with the following items aligned under the first title.
        const first = p.text.startsWith('附件');
        // GB/T 9704: 附件说明 one blank line below the body.
        if (first) out.push(new Paragraph({ children: [], spacing: LINE, keepNext }));
        out.push(
          new Paragraph({
            children: [run(p.text, FONTS.body, SIZE.body)],
            spacing: LINE,
            keepNext,
            indent: first ? { firstLine: FIRST_LINE_INDENT } : { left: FIRST_LINE_INDENT + 960 },
          }),
        );
        break;
      }
      case 'issuer': {
        // Room for the seal above the signature, then the issuer centred over the date.
        const date = paragraphs.find((q) => q.kind === 'date')?.text ?? '';
        out.push(new Paragraph({ children: [], spacing: LINE, keepNext }));
        out.push(new Paragraph({ children: [], spacing: LINE, keepNext }));
        out.push(
          new Paragraph({
            children: [run(p.text, FONTS.body, SIZE.body)],
            alignment: AlignmentType.RIGHT,
            spacing: LINE,
            keepNext,
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

// ---- 版头 -------------------------------------------------------------------------------------------------

/** The 版心's width in points (156 mm). */
const TEXT_WIDTH_TWIPS = A4_TWIPS.width - OFFICIAL_MARGINS_TWIPS.left - OFFICIAL_MARGINS_TWIPS.right;

/**
 * The 发文机关标志's size in half-points: as large as 小标宋 allows on one line of the 版心 (a long name gets
 * smaller characters), never above 初号 (42pt).
 */
export function issuerMarkSize(mark: string): number {
  const ems = Math.max(1, textEms(mark));
  const fitting = Math.floor(((TEXT_WIDTH_TWIPS / 20) * 0.96) / ems);
  return Math.min(84, fitting * 2);
}

/**
 * GB/T 9704 7.2: the 发文机关标志 in red 小标宋, its top 35 mm below the top of the 版心; the 发文字号 two lines
 * below it, centred; 4 mm under the 发文字号 a red line as wide as the 版心.
 */
function headParagraphs(f: DocumentFurniture): Paragraph[] {
  const size = issuerMarkSize(f.issuerMark);
  return [
    new Paragraph({
      children: [new TextRun({ text: f.issuerMark, font: font(FONTS.title), size, color: RED })],
      alignment: AlignmentType.CENTER,
      spacing: { before: mmToTwips(35), line: size * 10, lineRule: LineRuleType.EXACT },
    }),
    new Paragraph({
      children: [run(f.documentNumber, FONTS.body, SIZE.body)],
      alignment: AlignmentType.CENTER,
      spacing: { before: 2 * LINE.line, line: LINE.line, lineRule: LineRuleType.EXACT },
      border: { bottom: { style: BorderStyle.SINGLE, size: 8, color: RED, space: 11 } },
    }),
  ];
}

// ---- 版记 -------------------------------------------------------------------------------------------------

const MARK_CHAR_TWIPS = SIZE.mark * 10; // one 4号 character
const THICK_LINE = { style: BorderStyle.SINGLE, size: 8, color: '000000' } as const; // 0.35 mm
const THIN_LINE = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const; // 0.25 mm
const NO_LINE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;

/**
 * GB/T 9704 7.4: the 版记 as wide as the 版心 — a thick line, 抄送 (4号 仿宋, one character in from each side,
 * a second line aligned after the colon), a thin line, the 印发机关 one character in from the left and the
 * 印发日期 one character in from the right, a thick line.
 */
function recordTable(f: DocumentFurniture): Table {
  const width = TEXT_WIDTH_TWIPS;
  const line = { line: RECORD_LINE_TWIPS, lineRule: LineRuleType.EXACT } as const;
  const paragraphs: Paragraph[] = [];
  const copy = copyToLine(f.copyTo);
  if (copy) {
    paragraphs.push(
      new Paragraph({
        children: [run(copy, FONTS.body, SIZE.mark)],
        spacing: line,
        indent: { left: 3 * MARK_CHAR_TWIPS, hanging: 3 * MARK_CHAR_TWIPS },
      }),
    );
  }
  paragraphs.push(
    new Paragraph({
      children: [
        run(f.printedBy, FONTS.body, SIZE.mark),
        new TextRun({ children: ['\t', printedDateText(f)], font: font(FONTS.body), size: SIZE.mark }),
      ],
      spacing: line,
      tabStops: [{ type: TabStopType.RIGHT, position: width - 2 * MARK_CHAR_TWIPS }],
    }),
  );
  // Each line is drawn on its cell: a cell's own borders win over the table's in Word and LibreOffice.
  const rows = paragraphs.map(
    (paragraph, i) =>
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            children: [paragraph],
            borders: {
              top: i === 0 ? THICK_LINE : THIN_LINE,
              bottom: i === paragraphs.length - 1 ? THICK_LINE : THIN_LINE,
              left: NO_LINE,
              right: NO_LINE,
            },
            margins: {
              left: MARK_CHAR_TWIPS,
              right: MARK_CHAR_TWIPS,
              top: RECORD_CELL_MARGIN_TWIPS,
              bottom: RECORD_CELL_MARGIN_TWIPS,
            },
            width: { size: width, type: WidthType.DXA },
          }),
        ],
      }),
  );
  return new Table({
    rows,
    columnWidths: [width],
    width: { size: width, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: {
      top: NO_LINE,
      bottom: NO_LINE,
      left: NO_LINE,
      right: NO_LINE,
      insideHorizontal: NO_LINE,
      insideVertical: NO_LINE,
    },
  });
}

const RECORD_LINE_TWIPS = 440;
const RECORD_CELL_MARGIN_TWIPS = 60;
const TEXT_HEIGHT_TWIPS = A4_TWIPS.height - OFFICIAL_MARGINS_TWIPS.top - OFFICIAL_MARGINS_TWIPS.bottom;

/** The 版记's height: its lines (抄送 may take two), their cell margins and the rules. */
export function recordHeightTwips(f: DocumentFurniture): number {
  const copy = copyToLine(f.copyTo);
  const perLine = Math.floor((TEXT_WIDTH_TWIPS - 2 * MARK_CHAR_TWIPS) / MARK_CHAR_TWIPS) - 3;
  const copyLines = copy ? wrapLines(copy.slice(3), perLine).length : 0;
  const rows = (copy ? 1 : 0) + 1;
  return (copyLines + 1) * RECORD_LINE_TWIPS + rows * 2 * RECORD_CELL_MARGIN_TWIPS + (rows + 1) * 20;
}

/**
 * The room above the 版记 on its own page, so its last line sits on the foot of the 版心 (LibreOffice does
 * not honour a section's vertical alignment; Word, given both, lines it up exactly). A little is kept back
 * so a word processor measuring a line taller never pushes the 版记 onto a page of its own.
 */
function recordSpacer(f: DocumentFurniture): Paragraph {
  const room = TEXT_HEIGHT_TWIPS - recordHeightTwips(f) - 2 * 20 - 240;
  return new Paragraph({
    children: [],
    spacing: { line: Math.max(20, room), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    run: { size: 2 },
  });
}

/** An empty paragraph one twentieth of a point high. */
function hairline(): Paragraph {
  return new Paragraph({
    children: [],
    spacing: { line: 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    run: { size: 2 },
  });
}

// ---- Attachment tables ------------------------------------------------------------------------------------

const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const TABLE_BORDERS = {
  top: CELL_BORDER,
  bottom: CELL_BORDER,
  left: CELL_BORDER,
  right: CELL_BORDER,
  insideHorizontal: CELL_BORDER,
  insideVertical: CELL_BORDER,
};
/** The paragraph style of every attachment cell: 小五 仿宋 on an exact line (the paragraph mark too, so an
 *  empty cell is as low as a full one, not a 三号 line high). */
const TABLE_STYLE = 'AttachmentCell';

// A 小五 table line, a character, and the cell's margins, in twips.
const TABLE_LINE_TWIPS = 220;
const TABLE_CHAR_TWIPS = SIZE.table * 10;
const CELL_MARGIN_TWIPS = 120;
const TABLE_LINE = { line: TABLE_LINE_TWIPS, lineRule: LineRuleType.EXACT } as const;

/** The characters a header line holds in a cell this wide, with a little room for bold and rounding. */
function cellCapacityEms(widthTwips: number): number {
  return Math.floor(((widthTwips - CELL_MARGIN_TWIPS - 40) / TABLE_CHAR_TWIPS) * 2) / 2;
}

function tableCell(
  lines: readonly string[],
  options: {
    bold?: boolean;
    align?: (typeof AlignmentType)[keyof typeof AlignmentType];
    columnSpan?: number;
    vMerge?: 'restart' | 'continue';
  } = {},
): TableCell {
  // A header broken here, between pieces that may part (wrapLines), never by the word processor. Font, size
  // and line come from the table style, borders and margins from the table: a few thousand cells stay small.
  const runs = lines.map(
    (text, i) => new TextRun({ text, bold: options.bold || undefined, break: i > 0 ? 1 : undefined }),
  );
  return new TableCell({
    children: [
      new Paragraph({ children: runs, alignment: options.align ?? AlignmentType.CENTER, style: TABLE_STYLE }),
    ],
    columnSpan: options.columnSpan,
    verticalMerge:
      options.vMerge === 'restart'
        ? VerticalMergeType.RESTART
        : options.vMerge === 'continue'
          ? VerticalMergeType.CONTINUE
          : undefined,
    verticalAlign: VerticalAlign.CENTER,
  });
}

/**
 * Column widths in twips: in proportion to the model's widths, but never so narrow that a header piece
 * which may not be broken (a bracketed unit such as （亿元）) has to break; the room comes from the others.
 */
export function attachmentColumnWidths(model: AttachmentModel, widthTwips: number): number[] {
  const totalChars = model.columns.reduce((s, c) => s + c.width, 0);
  const widths = model.columns.map((c) => (c.width / totalChars) * widthTwips);
  const needed = model.columns.map(() => 0);
  for (const cell of model.headerRows.flat()) {
    const twips = minLineEms(cell.text) * TABLE_CHAR_TWIPS + CELL_MARGIN_TWIPS + 40;
    const per = twips / cell.colSpan;
    for (let c = cell.col; c < cell.col + cell.colSpan; c++) needed[c] = Math.max(needed[c] ?? 0, per);
  }
  for (let round = 0; round < model.columns.length; round++) {
    const short = widths.map((w, i) => Math.max(0, (needed[i] ?? 0) - w));
    const missing = short.reduce((a, b) => a + b, 0);
    if (missing < 0.5) break;
    const spare = widths.map((w, i) => (short[i] ? 0 : Math.max(0, w - (needed[i] ?? 0))));
    const spareTotal = spare.reduce((a, b) => a + b, 0);
    if (spareTotal <= 0) break;
    widths.forEach((w, i) => {
      widths[i] = (short[i] ?? 0) > 0 ? (needed[i] ?? w) : w - ((spare[i] ?? 0) / spareTotal) * missing;
    });
  }
  return widths.map((w) => Math.floor(w));
}

function spanWidth(columnWidths: readonly number[], col: number, span: number): number {
  return columnWidths.slice(col, col + span).reduce((a, b) => a + b, 0);
}

/** Each header cell's text broken into lines for its width. */
function headerLines(model: AttachmentModel, columnWidths: readonly number[]): string[][][] {
  return model.headerRows.map((cells) =>
    cells.map((cell) =>
      balancedLines(cell.text, cellCapacityEms(spanWidth(columnWidths, cell.col, cell.colSpan))),
    ),
  );
}

/**
 * Each header row's height, tall enough for the lines of every cell over it (a cell spanning rows shares its
 * lines between them). Explicit heights keep the header whole where Word or LibreOffice repeat it on the
 * next page: without them a merged header cell is cut short there.
 */
function headerRowHeights(model: AttachmentModel, lines: readonly string[][][]): number[] {
  const counts = model.headerRows.map(() => 1);
  model.headerRows.forEach((cells, r) => {
    cells.forEach((cell, k) => {
      const perRow = Math.ceil((lines[r]?.[k]?.length ?? 1) / cell.rowSpan);
      for (let j = r; j < r + cell.rowSpan && j < counts.length; j++)
        counts[j] = Math.max(counts[j] ?? 1, perRow);
    });
  });
  return counts.map((n) => n * TABLE_LINE_TWIPS + 40);
}

function headerTableRows(model: AttachmentModel, columnWidths: readonly number[]): TableRow[] {
  const lines = headerLines(model, columnWidths);
  const heights = headerRowHeights(model, lines);
  const rows: TableRow[] = [];
  model.headerRows.forEach((cells, r) => {
    const children: TableCell[] = [];
    for (let col = 0; col < model.columns.length; ) {
      const k = cells.findIndex((h) => h.col === col);
      const own = cells[k];
      if (own) {
        children.push(
          tableCell(lines[r]?.[k] ?? [own.text], {
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
        tableCell([''], { bold: true, columnSpan: above?.colSpan, vMerge: above ? 'continue' : undefined }),
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
  const columnWidths = attachmentColumnWidths(model, widthTwips);
  const bodyRows = model.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: row.cells.map((cell, i) => {
          const kind = model.columns[i]?.kind;
          const text = cellText(cell);
          const capacity = cellCapacityEms(columnWidths[i] ?? 0);
          return tableCell(kind === 'text' ? wrapLines(text, capacity) : [text], {
            bold: row.role !== 'unit',
            align: kind === 'text' || kind === 'seq' ? AlignmentType.CENTER : AlignmentType.RIGHT,
          });
        }),
      }),
  );
  return new Table({
    rows: [...headerTableRows(model, columnWidths), ...bodyRows],
    columnWidths,
    width: { size: columnWidths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
    margins: { left: 60, right: 60, top: 0, bottom: 0 },
  });
}

// ---- Page numbers -----------------------------------------------------------------------------------------

/**
 * GB/T 9704 7.5: 4号 半角 宋体 digits with a dash on each side (— 1 —), odd pages at the right and even pages
 * at the left, one character in from the edge of the 版心; the dash 7 mm below the 版心.
 */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: MARK_CHAR_TWIPS } : { left: MARK_CHAR_TWIPS },
        spacing: { line: SIZE.mark * 10, lineRule: LineRuleType.EXACT },
        children: [
          new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font('宋体'), size: SIZE.mark }),
        ],
      }),
    ],
  });
}

/** The footer's distance from the foot of the page: its line's top 7 mm under the 版心. */
export const FOOTER_DISTANCE_TWIPS = mmToTwips(35 - 7) - SIZE.mark * 10;

// ---- The document -----------------------------------------------------------------------------------------

/** The Word document of a bulletin (its paragraphs, possibly edited), its five attachments and its furniture. */
export function buildBulletinDocument(
  paragraphs: readonly BulletinParagraph[],
  attachments: readonly AttachmentModel[],
  furniture: Partial<DocumentFurniture> = {},
): Document {
  const f: DocumentFurniture = {
    issuerMark: '',
    documentNumber: '',
    copyTo: '',
    printedBy: '',
    printedDate: '',
    documentDate: '',
    ...furniture,
  };
  const dated = withDocumentDate(paragraphs, f.documentDate);
  // The 印发日期 defaults to the 成文日期: the one given, else the date line of the text.
  if (f.documentDate === '') f.documentDate = dated.find((p) => p.kind === 'date')?.text ?? '';
  const footers = { default: pageNumberFooter('odd'), even: pageNumberFooter('even') };
  const portrait: ISectionOptions['properties'] = {
    page: {
      size: { width: A4_TWIPS.width, height: A4_TWIPS.height, orientation: PageOrientation.PORTRAIT },
      margin: { ...OFFICIAL_MARGINS_TWIPS, header: 851, footer: FOOTER_DISTANCE_TWIPS },
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
  const head = f.issuerMark !== '';
  const sections: ISectionOptions[] = [
    {
      properties: portrait,
      footers,
      children: [...(head ? headParagraphs(f) : []), ...bulletinParagraphs(dated, head)],
    },
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
    // GB/T 9704 7.4: the 版记 comes after the attachments, its last line on the foot of the last page.
    ...(f.printedBy !== ''
      ? [
          {
            properties: { ...portrait, verticalAlign: VerticalAlignSection.BOTTOM },
            footers,
            // A paragraph on each side of the table: LibreOffice runs a section that starts with a table into
            // the one before, and Word wants a paragraph last.
            children: [recordSpacer(f), recordTable(f), hairline()],
          },
        ]
      : []),
  ];
  return new Document({
    creator: '吉林省安居工程月报汇总',
    title: paragraphs.find((p) => p.kind === 'title')?.text ?? '通报',
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: { document: { run: { font: font(FONTS.body), size: SIZE.body } } },
      paragraphStyles: [
        {
          id: TABLE_STYLE,
          name: '附件表格',
          basedOn: 'Normal',
          run: { font: font(FONTS.table), size: SIZE.table },
          paragraph: { spacing: { ...TABLE_LINE, before: 0, after: 0 } },
        },
      ],
    },
    sections,
  });
}

/** The .docx bytes. */
export async function writeBulletinDocx(
  paragraphs: readonly BulletinParagraph[],
  attachments: readonly AttachmentModel[],
  furniture: Partial<DocumentFurniture> = {},
): Promise<Uint8Array> {
  const buffer = await Packer.toArrayBuffer(buildBulletinDocument(paragraphs, attachments, furniture));
  return new Uint8Array(buffer);
}
