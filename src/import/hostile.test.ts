// Hostile and broken input, every file built here: readReturn refuses it with a clear message or reads it
// safely, and never throws, never hangs, never evaluates cell text, never pollutes prototypes.
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { ReadResult } from '../domain/types';
import { readReturn } from './read-return';
import {
  buildWorkbook,
  carryOverSheet,
  standardReturn,
  startSheet,
  withSheet,
  workbookBytes,
} from './test-workbooks';

function codes(result: ReadResult): string[] {
  return result.ok ? [] : result.issues.filter((i) => i.severity === 'error').map((i) => i.code);
}

/** Deterministic pseudo-random bytes (a tiny LCG), so a failure can be reproduced. */
function randomBytes(length: number, seed: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length);
  let x = seed >>> 0;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1_664_525) + 1_013_904_223) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

const CFB = XLSX.CFB as {
  utils: { cfb_new: () => unknown; cfb_add: (cfb: unknown, name: string, content: Uint8Array) => void };
  read: (data: Uint8Array, opts: { type: 'array' }) => unknown;
  find: (cfb: unknown, path: string) => { content: Uint8Array | number[] } | null;
  write: (cfb: unknown, opts: { type: 'array' }) => ArrayBuffer | number[];
};

/** An .xlsx saved with a password: an OLE compound file holding EncryptionInfo and EncryptedPackage. */
function encryptedXlsx(): Uint8Array {
  const cfb = CFB.utils.cfb_new();
  CFB.utils.cfb_add(
    cfb,
    '/EncryptionInfo',
    Uint8Array.from([4, 0, 4, 0, 0x40, 0, 0, 0, ...randomBytes(200, 1)]),
  );
  CFB.utils.cfb_add(cfb, '/EncryptedPackage', randomBytes(4096, 2));
  return new Uint8Array(CFB.write(cfb, { type: 'array' }));
}

/** An .xls saved with a password: a FILEPASS record (XOR obfuscation) right after the workbook's BOF. */
function encryptedXls(): Uint8Array {
  const plain = workbookBytes(standardReturn(), 'biff8');
  const cfb = CFB.read(plain, { type: 'array' });
  const entry = CFB.find(cfb, '/Workbook');
  if (!entry) throw new Error('no Workbook stream');
  const stream = Uint8Array.from(entry.content);
  const bofLength = 4 + ((stream[2] ?? 0) | ((stream[3] ?? 0) << 8));
  const filePass = Uint8Array.from([0x2f, 0x00, 0x06, 0x00, 0x00, 0x00, 0x34, 0x12, 0x78, 0x56]);
  const patched = new Uint8Array(stream.length + filePass.length);
  patched.set(stream.subarray(0, bofLength), 0);
  patched.set(filePass, bofLength);
  patched.set(stream.subarray(bofLength), bofLength + filePass.length);
  entry.content = patched;
  return new Uint8Array(CFB.write(cfb, { type: 'array' }));
}

/**
 * A workbook whose first sheet claims the whole grid, A1:XFD1048576, optionally with a real cell in its far
 * corner. The XML is patched directly: SheetJS's own writer would walk the claimed range.
 */
function hugeRangeXlsx(withFarCell: boolean): Uint8Array {
  const files = unzipSync(workbookBytes(standardReturn(), 'xlsx'));
  const path = 'xl/worksheets/sheet1.xml';
  let xml = new TextDecoder().decode(files[path]);
  xml = xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>');
  if (withFarCell) {
    xml = xml.replace(
      '</sheetData>',
      '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>角落</t></is></c></row></sheetData>',
    );
  }
  expect(xml).toContain('A1:XFD1048576');
  files[path] = strToU8(xml);
  return zipSync(files);
}

/** The standard return with a VBA project added and saved as .xlsm. */
function macroXlsm(): Uint8Array {
  const files = unzipSync(workbookBytes(standardReturn(), 'xlsx'));
  files['xl/vbaProject.bin'] = randomBytes(2048, 3);
  const types = new TextDecoder().decode(files['[Content_Types].xml']);
  files['[Content_Types].xml'] = strToU8(
    types
      .replace(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
        'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
      )
      .replace(
        '</Types>',
        '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
      ),
  );
  return zipSync(files);
}

/** A zip bomb: a workbook whose sheet XML is padded with 30 MB of blanks that pack to a few kilobytes. */
function zipBombXlsx(): Uint8Array {
  const files = unzipSync(workbookBytes(standardReturn(), 'xlsx'));
  const path = 'xl/worksheets/sheet1.xml';
  const xml = new TextDecoder().decode(files[path]);
  files[path] = strToU8(xml.replace('<sheetData>', `<sheetData>${' '.repeat(30 * 1024 * 1024)}`));
  return zipSync(files, { level: 9 });
}

/** A workbook whose central directory declares a 2 GB entry. */
function lyingSizeXlsx(): Uint8Array {
  const bytes = workbookBytes(standardReturn(), 'xlsx').slice();
  const view = new DataView(bytes.buffer);
  for (let i = 0; i + 46 < bytes.length; i++) {
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 0x7fffffff, true);
  }
  return bytes;
}

const HTML_XLS = strToU8(
  '<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta charset="utf-8"></head><body>' +
    '<table><tr><td>填报单位：农安县</td></tr><tr><td>年度计划</td><td>累计开工</td></tr><tr><td>800</td><td>400</td></tr></table>' +
    '<script>alert(1)</script></body></html>',
);

const refusals: [string, string, () => Uint8Array, string, RegExp][] = [
  [
    'random bytes named .xlsx',
    '农安县.xlsx',
    () => randomBytes(5000, 42),
    'file.notSpreadsheet',
    /不是 Excel/,
  ],
  ['an empty file', '农安县.xlsx', () => new Uint8Array(0), 'file.empty', /空/],
  [
    'a zip that is not a workbook',
    '农安县.xlsx',
    () => zipSync({ 'readme.txt': strToU8('你好') }),
    'file.unreadable',
    /无法读取/,
  ],
  [
    'a truncated workbook',
    '农安县.xlsx',
    () => {
      const bytes = workbookBytes(standardReturn());
      return bytes.subarray(0, Math.floor(bytes.length / 2));
    },
    'file.damaged',
    /文件已损坏：文件不完整.*请让报送单位重新发送/,
  ],
  [
    'junk after a zip signature (not mistaken for a password-protected file)',
    '农安县.xlsx',
    () => {
      const bytes = randomBytes(600, 11);
      bytes.set([0x50, 0x4b, 0x03, 0x04]);
      return bytes;
    },
    'file.damaged',
    /文件已损坏/,
  ],
  [
    'random bytes after an OLE signature',
    '农安县.xls',
    () => {
      const bytes = randomBytes(4096, 7);
      bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      return bytes;
    },
    'file.damaged',
    /文件已损坏：文件头已损坏/,
  ],
  ['a zip bomb (30 MB of blanks packed small)', '农安县.xlsx', zipBombXlsx, 'file.zipBomb', /解压后/],
  ['a zip declaring a 2 GB entry', '农安县.xlsx', lyingSizeXlsx, 'file.zipBomb', /解压后/],
  ['a password-protected .xlsx', '农安县.xlsx', encryptedXlsx, 'file.encrypted', /密码.*另存/],
  ['a password-protected .xls', '农安县.xls', encryptedXls, 'file.encrypted', /密码.*另存/],
  ['an HTML page saved as .xls', '农安县.xls', () => HTML_XLS, 'file.html', /网页/],
  [
    'an XML spreadsheet',
    '农安县.xls',
    () =>
      strToU8(
        '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>',
      ),
    'file.notSpreadsheet',
    /不是 Excel/,
  ],
  [
    'a binary file renamed .csv',
    '农安县.csv',
    () => randomBytes(3000, 9).map((b) => b | 0),
    'file.notSpreadsheet',
    /不是/,
  ],
  [
    'a workbook whose only sheet is empty',
    '农安县.xlsx',
    () => workbookBytes([{ name: 'Sheet1', rows: [] }]),
    'file.empty',
    /空/,
  ],
];

describe('hostile and broken files are refused with a clear message', () => {
  it.each(refusals)('%s', (_name, fileName, make, code, text) => {
    const result = readReturn(make(), fileName);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ code, file: fileName, severity: 'error' });
    expect(result.issues[0]?.message).toContain(fileName);
    expect(result.issues[0]?.message).toMatch(text);
  });

  it('refuses a file over the size limit before parsing, naming the limit in MB', () => {
    const bytes = workbookBytes(standardReturn());
    const result = readReturn(bytes, '大文件.xlsx', { maxBytes: 1024 * 1024 });
    expect(codes(result)).toEqual(bytes.length > 1024 * 1024 ? ['file.tooLarge'] : []);
    // Over the limit by one byte: refused, and the message names the limit.
    const big = new Uint8Array(1024 * 1024 + 1);
    big.set(bytes);
    const over = readReturn(big, '大文件.xlsx', { maxBytes: 1024 * 1024 });
    expect(codes(over)).toEqual(['file.tooLarge']);
    expect(!over.ok && over.issues[0]?.message).toMatch(/文件大小 1\.1 MB，超过了 1 MB 的上限/);
  });

  it('never throws on 200 kinds of random garbage, whatever the extension', () => {
    for (let seed = 0; seed < 200; seed++) {
      const bytes = randomBytes(64 + ((seed * 37) % 3000), seed);
      if (seed % 4 === 1) bytes.set([0x50, 0x4b, 0x03, 0x04]);
      if (seed % 4 === 2) bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      const name = ['a.xlsx', 'a.xls', 'a.csv', 'a.xlsm'][seed % 4] as string;
      const result = readReturn(bytes, name);
      expect(result.ok).toBe(false);
    }
  });
});

describe('hostile content is read safely', () => {
  it.each([false, true])(
    'a sheet claiming A1:XFD1048576 (a real far cell: %s) is clamped to its cells',
    (far) => {
      const result = readReturn(hugeRangeXlsx(far), '农安县.xlsx');
      expect(result.ok && result.returns[0]?.tables.start).toMatchObject({ plan: 800, started: 400 });
    },
  );

  it('reads an .xlsm as data; its macros are never loaded', () => {
    const result = readReturn(macroXlsm(), '农安县.xlsm');
    expect(result.ok && result.returns[0]?.tables.start?.plan).toBe(800);
  });

  it('keeps formula-looking and script text as plain text in 备注 and 项目名称', () => {
    const hostileText = [
      "=cmd|' /C calc'!A0",
      '=HYPERLINK("http://evil.example","点我")',
      '<script>alert(1)</script>',
      '+1+1',
      '@SUM(A1)',
    ];
    const sheets = withSheet(
      withSheet(standardReturn(), startSheet({}, [1, '农安县', 800, 400, 50, 50, hostileText[0]])),
      carryOverSheet(
        {},
        hostileText.map((name, i) => [i + 1, '农安县', name, 10, 1, hostileText[(i + 2) % 5], '2018年12月']),
      ),
    );
    for (const bookType of ['xlsx', 'xls'] as const) {
      const result = readReturn(workbookBytes(sheets, bookType), `农安县.${bookType}`);
      if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
      const ret = result.returns[0];
      expect(ret?.tables.start?.note).toBe(hostileText[0]);
      expect(ret?.tables.carryOver?.map((p) => p.name)).toEqual(hostileText);
      expect(ret?.tables.carryOver?.map((p) => p.reason)).toEqual(
        hostileText.map((_, i) => hostileText[(i + 2) % 5]),
      );
    }
  });

  it('reads a real formula cell by its cached value, whatever the formula says', () => {
    const wb = buildWorkbook(standardReturn());
    (wb.Sheets.表1 as XLSX.WorkSheet).D4 = { t: 'n', v: 400, f: "cmd|' /C calc'!A0" };
    const bytes = new Uint8Array(XLSX.write(wb, { bookType: 'xlsx', type: 'array' }) as ArrayBuffer);
    const result = readReturn(bytes, '农安县.xlsx');
    expect(result.ok && result.returns[0]?.tables.start?.started).toBe(400);
  });

  it('keeps formula-looking CSV fields as text', () => {
    const csv =
      '填报单位：农安县,截止日期：2018年9月30日\n市县,年度计划,累计开工,备注\n农安县,800,400,"=cmd|\' /C calc\'!A0"\n';
    const result = readReturn(strToU8(csv), '农安县.csv');
    expect(result.ok && result.returns[0]?.tables.start?.note).toBe("=cmd|' /C calc'!A0");
  });

  it('does not pollute prototypes with headers, keys or names such as __proto__ and constructor', () => {
    const evil = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__'];
    const sheets: ReturnType<typeof standardReturn> = [
      {
        name: '__proto__',
        rows: [
          ['__proto__：{"polluted":1}', 'constructor：x'],
          ['填报单位：农安县', '截止日期：2018年9月30日'],
          ['序号', '市县', '年度计划（套）', '累计开工（套）', ...evil],
          [1, '农安县', 800, 400, ...evil],
        ],
      },
      {
        name: 'constructor',
        rows: [
          ['填报单位：constructor', '截止日期：2018年9月30日'],
          ['市县', '累计筹集', '累计已分配'],
          ['__proto__', 1, 1],
        ],
      },
    ];
    const result = readReturn(workbookBytes(sheets), 'proto.xlsx');
    expect(codes(result)).toEqual(['unit.unknown', 'unit.unknown']);
    const probe = {} as Record<string, unknown>;
    expect(probe.polluted).toBeUndefined();
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
    expect(typeof probe.toString).toBe('function');
    // The same evil headers beside a valid return do not stop it from reading.
    const ok = readReturn(workbookBytes([sheets[0] as (typeof sheets)[0]]), 'proto.xlsx');
    expect(ok.ok && ok.returns[0]?.tables.start).toMatchObject({ plan: 800, started: 400 });
  });
});
