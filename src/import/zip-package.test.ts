// The zip check, damage class by damage class, on real sample returns: every way a package can be cut off,
// changed or made to lie is refused with what is wrong; every sound package passes with exactly its entries.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readReturn } from './read-return';
import { patchEntry, SAMPLES_DIR, sampleBytes, zipEntries } from './zip-craft';
import { crc32, isInsidePackage, MAX_ENTRIES, verifyZip } from './zip-package';

function sameBytes(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  return a !== undefined && b !== undefined && a.length === b.length && a.every((x, i) => x === b[i]);
}

function damageOf(bytes: Uint8Array): unknown {
  const check = verifyZip(bytes);
  return check.ok ? 'ok' : check.bomb ? 'bomb' : check.damage;
}

const SAMPLE_FILES = ['2018-08', '2018-09'].flatMap((period) =>
  readdirSync(join(SAMPLES_DIR, period)).map((f) => join(SAMPLES_DIR, period, f)),
);

describe('sound packages pass', () => {
  it('every sample return verifies, and its entries are exactly what an unzip gives', () => {
    for (const path of SAMPLE_FILES) {
      const bytes = new Uint8Array(readFileSync(path));
      const check = verifyZip(bytes);
      if (!check.ok) throw new Error(`${path}: ${JSON.stringify(check)}`);
      const expected = unzipSync(bytes);
      const files = Object.keys(expected).filter((n) => !n.endsWith('/'));
      expect(check.entries.map((e) => e.name).sort()).toEqual(files.sort());
      for (const e of check.entries) expect(sameBytes(e.data, expected[e.name])).toBe(true);
    }
  });

  it('reads a workbook written with data descriptors (streamed zip, sizes after the data)', async () => {
    const files = unzipSync(sampleBytes());
    const zip = new JSZip();
    for (const [name, data] of Object.entries(files)) if (!name.endsWith('/')) zip.file(name, data);
    const streamed = await zip.generateAsync({
      type: 'uint8array',
      compression: 'DEFLATE',
      streamFiles: true,
    });
    expect(new DataView(streamed.buffer).getUint16(6, true) & 8).toBe(8);
    const result = readReturn(streamed, '农安县.xlsx');
    expect(result.ok && result.returns[0]?.tables.start).toEqual(
      (readReturn(sampleBytes(), '农安县.xlsx') as { returns: { tables: { start: unknown } }[] }).returns[0]
        ?.tables.start,
    );
  });

  it('CRC-32 of every length around the 8-byte steps equals the bitwise definition', () => {
    // The polynomial applied bit by bit: the slow, plain form of what the tables compute.
    const bitwise = (bytes: Uint8Array) => {
      let c = 0xffffffff;
      for (const byte of bytes) {
        c ^= byte;
        for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
      }
      return (c ^ 0xffffffff) >>> 0;
    };
    let seed = 1;
    for (let length = 0; length <= 80; length++) {
      const bytes = new Uint8Array(length).map(() => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed >> 16;
      });
      expect(crc32(bytes)).toBe(bitwise(bytes));
      expect(crc32(bytes.fill(0xff))).toBe(bitwise(bytes));
    }
  });

  it.each([
    ['', 0],
    ['a', 0xe8b7be43],
    ['123456789', 0xcbf43926],
  ])('CRC-32 of %j is %d', (text, crc) => {
    expect(crc32(strToU8(text))).toBe(crc);
  });
});

describe('each kind of damage is refused with what is wrong', () => {
  const bytes = sampleBytes();
  const entries = zipEntries(bytes).filter((e) => e.size > 0);

  const original = unzipSync(bytes);

  it.each(entries.map((e) => [e.name, e] as const))(
    '%s: a changed byte in its data is refused (stream, size or CRC), or changed nothing',
    (name, entry) => {
      // Byte positions across the entry's data, a few flips each. A flip in the padding bits after the
      // stream's last code decodes to the same content: accepted only then.
      for (let at = entry.dataStart; at < entry.dataEnd; at += Math.max(1, Math.floor(entry.packed / 40))) {
        for (const mask of [0x01, 0x10, 0xff]) {
          const damaged = bytes.slice();
          damaged[at] = (damaged[at] as number) ^ mask;
          const check = verifyZip(damaged);
          if (check.ok) {
            expect(sameBytes(check.entries.find((e) => e.name === name)?.data, original[name])).toBe(true);
            continue;
          }
          if (check.bomb) continue;
          expect(['stream', 'size', 'crc']).toContain(check.damage.kind);
          expect(check.damage).toMatchObject({ part: name });
        }
      }
    },
  );

  it.each(entries.map((e) => [e.name] as const))('%s: content changed, checksum not: crc', (name) => {
    const files = unzipSync(bytes);
    const original = files[name] as Uint8Array;
    const changed = original.slice();
    changed[Math.floor(changed.length / 2)] = (changed[Math.floor(changed.length / 2)] as number) ^ 1;
    files[name] = changed;
    const rezipped = patchEntry(zipSync(files), name, { crc: crc32(original) });
    expect(damageOf(rezipped)).toEqual({ kind: 'crc', part: name });
  });

  it.each(entries.flatMap((e) => [[e.name, -1] as const, [e.name, 1] as const]))(
    '%s: a declared size off by %d is refused',
    (name, delta) => {
      const entry = entries.find((e) => e.name === name) as (typeof entries)[0];
      expect(damageOf(patchEntry(bytes, name, { size: entry.size + delta }))).toEqual({
        kind: 'size',
        part: name,
      });
    },
  );

  it('a file cut off anywhere is refused as damaged (never read, never a hang)', () => {
    for (let length = 0; length < bytes.length; length += 37) {
      const check = verifyZip(bytes.subarray(0, length));
      expect(check.ok).toBe(false);
      if (!check.ok && !check.bomb) expect(['truncated', 'structure']).toContain(check.damage.kind);
    }
  });

  it.each([
    ['a method nobody writes (bzip2)', { method: 12 }],
    ['an encrypted entry', { flags: 1 }],
  ])('%s is refused', (_label, patch) => {
    const name = entries[0]?.name as string;
    expect(damageOf(patchEntry(bytes, name, patch))).toEqual({ kind: 'method', part: name });
  });

  it.each(['../../evil.xml', '/etc/evil.xml', 'C:/evil.xml', 'xl/../../e.xml', 'xl\\..\\..\\e.xml'])(
    'an entry named %s (outside the package) is refused',
    (name) => {
      const files = unzipSync(bytes);
      files[name] = strToU8('<x/>');
      expect(damageOf(zipSync(files))).toEqual({ kind: 'path', part: name });
      expect(isInsidePackage(name)).toBe(false);
    },
  );

  it('two entries of the same name are refused', () => {
    const files = unzipSync(bytes);
    files['xl/a.xml'] = strToU8('<a/>');
    files['xl/b.xml'] = strToU8('<b/>');
    expect(damageOf(patchEntry(zipSync(files), 'xl/b.xml', { name: 'xl/a.xml' }))).toEqual({
      kind: 'duplicate',
      part: 'xl/a.xml',
    });
  });

  it(`more than ${MAX_ENTRIES} entries are refused before any is inflated`, () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i <= MAX_ENTRIES; i++) files[`x/${i}.bin`] = new Uint8Array(0);
    expect(damageOf(zipSync(files))).toEqual({ kind: 'entries', count: MAX_ENTRIES + 1 });
  });

  it('a local header that names another entry than its directory record is refused', () => {
    const out = bytes.slice();
    const entry = entries[1] as (typeof entries)[0];
    out[entry.local + 30] = (out[entry.local + 30] as number) ^ 0x20;
    expect(damageOf(out)).toEqual({ kind: 'structure' });
  });

  it('an entry whose data holds another entry (overlapping entries, a zip bomb trick) is refused', () => {
    // Entry B, then entry A stored around it: A's data is B's local header and data.
    const inner = zipSync({ 'b.xml': strToU8('<b/>') }, { level: 0 });
    const b = zipEntries(inner)[0] as ReturnType<typeof zipEntries>[0];
    const bLocal = inner.subarray(0, b.dataEnd);
    const outer = zipSync({ 'a.xml': bLocal }, { level: 0 });
    const a = zipEntries(outer)[0] as ReturnType<typeof zipEntries>[0];
    // Append a directory record for B pointing inside A's data, and fix the end record.
    const cdA = outer.subarray(a.cd, a.cd + 46 + 5);
    const cdB = inner.slice(b.cd, b.cd + 46 + 5);
    new DataView(cdB.buffer).setUint32(42, a.dataStart, true);
    const body = outer.subarray(0, a.cd);
    const cd = new Uint8Array([...cdA, ...cdB]);
    const end = new Uint8Array(22);
    const view = new DataView(end.buffer);
    view.setUint32(0, 0x06054b50, true);
    view.setUint16(8, 2, true);
    view.setUint16(10, 2, true);
    view.setUint32(12, cd.length, true);
    view.setUint32(16, body.length, true);
    const crafted = new Uint8Array([...body, ...cd, ...end]);
    expect(zipEntries(crafted).map((e) => e.name)).toEqual(['a.xml', 'b.xml']);
    expect(damageOf(crafted)).toEqual({ kind: 'structure' });
  });

  it('a directory record pointing past the end record is refused', () => {
    const out = bytes.slice();
    const entry = entries[0] as (typeof entries)[0];
    new DataView(out.buffer).setUint32(entry.cd + 42, out.length - 10, true);
    expect(damageOf(out)).toEqual({ kind: 'structure' });
  });

  it('a stream that unpacks to more than its declared size is refused as a lying size', () => {
    // 64 MB of blanks packed into a few kilobytes, declared as 1 KB (a lie the directory tells).
    const files = unzipSync(bytes);
    files['xl/big.xml'] = new Uint8Array(64 * 1024 * 1024).fill(0x20);
    const packed = patchEntry(zipSync(files, { level: 9 }), 'xl/big.xml', { size: 1024 });
    expect(damageOf(packed)).toEqual({ kind: 'size', part: 'xl/big.xml' });
  });

  it('the readers refusal says 文件已损坏 and what to do', () => {
    const name = 'xl/worksheets/sheet1.xml';
    const files = unzipSync(bytes);
    const original = files[name] as Uint8Array;
    files[name] = strToU8(strFromU8(original).replace('<v>', '<v>9'));
    const result = readReturn(patchEntry(zipSync(files), name, { crc: crc32(original) }), '农安县.xlsx');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.code, i.message])).toEqual([
      [
        'file.damaged',
        '文件“农安县.xlsx”：文件已损坏：部件“xl/worksheets/sheet1.xml”的校验值不符（内容已被改动或传输出错），请让报送单位重新发送。',
      ],
    ]);
  });
});
