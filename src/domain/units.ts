// The unit register: the ~50 reporting units, their prefectures, and resolution of the many names returns use.
// Resolution is exact on normalised names, never fuzzy: 通化市 is not 通化县, 白山市 is not 长白县 or 长白山管委会.
import registerData from './data/jilin-units.json';
import { minOf } from './iterate';
import type { UnitId } from './types';

export type UnitKind = '市区' | '区' | '县' | '县级市' | '省直管' | '管委会';

export interface Unit {
  id: UnitId;
  name: string;
  fullName: string;
  /** Prefecture id; null for 长白山管委会, which belongs to none. */
  prefecture: string | null;
  kind: UnitKind;
  aliases: string[];
}

export interface Prefecture {
  id: string;
  name: string;
}

export interface UnitRegisterData {
  province: { code: string; name: string };
  prefectures: Prefecture[];
  units: Unit[];
}

/** Longer than any name a return may use (吉林省松原市前郭尔罗斯蒙古族自治县住房和城乡建设局 is 26). */
const MAX_NAME_LENGTH = 64;

export type ResolveResult = { ok: true; unit: Unit } | { ok: false; suggestions: string[] };

/** Group a unit belongs to for subtotals: its prefecture, or the 省直管 group (省直管 units and 长白山管委会). */
export const DIRECT_GROUP_ID = 'direct';
export const DIRECT_GROUP_NAME = '省直管';

const FULL_TO_HALF: Record<string, string> = { '（': '(', '）': ')', '【': '[', '】': ']' };

/** Normalise a name for comparison: no spaces (half- or full-width), half-width brackets and alphanumerics. */
export function normaliseName(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[（）【】]/g, (c) => FULL_TO_HALF[c] ?? c)
    .replace(/[\s\u3000\u00a0]+/g, '')
    .trim();
}

// Words that name an office of a unit rather than the unit: '农安县住建局' is 农安县.
const OFFICE_SUFFIXES = [
  '人民政府',
  '政府',
  '住房和城乡建设局',
  '住房和城乡建设厅',
  '住房城乡建设局',
  '住建局',
  '房地产管理局',
  '房产局',
  '房屋征收经办中心',
  '保障性安居工程领导小组办公室',
  '安居办',
];

function editDistance(a: string, b: string): number {
  const aa = [...a];
  const bb = [...b];
  let prev = Array.from({ length: bb.length + 1 }, (_, j) => j);
  for (let i = 1; i <= aa.length; i++) {
    const cur = [i];
    for (let j = 1; j <= bb.length; j++) {
      const cost = aa[i - 1] === bb[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[bb.length] ?? 0;
}

export class UnitRegister {
  readonly units: readonly Unit[];
  readonly prefectures: readonly Prefecture[];
  readonly provinceName: string;
  private readonly byName = new Map<string, Unit>();
  private readonly byId = new Map<UnitId, Unit>();
  private readonly prefectureNames: string[];

  constructor(data: UnitRegisterData) {
    this.units = data.units;
    this.prefectures = data.prefectures;
    this.provinceName = data.province.name;
    for (const unit of data.units) {
      this.byId.set(unit.id, unit);
      for (const name of [unit.name, unit.fullName, ...unit.aliases]) {
        const key = normaliseName(name);
        const existing = this.byName.get(key);
        if (existing && existing.id !== unit.id) {
          throw new Error(`unit register: ${name} names both ${existing.name} and ${unit.name}`);
        }
        this.byName.set(key, unit);
      }
    }
    // Longest first, so that 延边朝鲜族自治州 is stripped before a shorter prefix could be.
    this.prefectureNames = data.prefectures
      .flatMap((p) => [p.name, p.name.replace(/朝鲜族自治州$/, '州'), p.name.replace(/朝鲜族自治州$/, '')])
      .map(normaliseName)
      .sort((a, b) => b.length - a.length);
  }

  unit(id: UnitId): Unit | undefined {
    return this.byId.get(id);
  }

  /** Resolve any name a return may use; an unknown name gets the closest real names as suggestions. */
  resolve(text: string): ResolveResult {
    const key = normaliseName(text);
    // No name, with its province, prefecture and office, is this long: a cell of pasted text names no unit,
    // and comparing it with every name (edit distance) would cost its length times theirs.
    if (key.length > MAX_NAME_LENGTH) return { ok: false, suggestions: [] };
    const direct = this.lookup(key);
    if (direct) return { ok: true, unit: direct };
    return { ok: false, suggestions: this.suggest(key) };
  }

  private lookup(key: string): Unit | undefined {
    if (!key) return undefined;
    const exact = this.byName.get(key);
    if (exact) return exact;
    let rest = key;
    // '吉林省农安县' → 农安县; '吉林省' alone stays unknown.
    const province = normaliseName(this.provinceName);
    if (rest.startsWith(province) && rest.length > province.length) rest = rest.slice(province.length);
    for (const suffix of OFFICE_SUFFIXES) {
      if (rest.endsWith(suffix) && rest.length > suffix.length) {
        rest = rest.slice(0, -suffix.length);
        break;
      }
    }
    const found = this.byName.get(rest);
    if (found) return found;
    // '四平市梨树县' → 梨树县, but only when the rest is itself a unit name of that prefecture.
    for (const prefix of this.prefectureNames) {
      if (rest.startsWith(prefix) && rest.length > prefix.length) {
        const unit = this.byName.get(rest.slice(prefix.length));
        if (unit) return unit;
      }
    }
    return undefined;
  }

  private suggest(key: string): string[] {
    if (!key) return [];
    const scored = this.units.map((unit) => {
      const names = [unit.name, unit.fullName, ...unit.aliases].map(normaliseName);
      const distance = minOf(
        names.map((n) => editDistance(key, n)),
        Number.POSITIVE_INFINITY,
      );
      const shares = names.some((n) => [...key].some((c) => n.includes(c)));
      return { unit, distance, shares };
    });
    return scored
      .filter((s) => s.shares)
      .sort((a, b) => a.distance - b.distance || a.unit.name.localeCompare(b.unit.name, 'zh-CN'))
      .slice(0, 3)
      .map((s) => s.unit.name);
  }

  /** The subtotal group of a unit: its prefecture id, or DIRECT_GROUP_ID. */
  groupOf(unit: Unit): string {
    return unit.kind === '省直管' || unit.prefecture === null ? DIRECT_GROUP_ID : unit.prefecture;
  }

  groupName(groupId: string): string {
    if (groupId === DIRECT_GROUP_ID) return DIRECT_GROUP_NAME;
    return this.prefectures.find((p) => p.id === groupId)?.name ?? groupId;
  }

  /** Groups in register order: the prefectures, then 省直管. */
  groups(): { id: string; name: string; units: Unit[] }[] {
    const groups = [
      ...this.prefectures.map((p) => ({ id: p.id, name: p.name })),
      { id: DIRECT_GROUP_ID, name: DIRECT_GROUP_NAME },
    ];
    return groups.map((g) => ({ ...g, units: this.units.filter((u) => this.groupOf(u) === g.id) }));
  }
}

export const defaultRegister = new UnitRegister(registerData as UnitRegisterData);
