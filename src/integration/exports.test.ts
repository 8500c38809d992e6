// Every export re-read: the summary workbook with SheetJS and ExcelJS (sheets, 合计 = calc, styles, no
// formulas), the bulletin .docx unzipped (text, five tables, A4, official margins, page numbers), and the
// return templates through the app's own readReturn (no warnings, figures round-trip).
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { buildAttachments } from '../domain/bulletin/attachments';
import { DEFAULT_BULLETIN_TEXT } from '../domain/bulletin/defaults';
import { generateBulletin } from '../domain/bulletin/generate';
import { textEms } from '../domain/bulletin/line-breaks';
import { analysePeriod } from '../domain/calc';
import type { PeriodAnalysis } from '../domain/calc/types';
import { DEFAULT_THRESHOLDS } from '../domain/settings';
import { fieldDef, TABLES, type TableDef, tableDef } from '../domain/tables';
import type { ParsedReturn, PeriodKey, TableKey } from '../domain/types';
import { defaultRegister } from '../domain/units';
import {
  A4_TWIPS,
  OFFICIAL_MARGINS_TWIPS,
  signatureIndents,
  writeBulletinDocx,
} from '../export/bulletin-docx';
import { columnCapacityEms } from '../export/excel-style';
import { writeSummaryWorkbook } from '../export/summary-workbook';
import {
  BLANK_BANK_LINES,
  BLANK_PROJECT_LINES,
  LOAN_NEED_CELL,
  writeAllTemplatesZip,
  writeTemplate,
} from '../export/templates';
import { readReturn } from '../import/read-return';
import { loadSampleReturns } from './load-samples';

const EVIL = '=HYPERLINK("http://x","y")';
const YI = 100_000_000;

let samples: Map<PeriodKey, ParsedReturn[]>;
let analysis: PeriodAnalysis;
/** The samples with texts that look like formulas in a project name, its reason and a 备注. */
let evilAnalysis: PeriodAnalysis;

function analyse(returnsByPeriod: Map<PeriodKey, ParsedReturn[]>): PeriodAnalysis {
  return analysePeriod({
    returnsByPeriod,
    period: '2018-09',
    register: defaultRegister,
    thresholds: DEFAULT_THRESHOLDS,
  });
}

function withEvilTexts(returns: Map<PeriodKey, ParsedReturn[]>): Map<PeriodKey, ParsedReturn[]> {
  const copy = structuredClone(returns);
  const changchun = copy.get('2018-09')?.find((r) => r.unitId === '220100');
  const project = changchun?.tables.carryOver?.[0];
  if (!changchun || !project) throw new Error('sample 长春市 has no carry-over project');
  project.name = EVIL;
  project.reason = '+1+1';
  project.plannedFinish = '@SUM(A1:A2)';
  if (changchun.tables.start) changchun.tables.start.note = '-2+3';
  return copy;
}

beforeAll(() => {
  samples = loadSampleReturns();
  analysis = analyse(samples);
  evilAnalysis = analyse(withEvilTexts(samples));
}, 60_000);

/** Rows of a sheet as arrays of raw values. */
function sheetRows(sheet: XLSX.WorkSheet): unknown[][] {
  return XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, defval: null, raw: true });
}

function provinceRow(sheet: XLSX.WorkSheet): unknown[] {
  const row = sheetRows(sheet).find((r) => r[1] === '全省合计');
  if (!row) throw new Error('no 全省合计 row');
  return row;
}

const yuan = (value: unknown) => Math.round(Number(value) * YI);

/**
 * A return as its filled template reads back: a nullable figure it does not state has a blank cell there, and a
 * blank cell is 0 (a rate stays unstated).
 */
function statedInTemplate(ret: ParsedReturn): ParsedReturn {
  const out = structuredClone(ret);
  const fill = (def: TableDef, record: Record<string, unknown>) => {
    for (const f of def.fields)
      if (f.nullable && f.kind !== 'rate' && record[f.key] == null) record[f.key] = 0;
  };
  for (const def of TABLES) {
    const table = (out.tables as Record<string, unknown>)[def.key];
    if (table === undefined) continue;
    if (def.key === 'loan')
      for (const line of (table as { banks: Record<string, unknown>[] }).banks) fill(def, line);
    else if (Array.isArray(table)) for (const item of table) fill(def, item as Record<string, unknown>);
    else fill(def, table as Record<string, unknown>);
  }
  return out;
}

/** The A1 cell of a field in a template's data row: its place among the template's columns. */
function templateCell(table: TableKey, key: string, row: number): string {
  const def = tableDef(table);
  const fields = table === 'loan' ? def.fields.filter((f) => f.kind !== 'unit') : def.fields;
  return XLSX.utils.encode_cell({ r: row - 1, c: fields.findIndex((f) => f.key === key) });
}

/** 表5 as the hand-filled templates type it. */
const RENTAL_TYPED = [
  ['raised', 500],
  ['allocated', 450],
  ['declaredRate', 90],
  ['yearTask', 40],
  ['yearAllocated', 20],
  ['declaredYearRate', 50],
  ['lastYearRate', 85],
] as const;

/** The province row's cells under the given fields' headers (found in the header rows: columns may move). */
function provinceFigures(sheet: XLSX.WorkSheet, table: TableKey, keys: string[]): unknown[] {
  const rows = sheetRows(sheet);
  const row = provinceRow(sheet);
  return keys.map((key) => {
    const header = fieldDef(tableDef(table), key).header;
    // The workbook breaks a header into lines: compared without them.
    const at = (r: unknown[]) => r.findIndex((c) => String(c ?? '').replace(/\s+/g, '') === header);
    const headerRow = rows.find((r) => at(r) >= 0);
    if (!headerRow) throw new Error(`no header ${header}`);
    return row[at(headerRow)];
  });
}

describe('attachment tables', () => {
  it.each([0, 1, 2, 3, 4])(
    '附件%i: every subtotal and the province total are the sums of their parts',
    (index) => {
      const model = buildAttachments(analysis, 'grouped')[index];
      if (!model) throw new Error(`no attachment ${index}`);
      const amount = (cell: (typeof model.rows)[number]['cells'][number]): number | null => {
        if (cell === null) return 0;
        if (cell.kind === 'count') return cell.value;
        if (cell.kind === 'money') return cell.yuan;
        return null;
      };
      const summed = model.columns
        .map((c, i) => ({ kind: c.kind, i }))
        .filter((c) => c.kind === 'count' || c.kind === 'money')
        .map((c) => c.i);
      expect(summed.length).toBeGreaterThan(1);
      const groups: { row: (typeof model.rows)[number]; units: (typeof model.rows)[number][] }[] = [];
      for (const row of model.rows.slice(1)) {
        if (row.role === 'group') groups.push({ row, units: [] });
        else groups.at(-1)?.units.push(row);
      }
      expect(model.rows[0]?.role).toBe('province');
      expect(groups.length).toBeGreaterThan(0);
      for (const col of summed) {
        const province = amount(model.rows[0]?.cells[col] ?? null);
        expect(
          groups.reduce((s, g) => s + (amount(g.row.cells[col] ?? null) ?? 0), 0),
          `column ${col}`,
        ).toBe(province);
        for (const g of groups) {
          expect(
            g.units.reduce((s, u) => s + (amount(u.cells[col] ?? null) ?? 0), 0),
            `${JSON.stringify(g.row.cells[1])} column ${col}`,
          ).toBe(amount(g.row.cells[col] ?? null));
        }
      }
    },
  );
});

describe('导出汇总表', () => {
  let bytes: Uint8Array;
  let sheetjs: XLSX.WorkBook;
  let exceljs: ExcelJS.Workbook;

  beforeAll(async () => {
    bytes = await writeSummaryWorkbook(analysis);
    sheetjs = XLSX.read(bytes, { cellFormula: true, cellStyles: true });
    exceljs = new ExcelJS.Workbook();
    await exceljs.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
  });

  it('has the five attachments as sheets, each titled with its period', () => {
    expect(sheetjs.SheetNames).toEqual(['附件1', '附件2', '附件3', '附件4', '附件5']);
    TABLES.forEach((def, i) => {
      const rows = sheetRows(sheetjs.Sheets[`附件${i + 1}`] as XLSX.WorkSheet);
      expect(rows[0]?.[0]).toBe(`附件${i + 1}`);
      expect(rows[1]?.[0]).toBe(`2018年1-9月${def.attachmentTitle}`);
      expect(String(rows[2]?.[0])).toMatch(/^单位：/);
    });
  });

  it('puts the 全省合计 row first with the computed figures', () => {
    const p = analysis;
    const start = sheetRows(sheetjs.Sheets.附件1 as XLSX.WorkSheet);
    const firstData = start.findIndex((r) => r[1] === '全省合计');
    expect(start[firstData - 1]?.[1]).toBe('市县'); // right under the header
    const s = provinceFigures(sheetjs.Sheets.附件1 as XLSX.WorkSheet, 'start', [
      'plan',
      'started',
      'startedMonth',
      'declaredRate',
    ]);
    expect(s.slice(0, 3)).toEqual([
      p.start.province.plan,
      p.start.province.started,
      p.start.province.startedMonth.value,
    ]);
    expect(Number(s[3])).toBeCloseTo((p.start.province.started * 100) / p.start.province.plan, 12);

    const l = provinceRow(sheetjs.Sheets.附件2 as XLSX.WorkSheet);
    expect(yuan(l[2])).toBe(p.loan.province.need);
    expect(yuan(l[3])).toBe(p.loan.province.total.credit);
    expect(yuan(l[8])).toBe(p.loan.province.total.disbursed);
    expect(yuan(l[8])).toBe(252.32 * YI);
    // The total of the by-bank columns equals the 合计 column.
    expect(yuan(l[4]) + yuan(l[5]) + yuan(l[6])).toBe(yuan(l[3]));
    expect(yuan(l[9]) + yuan(l[10]) + yuan(l[11])).toBe(yuan(l[8]));

    const e = provinceFigures(sheetjs.Sheets.附件3 as XLSX.WorkSheet, 'expropriation', [
      'plan',
      'expropriated',
      'demolished',
      'total',
    ]);
    expect(e).toEqual([
      p.expropriation.province.plan,
      p.expropriation.province.expropriated,
      p.expropriation.province.demolished,
      38344,
    ]);

    const c = provinceRow(sheetjs.Sheets.附件4 as XLSX.WorkSheet);
    expect(c[2]).toBe('78个项目');
    expect(c[4]).toBe(p.carryOver.province.unfinished);

    const r = provinceFigures(sheetjs.Sheets.附件5 as XLSX.WorkSheet, 'publicRental', [
      'raised',
      'allocated',
      'yearTask',
      'yearAllocated',
    ]);
    expect(r).toEqual([p.publicRental.province.raised, p.publicRental.province.allocated, 5000, 1043]);
  });

  it('gives each group subtotal the sum of its units (grouped order)', () => {
    const rows = sheetRows(sheetjs.Sheets.附件1 as XLSX.WorkSheet);
    const start = rows.findIndex((r) => r[1] === '全省合计') + 1;
    let groupPlan: number | null = null;
    let sum = 0;
    let groups = 0;
    for (const row of rows.slice(start)) {
      if (row[0] === null && typeof row[1] === 'string') {
        if (groupPlan !== null) expect(sum).toBe(groupPlan);
        groupPlan = Number(row[2]);
        sum = 0;
        groups += 1;
      } else sum += Number(row[2]);
    }
    expect(sum).toBe(groupPlan);
    expect(groups).toBe(analysis.start.groups.length);
  });

  it('lists units by rank when asked', async () => {
    const ranked = XLSX.read(await writeSummaryWorkbook(analysis, 'ranked'));
    const rows = sheetRows(ranked.Sheets.附件1 as XLSX.WorkSheet);
    const start = rows.findIndex((r) => r[1] === '全省合计') + 1;
    const rates = rows
      .slice(start)
      .filter((r) => typeof r[5] === 'number')
      .map((r) => Number(r[5]));
    expect(rates.length).toBe(47);
    expect([...rates].sort((a, b) => b - a)).toEqual(rates);
  });

  it('has no formula anywhere', () => {
    for (const name of sheetjs.SheetNames) {
      const sheet = sheetjs.Sheets[name] as XLSX.WorkSheet;
      for (const [address, cell] of Object.entries(sheet)) {
        if (!address.startsWith('!'))
          expect((cell as XLSX.CellObject).f, `${name}!${address}`).toBeUndefined();
      }
    }
    exceljs.eachSheet((sheet) => {
      sheet.eachRow((row) => {
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        });
      });
    });
  });

  it('is styled: bold bordered headers, number formats, frozen headers, A4 landscape one page wide', () => {
    const sheet = exceljs.getWorksheet('附件1');
    if (!sheet) throw new Error('no 附件1');
    const header = sheet.getCell('C4');
    expect(String(header.value).replaceAll('\n', '')).toBe('年度计划（套）');
    expect(header.font?.bold).toBe(true);
    expect(header.border?.top?.style).toBe('thin');
    const total = sheet.getCell('C5');
    expect(total.value).toBe(analysis.start.province.plan);
    expect(total.numFmt).toBe('#,##0');
    expect(total.border?.bottom?.style).toBe('thin');
    // 开工率（%）: the percent figure under a header that names the unit, never 86.02%%.
    expect(sheet.getCell('F5').numFmt).toBe('0.00');
    expect(sheet.getCell('F5').value).toBeCloseTo(86.02, 2);
    expect(exceljs.getWorksheet('附件2')?.getCell('D6').numFmt).toBe('#,##0.00');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(12);
  });

  it('breaks header texts only between pieces: no line inside a bracket, each line fitting its column', () => {
    let checked = 0;
    for (const model of buildAttachments(analysis)) {
      const sheet = exceljs.getWorksheet(model.label);
      if (!sheet) throw new Error(model.label);
      model.headerRows.forEach((cells, i) => {
        for (const h of cells) {
          const value = String(sheet.getCell(4 + i, h.col + 1).value);
          const lines = value.split('\n');
          expect(lines.join('')).toBe(h.text);
          let width = 0;
          for (let c = h.col; c < h.col + h.colSpan; c++) width += sheet.getColumn(c + 1).width ?? 0;
          for (const line of lines) {
            expect(textEms(line), `${value} in ${width}`).toBeLessThanOrEqual(columnCapacityEms(width));
            expect('）)%％、，：；。'.includes(line[0] ?? ''), `${model.label}: ${value}`).toBe(false);
            expect((line.match(/（/g) ?? []).length).toBe((line.match(/）/g) ?? []).length);
          }
          expect(sheet.getCell(4 + i, h.col + 1).alignment?.wrapText).toBe(true);
          // The row (or the rows a merged cell spans) holds every line.
          let height = 0;
          for (let k = i; k < i + h.rowSpan; k++) height += sheet.getRow(4 + k).height ?? 15;
          expect(height, `${model.label}: ${value}`).toBeGreaterThanOrEqual(lines.length * 15);
          checked++;
        }
      });
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('repeats the header rows at the top of every printed page (print titles)', async () => {
    const zip = await JSZip.loadAsync(bytes);
    const workbookXml = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
    for (const model of buildAttachments(analysis)) {
      const last = 3 + model.headerRows.length;
      expect(exceljs.getWorksheet(model.label)?.pageSetup.printTitlesRow).toBe(`4:${last}`);
      expect(workbookXml).toContain(
        `<definedName name="_xlnm.Print_Titles" localSheetId="${model.number - 1}">&apos;${model.label}&apos;!$4:$${last}</definedName>`,
      );
    }
  });

  it('fits the longest unit or group name on one line of the 市县 column, rows high enough to read', () => {
    for (const name of ['附件1', '附件2', '附件3', '附件5']) {
      const sheet = exceljs.getWorksheet(name);
      if (!sheet) throw new Error(name);
      expect(sheet.getColumn(2).width, name).toBeGreaterThanOrEqual('延边朝鲜族自治州全市'.length * 2);
      let total: ExcelJS.Row | undefined;
      sheet.eachRow((row) => {
        if (row.getCell(2).value === '全省合计') total = row;
      });
      expect(total?.height, name).toBeGreaterThanOrEqual(18);
    }
  });

  it('writes texts that look like formulas as text', async () => {
    const evil = XLSX.read(await writeSummaryWorkbook(evilAnalysis), { cellFormula: true });
    const sheet = evil.Sheets.附件4 as XLSX.WorkSheet;
    const cells = Object.entries(sheet).filter(([a]) => !a.startsWith('!')) as [string, XLSX.CellObject][];
    const found = cells.filter(([, c]) => c.v === EVIL);
    expect(found.length).toBe(1);
    expect(found[0]?.[1].t).toBe('s');
    for (const text of ['+1+1', '@SUM(A1:A2)'])
      expect(cells.some(([, c]) => c.v === text && c.t === 's')).toBe(true);
    expect(cells.every(([, c]) => c.f === undefined)).toBe(true);
  });
});

describe('导出通报', () => {
  let files: Record<string, string>;

  beforeAll(async () => {
    const bulletin = generateBulletin(evilAnalysis, DEFAULT_BULLETIN_TEXT);
    const bytes = await writeBulletinDocx(bulletin.paragraphs, buildAttachments(evilAnalysis));
    const zip = await JSZip.loadAsync(bytes);
    files = {};
    for (const name of Object.keys(zip.files)) {
      if (name.endsWith('.xml')) files[name] = await (zip.file(name)?.async('string') ?? Promise.resolve(''));
    }
  });

  const doc = () => files['word/document.xml'] ?? '';
  const plain = () => doc().replace(/<[^>]+>/g, '');

  it('carries the bulletin text and the five attachments as tables', () => {
    expect(plain()).toContain('关于2018年1-9月全省棚户区改造、棚改贷款、房屋征收和公租房分配进展情况的通报');
    expect(plain()).toContain('已开工8.19万套,完成年度计划的86.02%');
    expect(plain()).toContain('2018年已发放棚改贷款252.32亿元（9月新增1.22亿元）');
    expect(plain()).toContain('吉林省保障性安居工程领导小组办公室');
    expect(doc().match(/<w:tbl>/g)?.length).toBe(5);
    for (const def of TABLES) expect(plain()).toContain(`2018年1-9月${def.attachmentTitle}`);
    expect(plain()).toContain('全省合计');
  });

  it('keeps a formula-looking project name as escaped text', () => {
    expect(doc()).toContain('=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)');
    expect(doc()).not.toContain('<w:fldSimple w:instr="HYPERLINK');
  });

  it('is laid out as an official document: A4, margins 37/35/28/26 mm, fonts and sizes, landscape attachments', () => {
    expect(OFFICIAL_MARGINS_TWIPS).toEqual({ top: 2098, bottom: 1984, left: 1587, right: 1474 });
    const sections = doc().match(/<w:sectPr[\s\S]*?<\/w:sectPr>/g) ?? [];
    expect(sections.length).toBe(6);
    const first = sections[0] ?? '';
    expect(first).toMatch(new RegExp(`<w:pgSz w:w="${A4_TWIPS.width}" w:h="${A4_TWIPS.height}"`));
    expect(first).toMatch(/w:top="2098"/);
    expect(first).toMatch(/w:bottom="1984"/);
    expect(first).toMatch(/w:left="1587"/);
    expect(first).toMatch(/w:right="1474"/);
    for (const s of sections.slice(1)) {
      expect(s).toMatch(
        new RegExp(`<w:pgSz w:w="${A4_TWIPS.height}" w:h="${A4_TWIPS.width}" w:orient="landscape"`),
      );
    }
    expect(doc()).toContain('w:eastAsia="方正小标宋简体"');
    expect(doc()).toContain('w:eastAsia="仿宋_GB2312"');
    expect(doc()).toContain('w:eastAsia="黑体"');
    expect(doc()).toContain('w:eastAsia="楷体_GB2312"');
    expect(doc()).toContain('<w:sz w:val="44"/>');
    expect(doc()).toContain('<w:sz w:val="32"/>');
  });

  it('repeats each attachment header on every page at a height that holds its wrapped text', () => {
    const tables = doc().match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    expect(tables.length).toBe(5);
    for (const table of tables) {
      const headerRows = (table.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? []).filter((r) =>
        r.includes('<w:tblHeader/>'),
      );
      expect(headerRows.length).toBeGreaterThan(0);
      for (const row of headerRows) expect(row).toMatch(/<w:trHeight w:val="\d+" w:hRule="atLeast"\/>/);
    }
    // 附件2's merged 本年棚改需贷款（亿元） wraps to three lines in its narrow column: its two rows hold them.
    const loanHeights = [...(tables[1] ?? '').matchAll(/<w:trHeight w:val="(\d+)"/g)].map((m) =>
      Number(m[1]),
    );
    expect((loanHeights[0] ?? 0) + (loanHeights[1] ?? 0)).toBeGreaterThanOrEqual(3 * 300);
  });

  it.each([
    // The date 右空四字 (1280); a short issuer centred over it, a long one ending at the margin.
    ['省安居办', '2018年10月10日', 1280 + Math.round(1.5 * 320), 1280],
    ['吉林省保障性安居工程领导小组办公室', '2018年10月10日', 0, 1280],
  ])('signs %s over %s (GB/T 9704 sealed layout)', (issuer, date, issuerRight, dateRight) => {
    expect(signatureIndents(issuer, date)).toEqual({ issuer: issuerRight, date: dateRight });
  });

  it('numbers the pages at the foot as — 1 —', () => {
    const footers = Object.entries(files).filter(([name]) => /^word\/footer\d+\.xml$/.test(name));
    expect(footers.length).toBeGreaterThan(0);
    const footer = footers.map(([, xml]) => xml).join('');
    expect(footer).toMatch(/PAGE/);
    expect(footer.replace(/<[^>]+>/g, '')).toMatch(/— .*—/);
  });
});

describe('下载空白模板', () => {
  it('builds the official sheets with title, header block, headers, 合计 row and footer', async () => {
    const unit = defaultRegister.unit('220122');
    if (!unit) throw new Error('no 农安县');
    const workbook = XLSX.read(await writeTemplate({ unit, period: '2018-09' }));
    expect(workbook.SheetNames).toEqual(['表1', '表2', '表3', '表4', '表5']);
    const t1 = sheetRows(workbook.Sheets.表1 as XLSX.WorkSheet);
    expect(t1[0]?.[0]).toBe('2018年1-9月棚户区改造开工进展情况（表1）');
    expect(t1[1]?.filter((c) => c !== null)).toEqual([
      '填报单位：农安县',
      '截止日期：2018年9月30日',
      '单位：套',
    ]);
    // Headers broken into lines between pieces only; the reader reads them whole.
    expect(t1[2]?.map((h) => String(h).replaceAll('\n', ''))).toEqual(TABLES[0]?.fields.map((f) => f.header));
    expect(t1[3]?.slice(0, 2)).toEqual([1, '农安县']);
    expect(String(t1.at(-1)?.[0])).toMatch(/^填表人：.*联系电话：/);
    const t2 = sheetRows(workbook.Sheets.表2 as XLSX.WorkSheet);
    expect(t2[1]?.some((c) => String(c).replaceAll('\n', '') === '本年棚改需贷款（亿元）：')).toBe(true);
    expect(t2.some((r) => r[1] === '合计')).toBe(true);
  });

  it.each(
    // Every sample unit: its September figures filled into its template read back identically, with no warning.
    Array.from({ length: 50 }, (_, i) => i),
  )('round-trips the figures of sample unit #%i through readReturn', async (i) => {
    const ret = samples.get('2018-09')?.[i];
    if (!ret) throw new Error(`no sample ${i}`);
    const unit = defaultRegister.unit(ret.unitId);
    if (!unit) throw new Error(`unknown unit ${ret.unitId}`);
    const result = readReturn(
      await writeTemplate({ unit, period: '2018-09', figures: ret.tables }),
      `${unit.name}.xlsx`,
    );
    if (!result.ok) throw new Error(result.issues.map((x) => x.message).join('\n'));
    expect(result.warnings).toEqual([]);
    expect(result.returns).toEqual([statedInTemplate(ret)]);
  });

  it('imports a blank template filled in by hand with no warnings', async () => {
    const unit = defaultRegister.unit('220322');
    if (!unit) throw new Error('no 梨树县');
    const workbook = XLSX.read(await writeTemplate({ unit, period: '2018-09' }));
    const set = (sheet: string, address: string, value: string | number) => {
      XLSX.utils.sheet_add_aoa(workbook.Sheets[sheet] as XLSX.WorkSheet, [[value]], { origin: address });
    };
    // 表1: 年度计划, 累计开工, 本月开工, 开工率 in row 4.
    set('表1', 'C4', 1200);
    set('表1', 'D4', 900);
    set('表1', 'E4', 100);
    set('表1', 'F4', 75);
    // 表2: one bank row and 合计 (under the blank bank lines), the loan need in the header block.
    const totalRow = 4 + BLANK_BANK_LINES;
    set('表2', 'A2', '填报单位：梨树县');
    set('表2', LOAN_NEED_CELL, 3.5);
    set('表2', 'B4', '国开行');
    for (const [col, v] of [
      ['C', 2.5],
      ['D', 0],
      ['E', 1.25],
      ['F', 0.25],
    ] as const) {
      set('表2', `${col}4`, v);
      set('表2', `${col}${totalRow}`, v);
    }
    // 表3: plan, 征收, 拆迁, 合计, 本月.
    for (const [col, v] of [
      ['C', 300],
      ['D', 120],
      ['E', 30],
      ['F', 150],
      ['G', 10],
    ] as const)
      set('表3', `${col}4`, v);
    // 表4: one project.
    for (const [col, v] of [
      ['C', EVIL],
      ['D', 80],
      ['E', 12],
      ['F', '补偿未谈妥'],
      ['G', '2018年12月'],
    ] as const) {
      set('表4', `${col}4`, v);
    }
    // 表5, found by its headers (a column added to the table moves the others).
    for (const [key, v] of RENTAL_TYPED) set('表5', templateCell('publicRental', key, 4), v);
    const bytes = XLSX.write(workbook, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer;
    const result = readReturn(new Uint8Array(bytes), '梨树县-2018年1-9月.xlsx');
    if (!result.ok) throw new Error(result.issues.map((x) => x.message).join('\n'));
    expect(result.warnings).toEqual([]);
    const tables = result.returns[0]?.tables;
    expect(tables?.start).toMatchObject({ plan: 1200, started: 900, startedMonth: 100, declaredRate: 7500 });
    expect(tables?.loan?.need).toBe(350_000_000);
    expect(tables?.loan?.banks).toMatchObject([
      { bank: '国家开发银行', credit: 250_000_000, disbursed: 125_000_000, disbursedMonth: 25_000_000 },
    ]);
    expect(tables?.expropriation).toMatchObject({
      plan: 300,
      expropriated: 120,
      demolished: 30,
      doneMonth: 10,
    });
    expect(tables?.carryOver).toMatchObject([{ name: EVIL, households: 80, unfinished: 12 }]);
    expect(tables?.publicRental).toMatchObject({
      raised: 500,
      allocated: 450,
      yearTask: 40,
      yearAllocated: 20,
    });
  });

  it.each([
    ['2019-01', '2019年1月棚户区改造开工进展情况（表1）', '截止日期：2019年1月31日'],
    ['2018-12', '2018年1-12月棚户区改造开工进展情况（表1）', '截止日期：2018年12月31日'],
    ['2020-02', '2020年1-2月棚户区改造开工进展情况（表1）', '截止日期：2020年2月29日'],
  ])('titles and dates the %s template, and reads it back as that period', async (period, title, cutoff) => {
    const unit = defaultRegister.unit('220122');
    if (!unit) throw new Error('no 农安县');
    const bytes = await writeTemplate({ unit, period });
    const t1 = sheetRows(XLSX.read(bytes).Sheets.表1 as XLSX.WorkSheet);
    expect(t1[0]?.[0]).toBe(title);
    expect(t1[1]).toContain(cutoff);
    const result = readReturn(bytes, `农安县-${period}.xlsx`);
    if (!result.ok) throw new Error(result.issues.map((x) => x.message).join('\n'));
    expect(result.returns[0]).toMatchObject({ unitId: '220122', period });
  });

  it('offers empty lines for banks and projects, and reads a blank template as empty tables', async () => {
    const unit = defaultRegister.unit('220322');
    if (!unit) throw new Error('no 梨树县');
    const workbook = XLSX.read(await writeTemplate({ unit, period: '2018-09' }));
    const t2 = sheetRows(workbook.Sheets.表2 as XLSX.WorkSheet);
    const t4 = sheetRows(workbook.Sheets.表4 as XLSX.WorkSheet);
    expect(t2.slice(3, 3 + BLANK_BANK_LINES).map((r) => r[0])).toEqual([1, 2, 3, 4, 5]);
    expect(t2[3 + BLANK_BANK_LINES]?.[1]).toBe('合计');
    expect(t4.slice(3, 3 + BLANK_PROJECT_LINES).every((r) => r[1] === '梨树县' && r[2] === null)).toBe(true);
    const result = readReturn(await writeTemplate({ unit, period: '2018-09' }), '梨树县-2018年1-9月.xlsx');
    if (!result.ok) throw new Error(result.issues.map((x) => x.message).join('\n'));
    expect(result.returns[0]?.tables.loan?.banks).toEqual([]);
    expect(result.returns[0]?.tables.carryOver).toEqual([]);
  });

  it('imports a template a county filled in Excel (three banks, two projects) with exactly its figures', async () => {
    const unit = defaultRegister.unit('220322');
    if (!unit) throw new Error('no 梨树县');
    const blank = await writeTemplate({ unit, period: '2018-09' });
    // Typed with ExcelJS, as a county's Excel saves it (merges and styles of the template kept).
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      blank.buffer.slice(blank.byteOffset, blank.byteOffset + blank.byteLength) as ArrayBuffer,
    );
    const type = (sheet: string, address: string, value: string | number) => {
      const ws = workbook.getWorksheet(sheet);
      if (!ws) throw new Error(sheet);
      ws.getCell(address).value = value;
    };
    type('表1', 'C4', 2706);
    type('表1', 'D4', 2706);
    type('表1', 'E4', 222);
    type('表1', 'F4', 100);
    type('表2', LOAN_NEED_CELL, 8.45);
    const banks = [
      ['国开行', 2.5, 0, 1.25, 0.25],
      ['农发行', 3, 1, 2, 0.5],
      ['建设银行', 1.2, 0.2, 0.6, 0.1],
    ] as const;
    banks.forEach(([bank, ...figures], i) => {
      type('表2', `B${4 + i}`, bank);
      for (const [c, v] of figures.entries()) type('表2', `${'CDEF'[c]}${4 + i}`, v);
    });
    const totalRow = 4 + BLANK_BANK_LINES;
    for (const [c, v] of [6.7, 1.2, 3.85, 0.85].entries()) type('表2', `${'CDEF'[c]}${totalRow}`, v);
    for (const [col, v] of [
      ['C', 300],
      ['D', 120],
      ['E', 30],
      ['F', 150],
      ['G', 10],
    ] as const)
      type('表3', `${col}4`, v);
    const projects = [
      ['站前棚户区改造项目', 120, 35, '补偿标准未达成一致', '2018年12月'],
      ['和平小区二期', 64, 8, '安置房源不足', '2019年6月'],
    ] as const;
    for (const [i, p] of projects.entries()) {
      for (const [c, v] of p.entries()) type('表4', `${'CDEFG'[c]}${4 + i}`, v);
    }
    for (const [key, v] of RENTAL_TYPED) type('表5', templateCell('publicRental', key, 4), v);

    const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const result = readReturn(bytes, '梨树县-2018年1-9月.xlsx');
    if (!result.ok) throw new Error(result.issues.map((x) => x.message).join('\n'));
    expect(result.warnings).toEqual([]);
    // A column the county left blank reads as 0 (statedInTemplate), as typed.
    expect(result.returns).toEqual([
      statedInTemplate({
        unitId: '220322',
        period: '2018-09',
        cutoff: '2018-09-30',
        tables: {
          start: { plan: 2706, started: 2706, startedMonth: 222, declaredRate: 10_000, note: '' },
          loan: {
            need: 845_000_000,
            banks: [
              {
                bank: '国家开发银行',
                credit: 250_000_000,
                creditMonth: 0,
                disbursed: 125_000_000,
                disbursedMonth: 25_000_000,
                note: '',
              },
              {
                bank: '中国农业发展银行',
                credit: 300_000_000,
                creditMonth: 100_000_000,
                disbursed: 200_000_000,
                disbursedMonth: 50_000_000,
                note: '',
              },
              {
                bank: '中国建设银行',
                credit: 120_000_000,
                creditMonth: 20_000_000,
                disbursed: 60_000_000,
                disbursedMonth: 10_000_000,
                note: '',
              },
            ],
          },
          expropriation: { plan: 300, expropriated: 120, demolished: 30, doneMonth: 10, note: '' },
          carryOver: [
            {
              name: '站前棚户区改造项目',
              households: 120,
              unfinished: 35,
              reason: '补偿标准未达成一致',
              plannedFinish: '2018年12月',
            },
            {
              name: '和平小区二期',
              households: 64,
              unfinished: 8,
              reason: '安置房源不足',
              plannedFinish: '2019年6月',
            },
          ],
          publicRental: {
            raised: 500,
            allocated: 450,
            declaredRate: 9000,
            yearTask: 40,
            yearAllocated: 20,
            declaredYearRate: 5000,
            lastYearRate: 8500,
          },
        },
      }),
    ]);
  });

  it('writes formula-looking texts from a return as text', async () => {
    const ret = withEvilTexts(samples)
      .get('2018-09')
      ?.find((r) => r.unitId === '220100');
    const unit = defaultRegister.unit('220100');
    if (!ret || !unit) throw new Error('no 长春市');
    const workbook = XLSX.read(await writeTemplate({ unit, period: '2018-09', figures: ret.tables }), {
      cellFormula: true,
    });
    const cells = Object.entries(workbook.Sheets.表4 as XLSX.WorkSheet).filter(([a]) => !a.startsWith('!'));
    const evil = cells.find(([, c]) => (c as XLSX.CellObject).v === EVIL)?.[1] as XLSX.CellObject | undefined;
    expect(evil?.t).toBe('s');
    expect(cells.every(([, c]) => (c as XLSX.CellObject).f === undefined)).toBe(true);
  });

  it('zips every unit template, named as the samples are', async () => {
    const entries = unzipSync(await writeAllTemplatesZip(defaultRegister.units, '2018-09'));
    const names = Object.keys(entries).sort();
    expect(names.length).toBe(defaultRegister.units.length);
    expect(names).toContain('农安县-2018年1-9月.xlsx');
    const one = XLSX.read(entries['长白山管委会-2018年1-9月.xlsx'] as Uint8Array);
    expect(one.SheetNames).toEqual(['表1', '表2', '表3', '表4', '表5']);
    expect(sheetRows(one.Sheets.表1 as XLSX.WorkSheet)[1]?.[0]).toBe('填报单位：长白山管委会');
  });
});

describe('a period some units have not reported', () => {
  // 农安县 sends nothing; 伊通县 sends a return without 表4.
  let partial: PeriodAnalysis;
  beforeAll(() => {
    const copy = structuredClone(samples);
    const september = (copy.get('2018-09') ?? []).filter((r) => r.unitId !== '220122');
    const yitong = september.find((r) => r.unitId === '220323');
    if (!yitong) throw new Error('no 伊通县');
    delete yitong.tables.carryOver;
    copy.set('2018-09', september);
    partial = analyse(copy);
  });

  it('says under each table which units its totals leave out, and nothing when all reported', () => {
    expect(buildAttachments(analysis).map((m) => m.footnote)).toEqual([null, null, null, null, null]);
    const notes = buildAttachments(partial).map((m) => m.footnote);
    expect(notes).toEqual([
      '注：合计不含未报送本表的1个市县：农安县。',
      '注：合计不含未报送本表的1个市县：农安县。',
      '注：合计不含未报送本表的1个市县：农安县。',
      '注：合计不含未报送本表的2个市县：农安县、伊通县。',
      '注：合计不含未报送本表的1个市县：农安县。',
    ]);
  });

  it('carries the notes into the summary workbook and the Word file', async () => {
    const book = XLSX.read(await writeSummaryWorkbook(partial));
    const rows = sheetRows(book.Sheets.附件4 as XLSX.WorkSheet);
    expect(rows.at(-1)?.[0]).toBe('注：合计不含未报送本表的2个市县：农安县、伊通县。');
    expect(rows.at(-2)?.every((c) => c === null)).toBe(true);

    const bulletin = generateBulletin(partial, DEFAULT_BULLETIN_TEXT);
    const zip = await JSZip.loadAsync(
      await writeBulletinDocx(bulletin.paragraphs, buildAttachments(partial)),
    );
    const text = ((await zip.file('word/document.xml')?.async('string')) ?? '').replace(/<[^>]+>/g, '');
    expect(text).toContain('本期农安县未报送月报，以下全省数据为已报送的49个市县的合计。');
    expect(text).toContain('注：合计不含未报送本表的2个市县：农安县、伊通县。');
    expect(text.match(/注：合计不含未报送本表/g)?.length).toBe(5);
  });
});
