// Banks lending to shantytown redevelopment: canonical names, the names returns use, and the bulletin's
// categories. 国开行 and 农发行 are policy banks (政策性银行); every other bank is commercial (商业银行).
import { normaliseName } from './units';

export type BankCategory = 'policy' | 'commercial';

export interface BankDef {
  name: string;
  /** The short name the bulletin uses: 国开行, 农发行, 建设银行 … */
  shortName: string;
  aliases: string[];
  category: BankCategory;
}

export const KNOWN_BANKS: readonly BankDef[] = [
  {
    name: '国家开发银行',
    shortName: '国开行',
    aliases: ['国开行', '国家开发银行吉林省分行', '国开银行', '开发银行'],
    category: 'policy',
  },
  {
    name: '中国农业发展银行',
    shortName: '农发行',
    aliases: ['农发行', '农业发展银行', '中国农业发展银行吉林省分行', '农发银行'],
    category: 'policy',
  },
  { name: '中国建设银行', shortName: '建设银行', aliases: ['建设银行', '建行'], category: 'commercial' },
  { name: '中国工商银行', shortName: '工商银行', aliases: ['工商银行', '工行'], category: 'commercial' },
  { name: '上海浦东发展银行', shortName: '浦发银行', aliases: ['浦发银行', '浦发'], category: 'commercial' },
  { name: '中国光大银行', shortName: '光大银行', aliases: ['光大银行', '光大'], category: 'commercial' },
  {
    name: '中国邮政储蓄银行',
    shortName: '邮政储蓄银行',
    aliases: ['邮政储蓄银行', '邮储银行', '邮储'],
    category: 'commercial',
  },
];

const byName = new Map<string, BankDef>();
for (const bank of KNOWN_BANKS) {
  for (const n of [bank.name, bank.shortName, ...bank.aliases]) byName.set(normaliseName(n), bank);
}

/** The canonical name of a bank; an unknown bank keeps its own (normalised) name. */
export function canonicalBankName(text: string): string {
  const key = normaliseName(text);
  return byName.get(key)?.name ?? key;
}

export function bankDef(name: string): BankDef | undefined {
  return byName.get(normaliseName(name));
}

export function bankCategory(name: string): BankCategory {
  return bankDef(name)?.category ?? 'commercial';
}

/** Short name for the bulletin: 国开行, 建设银行; an unknown bank by its own name. */
export function bankShortName(name: string): string {
  return bankDef(name)?.shortName ?? name;
}

/** Known banks first in the official order, then others by name. */
export function compareBanks(a: string, b: string): number {
  const ia = KNOWN_BANKS.findIndex((k) => k.name === a);
  const ib = KNOWN_BANKS.findIndex((k) => k.name === b);
  if (ia >= 0 || ib >= 0) return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
  return a.localeCompare(b, 'zh-CN');
}
