// A year of monthly returns (2018-01 … 2018-12 and 2019-01) built from the August and September samples, for
// the year-of-work tests and the calc bench: cumulative figures grow month by month and restart in January,
// stock figures (public rental, carry-over projects) run on across the year boundary, and a few returns carry
// the mishaps of a real year (a bank appearing mid-year, a missed month, a wrong 本月, a falling cumulative).
import { canonicalBankName } from '../domain/banks';
import { defaultCutoff, makePeriod } from '../domain/period';
import type {
  CarryOverProject,
  LoanBankLine,
  ParsedReturn,
  PeriodKey,
  PublicRentalFigures,
  UnitId,
} from '../domain/types';

/** The periods of the year, oldest first: 2018-01 … 2018-12, 2019-01. */
export const YEAR_PERIODS: readonly PeriodKey[] = [
  ...Array.from({ length: 12 }, (_, i) => makePeriod(2018, i + 1)),
  '2019-01',
];

/** The mishaps planted in the year, by unit id (the default register's). */
export const YEAR_EVENTS = {
  /** 长春市's 中国光大银行 line first appears in June. */
  bankFrom: { unitId: '220100', bank: '中国光大银行', period: '2018-06' },
  /** 德惠市 sends no May return (it may come late: `lateReturn`). */
  missing: { unitId: '220183', period: '2018-05' },
  /** 通化县 (6 unfinished projects) sends no October return at all. */
  missingStock: { unitId: '220521', period: '2018-10' },
  /** 通化市 declares a July 本月开工 7 above the difference with June. */
  mismatch: { unitId: '220500', period: '2018-07', off: 7 },
  /** 四平市's October 累计开工 is 5 below September's. */
  fell: { unitId: '220300', period: '2018-10', by: 5 },
  /** 松原市 has a project that is finished in August. */
  finishedInAugust: { unitId: '220700', name: '松原市早期结转项目' },
  /** 长春市 lists a new project from November on. */
  newInNovember: { unitId: '220100', name: '长春市新增结转项目' },
  /** 龙井市 lists a new project in January 2019. */
  newInJanuary: { unitId: '222405', name: '龙井市2019年新增项目' },
} as const;

// Month index across the year: 2018-01 → 1 … 2018-12 → 12, 2019-01 → 13.
function monthIndex(period: PeriodKey): number {
  return YEAR_PERIODS.indexOf(period) + 1;
}

/** A cumulative figure of 2018 month m (1…12) from its August (a) and September (s) values; 2019-01 restarts. */
function cumulative(a: number, s: number, i: number): number {
  if (i === 13) return Math.floor(s / 10);
  if (i <= 8) return Math.floor((a * i) / 8);
  if (i === 9) return s;
  return s + Math.max(0, s - a) * (i - 9);
}

/** A stock figure: September's value grown a little each month, continuing across the year boundary. */
function stock(s: number, i: number): number {
  return Math.floor((s * (90 + i)) / 99);
}

interface BankPair {
  a: LoanBankLine | undefined;
  s: LoanBankLine | undefined;
}

function banksOf(aug: ParsedReturn | undefined, sep: ParsedReturn): Map<string, BankPair> {
  const out = new Map<string, BankPair>();
  for (const line of aug?.tables.loan?.banks ?? []) {
    const name = canonicalBankName(line.bank);
    out.set(name, { ...(out.get(name) ?? { s: undefined }), a: line });
  }
  for (const line of sep.tables.loan?.banks ?? []) {
    const name = canonicalBankName(line.bank);
    out.set(name, { ...(out.get(name) ?? { a: undefined }), s: line });
  }
  return out;
}

function projectsOf(
  unitId: UnitId,
  aug: ParsedReturn | undefined,
  sep: ParsedReturn,
  i: number,
): CarryOverProject[] {
  const e = YEAR_EVENTS;
  const extra = (name: string): CarryOverProject => ({
    name,
    households: 40,
    unfinished: 12,
    reason: '资金未落实',
    plannedFinish: '2019年6月',
  });
  let list: CarryOverProject[];
  if (i <= 8) list = [...(aug?.tables.carryOver ?? [])];
  else {
    // From October on, the first project of the September list is finished each month (for units with some).
    list = (sep.tables.carryOver ?? []).slice(Math.max(0, i - 9));
  }
  if (unitId === e.finishedInAugust.unitId && i <= 7) list.push(extra(e.finishedInAugust.name));
  if (unitId === e.newInNovember.unitId && i >= 11) list.push(extra(e.newInNovember.name));
  if (unitId === e.newInJanuary.unitId && i === 13) list.push(extra(e.newInJanuary.name));
  return list;
}

/** One unit's return for one period of the year, before the mishaps that change a single figure. */
function yearReturn(aug: ParsedReturn | undefined, sep: ParsedReturn, period: PeriodKey): ParsedReturn {
  const i = monthIndex(period);
  const A = aug?.tables;
  const S = sep.tables;
  const tables: ParsedReturn['tables'] = {};
  if (S.start) {
    tables.start = {
      plan: S.start.plan,
      started: cumulative(A?.start?.started ?? 0, S.start.started, i),
      startedMonth: null,
      declaredRate: null,
      note: '',
    };
  }
  if (S.loan) {
    const banks: LoanBankLine[] = [];
    for (const [bank, { a, s }] of banksOf(aug, sep)) {
      const b = YEAR_EVENTS.bankFrom;
      if (sep.unitId === b.unitId && bank === b.bank && period < b.period) continue;
      banks.push({
        bank,
        credit: cumulative(a?.credit ?? 0, s?.credit ?? a?.credit ?? 0, i),
        creditMonth: null,
        disbursed: cumulative(a?.disbursed ?? 0, s?.disbursed ?? a?.disbursed ?? 0, i),
        disbursedMonth: null,
        note: '',
      });
    }
    tables.loan = { need: S.loan.need, banks };
  }
  if (S.expropriation) {
    tables.expropriation = {
      plan: S.expropriation.plan,
      expropriated: cumulative(A?.expropriation?.expropriated ?? 0, S.expropriation.expropriated, i),
      demolished: cumulative(A?.expropriation?.demolished ?? 0, S.expropriation.demolished, i),
      doneMonth: null,
      note: '',
    };
  }
  if (S.carryOver) tables.carryOver = projectsOf(sep.unitId, aug, sep, i);
  if (S.publicRental) {
    const p: PublicRentalFigures = S.publicRental;
    tables.publicRental = {
      raised: stock(p.raised, i),
      allocated: stock(p.allocated, i),
      declaredRate: null,
      yearTask: p.yearTask,
      yearAllocated: i === 13 ? 0 : Math.min(p.yearTask, Math.floor((p.yearAllocated * i) / 9)),
      declaredYearRate: null,
      lastYearRate: p.lastYearRate,
    };
  }
  return { unitId: sep.unitId, period, cutoff: defaultCutoff(period), tables };
}

/** Fill in the declared 本月 figures as the unit would: the difference with its own previous month (January: the figure). */
function declareMonths(ret: ParsedReturn, before: ParsedReturn | undefined): void {
  const t = ret.tables;
  const p = ret.period.endsWith('-01') ? undefined : before?.tables;
  const january = ret.period.endsWith('-01');
  const diff = (now: number, then: number | undefined) => (january ? now : now - (then ?? 0));
  if (t.start) t.start.startedMonth = diff(t.start.started, p?.start?.started);
  if (t.expropriation) {
    const e = t.expropriation;
    const pe = p?.expropriation;
    e.doneMonth = diff(e.expropriated + e.demolished, pe ? pe.expropriated + pe.demolished : 0);
  }
  for (const line of t.loan?.banks ?? []) {
    const prev = p?.loan?.banks.find((b) => b.bank === line.bank);
    line.creditMonth = diff(line.credit, prev?.credit);
    line.disbursedMonth = diff(line.disbursed, prev?.disbursed);
  }
}

/**
 * The year's returns by period, built from the August and September samples. The missed May return of 德惠市
 * is left out; `lateReturn` gives it.
 */
export function buildYear(samples: Map<PeriodKey, readonly ParsedReturn[]>): {
  year: Map<PeriodKey, ParsedReturn[]>;
  lateReturn: ParsedReturn;
} {
  const aug = new Map((samples.get('2018-08') ?? []).map((r) => [r.unitId, r]));
  const sep = samples.get('2018-09') ?? [];
  const e = YEAR_EVENTS;
  const year = new Map<PeriodKey, ParsedReturn[]>();
  let lateReturn: ParsedReturn | undefined;
  const last = new Map<UnitId, ParsedReturn>();
  for (const period of YEAR_PERIODS) {
    const list: ParsedReturn[] = [];
    for (const s of sep) {
      const ret = yearReturn(aug.get(s.unitId), s, period);
      if (s.unitId === e.fell.unitId && period === e.fell.period && ret.tables.start) {
        ret.tables.start.started = (last.get(s.unitId)?.tables.start?.started ?? 0) - e.fell.by;
      }
      declareMonths(ret, last.get(s.unitId));
      if (s.unitId === e.mismatch.unitId && period === e.mismatch.period && ret.tables.start) {
        ret.tables.start.startedMonth = (ret.tables.start.startedMonth ?? 0) + e.mismatch.off;
      }
      last.set(s.unitId, ret);
      if (s.unitId === e.missing.unitId && period === e.missing.period) {
        lateReturn = ret;
        continue;
      }
      if (s.unitId === e.missingStock.unitId && period === e.missingStock.period) continue;
      list.push(ret);
    }
    year.set(period, list);
  }
  if (!lateReturn) throw new Error('the missed return was not built');
  return { year, lateReturn };
}
