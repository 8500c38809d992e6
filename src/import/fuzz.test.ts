// Fuzz: seeded damaged copies of the samples (flips, cuts, lost and added bytes, broken XML packed again with
// good checksums, damaged .xls), each read in a child process under a time budget: every copy is refused with
// a reason or read with exactly the original's figures and text, and none runs past its budget.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BAD_OUTCOMES, FuzzReader, loadOriginals, type Original, runFuzz } from './fuzz-harness';
import { XLS_MUTATIONS, ZIP_MUTATIONS } from './fuzz-mutations';

// Far above a sample's reading (tens of ms), far below the app's 20 s: a hang, not a slow machine.
const BUDGET_MS = 10_000;
const reader = new FuzzReader(BUDGET_MS);
let originals: Original[] = [];
beforeAll(async () => {
  originals = await loadOriginals(reader);
}, 300_000);
afterAll(() => reader.close());

describe('damaged copies of the samples', () => {
  it('are each refused with a reason or read exactly as the original, none past its budget', async () => {
    const report = await runFuzz({ seed: 15, count: 300, reader, originals });
    const bad = report.cases.filter((c) => BAD_OUTCOMES.includes(c.outcome));
    expect(bad).toEqual([]);
    // Every kind of damage was tried, most of it is refused, and some is harmless (a changed time stamp in a
    // zip header, an .xls directory's colour bit): the oracle is not trivially met either way.
    expect(Object.keys(report.byKind).sort()).toEqual([...ZIP_MUTATIONS, ...XLS_MUTATIONS].sort());
    expect(report.counts.refused).toBeGreaterThan(200);
    expect(report.counts.same).toBeGreaterThan(0);
    expect(report.counts.refused + report.counts.same).toBe(300);
  }, 600_000);

  it('the same seed gives the same copies', async () => {
    const one = await runFuzz({ seed: 7, count: 5, reader, originals });
    const two = await runFuzz({ seed: 7, count: 5, reader, originals });
    expect(two.cases.map((c) => [c.detail, c.outcome])).toEqual(one.cases.map((c) => [c.detail, c.outcome]));
  }, 120_000);
});
