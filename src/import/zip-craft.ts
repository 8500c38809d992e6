// Test helper: take a real zip apart and patch it the way damage does (a changed checksum, a lying size, a
// renamed or re-pointed entry), editing the central directory and the local header alike so that only the
// damage under test is left.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CraftedEntry {
  name: string;
  /** Offset of its central directory record. */
  cd: number;
  /** Offset of its local header. */
  local: number;
  method: number;
  crc: number;
  packed: number;
  size: number;
  /** Where its data starts and ends. */
  dataStart: number;
  dataEnd: number;
}

/** The entries of a zip as laid out in its bytes (a well-formed zip, without ZIP64). */
export function zipEntries(bytes: Uint8Array): CraftedEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = bytes.length - 22;
  while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const out: CraftedEntry[] = [];
  for (let n = 0; n < count; n++) {
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    const packed = view.getUint32(at + 20, true);
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    out.push({
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      cd: at,
      local,
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      packed,
      size: view.getUint32(at + 24, true),
      dataStart,
      dataEnd: dataStart + packed,
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}

export interface EntryPatch {
  crc?: number;
  size?: number;
  method?: number;
  flags?: number;
  /** A new name of the same byte length. */
  name?: string;
}

/** A copy of the zip with one entry's directory record and local header patched alike. */
export function patchEntry(bytes: Uint8Array, name: string, patch: EntryPatch): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  const entry = zipEntries(out).find((e) => e.name === name);
  if (!entry) throw new Error(`no entry ${name}`);
  const set = (cdAt: number, localAt: number, value: number, width: 2 | 4) => {
    for (const at of [entry.cd + cdAt, entry.local + localAt]) {
      if (width === 2) view.setUint16(at, value, true);
      else view.setUint32(at, value, true);
    }
  };
  if (patch.crc !== undefined) set(16, 14, patch.crc, 4);
  if (patch.size !== undefined) set(24, 22, patch.size, 4);
  if (patch.method !== undefined) set(10, 8, patch.method, 2);
  if (patch.flags !== undefined) set(8, 6, patch.flags, 2);
  if (patch.name !== undefined) {
    const encoded = new TextEncoder().encode(patch.name);
    if (encoded.length !== new TextEncoder().encode(name).length) throw new Error('same length only');
    out.set(encoded, entry.cd + 46);
    out.set(encoded, entry.local + 30);
  }
  return out;
}

export const SAMPLES_DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'samples');

/** A sample return's bytes: fixtures/samples/2018-09/农安县-2018年1-9月.xlsx by default. */
export function sampleBytes(unit = '农安县', period: '2018-08' | '2018-09' = '2018-09'): Uint8Array {
  const label = period === '2018-08' ? '2018年1-8月' : '2018年1-9月';
  return new Uint8Array(readFileSync(join(SAMPLES_DIR, period, `${unit}-${label}.xlsx`)));
}
