import { describe, expect, it } from 'vitest';
import { TABLES } from '../tables';
import { generatedHeaders } from './generated-headers';
import { balancedLines, breakSegments, minLineEms, textEms, wrapLines } from './line-breaks';

const CLOSING = '）)〕】》”’]、，。：；！？,.:;!?%％';

describe('textEms', () => {
  it.each([
    ['年度计划（套）', 7],
    ['1-9月', 2.5],
    ['开工率（%）', 5.5],
    ['ＧＢ', 2],
    ['', 0],
  ])('%s is %d ems', (text, ems) => expect(textEms(text)).toBe(ems));
});

describe('breakSegments', () => {
  it.each([
    ['年度计划（套）', ['年', '度', '计', '划', '（套）']],
    ['其中：本月开工（套）', ['其', '中：', '本', '月', '开', '工', '（套）']],
    ['本年授信（审批）额度（亿元）', ['本', '年', '授', '信', '（审批）', '额', '度', '（亿元）']],
    ['1-9月累计', ['1-9', '月', '累', '计']],
    ['开工率（%）', ['开', '工', '率', '（%）']],
    ['（（套）万）', ['（（套）万）']],
    ['）套', ['）套']],
    ['率%，', ['率%，']],
  ])('%s', (text, pieces) => {
    expect(breakSegments(text)).toEqual(pieces);
    expect(breakSegments(text).join('')).toBe(text);
  });
});

// Header texts of the official tables, and generated ones of the same kind: words, a bracketed unit anywhere,
// 其中：, months, percent signs.
const OFFICIAL = TABLES.flatMap((def) => def.fields.map((f) => f.header));
describe('wrapLines', () => {
  const texts = [...new Set([...OFFICIAL, ...generatedHeaders(300)])];

  it.each(texts)(
    '%s: at every width, lines fit, give the text back, and never break inside brackets',
    (text) => {
      const total = textEms(text);
      for (let capacity = minLineEms(text); capacity <= total + 1; capacity += 0.5) {
        const lines = wrapLines(text, capacity);
        expect(lines.join('')).toBe(text);
        for (const line of lines) {
          expect(textEms(line)).toBeLessThanOrEqual(capacity);
          expect(CLOSING.includes(line[0] ?? ''), `line "${line}" of ${text} at ${capacity}`).toBe(false);
          // Every bracket a line opens, it closes.
          expect((line.match(/[（(]/g) ?? []).length).toBe((line.match(/[）)]/g) ?? []).length);
        }
        // Greedy: no line could have taken the next line's first piece.
        for (let i = 0; i + 1 < lines.length; i++) {
          const nextPiece = breakSegments(lines[i + 1] ?? '')[0] ?? '';
          expect(textEms(lines[i] ?? '') + textEms(nextPiece)).toBeGreaterThan(capacity);
        }
      }
    },
  );

  it.each([
    ['年度计划（套）', 4, ['年度计划', '（套）']],
    ['年度计划（套）', 6, ['年度计划', '（套）']],
    ['年度计划（套）', 7, ['年度计划（套）']],
    ['本年棚改需贷款（亿元）', 4, ['本年棚改', '需贷款', '（亿元）']],
    ['其中：本月开工（套）', 5, ['其中：本月', '开工（套）']],
  ])('%s in %d ems', (text, capacity, lines) => expect(wrapLines(text, capacity)).toEqual(lines));

  it('gives a piece wider than the line a line of its own', () => {
    expect(wrapLines('计划（亿元）', 2)).toEqual(['计划', '（亿元）']);
    expect(wrapLines('', 3)).toEqual(['']);
  });
});

describe('balancedLines', () => {
  const texts = [...new Set([...OFFICIAL, ...generatedHeaders(300)])];

  it.each(texts)('%s: as few lines as the greedy fill, none wider, still unbroken brackets', (text) => {
    for (let capacity = minLineEms(text); capacity <= textEms(text) + 1; capacity += 0.5) {
      const greedy = wrapLines(text, capacity);
      const even = balancedLines(text, capacity);
      expect(even.join('')).toBe(text);
      expect(even.length).toBe(greedy.length);
      const widest = (lines: string[]) => Math.max(...lines.map(textEms));
      expect(widest(even)).toBeLessThanOrEqual(widest(greedy));
      for (const line of even)
        expect((line.match(/[（(]/g) ?? []).length).toBe((line.match(/[）)]/g) ?? []).length);
    }
  });

  it.each([
    ['其中：本月新增授信', 4, ['其中：', '本月新', '增授信']],
    ['本年棚改需贷款（亿元）', 5, ['本年棚改', '需贷款', '（亿元）']],
    ['年度计划（套）', 10, ['年度计划（套）']],
  ])('%s in %d ems', (text, capacity, lines) => expect(balancedLines(text, capacity)).toEqual(lines));
});
