// Verify an .xlsx package before anything parses it: every entry is inflated (fflate) with its size bounded by
// the size the directory declares, and its CRC-32 checked; SheetJS is then given the verified, inflated entries,
// so its own inflate (which never checks a CRC and loops past the end of a broken stream) never runs.
import { Inflate, inflateSync } from 'fflate';
import type { FileDamage } from '../domain/messages';

/** More parts than this is no workbook a county fills in (one sheet is 2–3 parts; real returns have ~20). */
export const MAX_ENTRIES = 5000;
/** A workbook may unpack to at most this many times its packed size (real returns: about 5–10×)… */
export const MAX_UNPACK_RATIO = 100;
/** …and never to more than this, whatever its packed size. */
export const MAX_UNPACKED_BYTES = 512 * 1024 * 1024;

export interface ZipEntry {
  /** The entry's name as stored (UTF-8). */
  name: string;
  data: Uint8Array;
  /** Its CRC-32, checked. */
  crc: number;
}

export type ZipCheck =
  | { ok: true; entries: ZipEntry[] }
  | { ok: false; bomb: true }
  | { ok: false; bomb?: false; damage: FileDamage };

const EOCD_SIG = 0x06054b50;
const CD_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
/** Compressed bytes handed to the inflater at a time: a lying stream overruns its declared size by at most
 *  1032× this before it is stopped. */
const INFLATE_CHUNK = 16 * 1024;

/**
 * CRC-32 tables for slicing by 8: table k gives the CRC of a byte followed by k zero bytes, so eight bytes are
 * folded in per step (about four times the speed of one byte per step on the parts of a workbook).
 */
const CRC_TABLES = (() => {
  const tables = new Int32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    tables[n] = c;
  }
  for (let n = 0; n < 256; n++) {
    let c = tables[n] as number;
    for (let k = 1; k < 8; k++) {
      c = (tables[c & 0xff] as number) ^ (c >>> 8);
      tables[k * 256 + n] = c;
    }
  }
  return tables;
})();

/** CRC-32 (the zip polynomial) of some bytes, unsigned. */
export function crc32(bytes: Uint8Array): number {
  const t = CRC_TABLES;
  let c = -1;
  let i = 0;
  for (const end = bytes.length - 7; i < end; i += 8) {
    const lo =
      c ^
      ((bytes[i] as number) |
        ((bytes[i + 1] as number) << 8) |
        ((bytes[i + 2] as number) << 16) |
        ((bytes[i + 3] as number) << 24));
    c =
      (t[1792 + (lo & 0xff)] as number) ^
      (t[1536 + ((lo >>> 8) & 0xff)] as number) ^
      (t[1280 + ((lo >>> 16) & 0xff)] as number) ^
      (t[1024 + (lo >>> 24)] as number) ^
      (t[768 + (bytes[i + 4] as number)] as number) ^
      (t[512 + (bytes[i + 5] as number)] as number) ^
      (t[256 + (bytes[i + 6] as number)] as number) ^
      (t[bytes[i + 7] as number] as number);
  }
  for (; i < bytes.length; i++) c = (t[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

const utf8 = new TextDecoder('utf-8');

/**
 * A name that stays inside the package: not empty, not absolute (/x, C:x, \\x), no `..` segment, no NUL.
 * Backslashes count as separators, as some tools write them.
 */
export function isInsidePackage(name: string): boolean {
  if (name === '' || name.includes('\0')) return false;
  const path = name.replace(/\\/g, '/');
  if (path.startsWith('/') || /^[a-zA-Z]:/.test(path)) return false;
  return !path.split('/').some((segment) => segment === '..');
}

/** Where the end-of-central-directory record is: the last signature whose directory ends right before it. */
function findEnd(view: DataView, length: number): number {
  const min = Math.max(0, length - 22 - 0xffff);
  for (let i = length - 22; i >= min; i--) {
    if (view.getUint32(i, true) !== EOCD_SIG) continue;
    const size = view.getUint32(i + 12, true);
    const offset = view.getUint32(i + 16, true);
    if (offset + size === i) return i;
  }
  return -1;
}

interface DirectoryEntry {
  name: string;
  nameBytes: Uint8Array;
  flags: number;
  method: number;
  crc: number;
  packed: number;
  size: number;
  local: number;
}

/**
 * Packed bytes, summed over a package, inflated in one call into a buffer of the declared size. One call is
 * several times faster than streaming for the many small parts of a workbook, but a lying stream keeps
 * decoding past a full buffer (up to 1032× its packed size): so only this much goes that way, bounding the
 * waste to about 260 MB of decoding (well under a second); the rest is streamed in chunks and stopped early.
 */
const ONE_CALL_PACKED_BYTES = 256 * 1024;

/** Inflate in one call into a buffer of exactly `size`; the stream must end and fill it exactly. */
function inflateOneCall(packed: Uint8Array, size: number): Uint8Array | 'stream' | 'size' {
  // One byte more than declared: a stream that writes into it produced more than its directory says.
  const out = new Uint8Array(size + 1);
  let result: Uint8Array;
  try {
    result = inflateSync(packed, { out });
  } catch {
    return 'stream';
  }
  // With a buffer given, fflate returns it whole when full, else the part written.
  if (result.length !== size) return 'size';
  return result;
}

/** Inflate a raw deflate stream to exactly `size` bytes, or say how it failed. Never loops past the input. */
function inflateStreamed(packed: Uint8Array, size: number): Uint8Array | 'stream' | 'size' {
  const out = new Uint8Array(size);
  let written = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    if (over) return;
    if (written + chunk.length > size) {
      over = true;
      return;
    }
    out.set(chunk, written);
    written += chunk.length;
  });
  try {
    for (let at = 0; at < packed.length && !over; at += INFLATE_CHUNK) {
      const end = Math.min(packed.length, at + INFLATE_CHUNK);
      inflater.push(packed.subarray(at, end), end === packed.length);
    }
    if (packed.length === 0) inflater.push(packed, true);
  } catch {
    return 'stream';
  }
  if (over || written !== size) return 'size';
  return out;
}

interface Directory {
  entries: DirectoryEntry[];
  /** Where the central directory starts: every entry's data lies before it. */
  start: number;
}

function readDirectory(bytes: Uint8Array, view: DataView): Directory | ZipCheck {
  const end = findEnd(view, bytes.length);
  // No end record: the file was cut off (or is no zip at all past its first bytes).
  if (end < 0) return { ok: false, damage: { kind: 'truncated' } };
  const disk = view.getUint16(end + 4, true);
  const cdDisk = view.getUint16(end + 6, true);
  const onDisk = view.getUint16(end + 8, true);
  const count = view.getUint16(end + 10, true);
  const cdOffset = view.getUint32(end + 16, true);
  // ZIP64 markers: sizes beyond 4 GB, far beyond any return.
  if (count === 0xffff || cdOffset === 0xffffffff) return { ok: false, bomb: true };
  if (disk !== 0 || cdDisk !== 0 || onDisk !== count) return { ok: false, damage: { kind: 'structure' } };
  if (count > MAX_ENTRIES) return { ok: false, damage: { kind: 'entries', count } };
  const entries: DirectoryEntry[] = [];
  let at = cdOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || view.getUint32(at, true) !== CD_SIG)
      return { ok: false, damage: { kind: 'structure' } };
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > end) return { ok: false, damage: { kind: 'structure' } };
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const packed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const local = view.getUint32(at + 42, true);
    if (packed === 0xffffffff || size === 0xffffffff || local === 0xffffffff)
      return { ok: false, bomb: true };
    entries.push({
      name: utf8.decode(nameBytes),
      nameBytes,
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      packed,
      size,
      local,
    });
    at = next;
  }
  // The directory must fill exactly the space the end record gives it.
  if (at !== end) return { ok: false, damage: { kind: 'structure' } };
  return { entries, start: cdOffset };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Check a zip package entry by entry. Damage of any kind (cut off, a changed byte, a lying size, parts
 * overlapping or outside the package) is reported; a package declaring far more than its size is a bomb.
 */
export function verifyZip(bytes: Uint8Array): ZipCheck {
  if (bytes.length < 22) return { ok: false, damage: { kind: 'truncated' } };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const read = readDirectory(bytes, view);
  if ('ok' in read) return read;
  const { entries: directory, start: cdStart } = read;
  let declared = 0;
  for (const e of directory) declared += e.size;
  if (declared > Math.min(MAX_UNPACKED_BYTES, bytes.length * MAX_UNPACK_RATIO + 1024 * 1024)) {
    return { ok: false, bomb: true };
  }
  const names = new Set<string>();
  // Each entry's data must lie between its own header and the next entry's: overlapping entries are how a
  // small file is made to unpack to gigabytes, and no tool writes them.
  const regions: { start: number; end: number }[] = [];
  const entries: ZipEntry[] = [];
  let oneCall = 0;
  for (const e of directory) {
    const part = e.name;
    if (!isInsidePackage(part)) return { ok: false, damage: { kind: 'path', part } };
    if (names.has(part)) return { ok: false, damage: { kind: 'duplicate', part } };
    names.add(part);
    // Encrypted entries (bit 0, bit 6 strong encryption, bit 13 masked directory) are not a workbook's.
    if (e.flags & 0x2041) return { ok: false, damage: { kind: 'method', part } };
    if (e.method !== 0 && e.method !== 8) return { ok: false, damage: { kind: 'method', part } };
    const at = e.local;
    if (at + 30 > cdStart || view.getUint32(at, true) !== LOCAL_SIG) {
      return { ok: false, damage: { kind: 'structure' } };
    }
    const localFlags = view.getUint16(at + 6, true);
    const localMethod = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 26, true);
    const extraLength = view.getUint16(at + 28, true);
    const start = at + 30 + nameLength + extraLength;
    const stop = start + e.packed;
    if (stop > cdStart) return { ok: false, damage: { kind: 'truncated' } };
    if (localMethod !== e.method || !sameBytes(bytes.subarray(at + 30, at + 30 + nameLength), e.nameBytes)) {
      return { ok: false, damage: { kind: 'structure' } };
    }
    // Without a data descriptor (bit 3) the local header repeats the checksum and sizes: they must agree.
    if (
      !(localFlags & 8) &&
      (view.getUint32(at + 14, true) !== e.crc ||
        view.getUint32(at + 18, true) !== e.packed ||
        view.getUint32(at + 22, true) !== e.size)
    ) {
      return { ok: false, damage: { kind: 'structure' } };
    }
    regions.push({ start: at, end: stop });
    const packed = bytes.subarray(start, stop);
    let data: Uint8Array;
    if (e.method === 0) {
      if (e.packed !== e.size) return { ok: false, damage: { kind: 'size', part } };
      data = packed;
    } else {
      oneCall += packed.length;
      const inflated =
        oneCall <= ONE_CALL_PACKED_BYTES ? inflateOneCall(packed, e.size) : inflateStreamed(packed, e.size);
      if (typeof inflated === 'string') return { ok: false, damage: { kind: inflated, part } };
      data = inflated;
    }
    if (crc32(data) !== e.crc) return { ok: false, damage: { kind: 'crc', part } };
    // Folders carry nothing; a "folder" with content is no folder.
    if (part.endsWith('/')) {
      if (data.length > 0) return { ok: false, damage: { kind: 'structure' } };
      continue;
    }
    entries.push({ name: part, data, crc: e.crc });
  }
  regions.sort((a, b) => a.start - b.start);
  for (let i = 1; i < regions.length; i++) {
    if ((regions[i] as { start: number }).start < (regions[i - 1] as { end: number }).end) {
      return { ok: false, damage: { kind: 'structure' } };
    }
  }
  return { ok: true, entries };
}
