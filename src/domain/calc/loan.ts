// 表2 贷款: need, credit and disbursed per bank, per category (政策性/商业银行) and in total, with month increases.
// Disbursed may exceed this year's credit (it draws on earlier years' credit): that is never flagged.
import { bankCategory, bankShortName, canonicalBankName, compareBanks } from '../banks';
import type { LoanFigures, Yuan } from '../types';
import type { Unit } from '../units';
import {
  type CalcContext,
  cumulativeIncrease,
  reportedFigures,
  rollUp,
  sumIncreases,
  total,
  unitIdentity,
} from './context';
import { formatYi } from './format';
import { plannedFigure, unreportedRows } from './targets';
import type { LoanAmounts, LoanBankAmounts, LoanRow, LoanSection, RowIdentity } from './types';

interface BankSums {
  credit: Yuan;
  creditMonth: Yuan | null;
  disbursed: Yuan;
  disbursedMonth: Yuan | null;
}

// A unit may list a bank twice (two branches): its lines add up.
function byBank(fig: LoanFigures): Map<string, BankSums> {
  const out = new Map<string, BankSums>();
  for (const line of fig.banks) {
    const name = canonicalBankName(line.bank);
    const s = out.get(name) ?? { credit: 0, creditMonth: null, disbursed: 0, disbursedMonth: null };
    s.credit += line.credit;
    s.disbursed += line.disbursed;
    if (line.creditMonth !== null) s.creditMonth = (s.creditMonth ?? 0) + line.creditMonth;
    if (line.disbursedMonth !== null) s.disbursedMonth = (s.disbursedMonth ?? 0) + line.disbursedMonth;
    out.set(name, s);
  }
  return out;
}

function sumAmounts(parts: readonly LoanAmounts[]): LoanAmounts {
  return {
    credit: total(parts, (p) => p.credit),
    creditMonth: sumIncreases(parts.map((p) => p.creditMonth)),
    disbursed: total(parts, (p) => p.disbursed),
    disbursedMonth: sumIncreases(parts.map((p) => p.disbursedMonth)),
  };
}

function bankAmounts(bank: string, parts: readonly LoanAmounts[]): LoanBankAmounts {
  return { bank, shortName: bankShortName(bank), category: bankCategory(bank), ...sumAmounts(parts) };
}

function categoryTotals(banks: readonly LoanBankAmounts[]): Pick<LoanRow, 'policy' | 'commercial' | 'total'> {
  const policy = sumAmounts(banks.filter((b) => b.category === 'policy'));
  const commercial = sumAmounts(banks.filter((b) => b.category === 'commercial'));
  return { policy, commercial, total: sumAmounts([policy, commercial]) };
}

const yi = (v: number) => `${formatYi(v)}亿元`;

function unitRow(ctx: CalcContext, unit: Unit, fig: LoanFigures): LoanRow {
  const cur = byBank(fig);
  const prevFig = ctx.previous.get(unit.id)?.tables.loan;
  const prev = prevFig ? byBank(prevFig) : undefined;
  const names = [...new Set([...cur.keys(), ...(prev?.keys() ?? [])])].sort(compareBanks);
  const banks = names.map((bank): LoanBankAmounts => {
    const c = cur.get(bank);
    // With a stored previous return, a bank it lacks had 0 then.
    const p = prev ? (prev.get(bank) ?? { credit: 0, disbursed: 0 }) : undefined;
    const short = bankShortName(bank);
    return {
      bank,
      shortName: short,
      category: bankCategory(bank),
      credit: c?.credit ?? 0,
      creditMonth: cumulativeIncrease(
        ctx,
        { table: 'loan', unit, field: `credit:${bank}`, label: `${short}授信` },
        c?.credit ?? 0,
        p?.credit,
        c?.creditMonth ?? null,
        yi,
      ),
      disbursed: c?.disbursed ?? 0,
      disbursedMonth: cumulativeIncrease(
        ctx,
        { table: 'loan', unit, field: `disbursed:${bank}`, label: `${short}发放贷款` },
        c?.disbursed ?? 0,
        p?.disbursed,
        c?.disbursedMonth ?? null,
        yi,
      ),
    };
  });
  const totals = categoryTotals(banks);
  const need = plannedFigure(ctx, unit, 'loanNeed', fig.need);
  return {
    ...unitIdentity(ctx, unit),
    need: need.value,
    needFromTarget: need.fromTarget,
    banks,
    ...totals,
    hasCredit: totals.total.credit > 0,
  };
}

function sumRows(identity: RowIdentity, parts: LoanRow[]): LoanRow {
  const needs = parts.map((p) => p.need).filter((n): n is Yuan => n !== null);
  const names = [...new Set(parts.flatMap((p) => p.banks.map((b) => b.bank)))].sort(compareBanks);
  const banks = names.map((bank) =>
    bankAmounts(
      bank,
      parts.flatMap((p) => p.banks.filter((b) => b.bank === bank)),
    ),
  );
  return {
    ...identity,
    need: needs.length === 0 ? null : total(needs, (n) => n),
    needFromTarget: parts.some((p) => p.needFromTarget),
    banks,
    ...categoryTotals(banks),
    hasCredit: false,
  };
}

export function analyseLoan(ctx: CalcContext): LoanSection {
  const units = reportedFigures(ctx, 'loan').map(({ unit, fig }) => unitRow(ctx, unit, fig));
  // Not reported, but with a loan need target: the need counts; no bank lines are known.
  const unreported = unreportedRows<LoanRow>(ctx, 'loan', 'loanNeed', (target) => ({
    need: target,
    needFromTarget: true,
    banks: [],
    ...categoryTotals([]),
    hasCredit: false,
  }));
  const { groups, province } = rollUp(ctx, units, sumRows, unreported);
  return {
    units,
    groups,
    province,
    unreported,
    banks: province.banks.map((b) => b.bank),
    lists: {
      withCredit: units.filter((r) => r.total.credit > 0).map((r) => r.id),
      needNoCredit: units.filter((r) => (r.need ?? 0) > 0 && r.total.credit === 0).map((r) => r.id),
    },
  };
}
