// 概览's 需要关注: the units that stand in any warning list of the period, one row per unit with its flags in
// words, and the units with nothing stored or a return still to resolve. The lists are the analysis's own (the
// bulletin's), so a unit is here exactly when the bulletin would name it in a warning.
import { overviewText } from '../messages';
import type { UnitId } from '../types';
import type { UnitRegister } from '../units';
import { formatRate, formatRatio, formatYi } from './format';
import type { PeriodAnalysis } from './types';

export type AttentionFlag =
  | 'startBelow'
  | 'needNoCredit'
  | 'expropriationBehind'
  | 'carryOverMany'
  | 'allocationLow'
  | 'yearZero'
  | 'rateFell';

/** The flags in the order a row lists them: the bulletin's order of tables. */
export const ATTENTION_FLAGS: readonly AttentionFlag[] = [
  'startBelow',
  'needNoCredit',
  'expropriationBehind',
  'carryOverMany',
  'allocationLow',
  'yearZero',
  'rateFell',
];

export interface AttentionItem {
  flag: AttentionFlag;
  /** The flag in words, with the unit's figure and the threshold. */
  text: string;
}

export interface AttentionUnit {
  unitId: UnitId;
  name: string;
  groupName: string;
}

export interface AttentionRow extends AttentionUnit {
  flags: AttentionItem[];
}

export interface UnresolvedRow extends AttentionUnit {
  /** The files read for the unit and period that were refused and not resolved since. */
  files: string[];
  text: string;
}

export interface Attention {
  /** Units in any warning list, most flags first, then register order. */
  rows: AttentionRow[];
  /** Units with no return stored for the period, register order. */
  missing: (AttentionUnit & { text: string })[];
  /** Units with a refused file still to resolve for the period, register order. */
  unresolved: UnresolvedRow[];
}

/** A file of the period that was refused and not resolved since (from the store's record of files read). */
export interface UnresolvedFile {
  unitId: UnitId;
  fileName: string;
}

/** The units of each warning list, with the words of each flag. */
function flaggedUnits(analysis: PeriodAnalysis): Map<UnitId, AttentionItem[]> {
  const t = analysis.thresholds;
  const out = new Map<UnitId, AttentionItem[]>();
  const add = (id: UnitId, flag: AttentionFlag, text: string) => {
    const list = out.get(id) ?? [];
    list.push({ flag, text });
    out.set(id, list);
  };
  const start = new Map(analysis.start.units.map((r) => [r.id, r]));
  const loan = new Map(analysis.loan.units.map((r) => [r.id, r]));
  const exp = new Map(analysis.expropriation.units.map((r) => [r.id, r]));
  const carry = new Map(analysis.carryOver.units.map((r) => [r.id, r]));
  const rental = new Map(analysis.publicRental.units.map((r) => [r.id, r]));
  for (const id of analysis.start.lists.below) {
    const rate = formatRate(start.get(id)?.rate ?? null, 1);
    add(id, 'startBelow', overviewText('attention.startBelow', { rate, line: t.startWarning }));
  }
  for (const id of analysis.loan.lists.needNoCredit) {
    const need = `${formatYi(loan.get(id)?.need ?? 0)}亿元`;
    add(id, 'needNoCredit', overviewText('attention.needNoCredit', { need }));
  }
  for (const id of analysis.expropriation.lists.behind) {
    const rate = formatRate(exp.get(id)?.rate ?? null, 1);
    add(
      id,
      'expropriationBehind',
      overviewText('attention.expropriationBehind', { rate, line: t.expropriationBehind }),
    );
  }
  for (const id of analysis.carryOver.lists.many) {
    const count = carry.get(id)?.count ?? 0;
    add(id, 'carryOverMany', overviewText('attention.carryOverMany', { count, line: t.carryOverMany }));
  }
  for (const id of analysis.publicRental.lists.low) {
    const rate = formatRate(rental.get(id)?.rate ?? null, 1);
    add(id, 'allocationLow', overviewText('attention.allocationLow', { rate, line: t.allocationLow }));
  }
  for (const id of analysis.publicRental.lists.yearZero) {
    const task = `${rental.get(id)?.yearTask ?? 0}套`;
    add(id, 'yearZero', overviewText('attention.yearZero', { task }));
  }
  for (const id of analysis.publicRental.lists.fell) {
    const row = rental.get(id);
    // 上年同期分配率 is declared to 0.01%: both rates at that precision, so the fall is visible.
    const rate = formatRate(row?.rate ?? null, 2);
    const lastYear = row?.lastYearRate == null ? '—' : `${formatRatio(row.lastYearRate, 100, 2)}%`;
    add(id, 'rateFell', overviewText('attention.rateFell', { rate, lastYear }));
  }
  return out;
}

export function attentionList(
  analysis: PeriodAnalysis,
  register: UnitRegister,
  unresolvedFiles: readonly UnresolvedFile[] = [],
): Attention {
  const flagged = flaggedUnits(analysis);
  const unitOf = (id: UnitId): AttentionUnit => {
    const unit = register.unit(id);
    const groupId = unit ? register.groupOf(unit) : '';
    return { unitId: id, name: unit?.name ?? id, groupName: register.groupName(groupId) };
  };
  const order = new Map(register.units.map((u, i) => [u.id, i]));
  const byRegister = (a: AttentionUnit, b: AttentionUnit) =>
    (order.get(a.unitId) ?? Number.MAX_SAFE_INTEGER) - (order.get(b.unitId) ?? Number.MAX_SAFE_INTEGER);
  const rows = [...flagged.entries()]
    .map(
      ([id, items]): AttentionRow => ({
        ...unitOf(id),
        flags: [...items].sort((a, b) => ATTENTION_FLAGS.indexOf(a.flag) - ATTENTION_FLAGS.indexOf(b.flag)),
      }),
    )
    .sort((a, b) => b.flags.length - a.flags.length || byRegister(a, b));
  const filesByUnit = new Map<UnitId, string[]>();
  for (const f of unresolvedFiles) {
    if (!register.unit(f.unitId)) continue;
    const list = filesByUnit.get(f.unitId) ?? [];
    if (!list.includes(f.fileName)) list.push(f.fileName);
    filesByUnit.set(f.unitId, list);
  }
  return {
    rows,
    missing: analysis.missingUnits.map((id) => ({ ...unitOf(id), text: overviewText('attention.missing') })),
    unresolved: [...filesByUnit.entries()]
      .map(([id, files]) => ({
        ...unitOf(id),
        files,
        text: overviewText('attention.unresolved', { files: files.join('、') }),
      }))
      .sort(byRegister),
  };
}
