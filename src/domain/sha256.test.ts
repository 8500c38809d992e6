// sha256Hex against the FIPS 180-4 examples and against Node's own SHA-256 on generated inputs around the block
// boundaries, on text with characters of every UTF-8 width (hashed as UTF-8), and on a few megabytes.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { seededRandom } from './seeded-random';
import { sha256Hex } from './sha256';

const nodeHash = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

function bytesOf(length: number, seed: number): Uint8Array {
  const random = seededRandom(seed);
  return Uint8Array.from({ length }, () => Math.floor(random() * 256));
}

describe('sha256Hex', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
  ])('hashes %j as the standard says', async (text, hex) => {
    expect(await sha256Hex(text)).toBe(hex);
  });

  const lengths = [0, 1, 55, 56, 63, 64, 65, 119, 120, 127, 128, 1000, 65_537];
  it.each(lengths)('%d random bytes hash as Node hashes them', async (length) => {
    const bytes = bytesOf(length, length + 1);
    expect(await sha256Hex(bytes)).toBe(nodeHash(bytes));
  });

  it.each(['农安县2018年1-9月', 'ascii only', 'é ü ß', '𠀀𡈽 emoji 😀', '全角１，２００'])(
    'text %j as its UTF-8 bytes',
    async (text) => {
      expect(await sha256Hex(text)).toBe(nodeHash(text));
    },
  );

  it('hashes 5 MB as Node does', async () => {
    const bytes = bytesOf(5 * 1024 * 1024 + 3, 9);
    expect(await sha256Hex(bytes)).toBe(nodeHash(bytes));
  });
});
