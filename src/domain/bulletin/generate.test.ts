// The bulletin generator on small made-up periods run through the real calc: January (nothing to compare
// with), small figures in 套, unknown and non-zero month increases, missing loan need, a text read back.
import { describe, expect, it } from 'vitest';
import { analysePeriod } from '../calc';
import { DEFAULT_THRESHOLDS } from '../settings';
import type { ParsedReturn, ReturnTables } from '../types';
import { defaultRegister } from '../units';
import { DEFAULT_BULLETIN_TEXT, withDefaultTexts } from './defaults';
import {
  bulletinToText,
  chineseDate,
  classifyLine,
  generateBulletin,
  parseBulletinText,
  progressParagraphs,
} from './generate';

const YI = 100_000_000;

function ret(unitId: string, period: string, tables: ReturnTables): ParsedReturn {
  return { unitId, period, cutoff: `${period}-${period.endsWith('-01') ? '31' : '28'}`, tables };
}

function tables(plan: number, started: number, credit: number, need: number | null): ReturnTables {
  return {
    start: { plan, started, startedMonth: null, declaredRate: null, note: '' },
    loan: {
      need,
      banks:
        credit > 0
          ? [
              {
                bank: '中国建设银行',
                credit,
                creditMonth: null,
                disbursed: credit / 2,
                disbursedMonth: null,
                note: '',
              },
            ]
          : [],
    },
    expropriation: { plan: 100, expropriated: 50, demolished: 0, doneMonth: null, note: '' },
    carryOver: [],
    publicRental: {
      raised: 100,
      allocated: 100,
      declaredRate: null,
      yearTask: 0,
      yearAllocated: 0,
      declaredYearRate: null,
      lastYearRate: null,
    },
  };
}

function progress(returns: ParsedReturn[], period: string): string {
  const byPeriod = new Map<string, ParsedReturn[]>();
  for (const r of returns) byPeriod.set(r.period, [...(byPeriod.get(r.period) ?? []), r]);
  const analysis = analysePeriod({
    returnsByPeriod: byPeriod,
    period,
    register: defaultRegister,
    thresholds: DEFAULT_THRESHOLDS,
  });
  return progressParagraphs(analysis)
    .map((p) => p.text)
    .join('\n');
}

describe('progress sentences on small periods', () => {
  const january = [
    ret('220122', '2018-01', tables(3000, 3000, 2 * YI, 3 * YI)), // 农安县: at 100%
    ret('220182', '2018-01', tables(2000, 500, 0, 1 * YI)), // 榆树市: 25%, a need and no credit
  ];

  it('writes small figures in 套 and the cutoff of the period', () => {
    const text = progress(january, '2018-01');
    expect(text).toContain(
      '2018年全省计划改造各类棚户区5000套。截止1月31日，已开工3500套,完成年度计划的70.00%。',
    );
    expect(text).toContain('农安县开工率达到100%；');
    expect(text).toContain('特别是榆树市（开工率为25.0%）重视不够');
    expect(text).toContain('全省棚户区改造共需贷款4亿元');
    expect(text).toContain('仍有榆树市未取得2018年棚改贷款授信（审批）');
  });

  it('says January increases are the January figures (1月新增…)', () => {
    const text = progress(january, '2018-01');
    expect(text).toContain('总额度2亿元（1月新增2亿元）');
  });

  it('names a month without new credit as 无新增 and leaves out 国开行/农发行 when they lend nothing', () => {
    const february = january.map((r) => ({ ...r, period: '2018-02', cutoff: '2018-02-28' }));
    const text = progress([...january, ...february], '2018-02');
    expect(text).toContain('总额度2亿元（2月无新增）');
    expect(text).toContain('商业银行已为棚改贷款授信2亿元（建设银行2亿元。2月无新增）');
    expect(text).not.toContain('国开行');
    expect(text).not.toContain('农发行');
  });

  it('drops the loan need sentence when no unit states one', () => {
    const noNeed = january.map((r) => ({
      ...r,
      tables: { ...r.tables, loan: { need: null, banks: r.tables.loan?.banks ?? [] } },
    }));
    const text = progress(noNeed, '2018-01');
    expect(text).not.toContain('共需贷款');
    expect(text).not.toContain('仍有');
  });

  it('says nothing of a carry-over change when there are no projects', () => {
    expect(progress(january, '2018-01')).toContain('据统计，目前全省拆迁结转项目已全部完成房屋拆迁工作。');
  });
});

describe('bulletin text', () => {
  it.each([
    ['一、进展情况', 'heading1'],
    ['二、下步工作要求', 'heading1'],
    ['（一）棚户区改造开工进展情况。', 'heading2'],
    ['（一）加快推进棚户区改造开工建设进度。各地要进一步加快推进。', 'body'],
    ['截止9月30日，全省…', 'body'],
  ] as const)('classifies %s as %s', (line, kind) => {
    expect(classifyLine(line)).toBe(kind);
  });

  it('reads an edited text back into laid-out paragraphs', () => {
    const analysis = analysePeriod({
      returnsByPeriod: new Map([['2018-03', [ret('220122', '2018-03', tables(100, 100, 0, null))]]]),
      period: '2018-03',
      register: defaultRegister,
      thresholds: DEFAULT_THRESHOLDS,
    });
    const bulletin = generateBulletin(
      analysis,
      { ...DEFAULT_BULLETIN_TEXT, issueDate: '' },
      { today: '2018年4月8日' },
    );
    const text = bulletinToText(bulletin);
    expect(text).toContain('关于2018年1-3月全省');
    expect(text).toContain('现将1-3月全省');
    expect(text.trim().endsWith('2018年4月8日')).toBe(true);
    const edited = text.replace('现将1-3月全省', '现将2018年1-3月全省');
    const paragraphs = parseBulletinText(`  ${edited}\n\n`);
    expect(paragraphs.map((p) => p.kind)).toEqual(bulletin.paragraphs.map((p) => p.kind));
    expect(paragraphs[2]?.text).toContain('现将2018年1-3月全省');
  });
});

describe('units whose file was refused (已报送未导入)', () => {
  // Three reporting units; of the 47 others, the first few are refused, missing, or a mix.
  const reporting = ['220122', '220183', '220182'];
  const others = defaultRegister.units.map((u) => u.id).filter((id) => !reporting.includes(id));
  const analysis = analysePeriod({
    returnsByPeriod: new Map([
      ['2018-09', reporting.map((id) => ret(id, '2018-09', tables(100, 60, 0, null)))],
    ]),
    period: '2018-09',
    register: defaultRegister,
    thresholds: DEFAULT_THRESHOLDS,
  });
  const name = (id: string) => defaultRegister.unit(id)?.name ?? id;
  const cases = [0, 1, 2, others.length].map(
    (refusedCount) => [refusedCount, others.slice(0, refusedCount)] as const,
  );

  it.each(cases)(
    'with %d refused, names each refused unit as being checked, never as not reporting',
    (_n, refused) => {
      const text = progressParagraphs(analysis, { refusedUnits: refused })
        .map((p) => p.text)
        .join('\n');
      const sentence = text.split('\n').find((l) => l.startsWith('本期')) ?? '';
      const missingClause = /本期([^，]*)未报送月报/.exec(sentence)?.[1] ?? '';
      const refusedClause = /([^，]*)报送的月报正在核对/.exec(sentence)?.[1] ?? '';
      for (const id of others) {
        const refusedHere = refused.includes(id);
        expect(refusedHere ? refusedClause : missingClause).toContain(name(id));
        expect(refusedHere ? missingClause : refusedClause).not.toContain(name(id));
      }
      if (refused.length > 0) expect(sentence).toContain('报送的月报正在核对，暂未纳入汇总');
      if (refused.length < others.length) expect(sentence).toContain('未报送月报');
      else expect(sentence).not.toContain('未报送');
      expect(sentence).toContain(
        `以下全省数据为${refused.length > 0 ? '已汇总' : '已报送'}的3个市县的合计。`,
      );
    },
  );

  it('leaves a refused unit that also has a return alone (it is not missing)', () => {
    const text = progressParagraphs(analysis, { refusedUnits: ['220122'] })
      .map((p) => p.text)
      .join('\n');
    expect(text).not.toContain('报送的月报正在核对');
  });
});

describe('成文日期', () => {
  const analysis = analysePeriod({
    returnsByPeriod: new Map([['2018-03', [ret('220122', '2018-03', tables(100, 100, 0, null))]]]),
    period: '2018-03',
    register: defaultRegister,
    thresholds: DEFAULT_THRESHOLDS,
  });
  const dateLine = (texts = DEFAULT_BULLETIN_TEXT, options = {}) =>
    generateBulletin(analysis, texts, options).paragraphs.at(-1);

  it.each([
    ['2018-10-10', '2018年10月10日'],
    ['2019-01-05', '2019年1月5日'],
    ['2020-12-31', '2020年12月31日'],
  ])('is the given day: %s → %s', (docDate, text) => {
    expect(dateLine(DEFAULT_BULLETIN_TEXT, { docDate })).toEqual({ kind: 'date', text });
  });

  it('is the day of generating without one, never a date fixed in the settings', () => {
    expect(dateLine()?.text).toBe(chineseDate(new Date()));
    // A date kept in the settings by an older version is no longer the bulletin's date.
    const old = withDefaultTexts({ ...DEFAULT_BULLETIN_TEXT, issueDate: '2018年10月10日' });
    expect(dateLine(old, { docDate: '2021-06-01' })?.text).toBe('2021年6月1日');
    expect(dateLine(old)?.text).toBe(chineseDate(new Date()));
    expect(DEFAULT_BULLETIN_TEXT.issueDate).toBe('');
  });
});
