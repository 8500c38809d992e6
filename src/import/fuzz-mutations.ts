// Fuzz helper: seeded damage of the kinds files suffer on USB sticks, mail and chat apps (bytes flipped at
// 0.01–10 %, a single flip, cut off, a run zeroed, bytes lost or added, an XML part broken and packed again with
// good checksums, an .xls cut or its header, allocation table or directory hit). Same seed, same copies.
import { unzipSync, zipSync } from 'fflate';

export type MutationKind =
  | 'flips'
  | 'flip1'
  | 'cut'
  | 'zeroed'
  | 'lost'
  | 'added'
  | 'xmlBroken'
  | 'xlsCut'
  | 'xlsTables';

export const ZIP_MUTATIONS: readonly MutationKind[] = [
  'flips',
  'flip1',
  'cut',
  'zeroed',
  'lost',
  'added',
  'xmlBroken',
];
export const XLS_MUTATIONS: readonly MutationKind[] = ['xlsCut', 'xlsTables'];

export interface Mutant {
  kind: MutationKind;
  /** What was done, for a failure message: "flips 1% (31 bytes)", "cut at 5120 of 9312". */
  detail: string;
  bytes: Uint8Array;
}

type Random = () => number;

const below = (rnd: Random, n: number) => Math.floor(rnd() * n);

/** Flip one to seven bits of the byte at each position chosen (a flip that changes nothing is no damage). */
function flipAt(out: Uint8Array, at: number, rnd: Random): void {
  out[at] = (out[at] as number) ^ (1 + below(rnd, 255));
}

const FLIP_RATES = [0.0001, 0.001, 0.01, 0.1] as const;

/** A damaged copy of a zip (.xlsx) of `kind`; `rnd` decides where and how much. */
export function mutateZip(bytes: Uint8Array, kind: MutationKind, rnd: Random): Mutant {
  const out = bytes.slice();
  const n = bytes.length;
  switch (kind) {
    case 'flips': {
      const rate = FLIP_RATES[below(rnd, FLIP_RATES.length)] as number;
      const count = Math.max(1, Math.round(n * rate));
      for (let i = 0; i < count; i++) flipAt(out, below(rnd, n), rnd);
      return { kind, detail: `flips ${rate * 100}% (${count} bytes)`, bytes: out };
    }
    case 'flip1': {
      const at = below(rnd, n);
      flipAt(out, at, rnd);
      return { kind, detail: `one byte flipped at ${at}`, bytes: out };
    }
    case 'cut': {
      const at = below(rnd, n);
      return { kind, detail: `cut at ${at} of ${n}`, bytes: bytes.slice(0, at) };
    }
    case 'zeroed': {
      const at = below(rnd, n);
      const length = 1 + below(rnd, 512);
      out.fill(0, at, Math.min(n, at + length));
      return { kind, detail: `${length} bytes zeroed at ${at}`, bytes: out };
    }
    case 'lost': {
      const at = below(rnd, n);
      const length = 1 + below(rnd, 64);
      const cut = new Uint8Array(n - Math.min(length, n - at));
      cut.set(bytes.subarray(0, at));
      cut.set(bytes.subarray(Math.min(n, at + length)), at);
      return { kind, detail: `${length} bytes lost at ${at}`, bytes: cut };
    }
    case 'added': {
      const at = below(rnd, n);
      const length = 1 + below(rnd, 64);
      const grown = new Uint8Array(n + length);
      grown.set(bytes.subarray(0, at));
      for (let i = 0; i < length; i++) grown[at + i] = below(rnd, 256);
      grown.set(bytes.subarray(at), at + length);
      return { kind, detail: `${length} bytes added at ${at}`, bytes: grown };
    }
    case 'xmlBroken':
      return breakXml(bytes, rnd);
    default:
      throw new Error(`not a zip mutation: ${kind}`);
  }
}

/**
 * Break one XML part's structure (a '<' or '>' taken out, a stray '<' put in, or the part cut off) and pack the
 * package again with correct checksums: only the strict XML check stands between it and a wrong reading. Only
 * structure is broken, never a value (a changed digit would make a different file, not a damaged one); a lost
 * '<' can leave well-formed XML with a tag turned into text, which must be refused as well.
 */
function breakXml(bytes: Uint8Array, rnd: Random): Mutant {
  const files = unzipSync(bytes);
  const parts = Object.keys(files).filter((p) => /\.(xml|rels)$/.test(p));
  const part = parts[below(rnd, parts.length)] as string;
  const text = new TextDecoder().decode(files[part]);
  const how = below(rnd, 3);
  let broken: string;
  let detail: string;
  if (how === 0) {
    const marks: number[] = [];
    for (let i = 0; i < text.length; i++) if (text[i] === '<' || text[i] === '>') marks.push(i);
    const at = marks[below(rnd, marks.length)] as number;
    broken = text.slice(0, at) + text.slice(at + 1);
    detail = `${part}: '${text[at]}' at ${at} taken out`;
  } else if (how === 1) {
    // A stray '<' between tags or inside text: what follows is no tag (or a tag never closed).
    const gaps: number[] = [];
    for (let i = 0; i < text.length; i++) if (text[i] === '>') gaps.push(i + 1);
    const at = gaps[below(rnd, gaps.length)] as number;
    broken = `${text.slice(0, at)}<${text.slice(at)}`;
    detail = `${part}: '<' put in at ${at}`;
  } else {
    // Cut before the root's end tag, so the document is always unfinished.
    const end = text.lastIndexOf('</');
    const at = below(rnd, Math.max(1, end));
    broken = text.slice(0, at);
    detail = `${part}: cut at ${at} of ${text.length}`;
  }
  files[part] = new TextEncoder().encode(broken);
  return { kind: 'xmlBroken', detail, bytes: zipSync(files) };
}

/**
 * A damaged copy of an OLE compound file (.xls). It carries no checksum, so a changed digit inside its
 * workbook stream cannot be told from a county's figure: only what the container checks can see is damaged —
 * a cut, or bytes of the header, the allocation table (FAT) or the directory.
 */
export function mutateXls(bytes: Uint8Array, kind: MutationKind, rnd: Random): Mutant {
  if (kind === 'xlsCut') {
    const at = below(rnd, bytes.length);
    return { kind, detail: `cut at ${at} of ${bytes.length}`, bytes: bytes.slice(0, at) };
  }
  if (kind !== 'xlsTables') throw new Error(`not an xls mutation: ${kind}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = 1 << view.getUint16(30, true);
  const regions: [number, number, string][] = [[0, 512, 'header']];
  const fatCount = Math.min(109, view.getUint32(44, true));
  for (let i = 0; i < fatCount; i++) {
    const sector = view.getUint32(76 + i * 4, true);
    regions.push([(sector + 1) * size, (sector + 2) * size, 'FAT']);
  }
  const dir = view.getUint32(48, true);
  regions.push([(dir + 1) * size, (dir + 2) * size, 'directory']);
  const [from, to, name] = regions[below(rnd, regions.length)] as [number, number, string];
  const out = bytes.slice();
  const count = 1 + below(rnd, 4);
  const spots: number[] = [];
  for (let i = 0; i < count; i++) {
    const at = from + below(rnd, Math.max(1, Math.min(to, out.length) - from));
    flipAt(out, at, rnd);
    spots.push(at);
  }
  return { kind, detail: `${name}: ${count} bytes flipped at ${spots.join(', ')}`, bytes: out };
}
