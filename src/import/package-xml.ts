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
 * What a scan reports, by offsets into the text: nothing is cut out of it unless the sink asks. An element's
 * attributes, when `open` is called, are those of the tag just read (`tagAttrs`, `tagAttrCount`).
 */
interface Sink {
  /** An element opened; its qualified name is text[from, nameEnd). */
  open(text: string, from: number, nameEnd: number, depth: number): void;
  /** An element closed (a self-closing one right after its open). */
  close(text: string, from: number, nameEnd: number): void;
  /** Text between tags, text[start, end): `refs` when it holds references (already checked). */
  text(text: string, start: number, end: number, refs: boolean): void;
  /** The content of a CDATA section, taken as it is. */
  cdata(text: string, start: number, end: number): void;
}

/**
 * The attributes of the start tag just read, five numbers each: name start, name end, value start, value end
 * (inside the quotes), and 1 when the value holds references. Reused: a scan allocates nothing per attribute.
 */
const tagAttrs: number[] = [];
let tagAttrCount = 0;
/** Where the name of the start tag just read ends, and whether it closed itself (`/>`). */
let tagNameEnd = 0;
let tagSelfClosing = false;

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x9 || code === 0xa || code === 0xd;
}

/** A name may not start with a digit, '-' or '.' (the rest were cut at blanks, quotes, = / < >). */
function isNameStart(code: number): boolean {
  return !(code >= 0x30 && code <= 0x39) && code !== 0x2d && code !== 0x2e;
}

/** Whether text[a, a+len) and text[b, b+len) hold the same characters. */
function sameRange(text: string, a: number, b: number, len: number): boolean {
  for (let k = 0; k < len; k++) if (text.charCodeAt(a + k) !== text.charCodeAt(b + k)) return false;
  return true;
}

/** Whether text[from, to) spells `word`. */
function spells(text: string, from: number, to: number, word: string): boolean {
  if (to - from !== word.length) return false;
  for (let k = 0; k < word.length; k++) if (text.charCodeAt(from + k) !== word.charCodeAt(k)) return false;
  return true;
}

/** The code point a numeric reference text[from, to) (after `&#`, before `;`) stands for, or -1. */
function numericReference(text: string, from: number, to: number): number {
  const hex = text.charCodeAt(from) === 0x78; /* x */
  const start = hex ? from + 1 : from;
  const digits = to - start;
  if (digits < 1 || digits > (hex ? 6 : 7)) return -1;
  let code = 0;
  for (let k = start; k < to; k++) {
    const c = text.charCodeAt(k);
    let d: number;
    if (c >= 0x30 && c <= 0x39) d = c - 0x30;
    else if (hex && c >= 0x61 && c <= 0x66) d = c - 0x57;
    else if (hex && c >= 0x41 && c <= 0x46) d = c - 0x37;
    else return -1;
    code = code * (hex ? 16 : 10) + d;
  }
  return code;
}

/** Whether every `&` in text[from, to) starts a valid reference (&amp; &#20013; &#x6587; …), without cutting. */
function referencesValid(text: string, from: number, to: number): boolean {
  for (let amp = text.indexOf('&', from); amp >= 0 && amp < to; amp = text.indexOf('&', amp + 1)) {
    const semi = text.indexOf(';', amp + 1);
    // The longest reference is &#x10FFFF; (10 characters).
    if (semi < 0 || semi >= to || semi - amp > 10) return false;
    if (text.charCodeAt(amp + 1) === 0x23 /* # */) {
      if (!isXmlChar(numericReference(text, amp + 2, semi))) return false;
    } else if (
      !spells(text, amp + 1, semi, 'amp') &&
      !spells(text, amp + 1, semi, 'lt') &&
      !spells(text, amp + 1, semi, 'gt') &&
      !spells(text, amp + 1, semi, 'quot') &&
      !spells(text, amp + 1, semi, 'apos')
    ) {
      return false;
    }
  }
  return true;
}

/** Characters that end a name (a blank, / > = < or a quote), by code below 128. */
const NAME_END = (() => {
  const table = new Uint8Array(128);
  for (const ch of ' \t\n\r/>=<"\'') table[ch.charCodeAt(0)] = 1;
  return table;
})();

/** Where the name starting at `from` ends (before `limit`). */
function nameEndFrom(text: string, from: number, limit: number): number {
  let i = from;
  for (; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 128 && NAME_END[c] === 1) break;
  }
  return i;
}

/**
 * The next `&` at or after `from` (the text's length when none is left), for the scan under way: found once
 * and again only when passed, so that text and values without references are never searched twice. (Scans
 * do not nest: no sink starts one.)
 */
let nextAmp = -1;

function ampFrom(text: string, from: number): number {
  if (nextAmp < from) {
    const k = text.indexOf('&', from);
    nextAmp = k < 0 ? text.length : k;
  }
  return nextAmp;
}

/**
 * Read and check the start tag whose name begins at `from` (just after `<`): a name, then attributes each
 * after blanks, `name = "value"` quoted, every `&` a reference, none twice; then `>` or `/>`, all before
 * `limit`, the next `<` of the text (a `<` inside a tag, quoted or not, is malformed). Returns where its `>` is
 * (attributes in `tagAttrs`), or -1 when it is malformed or never ends.
 */
function readStartTag(text: string, from: number, limit: number): number {
  let i = nameEndFrom(text, from, limit);
  if (i === from || !isNameStart(text.charCodeAt(from))) return -1;
  tagNameEnd = i;
  tagAttrCount = 0;
  for (;;) {
    const afterValue = i;
    while (i < limit && isBlank(text.charCodeAt(i))) i++;
    if (i >= limit) return -1;
    const c = text.charCodeAt(i);
    if (c === 0x3e /* > */) {
      tagSelfClosing = false;
      return i;
    }
    if (c === 0x2f /* / */) {
      if (i + 1 >= limit || text.charCodeAt(i + 1) !== 0x3e) return -1;
      tagSelfClosing = true;
      return i + 1;
    }
    // An attribute must be separated from the name or the previous value by blanks.
    if (i === afterValue) return -1;
    const nameStart = i;
    i = nameEndFrom(text, i, limit);
    const nameEnd = i;
    if (nameEnd === nameStart || !isNameStart(c)) return -1;
    while (i < limit && isBlank(text.charCodeAt(i))) i++;
    if (i >= limit || text.charCodeAt(i) !== 0x3d /* = */) return -1;
    i++;
    while (i < limit && isBlank(text.charCodeAt(i))) i++;
    if (i >= limit) return -1;
    const quote = text.charCodeAt(i);
    if (quote !== 0x22 && quote !== 0x27) return -1;
    const valueStart = ++i;
    const valueEnd = text.indexOf(quote === 0x22 ? '"' : "'", valueStart);
    if (valueEnd < 0 || valueEnd >= limit) return -1;
    i = valueEnd + 1;
    const refs = ampFrom(text, valueStart) < valueEnd ? 1 : 0;
    if (refs && !referencesValid(text, valueStart, valueEnd)) return -1;
    const len = nameEnd - nameStart;
    for (let a = 0; a < tagAttrCount; a++) {
      const s = tagAttrs[5 * a] as number;
      if ((tagAttrs[5 * a + 1] as number) - s === len && sameRange(text, s, nameStart, len)) return -1;
    }
    const at = 5 * tagAttrCount++;
    tagAttrs[at] = nameStart;
    tagAttrs[at + 1] = nameEnd;
    tagAttrs[at + 2] = valueStart;
    tagAttrs[at + 3] = valueEnd;
    tagAttrs[at + 4] = refs;
  }
}

/** The value of the tag just read's attribute named exactly `name`, references resolved; undefined when absent. */
function tagAttr(text: string, name: string): string | undefined {
  for (let a = 0; a < tagAttrCount; a++) {
    const at = 5 * a;
    if (!spells(text, tagAttrs[at] as number, tagAttrs[at + 1] as number, name)) continue;
    const raw = text.slice(tagAttrs[at + 2], tagAttrs[at + 3]);
    return tagAttrs[at + 4] ? (unescapeXml(raw) as string) : raw;
  }
  return undefined;
}

/** Where the local part of the name text[from, to) starts (after its prefix's colon, if any). */
function localStart(text: string, from: number, to: number): number {
  for (let k = to - 1; k >= from; k--) if (text.charCodeAt(k) === 0x3a) return k + 1;
  return from;
}

/**
 * Scan XML once, reporting to the sink; false when it is not well-formed (unbalanced or unclosed tags, a bad
 * name or reference, text outside the root or in an element-only element, a DTD — OOXML never has one).
 * Linear in the text's length: each character is looked at a bounded number of times, and nothing is cut
 * out of the text but what the sink asks for.
 */
function scan(text: string, sink: Sink | null): boolean {
  const n = text.length;
  // The open elements: where each one's name starts and ends, and whether it may hold text (-1: not yet known).
  const nameStarts: number[] = [];
  const nameEnds: number[] = [];
  const mayHoldText: number[] = [];
  let depth = 0;
  let rootDone = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  nextAmp = -1;
  // The next '<' when already known (found while reading the start tag before it); n when there is none.
  let knownLt = -1;
  while (i < n) {
    let lt = knownLt >= i ? knownLt : text.indexOf('<', i);
    if (lt >= n) lt = -1;
    const end = lt < 0 ? n : lt;
    if (end > i) {
      // Outside the root only blanks; and where only elements may stand (a '<' lost turns `<c r="B6"/>` or
      // `<sheet …/>` into text) too.
      if (depth === 0 || !holdsText(text, depth - 1, nameStarts, nameEnds, mayHoldText)) {
        for (let k = i; k < end; k++) if (!isBlank(text.charCodeAt(k))) return false;
      }
      if (depth > 0) {
        const refs = ampFrom(text, i) < end;
        if (refs && !referencesValid(text, i, end)) return false;
        sink?.text(text, i, end, refs);
      }
    }
    if (lt < 0) break;
    const next = text.charCodeAt(lt + 1);
    if (next === 0x3f /* ? */) {
      const close = text.indexOf('?>', lt + 2);
      if (close < 0) return false;
      i = close + 2;
      continue;
    }
    if (next === 0x21 /* ! */) {
      if (text.startsWith('<!--', lt)) {
        const close = text.indexOf('-->', lt + 4);
        if (close < 0) return false;
        i = close + 3;
        continue;
      }
      if (!text.startsWith('<![CDATA[', lt)) return false;
      const close = text.indexOf(']]>', lt + 9);
      if (close < 0 || depth === 0) return false;
      sink?.cdata(text, lt + 9, close);
      i = close + 3;
      continue;
    }
    if (next === 0x2f /* / */) {
      if (depth === 0) return false;
      const from = nameStarts[depth - 1] as number;
      const to = nameEnds[depth - 1] as number;
      let j = lt + 2;
      if (!sameRange(text, from, j, to - from)) return false;
      j += to - from;
      while (j < n && isBlank(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) !== 0x3e) return false;
      depth--;
      sink?.close(text, from, to);
      if (depth === 0) rootDone = true;
      i = j + 1;
      continue;
    }
    if (depth === 0 && rootDone) return false;
    const after = text.indexOf('<', lt + 1);
    knownLt = after < 0 ? n : after;
    const gt = readStartTag(text, lt + 1, knownLt);
    if (gt < 0) return false;
    const nameEnd = tagNameEnd;
    sink?.open(text, lt + 1, nameEnd, depth);
    if (tagSelfClosing) {
      sink?.close(text, lt + 1, nameEnd);
      if (depth === 0) rootDone = true;
    } else {
      nameStarts[depth] = lt + 1;
      nameEnds[depth] = nameEnd;
      mayHoldText[depth] = -1;
      depth++;
    }
    i = gt + 1;
  }
  return depth === 0 && rootDone;
}

/** Whether the open element at `level` may hold text (it is not one of ELEMENT_ONLY); decided once per element. */
function holdsText(
  text: string,
  level: number,
  nameStarts: number[],
  nameEnds: number[],
  mayHoldText: number[],
): boolean {
  let known = mayHoldText[level] as number;
  if (known < 0) {
    const to = nameEnds[level] as number;
    const local = text.slice(localStart(text, nameStarts[level] as number, to), to);
    known = ELEMENT_ONLY.has(local) ? 0 : 1;
    mayHoldText[level] = known;
  }
  return known === 1;
}

/** Text between tags with its references resolved (they were checked by the scan). */
function textOf(text: string, start: number, end: number, refs: boolean): string {
  const raw = text.slice(start, end);
  return refs ? (unescapeXml(raw) as string) : raw;
}

/** A sink that calls a handler of names and strings (for the small parts: relationships, the workbook). */
function handlerSink(handler: XmlHandler): Sink {
  return {
    open(text, from, nameEnd, depth) {
      if (!handler.open) return;
      const name = text.slice(from, nameEnd);
      let attrs = NO_ATTRS;
      if (!handler.attributesOf || handler.attributesOf.has(localName(name))) {
        attrs = Object.create(null);
        for (let a = 0; a < tagAttrCount; a++) {
          const at = 5 * a;
          const value = text.slice(tagAttrs[at + 2], tagAttrs[at + 3]);
          attrs[text.slice(tagAttrs[at], tagAttrs[at + 1])] = tagAttrs[at + 4]
            ? (unescapeXml(value) as string)
            : value;
        }
      }
      handler.open(name, attrs, depth);
    },
    close(text, from, nameEnd) {
      handler.close?.(text.slice(from, nameEnd));
    },
    text(text, start, end, refs) {
      handler.text?.(textOf(text, start, end, refs));
    },
    cdata(text, start, end) {
      handler.text?.(text.slice(start, end));
    },
  };
}

const NO_ATTRS: Record<string, string> = Object.freeze(Object.create(null));

/**
 * Scan XML once, calling the handler; false when it is not well-formed (see `scan`). Attributes are given to
 * `open` for the elements in `attributesOf` (all when absent).
 */
export function scanXml(text: string, handler: XmlHandler = {}): boolean {
  return scan(text, handler.open || handler.close || handler.text ? handlerSink(handler) : null);
}

/** Strict decoders, made once (a decoder is reusable: each non-streaming decode starts afresh). */
const UTF8 = new TextDecoder('utf-8', { fatal: true });
const UTF16LE = new TextDecoder('utf-16le', { fatal: true });
const UTF16BE = new TextDecoder('utf-16be', { fatal: true });

/** Decode an XML part: UTF-8 (strictly), or UTF-16 with its byte-order mark. Null when it is neither. */
function decodePart(data: Uint8Array): string | null {
  try {
    if (data[0] === 0xff && data[1] === 0xfe) return UTF16LE.decode(data);
    if (data[0] === 0xfe && data[1] === 0xff) return UTF16BE.decode(data);
    return UTF8.decode(data);
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

/** The column of a cell reference such as B12 (A–XFD, row 1–9999999), or 0 when it is none. */
export function referenceColumn(ref: string): number {
  let col = 0;
  let k = 0;
  for (; k < ref.length && k < 3; k++) {
    const c = ref.charCodeAt(k);
    if (c < 0x41 || c > 0x5a) break;
    col = col * 26 + (c - 64);
  }
  const digits = ref.length - k;
  if (k === 0 || digits < 1 || digits > 7 || ref.charCodeAt(k) === 0x30) return 0;
  for (; k < ref.length; k++) {
    const c = ref.charCodeAt(k);
    if (c < 0x30 || c > 0x39) return 0;
  }
  return col;
}

/** A row number as stored: 1–9999999, no sign, no leading zero. */
function isRowNumber(r: string): boolean {
  if (r.length < 1 || r.length > 7 || r.charCodeAt(0) === 0x30) return false;
  for (let k = 0; k < r.length; k++) {
    const c = r.charCodeAt(k);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
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

const CELL_TYPES: ReadonlySet<string> = new Set(['n', 's', 'b', 'e', 'str', 'inlineStr', 'd']);

/**
 * Follows a worksheet's cells through a scan: `r` references well formed, each value right for its type (a
 * number is a plain decimal, a shared string index exists, a boolean is 0 or 1). Keeps the first problem.
 */
class CellChecker implements Sink {
  problem: SheetProblem | null = null;
  private row = 0;
  private col = 0;
  private type = 'n';
  /** The cell's reference as written, or '' when it has none (then made from row and column on need). */
  private ref = '';
  /** The text of the <v> being read, or null outside one. */
  private value: string | null = null;

  constructor(
    private readonly part: string,
    private readonly sharedCount: number,
  ) {}

  open(text: string, from: number, nameEnd: number): void {
    if (this.problem) return;
    const local = localStart(text, from, nameEnd);
    if (spells(text, local, nameEnd, 'c')) {
      const r = tagAttr(text, 'r');
      if (r !== undefined) {
        const col = referenceColumn(r);
        if (col === 0) {
          this.problem = { damage: true };
          return;
        }
        this.col = col;
        this.ref = r;
      } else {
        this.col++;
        this.ref = '';
      }
      this.type = tagAttr(text, 't') ?? 'n';
      if (!CELL_TYPES.has(this.type)) this.problem = { damage: true };
    } else if (spells(text, local, nameEnd, 'v')) {
      this.value = '';
    } else if (spells(text, local, nameEnd, 'row')) {
      const r = tagAttr(text, 'r');
      if (r !== undefined && !isRowNumber(r)) this.problem = { damage: true };
      this.row = r !== undefined ? Number(r) : this.row + 1;
      this.col = 0;
    }
  }

  text(text: string, start: number, end: number, refs: boolean): void {
    if (this.value !== null) this.value += textOf(text, start, end, refs);
  }

  cdata(text: string, start: number, end: number): void {
    if (this.value !== null) this.value += text.slice(start, end);
  }

  close(text: string, from: number, nameEnd: number): void {
    if (this.problem || this.value === null || !spells(text, localStart(text, from, nameEnd), nameEnd, 'v')) {
      return;
    }
    const v = this.value.trim();
    this.value = null;
    const type = this.type;
    if (type === 'n') {
      if (!isStoredDecimal(v)) {
        const cell = this.ref || `${columnLetters(this.col)}${this.row}`;
        this.problem = { bad: { part: this.part, cell, text: v.length > 40 ? `${v.slice(0, 40)}…` : v } };
      }
    }
    // A shared string that does not exist, a boolean that is neither: the sheet is broken, not a figure.
    else if (type === 's' && (!/^\d{1,9}$/.test(v) || Number(v) >= this.sharedCount))
      this.problem = { damage: true };
    else if (type === 'b' && !['0', '1', 'true', 'false'].includes(v)) this.problem = { damage: true };
    else if (type === 'd' && Number.isNaN(Date.parse(v))) this.problem = { damage: true };
  }
}

/** Check a worksheet's cells (and its XML) in one scan; the first problem is returned. */
function checkSheetCells(part: string, text: string, sharedCount: number): SheetProblem | null {
  const checker = new CellChecker(part, sharedCount);
  if (!scan(text, checker)) return { damage: true };
  return checker.problem;
}

/** Counts the <si> items of a shared-strings part while it is scanned. */
class SharedStringCounter implements Sink {
  count = 0;
  open(text: string, from: number, nameEnd: number, depth: number): void {
    if (depth === 1 && spells(text, localStart(text, from, nameEnd), nameEnd, 'si')) this.count++;
  }
  close(): void {}
  text(): void {}
  cdata(): void {}
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

const RELATIONSHIP: ReadonlySet<string> = new Set(['Relationship']);
const SHEET: ReadonlySet<string> = new Set(['sheet']);

/**
 * The relationships of a part: id → { type, target } (targets resolved). Whether the relationships part is
 * well-formed goes into `wellFormed`, so that it is not scanned again.
 */
function relationships(
  texts: Map<string, string>,
  part: string,
  wellFormed: Map<string, boolean>,
): Map<string, { type: string; target: string }> {
  const folder = part.split('/').slice(0, -1).join('/');
  const file = part.split('/').pop() ?? '';
  const relsPath = `${folder ? `${folder}/` : ''}_rels/${file}.rels`;
  const out = new Map<string, { type: string; target: string }>();
  const text = texts.get(relsPath);
  if (text === undefined) return out;
  const ok = scanXml(text, {
    attributesOf: RELATIONSHIP,
    open: (name, attrs) => {
      if (localName(name) !== 'Relationship' || !attrs.Id || attrs.Target === undefined) return;
      if (attrs.TargetMode === 'External') return;
      out.set(attrs.Id, { type: attrs.Type ?? '', target: resolveTarget(part, attrs.Target) });
    },
  });
  wellFormed.set(relsPath, ok);
  return out;
}

/** The sheets of the workbook part, in order, with the part each lives in; the parts scanned go into `wellFormed`. */
function sheetParts(texts: Map<string, string>, wellFormed: Map<string, boolean>): SheetPart[] {
  const root = relationships(texts, '', wellFormed);
  let workbook = 'xl/workbook.xml';
  for (const rel of root.values()) if (rel.type.endsWith('/officeDocument')) workbook = rel.target;
  const rels = relationships(texts, workbook, wellFormed);
  const out: SheetPart[] = [];
  const text = texts.get(workbook);
  if (text === undefined) return out;
  const ok = scanXml(text, {
    attributesOf: SHEET,
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
  wellFormed.set(workbook, ok);
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
  const wellFormed = new Map<string, boolean>();
  const sheets = sheetParts(texts, wellFormed);
  const sheetOf = new Map(sheets.map((s) => [s.part, s.name]));
  let sharedCount = 0;
  // Worksheet parts are checked (well-formedness included) with their cells below, in one scan.
  const cellParts = new Set(sheets.filter((s) => s.kind === 'worksheet').map((s) => s.part));
  for (const [part, text] of texts) {
    if (cellParts.has(part)) continue;
    const counter = /(?:^|\/)sharedStrings\.xml$/.test(part) ? new SharedStringCounter() : null;
    // The workbook and its relationships were scanned (whole) for the sheets above.
    const known = counter ? undefined : wellFormed.get(part);
    const ok = known ?? scan(text, counter);
    if (counter) sharedCount += counter.count;
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
