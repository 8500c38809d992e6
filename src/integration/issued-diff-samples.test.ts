// Differences after issue, on the sample returns: the 1-9月 attachments as issued, then returns corrected or
// added (generated: seeded choices of units and figures). The differences name exactly the units whose figures
// changed, their subtotal and the province, in both row orders; identical data shows none.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAttachments, type RowOrder } from '../domain/bulletin/attachments';
import { diffAttachments, differencesByUnit } from '../domain/bulletin/issue';
import { analysePeriod } from '../domain/calc';
import { seededRandom } from '../domain/seeded-random';
import { DEFAULT_THRESHOLDS } from '../domain/settings';
import type { ParsedReturn, PeriodKey } from '../domain/types';
import { defaultRegister } from '../domain/units';
import { loadSampleReturns } from './load-samples';

let samples: Map<PeriodKey, ParsedReturn[]>;

beforeAll(() => {
  samples = loadSampleReturns();
}, 60_000);

function attachments(data: Map<PeriodKey, ParsedReturn[]>, order: RowOrder) {
  return buildAttachments(
    analysePeriod({
      returnsByPeriod: data,
      period: '2018-09',
      register: defaultRegister,
      thresholds: DEFAULT_THRESHOLDS,
    }),
    order,
  );
}

/** September with `count` units' 累计开工 raised by 1…50 (a corrected return each). */
function corrected(seed: number, count: number): { data: Map<PeriodKey, ParsedReturn[]>; names: string[] } {
  const next = seededRandom(seed);
  const september = structuredClone(samples.get('2018-09') ?? []);
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(Math.floor(next() * september.length));
  const names: string[] = [];
  for (const i of chosen) {
    const r = september[i];
    if (!r?.tables.start) continue;
    r.tables.start.started += 1 + Math.floor(next() * 50);
    names.push(defaultRegister.unit(r.unitId)?.name ?? r.unitId);
  }
  const data = new Map(samples);
  data.set('2018-09', september);
  return { data, names };
}

const groupRowName = (unitName: string) => {
  const unit = defaultRegister.units.find((u) => u.name === unitName);
  if (!unit) throw new Error(unitName);
  const g = defaultRegister.groupOf(unit);
  return g === 'direct' ? '省直管' : `${defaultRegister.groupName(g)}全市`;
};

describe('differences between the issued attachments and the current ones', () => {
  it.each(['grouped', 'ranked'] as const)('none on the same data (%s)', (order) => {
    expect(diffAttachments(attachments(samples, order), attachments(samples, order))).toEqual([]);
  });

  it.each(Array.from({ length: 12 }, (_, i) => [i + 1, 1 + (i % 4)] as const))(
    'seed %i: %i corrected returns are listed unit by unit',
    (seed, count) => {
      const { data, names } = corrected(seed, count);
      for (const order of ['grouped', 'ranked'] as const) {
        const diffs = diffAttachments(attachments(samples, order), attachments(data, order));
        expect(diffs.every((d) => d.table === 'start' && d.kind === 'changed')).toBe(true);
        const units = new Set(diffs.map((d) => d.unit));
        const expected = new Set([
          '全省合计',
          ...names,
          ...(order === 'grouped' ? names.map(groupRowName) : []),
        ]);
        expect(units).toEqual(expected);
        for (const name of names) {
          const own = diffs.filter((d) => d.unit === name);
          const started = own.find((d) => d.column === '累计开工（套）');
          expect(Number(started?.current)).toBeGreaterThan(Number(started?.issued));
        }
        expect(
          differencesByUnit(diffs)
            .map((g) => g.unit)
            .sort(),
        ).toEqual([...expected].sort());
      }
    },
  );

  it('lists a unit that reported after the issue as a row added to every attachment it is in', () => {
    const withoutNongan = new Map(samples);
    withoutNongan.set(
      '2018-09',
      (samples.get('2018-09') ?? []).filter((r) => r.unitId !== '220122'),
    );
    const diffs = diffAttachments(attachments(withoutNongan, 'grouped'), attachments(samples, 'grouped'));
    const added = diffs.filter((d) => d.kind === 'added');
    expect(added.every((d) => d.unit === '农安县')).toBe(true);
    // One added row for each row 农安县 has in the current attachments (its projects in 附件4 too).
    const rows = attachments(samples, 'grouped').flatMap((m) =>
      m.rows.filter((r) => r.cells[1]?.kind === 'text' && r.cells[1].text === '农安县').map(() => m.label),
    );
    expect(added.map((d) => d.attachment)).toEqual(rows);
    expect(new Set(rows)).toContain('附件1');
    // The totals moved too, and the footnote is no figure.
    expect(diffs.some((d) => d.unit === '全省合计' && d.kind === 'changed')).toBe(true);
    // The other way round, the same rows are gone.
    const back = diffAttachments(attachments(samples, 'grouped'), attachments(withoutNongan, 'grouped'));
    expect(back.filter((d) => d.kind === 'removed').length).toBe(added.length);
  });
});
