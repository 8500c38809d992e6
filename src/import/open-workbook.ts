// Open the bytes of an uploaded file as a SheetJS workbook, safely: size check first, then a sniff of the
// first bytes (zip, OLE compound file, HTML, CSV) so that hostile or broken files get a precise refusal. A zip
// is verified entry by entry (sizes, CRC-32, XML, stored numbers) and SheetJS reads only the verified entries,
// handed to it already inflated (it never unzips anything itself); an OLE file's sectors and streams are
// checked before SheetJS follows them.
// Formulas are never evaluated (cached values only; in .xlsx their text is kept so that a formula saved without
// its result is seen), macros never loaded, CSV text is read as plain strings.
import * as XLSX from 'xlsx';
import type { IssueCode, IssueParams } from '../domain/messages';
import { damageDetail } from '../domain/messages';
import { verifyCfb } from './cfb-check';
import type { SheetPart } from './package-xml';
import { checkPackageXml } from './package-xml';
import type { ZipEntry } from './zip-package';
import { verifyZip } from './zip-package';

/** Why a file cannot be opened: an issue code with its parameters, and where known the sheet and cell. */
export interface OpenRefusal {
  ok: false;
  code: IssueCode;
  params?: IssueParams[IssueCode];
  sheet?: string;
  cell?: string;
}

export type OpenResult =
  | {
      ok: true;
      workbook: XLSX.WorkBook;
      csv: boolean;
      /** For an .xlsx: each sheet's kind, so that a sheet SheetJS could not parse is told from a chart sheet. */
      sheets?: SheetPart[];
    }
  | OpenRefusal;

/** Read options shared by every format: one pass, number formats kept (for %, dates), nothing executable. */
export const READ_OPTIONS: XLSX.ParsingOptions = {
  type: 'array',
  dense: true,
  cellNF: true,
  cellText: false,
  cellDates: false,
  cellFormula: false,
  cellHTML: false,
  cellStyles: false,
  // Stubs, so that a formula saved without its result is seen (and refused) rather than read as blank.
  sheetStubs: true,
  bookVBA: false,
  bookDeps: false,
  bookFiles: false,
  bookProps: false,
  WTF: false,
};

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  if (bytes.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[i] !== sig[i]) return false;
  return true;
}

const ZIP_SIG = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY_SIG = [0x50, 0x4b, 0x05, 0x06];
const CFB_SIG = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function utf16le(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) out.push(ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8);
  return out;
}

const ENCRYPTED_PACKAGE = utf16le('EncryptedPackage');

/** Whether an OLE compound file holds an encrypted OOXML package (an .xlsx saved with a password). */
function hasEncryptedPackage(bytes: Uint8Array): boolean {
  const first = ENCRYPTED_PACKAGE[0];
  const limit = bytes.length - ENCRYPTED_PACKAGE.length;
  for (let i = 0; i <= limit; i++) {
    if (bytes[i] !== first) continue;
    let j = 1;
    while (j < ENCRYPTED_PACKAGE.length && bytes[i + j] === ENCRYPTED_PACKAGE[j]) j++;
    if (j === ENCRYPTED_PACKAGE.length) return true;
  }
  return false;
}

/** The first non-blank characters of a text-like file, lower-cased, for sniffing HTML and XML. */
function leadingText(bytes: Uint8Array): string {
  let start = 0;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) start = 3;
  const head = new TextDecoder('utf-8').decode(bytes.subarray(start, Math.min(bytes.length, start + 1024)));
  return head.trimStart().slice(0, 512).toLowerCase();
}

/** Decode CSV text: UTF-8 when it is valid UTF-8, else GBK (what Chinese Excel saves); BOM stripped. */
export function decodeCsv(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gbk').decode(bytes);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function damaged(detail: Parameters<typeof damageDetail>[0]): OpenRefusal {
  return { ok: false, code: 'file.damaged', params: { detail: damageDetail(detail) } };
}

/** SheetJS's reader of an unzipped package (exported by the module, though its types do not declare it). */
const parseZip = (
  XLSX as unknown as { parse_zip: (zip: unknown, opts: XLSX.ParsingOptions) => XLSX.WorkBook }
).parse_zip;

/** A name as SheetJS's own unzip gives it: each byte of the stored (UTF-8) name as one character. */
function sheetJsName(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ASCII is the whole range 0–0x7f.
  if (/^[\x00-\x7f]*$/.test(name)) return name;
  let out = '';
  for (const byte of utf8Encoder.encode(name)) out += String.fromCharCode(byte);
  return out;
}

const utf8Encoder = new TextEncoder();

/** A part of the container SheetJS reads: its file name (the last segment of its path) and its bytes. */
interface ContainerFile {
  name: string;
  type: number;
  content?: Uint8Array;
  size?: number;
}

/**
 * The verified entries in the shape SheetJS's own unzip gives them (a compound-file container: FullPaths and
 * FileIndex, each path under a root entry), so that SheetJS reads exactly the checked bytes without inflating,
 * checking or copying them again. (Its unzip also adds a 4-byte marker file of its own, which no reader looks
 * at; the equality of the workbooks is tested on every sample.)
 */
export function sheetJsPackage(entries: readonly ZipEntry[]): unknown {
  const FullPaths = ['Root Entry/'];
  const FileIndex: ContainerFile[] = [{ name: 'Root Entry', type: 5 }];
  for (const e of entries) {
    const name = sheetJsName(e.name);
    FullPaths.push(`Root Entry/${name}`);
    FileIndex.push({
      name: name.slice(name.lastIndexOf('/') + 1),
      type: 2,
      content: e.data,
      size: e.data.length,
    });
  }
  return { FullPaths, FileIndex };
}

/** An .xlsx: verified, its XML checked, then read by SheetJS from the verified entries. */
function openZip(bytes: Uint8Array): OpenResult {
  const zip = verifyZip(bytes);
  if (!zip.ok) return zip.bomb ? { ok: false, code: 'file.zipBomb' } : damaged(zip.damage);
  const xml = checkPackageXml(zip.entries);
  if (!xml.ok) {
    if ('damage' in xml) return damaged(xml.damage);
    return {
      ok: false,
      code: 'number.stored',
      params: { text: xml.bad.text },
      sheet: xml.bad.sheet,
      cell: xml.bad.cell,
    };
  }
  const opened = readBook(sheetJsPackage(zip.entries), false, true);
  // A verified package SheetJS cannot read is not a workbook (a zip of other files), not a damaged one.
  return opened.ok ? { ...opened, sheets: xml.sheets } : opened;
}

/** Read a workbook: CSV text, an OLE file's bytes, or (`zip`) a verified package from `sheetJsPackage`. */
function readBook(data: unknown, csv: boolean, zip = false): OpenResult {
  try {
    // In .xlsx a formula without a cached result is a stub that only its formula text tells from a blank.
    // (.xls always stores results, and its formula decoder is not worth the risk.)
    // Options are copied for each read: SheetJS writes its defaults into the object it is given.
    const workbook = csv
      ? XLSX.read(data, { ...READ_OPTIONS, type: 'string', raw: true })
      : zip
        ? parseZip(data, { ...READ_OPTIONS, cellFormula: true })
        : XLSX.read(data, { ...READ_OPTIONS });
    if (!workbook || !Array.isArray(workbook.SheetNames) || workbook.SheetNames.length === 0) {
      return { ok: false, code: 'file.unreadable' };
    }
    return { ok: true, workbook, csv };
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    // Only an OLE container can hold an encrypted workbook; a zip that fails to read is damaged, whatever
    // the library's message says.
    if (!zip && /password|encrypt/i.test(text)) return { ok: false, code: 'file.encrypted' };
    return { ok: false, code: 'file.unreadable' };
  }
}

/**
 * Open a file's bytes as a workbook, or say why it cannot be one. A WPS .et file that is not readable as an
 * Excel workbook gets its own message: the fix is to save it as .xlsx in WPS.
 */
export function openWorkbook(bytes: Uint8Array, fileName: string): OpenResult {
  const opened = openBytes(bytes, fileName);
  if (
    !opened.ok &&
    /\.(?:et|ett)$/i.test(fileName.trim()) &&
    (opened.code === 'file.unreadable' || opened.code === 'file.notSpreadsheet')
  ) {
    return { ok: false, code: 'file.wpsEt' };
  }
  return opened;
}

function openBytes(bytes: Uint8Array, fileName: string): OpenResult {
  if (bytes.length === 0) return { ok: false, code: 'file.empty' };
  if (startsWith(bytes, ZIP_SIG) || startsWith(bytes, ZIP_EMPTY_SIG)) return openZip(bytes);
  if (startsWith(bytes, CFB_SIG)) {
    const cfb = verifyCfb(bytes);
    if (!cfb.ok) return damaged(cfb.damage);
    if (hasEncryptedPackage(bytes)) return { ok: false, code: 'file.encrypted' };
    return readBook(bytes, false);
  }
  const lead = leadingText(bytes);
  if (/^<(?:!doctype\s+html|html|head|body|table|meta|style)\b/.test(lead) || lead.includes('<html')) {
    return { ok: false, code: 'file.html' };
  }
  if (lead.startsWith('<')) return { ok: false, code: 'file.notSpreadsheet' };
  if (/\.(csv|txt)$/i.test(fileName)) {
    // A text file must not carry NUL bytes: those are binary files renamed to .csv.
    if (bytes.includes(0)) return { ok: false, code: 'file.notSpreadsheet' };
    return readBook(decodeCsv(bytes), true);
  }
  return { ok: false, code: 'file.notSpreadsheet' };
}
