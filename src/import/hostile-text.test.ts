// Hostile text in every place a reader looks: 80,000 characters of blanks, colons, brackets, marks, digits or
// dashes in a title, a key–value cell, a header, a unit, a figure, a note or a project name, in .xlsx and CSV.
// Every read finishes (no regular expression is tried at every position of a long run) and is right: the file
// is refused naming the cell, or read with exactly the figures it holds. (The time is measured in the bench.)
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { ParsedReturn, ReadResult } from '../domain/types';
import { readReturn } from './read-return';
import type { SheetSpec } from './test-workbooks';
import { carryOverSheet, standardReturn, startSheet, withSheet, workbookBytes } from './test-workbooks';

const LENGTH = 80_000;
const PLACEHOLDER = 'ⓅⓅⓅ';

// One of each kind of run: blanks (ASCII and full-width), colons, brackets, a bracketed word, marks, digits,
// dashes, text with blanks; in header-block places also a key in brackets (单位：).
const BODIES = [' ', '\u3000', '：', '(', '（单位', '*', '1', '-'];
/** A key and its colon (单位：) make a row a line of the header block, wherever it is: not a data place's text. */
const KEY_LIKE = '（单位:';
const bodiesFor = (place: { block?: boolean }) => (place.block ? [...BODIES, KEY_LIKE] : BODIES);
const isBlank = (body: string) => body.trim() === '';

/** What a place must give: the figures of the clean return (changed as said), or a refusal naming a cell. */
type Outcome =
  | { ok: true; change?: (ret: ParsedReturn, text: string) => void }
  | { ok: false; cell?: string };

interface Place {
  name: string;
  sheet: SheetSpec;
  /** The sheet and cell the text lands in. */
  at: { sheet: string; cell: string };
  outcome: (body: string) => Outcome;
  /** The place is in a header block, where key text is at home. */
  block?: boolean;
}

const SAME: Outcome = { ok: true };

const PLACES: Place[] = [
  {
    name: 'the title',
    sheet: startSheet({ title: PLACEHOLDER }),
    at: { sheet: '表1', cell: 'A1' },
    block: true,
    outcome: () => SAME,
  },
  {
    name: 'the 填报单位 value',
    sheet: startSheet({ unit: PLACEHOLDER }, [1, '农安县', 800, 400, 50, 50, '']),
    at: { sheet: '表1', cell: 'A2' },
    block: true,
    // Blanks leave the key without a value: the 市县 column names the unit.
    outcome: (body) => (isBlank(body) ? SAME : { ok: false, cell: 'A2' }),
  },
  {
    name: 'the 截止日期 value',
    sheet: startSheet({ cutoff: PLACEHOLDER }),
    at: { sheet: '表1', cell: 'D2' },
    block: true,
    // A value with no date in it is no cutoff (the title names the period); one with a year is a bad date.
    outcome: (body) => (/\d{4}|\d{2}\s*年/.test(hostile(body)) ? { ok: false, cell: 'D2' } : SAME),
  },
  {
    name: 'a header cell over an empty column',
    sheet: (() => {
      const sheet = startSheet();
      const rows = sheet.rows.map((r) => [...r]);
      (rows[2] as unknown[])[8] = PLACEHOLDER;
      return { ...sheet, rows };
    })(),
    at: { sheet: '表1', cell: 'I3' },
    outcome: () => SAME,
  },
  {
    name: 'the 市县 cell',
    sheet: startSheet({}, [1, PLACEHOLDER, 800, 400, 50, 50, '']),
    at: { sheet: '表1', cell: 'B4' },
    outcome: (body) => (isBlank(body) ? SAME : { ok: false, cell: 'B4' }),
  },
  {
    name: 'a figure cell (累计开工)',
    sheet: startSheet({}, [1, '农安县', 800, PLACEHOLDER, 50, 50, '']),
    at: { sheet: '表1', cell: 'D4' },
    // Blanks are an empty cell: 0.
    outcome: (body) =>
      isBlank(body)
        ? {
            ok: true,
            change: (ret) => {
              if (ret.tables.start) ret.tables.start.started = 0;
            },
          }
        : { ok: false, cell: 'D4' },
  },
  {
    name: 'the 备注 cell',
    sheet: startSheet({}, [1, '农安县', 800, 400, 50, 50, PLACEHOLDER]),
    at: { sheet: '表1', cell: 'G4' },
    outcome: () => ({
      ok: true,
      change: (ret, text) => {
        if (ret.tables.start) ret.tables.start.note = text.trim();
      },
    }),
  },
  {
    name: 'a project name',
    sheet: carryOverSheet({}, [[1, '农安县', PLACEHOLDER, 156, 45, '安置房源不足', '2018年12月']]),
    at: { sheet: '表4', cell: 'C4' },
    // A project with figures and no name is refused; any name is kept as written.
    outcome: (body) =>
      isBlank(body)
        ? { ok: false, cell: 'C4' }
        : {
            ok: true,
            change: (ret, text) => {
              ret.tables.carryOver = [
                {
                  name: text.trim(),
                  households: 156,
                  unfinished: 45,
                  reason: '安置房源不足',
                  plannedFinish: '2018年12月',
                },
              ];
            },
          },
  },
];

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const baseFiles = new Map<Place, Record<string, Uint8Array>>();

/** The workbook with the placeholder replaced by the text in its XML (SheetJS's writer stops at 32,767). */
function xlsxWith(place: Place, text: string): Uint8Array {
  let base = baseFiles.get(place);
  if (!base) {
    base = unzipSync(workbookBytes(withSheet(standardReturn(), place.sheet)));
    baseFiles.set(place, base);
  }
  const files = { ...base };
  let found = false;
  for (const [name, data] of Object.entries(files)) {
    if (!name.endsWith('.xml')) continue;
    const xml = strFromU8(data);
    if (!xml.includes(PLACEHOLDER)) continue;
    // Text with blanks around it is kept as Excel writes it, with xml:space="preserve".
    files[name] = strToU8(
      xml.replace(/<t>(?=[^<]*ⓅⓅⓅ)/, '<t xml:space="preserve">').replace(PLACEHOLDER, escapeXml(text)),
    );
    found = true;
  }
  expect(found).toBe(true);
  return zipSync(files);
}

/** The place's sheet with the placeholder replaced by the text (or by nothing). */
function sheetWith(place: Place, text: string): SheetSpec {
  const rows = place.sheet.rows.map((r) =>
    r.map((v) => (typeof v === 'string' && v.includes(PLACEHOLDER) ? v.replace(PLACEHOLDER, text) : v)),
  );
  return { ...place.sheet, rows };
}

/** The single sheet as CSV (SheetJS quotes what needs quoting). */
function csvWith(place: Place, text: string): Uint8Array {
  return strToU8(XLSX.utils.sheet_to_csv(XLSX.utils.aoa_to_sheet(sheetWith(place, text).rows)));
}

function expectOutcome(
  result: ReadResult,
  clean: ParsedReturn[],
  outcome: Outcome,
  text: string,
  sheet?: string,
) {
  if (!outcome.ok) {
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const errors = result.issues.filter((i) => i.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    if (outcome.cell) expect(errors.map((i) => [i.sheet, i.cell])).toContainEqual([sheet, outcome.cell]);
    return;
  }
  if (!result.ok) throw new Error(result.issues.map((i) => i.message.slice(0, 200)).join('\n'));
  const expected = structuredClone(clean);
  const first = expected[0] as ParsedReturn;
  outcome.change?.(first, text);
  expect(result.returns).toEqual(expected);
}

/** The standard return's figures: what every place gives unless its outcome says otherwise. */
function standardReturns(bytes: Uint8Array, name: string): ParsedReturn[] {
  const result = readReturn(bytes, name);
  if (!result.ok) throw new Error(`the clean return must read: ${result.issues[0]?.message}`);
  return result.returns;
}

function hostile(body: string): string {
  return body.repeat(Math.ceil(LENGTH / body.length)).slice(0, LENGTH);
}

describe.each(PLACES)('80,000 characters in $name', (place) => {
  const clean = standardReturns(workbookBytes(standardReturn()), 'a.xlsx');
  it.each(bodiesFor(place))('of %j, in an .xlsx', (body) => {
    const text = hostile(body);
    const result = readReturn(xlsxWith(place, text), '农安县.xlsx');
    expectOutcome(result, clean, place.outcome(body), text, place.at.sheet);
  });
});

describe('80,000 characters in a CSV return', () => {
  const clean = standardReturns(
    strToU8(XLSX.utils.sheet_to_csv(XLSX.utils.aoa_to_sheet(startSheet().rows))),
    'a.csv',
  );
  // (A run of tabs would make a tab-separated file of it: not a place text can be, in a CSV.)
  const places = PLACES.filter((p) => ['A2', 'D4', 'G4'].includes(p.at.cell) && p.at.sheet === '表1');
  // The CSV path differs only in how cells arrive: one run of each kind is enough there.
  it.each(places.flatMap((place) => [' ', '：', '1'].map((body) => [place.name, body, place] as const)))(
    '%s, of %j',
    (_name, body, place) => {
      const text = hostile(body);
      const result = readReturn(csvWith(place, text), '农安县.csv');
      const outcome = place.outcome(body);
      if (!outcome.ok) {
        // CSV cells are named as in a sheet; the sheet is the file's.
        expect(result.ok).toBe(false);
        if (!result.ok && outcome.cell) expect(result.issues.map((i) => i.cell)).toContain(outcome.cell);
        return;
      }
      expectOutcome(result, clean, outcome, text);
    },
  );
});
