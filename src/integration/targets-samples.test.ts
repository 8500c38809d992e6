// Annual targets on the 100 sample returns: targets taken from the first returns of 2018 (1-8月), then 1-9月
// computed with units missing. The plan stays the province's (9.527万套, not the reporting units' smaller sum),
// the loan need stays whole, the bulletin says what the totals include, and without targets the old text stays.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAttachments } from '../domain/bulletin/attachments';
import { DEFAULT_BULLETIN_TEXT } from '../domain/bulletin/defaults';
import { formatYi } from '../domain/bulletin/format';
import { bulletinToText, generateBulletin } from '../domain/bulletin/generate';
import { analysePeriod } from '../domain/calc';
import { DEFAULT_THRESHOLDS } from '../domain/settings';
import { targetsFromFirstReturns, type UnitTargets } from '../domain/targets';
import type { ParsedReturn, PeriodKey, UnitId } from '../domain/types';
import { defaultRegister } from '../domain/units';
import { loadSampleReturns } from './load-samples';

let samples: Map<PeriodKey, ParsedReturn[]>;
let targets: Map<UnitId, UnitTargets>;

beforeAll(() => {
  samples = loadSampleReturns();
  targets = new Map(targetsFromFirstReturns(samples, 2018).map((p) => [p.unitId, p.targets]));
}, 60_000);

/** 1-9月 without the given units' returns (1-8月 kept whole). */
function without(units: readonly string[]): Map<PeriodKey, ParsedReturn[]> {
  const ids = new Set(units.map((name) => defaultRegister.units.find((u) => u.name === name)?.id));
  const out = new Map(samples);
  out.set(
    '2018-09',
    (samples.get('2018-09') ?? []).filter((r) => !ids.has(r.unitId)),
  );
  return out;
}

function analyse(data: Map<PeriodKey, ParsedReturn[]>, withTargets: boolean) {
  return analysePeriod({
    returnsByPeriod: data,
    period: '2018-09',
    register: defaultRegister,
    thresholds: DEFAULT_THRESHOLDS,
    ...(withTargets ? { targets } : {}),
  });
}

const text = (data: Map<PeriodKey, ParsedReturn[]>, withTargets: boolean) =>
  bulletinToText(
    generateBulletin(analyse(data, withTargets), DEFAULT_BULLETIN_TEXT, { docDate: '2018-10-10' }),
  );

// Units with large plans, so that leaving them out visibly shrinks a sum made of returns alone.
const MISSING = ['长春市', '吉林市', '农安县'];

describe('annual targets taken from the first returns of the year', () => {
  it('proposes every unit with its 1-8月 figures', () => {
    expect(targets.size).toBe(defaultRegister.units.length);
    const august = samples.get('2018-08') ?? [];
    for (const r of august) {
      expect(targets.get(r.unitId)).toEqual({
        startPlan: r.tables.start?.plan ?? null,
        loanNeed: r.tables.loan?.need ?? null,
        expropriationPlan: r.tables.expropriation?.plan ?? null,
        rentalTask: r.tables.publicRental?.yearTask ?? null,
      });
    }
  });

  it('keeps the province plan and loan need whole when units are missing', () => {
    const full = analyse(samples, true);
    const missing = analyse(without(MISSING), true);
    const bare = analyse(without(MISSING), false);
    expect(full.start.province.plan).toBe(95_270);
    expect(missing.start.province.plan).toBe(95_270);
    expect(bare.start.province.plan).toBeLessThan(95_270);
    expect(missing.loan.province.need).toBe(full.loan.province.need);
    expect(bare.loan.province.need ?? 0).toBeLessThan(full.loan.province.need ?? 0);
    expect(missing.publicRental.province.yearTask).toBe(full.publicRental.province.yearTask);
    expect(missing.expropriation.province.plan).toBe(full.expropriation.province.plan);
    // Started is what the reporting units started: the missing units' figures are not known.
    expect(missing.start.province.started).toBe(bare.start.province.started);
    expect(missing.start.unreported.map((r) => r.name)).toEqual(
      defaultRegister.units.filter((u) => MISSING.includes(u.name)).map((u) => u.name),
    );
  });

  it('writes the whole plan in the bulletin and says what the totals include', () => {
    const withTargets = text(without(MISSING), true);
    const bare = text(without(MISSING), false);
    expect(withTargets).toContain('2018年全省计划改造各类棚户区9.527万套。');
    expect(bare).not.toContain('计划改造各类棚户区9.527万套');
    const need = formatYi(analyse(samples, true).loan.province.need ?? 0);
    expect(withTargets).toContain(`2018年，全省棚户区改造共需贷款${need}。`);
    expect(bare).not.toContain(`共需贷款${need}。`);
    expect(withTargets).toContain(
      '本期长春市、农安县、吉林市等3个市县未报送月报。以下全省年度计划和任务按2018年目标责任书计（含未报送的市县），完成数为已报送的47个市县的合计。',
    );
    // Without targets, the text as before: the totals are the reporting units'.
    expect(bare).toContain(
      '本期长春市、农安县、吉林市等3个市县未报送月报，以下全省数据为已报送的47个市县的合计。',
    );
  });

  it('names both groups when only some missing units have targets', () => {
    const changchun = defaultRegister.units.find((u) => u.name === '长春市')?.id ?? '';
    const partial = new Map(targets);
    partial.delete(changchun);
    const analysis = analysePeriod({
      returnsByPeriod: without(MISSING),
      period: '2018-09',
      register: defaultRegister,
      thresholds: DEFAULT_THRESHOLDS,
      targets: partial,
    });
    const out = bulletinToText(generateBulletin(analysis, DEFAULT_BULLETIN_TEXT, { docDate: '2018-10-10' }));
    expect(out).toContain(
      '以下全省完成数为已报送的47个市县的合计；年度计划和任务含其中农安县、吉林市等2个市县的2018年年度目标，不含长春市。',
    );
  });

  it('says so under every attachment with a target', () => {
    const models = buildAttachments(analyse(without(MISSING), true));
    const footnotes = models.map((m) => m.footnote);
    expect(footnotes[0]).toBe(
      '注：未报送本表的3个市县：长春市、农安县、吉林市；其年度目标已计入合计的计划（任务）数，完成数不含这些市县。',
    );
    // 表4 has no target: its total leaves the three out.
    expect(footnotes[3]).toBe('注：合计不含未报送本表的3个市县：长春市、农安县、吉林市。');
  });

  it('takes the same figures on the same returns whatever their order', () => {
    const shuffled = new Map([...samples].reverse().map(([p, list]) => [p, [...list].reverse()]));
    const again = new Map(targetsFromFirstReturns(shuffled, 2018).map((p) => [p.unitId, p.targets]));
    expect(again).toEqual(targets);
    expect(targetsFromFirstReturns(samples, 2019)).toEqual([]);
  });
});
