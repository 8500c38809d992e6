// Two years of monthly returns (2017-01 … 2018-12) built from the September 2018 samples, for the overview's
// comparisons: cumulative figures grow within each year and restart in January (2017 on smaller plans), stock
// figures run on across the year boundary, and the gaps a real record has — a month with nothing stored at all
// and a unit missing one month.
import { makePeriod } from '../domain/period';
import type { ParsedReturn, PeriodKey, ReturnTables, UnitId } from '../domain/types';

export const TWO_YEAR_PERIODS: readonly PeriodKey[] = [2017, 2018].flatMap((year) =>
  Array.from({ length: 12 }, (_, i) => makePeriod(year, i + 1)),
);

export const TWO_YEAR_GAPS = {
  /** Nothing is stored for June 2017. */
  emptyPeriod: '2017-06',
  /** 德惠市 sends no May 2018 return. */
  missing: { unitId: '220183', period: '2018-05' },
} as const;

/** 2017's figures are this share of 2018's, per unit (80% … 99%), so that the year-on-year changes differ. */
function shareOf2017(index: number): number {
  return 80 + (index % 20);
}

function yearTables(
  sep: ReturnTables,
  year: number,
  month: number,
  index: number,
  step: number,
): ReturnTables {
  // Integer arithmetic only: every figure a whole number of 套, 户 or yuan.
  const pct = year === 2017 ? shareOf2017(index) : 100;
  const ofYear = (value: number) => Math.floor((value * pct) / 100);
  const upTo = (value: number) => Math.floor((ofYear(value) * month) / 12);
  const out: ReturnTables = {};
  if (sep.start) {
    out.start = {
      plan: ofYear(sep.start.plan),
      started: upTo(sep.start.started + sep.start.plan),
      startedMonth: null,
      declaredRate: null,
      note: '',
    };
  }
  if (sep.loan) {
    out.loan = {
      need: sep.loan.need === null ? null : ofYear(sep.loan.need),
      banks: sep.loan.banks.map((b) => ({
        ...b,
        credit: upTo(b.credit),
        creditMonth: null,
        disbursed: upTo(b.disbursed),
        disbursedMonth: null,
      })),
    };
  }
  if (sep.expropriation) {
    out.expropriation = {
      plan: ofYear(sep.expropriation.plan),
      expropriated: upTo(sep.expropriation.expropriated),
      demolished: upTo(sep.expropriation.demolished),
      doneMonth: null,
      note: '',
    };
  }
  if (sep.carryOver) {
    // Unfinished projects run across the year boundary: one more finished every six months.
    out.carryOver = sep.carryOver.slice(0, Math.max(0, sep.carryOver.length - Math.floor(step / 6)));
  }
  if (sep.publicRental) {
    const p = sep.publicRental;
    const raised = Math.floor((p.raised * (80 + step)) / 103);
    const task = ofYear(p.yearTask);
    out.publicRental = {
      raised,
      allocated: Math.min(raised, Math.floor((p.allocated * (76 + step)) / 103)),
      declaredRate: null,
      yearTask: task,
      yearAllocated: Math.floor((task * month) / 12),
      declaredYearRate: null,
      lastYearRate: p.lastYearRate,
    };
  }
  return out;
}

/** The two years' returns by period (June 2017 an empty list, 德惠市 absent from May 2018). */
export function buildTwoYears(
  samples: Map<PeriodKey, readonly ParsedReturn[]>,
): Map<PeriodKey, ParsedReturn[]> {
  const sep = samples.get('2018-09') ?? [];
  const out = new Map<PeriodKey, ParsedReturn[]>();
  TWO_YEAR_PERIODS.forEach((period, step) => {
    const [year, month] = period.split('-').map(Number) as [number, number];
    const list: ParsedReturn[] = [];
    if (period !== TWO_YEAR_GAPS.emptyPeriod) {
      sep.forEach((s, index) => {
        const gap = TWO_YEAR_GAPS.missing;
        if (s.unitId === gap.unitId && period === gap.period) return;
        list.push({
          unitId: s.unitId as UnitId,
          period,
          cutoff: `${period}-28`,
          tables: yearTables(s.tables, year, month, index, step),
        });
      });
    }
    out.set(period, list);
  });
  return out;
}
