// SheetJS given the verified entries reads exactly what it reads from the file itself: on every sample return,
// and on packages whose parts are stored, streamed or named outside ASCII.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { openWorkbook, READ_OPTIONS, sheetJsPackage } from './open-workbook';
import { SAMPLES_DIR, sampleBytes } from './zip-craft';
import { crc32 } from './zip-package';

const SAMPLE_FILES = ['2018-08', '2018-09'].flatMap((period) =>
  readdirSync(join(SAMPLES_DIR, period)).map((f) => join(SAMPLES_DIR, period, f)),
);

/** What SheetJS makes of the file's own bytes, unzipping them itself, with the reader's options. */
function bareWorkbook(bytes: Uint8Array): XLSX.WorkBook {
  return XLSX.read(bytes, { ...READ_OPTIONS, cellFormula: true });
}

function opened(bytes: Uint8Array, name = '农安县.xlsx'): XLSX.WorkBook {
  const result = openWorkbook(bytes, name);
  if (!result.ok) throw new Error(`${name}: ${result.code}`);
  return result.workbook;
}

describe('SheetJS reads the verified entries as it reads the file', () => {
  it.each(SAMPLE_FILES.map((path) => [path.split('/').slice(-2).join('/'), path]))('%s', (_label, path) => {
    const bytes = new Uint8Array(readFileSync(path));
    const workbook = opened(bytes);
    expect(workbook.SheetNames.length).toBeGreaterThan(0);
    expect(workbook).toEqual(bareWorkbook(bytes));
  });

  it.each([
    ['stored', 0],
    ['deflated at the lowest level', 1],
    ['deflated at the highest level', 9],
  ] as const)('a package %s', (_label, level) => {
    const files = unzipSync(sampleBytes());
    const bytes = zipSync(files, { level });
    expect(opened(bytes)).toEqual(bareWorkbook(bytes));
  });

  it('a package with a part named outside ASCII and one named __proto__ keeps both as names', () => {
    const files = unzipSync(sampleBytes());
    const entries = Object.entries(files).map(([name, data]) => ({ name, data, crc: crc32(data) }));
    const extra = [
      { name: '__proto__', data: strToU8('x') },
      { name: 'xl/媒体/图1.xml', data: strToU8('<a/>') },
    ];
    const cfb = sheetJsPackage([...entries, ...extra.map((e) => ({ ...e, crc: crc32(e.data) }))]) as {
      FullPaths: string[];
      FileIndex: { name: string; content?: Uint8Array }[];
    };
    // As SheetJS's own unzip names them: the UTF-8 bytes of the name, one character each.
    const latin1 = (name: string) => String.fromCharCode(...new TextEncoder().encode(name));
    expect(cfb.FullPaths.slice(-2)).toEqual([
      'Root Entry/__proto__',
      `Root Entry/${latin1('xl/媒体/图1.xml')}`,
    ]);
    expect(cfb.FileIndex.slice(-2).map((f) => f.content)).toEqual(extra.map((e) => e.data));
    const own = XLSX.CFB.read(zipSync({ ...files, 'xl/媒体/图1.xml': strToU8('<a/>') }), { type: 'buffer' });
    expect(own.FullPaths).toContain(`Root Entry/${latin1('xl/媒体/图1.xml')}`);
  });
});
