// Sanity checks of an OLE compound file (.xls) before SheetJS follows its chains: the header, the sector
// allocation tables, the directory tree and every stream's sector chain (in range, no loops, no sector used
// twice, as long as the stream's size says). An .xls carries no checksum: a changed byte inside a stream cannot
// be seen, but a cut-off file or a broken chain can, and is refused rather than half-read.
import type { FileDamage } from '../domain/messages';

export type CfbCheck = { ok: true } | { ok: false; damage: FileDamage };

const END_OF_CHAIN = 0xfffffffe;
const MAX_REGULAR = 0xfffffffa;
const NO_STREAM = 0xffffffff;
const HEADER_DIFAT = 109;

const header = (): CfbCheck => ({ ok: false, damage: { kind: 'cfbHeader' } });
const directory = (): CfbCheck => ({ ok: false, damage: { kind: 'cfbDirectory' } });
const chain = (part: string): CfbCheck => ({ ok: false, damage: { kind: 'cfbChain', part } });

interface Layout {
  view: DataView;
  sectorSize: number;
  /** Whole sectors the file holds after its header. */
  sectors: number;
}

function sectorOffset(layout: Layout, sector: number): number {
  return (sector + 1) * layout.sectorSize;
}

/**
 * Follow a chain through an allocation table from `start`; null when it leaves the table, loops, or meets a
 * sector already used (`owner` marks them). `limit` bounds it: a chain longer than its stream needs is broken.
 */
function follow(table: Uint32Array, start: number, limit: number, owner: Uint8Array): number[] | null {
  const out: number[] = [];
  let at = start;
  while (at !== END_OF_CHAIN) {
    if (at > MAX_REGULAR || at >= table.length || at >= owner.length || owner[at] || out.length >= limit) {
      return null;
    }
    owner[at] = 1;
    out.push(at);
    at = table[at] as number;
  }
  return out;
}

/** The FAT: its sector list from the header's DIFAT and the DIFAT chain, then the table itself. */
function readFat(layout: Layout, owner: Uint8Array): Uint32Array | null {
  const { view, sectorSize, sectors } = layout;
  const fatSectors = view.getUint32(44, true);
  let difat = view.getUint32(68, true);
  const difatSectors = view.getUint32(72, true);
  const perSector = sectorSize / 4;
  if (fatSectors === 0 || fatSectors > sectors) return null;
  const list: number[] = [];
  for (let i = 0; i < HEADER_DIFAT && list.length < fatSectors; i++)
    list.push(view.getUint32(76 + i * 4, true));
  for (let n = 0; list.length < fatSectors; n++) {
    if (n >= difatSectors || difat >= sectors || owner[difat]) return null;
    owner[difat] = 1;
    const at = sectorOffset(layout, difat);
    for (let i = 0; i < perSector - 1 && list.length < fatSectors; i++)
      list.push(view.getUint32(at + i * 4, true));
    difat = view.getUint32(at + (perSector - 1) * 4, true);
  }
  const fat = new Uint32Array(fatSectors * perSector);
  for (const [k, sector] of list.entries()) {
    if (sector >= sectors || owner[sector]) return null;
    owner[sector] = 1;
    const at = sectorOffset(layout, sector);
    for (let i = 0; i < perSector; i++) fat[k * perSector + i] = view.getUint32(at + i * 4, true);
  }
  return fat;
}

interface Entry {
  name: string;
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

function readEntry(view: DataView, at: number, major: number): Entry | null {
  const nameBytes = view.getUint16(at + 64, true);
  if (nameBytes > 64 || nameBytes % 2 !== 0) return null;
  let name = '';
  for (let i = 0; i + 2 < nameBytes; i += 2) name += String.fromCharCode(view.getUint16(at + i, true));
  const high = view.getUint32(at + 124, true);
  // Version 3 files may leave junk in the size's high half; version 4 sizes past 4 GB are no return.
  if (major === 4 && high !== 0) return null;
  return {
    name,
    type: view.getUint8(at + 66),
    left: view.getUint32(at + 68, true),
    right: view.getUint32(at + 72, true),
    child: view.getUint32(at + 76, true),
    start: view.getUint32(at + 116, true),
    size: view.getUint32(at + 120, true),
  };
}

/** Every entry reachable from the root once: the red-black tree of siblings and children has no loop. */
function treeIsSound(entries: Entry[]): boolean {
  const seen = new Uint8Array(entries.length);
  const todo: number[] = [(entries[0] as Entry).child];
  seen[0] = 1;
  while (todo.length > 0) {
    const i = todo.pop() as number;
    if (i === NO_STREAM) continue;
    const e = entries[i];
    if (!e || seen[i] || e.type === 0) return false;
    seen[i] = 1;
    todo.push(e.left, e.right, e.child);
  }
  return true;
}

/** Check an OLE compound file's structure; never reads outside the bytes. */
export function verifyCfb(bytes: Uint8Array): CfbCheck {
  if (bytes.length < 512) return { ok: false, damage: { kind: 'truncated' } };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const major = view.getUint16(26, true);
  const shift = view.getUint16(30, true);
  if (view.getUint16(28, true) !== 0xfffe || view.getUint16(32, true) !== 6) return header();
  if (!((major === 3 && shift === 9) || (major === 4 && shift === 12))) return header();
  const sectorSize = 1 << shift;
  if (bytes.length < sectorSize * 2) return { ok: false, damage: { kind: 'truncated' } };
  const layout: Layout = { view, sectorSize, sectors: Math.floor(bytes.length / sectorSize) - 1 };
  const owner = new Uint8Array(layout.sectors);
  const fat = readFat(layout, owner);
  if (!fat) return header();

  // The directory: a chain of sectors of 128-byte entries, entry 0 the root.
  const dirChain = follow(fat, view.getUint32(48, true), layout.sectors, owner);
  if (!dirChain || dirChain.length === 0) return directory();
  const perSector = sectorSize / 128;
  const entries: Entry[] = [];
  for (const sector of dirChain) {
    for (let i = 0; i < perSector; i++) {
      const entry = readEntry(view, sectorOffset(layout, sector) + i * 128, major);
      if (!entry) return directory();
      entries.push(entry);
    }
  }
  const root = entries[0] as Entry;
  if (root.type !== 5 || !treeIsSound(entries)) return directory();

  // The mini stream (in the root's chain) and the mini FAT hold the streams under the cutoff (4096 bytes).
  const cutoff = view.getUint32(56, true);
  const miniStream = root.size === 0 ? [] : follow(fat, root.start, Math.ceil(root.size / sectorSize), owner);
  if (!miniStream || miniStream.length !== Math.ceil(root.size / sectorSize)) return chain('Root Entry');
  const miniFatSectors = view.getUint32(64, true);
  const miniFatChain =
    miniFatSectors === 0 ? [] : follow(fat, view.getUint32(60, true), miniFatSectors, owner);
  if (!miniFatChain || miniFatChain.length !== miniFatSectors) return header();
  const miniFat = new Uint32Array(miniFatChain.length * (sectorSize / 4));
  miniFatChain.forEach((sector, k) => {
    const at = sectorOffset(layout, sector);
    for (let i = 0; i < sectorSize / 4; i++)
      miniFat[k * (sectorSize / 4) + i] = view.getUint32(at + i * 4, true);
  });
  const miniOwner = new Uint8Array(Math.floor(root.size / 64));

  for (const e of entries) {
    if (e.type !== 2 || e.size === 0) continue;
    const part = e.name || '（无名数据流）';
    const mini = e.size < cutoff;
    const unit = mini ? 64 : sectorSize;
    const needed = Math.ceil(e.size / unit);
    const used = mini ? follow(miniFat, e.start, needed, miniOwner) : follow(fat, e.start, needed, owner);
    if (!used || used.length !== needed) return chain(part);
  }
  return { ok: true };
}
