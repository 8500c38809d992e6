// The overview's words: every code has an example, reads as Chinese and shows each of its parameters.
import { describe, expect, it } from 'vitest';
import {
  OVERVIEW_TEXT_CODES,
  type OverviewTextCode,
  type OverviewTextParams,
  overviewText,
} from './messages';

const SAMPLES: { [K in OverviewTextCode]: OverviewTextParams[K] } = {
  'attention.startBelow': { rate: '41.2%', line: 60 },
  'attention.needNoCredit': { need: '12.50亿元' },
  'attention.expropriationBehind': { rate: '12.0%', line: 40 },
  'attention.carryOverMany': { count: 12, line: 10 },
  'attention.allocationLow': { rate: '61.3%', line: 80 },
  'attention.yearZero': { task: '300套' },
  'attention.rateFell': { rate: '81.20%', lastYear: '85.00%' },
  'attention.missing': {},
  'attention.unresolved': { files: '农安县-2018年1-9月.xlsx' },
  'attention.noneListed': {},
  'attention.caption': { count: 17 },
  'attention.missingTitle': { count: 3 },
  'attention.unresolvedTitle': { count: 2 },
  'map.start.reached': { target: 100 },
  'map.start.lagging': { warning: 60, target: 100 },
  'map.start.below': { warning: 60 },
  'map.start.none': {},
  'map.expropriation.ahead': { ahead: 80 },
  'map.expropriation.middle': { behind: 40, ahead: 80 },
  'map.expropriation.behind': { behind: 40 },
  'map.expropriation.none': {},
  'map.carryOver.many': { many: 10 },
  'map.carryOver.some': { below: 10 },
  'map.carryOver.zero': {},
  'map.allocation.target': { target: 100 },
  'map.allocation.middle': { low: 80, target: 100 },
  'map.allocation.low': { low: 80 },
  'map.allocation.none': {},
  'map.loan.disbursed': {},
  'map.loan.creditOnly': {},
  'map.loan.needNoCredit': {},
  'map.loan.none': {},
  'map.missing': {},
  'map.hint': {},
  'month.caption': { period: '2018年1-9月', cumulative: '2018年1-8月', stock: '2018年1-8月' },
  'change.none': {},
  'change.dashNote': {},
  'change.january': {},
  'change.unitsDiffer': { now: 50, before: 48 },
};

describe('overview words', () => {
  it('has an example for every code', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...OVERVIEW_TEXT_CODES].sort());
  });

  it.each(OVERVIEW_TEXT_CODES)('%s is Chinese and shows its parameters', (code) => {
    const params = SAMPLES[code];
    const text = (overviewText as (c: OverviewTextCode, p?: unknown) => string)(code, params);
    expect(text).toMatch(/[\u4e00-\u9fff]/u);
    let words = text;
    for (const value of Object.values(params)) {
      expect(text).toContain(String(value));
      words = words.replace(String(value), '');
    }
    // The words themselves are Chinese: no English left once the parameters are taken out.
    expect(words).not.toMatch(/[a-zA-Z]/);
  });

  it('gives different words to the classes of one measure', () => {
    const prefixes = ['map.start.', 'map.expropriation.', 'map.carryOver.', 'map.allocation.', 'map.loan.'];
    for (const prefix of prefixes) {
      const codes = OVERVIEW_TEXT_CODES.filter((c) => c.startsWith(prefix));
      const texts = codes.map((c) =>
        (overviewText as (c: OverviewTextCode, p?: unknown) => string)(c, SAMPLES[c]),
      );
      expect(new Set(texts).size, prefix).toBe(texts.length);
    }
  });
});
