// Strict reading of an .xlsx package's XML before SheetJS sees it: the parts that decide what is read
// (content types, relationships, workbook, styles, shared strings, sheets) must be well-formed XML, and every
// number cell's stored value must be a plain decimal number. SheetJS's regex parser takes broken XML in its stride
// and reads `0x10` as 0 and `1,5` as 1; here both refuse the file, with the sheet and the cell. One linear scan.
import type { FileDamage } from '../domain/messages';
import type { ZipEntry } from './zip-package';

/** Events of a scan: element opened (with its attributes), closed, and text (also CDATA) between tags. */
interface XmlHandler {
  open?: (name: string, attrs: Record<string, string>, depth: number) => void;
  /** The elements (local names) whose attributes `open` needs; all when absent. Others get none. */
  attributesOf?: ReadonlySet<string>;
  close?: (name: string) => void;
  text?: (text: string) => void;
}

/** The local part of a qualified name: x:c → c. */
function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** The character a reference (without & and ;) stands for, or null when it is no valid reference. */
function referenced(ref: string): string | null {
  if (ref.startsWith('#x')) {
    if (!/^#x[0-9a-fA-F]{1,6}$/.test(ref)) return null;
    const code = Number.parseInt(ref.slice(2), 16);
    return isXmlChar(code) ? String.fromCodePoint(code) : null;
  }
  if (ref.startsWith('#')) {
    if (!/^#[0-9]{1,7}$/.test(ref)) return null;
    const code = Number(ref.slice(1));
    return isXmlChar(code) ? String.fromCodePoint(code) : null;
  }
  return Object.hasOwn(ENTITIES, ref) ? (ENTITIES[ref] as string) : null;
}

/** Text with its references resolved, or null when a `&` starts no valid reference (or a `<` is in it). */
function unescapeXml(raw: string): string | null {
  if (raw.includes('<')) return null;
  if (!raw.includes('&')) return raw;
  let out = '';
  let at = 0;
  for (let amp = raw.indexOf('&'); amp >= 0; amp = raw.indexOf('&', at)) {
    const semi = raw.indexOf(';', amp + 1);
    // The longest reference is &#x10FFFF; (10 characters).
    if (semi < 0 || semi - amp > 10) return null;
    const ch = referenced(raw.slice(amp + 1, semi));
    if (ch === null) return null;
    out += raw.slice(at, amp) + ch;
    at = semi + 1;
  }
  return out + raw.slice(at);
}

/**
 * Elements of the parts read that hold only elements, never text (SpreadsheetML, relationships, content types,
 * DrawingML text runs): non-blank text in one is a tag broken by damage, whatever else still parses.
 */
const ELEMENT_ONLY: ReadonlySet<string> = new Set([
  'Types',
  'Relationships',
  'workbook',
  'sheets',
  'sheet',
  'bookViews',
  'definedNames',
  'worksheet',
  'sheetPr',
  'sheetViews',
  'sheetView',
  'cols',
  'sheetData',
  'row',
  'c',
  'is',
  'mergeCells',
  'mergeCell',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'headerFooter',
  'extLst',
  'ext',
  'sst',
  'si',
  'r',
  'styleSheet',
  'numFmts',
  'fonts',
  'font',
  'fills',
  'fill',
  'borders',
  'border',
  'left',
  'right',
  'top',
  'bottom',
  'cellStyleXfs',
  'cellXfs',
  'xf',
  'cellStyles',
  'dxfs',
  'dxf',
]);

/**
 * Scan XML once, calling the handler; false when it is not well-formed (unbalanced or unclosed tags, a bad
 * name or reference, text outside the root or in an element-only element, a DTD — OOXML never has one). Linear in the text's length.
 */
export function scanXml(text: string, handler: XmlHandler = {}): boolean {
  const n = text.length;
  const stack: string[] = [];
  let rootDone = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // The next '&' (a reference to check), found once and again only when passed: text without references is
  // neither cut out nor searched twice when no handler wants it.
  let nextAmp = -1;
  while (i < n) {
    const lt = text.indexOf('<', i);
    const end = lt < 0 ? n : lt;
    if (end > i) {
      if (stack.length === 0) {
        // Outside the root only blanks.
        for (let k = i; k < end; k++) if (!isBlank(text.charCodeAt(k))) return false;
      } else {
        // Text where only elements may stand (a '<' lost turns `<c r="B6"/>` or `<sheet …/>` into text): damage.
        if (ELEMENT_ONLY.has(localName(stack[stack.length - 1] as string))) {
          for (let k = i; k < end; k++) if (!isBlank(text.charCodeAt(k))) return false;
        }
        if (nextAmp < i && nextAmp !== n) nextAmp = text.indexOf('&', i) < 0 ? n : text.indexOf('&', i);
        if (handler.text || nextAmp < end) {
          const value = unescapeXml(text.slice(i, end));
          if (value === null) return false;
          handler.text?.(value);
        }
      }
    }
    if (lt < 0) break;
    if (text.startsWith('<?', lt)) {
      const close = text.indexOf('?>', lt + 2);
      if (close < 0) return false;
      i = close + 2;
      continue;
    }
    if (text.startsWith('<!--', lt)) {
      const close = text.indexOf('-->', lt + 4);
      if (close < 0) return false;
      i = close + 3;
      continue;
    }
    if (text.startsWith('<![CDATA[', lt)) {
      const close = text.indexOf(']]>', lt + 9);
      if (close < 0 || stack.length === 0) return false;
      handler.text?.(text.slice(lt + 9, close));
      i = close + 3;
      continue;
    }
    if (text.startsWith('<!', lt)) return false;
    const gt = findTagEnd(text, lt + 1);
    if (gt < 0) return false;
    if (text.charCodeAt(lt + 1) === 0x2f /* / */) {
      const name = text.slice(lt + 2, gt).trimEnd();
      if (stack.pop() !== name) return false;
      handler.close?.(name);
      if (stack.length === 0) rootDone = true;
      i = gt + 1;
      continue;
    }
    const selfClosing = text.charCodeAt(gt - 1) === 0x2f;
    const wanted =
      handler.open !== undefined &&
      (!handler.attributesOf || handler.attributesOf.has(localNameAt(text, lt + 1, gt)));
    const attrs: Record<string, string> | null = wanted ? Object.create(null) : null;
    const name = parseTag(text, lt + 1, selfClosing ? gt - 1 : gt, attrs);
    if (name === null) return false;
    if (stack.length === 0 && rootDone) return false;
    handler.open?.(name, attrs ?? NO_ATTRS, stack.length);
    if (selfClosing) {
      handler.close?.(name);
      if (stack.length === 0) rootDone = true;
    } else stack.push(name);
    i = gt + 1;
  }
  return stack.length === 0 && rootDone;
}

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x9 || code === 0xa || code === 0xd;
}

/** Where a name ends: a blank, / > = < or a quote. */
function isNameEnd(code: number): boolean {
  return (
    isBlank(code) ||
    code === 0x2f ||
    code === 0x3e ||
    code === 0x3d ||
    code === 0x3c ||
    code === 0x22 ||
    code === 0x27 ||
    Number.isNaN(code)
  );
}

/** The `>` that ends a tag starting at `from`, skipping quoted attribute values; -1 when there is none. */
function findTagEnd(text: string, from: number): number {
  let quote = 0;
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (quote !== 0) {
      if (code === quote) quote = 0;
    } else if (code === 0x22 || code === 0x27) quote = code;
    else if (code === 0x3e) return i;
    else if (code === 0x3c) return -1;
  }
  return -1;
}

const NO_ATTRS: Record<string, string> = Object.freeze(Object.create(null));

/** The local name of the tag starting at `from` (before `to`), without allocating more than the name. */
function localNameAt(text: string, from: number, to: number): string {
  let j = from;
  let start = from;
  while (j < to && !isNameEnd(text.charCodeAt(j))) {
    if (text.charCodeAt(j) === 0x3a) start = j + 1;
    j++;
  }
  return text.slice(start, j);
}

/** Attribute names of the tag being checked, reused: a bare scan allocates nothing per attribute. */
const seenNames: string[] = [];

/**
 * Check a start tag (between < and > or />) and return its name, or null when it is malformed: attributes
 * separated by blanks, quoted, no < in a value, every & a reference, none twice. Attributes go into `attrs`
 * when given (resolved), else are only checked.
 */
function parseTag(
  text: string,
  from: number,
  to: number,
  attrs: Record<string, string> | null,
): string | null {
  let j = from;
  while (j < to && !isNameEnd(text.charCodeAt(j))) j++;
  const name = text.slice(from, j);
  if (!isName(name)) return null;
  seenNames.length = 0;
  let i = j;
  while (i < to) {
    if (isBlank(text.charCodeAt(i))) {
      i++;
      continue;
    }
    // An attribute must be separated from the name or the previous value by blanks.
    if (!isBlank(text.charCodeAt(i - 1))) return null;
    j = i;
    while (j < to && !isNameEnd(text.charCodeAt(j))) j++;
    const attr = text.slice(i, j);
    if (!isName(attr)) return null;
    while (j < to && isBlank(text.charCodeAt(j))) j++;
    if (text.charCodeAt(j) !== 0x3d) return null;
    j++;
    while (j < to && isBlank(text.charCodeAt(j))) j++;
    const quote = text.charCodeAt(j);
    if (quote !== 0x22 && quote !== 0x27) return null;
    const close = text.indexOf(quote === 0x22 ? '"' : "'", j + 1);
    if (close < 0 || close >= to) return null;
    if (seenNames.includes(attr)) return null;
    seenNames.push(attr);
    let refs = false;
    for (let k = j + 1; k < close; k++) {
      const code = text.charCodeAt(k);
      if (code === 0x3c) return null;
      if (code === 0x26) refs = true;
    }
    if (attrs || refs) {
      const value = unescapeXml(text.slice(j + 1, close));
      if (value === null) return null;
      if (attrs) attrs[attr] = value;
    }
    i = close + 1;
  }
  return name;
}

function isName(name: string): boolean {
  if (name === '') return false;
  const first = name.charCodeAt(0);
  // Not a digit, '-' or '.' first; the rest were cut at blanks, quotes, = / < >.
  return !(first >= 0x30 && first <= 0x39) && first !== 0x2d && first !== 0x2e;
}

/** Decode an XML part: UTF-8 (strictly), or UTF-16 with its byte-order mark. Null when it is neither. */
function decodePart(data: Uint8Array): string | null {
  try {
    if (data[0] === 0xff && data[1] === 0xfe)
      return new TextDecoder('utf-16le', { fatal: true }).decode(data);
    if (data[0] === 0xfe && data[1] === 0xff)
      return new TextDecoder('utf-16be', { fatal: true }).decode(data);
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return null;
  }
}

/** The parts that decide what is read; drawings, themes, media and the like are not SheetJS's concern here. */
function isCheckedPart(name: string): boolean {
  return (
    name === '[Content_Types].xml' ||
    /(?:^|\/)_rels\/[^/]*\.rels$/.test(name) ||
    /^xl\/[^/]+\.xml$/.test(name) ||
    /^xl\/(?:worksheets|chartsheets|dialogsheets|macrosheets)\/[^/]+\.xml$/.test(name)
  );
}

/** A plain decimal number as Excel stores it: 12, -3.5, 1.5E-3; no hex, no comma, no blanks, finite. */
const DECIMAL_RE = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d{1,3})?$/;

export function isStoredDecimal(text: string): boolean {
  return text.length <= 64 && DECIMAL_RE.test(text) && Number.isFinite(Number(text));
}

const CELL_REF_RE = /^([A-Z]{1,3})([1-9]\d{0,6})$/;
const CELL_ELEMENTS: ReadonlySet<string> = new Set(['row', 'c']);

function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

function columnLetters(n: number): string {
  let out = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) out = String.fromCharCode(65 + ((c - 1) % 26)) + out;
  return out;
}

/** A number cell whose stored value is no plain decimal: which sheet part, which cell, what it holds. */
export interface BadNumber {
  part: string;
  cell: string;
  text: string;
}

/** Why a sheet's cells cannot be trusted: broken XML (damage), or a bad stored number. */
type SheetProblem = { damage: true } | { bad: BadNumber };

/**
 * Check a worksheet's cells: `r` references well formed, each value right for its type (a number is a plain
 * decimal, a shared string index exists, a boolean is 0 or 1). The first problem is returned.
 */
function checkSheetCells(part: string, text: string, sharedCount: number): SheetProblem | null {
  let problem: SheetProblem | null = null;
  let row = 0;
  let col = 0;
  let type = 'n';
  let cell = '';
  let value: string | null = null;
  const ok = scanXml(text, {
    attributesOf: CELL_ELEMENTS,
    open: (name, attrs) => {
      if (problem) return;
      const local = localName(name);
      if (local === 'row') {
        const r = attrs.r;
        if (r !== undefined && !/^[1-9]\d{0,6}$/.test(r)) problem = { damage: true };
        row = r !== undefined ? Number(r) : row + 1;
        col = 0;
      } else if (local === 'c') {
        const r = attrs.r;
        if (r !== undefined) {
          const m = CELL_REF_RE.exec(r);
          if (!m) {
            problem = { damage: true };
            return;
          }
          col = columnNumber(m[1] as string);
          cell = r;
        } else {
          col++;
          cell = `${columnLetters(col)}${row}`;
        }
        type = attrs.t ?? 'n';
        if (!['n', 's', 'b', 'e', 'str', 'inlineStr', 'd'].includes(type)) problem = { damage: true };
      } else if (local === 'v') value = '';
    },
    text: (t) => {
      if (value !== null) value += t;
    },
    close: (name) => {
      if (problem || value === null || localName(name) !== 'v') return;
      const v = value.trim();
      value = null;
      const bad = () => {
        problem = { bad: { part, cell, text: v.length > 40 ? `${v.slice(0, 40)}…` : v } };
      };
      if (type === 'n' && !isStoredDecimal(v)) bad();
      // A shared string that does not exist, a boolean that is neither: the sheet is broken, not a figure.
      else if (type === 's' && (!/^\d{1,9}$/.test(v) || Number(v) >= sharedCount)) problem = { damage: true };
      else if (type === 'b' && !['0', '1', 'true', 'false'].includes(v)) problem = { damage: true };
      else if (type === 'd' && Number.isNaN(Date.parse(v))) problem = { damage: true };
    },
  });
  if (!ok) return { damage: true };
  return problem;
}

/** Which sheet each sheet part holds, and of what kind, read from the workbook and its relationships. */
export interface SheetPart {
  name: string;
  part: string;
  kind: 'worksheet' | 'chartsheet' | 'other';
}

export type PackageCheck =
  | { ok: true; sheets: SheetPart[] }
  | { ok: false; damage: FileDamage }
  | { ok: false; bad: BadNumber & { sheet: string } };

/** Resolve a relationship target against the folder of the part that names it (xl/ + worksheets/sheet1.xml). */
function resolveTarget(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return parts.join('/');
}

/** The relationships of a part: id → { type, target } (targets resolved). */
function relationships(
  texts: Map<string, string>,
  part: string,
): Map<string, { type: string; target: string }> {
  const folder = part.split('/').slice(0, -1).join('/');
  const file = part.split('/').pop() ?? '';
  const relsPath = `${folder ? `${folder}/` : ''}_rels/${file}.rels`;
  const out = new Map<string, { type: string; target: string }>();
  const text = texts.get(relsPath);
  if (text === undefined) return out;
  scanXml(text, {
    open: (name, attrs) => {
      if (localName(name) !== 'Relationship' || !attrs.Id || attrs.Target === undefined) return;
      if (attrs.TargetMode === 'External') return;
      out.set(attrs.Id, { type: attrs.Type ?? '', target: resolveTarget(part, attrs.Target) });
    },
  });
  return out;
}

/** The sheets of the workbook part, in order, with the part each lives in. */
function sheetParts(texts: Map<string, string>): SheetPart[] {
  const root = relationships(texts, '');
  let workbook = 'xl/workbook.xml';
  for (const rel of root.values()) if (rel.type.endsWith('/officeDocument')) workbook = rel.target;
  const rels = relationships(texts, workbook);
  const out: SheetPart[] = [];
  const text = texts.get(workbook);
  if (text === undefined) return out;
  scanXml(text, {
    open: (name, attrs) => {
      if (localName(name) !== 'sheet' || attrs.name === undefined) return;
      const idKey = Object.keys(attrs).find((k) => k.includes(':') && localName(k) === 'id');
      const rel = idKey ? rels.get(attrs[idKey] as string) : undefined;
      const type = rel?.type ?? '';
      const kind = type.endsWith('/worksheet')
        ? 'worksheet'
        : type.endsWith('/chartsheet')
          ? 'chartsheet'
          : 'other';
      out.push({ name: attrs.name, part: rel?.target ?? '', kind });
    },
  });
  return out;
}

/**
 * Check the XML of a verified package: the parts that decide what is read are well-formed, and every sheet's
 * number cells hold plain decimals. Returns which sheet lives in which part (for the reader's messages).
 */
export function checkPackageXml(entries: readonly ZipEntry[]): PackageCheck {
  const texts = new Map<string, string>();
  for (const e of entries) {
    if (!isCheckedPart(e.name)) continue;
    const text = decodePart(e.data);
    if (text === null) return { ok: false, damage: { kind: 'xml', part: e.name } };
    texts.set(e.name, text);
  }
  // Which part holds which sheet first, so that a broken sheet part is named by its sheet.
  const sheets = sheetParts(texts);
  const sheetOf = new Map(sheets.map((s) => [s.part, s.name]));
  let sharedCount = 0;
  // Worksheet parts are checked (well-formedness included) with their cells below, in one scan.
  const cellParts = new Set(sheets.filter((s) => s.kind === 'worksheet').map((s) => s.part));
  for (const [part, text] of texts) {
    if (cellParts.has(part)) continue;
    const isShared = /(?:^|\/)sharedStrings\.xml$/.test(part);
    const ok = scanXml(text, {
      open: (name, _attrs, depth) => {
        if (isShared && depth === 1 && localName(name) === 'si') sharedCount++;
      },
    });
    if (ok) continue;
    const sheet = sheetOf.get(part);
    return {
      ok: false,
      damage: sheet !== undefined ? { kind: 'sheet', part: sheet } : { kind: 'xml', part },
    };
  }
  for (const sheet of sheets) {
    if (sheet.kind !== 'worksheet') continue;
    const text = texts.get(sheet.part);
    if (text === undefined) continue;
    const problem = checkSheetCells(sheet.part, text, sharedCount);
    if (!problem) continue;
    if ('bad' in problem) return { ok: false, bad: { ...problem.bad, sheet: sheet.name } };
    return { ok: false, damage: { kind: 'sheet', part: sheet.name } };
  }
  return { ok: true, sheets };
}
