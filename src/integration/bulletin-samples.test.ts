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
    const bulletin = generateBulletin(analysis, DEFAULT_BULLETIN_TEXT);
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
