// 表2 贷款: need, credit and disbursed per bank, per category (政策性/商业银行) and in total, with month increases.
// Disbursed may exceed this year's credit (it draws on earlier years' credit): that is never flagged.
import { bankCategory, bankShortName, canonicalBankName, compareBanks } from '../banks';
import { type FieldDef, isFigureField, tableDef } from '../tables';
import type { LoanFigures, Yuan } from '../types';
import type { Unit } from '../units';
import { type CalcContext, reportedFigures, rollUp, total, unitIdentity } from './context';
import { sumFigures, unitFigures } from './figures';
import { plannedFigure, unreportedRows } from './targets';
import type { LoanAmounts, LoanBankAmounts, LoanRow, LoanSection, RowIdentity } from './types';

type BankLineFigures = Record<string, number | null>;

// A unit may list a bank twice (two branches): its lines add up (a month column: the sum of those stating it).
function byBank(fig: LoanFigures): Map<string, BankLineFigures> {
  const figures = (tableDef('loan').fields as readonly FieldDef[]).filter(isFigureField);
  const out = new Map<string, BankLineFigures>();
  for (const line of fig.banks) {
    const name = canonicalBankName(line.bank);
    const sums = out.get(name) ?? Object.fromEntries(figures.map((f) => [f.key, f.nullable ? null : 0]));
    for (const f of figures) {
      const v = (line as unknown as Record<string, number | null>)[f.key];
      if (typeof v === 'number') sums[f.key] = (sums[f.key] ?? 0) + v;
    }
    out.set(name, sums);
  }
  return out;
}

function bankAmounts(bank: string, parts: readonly LoanAmounts[]): LoanBankAmounts {
  return { bank, shortName: bankShortName(bank), category: bankCategory(bank), ...sumFigures('loan', parts) };
}

function categoryTotals(banks: readonly LoanBankAmounts[]): Pick<LoanRow, 'policy' | 'commercial' | 'total'> {
  const policy = sumFigures(
    'loan',
    banks.filter((b) => b.category === 'policy'),
  );
  const commercial = sumFigures(
    'loan',
    banks.filter((b) => b.category === 'commercial'),
  );
  return { policy, commercial, total: sumFigures('loan', [policy, commercial]) };
}

function unitRow(ctx: CalcContext, unit: Unit, fig: LoanFigures): LoanRow {
  const cur = byBank(fig);
  const prevFig = ctx.previous.get(unit.id)?.tables.loan;
  const prev = prevFig ? byBank(prevFig) : undefined;
  const names = [...new Set([...cur.keys(), ...(prev?.keys() ?? [])])].sort(compareBanks);
  const banks = names.map((bank): LoanBankAmounts => {
    const short = bankShortName(bank);
    const figures = unitFigures(ctx, {
      table: 'loan',
      unit,
      values: cur.get(bank) ?? {},
      // With a stored previous return, a bank it lacks had 0 then.
      previous: () => (prev ? (prev.get(bank) ?? {}) : undefined),
      where: (field) => ({
        field: `${field.key}:${bank}`,
        label: `${short}${field.shortLabel ?? field.label}`,
      }),
    });
    return { bank, shortName: short, category: bankCategory(bank), ...figures };
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
