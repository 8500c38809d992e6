// The bulletin generated from the 100 sample returns (read by the real reader, computed by calc) against the
// 2018-10-10 text with its slips corrected, sentence by sentence; plus the rules: empty lists drop their
// sentence, thresholds move units between lists, exclusive lists never share a unit, totals add up.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BULLETIN_TEXT } from '../domain/bulletin/defaults';
import {
  bulletinToText,
  generateBulletin,
  parseBulletinText,
  progressParagraphs,
} from '../domain/bulletin/generate';
import { analysePeriod } from '../domain/calc';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../domain/settings';
import type { ParsedReturn, PeriodKey } from '../domain/types';
import { defaultRegister } from '../domain/units';
import { loadSampleReturns } from './load-samples';

const EXPECTED = readFileSync(
  new URL('../../fixtures/bulletin-2018-09-expected.txt', import.meta.url),
  'utf8',
);

let samples: Map<PeriodKey, ParsedReturn[]>;

beforeAll(() => {
  samples = loadSampleReturns();
}, 60_000);

function progressText(thresholds: Thresholds = DEFAULT_THRESHOLDS): string {
  const analysis = analysePeriod({
    returnsByPeriod: samples,
    period: '2018-09',
    register: defaultRegister,
    thresholds,
  });
  return progressParagraphs(analysis, { cutoff: '2018-09-30' })
    .map((p) => p.text)
    .join('\n');
}

// Unit names (longest first so 长白山管委会 is not read as 长白…), optionally followed by a bracket: 农安县（开工率为0）.
const NAMES = defaultRegister.units.map((u) => u.name).sort((a, b) => b.length - a.length);
const ITEM = `(?:${NAMES.join('|')})(?:（[^）]*）)?`;
const LIST_RE = new RegExp(`${ITEM}(?:、${ITEM})*`, 'g');

/** A sentence with its unit lists taken out: the wording, and each list as a sorted set. */
function splitLists(sentence: string): { wording: string; lists: string[][] } {
  const lists: string[][] = [];
  const wording = sentence.replace(LIST_RE, (match) => {
    lists.push(match.split('、').sort());
    return '〈名单〉';
  });
  return { wording, lists };
}

function sentences(text: string): string[] {
  return text
    .split(/(?<=[。；])|\n/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The names of the list that a sentence fragment introduces, e.g. listBefore(text, '共25个市县开工率达到100%'). */
function listBefore(text: string, marker: string): string[] {
  const sentence = sentences(text).find((s) => s.includes(marker));
  if (!sentence) return [];
  const head = sentence.slice(0, sentence.indexOf(marker)).replace(/^(特别是|仍有|截止\d+月\d+日，)/, '');
  return head.split('、').map((n) => n.replace(/（.*$/, ''));
}

describe('bulletin from the samples, 2018年1-9月', () => {
  it('matches the corrected 2018-10-10 text sentence by sentence (lists compared as sets)', () => {
    const expected = sentences(EXPECTED);
    const actual = sentences(progressText());
    expect(actual.length).toBe(expected.length);
    actual.forEach((sentence, i) => {
      const a = splitLists(sentence);
      const e = splitLists(expected[i] ?? '');
      expect(a.wording, `sentence ${i + 1}`).toBe(e.wording);
      expect(a.lists, `lists of sentence ${i + 1}: ${sentence}`).toEqual(e.lists);
    });
  });

  it.each([
    ['已开工8.19万套,完成年度计划的86.02%'],
    ['农安县（开工率为0）、伊通县（开工率为5.2%）'],
    ['通化市（开工率为47.0%）'],
    ['总额度310.04亿元（9月无新增）'],
    ['2018年已发放棚改贷款252.32亿元（9月新增1.22亿元）'],
    ['共完成38344户（其中房屋征收38028户，房屋拆迁316户）'],
    ['全省共78个拆迁结转项目'],
    ['长春市（19个项目）、松原市（13个项目）'],
    ['累计筹集公共租赁住房33.62万套，已分配31.96万套，分配率达95.06%'],
    ['全省公租房分配任务计划5000套，涉及13个市县'],
  ])('says %s', (phrase) => {
    expect(progressText()).toContain(phrase);
  });

  it('names the units below the warning line lowest rate first', () => {
    const text = progressText();
    const below = sentences(text).find((s) => s.startsWith('特别是')) ?? '';
    const rates = [...below.matchAll(/开工率为([\d.]+)%?）/g)].map((m) => Number(m[1]));
    expect(rates.length).toBe(7);
    expect([...rates].sort((a, b) => a - b)).toEqual(rates);
  });

  it('puts 东辽县 only where its figures put it: below 80% allocation, not at 100%', () => {
    const text = progressText();
    expect(listBefore(text, '共29个市县分配率达100%')).not.toContain('东辽县');
    expect(listBefore(text, '共7个市县分配率低于80%')).toContain('东辽县');
  });

  it('never puts a unit in two lists that exclude each other', () => {
    const text = progressText();
    const pairs: [string, string][] = [
      ['共25个市县开工率达到100%', '等22个市县开工率没有完成'],
      ['等33个市县已取得', '等11个市县未取得'],
      ['等地区房屋征收进展较快', '等市县房屋征收进度缓慢'],
      ['共29个市县分配率达100%', '共7个市县分配率低于80%'],
      ['等5个市县分配率已达到100%', '等6个市县分配率为零'],
    ];
    for (const [a, b] of pairs) {
      const first = listBefore(text, a);
      const second = listBefore(text, b);
      expect(first.length, a).toBeGreaterThan(0);
      expect(second.length, b).toBeGreaterThan(0);
      expect(
        first.filter((n) => second.includes(n)),
        `${a} / ${b}`,
      ).toEqual([]);
    }
  });

  it('states counts that equal the lists they count', () => {
    const text = progressText();
    for (const m of text.matchAll(/([^。；]*?)[等共](\d+)个市县/g)) {
      const names = (m[1] ?? '').replace(/^.*?(特别是|仍有|截止\d+月\d+日，)/, '').split('、');
      expect(names.length, m[0]).toBe(Number(m[2]));
    }
  });

  it('gives totals that are the sums of their parts', () => {
    const text = progressText();
    const yi = (label: string) => {
      const m = new RegExp(`${label}([\\d.]+)亿元`).exec(text);
      return Math.round(Number(m?.[1]) * 100);
    };
    expect(yi('总额度')).toBe(
      yi('国开行已为棚改贷款授信') + yi('农发行已为棚改贷款审批') + yi('商业银行已为棚改贷款授信'),
    );
    expect(yi('已发放棚改贷款')).toBe(yi('国开行发放贷款') + yi('农发行发放贷款') + yi('商业银行发放贷款'));
    const commercial = /商业银行已为棚改贷款授信[\d.]+亿元（([^）]*)）/.exec(text)?.[1] ?? '';
    const byBank = [...commercial.matchAll(/([\d.]+)亿元/g)].reduce(
      (s, m) => s + Math.round(Number(m[1]) * 100),
      0,
    );
    expect(byBank).toBe(yi('商业银行已为棚改贷款授信'));
    const households = /共完成(\d+)户（其中房屋征收(\d+)户，房屋拆迁(\d+)户）/.exec(text);
    expect(Number(households?.[1])).toBe(Number(households?.[2]) + Number(households?.[3]));
  });
});

describe('bulletin rules under other thresholds', () => {
  it('drops a sentence whose list is empty instead of saying 0个', () => {
    const text = progressText({
      ...DEFAULT_THRESHOLDS,
      startWarning: 0,
      expropriationAhead: 1000,
      expropriationBehind: 0,
      carryOverMany: 1000,
      allocationLow: 0,
    });
    expect(text).not.toMatch(/[等共]0个/);
    expect(text).not.toContain('特别是');
    expect(text).not.toContain('进展较快');
    expect(text).not.toContain('进度缓慢');
    expect(text).not.toContain('项目数量较多');
    expect(text).not.toContain('分配率低于');
    // The sentences with members stay.
    expect(text).toContain('共25个市县开工率达到100%');
  });

  it.each([
    // Lowering the warning line to 45% takes 通化市 (47.0%) out of the named units; it stays 滞后.
    [{ startWarning: 45 }, '通化市（开工率为47.0%）', '等6个市县重视不够', '开工率不到45%'],
    // Lowering the low line to 75% takes 长白县 (78.1%) and 农安县 (78.6%) out of 分配率低于.
    [{ allocationLow: 75 }, '长白县', '共5个市县分配率低于75%', '分配率低于75%'],
  ] as const)('moves units between lists: %o', (change, leaves, count, wording) => {
    const base = progressText();
    const moved = progressText({ ...DEFAULT_THRESHOLDS, ...change });
    expect(moved).toContain(count);
    expect(moved).toContain(wording);
    const list = 'startWarning' in change ? '重视不够' : '分配率低于';
    const movedList = sentences(moved).find((s) => s.includes(list)) ?? '';
    const baseList = sentences(base).find((s) => s.includes(list)) ?? '';
    expect(baseList).toContain(leaves);
    expect(movedList).not.toContain(leaves);
  });

  it('moves units from 达到 to 滞后 when the start target rises', () => {
    const moved = progressText({ ...DEFAULT_THRESHOLDS, startTarget: 101 });
    const reached = listBefore(moved, '个市县开工率达到101%');
    const lagging = listBefore(moved, '开工率没有完成');
    expect(reached.length + lagging.length).toBe(47);
    expect(lagging.length).toBeGreaterThan(22);
  });
});

describe('the whole bulletin', () => {
  it('frames the progress part with the fixed texts, attachments and signature, and reads back from text', () => {
    const analysis = analysePeriod({
      returnsByPeriod: samples,
      period: '2018-09',
      register: defaultRegister,
      thresholds: DEFAULT_THRESHOLDS,
    });
    const bulletin = generateBulletin(analysis, DEFAULT_BULLETIN_TEXT, { docDate: '2018-10-10' });
    const text = bulletinToText(bulletin);
    expect(text.split('\n')[0]).toBe(
      '关于2018年1-9月全省棚户区改造、棚改贷款、房屋征收和公租房分配进展情况的通报',
    );
    expect(text).toContain('现将1-9月全省棚户区改造');
    expect(text).toContain('附件：1.2018年1-9月全省棚户区改造开工进展情况');
    expect(text).toContain('5.2018年1-9月全省公租房分配进展情况');
    expect(text.trim().split('\n').slice(-2)).toEqual([
      '吉林省保障性安居工程领导小组办公室',
      '2018年10月10日',
    ]);
    expect(parseBulletinText(text)).toEqual(bulletin.paragraphs);
  });
});

// ---- every period and every edge: datasets made by transforming the samples ---------------------------------

type Samples = Map<PeriodKey, ParsedReturn[]>;

/** A deep copy of some periods of the samples, each return passed through `edit` (which may drop it: null). */
function transform(
  periods: readonly PeriodKey[],
  edit: (r: ParsedReturn) => ParsedReturn | null = (r) => r,
  relabel: (p: PeriodKey) => PeriodKey = (p) => p,
): Samples {
  const out: Samples = new Map();
  for (const period of periods) {
    const target = relabel(period);
    const [y, m] = target.split('-').map(Number);
    const cutoff = `${target}-${String(new Date(Date.UTC(y ?? 0, m ?? 0, 0)).getUTCDate()).padStart(2, '0')}`;
    const list = (samples.get(period) ?? [])
      .map((r) => edit({ ...structuredClone(r), period: target, cutoff }))
      .filter((r): r is ParsedReturn => r !== null);
    out.set(target, list);
  }
  return out;
}

function analyse(data: Samples, period: PeriodKey) {
  return analysePeriod({
    returnsByPeriod: data,
    period,
    register: defaultRegister,
    thresholds: DEFAULT_THRESHOLDS,
  });
}

function textOf(data: Samples, period: PeriodKey): string {
  return bulletinToText(
    generateBulletin(analyse(data, period), DEFAULT_BULLETIN_TEXT, { today: '2018年10月10日' }),
  );
}

const FEW = ['220100', '220122', '220183', '220200', '222401'];
const shift = (months: Record<string, string>) => (p: PeriodKey) => months[p] ?? p;

const DATASET_NAMES = [
  'samples 2018-09',
  '2018年1-8月 without July',
  'January 2019',
  'December',
  'five units reported',
  'everyone at 100%',
  'no credit anywhere',
  'carry-over up',
  'a bank new this month',
  'a bank gone this month',
] as const;

let built: [string, Samples, PeriodKey][] | undefined;

/** Every dataset the rules below run on (built once the samples are loaded): [name, returns by period, period]. */
function datasets(): [string, Samples, PeriodKey][] {
  built ??= buildDatasets();
  return built;
}

function buildDatasets(): [string, Samples, PeriodKey][] {
  return [
    ['samples 2018-09', samples, '2018-09'],
    ['2018年1-8月 without July', transform(['2018-08']), '2018-08'],
    ['January 2019', transform(['2018-09'], (r) => r, shift({ '2018-09': '2019-01' })), '2019-01'],
    [
      'December',
      transform(['2018-08', '2018-09'], (r) => r, shift({ '2018-08': '2018-11', '2018-09': '2018-12' })),
      '2018-12',
    ],
    [
      'five units reported',
      transform(['2018-08', '2018-09'], (r) =>
        r.period === '2018-09' && !FEW.includes(r.unitId) ? null : r,
      ),
      '2018-09',
    ],
    ['everyone at 100%', transform(['2018-08', '2018-09'], allDone), '2018-09'],
    ['no credit anywhere', transform(['2018-08', '2018-09'], noLoans), '2018-09'],
    ['carry-over up', transform(['2018-08', '2018-09'], moreProjects), '2018-09'],
    ['a bank new this month', transform(['2018-08', '2018-09'], newBank), '2018-09'],
    ['a bank gone this month', transform(['2018-08', '2018-09'], bankGone), '2018-09'],
  ];
}

function allDone(r: ParsedReturn): ParsedReturn {
  const t = r.tables;
  if (t.start) t.start.started = Math.max(t.start.started, t.start.plan);
  if (t.publicRental) {
    t.publicRental.allocated = t.publicRental.raised;
    t.publicRental.yearAllocated = t.publicRental.yearTask;
  }
  if (t.expropriation)
    t.expropriation.expropriated = Math.max(t.expropriation.plan, t.expropriation.expropriated);
  if (t.carryOver) t.carryOver = [];
  return r;
}

function noLoans(r: ParsedReturn): ParsedReturn {
  if (r.tables.loan) r.tables.loan.banks = [];
  return r;
}

/** 长春市 lists ten more unfinished projects in September than it did. */
function moreProjects(r: ParsedReturn): ParsedReturn {
  if (r.period === '2018-09' && r.unitId === '220100' && r.tables.carryOver) {
    for (let i = 1; i <= 10; i++) {
      r.tables.carryOver.push({
        name: `新增结转项目${i}`,
        households: 10,
        unfinished: 5,
        reason: '',
        plannedFinish: '',
      });
    }
  }
  return r;
}

const NEW_BANK_CREDIT = 2 * 100_000_000;
const NEW_BANK_DISBURSED = 50_000_000;

/** 敦化市's 建设银行 line (11.8亿元 of credit, nothing lent) is gone from its September return. */
function bankGone(r: ParsedReturn): ParsedReturn {
  if (r.period === '2018-09' && r.unitId === '222403' && r.tables.loan) {
    r.tables.loan.banks = r.tables.loan.banks.filter((b) => b.bank !== '中国建设银行');
  }
  return r;
}

/** 梨树县 borrows from 吉林银行 in September only (a bank the province has not seen before). */
function newBank(r: ParsedReturn): ParsedReturn {
  if (r.period === '2018-09' && r.unitId === '220322') {
    r.tables.loan ??= { need: null, banks: [] };
    r.tables.loan.banks.push({
      bank: '吉林银行',
      credit: NEW_BANK_CREDIT,
      creditMonth: NEW_BANK_CREDIT,
      disbursed: NEW_BANK_DISBURSED,
      disbursedMonth: NEW_BANK_DISBURSED,
      note: '',
    });
  }
  return r;
}

describe('bulletin for every period and edge', () => {
  it.each([
    // 1-8月 with July not stored: the month increases are the declared 本月 figures, never 无新增 for unknown.
    [
      '2018年1-8月 without July',
      '截止8月31日，2018年为棚改项目授信（审批）总额度310.04亿元（8月新增7.39亿元）',
    ],
    ['2018年1-8月 without July', '2018年已发放棚改贷款251.1亿元（8月新增9.39亿元）'],
    ['2018年1-8月 without July', '全省共84个拆迁结转项目没有完成房屋拆迁工作，进度还需要加快。'],
    // January: the cutoff and label of the month, the increase is the cumulative figure.
    ['January 2019', '关于2019年1月全省棚户区改造、棚改贷款、房屋征收和公租房分配进展情况的通报'],
    ['January 2019', '现将1月全省棚户区改造'],
    ['January 2019', '2019年全省计划改造各类棚户区9.527万套。截止1月31日，已开工8.19万套'],
    ['January 2019', '没有完成省政府要求的1月底开工率达100%目标要求'],
    ['January 2019', '总额度310.04亿元（1月新增310.04亿元）'],
    ['January 2019', '2019年已发放棚改贷款252.32亿元（1月新增252.32亿元）'],
    ['January 2019', '附件：1.2019年1月全省棚户区改造开工进展情况'],
    // The requirements' placeholders follow the period and the data.
    ['samples 2018-09', '特别是9月底开工进展较慢、开工率未达到100%的22个市县，要认真分析'],
    ['January 2019', '特别是1月底开工进展较慢、开工率未达到100%的22个市县，要认真分析'],
    [
      'everyone at 100%',
      '（一）加快推进棚户区改造开工建设进度。各地要进一步加快推进棚改开工建设进度。省政府督查室、省住房和城乡建设厅将对棚改开工建设进展情况进行跟踪督办。',
    ],
    // December.
    ['December', '关于2018年1-12月全省棚户区改造'],
    ['December', '截止12月31日，已开工8.19万套'],
    ['December', '没有完成省政府要求的12月底开工率达100%目标要求'],
    ['December', '总额度310.04亿元（12月无新增）'],
    ['December', '全省共78个拆迁结转项目没有完成房屋拆迁工作，比上个月减少6个'],
    // Few units: the text itself says who is missing and what the totals are.
    ['five units reported', '未报送月报，以下全省数据为已报送的5个市县的合计。'],
    ['five units reported', '房屋拆迁200户）。德惠市房屋征收进展较快。'],
    ['five units reported', '长春市分配率达100%。农安县分配率低于80%'],
    // Everyone done: the lagging and zero lists are gone, the carry-over is complete.
    ['everyone at 100%', '共47个市县开工率达到100%。'],
    ['everyone at 100%', '目前全省拆迁结转项目已全部完成房屋拆迁工作。'],
    // No credit anywhere.
    ['no credit anywhere', '截止9月30日，2018年各市县尚未取得棚改项目授信（审批）。2018年尚未发放棚改贷款。'],
    // More projects than last month.
    [
      'carry-over up',
      '全省共88个拆迁结转项目没有完成房屋拆迁工作，比上个月增加4个，拆迁项目进度还需要加快。',
    ],
    ['carry-over up', '长春市（29个项目）'],
    // A bank seen only this month: named with the others, its credit is the whole month increase.
    ['a bank new this month', '总额度312.04亿元（9月新增2亿元）'],
    [
      'a bank new this month',
      '商业银行已为棚改贷款授信102.04亿元（建设银行37.22亿元、工商银行25亿元、浦发银行1.2亿元、光大银行26.62亿元、邮政储蓄银行10亿元、吉林银行2亿元。9月新增2亿元）',
    ],
    ['a bank new this month', '商业银行发放贷款89.34亿元（9月新增0.5亿元）'],
    // A bank line gone: the credit fell, said as 减少, never 新增-….
    ['a bank gone this month', '总额度298.24亿元（9月减少11.8亿元）'],
    [
      'a bank gone this month',
      '商业银行已为棚改贷款授信88.24亿元（建设银行25.42亿元、工商银行25亿元、浦发银行1.2亿元、光大银行26.62亿元、邮政储蓄银行10亿元。9月减少11.8亿元）',
    ],
  ])('%s: says %s', (name, phrase) => {
    const [, data, period] = datasets().find(([n]) => n === name) ?? [];
    if (!data || !period) throw new Error(name);
    expect(textOf(data, period)).toContain(phrase);
  });

  it.each([
    ['2018年1-8月 without July', /8月无新增/],
    ['everyone at 100%', /滞后|特别是|分配率低于|分配率为零|没有完成房屋拆迁|进度缓慢|较去年下降/],
    ['no credit anywhere', /[^\d.]0亿元|已取得2018年|其中：国开行|其中：农发行|其中：商业银行|仍有/],
    ['samples 2018-09', /未报送/],
    ['a bank gone this month', /新增-/],
  ])('%s: never says %s', (name, pattern) => {
    const [, data, period] = datasets().find(([n]) => n === name) ?? [];
    if (!data || !period) throw new Error(name);
    // The progress part only: the fixed requirement texts are the user's words.
    const progress = progressParagraphs(analyse(data, period)).map((p) => p.text);
    expect(progress.join('\n')).not.toMatch(pattern);
  });

  it('names exactly the units that have not reported, in the text and in the analysis', () => {
    const [, data] = datasets().find(([n]) => n === 'five units reported') ?? [];
    if (!data) throw new Error('no dataset');
    const analysis = analyse(data, '2018-09');
    expect(analysis.reportedUnits).toEqual(FEW);
    const sentence = sentences(textOf(data, '2018-09')).find((s) => s.startsWith('本期')) ?? '';
    const named = sentence
      .replace(/^本期/, '')
      .replace(/等\d+个市县未报送.*$/, '')
      .split('、');
    expect(named.sort()).toEqual(analysis.missingUnits.map((id) => defaultRegister.unit(id)?.name).sort());
    expect(sentence).toContain(`等${defaultRegister.units.length - FEW.length}个市县未报送月报`);
    // The province figure in the text is the five units' sum, not the full province's.
    const plan = FEW.reduce(
      (s, id) => s + (data.get('2018-09')?.find((r) => r.unitId === id)?.tables.start?.plan ?? 0),
      0,
    );
    expect(analysis.start.province.plan).toBe(plan);
  });

  it('writes no increase when some unit declares none and the rest declare zero (not 无新增)', () => {
    // July is not stored; units with a credit increase leave 本月 empty, the others declare 0.
    const data = transform(['2018-08'], (r) => {
      for (const b of r.tables.loan?.banks ?? []) if (b.creditMonth !== 0) b.creditMonth = null;
      return r;
    });
    const analysis = analyse(data, '2018-08');
    expect(analysis.loan.province.total.creditMonth).toMatchObject({ value: 0, incomplete: true });
    const text = textOf(data, '2018-08');
    expect(text).toContain('总额度310.04亿元。');
    expect(text).not.toMatch(/授信[^。；]*8月无新增/);
  });

  it('says 新增不少于 when part of the month is unknown and the known part is positive', () => {
    const data = transform(['2018-08'], (r) => {
      if (r.unitId === '220100') for (const b of r.tables.loan?.banks ?? []) b.creditMonth = null;
      return r;
    });
    const inc = analyse(data, '2018-08').loan.province.total.creditMonth;
    expect(inc.incomplete).toBe(true);
    expect(inc.value).toBeGreaterThan(0);
    expect(textOf(data, '2018-08')).toMatch(/总额度310\.04亿元（8月新增不少于[\d.]+亿元）/);
  });

  it.each(DATASET_NAMES.map((name) => [name]))(
    '%s: no unit in two exclusive lists, in calc and in the text',
    (name) => {
      const [, data, period] = datasets().find(([n]) => n === name) ?? [];
      if (!data || !period) throw new Error(name);
      const a = analyse(data, period);
      const disjoint = (x: readonly string[], y: readonly string[]) => x.filter((id) => y.includes(id));
      expect(disjoint(a.start.lists.reached, a.start.lists.lagging)).toEqual([]);
      expect(a.start.lists.below.every((id) => a.start.lists.lagging.includes(id))).toBe(true);
      expect(disjoint(a.loan.lists.withCredit, a.loan.lists.needNoCredit)).toEqual([]);
      expect(disjoint(a.expropriation.lists.ahead, a.expropriation.lists.behind)).toEqual([]);
      expect(disjoint(a.publicRental.lists.atTarget, a.publicRental.lists.low)).toEqual([]);
      expect(disjoint(a.publicRental.lists.yearDone, a.publicRental.lists.yearZero)).toEqual([]);
      const all = [...a.start.lists.reached, ...a.start.lists.lagging, ...a.publicRental.lists.atTarget];
      expect(disjoint(all, a.missingUnits)).toEqual([]);

      const text = textOf(data, period);
      const pairs: [RegExp, RegExp][] = [
        [/开工率达到\d+%/, /开工率没有完成/],
        [/已取得\d+年棚改项目贷款授信/, /未取得\d+年棚改贷款授信/],
        [/等地区房屋征收进展较快/, /等市县房屋征收进度缓慢/],
        [/分配率达\d+%/, /分配率低于\d+%/],
        [/分配率已达到100%/, /分配率为零/],
      ];
      for (const [x, y] of pairs) {
        const first = listMatching(text, x);
        const second = listMatching(text, y);
        expect(
          first.filter((n) => second.includes(n)),
          `${x} / ${y}`,
        ).toEqual([]);
      }
    },
  );

  it.each(DATASET_NAMES.map((name) => [name]))(
    '%s: counts equal their lists, totals their parts, the text reads cleanly',
    (name) => {
      const [, data, period] = datasets().find(([n]) => n === name) ?? [];
      if (!data || !period) throw new Error(name);
      const text = textOf(data, period);
      for (const m of text.matchAll(/([^。；，\n]*?)[等共](\d+)个市县/g)) {
        const head = (m[1] ?? '').replace(/^.*?(特别是|仍有|本期|截止\d+月\d+日，)/, '');
        expect(head.split('、').length, m[0]).toBe(Number(m[2]));
      }
      expect(text).not.toMatch(
        /。。|，。|；。|、。|（）|[等共的]0个|\{\w+\}|新增-|NaN|undefined|null|Infinity/,
      );
      const a = analyse(data, period);
      const sum = <T>(rows: readonly T[], f: (r: T) => number) => rows.reduce((s, r) => s + f(r), 0);
      expect(a.start.province.plan).toBe(sum(a.start.units, (u) => u.plan));
      expect(a.start.province.started).toBe(sum(a.start.units, (u) => u.started));
      expect(a.loan.province.total.credit).toBe(sum(a.loan.units, (u) => u.total.credit));
      expect(a.loan.province.total.credit).toBe(sum(a.loan.province.banks, (b) => b.credit));
      expect(a.loan.province.total.disbursed).toBe(
        a.loan.province.policy.disbursed + a.loan.province.commercial.disbursed,
      );
      expect(a.expropriation.province.total).toBe(
        a.expropriation.province.expropriated + a.expropriation.province.demolished,
      );
      expect(a.carryOver.province.count).toBe(a.carryOver.projects.length);
      expect(a.publicRental.province.allocated).toBe(sum(a.publicRental.units, (u) => u.allocated));
    },
  );
});

/** The names of the list in the sentence that matches `marker`. */
function listMatching(text: string, marker: RegExp): string[] {
  const sentence = sentences(text).find((s) => marker.test(s));
  if (!sentence) return [];
  const at = sentence.search(marker);
  return sentence
    .slice(0, at)
    .replace(/^(特别是|仍有|截止\d+月\d+日，)/, '')
    .replace(/[等共]\d+个市县$/, '')
    .replace(/等$/, '')
    .split('、')
    .map((n) => n.replace(/（.*$/, ''));
}
