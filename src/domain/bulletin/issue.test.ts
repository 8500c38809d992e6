// 发文字号 and 成文日期 rules: the template and the running number per year, the default date.
import { describe, expect, it } from 'vitest';
import {
  advanceDocNumber,
  DEFAULT_DOC_NUMBER,
  docNumberProblem,
  formatDocNumber,
  isIsoDay,
  isoToday,
  nextDocNumber,
  withDefaultDocNumber,
  withDocDate,
} from './issue';

describe('发文字号', () => {
  it.each([
    ['吉安居办〔{year}〕{number}号', 2018, 12, '吉安居办〔2018〕12号'],
    ['吉安居办〔{year}〕{number}号', 2019, 1, '吉安居办〔2019〕1号'],
    ['吉建办字〔{year}〕第{number}号', 2020, 305, '吉建办字〔2020〕第305号'],
    ['{number}号（{year}）', 2018, 7, '7号（2018）'],
  ])('%s with %i and %i is %s', (template, year, number, expected) => {
    expect(formatDocNumber(template, year, number)).toBe(expected);
  });

  it.each([
    [{}, 2018, 1],
    [{ '2018': 12 }, 2018, 12],
    [{ '2018': 12 }, 2019, 1],
    [{ '2018': 0 }, 2018, 1],
    [{ '2018': 2.5 }, 2018, 1],
  ])('next number of %o in %i is %i', (next, year, expected) => {
    expect(nextDocNumber({ ...DEFAULT_DOC_NUMBER, next }, year)).toBe(expected);
  });

  it.each([
    // Issuing the next number moves on by one; a number typed beyond it moves the counter past it; a number
    // typed below it (filling a gap) leaves the counter where it was.
    [{ '2018': 12 }, 2018, 12, 13],
    [{ '2018': 12 }, 2018, 20, 21],
    [{ '2018': 12 }, 2018, 3, 12],
    [{}, 2019, 1, 2],
  ])('after issuing in %o: year %i number %i, the next is %i', (next, year, used, expected) => {
    const after = advanceDocNumber({ ...DEFAULT_DOC_NUMBER, next }, year, used);
    expect(nextDocNumber(after, year)).toBe(expected);
    // Other years keep their own numbers.
    for (const [y, n] of Object.entries(next)) if (y !== String(year)) expect(after.next[y]).toBe(n);
  });

  it.each([
    ['吉安居办〔{year}〕{number}号', 1, null],
    ['吉安居办〔{year}〕号', 1, 'template.noNumber'],
    ['吉安居办〔{year}〕{number}号', 0, 'number.invalid'],
    ['吉安居办〔{year}〕{number}号', 1.5, 'number.invalid'],
    ['吉安居办〔{year}〕{number}号', 100_000, 'number.invalid'],
  ])('%s with %d: %s', (template, number, problem) => {
    expect(docNumberProblem(template, number)).toBe(problem);
  });

  it('fills what the stored setting lacks', () => {
    expect(withDefaultDocNumber(undefined)).toEqual(DEFAULT_DOC_NUMBER);
    expect(withDefaultDocNumber({ next: { '2018': 4 } })).toEqual({
      template: DEFAULT_DOC_NUMBER.template,
      next: { '2018': 4 },
    });
  });
});

describe('成文日期', () => {
  it.each([
    [new Date(2018, 9, 10, 23, 59), '2018-10-10'],
    [new Date(2019, 0, 1, 0, 0), '2019-01-01'],
    [new Date(2024, 1, 29, 12, 0), '2024-02-29'],
  ])('the day of generating %s is %s (local time)', (now, iso) => {
    expect(isoToday(now)).toBe(iso);
  });

  it.each([
    ['2018-10-10', true],
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2018-9-30', false],
    ['2018年10月10日', false],
    ['', false],
  ])('%s is a day: %s', (text, ok) => {
    expect(isIsoDay(text)).toBe(ok);
  });
});

describe('the date line of an issued text', () => {
  const body = { kind: 'body' as const, text: '正文' };
  const issuer = { kind: 'issuer' as const, text: '吉林省保障性安居工程领导小组办公室' };
  it.each([
    ['replaces the date the text has', [body, issuer, { kind: 'date' as const, text: '2018年10月10日' }]],
    ['adds one after the issuer when the text has none', [body, issuer]],
  ])('%s', (_, paragraphs) => {
    expect(withDocDate(paragraphs, '2019-01-05')).toEqual([
      body,
      issuer,
      { kind: 'date', text: '2019年1月5日' },
    ]);
  });
});
