// 导出通报 as an official document (GB/T 9704-2012), re-read twice: the .docx XML (版头 with the red 发文机关标志,
// 发文字号 and red line; 版记 with its lines; odd and even page-number footers; attachment tables in 小五 whose
// headers never break inside a bracket), and the file rendered by LibreOffice to PDF and pixels (skipped with
// a printed reason where soffice or poppler's tools are absent).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AttachmentModel, buildAttachments, type ColumnKind } from '../domain/bulletin/attachments';
import { DEFAULT_BULLETIN_TEXT } from '../domain/bulletin/defaults';
import { type DocumentFurniture, documentFurniture } from '../domain/bulletin/furniture';
import { generateBulletin } from '../domain/bulletin/generate';
import { generatedHeader, seededNumbers } from '../domain/bulletin/generated-headers';
import { textEms } from '../domain/bulletin/line-breaks';
import { analysePeriod } from '../domain/calc';
import type { PeriodAnalysis } from '../domain/calc/types';
import { DEFAULT_THRESHOLDS } from '../domain/settings';
import { defaultRegister } from '../domain/units';
import {
  FOOTER_DISTANCE_TWIPS,
  issuerMarkSize,
  mmToTwips,
  tailStart,
  writeBulletinDocx,
} from '../export/bulletin-docx';
import { loadSampleReturns } from './load-samples';
import { HAS_PDFTOTEXT, type PdfWord, pdfWords } from './pdf-words';

const FURNITURE: DocumentFurniture = {
  ...documentFurniture(DEFAULT_BULLETIN_TEXT, {
    documentNumber: '吉安居办〔2018〕43号',
    documentDate: '2018年10月10日',
  }),
  copyTo: '省政府办公厅，省住房和城乡建设厅、省财政厅',
};

let analysis: PeriodAnalysis;
let attachments: AttachmentModel[];

beforeAll(() => {
  analysis = analysePeriod({
    returnsByPeriod: loadSampleReturns(),
    period: '2018-09',
    register: defaultRegister,
    thresholds: DEFAULT_THRESHOLDS,
  });
  attachments = buildAttachments(analysis);
}, 60_000);

async function docxFiles(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const files: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) {
    if (name.endsWith('.xml') || name.endsWith('.rels'))
      files[name] = (await zip.file(name)?.async('string')) ?? '';
  }
  return files;
}

async function writeWith(furniture: Partial<DocumentFurniture>, edit = (text: string) => text) {
  const bulletin = generateBulletin(analysis, DEFAULT_BULLETIN_TEXT, { today: '2018年10月9日' });
  const paragraphs = bulletin.paragraphs.map((p) => ({ ...p, text: edit(p.text) }));
  return writeBulletinDocx(paragraphs, attachments, furniture);
}

const plain = (xml: string) => xml.replace(/<[^>]+>/g, '');
const paragraphsOf = (xml: string) => xml.match(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g) ?? [];
const CLOSING = '）)〕】》”’]、，。：；！？,.:;!?%％';

/** Each cell of a table with its width (twips, from the grid and its span) and its lines (split at <w:br/>). */
function tableCells(table: string): { width: number; lines: string[]; header: boolean; size: string[] }[] {
  const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
  const out: { width: number; lines: string[]; header: boolean; size: string[] }[] = [];
  for (const row of table.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? []) {
    const header = row.includes('<w:tblHeader/>');
    let col = 0;
    for (const cell of row.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []) {
      const span = Number(/<w:gridSpan w:val="(\d+)"\/>/.exec(cell)?.[1] ?? 1);
      const width = grid.slice(col, col + span).reduce((a, b) => a + b, 0);
      col += span;
      const lines = cell
        .split('<w:br/>')
        .map(plain)
        .map((l) => l.trim());
      const size = [...cell.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((m) => m[1] ?? '');
      out.push({ width, lines, header, size });
    }
  }
  return out;
}

describe('the .docx, read as XML', () => {
  let files: Record<string, string>;
  beforeAll(async () => {
    files = await docxFiles(await writeWith(FURNITURE));
  });
  const doc = () => files['word/document.xml'] ?? '';

  it('opens with the 版头: the red 发文机关标志 35 mm down, the 发文字号 two lines under it, then a red line', () => {
    const [mark, number, , title] = paragraphsOf(doc());
    expect(plain(mark ?? '')).toBe('吉林省保障性安居工程领导小组办公室文件');
    expect(mark).toContain('<w:color w:val="FF0000"/>');
    expect(mark).toContain('w:eastAsia="方正小标宋简体"');
    expect(mark).toContain(`w:before="${mmToTwips(35)}"`);
    expect(mark).toContain(`<w:sz w:val="${issuerMarkSize('吉林省保障性安居工程领导小组办公室文件')}"/>`);
    expect(plain(number ?? '')).toBe('吉安居办〔2018〕43号');
    expect(number).toContain('<w:jc w:val="center"/>');
    expect(number).toContain(`w:before="${2 * 579}"`);
    // The red line, 4 mm (11 pt) under the 发文字号, as wide as the 版心 (no indents).
    expect(number).toMatch(/<w:bottom w:val="single" w:color="FF0000" w:sz="8" w:space="11"\/>/);
    expect(number).not.toContain('<w:ind');
    // The title two lines below the red line (the third paragraph is the title's: the list starts at 0).
    expect(plain(title ?? '') + plain(paragraphsOf(doc())[2] ?? '')).toContain('通报');
    expect(paragraphsOf(doc())[2]).toContain(`w:before="${2 * 579}"`);
  });

  it.each([
    ['吉林省保障性安居工程领导小组办公室文件', 44],
    ['吉林省住房和城乡建设厅文件', 64],
    ['省安居办', 84],
  ])('sizes the mark %s to fit the 版心 on one line (%i half-points)', (mark, size) => {
    expect(issuerMarkSize(mark)).toBe(size);
    // 156 mm of 版心: the mark at its size fits, one more point would not leave the 4% margin.
    expect((textEms(mark) * size) / 2).toBeLessThanOrEqual((156 / 25.4) * 72);
  });

  it('ends with the 版记 after the attachments: 抄送, then 印发机关 and 印发日期, between thick and thin lines', () => {
    const xml = doc();
    const record = (xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []).at(-1) ?? '';
    const lastTitle = xml.lastIndexOf(attachments[4]?.title ?? '—');
    expect(lastTitle).toBeGreaterThan(0);
    expect(xml.indexOf('抄送：')).toBeGreaterThan(lastTitle);
    const rows = record.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [];
    expect(rows.map(plain)).toEqual([
      '抄送：省政府办公厅，省住房和城乡建设厅，省财政厅。',
      '吉林省保障性安居工程领导小组办公室\t2018年10月10日印发',
    ]);
    expect(rows[0]).toMatch(/<w:top w:val="single" w:color="000000" w:sz="8"\/>/);
    expect(rows[0]).toMatch(/<w:bottom w:val="single" w:color="000000" w:sz="6"\/>/);
    expect(rows[1]).toMatch(/<w:top w:val="single" w:color="000000" w:sz="6"\/>/);
    expect(rows[1]).toMatch(/<w:bottom w:val="single" w:color="000000" w:sz="8"\/>/);
    // 4号 仿宋, one character (280) in from each side; a second 抄送 line aligned after 抄送：.
    expect(record).toContain('<w:sz w:val="28"/>');
    expect(record).toContain(
      '<w:left w:type="dxa" w:w="280"/><w:bottom w:type="dxa" w:w="60"/><w:right w:type="dxa" w:w="280"/>',
    );
    expect(rows[0]).toContain('<w:ind w:left="840" w:hanging="840"/>');
    expect(rows[1]).toMatch(/<w:tab w:val="right" w:pos="8285"\/>/);
    // Its own portrait page, its last line on the foot of the 版心.
    const sections = xml.match(/<w:sectPr[\s\S]*?<\/w:sectPr>/g) ?? [];
    expect(sections).toHaveLength(7);
    expect(sections.at(-1)).toContain('<w:vAlign w:val="bottom"/>');
    expect(sections.at(-1)).toContain('w:orient="portrait"');
  });

  it('numbers odd pages at the right and even pages at the left, one character in, 4号 宋体 — 1 —', () => {
    expect(files['word/settings.xml']).toContain('<w:evenAndOddHeaders/>');
    const sections = doc().match(/<w:sectPr[\s\S]*?<\/w:sectPr>/g) ?? [];
    const rels = files['word/_rels/document.xml.rels'] ?? '';
    const target = (id: string) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? '';
    for (const section of sections) {
      const odd = /<w:footerReference w:type="default" r:id="(\w+)"/.exec(section)?.[1] ?? '';
      const even = /<w:footerReference w:type="even" r:id="(\w+)"/.exec(section)?.[1] ?? '';
      const oddXml = files[`word/${target(odd)}`] ?? '';
      const evenXml = files[`word/${target(even)}`] ?? '';
      expect(oddXml).toContain('<w:jc w:val="right"/>');
      expect(oddXml).toContain('<w:ind w:right="280"/>');
      expect(evenXml).toContain('<w:jc w:val="left"/>');
      expect(evenXml).toContain('<w:ind w:left="280"/>');
      for (const footer of [oddXml, evenXml]) {
        expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
        expect(plain(footer)).toMatch(/^— .*—$/);
        expect(footer).toContain('w:eastAsia="宋体"');
        expect(footer).toContain('<w:sz w:val="28"/>');
      }
    }
    expect(sections[0]).toContain(`w:footer="${FOOTER_DISTANCE_TWIPS}"`);
  });

  it('sets the attachment tables in 小五 on an exact line, empty cells too, bordered all round', () => {
    // The cells' paragraph style: 小五 仿宋 on an exact 11 pt line, for the paragraph mark too.
    const styles = files['word/styles.xml'] ?? '';
    const style = /<w:style [^>]*w:styleId="AttachmentCell"[\s\S]*?<\/w:style>/.exec(styles)?.[0] ?? '';
    expect(style).toContain('<w:sz w:val="18"/>');
    expect(style).toContain('w:eastAsia="仿宋_GB2312"');
    expect(style).toMatch(/<w:spacing [^>]*w:line="220" w:lineRule="exact"/);
    const tables = (doc().match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []).slice(0, 5);
    expect(tables).toHaveLength(5);
    for (const table of tables) {
      // Every cell takes the style, no run its own size or a line of its own.
      for (const p of paragraphsOf(table)) expect(p).toContain('<w:pStyle w:val="AttachmentCell"/>');
      expect(table).not.toMatch(/<w:sz |<w:spacing /);
      expect(table).toMatch(
        /<w:tblBorders>(?=[\s\S]*<w:insideH w:val="single")(?=[\s\S]*<w:insideV w:val="single")/,
      );
    }
  });

  it('keeps the last lines of text, the 附件说明 and the signature together, and every heading with its text', () => {
    const bulletin = generateBulletin(analysis, DEFAULT_BULLETIN_TEXT, { today: '2018年10月9日' }).paragraphs;
    const issuer = bulletin.find((p) => p.kind === 'issuer')?.text ?? '';
    const lastBody = bulletin[tailStart(bulletin)];
    expect(lastBody?.kind).toBe('body');
    const ps = paragraphsOf(doc());
    const from = ps.findIndex((p) => plain(p) === lastBody?.text);
    const signed = ps.findIndex((p) => plain(p) === issuer);
    const dated = ps.findIndex((p) => plain(p) === FURNITURE.documentDate);
    expect(from).toBeGreaterThan(0);
    expect(signed).toBeGreaterThan(from + 5);
    expect(dated).toBe(signed + 1);
    // A chain of keep-with-next from the last body paragraph to the issuer: the date closes it.
    for (const p of ps.slice(from, signed + 1)) expect(p, plain(p)).toContain('<w:keepNext/>');
    expect(ps[dated]).not.toContain('<w:keepNext/>');
    expect(ps[from - 1]).not.toContain('<w:keepNext/>');
    const headings = bulletin.filter((p) => p.kind === 'heading1' || p.kind === 'heading2');
    expect(headings.length).toBeGreaterThan(0);
    for (const h of headings) expect(ps.find((p) => plain(p) === h.text)).toContain('<w:keepNext/>');
  });

  it('breaks every attachment header between pieces only, each line fitting its cell', () => {
    const tables = (doc().match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []).slice(0, 5);
    let headers = 0;
    for (const table of tables) {
      for (const cell of tableCells(table).filter((c) => c.header && c.lines.join('') !== '')) {
        headers++;
        const capacity = (cell.width - 120) / 180;
        for (const line of cell.lines) {
          expect(textEms(line), `${line} in ${cell.width}`).toBeLessThanOrEqual(capacity);
          expect(line !== '' && CLOSING.includes(line[0] ?? ''), `"${line}" of ${cell.lines.join('|')}`).toBe(
            false,
          );
          expect((line.match(/（/g) ?? []).length).toBe((line.match(/）/g) ?? []).length);
        }
      }
    }
    expect(headers).toBeGreaterThan(40);
  });

  it('writes the 成文日期 it is given on the date line and as the 印发日期, or a 印发日期 of its own', async () => {
    const dated = await docxFiles(await writeWith({ ...FURNITURE, documentDate: '2018年10月12日' }));
    const text = plain(dated['word/document.xml'] ?? '');
    expect(text).toContain('吉林省保障性安居工程领导小组办公室2018年10月12日');
    expect(text).not.toContain('2018年10月9日');
    expect(text).toContain('2018年10月12日印发');

    const printed = await docxFiles(await writeWith({ ...FURNITURE, printedDate: '2018年10月15日' }));
    expect(plain(printed['word/document.xml'] ?? '')).toContain('\t2018年10月15日印发');

    // No 成文日期 given: the text's own date line stands, and is the 印发日期.
    const own = await docxFiles(
      await writeWith({ ...FURNITURE, documentDate: '' }, (t) =>
        t.replace(/^\d{4}年\d+月\d+日$/, '2018年10月8日'),
      ),
    );
    const ownText = plain(own['word/document.xml'] ?? '');
    expect(ownText).toContain('吉林省保障性安居工程领导小组办公室2018年10月8日');
    expect(ownText).toContain('\t2018年10月8日印发');
  });

  it.each([
    ['no mark: no 版头', { issuerMark: '' }, ['发文字号'], 7],
    ['no 抄送: the 印发 line between the two thick lines', { copyTo: '' }, ['抄送'], 7],
    ['no 印发机关: no 版记', { printedBy: '' }, ['抄送', '印发'], 6],
  ])('%s', async (_, change, absent, sectionCount) => {
    const xml = (await docxFiles(await writeWith({ ...FURNITURE, ...change })))['word/document.xml'] ?? '';
    if (absent.includes('发文字号')) {
      expect(plain(xml)).not.toContain('吉安居办〔2018〕43号');
      expect(xml).not.toContain('w:color="FF0000"');
    }
    if (absent.includes('抄送')) expect(plain(xml)).not.toContain('抄送：');
    if (absent.includes('印发')) expect(plain(xml)).not.toContain('日印发');
    expect(xml.match(/<w:sectPr[\s\S]*?<\/w:sectPr>/g)).toHaveLength(sectionCount);
    if (!absent.includes('印发')) {
      const record = (xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []).at(-1) ?? '';
      expect(record).toMatch(/<w:top w:val="single" w:color="000000" w:sz="8"\/>/);
      expect(record).toMatch(/<w:bottom w:val="single" w:color="000000" w:sz="8"\/>/);
    }
  });
});

// Attachments of every shape the writer may meet: generated header texts (bracketed units anywhere, 其中：,
// months, Latin) over columns of random widths, one or two header rows with groups.
function generatedModels(count: number): AttachmentModel[] {
  const next = seededNumbers(987654);
  const headerText = () => generatedHeader(next);
  const kinds: ColumnKind[] = ['count', 'money', 'rate', 'text'];
  return Array.from({ length: count }, (_, k): AttachmentModel => {
    // Up to 13 columns, as many as 附件2 has: more could not all hold a bracketed unit unbroken in 小五.
    const n = 5 + next(9);
    const columns = Array.from({ length: n }, () => ({
      kind: kinds[next(4)] ?? 'count',
      width: 4 + next(20),
    }));
    const twoRows = next(2) === 0 && n >= 6;
    const headerRows = twoRows
      ? [
          [
            { text: headerText(), col: 0, colSpan: 1, rowSpan: 2 },
            { text: headerText(), col: 1, colSpan: 3, rowSpan: 1 },
            ...columns.slice(4).map((_, i) => ({ text: headerText(), col: 4 + i, colSpan: 1, rowSpan: 2 })),
          ],
          [1, 2, 3].map((col) => ({ text: headerText(), col, colSpan: 1, rowSpan: 1 })),
        ]
      : [columns.map((_, col) => ({ text: headerText(), col, colSpan: 1, rowSpan: 1 }))];
    return {
      key: 'start',
      number: 1,
      label: `附件${k + 1}`,
      title: '生成的附件',
      unitLine: '单位：套',
      columns,
      headerRows,
      rows: [{ role: 'unit', cells: columns.map(() => ({ kind: 'count', value: 1200 })) }],
      footnote: null,
    };
  });
}

describe('headers of generated attachments', () => {
  it('never break inside a bracket, each line fitting its cell, in every generated shape', async () => {
    const models = generatedModels(60);
    const bulletin = generateBulletin(analysis, DEFAULT_BULLETIN_TEXT, { today: '2018年10月9日' });
    const files = await docxFiles(await writeBulletinDocx(bulletin.paragraphs, models, FURNITURE));
    const tables = (files['word/document.xml']?.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []).slice(0, 60);
    expect(tables).toHaveLength(60);
    for (const table of tables) {
      const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      // The table stays as wide as the landscape 版心 (it only lends width between columns).
      expect(grid.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(16838 - 2098 - 1984);
      for (const cell of tableCells(table).filter((c) => c.header)) {
        for (const line of cell.lines) {
          expect(textEms(line), `${cell.lines.join('|')} in ${cell.width}`).toBeLessThanOrEqual(
            (cell.width - 120) / 180,
          );
          expect(line !== '' && CLOSING.includes(line[0] ?? ''), `"${line}" of ${cell.lines.join('|')}`).toBe(
            false,
          );
          expect((line.match(/（/g) ?? []).length).toBe((line.match(/）/g) ?? []).length);
        }
      }
    }
  });
});

// ---- Rendered by LibreOffice ----------------------------------------------------------------------------

const SOFFICE = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((p) => existsSync(p));
const POPPLER = HAS_PDFTOTEXT && existsSync('/usr/bin/pdftoppm');
const RENDER_SKIP = !SOFFICE
  ? 'LibreOffice (soffice) is not installed'
  : !POPPLER
    ? 'poppler-utils (pdftotext, pdftoppm) is not installed'
    : null;
if (RENDER_SKIP) console.warn(`bulletin-docx rendering checks skipped: ${RENDER_SKIP}`);

/** A page as RGB pixels (pdftoppm's PPM). */
function pagePixels(pdf: string, page: number, dpi: number): { width: number; height: number; rgb: Buffer } {
  const ppm = execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), pdf]);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('not a PPM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, rgb: ppm.subarray(header[0].length) };
}

describe.skipIf(RENDER_SKIP !== null)('the .docx, rendered by LibreOffice', () => {
  let dir: string;
  let pdf: string;
  let pages: { width: number; height: number }[];
  let words: PdfWord[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'anju-docx-'));
    const docx = join(dir, 'bulletin.docx');
    writeFileSync(docx, await writeWith(FURNITURE));
    // A profile of its own: another soffice running on this machine must not take the job.
    execFileSync(
      SOFFICE ?? 'soffice',
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        docx,
      ],
      { stdio: 'ignore', timeout: 120_000 },
    );
    pdf = join(dir, 'bulletin.pdf');
    ({ pages, words } = pdfWords(pdf));
    if (process.env.KEEP_DOCX_RENDER) writeFileSync(process.env.KEEP_DOCX_RENDER, readFileSync(pdf));
  }, 180_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const POINTS_PER_MM = 72 / 25.4;

  it('prints the 版头 in red above the title: the mark, the 发文字号, the red line', () => {
    const onFirst = words.filter((w) => w.page === 1);
    const mark = onFirst.find((w) => w.text.includes('吉林省保障性安居工程领导小组办公室文件'));
    const number = onFirst.find((w) => w.text.includes('吉安居办'));
    const title = onFirst.find((w) => w.text.startsWith('关于'));
    expect(mark && number && title).toBeTruthy();
    if (!mark || !number || !title) return;
    expect(mark.yMax).toBeLessThan(number.yMin);
    expect(number.yMax).toBeLessThan(title.yMin);
    // The mark's top some 35 mm under the 版心's (37 mm from the top of the page).
    expect(mark.yMin / POINTS_PER_MM).toBeGreaterThan(37 + 30);
    expect(mark.yMin / POINTS_PER_MM).toBeLessThan(37 + 42);

    // Pixels: red text in the mark's band, and a red line nearly as wide as the 版心 under the number.
    const dpi = 50;
    const { width, height, rgb } = pagePixels(pdf, 1, dpi);
    const scale = dpi / 72;
    const red = (x: number, y: number) => {
      const i = (y * width + x) * 3;
      return (rgb[i] ?? 0) > 180 && (rgb[i + 1] ?? 255) < 90 && (rgb[i + 2] ?? 255) < 90;
    };
    let markRed = 0;
    for (let y = Math.floor(mark.yMin * scale); y <= Math.ceil(mark.yMax * scale); y++)
      for (let x = 0; x < width; x++) if (red(x, y)) markRed++;
    expect(markRed).toBeGreaterThan(200);
    let longest = 0;
    for (let y = Math.ceil(number.yMax * scale); y < Math.min(height, title.yMin * scale); y++) {
      let run = 0;
      for (let x = 0; x < width; x++) if (red(x, y)) run++;
      longest = Math.max(longest, run);
    }
    expect(longest / scale / POINTS_PER_MM).toBeGreaterThan(150);
  });

  it('numbers odd pages at the right and even pages at the left, one character in, under the 版心', () => {
    expect(pages.length).toBeGreaterThan(10);
    for (let page = 1; page <= pages.length; page++) {
      const size = pages[page - 1] ?? { width: 0, height: 0 };
      const landscape = size.width > size.height;
      const foot = words.filter((w) => w.page === page && w.yMin > size.height * 0.85);
      const number = foot.find((w) => w.text === String(page));
      expect(number, `page ${page} number`).toBeDefined();
      if (!number || landscape) continue;
      const dashes = foot.filter((w) => w.text === '—');
      expect(dashes).toHaveLength(2);
      const left = Math.min(...dashes.map((d) => d.xMin));
      const right = Math.max(...dashes.map((d) => d.xMax));
      // 版心: 28 mm from the left edge, 26 mm from the right; one 14 pt character in.
      if (page % 2 === 1) expect(size.width - 26 * POINTS_PER_MM - 14 - right).toBeCloseTo(0, -1);
      else expect(left - 28 * POINTS_PER_MM - 14).toBeCloseTo(0, -1);
      // The dash 7 mm (±2) under the 版心's foot (35 mm from the foot of the page).
      const dashTop = (size.height - Math.min(...dashes.map((d) => d.yMin))) / POINTS_PER_MM;
      expect(dashTop).toBeGreaterThan(35 - 7 - 4);
      expect(dashTop).toBeLessThan(35 - 7 + 2);
    }
  });

  it('never leaves the signature and 成文日期 on a page without text: the 附件说明 and body lines go with them', () => {
    const bulletin = generateBulletin(analysis, DEFAULT_BULLETIN_TEXT, { today: '2018年10月9日' }).paragraphs;
    const issuer = bulletin.find((p) => p.kind === 'issuer')?.text ?? '';
    const lastBody = bulletin[tailStart(bulletin)]?.text ?? '';
    const signed = words.find((w) => w.page > 1 && w.text === issuer);
    expect(signed).toBeDefined();
    if (!signed) return;
    const above = words.filter((w) => w.page === signed.page && w.yMax < signed.yMin);
    expect(above.some((w) => w.text.startsWith('附件'))).toBe(true);
    // A line of the last body paragraph (pdftotext's words are whole CJK runs) on that page too.
    expect(above.some((w) => w.text.length >= 4 && lastBody.includes(w.text))).toBe(true);
  });

  it('puts the 版记 on the foot of the last page, after every attachment', () => {
    const last = pages.length;
    const size = pages[last - 1] ?? { width: 0, height: 0 };
    const onLast = words.filter((w) => w.page === last);
    const copy = onLast.find((w) => w.text.startsWith('抄送'));
    const printed = onLast.find((w) => w.text.includes('印发'));
    expect(copy && printed).toBeTruthy();
    if (!printed) return;
    // Within a line of the 版心's foot.
    const fromFoot = (size.height - printed.yMax) / POINTS_PER_MM;
    expect(fromFoot).toBeGreaterThan(35);
    expect(fromFoot).toBeLessThan(35 + 15);
    // The date right, one character in from the 版心's right edge.
    expect(size.width - 26 * POINTS_PER_MM - 14 - printed.xMax).toBeCloseTo(0, -1);
    // pdftotext splits a line where Latin meets CJK: 2018 | 年 | 1-9 | 月全省公租房分配进展情况.
    const lastAttachment = Math.max(
      ...words.filter((w) => w.text === '月全省公租房分配进展情况').map((w) => w.page),
    );
    expect(lastAttachment).toBeGreaterThan(0);
    expect(last).toBeGreaterThan(lastAttachment);
  });

  it('fits thirty attachment rows a page (61 rows of 附件1 on two), no header line opening with a ）', () => {
    // The last page naming the title: the 附件说明 on the body's last page names it too.
    const pageOf = (title: string) => Math.max(...words.filter((w) => w.text === title).map((w) => w.page));
    const first = pageOf('月全省棚户区改造开工进展情况');
    const second = pageOf('月全省棚户区改造贷款进展情况');
    const rowsOnPage = (page: number) =>
      new Set(
        words
          .filter(
            (w) =>
              w.page === page &&
              w.text !== '市县' &&
              /^(全省合计|省直管|.+全市|.+[县市区]|长白山管委会)$/.test(w.text),
          )
          .map((w) => Math.round(w.yMin)),
      ).size;
    expect(attachments[0]?.rows).toHaveLength(61);
    expect(second - first).toBe(2);
    expect(rowsOnPage(first)).toBeGreaterThanOrEqual(28);
    expect(rowsOnPage(first) + rowsOnPage(first + 1)).toBe(61);
    const tablePages = words.filter((w) => w.page >= first && w.page < pages.length);
    expect(tablePages.filter((w) => CLOSING.includes(w.text[0] ?? '')).map((w) => w.text)).toEqual([]);
  });
});
