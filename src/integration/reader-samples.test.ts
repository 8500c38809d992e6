// The reader on the 100 real sample returns: every file reads cleanly, and the province totals summed from
// what it read equal the figures of the 2018-10-10 bulletin (fixtures/bulletin-2018-09.txt).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bankCategory } from '../domain/banks';
import { storedReturnProblem } from '../domain/return-check';
import type { ParsedReturn } from '../domain/types';
import { defaultRegister } from '../domain/units';
import { readReturn } from '../import/read-return';
import { loadSampleReturns, SAMPLE_PERIODS, sampleFiles } from './load-samples';

const bulletin = readFileSync(
  fileURLToPath(new URL('../../fixtures/bulletin-2018-09.txt', import.meta.url)),
  'utf8',
);
const returns = loadSampleReturns();
const september = returns.get('2018-09') ?? [];
const august = returns.get('2018-08') ?? [];

function sum(list: ParsedReturn[], pick: (r: ParsedReturn) => number): number {
  return list.reduce((acc, r) => acc + pick(r), 0);
}

/** Yuan → 亿元 with two decimals, rounded half up in integers: how the bulletin writes money. */
function yi(yuan: number): string {
  const cents = Math.floor((yuan + 500_000) / 1_000_000);
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

function bankSum(
  list: ParsedReturn[],
  pick: 'credit' | 'disbursed',
  which: (bank: string) => boolean,
): number {
  return sum(list, (r) =>
    (r.tables.loan?.banks ?? []).filter((b) => which(b.bank)).reduce((a, b) => a + b[pick], 0),
  );
}

const isCdb = (bank: string) => bank === '国家开发银行';
const isAdbc = (bank: string) => bank === '中国农业发展银行';
const isCommercial = (bank: string) => bankCategory(bank) === 'commercial';

describe('the 100 sample returns', () => {
  it.each(
    SAMPLE_PERIODS.flatMap((period) =>
      sampleFiles(period).map(([name, bytes]) => [period, name, bytes] as const),
    ),
  )('%s %s reads with no errors and no warnings, as one unit with all five tables', (period, name, bytes) => {
    const result = readReturn(bytes, name);
    expect(result.ok ? result.warnings : result.issues).toEqual([]);
    if (!result.ok) return;
    expect(result.returns).toHaveLength(1);
    const [ret] = result.returns;
    expect(ret?.period).toBe(period);
    // The file is named after its unit: the unit read from the sheets must be that one.
    const fileUnit = defaultRegister.resolve(name.split('-')[0] ?? '');
    expect(fileUnit.ok && fileUnit.unit.id).toBe(ret?.unitId);
    expect(Object.keys(ret?.tables ?? {}).sort()).toEqual(
      ['carryOver', 'expropriation', 'loan', 'publicRental', 'start'].sort(),
    );
    // What the reader stores passes the check a restore, a merge or a sync applies to stored returns.
    expect(storedReturnProblem(ret, 1)).toBeNull();
  });

  it('gives 50 distinct units in each period', () => {
    for (const list of [august, september]) {
      expect(list).toHaveLength(50);
      expect(new Set(list.map((r) => r.unitId)).size).toBe(50);
    }
  });

  it('sums to the bulletin: starts 95,270 planned, 81,948 started (86.02%)', () => {
    const plan = sum(september, (r) => r.tables.start?.plan ?? 0);
    const started = sum(september, (r) => r.tables.start?.started ?? 0);
    expect(plan).toBe(95_270);
    expect(started).toBe(81_948);
    expect(Math.round((started * 10_000) / plan)).toBe(8602);
    expect(bulletin).toContain('9.527万套');
    expect(bulletin).toContain('86.02%');
  });

  it('sums to the bulletin: credit 310.04亿元 = 国开行 12.46 + 农发行 197.54 + 商业银行 100.04', () => {
    const total = bankSum(september, 'credit', () => true);
    const parts = [isCdb, isAdbc, isCommercial].map((which) => bankSum(september, 'credit', which));
    expect(parts.map(yi)).toEqual(['12.46', '197.54', '100.04']);
    expect(yi(total)).toBe('310.04');
    expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
    expect(bulletin).toContain('310.04亿元');
  });

  it('sums to the bulletin: the province needs 200亿元 of loans this year', () => {
    expect(sum(september, (r) => r.tables.loan?.need ?? 0)).toBe(20_000_000_000);
    expect(bulletin).toContain('共需贷款200亿元');
  });

  it('sums to the bulletin: disbursed 252.32亿元 = 56.85 + 106.63 + 88.84 (the text says 253.54)', () => {
    const total = bankSum(september, 'disbursed', () => true);
    const parts = [isCdb, isAdbc, isCommercial].map((which) => bankSum(september, 'disbursed', which));
    expect(parts.map(yi)).toEqual(['56.85', '106.63', '88.84']);
    expect(yi(total)).toBe('252.32');
    expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
  });

  it('sums to the bulletin: 38,028 expropriated + 316 demolished = 38,344 households', () => {
    const expropriated = sum(september, (r) => r.tables.expropriation?.expropriated ?? 0);
    const demolished = sum(september, (r) => r.tables.expropriation?.demolished ?? 0);
    expect([expropriated, demolished, expropriated + demolished]).toEqual([38_028, 316, 38_344]);
    expect(bulletin).toContain('38344户');
  });

  it('counts 78 unfinished carry-over projects in September and 84 in August', () => {
    expect(sum(september, (r) => r.tables.carryOver?.length ?? 0)).toBe(78);
    expect(sum(august, (r) => r.tables.carryOver?.length ?? 0)).toBe(84);
  });

  it('sums to the bulletin: public rental 336,200 raised, 319,600 allocated (95.06%)', () => {
    const raised = sum(september, (r) => r.tables.publicRental?.raised ?? 0);
    const allocated = sum(september, (r) => r.tables.publicRental?.allocated ?? 0);
    expect([raised, allocated]).toEqual([336_200, 319_600]);
    expect(Math.round((allocated * 10_000) / raised)).toBe(9506);
  });

  it("sums to the bulletin: this year's task 5,000 套 with 1,043 allocated", () => {
    expect(sum(september, (r) => r.tables.publicRental?.yearTask ?? 0)).toBe(5000);
    expect(sum(september, (r) => r.tables.publicRental?.yearAllocated ?? 0)).toBe(1043);
  });
});
